"""Subscriptions and refresh, against feeds served on 127.0.0.1 (no other network is used)."""

import http.server
import os
import threading

import pytest
from helpers import reader

from reader import feeds
from reader.feeds import Feed, Subscriptions
from reader.opml import OpmlError, read_opml, write_opml
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList

ENTRY = (
    "<item><title>{title}</title><guid>{guid}</guid><pubDate>Tue, 10 May 2022 08:00:00 GMT</pubDate>"
    "<description>{title}. “We will rebuild the harbour before winter,” said Maria Lopez, the port's director, "
    "on {guid}. The council agreed to fund the work over three years.</description></item>"
)


class Feeds(http.server.BaseHTTPRequestHandler):
    entries: dict[str, list[tuple[str, str]]] = {}  # path -> (title, guid)

    def log_message(self, *args):
        pass

    def do_GET(self):
        items = Feeds.entries.get(self.path)
        if items is None:
            self.send_error(404, "Not Found")
            return
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
            + "".join(ENTRY.format(title=t, guid=g) for t, g in items)
            + "</channel></rss>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    Feeds.entries = {
        "/a.xml": [("Harbour plan approved", "a1")],
        "/b.xml": [("Ferry timetable changes", "b1")],
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Config, data and state folders of one's own, in the process and for subprocesses."""
    env = {"XDG_CONFIG_HOME": tmp_path / "config", "XDG_DATA_HOME": tmp_path / "data", "XDG_STATE_HOME": tmp_path / "state"}
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    return {**os.environ}


def test_subscriptions_are_kept_in_their_own_file(home):
    subs = Subscriptions.load()
    assert subs.feeds == [] and not subs.path.exists()
    assert subs.add("https://example.org/feed.xml", 'Odd "title" \\ ü\x07') and not subs.add("https://example.org/feed.xml")
    subs.add("https://example.com/rss")
    subs.save()
    again = Subscriptions.load()
    assert again.feeds == subs.feeds and again.problems == []
    assert again.remove("https://example.com/rss") and not again.remove("https://nowhere")
    again.save()
    assert [f.url for f in Subscriptions.load().feeds] == ["https://example.org/feed.xml"]
    assert not list(subs.path.parent.glob(".*.tmp"))  # written atomically, nothing left over
    subs.path.write_text("[[feed]]\nurl = [\n")
    broken = Subscriptions.load()
    assert broken.feeds == [] and "line" in broken.problems[0] and "not valid TOML" in broken.problems[0]


def test_opml_round_trips_three_feeds(tmp_path):
    opml = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="News"><outline text="Harbour &amp; Sea" type="rss" xmlUrl="https://a.example/feed"/>
        <outline text="Ferries" xmlUrl="https://b.example/rss"/></outline>
      <outline title="City" text="City hall" xmlUrl="https://c.example/atom.xml"/>
      <outline text="a folder without a feed"/></body></opml>"""
    found = read_opml(opml)
    assert found == [
        Feed("https://a.example/feed", "Harbour & Sea"),
        Feed("https://b.example/rss", "Ferries"),
        Feed("https://c.example/atom.xml", "City"),
    ]
    assert read_opml(write_opml(found).encode()) == found
    with pytest.raises(OpmlError, match="DTD"):
        read_opml(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>')
    with pytest.raises(OpmlError, match="not OPML"):
        read_opml(b"<rss/>")


def test_opml_import_and_export_on_the_command_line(home, tmp_path):
    opml = tmp_path / "mine.opml"
    opml.write_text(
        write_opml([Feed("https://a.example/feed", "A"), Feed("https://b.example/rss", "B"), Feed("https://c.example/x", "")])
    )
    result = reader("feeds", "import", opml, env=home)
    assert result.returncode == 0 and "3 feeds added" in result.stderr
    assert "0 feeds added, 3 already there" in reader("feeds", "import", opml, env=home).stderr
    exported = reader("feeds", "export", env=home).stdout
    assert read_opml(exported.encode()) == read_opml(opml.read_bytes())
    listing = reader("feeds", env=home).stdout
    assert "https://b.example/rss" in listing and "never refreshed" in listing
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline")
    result = reader("feeds", "import", bad, env=home)
    assert result.returncode == 2 and "not valid XML" in result.stderr and "Traceback" not in result.stderr


def test_refresh_on_the_command_line_brings_new_entries_and_reports_a_dead_feed(home, site):
    for url in (f"{site}/a.xml", f"{site}/gone.xml", f"{site}/b.xml"):
        assert reader("feeds", "add", url, env=home).returncode == 0
    first = reader("feeds", "refresh", env=home)
    assert first.returncode == 1  # one feed failed
    assert f"{site}/gone.xml: HTTP 404" in first.stderr and "from 2 of 3 feeds" in first.stderr
    titles = reader("articles", "--format", "jsonl", env=home).stdout  # a bare command opens the library now
    assert "Harbour plan approved" in titles and "Ferry timetable changes" in titles
    Feeds.entries["/a.xml"].insert(0, ("Second harbour crane arrives", "a2"))
    reader("feeds", "refresh", env=home)
    titles = reader("articles", "--format", "jsonl", env=home).stdout
    assert "Second harbour crane arrives" in titles and "Harbour plan approved" in titles
    listing = reader("feeds", env=home).stdout
    assert "failed: HTTP 404" in listing and listing.count("1 new") == 1  # a.xml changed, b.xml did not


def test_a_bare_reader_opens_the_samples_until_the_user_has_feeds(home):
    from reader.cli.main import own_library
    from reader.config import Config

    config = Config(path=feeds.subscriptions_path().parent / "config.toml")
    assert own_library(config) == []  # nothing of one's own: the samples
    subs = Subscriptions.load()
    subs.add("https://example.org/feed.xml")
    subs.save()
    assert own_library(config) == [feeds.library_folder([])]


@pytest.mark.slow
async def test_r_refreshes_in_the_app_and_the_new_article_appears(home, site):
    subs = Subscriptions.load()
    subs.add(f"{site}/a.xml")
    subs.save()
    folder = feeds.library_folder([])
    feeds.refresh(subs.feeds, folder)
    app = ReaderApp([folder])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.library is not None and app.library.articles:
                break
        titles = lambda: [a.title for a in app.library.articles]  # noqa: E731
        assert titles() == ["Harbour plan approved"]
        Feeds.entries["/a.xml"].insert(0, ("Second harbour crane arrives", "a2"))
        await pilot.press("r")
        for _ in range(200):
            await pilot.pause(0.05)
            if "Second harbour crane arrives" in titles():
                break
        assert sorted(titles()) == ["Harbour plan approved", "Second harbour crane arrives"]
        rows = app.query_one(ArticleList).rows
        new = [r for r in rows if r.new]
        assert [r.title for r in new] == ["Second harbour crane arrives"]  # marked new
        assert any("1 new or changed file from 1 of 1 feeds" in n.message for n in app._notifications)
        await pilot.press("q")
