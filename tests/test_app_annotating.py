"""The app on articles nobody annotated yet: the list is there at once and fills in."""

import pytest

from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList

pytestmark = pytest.mark.slow


async def test_list_first_then_highlights(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(6):
        (lib / f"{n}.txt").write_text(f"Story {n} begins here.\n“We are ready for round {n},” said coach Sam Ortiz.\n")
    app = ReaderApp([lib])
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.query_one(ArticleList)
        for _ in range(50):
            await pilot.pause(0.05)
            if articles.rows:
                break
        assert len(articles.rows) == 6
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert [r.quotes for r in articles.rows] == [1] * 6
        assert not app.query_one("#progress").display
        await pilot.press("enter", "n")
        assert app._shown(app.article).speakers[app.quote] == "Sam Ortiz"
