"""The article: its text, what is known about it, and the one place an article is made."""

from __future__ import annotations

import hashlib
import re
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from reader.text import clean, shown

TITLE_MAX = 80

# ``body`` is kept compressed and decoded when read (10,000 articles: 90 MB as str, where one
# curly quote makes Python store a body at two bytes a character; 15-20 MB so). The last few
# read stay decoded, as loops read one article's body many times in a row.
_RECENT = 8
_recent: OrderedDict[int, tuple[Article, str]] = OrderedDict()
_recent_lock = threading.Lock()


class Article:
    """One article. All offsets anywhere in the reader are into ``body``."""

    def __init__(
        self,
        id: str,
        body: str,
        title: str,
        paths: list[Path],
        source: str | None = None,
        url: str | None = None,
        date: str | None = None,
        authors: list[str] | None = None,
        title_derived: bool = False,
        entry: str | None = None,
    ) -> None:
        self.id = id
        self.body = body
        self.title = title
        self.paths = paths
        self.source = source
        self.url = url
        self.date = date
        self.authors = authors or []
        self.title_derived = title_derived
        self.entry = entry  # one of several articles in a file (a feed entry, a dump line)

    @property
    def body(self) -> str:
        with _recent_lock:
            hit = _recent.get(id(self))
            if hit is not None and hit[0] is self:
                _recent.move_to_end(id(self))
                return hit[1]
        text = zlib.decompress(self._packed).decode("utf-8", "surrogatepass")
        with _recent_lock:
            _recent[id(self)] = (self, text)
            if len(_recent) > _RECENT:
                _recent.popitem(last=False)
        return text

    @body.setter
    def body(self, text: str) -> None:
        self._packed = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
        with _recent_lock:
            _recent.pop(id(self), None)

    @property
    def path(self) -> Path:
        """Where it was first found (the list keys its rows on this)."""
        return self.paths[0]

    @property
    def file_name(self) -> str:
        return self.path.name + (f"#{self.entry}" if self.entry else "")

    @property
    def words(self) -> int:
        return len(self.body.split())

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {self.title!r}, {self.file_name!r})"


def new_article(
    body: str,
    path: Path,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    date: str | None = None,
    authors: list[str] | None = None,
    entry: str | None = None,
) -> Article:
    """The one construction of an article (every format's reader comes here): its id from
    the body, its title from the first sentence when none is given."""
    return Article(
        id=article_id(body),
        body=body,
        title=title or derive_title(body),
        paths=[path],
        source=source,
        url=url,
        date=date,
        authors=authors,
        title_derived=not title,
        entry=entry,
    )


@dataclass
class LoadResult:
    articles: list[Article]
    problems: list[str]  # one line each: what was skipped or only half read, and why


def article_id(body: str) -> str:
    """Content hash: the cache and the reading state key on it, so moving a file keeps both."""
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?=\s|$)")


def derive_title(body: str) -> str:
    """A title a person would accept: the first sentence, cut at a word boundary."""
    first = shown(next((p for p in body.split("\n") if p.strip()), "")).strip()
    if not first:
        return "(untitled)"
    end = _SENTENCE_END.search(first)
    sentence = first[: end.end()] if end else first
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip()
    cut = sentence.rfind(" ", 0, TITLE_MAX)
    cut = cut if cut > TITLE_MAX // 2 else TITLE_MAX
    return sentence[:cut].rstrip(" ,;:–—-") + "…"


def from_fields(
    body: str | None,
    path: Path,
    *,
    title: object = None,
    source: object = None,
    url: object = None,
    date: object = None,
    authors: list[object] | tuple[object, ...] = (),
    entry: str | None = None,
) -> Article | None:
    """An article from fields a page, a feed entry or a dump line gave (any of them may be
    missing or not a string): every string cleaned and on one line; None when there is no
    text."""
    text = clean(body or "").strip("\n")
    if not text.strip():
        return None
    names = [a for a in (_one_line(x) for x in authors) if a]
    return new_article(
        text + "\n",
        path,
        title=_one_line(title),
        source=_one_line(source),
        url=_one_line(url),
        date=_one_line(date),
        authors=names,
        entry=entry,
    )


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(shown(clean(value)).split()) or None
