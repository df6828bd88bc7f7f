"""`reader fetch` against feeds and pages served on 127.0.0.1 (no other network is used)."""

import http.server
import subprocess
import sys
import threading
import time

import pytest
from helpers import DATA, ROOT

from reader.sources.fetch import USER_AGENT, Fetcher, file_name
from reader.sources.files import load_paths

PAGE = (DATA / "web" / "page.html").read_bytes()


class Site(http.server.BaseHTTPRequestHandler):
    hits: list[tuple[str, str | None]] = []  # (path, If-None-Match) of every request
    user_agents: set[str] = set()

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        Site.hits.append((self.path, self.headers.get("If-None-Match")))
        Site.user_agents.add(self.headers.get("User-Agent"))
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/feed.xml":
            body = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title>'
                f"<item><title>Port deal</title><link>{base}/port.html</link><description>Short port story.</description></item>"
                f"<item><title>Gone</title><link>{base}/missing.html</link><description>Summary of a page that is gone.</description></item>"
                f"<item><title>Slow</title><link>{base}/slow.html</link><description>Summary of a slow page.</description></item>"
                f"<item><title>Huge</title><link>{base}/huge.html</link><description>Summary of a huge page.</description></item>"
                "</channel></rss>"
            ).encode()
            self._send(body, "application/rss+xml", etag='"feed-v1"')
        elif self.path == "/port.html":
            self._send(PAGE, "text/html; charset=utf-8", etag='"port-v1"')
        elif self.path == "/slow.html":
            time.sleep(4)  # (far past the 1.5 s deadline, on a busy machine too)
            self._send(b"<html><body><p>late</p></body></html>", "text/html")
        elif self.path == "/huge.html":
            self._send(b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>", "text/html")
        else:
            self.send_error(404, "Not Found")

    def _send(self, body: bytes, ctype: str, etag: str | None = None):
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    Site.hits, Site.user_agents = [], set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_fetch_saves_feed_and_pages_and_refetch_adds_nothing(site, tmp_path):
    lib = tmp_path / "lib"
    fetcher = Fetcher(lib, timeout=1.5, max_bytes=1_000_000)
    result = fetcher.run([f"{site}/feed.xml"])
    feed_file = lib / "feeds" / file_name(f"{site}/feed.xml", ".xml")
    page_file = lib / "pages" / file_name(f"{site}/port.html", ".html")
    assert sorted(result.saved) == sorted([feed_file, page_file])
    assert page_file.read_bytes().startswith(b"<!-- saved from url=(")
    failures = "\n".join(result.failures)
    assert f"{site}/missing.html: HTTP 404 Not Found" in failures
    assert f"{site}/slow.html: no answer within 1.5 s" in failures
    assert f"{site}/huge.html: larger than 1 MB; not saved" in failures
    assert Site.user_agents == {USER_AGENT}

    # The library reads what was saved: the page (full text) stands for its feed entry; the
    # entries whose pages failed are read from the feed.
    articles = load_paths([lib]).articles
    assert sorted(a.title for a in articles) == ["Gone", "Huge", "Port deal signed after long night", "Slow"]
    port = next(a for a in articles if a.entry is None)
    assert port.url == f"{site}/port.html"

    # Again: conditional requests, 304s, no new files, nothing rewritten.
    files = sorted(p for p in lib.rglob("*") if p.is_file())
    Site.hits.clear()
    again = Fetcher(lib, timeout=1.5, max_bytes=1_000_000).run([f"{site}/feed.xml"])
    assert again.saved == [] and again.unchanged == 2
    assert (("/feed.xml", '"feed-v1"') in Site.hits) and (("/port.html", '"port-v1"') in Site.hits)
    assert sorted(p for p in lib.rglob("*") if p.is_file()) == files


def test_bad_urls_fail_one_line_each(tmp_path):
    result = Fetcher(tmp_path, timeout=0.5).run(["ftp://example.test/feed", "http://127.0.0.1:9/nothing"])
    assert result.failures[0] == "ftp://example.test/feed: not an http(s) URL"
    assert result.failures[1].startswith("http://127.0.0.1:9/nothing: cannot reach it (")
    assert len(result.failures) == 2


@pytest.mark.slow
def test_fetch_command(site, tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "reader", "fetch", f"{site}/port.html", "--into", str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().endswith(f"1 saved, 0 unchanged, 0 failed, into {tmp_path / 'lib'}")
    into_seeds = subprocess.run(
        [sys.executable, "-m", "reader", "fetch", f"{site}/port.html", "--into", str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert into_seeds.returncode == 2 and "shipped samples folder" in into_seeds.stderr
