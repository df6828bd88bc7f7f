"""Plain text and Markdown files, with optional TOML front matter between ``+++`` lines."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reader import tomltext
from reader.sources.article import Article, new_article
from reader.text import clean, safe, shown

FRONT_MATTER_FIELDS = ("title", "source", "url", "date", "authors")
_FENCE = re.compile(r"^\+\+\+[ \t]*$", re.M)


def read(path: Path, data: bytes, text: str) -> tuple[list[Article], list[str]]:
    """The article of a text file (``text`` is ``data`` decoded); none when it has no text."""
    article, problems = parse(text, path)
    if not article.body.strip():
        return [], [*problems, f"{safe(str(path))}: skipped, no text"]
    return [article], problems


def parse(text: str, path: Path) -> tuple[Article, list[str]]:
    """Build an article from a decoded file's text; problems with its front matter are returned."""
    meta, body, problems = _split_front_matter(clean(text), path)
    article = new_article(
        body,
        path,
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        date=meta.get("date"),
        authors=meta.get("authors", []),
    )
    return article, problems


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, list[str]]:
    if not text.startswith("+++"):
        return {}, text, []
    first = _FENCE.match(text)
    closing = _FENCE.search(text, first.end()) if first else None
    if not first or not closing:
        return {}, text, [f"{safe(str(path))}: front matter opened with +++ is never closed; read as text"]
    raw = text[first.end() + 1 : closing.start()]
    body = text[closing.end() + 1 :] if closing.end() < len(text) else ""
    try:
        data = tomltext.loads(raw)
    except tomltext.BadToml as exc:
        # tomli counts lines from the front matter; the file has the +++ line above it.
        where = ":" + exc.where.replace(f"line {exc.line},", f"line {exc.line + 1},") if exc.line else ""
        return {}, body, [f"{safe(str(path))}{where}: bad front matter ({exc.why}); metadata ignored"]
    meta: dict[str, Any] = {}
    problems = []
    for key in FRONT_MATTER_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if key == "authors":
            value = [value] if isinstance(value, str) else value
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                meta[key] = [shown(clean(v)) for v in value]
                continue
        elif key == "date" or isinstance(value, str):
            # TOML dates are real dates; keep their ISO form.
            meta[key] = shown(clean(str(value))).strip() or None
            continue
        problems.append(f"{safe(str(path))}: front matter `{key}` has the wrong type; ignored")
    return meta, body, problems
