"""The glossary: the words the record uses, in plain words. Each term has a stable id (the
page's #anchor) so that any page can link a word to its explanation: {% url 'core:glossary'
%}#checkpoint. Technical names sit beside the plain word, for technical checkers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    id: str
    word: Promise
    meaning: Promise
    technical: Promise | str = ""


TERMS: tuple[Term, ...] = (
    Term(
        "record",
        _("Record"),
        _(
            "Everything written down about how a project's team and its public contributors "
            "worked together: the agreement, meetings, feedback and answers, decisions, "
            "disagreements, concerns and money. Nothing in it is changed in place: a "
            "correction is a new entry beside what it corrects."
        ),
    ),
    Term(
        "entry",
        _("Entry"),
        _(
            "One thing added to the record, with the day and time it was added. Entries "
            "are numbered from 0."
        ),
    ),
    Term(
        "ledger",
        _("Ledger (or log)"),
        _(
            "The list of all a project's entries, in order. It can only grow: entries are "
            "added at the end and never changed or taken out."
        ),
        _("An append-only log, hashed as a Merkle tree (RFC 9162)."),
    ),
    Term(
        "fingerprint",
        _("Fingerprint"),
        _(
            "A short code worked out from an entry's exact words. Change one letter and the "
            "fingerprint changes completely, so matching fingerprints show nothing was changed."
        ),
        _("A SHA-256 hash."),
    ),
    Term(
        "merkle-tree",
        _("Merkle tree and root"),
        _(
            "The way all the fingerprints are combined, two by two, into one fingerprint for "
            "the whole record (its root). If any entry changed, the root would change too."
        ),
        _("RFC 9162 leaf and node hashing."),
    ),
    Term(
        "checkpoint",
        _("Checkpoint (signed summary)"),
        _(
            "A short statement the site signs after every change: how many entries the record "
            "has and the fingerprint of all of them together. Anyone can use it to check that "
            "nothing before it has been changed or taken out."
        ),
        _("A C2SP tlog-checkpoint in a signed note."),
    ),
    Term(
        "signature",
        _("Signature and public key"),
        _(
            "The site signs each checkpoint with a secret key that only it holds. Anyone can "
            "check the signature with the site's public key, which is published for everyone."
        ),
        _("Ed25519; the key is at /.well-known/workings/log-key."),
    ),
    Term(
        "sealed",
        _("Private entry (sealed)"),
        _(
            "An entry whose words only certain people may read, such as a confidential "
            "concern. Everyone can see that it exists and when it was made, so it can never be "
            "quietly lost, but not what it says."
        ),
    ),
    Term(
        "commitment",
        _("Commitment"),
        _(
            "What the record keeps in place of an entry's words: a fingerprint of the words "
            "mixed with a random number. It proves the words were not changed, without "
            "showing them."
        ),
        _("SHA-256 of a 32-byte salt and the canonical JSON (RFC 8785) of the content."),
    ),
    Term(
        "erased",
        _("Erased"),
        _(
            "When personal information must be removed (for example at the person's request), "
            "its words are deleted. The record still shows that something was written, when, "
            "and why it was erased."
        ),
    ),
    Term(
        "witness",
        _("Witness"),
        _(
            "Someone outside the project, such as the funder, who keeps a copy of each "
            "checkpoint they see. If the record were ever rewritten, it would no longer agree "
            "with their copy."
        ),
        _("Consistency proofs between checkpoints (RFC 9162)."),
    ),
    Term(
        "export",
        _("Export file"),
        _("The whole record as a file you can download and check on your own computer."),
        _("JSON Lines (JSONL), checked with the workings verify command."),
    ),
    Term(
        "gripp2",
        _("GRIPP2"),
        _(
            "A checklist researchers use to report how patients and the public were involved "
            "in a study, in a short or a long form."
        ),
    ),
    Term(
        "influence",
        _("Levels of influence"),
        _("How much say public contributors had in a decision, from least to most:"),
    ),
    Term(
        "informed",
        _("Informed"),
        _("Contributors were told about the decision after it was made."),
    ),
    Term(
        "consulted",
        _("Consulted"),
        _("Contributors were asked their view; the team decided."),
    ),
    Term(
        "involved",
        _("Involved"),
        _("Contributors took part in the discussion and their views shaped the decision."),
    ),
    Term(
        "collaborating",
        _("Collaborating"),
        _("Contributors and the team decided together, as equals."),
    ),
    Term(
        "contributor-led",
        _("Contributor-led"),
        _("Contributors made the decision; the team supported it."),
    ),
)
