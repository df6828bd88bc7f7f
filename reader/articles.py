"""Articles and their loading from files (.txt/.md with optional TOML front matter)."""

from __future__ import annotations

import hashlib
import os
import re
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from reader import faults, textclean, tomltext

TEXT_SUFFIXES = frozenset({".txt", ".md"})
# and what formats.py reads, any number of articles a file
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl"})
READ_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES
FRONT_MATTER_FIELDS = ("title", "source", "url", "date", "authors")
TITLE_MAX = 80


@dataclass
class Article:
    """One article. All offsets anywhere in the reader are into ``body``."""

    id: str
    body: str  # made a property below (dataclass's __init__ then assigns through it)
    title: str
    paths: list[Path] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    title_derived: bool = False
    entry: str | None = None  # one of several articles in a file (a feed entry, a dump line)

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


# ``body`` is kept compressed and decoded when read (10,000 articles: 90 MB as str, where one
# curly quote makes Python store a body at two bytes a character; 15-20 MB so). The last few
# read stay decoded, as loops read one article's body many times in a row.
_RECENT = 8
_recent: OrderedDict[int, tuple[Article, str]] = OrderedDict()
_recent_lock = threading.Lock()


def _get_body(self: Article) -> str:
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


def _set_body(self: Article, text: str) -> None:
    self._packed = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
    with _recent_lock:
        _recent.pop(id(self), None)


Article.body = property(_get_body, _set_body)


@dataclass
class LoadResult:
    articles: list[Article]
    problems: list[str]  # one line each: what was skipped or only half read, and why


def article_id(body: str) -> str:
    """Content hash: the cache and the reading state key on it, so moving a file keeps both."""
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def parse(text: str, path: Path) -> tuple[Article, list[str]]:
    """Build an article from a decoded file's text; problems with its front matter are returned."""
    text = textclean.clean(text)
    meta, body, problems = _split_front_matter(text, path)
    title = meta.get("title")
    article = Article(
        id=article_id(body),
        body=body,
        title=title or derive_title(body),
        paths=[path],
        source=meta.get("source"),
        url=meta.get("url"),
        date=meta.get("date"),
        authors=meta.get("authors", []),
        title_derived=not title,
    )
    return article, problems


_FENCE = re.compile(r"^\+\+\+[ \t]*$", re.M)


def _split_front_matter(text: str, path: Path) -> tuple[dict, str, list[str]]:
    if not text.startswith("+++"):
        return {}, text, []
    first = _FENCE.match(text)
    closing = _FENCE.search(text, first.end()) if first else None
    if not first or not closing:
        return {}, text, [f"{textclean.safe(str(path))}: front matter opened with +++ is never closed; read as text"]
    raw = text[first.end() + 1 : closing.start()]
    body = text[closing.end() + 1 :] if closing.end() < len(text) else ""
    try:
        data = tomltext.loads(raw)
    except tomltext.BadToml as exc:
        # tomli counts lines from the front matter; the file has the +++ line above it.
        where = ":" + exc.where.replace(f"line {exc.line},", f"line {exc.line + 1},") if exc.line else ""
        return {}, body, [f"{textclean.safe(str(path))}{where}: bad front matter ({exc.why}); metadata ignored"]
    meta, problems = {}, []
    for key in FRONT_MATTER_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if key == "authors":
            value = [value] if isinstance(value, str) else value
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                meta[key] = [textclean.shown(textclean.clean(v)) for v in value]
                continue
        elif key == "date" or isinstance(value, str):
            # TOML dates are real dates; keep their ISO form.
            meta[key] = textclean.shown(textclean.clean(str(value))).strip() or None
            continue
        problems.append(f"{textclean.safe(str(path))}: front matter `{key}` has the wrong type; ignored")
    return meta, body, problems


_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?=\s|$)")


def derive_title(body: str) -> str:
    """A title a person would accept: the first sentence, cut at a word boundary."""
    first = textclean.shown(next((p for p in body.split("\n") if p.strip()), "")).strip()
    if not first:
        return "(untitled)"
    end = _SENTENCE_END.search(first)
    sentence = first[: end.end()] if end else first
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip()
    cut = sentence.rfind(" ", 0, TITLE_MAX)
    cut = cut if cut > TITLE_MAX // 2 else TITLE_MAX
    return sentence[:cut].rstrip(" ,;:–—-") + "…"


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Paragraph spans. One line a paragraph, unless the text is hard-wrapped in blocks
    separated by blank lines (then a block is a paragraph)."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", body)]
    wrapped = "\n\n" in body and sum(body.count("\n", a, b) > 1 for a, b in blocks) * 2 > len(blocks)
    if wrapped:
        return [(a, b - 1 if body[b - 1 : b] == "\n" else b) for a, b in blocks]
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


MAX_FILE_BYTES = 50_000_000


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Article | None, list[str]]:
    """Read one text file (.txt/.md); on failure, no article and a one-line reason."""
    data, text, problems = _read(path, max_bytes)
    if text is None:
        return None, problems
    article, problems = parse(text, path)
    if not article.body.strip():
        return None, problems + [f"{textclean.safe(str(path))}: skipped, no text"]
    return article, problems


def read_articles(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Article], list[str]]:
    """Every article in one file: any number from a page, feed or dump (see ``formats``);
    one from anything else, read as text (a file named on the command line may be `notes`)."""
    if path.suffix.lower() not in HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES:
        article, problems = read_file(path, max_bytes)
        return [article] if article else [], problems
    data, text, problems = _read(path, max_bytes)
    if text is None:
        return [], problems
    from reader import formats  # only when a library has such files

    return formats.read(path, data, text)


def _read(path: Path, max_bytes: int) -> tuple[bytes | None, str | None, list[str]]:
    """A file's bytes and their decoded text, or a one-line reason why not."""
    shown = textclean.safe(str(path))
    try:
        if not path.is_file():
            return None, None, [f"{shown}: not a regular file; skipped" if path.exists() else f"{shown}: a link to nothing; skipped"]
        size = path.stat().st_size
        if size > max_bytes:
            return None, None, [f"{shown}: skipped, {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit (max_file_mb in config.toml)"]
        data = path.read_bytes()
    except OSError as exc:
        return None, None, [f"{shown}: cannot read ({exc.strerror or exc})"]
    try:
        return data, textclean.decode(data), []
    except textclean.NotText as exc:
        return data, None, [f"{shown}: skipped, {exc}"]


def find_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files named directly, and .txt/.md files under folders (links to folders are not
    followed, so a link loop cannot trap the walk)."""
    found, problems = [], []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=lambda e: problems.append(_walk_error(e))):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in READ_SUFFIXES:
                        found.append(Path(root) / name)
        elif path.is_file():
            found.append(path)
        elif path.exists():  # a FIFO, a socket, a device: reading it could hang or never end
            problems.append(f"{textclean.safe(str(path))}: not a regular file; skipped")
        elif path.is_symlink():
            problems.append(f"{textclean.safe(str(path))}: a link to nothing; skipped")
        else:
            problems.append(f"{textclean.safe(str(path))}: no such file or folder")
    return found, problems


def _walk_error(exc: OSError) -> str:
    return f"{textclean.safe(str(exc.filename))}: cannot list ({exc.strerror or exc}); skipped"


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
