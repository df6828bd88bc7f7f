"""JSON Lines dumps: one article a line (`text`, optional `title`, `source`, `url`, `date`)."""

from __future__ import annotations

from pathlib import Path

import msgspec

from reader.sources.article import Article, from_fields
from reader.text import safe

_MAX_LINE_PROBLEMS = 5


class _Line(msgspec.Struct):
    text: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None


_decode_line = msgspec.json.Decoder(_Line).decode


def read(path: Path, data: bytes, text: str) -> tuple[list[Article], list[str]]:
    shown = safe(str(path))
    articles: list[Article] = []
    problems: list[str] = []
    broken = textless = 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = _decode_line(line.encode("utf-8", "surrogatepass"))
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            broken += 1
            if broken <= _MAX_LINE_PROBLEMS:
                problems.append(f"{shown}:{n}: skipped, not a JSON object with string fields ({safe(str(exc))})")
            continue
        article = from_fields(
            item.text, path, title=item.title, source=item.source, url=item.url, date=item.date, entry=f"line-{n}"
        )
        if article is None:
            textless += 1
        else:
            articles.append(article)
    if broken > _MAX_LINE_PROBLEMS:
        problems.append(f"{shown}: {broken - _MAX_LINE_PROBLEMS} more broken lines skipped")
    if not articles:  # not a dump of articles at all: one line says so
        return [], [f"{shown}: skipped, no line is a JSON object with a `text`"]
    if textless:
        problems.append(f"{shown}: {textless} line{'s' if textless != 1 else ''} without `text` skipped")
    return articles, problems
