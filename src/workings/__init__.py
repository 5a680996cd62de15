"""Workings: a shared, tamper-evident record of how a research team and its public
contributors really worked together."""

__version__ = "0.1.0"
