"""Playing a transcript's recording: the player (Qt Multimedia behind a small interface) and the media bar."""
