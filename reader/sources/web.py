"""Articles from the web's forms: HTML pages (trafilatura) and RSS/Atom feeds (feedparser).

Both are the optional ``web`` extra; without it those files are skipped with one line saying
what to install. Every reader returns ``(articles, problems)`` and never raises on bad input.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from reader.sources import htmltext
from reader.sources.article import Article, from_fields
from reader.text import safe

NEEDS_WEB = "needs the web extra: pip install 'quotereader[web]'"
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->")
_NOT_TEXT = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def _quiet(module: ModuleType) -> None:
    """trafilatura logs what it discards ("discarding data: None"); it is not the user's news."""
    log = logging.getLogger(module.__name__)
    if log.propagate:
        log.propagate = False
        log.addHandler(logging.NullHandler())


def read_page(path: Path, data: bytes, text: str) -> tuple[list[Article], list[str]]:
    try:
        import trafilatura
    except ImportError as exc:
        return [], [f"{safe(str(path))}: skipped, reading HTML {NEEDS_WEB} ({exc})"]
    _quiet(trafilatura)
    # scripts and styles are never the article, and a page with megabytes of them inline lost
    # its text in the parser: out before trafilatura sees the page
    text = _NOT_TEXT.sub("", text)
    doc: Any = trafilatura.bare_extraction(  # a Document (as_dict is off)
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        return [], [f"{safe(str(path))}: skipped, no article text found in the page"]
    body = doc.text
    first, _, rest = body.partition("\n")
    if doc.title and first.strip() == doc.title.strip() and rest.strip():
        body = rest  # the headline is the title, not the first paragraph
    # `reader fetch` notes where it got the page: that is the link its feed gives (and the one
    # that identifies its feed entry); else the page's own canonical URL
    saved = _SAVED_FROM.search(text[:2000])
    url = saved.group(1) if saved else doc.url
    authors: list[object] = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    article = from_fields(
        body, path, title=doc.title, source=doc.sitename or doc.hostname, url=url, date=doc.date, authors=authors
    )
    return ([article] if article else []), []


def read_feed(path: Path, data: bytes, text: str) -> tuple[list[Article], list[str]]:
    shown = safe(str(path))
    try:
        import feedparser
    except ImportError as exc:
        return [], [f"{shown}: skipped, reading feeds {NEEDS_WEB} ({exc})"]
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        return [], [f"{shown}: skipped, not a feed with entries{safe(str(why))}"]
    name = feed.feed.get("title") or path.stem
    articles, empty = [], 0
    for n, entry in enumerate(feed.entries, 1):
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        # an id of its own inside the file: the entry's id, else its link, else its position
        key = entry.get("id") or entry.get("link") or f"{n}"
        article = from_fields(
            htmltext.to_text(html or ""),
            path,
            title=htmltext.to_text(entry.get("title", "")),
            source=name,
            url=entry.get("link"),
            date=_date(entry),
            authors=[a.get("name") for a in entry.get("authors", []) if isinstance(a, dict)],
            entry=hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest(),
        )
        if article is None:
            empty += 1
        else:
            articles.append(article)
    problems = [f"{shown}: {empty} feed entr{'y' if empty == 1 else 'ies'} with no text skipped"] if empty else []
    return articles, problems


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:  # feedparser's UTC time tuple: one form for RSS's and Atom's dates
        return time.strftime("%Y-%m-%d", parsed)
    value = entry.get("published") or entry.get("updated")
    return value if isinstance(value, str) else None
