"""The app's data files, installed as the package `reader.resources` (see pyproject.toml).

This file makes the folder a regular package, which setuptools' editable install
can map and importlib.resources reads as a folder.
"""
