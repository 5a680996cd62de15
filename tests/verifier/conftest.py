import sys
from pathlib import Path

# Make tests/verifier/ledger_helpers.py importable without package __init__ files.
sys.path.insert(0, str(Path(__file__).parent))
