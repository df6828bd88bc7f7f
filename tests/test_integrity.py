"""Nothing the user has is lost, nothing odd gets through (each test failed before its fix).
The locked database and the truncated download are in test_hardening.py."""

import http.server
import io
import json
import os
import threading

import pytest
from helpers import reader

from reader import text
from reader.cli import output
from reader.sources.fetch import Fetcher, as_uri
from reader.sources.files import load_paths

# --- 3. non-ASCII URLs --------------------------------------------------------------------------


def test_urls_are_encoded_as_a_browser_does():
    assert as_uri("http://127.0.0.1:8000/p/café?q=é") == "http://127.0.0.1:8000/p/caf%C3%A9?q=%C3%A9"
    assert as_uri("https://bücher.de/a%20b") == "https://xn--bcher-kva.de/a%20b"  # encoded stays encoded


class Pages(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/p/caf%C3%A9":
            self._send(
                b"<html><body><article><p>"
                + "“The café opens at six,” said Ann Lee on Monday morning.".encode() * 3
                + b"</p></article></body></html>",
                "text/html",
            )
        elif self.path == "/feed.xml":
            items = "".join(
                f"<item><title>Story {i}</title><link>{base}/p/{i}</link><description>Short {i}.</description></item>"
                for i in range(5)
            )
            self._send(
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode(),
                "application/rss+xml",
            )
        elif self.path.startswith("/p/"):
            self._send(
                b"<html><body><article><p>A page about the port and the harbour master's plans for spring.</p></article></body></html>",
                "text/html",
            )
        else:
            self.send_error(404)

    def _send(self, body, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_non_ascii_url_is_fetched(site, tmp_path):
    result = Fetcher(tmp_path, timeout=5).run([f"{site}/p/café"])
    assert result.failures == [] and len(result.saved) == 1


# --- 10. a cap on the pages one feed pulls --------------------------------------------------------


def test_a_feed_pulls_at_most_its_cap_of_pages(site, tmp_path):
    result = Fetcher(tmp_path, timeout=5, max_feed_pages=2).run([f"{site}/feed.xml"])
    assert len(list((tmp_path / "pages").iterdir())) == 2
    assert result.notes == [f"{site}/feed.xml: 5 entries link to pages; fetched the first 2 (max_feed_pages in config.toml)"]


# --- 4. a cache that cannot be written --------------------------------------------------------------


@pytest.mark.slow
def test_a_cache_path_that_is_a_file_is_one_line_and_the_work_goes_on(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    for i in range(6):
        (lib / f"{i}.txt").write_text(f"Story {i}.\n“We are ready for round {i},” said coach Sam Ortiz.\n")
    (tmp_path / "cache").write_text("not a folder")
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    result = reader("quotes", str(lib), "--format", "jsonl", env=env)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 6
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot use the annotation cache" in lines[0] and "in memory" in lines[0]


@pytest.mark.slow
async def test_the_app_annotates_in_memory_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    from reader.ui.app import ReaderApp

    lib = tmp_path / "lib"
    lib.mkdir()
    for i in range(3):
        (lib / f"{i}.txt").write_text(f"Story {i}.\n“We are ready for round {i},” said coach Sam Ortiz.\n")
    (tmp_path / "cache").write_text("not a folder")
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    app = ReaderApp([lib])
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.library and len(app.library.annotations) == 3 and not app.query_one("#progress").display:
                break
        assert {len(app.library.annotations[a.id].quotes) for a in app.library.articles} == {1}
        assert sum("cannot use the annotation cache" in n.message for n in app._notifications) == 1


# --- 5. bidi overrides and zero widths ---------------------------------------------------------------


def test_bidi_and_zero_width_characters_never_reach_what_is_shown(tmp_path):
    rlo, zw = "\u202e", "\u200b"
    (tmp_path / "a.md").write_text(
        f'+++\ntitle = "Port{zw} deal {rlo}gnp.exe"\nauthors = ["Ann{zw} Lee{rlo}"]\n+++\n'
        f"Ann Lee spoke.\n“The port{rlo} opens,” said Rob{zw} Hall.\n"
    )
    article = load_paths([tmp_path]).articles[0]
    # an override is replaced where it stood (made visible), a zero width dropped
    assert article.title == "Port deal \ufffdgnp.exe" and article.authors == ["Ann Lee\ufffd"]
    assert rlo not in article.body and "\ufffd" in article.body  # replaced one for one
    assert zw in article.body  # the body keeps a zero width (emoji joiners are text)
    assert text.safe(f"a{rlo}b{zw}c") == "abc"
    out = io.StringIO()
    output.table(("T",), [(f"x{rlo}y{zw}z",)], out)
    assert rlo not in out.getvalue() and zw not in out.getvalue()


@pytest.mark.slow
def test_a_speaker_name_never_holds_invisible_characters_or_markup(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The council met.\n“The port will open,” said Rob\u200b Hall.\n"
        "“[b]Nobody[/b] asked us,” said [link=https://example.org/bj]Bob Jones[/link] on Tuesday.\n"
    )
    result = reader("quotes", str(tmp_path), "--format", "jsonl", env={**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")})
    assert [json.loads(r)["speaker"] for r in result.stdout.splitlines()] == ["Rob Hall", "Bob Jones"]


# --- 6. Latin-1 with an escape byte -------------------------------------------------------------------


def test_a_latin1_file_with_an_escape_byte_is_read(tmp_path):
    latin = "Le café était fermé. « Nous reviendrons », a dit Hélène Dubois.\x1b[31m rouge\n"
    (tmp_path / "a.txt").write_bytes(latin.encode("latin-1"))
    loaded = load_paths([tmp_path])
    assert loaded.problems == []
    body = loaded.articles[0].body
    assert body.startswith("Le café était fermé.") and "\x1b" not in body and "\ufffd[31m" in body


# --- 7. a page with a huge inline script ------------------------------------------------------------


def test_a_page_with_megabytes_of_script_keeps_its_article(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i}: “The port will reopen in May,” said harbour master Ines Maddox.</p>" for i in range(6)
    )
    page = f"<html><head><title>Port deal</title><script>{'var x=1;' * 1_400_000}</script></head><body><article>{paragraphs}</article></body></html>"
    (tmp_path / "big.html").write_text(page)
    result = reader("articles", str(tmp_path), "--format", "jsonl", env={**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")})
    rows = [json.loads(r) for r in result.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["title"] == "Port deal" and rows[0]["words"] > 60
    assert "discarding" not in result.stderr and result.stderr.strip() == ""


# --- 8. Markdown that is text -----------------------------------------------------------------------


def test_markdown_escapes_html_and_links_only_the_web():
    out = io.StringIO()
    output.markdown(
        ("Quote", "Link"),
        [
            ("<img src=x onerror=alert(1)> & co", output.Link("javascript:alert(1)")),
            ("fine", output.Link("https://example.org/a")),
        ],
        out,
    )
    lines = out.getvalue().splitlines()
    assert lines[2] == "| &lt;img src=x onerror=alert(1)&gt; &amp; co |  |"
    assert lines[3] == "| fine | <https://example.org/a> |"
