"""What anyone checking a Workings record runs: pure Python, no Django, no database.

Why: the ledger core (``workings.ledger``) is the tree, proofs, signed notes and entry
encoding, kept small enough to read in one sitting. Checking a record is built on top of it
here, so that a funder or any third party can check a project with only a file and the
log's public key:

- ``export``: the export format (JSON Lines), written by the server, read by the verifier;
- ``verify``: the streaming verifier of a whole export (one process);
- ``parallel``: the same check split over several processes for big files;
- ``annex``: the offline check of a report's co-production annex (JSON or PDF);
- ``witness``: a witness's rule for accepting a newer checkpoint (consistency proofs);
- ``cli``: the one command line, ``workings verify`` / ``workings verify-annex``
  (also ``python -m workings.verifier``).

This package imports ``workings.ledger`` and never Django; the ledger never imports it.
"""
