"""Word-level diff between two versions: the agreements' word diff (difflib on word
tokens, line breaks kept), one implementation for both apps."""

from workings.agreements.diff import Part, word_diff

__all__ = ["Part", "word_diff"]
