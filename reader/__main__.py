from reader.cli import main

# Guarded: the index's worker processes (spawn) import this module again, and must not run it.
if __name__ == "__main__":
    raise SystemExit(main())
