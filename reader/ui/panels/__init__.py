"""Dock panels over the open transcript (a segment's history, comments, suggestions, the quality check):
each a view with signals; the window wires them."""
