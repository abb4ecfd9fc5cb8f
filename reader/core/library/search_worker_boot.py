"""What every index worker needs, loaded once by the fork server the workers are forked from.

`search_workers` starts its workers from a fork server that imports this module first: the
cleaning code and the segmenter's dictionary (about a second to load) are then in memory
before any worker exists, and each worker forked from the server starts with them. The server
lives as long as the process that started it, so a second build in the app starts at once.
"""

from reader.core.library import search  # noqa: F401  (the code a worker runs: imported once, here)
from reader.core.text import segmenter

segmenter.warm_up()
