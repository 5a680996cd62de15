"""What happened in STRIDE's working record, by kind: meetings.py, feedback.py and
decisions.py (the data; record/demo.py records it through the services)."""
