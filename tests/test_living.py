"""A reader to live in: what a newsboat user reaches for, driven with the pilot (keys in, state
and screen checked), and the command line's manners."""

import io
import os
from contextlib import nullcontext

from app_fixture import fixture_library, make_app, make_configured_app
from helpers import SEEDS, reader

from reader.cli import output
from reader.reading.links import browser_command, links_in
from reader.reading.listing import Heading, date_key, shape
from reader.search.index import Entry, SearchIndex
from reader.state import Bookmark, StateFile
from reader.ui.app import ReaderApp
from reader.ui.commands import palette_help
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.screens.links import LinksScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.header import ArticleHeader, Legend
from reader.ui.widgets.keybar import KeyBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.speakers_pane import SpeakersPane

# --- broken or misleading ------------------------------------------------------------------------


def _current_quote_background(pane: ReadingPane) -> str:
    """The background drawn under the current quote's first character, as the screen has it."""
    start = pane.shown.quotes[pane.current][0][0]
    from reader.reading.layout import line_of

    line = line_of(pane.lines, start)
    pane.scroll_to(y=line, animate=False)
    strip = pane.render_line(line - round(pane.scroll_y))
    text_x = pane.gutter_width + (start - pane.lines[line].start)
    x = 0
    for seg in strip:
        if x + len(seg.text) > text_x:
            return seg.style.bgcolor.name
        x += len(seg.text)
    raise AssertionError("quote not drawn")


async def test_a_theme_chosen_with_an_article_open_restyles_the_text_at_once(tmp_path):
    app = make_configured_app(tmp_path, theme="reader-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        pane = app.query_one(ReadingPane)
        await pilot.pause()
        dark = _current_quote_background(pane)
        app.theme = "newsprint"
        await pilot.pause()
        await pilot.pause()
        light = _current_quote_background(pane)
        wanted = pane.get_component_rich_style("reading-pane--current-quote").bgcolor.name
        assert light != dark and light == wanted


async def test_the_footer_keeps_search_quit_and_help_at_80_and_120_columns_and_shows_remapped_keys(tmp_path):
    for width in (80, 120):
        app = make_configured_app(tmp_path, '[keymap]\n"quote.next" = "v"\n')
        async with app.run_test(size=(width, 30)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            shown = app.query_one(KeyBar).keys_shown()
            keys = [k for k, _ in shown]
            assert {"/", "q"} <= set(keys) and shown[-1] == ("?", "Help"), (width, shown)
            assert ("v", "Next quote") in shown and ("n", "Next quote") not in shown
            drawn = app.query_one(KeyBar).render()
            assert str(drawn).rstrip().endswith("Help") and len(str(drawn)) <= width


async def test_j_and_k_move_in_the_speakers_pane_and_the_bookmarks(tmp_path):
    state = StateFile(tmp_path / "state.sqlite3")
    for n in range(2):
        state.toggle_bookmark(Bookmark("x", n, n + 5, f"quote {n}", "Ann Lee", "Title"))
    app = make_app(with_third=True, state=tmp_path / "state.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        speakers = app.query_one("#speaker-list")
        assert speakers.has_focus and speakers.highlighted == 0
        await pilot.press("j", "j")
        assert speakers.highlighted == 2
        await pilot.press("k")
        assert speakers.highlighted == 1
        await pilot.press("G")
        assert speakers.highlighted == speakers.option_count - 1
        await pilot.press("escape", "s", "B")
        assert isinstance(app.screen, BookmarksScreen)
        marks = app.screen.query_one("#bookmark-list")
        await pilot.press("j")
        assert marks.highlighted == 1


async def test_three_panes_fit_from_120_columns_and_the_focused_one_is_lit():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        left, right, speakers = app.query_one("#left"), app.query_one("#right"), app.query_one(SpeakersPane)
        assert left.display and left.region.width >= 26 and right.region.width >= 50
        assert left.region.right <= right.region.x and right.region.right <= speakers.region.x
        lit, unlit = speakers.styles.border_top[1], left.styles.border_top[1]
        assert lit != unlit  # the speakers pane has the focus
        for _ in range(3):  # focus moves on: the lit rule moves with it
            await pilot.press("tab")
            await pilot.pause()
            for pane in (left, right, speakers):
                assert (pane.styles.border_top[1] == lit) == pane.has_pseudo_class("focus-within")
    app = make_app(with_third=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert app.query_one("#left").region.width == 0  # narrower: the speakers take the list's place


async def test_the_legend_follows_e_with_the_entity_colours():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        legend = app.query_one(Legend)
        pane = app.query_one(ReadingPane)
        assert legend.display and pane.show_entities
        labels = [str(label.render()) for label in legend.query("Label")]
        assert labels[:5] == ["■ person", "■ org", "■ place", "■ date/number", "■ other"]
        await pilot.press("e")
        assert not legend.display and not pane.show_entities
        await pilot.press("e")
        assert legend.display and pane.show_entities


def test_short_words_match_fuzzily_too():
    index = SearchIndex([Entry("speaker", "Hollie Nguyen", 3, ("person:nguyen",)), Entry("speaker", "Holger Danske", 1, ("x",))])
    assert [h.entry.text for h in index.search("holly")][:1] == ["Hollie Nguyen"]
    assert index.search("holly") == index.exhaustive("holly")


def test_palette_rows_say_their_kind_once():
    assert palette_help("topic", "topic · 3 mentions in 2 articles") == "topic · 3 mentions in 2 articles"
    assert palette_help("speaker", "5 quotes · senator") == "speaker · 5 quotes · senator"
    assert palette_help("article", "") == "article"


async def test_the_search_bar_says_what_it_searches_and_when_nothing_matches():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        assert str(bar.query_one("#search-prompt").render()) == "Search"
        await pilot.press(*"qqqxzv")
        results = bar.query_one("#search-results")
        assert results.option_count == 1 and "No match for “qqqxzv”" in str(results.get_option_at_index(0).prompt)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_quotes_table_fits_the_terminal_and_wraps_the_quote(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    words = "It was clear for us that there are no immediate chances of a peace agreement. " * 8
    rows = [("António Guterres", f"“{words}”", "000_e3be8faee07f3469_a_long_file_name.txt"), ("Bob", "“Short.”", "b.txt")]
    out = _Terminal()
    output.table(("SPEAKER", "QUOTE", "ARTICLE"), rows, out=out, wrap=1)
    lines = out.getvalue().splitlines()
    assert max(map(len, lines)) <= 80 and len(lines) > 4
    assert " ".join(" ".join(line.split()) for line in lines).count("peace agreement") == 8  # nothing cut
    piped = io.StringIO()
    output.table(("SPEAKER", "QUOTE", "ARTICLE"), rows, out=piped, wrap=1)
    assert len(piped.getvalue().splitlines()) == 3  # full width, one line a row, when not a terminal


def test_search_without_a_match_says_so_and_exits_1():
    result = reader("search", "qqqxzvv", SEEDS)
    assert result.returncode == 1 and "no match for 'qqqxzvv'" in result.stderr and result.stdout == ""


def test_config_says_where_each_value_comes_from(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "sepia"\nbrowser = "w3m %u"\n')
    env = {**os.environ, "READER_CONFIG": str(config), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("READER_THEME", None)
    out = reader("config", env=env).stdout
    assert "theme:       sepia  [config.toml]" in out and "browser:     w3m %u  [config.toml]" in out
    assert "highlight:" in out and "[default]" in out
    state = StateFile(tmp_path / "data" / "quotereader" / "reader.sqlite3")
    remembered = state.load()
    remembered.theme = "newsprint"
    state.save(remembered)
    state.close()
    out = reader("config", env=env).stdout
    assert "theme:       newsprint  [remembered]" in out  # the remembered choice beats config.toml, and says so
    out = reader("config", env={**env, "READER_THEME": "high-contrast"}).stdout
    assert "theme:       high-contrast  [$READER_THEME]" in out


async def test_many_problems_are_a_few_short_notices(tmp_path):
    for n in range(6):
        (tmp_path / f"bad{n}.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "good.txt").write_text("“Fine,” said Ann Lee.\n")
    from reader.library.core import load_library

    lib = load_library([tmp_path])
    lib.annotations = {}
    app = ReaderApp(library=lib.finish())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = [n for n in app._notifications if n.title in ("Problem", "Problems")]
        assert len(notes) == 4 and "and 3 more" in notes[-1].message
        assert all(n.timeout <= 8 for n in app._notifications)


# --- what a terminal-reader user expects -----------------------------------------------------------


def test_shaping_the_list():
    lib = fixture_library(with_third=True, with_search=True)
    articles, everything = lib.articles, list(range(len(lib.articles)))
    by_date = shape(articles, everything, set(), sort="date")
    dated = [i for i in by_date if date_key(articles[i].date)]
    assert [date_key(articles[i].date) for i in dated] == sorted((date_key(articles[i].date) for i in dated), reverse=True)
    assert by_date[len(dated) :] == [i for i in everything if not date_key(articles[i].date)]  # undated last, in order
    titles = [articles[i].title.casefold() for i in shape(articles, everything, set(), sort="title")]
    assert titles == sorted(titles)
    read = {articles[0].id}
    grouped = shape(articles, everything, read, grouped=True)
    headings = [h for h in grouped if isinstance(h, Heading)]
    assert sum(h.articles for h in headings) == len(articles) and sum(h.unread for h in headings) == len(articles) - 1
    assert articles[0].id not in {articles[i].id for i in shape(articles, everything, read, unread_only=True)}
    assert date_key("Tue, 10 May 2022 08:00:00 GMT") == "2022-05-10" and date_key("soon") == ""


async def test_list_keys_sort_group_unread_and_are_remembered(tmp_path):
    state_path = tmp_path / "state.sqlite3"
    app = make_app(with_third=True, state=state_path)
    async with app.run_test(size=(120, 40)) as pilot:
        listing = app.query_one(ArticleList)
        await pilot.press("T")
        headings = [r for r in listing.rows if r.heading]
        assert headings and headings[0].detail.endswith("unread")
        assert not listing.rows[listing.cursor].heading  # the cursor never rests on a heading
        await pilot.press("j", "k", "enter")
        assert app.article is not None
        await pilot.press("T", "u")
        unread = [app.lib.articles[i].id for i in app.rows]
        assert app.lib.articles[app.article].id not in unread or len(unread) == 0
        await pilot.press("u", "A")
        assert app.read == {a.id for a in app.lib.articles}
        assert "0/3 unread" in str(app.query_one("#left").border_title)
        app.query_one(ArticleList).focus()
        await pilot.press("g", "U")
        first = app.rows[0]
        assert app.lib.articles[first].id not in app.read
        await pilot.press("S", "S")
        assert app.remembered.sort == "title"
    again = StateFile(state_path)
    assert again.load().sort == "title" and len(again.read_ids()) == 2  # all read, then one unread


async def test_the_article_header():
    app = make_app(with_third=True)
    async with app.run_test(size=(120, 40)) as pilot:
        third = next(i for i, a in enumerate(app.lib.articles) if a.source == "Fixture Wire")
        app.open_article(third)
        await pilot.pause()
        header = str(app.query_one(ArticleHeader).render())
        assert "Guterres calls for new talks" in header and "Fixture Wire · 2022-05-12" in header


async def test_find_in_the_article_walks_its_matches():
    app = make_app(with_third=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "f", *"ukraine", "enter")
        body = app.lib.articles[app.article].body
        assert len(app.marks) == body.lower().count("ukraine") > 1 and app.mark == 0
        assert "Find: ukraine" in str(app.query_one("#filter-chip").render())
        pane = app.query_one(ReadingPane)
        assert pane.mark == app.marks[0][1:]
        await pilot.press("m")
        assert app.mark == 1 and pane.mark == app.marks[1][1:]
        await pilot.press("x")
        assert app.marks == [] and pane.mark is None
        await pilot.press("f", *"zzzqqq", "enter")
        assert app.marks == [] and any("not in this article" in n.message for n in app._notifications)


def test_links_in_an_article():
    body = "See https://b.org/p?q=1, and (https://c.org/y). Again https://a.org/x. Not javascript:alert(1)."
    assert links_in("https://a.org/x", body) == ["https://a.org/x", "https://b.org/p?q=1", "https://c.org/y"]
    assert links_in(None, "no links") == []
    assert browser_command("w3m %u", "https://a.org/x y") == ["w3m", "https://a.org/x y"]  # one argument, no shell
    assert browser_command("firefox --new-tab", "https://a.org") == ["firefox", "--new-tab", "https://a.org"]


async def test_the_links_screen_opens_a_link_with_the_configured_browser(tmp_path, monkeypatch):
    ran = []
    monkeypatch.setattr("reader.ui.app.subprocess.run", lambda cmd, check: ran.append(cmd))
    app = make_configured_app(tmp_path, 'browser = "w3m %u"\n')
    monkeypatch.setattr(app, "suspend", nullcontext)
    async with app.run_test(size=(120, 40)) as pilot:
        third = next(i for i, a in enumerate(app.lib.articles) if a.source == "Fixture Wire")
        app.lib.articles[third].url = "https://example.org/talks"
        app.open_article(third)
        await pilot.press("L")
        assert isinstance(app.screen, LinksScreen) and app.screen.links == ["https://example.org/talks"]
        await pilot.press("enter")
        assert ran == [["w3m", "https://example.org/talks"]]
        await pilot.press("o")
        assert ran[-1] == ["w3m", "https://example.org/talks"]
