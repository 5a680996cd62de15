"""Pure cryptographic core of the Workings ledger (filled in below)."""
