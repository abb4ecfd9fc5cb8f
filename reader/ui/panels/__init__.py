"""Dock panels over the open transcript: each a view with signals; the window wires them."""
