"""Articles from the forms the web gives them in: HTML pages, RSS/Atom feeds, JSON Lines dumps.

trafilatura (pages) and feedparser (feeds) are the optional ``web`` extra; without it those
files are skipped with one line saying what to install. Every loader returns
``(articles, problems)`` and never raises on bad input.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from pathlib import Path

import msgspec

from reader import htmltext, textclean
from reader.articles import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    Article,
    article_id,
    derive_title,
)

NEEDS_WEB = "needs the web extra: pip install 'quotereader[web]'"
_MAX_LINE_PROBLEMS = 5


def read(path: Path, data: bytes, text: str) -> tuple[list[Article], list[str]]:
    """The articles of a page, feed or dump (``text`` is ``data`` decoded)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html(text, path)
    if suffix in FEED_SUFFIXES:
        return read_feed(data, path)
    return read_jsonl(text, path)


def make_article(body: str, path: Path, *, title=None, source=None, url=None, date=None, authors=(), entry=None) -> Article | None:
    """An article from extracted fields (every string cleaned of control characters); None
    when there is no text."""
    body = textclean.clean(body or "").strip("\n")
    if not body.strip():
        return None
    body += "\n"
    title = _one_line(title)
    return Article(
        id=article_id(body),
        body=body,
        title=title or derive_title(body),
        paths=[path],
        source=_one_line(source),
        url=_one_line(url),
        date=_one_line(date),
        authors=[a for a in (_one_line(x) for x in authors) if a],
        title_derived=not title,
        entry=entry,
    )


def _one_line(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(textclean.shown(textclean.clean(value)).split())
    return value or None


# --- HTML pages ----------------------------------------------------------------------------------

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->")


_NOT_TEXT = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def _quiet(module) -> None:
    """trafilatura logs what it discards ("discarding data: None"); it is not the user's news."""
    log = logging.getLogger(module.__name__)
    if log.propagate:
        log.propagate = False
        log.addHandler(logging.NullHandler())


def read_html(text: str, path: Path) -> tuple[list[Article], list[str]]:
    try:
        import trafilatura
    except ImportError as exc:
        return [], [f"{textclean.safe(str(path))}: skipped, reading HTML {NEEDS_WEB} ({exc})"]
    _quiet(trafilatura)
    # scripts and styles are never the article, and a page with megabytes of them inline lost
    # its text in the parser: out before trafilatura sees the page
    text = _NOT_TEXT.sub("", text)
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return [], [f"{textclean.safe(str(path))}: skipped, no article text found in the page"]
    body = doc.text
    first, _, rest = body.partition("\n")
    if doc.title and first.strip() == doc.title.strip() and rest.strip():
        body = rest  # the headline is the title, not the first paragraph
    # `reader fetch` notes where it got the page: that is the link its feed gives (and the one
    # that identifies its feed entry); else the page's own canonical URL
    saved = _SAVED_FROM.search(text[:2000])
    url = saved.group(1) if saved else doc.url
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    article = make_article(body, path, title=doc.title, source=doc.sitename or doc.hostname, url=url, date=doc.date, authors=authors)
    return [article], []


# --- RSS and Atom feeds --------------------------------------------------------------------------


def read_feed(data: bytes, path: Path) -> tuple[list[Article], list[str]]:
    shown = textclean.safe(str(path))
    try:
        import feedparser
    except ImportError as exc:
        return [], [f"{shown}: skipped, reading feeds {NEEDS_WEB} ({exc})"]
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        return [], [f"{shown}: skipped, not a feed with entries{textclean.safe(str(why))}"]
    name = feed.feed.get("title") or path.stem
    articles, empty = [], 0
    for n, entry in enumerate(feed.entries, 1):
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = htmltext.to_text(html or "")
        # an id of its own inside the file: the entry's id, else its link, else its position
        key = entry.get("id") or entry.get("link") or f"{n}"
        article = make_article(
            body,
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


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:  # feedparser's UTC time tuple: one form for RSS's and Atom's dates
        return time.strftime("%Y-%m-%d", parsed)
    return entry.get("published") or entry.get("updated")


# --- JSON Lines dumps ----------------------------------------------------------------------------


class _Line(msgspec.Struct):
    text: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None


_decode_line = msgspec.json.Decoder(_Line).decode


def read_jsonl(text: str, path: Path) -> tuple[list[Article], list[str]]:
    shown = textclean.safe(str(path))
    articles, problems, broken, textless = [], [], 0, 0
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = _decode_line(line.encode("utf-8", "surrogatepass"))
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            broken += 1
            if broken <= _MAX_LINE_PROBLEMS:
                problems.append(f"{shown}:{n}: skipped, not a JSON object with string fields ({textclean.safe(str(exc))})")
            continue
        article = make_article(item.text or "", path, title=item.title, source=item.source, url=item.url, date=item.date, entry=f"line-{n}")
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
