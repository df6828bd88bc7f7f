"""`reader fetch`: feeds and the pages they link to, saved into the library as files the reader
reads (feeds as .xml, pages as .html). Offline-first: fetching is a step the user runs; reading
never touches the network.

File names are stable (from the URL), so a re-fetch rewrites a file in place and never adds a
second copy; ETag and Last-Modified are kept in ``.fetch-state.json`` in the library folder and
sent back, so an unchanged feed or page is not downloaded again.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

from reader import __version__, faults
from reader.limits import DEFAULT
from reader.paths import atomic_write
from reader.text import safe

USER_AGENT = f"quotereader/{__version__} (+https://pypi.org/project/quotereader/; offline news reader)"
TIMEOUT = 20.0
MAX_BYTES = 10_000_000
STATE_FILE = ".fetch-state.json"
_FEED_TYPES = ("rss", "atom", "xml")


class FetchError(Exception):
    """One URL that could not be fetched; the message is the whole reason, for one line."""


@dataclass
class Result:
    saved: list[Path] = field(default_factory=list)  # new or changed files
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)  # "URL: reason", one a line
    notes: list[str] = field(default_factory=list)  # worth a line, not a failure (a feed's cap)


def file_name(url: str, suffix: str) -> str:
    """A stable, readable name: host, the path's last words, a short hash of the whole URL."""
    parts = urllib.parse.urlsplit(url)
    words = re.sub(r"[^a-z0-9]+", "-", f"{parts.netloc} {parts.path}".lower()).strip("-")
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{words[:60].rstrip('-') or 'page'}-{digest}{suffix}"


def as_uri(url: str) -> str:
    """A URL as a browser sends it: the host in IDNA, the path and query percent-encoded as
    UTF-8 (``/p/café`` → ``/p/caf%C3%A9``); what is already encoded stays as it is."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # urllib says what is wrong with it
    if ":" in host:  # IPv6
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    if parts.username:
        netloc = (
            f"{urllib.parse.quote(parts.username)}{':' + urllib.parse.quote(parts.password) if parts.password else ''}@{netloc}"
        )
    keep = "/%:@!$&'()*+,;=-._~"
    return urllib.parse.urlunsplit(
        (parts.scheme, netloc, urllib.parse.quote(parts.path, safe=keep), urllib.parse.quote(parts.query, safe=keep + "?"), "")
    )


class Fetcher:
    def __init__(
        self,
        into: Path,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        opener: urllib.request.OpenerDirector | None = None,
        max_feed_pages: int = DEFAULT.feed_pages,
    ) -> None:
        self.into = into
        self.max_feed_pages = max_feed_pages
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.opener = opener or urllib.request.build_opener()
        self.state_path = into / STATE_FILE
        try:
            self.state: dict[str, dict[str, Any]] = json.loads(self.state_path.read_text(encoding="utf-8"))
            if not isinstance(self.state, dict):
                raise ValueError
        except (OSError, ValueError):
            self.state = {}  # none yet, or unreadable: everything is fetched again, nothing lost

    def run(self, urls: list[str], progress: Callable[[int, int], None] | None = None) -> Result:
        result = Result()
        queue = list(dict.fromkeys(urls))
        done = 0
        try:
            while done < len(queue):
                url = queue[done]
                done += 1
                try:
                    links = self._one(url, result, is_page=url not in urls)
                except FetchError as exc:
                    result.failures.append(f"{safe(url)}: {exc}")
                    links = []
                except Exception as exc:  # one URL never costs the others, nor the saved state
                    result.failures.append(faults.report(safe(url), "fetching", exc))
                    links = []
                if len(links) > self.max_feed_pages:
                    result.notes.append(
                        f"{safe(url)}: {len(links)} entries link to pages; fetched the first "
                        f"{self.max_feed_pages} (max_feed_pages in config.toml)"
                    )
                    links = links[: self.max_feed_pages]
                for link in links:
                    if link not in queue:
                        queue.append(link)
                if progress:
                    progress(done, len(queue))
        finally:  # what was fetched is remembered, also when the run is interrupted
            try:
                atomic_write(self.state_path, json.dumps(self.state, indent=1, sort_keys=True).encode())
            except OSError as exc:
                result.failures.append(f"{safe(str(self.state_path))}: cannot save ({exc.strerror or exc})")
        return result

    def _one(self, url: str, result: Result, is_page: bool) -> list[str]:
        """Fetch one URL and save it; a feed gives the links of its entries."""
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("not an http(s) URL")
        known = self.state.get(url, {})
        saved_as = self.into / known["file"] if known.get("file") else None
        response = self._get(url, known if saved_as and saved_as.exists() else {})
        if response is None and (saved_as is None or not saved_as.exists()):
            raise FetchError("answered 304 Not Modified, but nothing was asked to compare")
        if response is None:  # 304: what we have is current
            result.unchanged += 1
            assert saved_as is not None  # (checked just above)
            return self._links(saved_as.read_bytes()) if saved_as.suffix == ".xml" else []
        data, headers = response
        feed = not is_page and self._is_feed(url, headers.get("Content-Type", ""), data)
        if feed:
            path = self.into / "feeds" / file_name(url, ".xml")
        else:
            path = self.into / "pages" / file_name(url, ".html")
            # where it came from, in the form browsers use, for the page's link
            data = f"<!-- saved from url=({len(url):04d}){url} -->\n".encode() + data
        if not path.exists() or path.read_bytes() != data:
            atomic_write(path, data)
            result.saved.append(path)
        else:
            result.unchanged += 1
        self.state[url] = {
            "file": str(path.relative_to(self.into)),
            "etag": headers.get("ETag"),
            "last_modified": headers.get("Last-Modified"),
        }
        return self._links(data) if feed else []

    def _get(self, url: str, known: dict[str, Any]) -> tuple[bytes, Message] | None:
        request = urllib.request.Request(as_uri(url), headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        if known.get("etag"):
            request.add_header("If-None-Match", known["etag"])
        if known.get("last_modified"):
            request.add_header("If-Modified-Since", known["last_modified"])
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return self._body(response), response.headers
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return None
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise FetchError(f"no answer within {self.timeout:g} s") from None
            if isinstance(reason, socket.gaierror):
                raise FetchError("cannot find the host (no such name, or no network)") from None
            raise FetchError(f"cannot reach it ({safe(str(reason))})") from None
        except TimeoutError:
            raise FetchError(f"no answer within {self.timeout:g} s") from None
        except http.client.HTTPException as exc:  # a garbled status line, a broken chunk
            raise FetchError(f"the server's answer was broken ({type(exc).__name__}: {safe(str(exc))[:80]})") from None
        except (OSError, ValueError) as exc:  # a connection reset mid-body, a malformed URL
            raise FetchError(f"failed ({safe(str(exc))})") from None

    def _body(self, response: http.client.HTTPResponse) -> bytes:
        """The whole answer within ``timeout`` seconds (a server sending a byte a second
        must not hold us for ever), at most ``max_bytes``, and all of what it announced."""
        deadline = time.monotonic() + self.timeout
        chunks, size = [], 0
        sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(f"the whole answer did not come within {self.timeout:g} s")
            if sock is not None:
                sock.settimeout(left)  # no single wait may pass the deadline either
            try:
                chunk = response.read1(65536)
            except TimeoutError:
                raise FetchError(f"the whole answer did not come within {self.timeout:g} s") from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"larger than {self.max_bytes / 1e6:.0f} MB; not saved")
        data = b"".join(chunks)
        expected = response.headers.get("Content-Length")
        if expected and expected.isdigit() and len(data) < int(expected):
            raise FetchError(f"the answer was cut short ({len(data):,} of {int(expected):,} bytes); not saved")
        return data

    @staticmethod
    def _is_feed(url: str, content_type: str, data: bytes) -> bool:
        if any(t in content_type.lower() for t in _FEED_TYPES):
            return True
        head = data[:500].lstrip().lower()
        return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")

    @staticmethod
    def _links(data: bytes) -> list[str]:
        import feedparser

        feed = feedparser.parse(data)
        links = []
        for entry in feed.entries:
            link = entry.get("link")
            if link and urllib.parse.urlsplit(link).scheme in ("http", "https"):
                links.append(link)
        return links
