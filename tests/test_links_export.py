"""`o` opens the article's link (or shows and copies it); quotes exported as CSV and Markdown."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from reader.cli import output
from reader.library.core import Library
from reader.nlp.records import Annotation
from reader.reading import links
from reader.sources.article import Article, article_id
from reader.ui.app import ReaderApp


def app_with(url):
    body = "A short article.\n"
    article = Article(article_id(body), body, "Short", paths=[Path("short.txt")], url=url)
    lib = Library([article], annotations={article.id: Annotation([], [], [])})
    return ReaderApp(library=lib.finish())


def browser(monkeypatch, graphical: bool) -> list[str]:
    """Pretend there is (or is not) a graphical browser; the URLs it was asked to open."""
    opened: list[str] = []
    monkeypatch.setattr(links, "graphical_browser", lambda: graphical)
    monkeypatch.setattr(links, "open_in_browser", opened.append)
    return opened


async def test_o_without_a_graphical_browser_shows_and_copies_the_link(monkeypatch):
    opened = browser(monkeypatch, graphical=False)
    app = app_with("https://news.example/a?b=[c]")
    async with app.run_test() as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert app.clipboard == "https://news.example/a?b=[c]"
        assert any("https://news.example/a?b=[c]" in n.message and "copied" in n.message for n in app._notifications)
        assert opened == []


async def test_o_with_a_graphical_browser_opens_it(monkeypatch):
    opened = browser(monkeypatch, graphical=True)
    app = app_with("https://news.example/a")
    async with app.run_test() as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == ["https://news.example/a"]


@pytest.mark.parametrize(
    "url, message", [(None, "This article has no web link."), ("javascript:alert(1)", "Not a web link: javascript:alert(1)")]
)
async def test_o_refuses_what_is_not_a_web_link(monkeypatch, url, message):
    opened = browser(monkeypatch, graphical=True)
    app = app_with(url)
    async with app.run_test() as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert opened == [] and any(n.message == message for n in app._notifications)


def test_graphical_browser_needs_a_display_on_linux():
    assert links.graphical_browser(env={}, platform="linux") is False  # console, or SSH without X


def test_csv_cannot_inject_formulas():
    out = io.StringIO()
    output.csv_rows(
        ("speaker", "quote"), [("=cmd|' /C calc'!A0", "+1 said"), ("@SUM(A1)", "-2"), ("Ann", 'fine, "quoted"\nline')], out
    )
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [
        ["speaker", "quote"],
        ["'=cmd|' /C calc'!A0", "'+1 said"],
        ["'@SUM(A1)", "'-2"],
        ["Ann", 'fine, "quoted"\nline'],
    ]


def test_markdown_escapes_pipes_and_line_breaks():
    out = io.StringIO()
    output.markdown(("Speaker", "Quote"), [("A | B", "one\ntwo \\ three")], out)
    assert out.getvalue().splitlines() == ["| Speaker | Quote |", "|---|---|", "| A \\| B | one<br>two \\\\ three |"]


@pytest.mark.slow
def test_quotes_as_csv_and_markdown_from_the_command_line():
    def run(fmt):
        return subprocess.run(
            [sys.executable, "-m", "reader", "quotes", "seeds", "--format", fmt],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout

    rows = list(csv.DictReader(io.StringIO(run("csv"))))
    assert len(rows) >= 10 and {"speaker", "quote", "title", "article", "url"} <= set(rows[0])
    assert any(r["speaker"] == "António Guterres" for r in rows)
    assert {r["confidence"] for r in rows} <= {"high", "medium", "low", ""}
    # a quote in parts shows its gap, never "forever, There will be"
    assert any("forever, … There will be a moment" in r["quote"] for r in rows)
    md = run("md").splitlines()
    assert md[0] == "| Speaker | Quote | Article | Link |" and len(md) == len(rows) + 2
    assert any("forever, … There will be a moment" in line for line in md)
