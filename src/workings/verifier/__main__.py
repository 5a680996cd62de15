"""``python -m workings.verifier verify EXPORT --key KEY`` (or ``verify-annex FILE --key KEY``)."""

import sys

from .cli import main

sys.exit(main(prog="python -m workings.verifier"))
