from __future__ import annotations

from workings.agreements.diff import Part, version_diff, word_diff
from workings.agreements.readability import readability
from workings.agreements.sections import template_content


def test_word_diff_marks_added_and_removed_words() -> None:
    parts = word_diff("Payments are made within 30 days.", "Payments are made within 14 days.")
    assert Part("removed", "30") in parts and Part("added", "14") in parts
    assert parts[0] == Part("same", "Payments are made within")


def test_version_diff_is_per_section_and_covers_structured_data() -> None:
    old = template_content()
    new = template_content()
    new["payment"]["payment_days"] = 14
    new["decision_rights"]["budget"] = "consulted"
    diffs = {d.key: d for d in version_diff(old, new, {})}
    assert diffs["payment"].changed and diffs["decisions"].changed
    assert not diffs["purpose"].changed
    assert Part("added", "Consulted.") in diffs["decisions"].parts


def test_readability_hint_only_when_hard() -> None:
    easy = readability("We meet once a month. You can come when you like. We pay you for it. " * 2)
    assert easy is not None and easy.score >= 60 and not easy.hint
    hard = readability(
        "Notwithstanding the aforementioned considerations, participatory methodological "
        "deliberations necessitate comprehensive multidisciplinary institutional "
        "consultation regarding epidemiological generalisability and interpretability."
    )
    assert hard is not None and hard.score < 50 and "hard going" in hard.hint
    assert readability("Too short to judge.") is None
