"""`reader`: the subcommand chosen, the settings read, the command run; an interrupted or
cut-off run ends quietly."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from reader import paths
from reader.cli.parser import SUBCOMMANDS, build_parser
from reader.config import Config, decide, load_config

# command -> its module in reader.cli: only the one run is imported (start-up time is the app's
# first paint)
COMMANDS = {
    "open": "running",
    "annotate": "running",
    "fetch": "running",
    "articles": "listing",
    "entities": "listing",
    "quotes": "listing",
    "speakers": "listing",
    "search": "listing",
    "speaker": "reports",
    "stats": "reports",
    "bookmarks": "settings",
    "themes": "settings",
    "config": "settings",
    "cache": "settings",
    "feeds": "feeds",
}


def command(name: str) -> Callable[..., int]:
    function: Callable[..., int] = getattr(importlib.import_module(f"reader.cli.{COMMANDS[name]}"), f"cmd_{name}")
    return function


def main(argv: list[str] | None = None) -> int:
    # No cyclic collections while the start imports hundreds of modules (nothing they make is
    # garbage): the app turns collection back on after its first frame, the commands at once.
    gc.disable()
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`reader quotes | head`): end quietly, and keep
        # Python from complaining while it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _main(argv: list[str]) -> int:
    logging.basicConfig(format="reader: %(message)s", level=logging.WARNING)
    if argv and argv[0] in SUBCOMMANDS and Path(argv[0]).is_dir() and argv[0] != "open":
        print(
            f"reader: note: '{argv[0]}' is a subcommand; to open the folder of that name, "
            f"use `reader ./{argv[0]}` or `reader open {argv[0]}`",
            file=sys.stderr,
        )
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["open", *argv]
    args = build_parser().parse_args(argv)
    if args.command is None:
        args = build_parser().parse_args(["open", *argv])
    config = _settings()
    if hasattr(args, "model"):
        args.model = decide(args.model, "READER_MODEL", None, config.model, None)
    if getattr(args, "paths", None) == []:
        args.paths = own_library(config)  # else the samples (the commands' default)
    args.config = config
    if args.command != "open":
        gc.enable()
    return command(args.command)(args)


def own_library(config: Config) -> list[Path]:
    """What opens when no path is given: config.toml's library; else the library folder, once
    the user subscribes to feeds or has articles there; else nothing (the samples, then)."""
    if config.library:
        return config.library
    from reader.feeds import Subscriptions, library_folder

    folder = library_folder([])
    has_files = folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))
    return [folder] if Subscriptions.load().feeds or has_files else []


def _settings() -> Config:
    """config.toml, with its problems on stderr; its cache folder comes after READER_CACHE_DIR."""
    config = load_config()
    for problem in config.problems:
        print(f"reader: {problem}", file=sys.stderr)
    if config.cache_dir is not None:
        paths.set_cache_dir(config.cache_dir)
    return config
