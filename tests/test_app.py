"""The app driven with the pilot: keys in, state and screen checked."""

import pytest
from app_fixture import make_app

from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.speakers_pane import SpeakersPane


def screen_text(pane: ReadingPane) -> str:
    return "\n".join(pane.render_line(y).text for y in range(pane.size.height))


def speaker_of_current(app) -> str | None:
    return app._shown(app.article).speakers[app.quote]


async def test_open_article_then_first_quote():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        assert app.article == 0 and app.quote is None
        assert "The United Nations Secretary-General struck" in screen_text(pane)
        await pilot.press("n")
        assert app.quote == 0
        assert speaker_of_current(app) == "António Guterres"
        # the speaker's name is in the gutter beside the quote's first line, not in the text
        from reader.reading.layout import line_of

        line = line_of(pane.lines, pane.shown.quotes[0][0][0]) - round(pane.scroll_y)
        drawn = pane.render_line(line).text
        assert "António Guterres" in drawn[: pane.gutter_width]
        assert "“It was clear" in drawn[pane.gutter_width :]


async def test_same_speaker_walks_seed_000_and_wraps():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        seen = [(app.article, app.quote)]
        for _ in range(4):
            await pilot.press("right_square_bracket")
            seen.append((app.article, app.quote))
        # quotes 0, 1, 3, 4 are Guterres's (2 is a Putin spokesperson's); then round again
        assert seen == [(0, 0), (0, 1), (0, 3), (0, 4), (0, 0)]
        assert any("Wrapped" in n.message for n in app._notifications)
        await pilot.press("left_square_bracket")
        assert (app.article, app.quote) == (0, 4)


async def test_same_speaker_crosses_articles():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        walk = []
        for _ in range(6):
            await pilot.press("right_square_bracket")
            walk.append((app.article, app.quote))
        # from seed 000's quotes into the third article (index 2), then back to the start
        assert walk == [(0, 1), (0, 3), (0, 4), (2, 0), (2, 2), (0, 0)]
        assert app.query_one(ArticleList).cursor == 0


async def test_next_quote_runs_on_into_the_next_article_and_wraps():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        for _ in range(5):
            await pilot.press("n")
        assert (app.article, app.quote) == (0, 4)
        await pilot.press("n")
        assert (app.article, app.quote) == (1, 0)
        for _ in range(4):
            await pilot.press("n")
        assert (app.article, app.quote) == (1, 4)
        await pilot.press("n")
        assert (app.article, app.quote) == (0, 0)
        await pilot.press("N")
        assert (app.article, app.quote) == (1, 4)


async def test_speakers_pane_lists_guterres_once_and_opens_a_quote():
    app = make_app(with_third=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("s")
        pane = app.query_one(SpeakersPane)
        assert pane.has_class("-shown")
        names = [name for _, name, _ in pane._speakers]
        assert names.count("António Guterres") == 1
        assert not any("Antonio" in n for n in names)
        guterres = next(s for s in pane._speakers if s[1] == "António Guterres")
        assert guterres[2] == 6
        await pilot.press("enter")  # Guterres is first: most quotes
        await pilot.press("down", "down", "down", "down", "enter")  # his fifth: the third article
        assert (app.article, app.quote) == (2, 0)


async def test_click_on_a_quote_makes_it_current():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        start = pane.shown.quotes[2][0][0]  # “in principle”
        from reader.reading.layout import line_of

        line = line_of(pane.lines, start)
        pane.scroll_to(y=line, animate=False)
        await pilot.pause()
        col = start - pane.lines[line].start
        await pilot.click(ReadingPane, offset=(1 + pane.gutter_width + col + 2, line - round(pane.scroll_y)))
        assert app.quote == 2


async def test_help_screen_lists_the_keys():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [k for k, _ in app.screen.rows]
        for key in ("n", "N", "]", "[", "s", "e", "y", "/", "?", "q"):
            assert key in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_y_copies_the_quote_with_its_attribution():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n", "y")
        assert app.clipboard.startswith("“It was clear for us that")
        assert app.clipboard.endswith(
            "” — António Guterres, The United Nations Secretary-General struck an ominous tone Wednesday when…"
        )


async def test_entities_toggle():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        assert pane.show_entities
        await pilot.press("e")
        assert not pane.show_entities


async def test_last_article_and_position_are_remembered(tmp_path):
    state = tmp_path / "state.json"
    app = make_app(state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter", "n", "n")
        assert (app.article, app.quote) == (1, 1)
        await pilot.press("q")
    again = make_app(state=state)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert (again.article, again.quote) == (1, 1)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_works_small_and_large(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "n")
        pane = app.query_one(ReadingPane)
        assert pane.size.width >= 40
        assert pane.text_width <= 78  # a readable measure on wide terminals
        assert "Guterres" in screen_text(pane)  # the surname, where the full name does not fit
        await pilot.press("s")
        assert app.query_one(SpeakersPane).has_class("-shown")


async def test_text_is_shown_literally(tmp_path):
    from reader.library.core import load_library
    from reader.nlp.records import Annotation
    from reader.ui.app import ReaderApp

    (tmp_path / "a.txt").write_text("[bold]not bold[/bold] and [@click=app.quit]no link[/] stay as typed.\n")
    lib = load_library([tmp_path])
    lib.annotations = {lib.articles[0].id: Annotation([], [], [])}
    app = ReaderApp(library=lib.finish())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.press("enter")
        shown = " ".join(screen_text(app.query_one(ReadingPane)).split())
        assert "[bold]not bold[/bold] and [@click=app.quit]no link[/] stay as typed." in shown


def _with_doubtful_quotes():
    """The seeds with quote 1 of the first article a guess and quote 2 said by nobody."""
    import msgspec
    from app_fixture import fixture_library

    from reader.nlp.records import Annotation

    lib = fixture_library(with_third=False)
    first = lib.articles[0].id
    ann = lib.annotations[first]
    quotes = list(ann.quotes)
    quotes[1] = msgspec.structs.replace(quotes[1], confidence="low", rule="carried-over")
    quotes[2] = msgspec.structs.replace(quotes[2], speaker=None, speaker_kind=None, mention=None, rule=None, confidence=None)
    lib.annotations[first] = Annotation(list(ann.entities), list(ann.chunks), quotes)
    return lib.finish()


async def test_a_guessed_speaker_is_marked_and_unattributed_quotes_are_listed():
    from reader.reading.layout import line_of
    from reader.ui.app import ReaderApp

    app = ReaderApp(library=_with_doubtful_quotes())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter", "n")
        pane = app.query_one(ReadingPane)

        def gutter(q):
            line = line_of(pane.lines, pane.shown.quotes[q][0][0])
            pane.scroll_to(y=line, animate=False)
            return pane.render_line(line - round(pane.scroll_y)).text[: pane.gutter_width - 1].strip()

        await pilot.pause()
        assert gutter(0) == "António Guterres"  # sure: no mark
        assert gutter(1) == "António Guterres?"  # a guess: marked
        assert gutter(2) == "?"  # nobody
        await pilot.press("y")
        await pilot.press("n", "y")
        assert app.quote == 1 and "— António Guterres (?)," in app.clipboard
        await pilot.press("s")
        speakers = app.query_one(SpeakersPane)
        assert speakers._speakers[-1] == ("unattributed", "Unattributed", 1)
        await pilot.press("end", "enter")
        quotes = app.query_one("#speaker-quotes")
        assert quotes.option_count == 1
        await pilot.press("enter")
        assert (app.article, app.quote) == (0, 2)


async def test_a_quote_in_parts_shows_its_gap():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n", "n", "n", "n", "n", "y")  # the fifth: “… forever. … There will be …”
        assert app.quote == 4
        assert "forever, … There will be a moment" in app.clipboard
