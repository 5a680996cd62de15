"""Renderers of an annex document (from annex.build) into HTML, Markdown, JSON and PDF."""
