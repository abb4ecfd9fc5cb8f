"""transcript-reader: read, clean and correct Chinese ASR transcripts."""

__version__ = "0.1.0"
APP_NAME = "transcript-reader"
