"""The comparison of two recognitions of one talk, side by side (issue 16)."""
