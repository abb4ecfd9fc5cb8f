"""Plain-Python core of transcript-reader. Nothing below this package imports Qt."""
