import sys
from pathlib import Path

# Make tests/ledger/reference.py importable without package __init__ files.
sys.path.insert(0, str(Path(__file__).parent))
