"""Dock panels of the main window: a segment's history, a transcript's comments."""
