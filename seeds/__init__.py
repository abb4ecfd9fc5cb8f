"""The sample transcripts, installed as the package `reader.seeds` (see pyproject.toml).

This file makes the folder a regular package, which setuptools' editable install
can map and importlib.resources reads as a folder; the importer skips it.
"""
