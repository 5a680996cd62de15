"""Pure cryptographic core of the Workings ledger.

Why: everything the tamper-evidence promise rests on lives here, small and testable, with
no Django and no I/O: the one RFC 9162 Merkle hasher and compact range (``hashing``),
inclusion and consistency proofs (``merkle``), C2SP signed notes and checkpoints
(``checkpoint``), RFC 8785 canonical JSON (``canonical``) and leaf encoding with salted
content commitments (``entry``). What a checker runs on top of it (the export format, the
offline and multi-process verifiers, annex checks, witnesses, the command line) lives in
``workings.verifier``, which imports this package and never the other way round.

Import from the modules themselves (``from workings.ledger.hashing import leaf_hash``): each
name has one home, and this file stays a table of contents.
"""
