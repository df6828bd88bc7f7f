"""What the article list showed last time, so the next start can paint it before reading any
article: one small file per set of library paths, valid while every file keeps its size and
modification time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from reader import paths
from reader.paths import atomic_write
from reader.sources.files import find_files

if TYPE_CHECKING:
    from reader.library.core import Library
    from reader.sources.article import Article


class Row(msgspec.Struct, array_like=True):
    article_id: str
    title: str
    detail: str
    quotes: int | None


class Manifest(msgspec.Struct):
    files: list[tuple[str, int, int]]  # every file found, in order, with size and mtime
    rows: list[Row]  # the list's rows, in the library's order


def detail_of(article: Article) -> str:
    """The list row's second line: source (else file name) and date."""
    return " · ".join(x for x in (article.source or article.file_name, article.date) if x)


def rows_for(lib: Library) -> list[Row]:
    """The list's rows for a library (a quote count where its annotation is known)."""
    rows = []
    for a in lib.articles:
        ann = lib.annotations.get(a.id)
        rows.append(Row(a.id, a.title, detail_of(a), len(ann.quotes) if ann is not None else None))
    return rows


def _file(targets: list[Path]) -> Path:
    key = "\n".join(sorted(str(Path(p).resolve()) for p in targets))
    return (
        paths.cache_dir()
        / "manifests"
        / (hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest() + ".msgpack")
    )


def _stats(targets: list[Path]) -> list[tuple[str, int, int]] | None:
    files, _ = find_files(targets)
    out = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError:
            return None
        out.append((os.fsdecode(f), st.st_size, st.st_mtime_ns))
    return out


def load_rows(targets: list[Path]) -> list[Row] | None:
    """Last run's rows, if no file under ``targets`` changed since; else None."""
    try:
        manifest = msgspec.msgpack.decode(_file(targets).read_bytes(), type=Manifest)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if [tuple(f) for f in manifest.files] != _stats(targets):
        return None
    return manifest.rows


def save_rows(targets: list[Path], rows: list[Row]) -> None:
    stats = _stats(targets)
    if stats is None:
        return
    try:
        atomic_write(_file(targets), msgspec.msgpack.encode(Manifest(stats, rows)))
    except OSError:
        pass  # only the next start's first paint is slower
