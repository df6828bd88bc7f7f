"""The `reader` command. Subcommands work without the UI; the UI is imported only to open it."""

from reader.cli.main import main

__all__ = ["main"]
