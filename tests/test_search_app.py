"""Search in the app and on the command line, on the fixture library."""

import json
import subprocess
import sys

import pytest
from app_fixture import fixture_library, make_app
from helpers import ROOT, SEEDS

from reader.search.entries import build_index
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar


def test_library_ranking():
    index = build_index(fixture_library(with_third=True, with_search=True))
    first_speaker = lambda q: index.search(q, kinds=("speaker",))[0].entry.title  # noqa: E731
    for q in ("guteres", "antonio", "Guterres", "GUTERRES"):
        assert first_speaker(q) == "António Guterres"
    assert len(index.search("zelenskyy", kinds=("speaker",))) == 1
    assert [h.entry.ref for h in index.search("zelensky", kinds=("speaker",))] == [
        h.entry.ref for h in index.search("zelenskyy", kinds=("speaker",))
    ]
    hits = index.search("evacuation", limit=40)
    kinds = {h.entry.kind for h in hits}
    assert {"topic", "quote", "text"} <= kinds
    quotes = [h.entry.text for h in hits if h.entry.kind == "quote"]
    assert any("The evacuation went better" in q for q in quotes)
    assert any("every evacuation depends" in q for q in quotes)
    texts = [h.entry.text for h in hits if h.entry.kind == "text"]
    assert any("coordinating evacuations" in t for t in texts)  # a seed paragraph


async def test_search_flow():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        assert bar.has_class("-shown")
        await pilot.press(*"guteres")
        assert any(h.entry.kind == "speaker" and h.entry.title == "António Guterres" for h in bar.hits.values())
        await pilot.press("enter")  # the first result: the speaker
        articles = app.query_one(ArticleList)
        assert len(articles.rows) == 2  # seed 000 and the third article quote him
        assert "Speaker: António Guterres" in str(app.query_one("#filter-chip").render())
        assert (app.article, app.quote) == (0, 0)
        await pilot.press("right_square_bracket")
        assert (app.article, app.quote) == (0, 1)
        await pilot.press("escape")  # closes the bar, keeps the filter
        assert not bar.has_class("-shown")
        assert len(articles.rows) == 2
        await pilot.press("escape")  # clears the filter
        assert len(articles.rows) == 3
        assert app.filter_label is None


async def test_topic_mentions_walk():
    app = make_app(with_third=True, with_search=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        hit = next(h for h in app.index.search("red cross", limit=20) if h.entry.kind == "entity")
        app.open_hit(hit)
        await pilot.pause()
        assert len(app.marks) >= 2 and app.mark == 0
        pane = app.query_one(ReadingPane)
        first = (app.article, pane.mark)
        await pilot.press("m")
        assert (app.article, pane.mark) != first
        assert pane.shown.body[pane.mark[0] : pane.mark[1]].lower().endswith("red cross")
        await pilot.press("x")
        assert app.filter_label is None and pane.mark is None


async def test_command_palette_uses_the_index():
    from textual.command import CommandPalette

    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"guteres")
        await pilot.pause(0.5)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("António Guterres" in s for s in shown), shown


@pytest.mark.slow
def test_cli_search():
    out = subprocess.run(
        [sys.executable, "-m", "reader", "search", "guteres", str(SEEDS), "--kind", "speaker", "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0]["text"] == "António Guterres" and rows[0]["speaker_id"] == "person:guterres"
    assert {"kind", "text", "score"} <= set(rows[0])
    out = subprocess.run(
        [sys.executable, "-m", "reader", "search", "evacuation", str(SEEDS), "--kind", "text", "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all({"article", "start", "end"} <= set(r) for r in rows)
