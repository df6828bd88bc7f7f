"""Finding and reading article files: every format's reader in one registry, keyed by suffix.

A reader takes ``(path, bytes, text)`` and returns ``(articles, problems)``; the web formats'
readers are imported only when a library has such files (trafilatura is heavy and optional).
A file named on the command line without a known suffix is read as plain text.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from reader import faults
from reader.limits import DEFAULT
from reader.sources.article import Article, LoadResult
from reader.text import NotText, decode, safe

Reader = Callable[[Path, bytes, str], tuple[list[Article], list[str]]]

# suffix -> (module, function): what reads it
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("reader.sources.plain", "read"),
    ".md": ("reader.sources.plain", "read"),
    ".html": ("reader.sources.web", "read_page"),
    ".htm": ("reader.sources.web", "read_page"),
    ".xml": ("reader.sources.web", "read_feed"),
    ".rss": ("reader.sources.web", "read_feed"),
    ".atom": ("reader.sources.web", "read_feed"),
    ".jsonl": ("reader.sources.dumps", "read"),
}
PLAIN = READERS[".txt"]
MAX_FILE_BYTES = DEFAULT.file_bytes


def reader_for(path: Path) -> Reader:
    module, name = READERS.get(path.suffix.lower(), PLAIN)
    function: Reader = getattr(importlib.import_module(module), name)
    return function


def read_articles(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Article], list[str]]:
    """Every article in one file (any number from a feed or a dump), and one line for each
    problem; nothing raised for a bad file."""
    data, text, problems = _read(path, max_bytes)
    if data is None or text is None:
        return [], problems
    return reader_for(path)(path, data, text)


def _read(path: Path, max_bytes: int) -> tuple[bytes | None, str | None, list[str]]:
    """A file's bytes and their decoded text, or a one-line reason why not."""
    shown = safe(str(path))
    try:
        if not path.is_file():
            return (
                None,
                None,
                [f"{shown}: not a regular file; skipped" if path.exists() else f"{shown}: a link to nothing; skipped"],
            )
        size = path.stat().st_size
        if size > max_bytes:
            return (
                None,
                None,
                [
                    f"{shown}: skipped, {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit (max_file_mb in config.toml)"
                ],
            )
        data = path.read_bytes()
    except OSError as exc:
        return None, None, [f"{shown}: cannot read ({exc.strerror or exc})"]
    try:
        return data, decode(data), []
    except NotText as exc:
        return data, None, [f"{shown}: skipped, {exc}"]


def find_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files named directly, and files of a known suffix under folders (links to folders are
    not followed, so a link loop cannot trap the walk)."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=lambda e: problems.append(_walk_error(e))):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in READERS:
                        found.append(Path(root) / name)
        elif path.is_file():
            found.append(path)
        elif path.exists():  # a FIFO, a socket, a device: reading it could hang or never end
            problems.append(f"{safe(str(path))}: not a regular file; skipped")
        elif path.is_symlink():
            problems.append(f"{safe(str(path))}: a link to nothing; skipped")
        else:
            problems.append(f"{safe(str(path))}: no such file or folder")
    return found, problems


def _walk_error(exc: OSError) -> str:
    return f"{safe(str(exc.filename))}: cannot list ({exc.strerror or exc}); skipped"


def load_paths(paths: list[Path], max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Load every article under ``paths``; two files with the same body are one article."""
    files, problems = find_files(paths)
    by_id: dict[str, Article] = {}
    for path in files:
        try:
            found, file_problems = read_articles(path, max_bytes)
        except Exception as exc:  # one file never costs the others
            found, file_problems = [], [faults.report(str(path), "reading", exc)]
        problems.extend(file_problems)
        for article in found:
            seen = by_id.get(article.id)
            if seen is None:
                by_id[article.id] = article
            elif path not in seen.paths:
                seen.paths.append(path)
    # A feed entry whose page was fetched too is one article: the page, which has the full text.
    pages = {a.url for a in by_id.values() if a.url and a.entry is None}
    by_id = {k: a for k, a in by_id.items() if not (a.entry is not None and a.url in pages)}
    return LoadResult(list(by_id.values()), problems)


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Article | None, list[str]]:
    """The article of a file holding one (a text file), or None with the reason."""
    articles, problems = read_articles(path, max_bytes)
    return (articles[0] if articles else None), problems
