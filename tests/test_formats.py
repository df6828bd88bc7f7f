"""Pages, feeds and dumps as articles (files written for these tests: tests/data/web)."""

import sys

import pytest
from helpers import DATA

from reader.sources import dumps
from reader.sources.files import load_paths, read_articles

WEB = DATA / "web"


def by_name():
    result = load_paths([WEB])
    return {a.file_name.split("#")[0] + ("#" if a.entry else ""): a for a in result.articles}, result


def test_html_page_main_text_and_metadata_without_navigation_or_comments():
    articles, problems = read_articles(WEB / "page.html")
    assert problems == [] and len(articles) == 1
    page = articles[0]
    assert page.title == "Port deal signed after long night"
    assert (page.source, page.url, page.date, page.authors) == (
        "Harbour Gazette",
        "https://gazette.example/port-deal",
        "2025-04-02",
        ["Mara Quinn"],
    )
    lines = page.body.splitlines()
    assert len(lines) == 4  # the four paragraphs, kept apart; the headline is the title
    assert lines[1].startswith("“Nobody wins a strike like this one")
    for junk in ("Sign in", "cookies", "Most read", "Disgraceful", "Taxpayers", "All rights reserved"):
        assert junk not in page.body


def test_rss_entries_are_articles_with_ids_of_their_own():
    articles, problems = read_articles(WEB / "news.rss")
    assert [a.title for a in articles] == ["Bridge reopens & traffic returns", "Library extends its hours"]
    bridge, library = articles
    # full text from content:encoded, not the summary; its script dropped
    assert bridge.body == (
        "The old bridge reopened on Monday after two years of repairs.\n"
        "“It feels like the town has its heart back,” said Mayor Olga Brandt.\n"
    )
    assert (bridge.source, bridge.url, bridge.date, bridge.authors) == (
        "Valley Courier",
        "https://courier.example/bridge",
        "2025-03-03",
        ["Lee Park"],
    )
    # the summary (HTML in a description) when there is no content
    assert library.body == "The town library will stay open until nine on weekdays, the council said.\n"
    assert bridge.entry and library.entry and bridge.entry != library.entry
    assert bridge.file_name == f"news.rss#{bridge.entry}"
    assert problems == [f"{WEB / 'news.rss'}: 1 feed entry with no text skipped"]


def test_atom_entry():
    (comet,), problems = read_articles(WEB / "science.atom")
    assert problems == []
    assert comet.title == "Comet seen from the north" and comet.source == "Science Desk"
    assert comet.authors == ["Ada Lind"] and comet.url == "https://science.example/comet"
    assert (
        comet.body.splitlines()[1] == "“It was brighter than anything I have seen in forty years,” said astronomer Ruth Okafor."
    )


def test_jsonl_dump_skips_a_broken_line_naming_file_and_line():
    articles, problems = read_articles(WEB / "dump.jsonl")
    assert [a.title for a in articles] == ["Budget approved", "Third line, fine."]
    assert [a.entry for a in articles] == ["line-1", "line-4"]
    assert articles[0].source == "Town Wire" and articles[0].date == "2025-06-01"
    assert any(p.startswith(f"{WEB / 'dump.jsonl'}:2: skipped") for p in problems)
    assert f"{WEB / 'dump.jsonl'}: 1 line without `text` skipped" in problems


def test_jsonl_with_no_text_lines_is_skipped_with_one_message(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text('{"title": "a"}\n{"title": "b"}\nnot json\n')
    articles, problems = dumps.read(path, path.read_bytes(), path.read_text())
    assert articles == [] and problems == [f"{path}: skipped, no line is a JSON object with a `text`"]


def test_a_fetched_page_stands_for_its_feed_entry(tmp_path):
    page = (WEB / "page.html").read_text()
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>G</title><item><title>Port deal</title>'
        "<link>https://gazette.example/port-deal</link><description>Short version of the port story.</description>"
        "</item></channel></rss>"
    )
    result = load_paths([tmp_path])
    assert [a.file_name for a in result.articles] == ["page.html"]


def test_without_the_web_extra_pages_and_feeds_say_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    monkeypatch.setitem(sys.modules, "feedparser", None)
    result = load_paths([WEB])
    assert {a.file_name.split("#")[0] for a in result.articles} == {"dump.jsonl"}
    assert sum("pip install 'quotereader[web]'" in p for p in result.problems) == 3


@pytest.mark.slow
def test_quotes_found_in_pages_and_feeds(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    from reader.library.core import open_library

    lib = open_library([WEB])
    found = {(r.speaker.name if r.speaker else None, r.text[:24]) for r in lib.quote_rows()}
    assert ("Ines Maddox", "Nobody wins a strike lik") in found
    assert ("Tomas Reyes", "We paid for peace, and I") in found
    assert ("Olga Brandt", "It feels like the town h") in found
    assert ("Ruth Okafor", "It was brighter than any") in found
    assert ("Amal Haddad", "We kept every promise,") in found


def test_hostile_pages_feeds_and_dumps(tmp_path):
    (tmp_path / "esc.html").write_bytes(
        b"<html><head><title>\x1b]0;owned\x07T</title></head><body><p>\x1b[31mred text</p></body></html>"
    )
    (tmp_path / "not-a-feed.xml").write_text("not xml at all")
    (tmp_path / "empty.atom").write_text("")
    (tmp_path / "bin.html").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "odd.jsonl").write_text(
        '{"text": 5}\n[1, 2]\n{"text": "ok \\u001b[2J then \\u009b text.", "title": "\\u001b[1mT"}\n'
    )
    result = load_paths([tmp_path])
    assert len(result.articles) == 2
    for a in result.articles:
        for value in (a.body, a.title, a.source or "", a.url or ""):
            assert not any(c in value for c in "\x1b\x07\x9b")
    problems = "\n".join(result.problems)
    assert "not-a-feed.xml: skipped, not a feed with entries" in problems
    assert "empty.atom: skipped, not a feed with entries" in problems
    assert "bin.html: skipped" in problems
    assert "odd.jsonl:1: skipped" in problems and "odd.jsonl:2: skipped" in problems


def test_a_file_named_without_a_known_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "notes"
    path.write_text("Plain notes. “We will see,” said Ann Lee.\n")
    result = load_paths([path])
    assert [a.title for a in result.articles] == ["Plain notes."] and result.problems == []
