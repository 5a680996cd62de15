"""The language of the record.

What goes into the ledger, and the annex whose text the log key signs, must read the same
whoever caused it to be written: a Welsh reader's request must not commit Welsh labels that
an English reader's rebuild would not reproduce. Those are produced in the record's language
(English), whatever the request's. See docs/decisions/translation.md.
"""

from __future__ import annotations

from django.utils import translation

RECORD_LANGUAGE = "en-gb"


def in_record_language() -> translation.override:
    """Use as a decorator or a `with` block around code whose text is committed or signed."""
    return translation.override(RECORD_LANGUAGE)
