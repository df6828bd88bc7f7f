"""Who said what, at a glance: speaker dossiers, topic × speaker, the library overview; in the
domain, on the command line and in the app (tests/data/dossier_library, frozen annotations)."""

import json

import pytest
from app_fixture import dossier_library, make_app, make_dossier_app
from helpers import DATA, reader

from reader.reading.charts import bar, spark, timeline
from reader.reading.dossier import dossier, first_line
from reader.reading.navigation import library_navigator
from reader.reading.overview import overview
from reader.reading.views import UNATTRIBUTED, quoted_saying
from reader.search.entries import build_index
from reader.search.targets import MentionsTarget, target_of
from reader.ui.screens.dossier import DossierScreen
from reader.ui.screens.overview import OverviewScreen
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.speakers_pane import SpeakersPane

LIBRARY = DATA / "dossier_library"


@pytest.fixture(scope="module")
def lib():
    return dossier_library()


def _sid(lib, name):
    return next(s.id for s in lib.people.speakers.values() if s.name == name)


# --- charts ---------------------------------------------------------------------------------


def test_weeks_for_half_a_year_months_beyond_and_undated_apart():
    weeks = timeline(["2024-01-03", "2024-01-20", "2024-03-01", "", "not a date"])
    assert weeks.unit == "week" and weeks.periods[0] == "2024-01-01"  # the Monday
    assert weeks.counts == [1, 0, 1, 0, 0, 0, 0, 0, 1] and weeks.undated == 2
    assert weeks.label(0) == "1 Jan 2024"
    months = timeline(["2023-11-30", "2024-12-01"])
    assert months.unit == "month" and len(months.periods) == 14 and months.counts[0] == months.counts[-1] == 1
    assert months.label(1) == "Dec 2023"
    weighted = timeline(["2024-02-01", "2024-02-20", ""], unit="month", weights=[3, 2, 4])
    assert weighted.counts == [5] and weighted.undated == 4


def test_bars_and_sparks():
    assert bar(10, 10, 8) == "█" * 8
    assert bar(1, 16, 8) == "▌"  # half a cell
    assert bar(0.01, 10, 8) == "▏"  # anything above nothing shows
    assert bar(0, 10, 8) == "" and bar(5, 0, 8) == ""
    assert spark([0, 1, 4, 8]) == "▁▂▅█"


def test_first_line_cuts_and_says_so():
    assert first_line("One line.") == "One line."
    assert first_line("First.\nSecond.") == "First.…"
    assert len(first_line("x" * 300)) == 100


# --- the dossier ----------------------------------------------------------------------------


def test_a_dossier_gathers_a_speaker_across_articles(lib):
    nav = library_navigator(lib)
    d = dossier(lib, nav, _sid(lib, "Ana Ruiz"))
    assert d.name == "Ana Ruiz" and "Ruiz" in d.spellings
    assert d.roles == ["director"] and d.organisations == ["County Health Board"]
    assert d.quotes == 2 and [a.title for a in d.articles] == [
        "East bank clinic opens its doors",  # newest first
        "County plans a clinic on the east bank",
    ]
    assert d.articles[0].date == "2024-05-14" and d.articles[0].source == "Metro Wire"
    assert d.over_time.unit == "week" and sum(d.over_time.counts) == 2 and d.over_time.undated == 0
    assert [name for _, name, _ in d.beside] == ["Lena Ortiz"]  # quoted in both of her articles
    assert d.beside[0][2] == 2


def test_the_people_quoted_beside_someone_count_shared_articles(lib):
    nav = library_navigator(lib)
    d = dossier(lib, nav, _sid(lib, "Lena Ortiz"))
    beside = {name: n for _, name, n in d.beside}
    assert beside["Tom Baker"] == 3 and beside["Ana Ruiz"] == 2
    assert d.quotes == sum(len(a.quotes) for a in d.articles) == nav.count_of(d.speaker_id)
    assert dossier(lib, nav, "no-such-speaker") is None


def test_who_is_quoted_saying_a_topic(lib):
    nav = library_navigator(lib)
    hit = next(h for h in build_index(lib).search("ferry", limit=50) if h.entry.kind in ("topic", "entity"))
    target = target_of(lib, hit)
    assert isinstance(target, MentionsTarget)
    mentions = target.mentions(lib)
    rows, quotes_of = quoted_saying(lib, nav, mentions)
    assert rows, "the ferry is mentioned inside quotes"
    for sid, _, count in rows:
        found = quotes_of(sid)
        assert len(found) == count and all("ferry" in text.lower() for _, _, text, _ in found)
    assert rows == sorted(rows, key=lambda r: (r[0] == UNATTRIBUTED, -r[2], r[1].lower()))


def test_the_overview(lib):
    o = overview(lib, library_navigator(lib))
    assert (o.articles, o.speakers) == (8, len([s for s in lib.people.speakers.values() if s.quotes]))
    assert o.most_quoted[0][1] == "Lena Ortiz" and all(n >= m for (_, _, n), (_, _, m) in zip(o.most_quoted, o.most_quoted[1:]))
    assert {s for s, _, _ in o.by_source} == {"Riverside Herald", "Valley Post", "Metro Wire"}
    assert sum(a for _, a, _ in o.by_source) == 8 and sum(q for _, _, q in o.by_source) == o.quotes
    assert o.with_speaker + o.low_confidence + o.without_speaker == o.quotes
    assert o.articles_over_time.undated == 1 and sum(o.articles_over_time.counts) == 7
    assert o.quotes_over_time.periods == o.articles_over_time.periods
    assert sum(o.quotes_over_time.counts) + o.quotes_over_time.undated == o.quotes


# --- the command line -----------------------------------------------------------------------


@pytest.mark.slow
def test_reader_speaker_as_markdown_and_json(tmp_path):
    env = {"READER_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    md = reader("speaker", "ana ruis", LIBRARY, env=env)  # fuzzy
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# Ana Ruiz\n") and "Organisations: County Health Board" in md.stdout
    assert "### 2024-05-14 · Metro Wire · East bank clinic opens its doors" in md.stdout
    assert "| Lena Ortiz | 2 |" in md.stdout
    js = reader("speaker", "Ana Ruiz", LIBRARY, "--format", "jsonl", env=env)
    (record,) = [json.loads(line) for line in js.stdout.splitlines()]
    assert record["name"] == "Ana Ruiz" and record["quotes"] == 2 and record["over_time"]["unit"] == "week"
    assert record["beside"][0]["speaker"] == "Lena Ortiz"
    missing = reader("speaker", "zzzzqx", LIBRARY, env=env)
    assert missing.returncode == 1 and "no speaker matches" in missing.stderr
    stats = reader("stats", LIBRARY, env=env)
    assert stats.returncode == 0 and "## Most quoted people" in stats.stdout and "| Metro Wire |" in stats.stdout
    assert "1 articles have no date" in stats.stdout or "1 articles" not in stats.stdout
    figures = json.loads(reader("stats", LIBRARY, "--format", "jsonl", env=env).stdout)
    assert figures["articles"] == 8 and figures["articles_over_time"]["undated"] == 1


# --- the app --------------------------------------------------------------------------------


async def test_d_opens_the_current_quotes_speaker_and_enter_opens_a_quote():
    app = make_dossier_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n")
        speaker = app.navigator.stop(app.navigator.index(app.article, app.quote)).speaker_id
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DossierScreen) and screen.record.speaker_id == speaker
        # the second quote listed (newest article first) opens in the reading pane
        await pilot.press("j", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DossierScreen)
        chosen = screen.record.articles
        lines = [q for a in chosen for q in a.quotes]
        assert (app.article, app.quote) == (lines[1].article, lines[1].quote)
        assert app.query_one(ReadingPane).current == lines[1].quote


async def test_a_dossier_leads_to_the_people_beside_and_back():
    app = make_dossier_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")  # the speakers pane: most quoted first
        await pilot.pause()
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, DossierScreen) and screen.record.name == "Lena Ortiz"
        text = str(screen.query_one("#who").render())
        assert "Lena Ortiz" in text and "7 quotes in 7 articles" in text
        await pilot.press("tab", "enter")  # the first person quoted beside her
        assert screen.record.name == "Tom Baker" and app.screen is screen
        await pilot.press("escape")
        assert screen.record.name == "Lena Ortiz"
        await pilot.press("escape")
        assert not isinstance(app.screen, DossierScreen)


async def test_d_without_a_speaker_says_how_to_get_one():
    app = make_dossier_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        assert not isinstance(app.screen, DossierScreen)
        assert any("No speaker here" in n.message for n in app._notifications)


async def test_the_overview_from_its_key_and_the_palette():
    app = make_dossier_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("I")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        assert screen.figures.most_quoted[0][1] == "Lena Ortiz"
        shown = screen.query_one("#most-quoted").render().plain
        assert "Lena Ortiz" in shown and "█" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, OverviewScreen)
        await pilot.press("ctrl+p", *"glance")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, OverviewScreen)


async def test_a_topic_shows_who_is_quoted_saying_it_and_x_restores_everyone():
    app = make_dossier_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash", *"the ferry")
        await pilot.pause(0.3)
        bar = app.query_one("#search-results")
        topic = next(
            i
            for i, o in enumerate(bar._options)
            if o.id and o.id.startswith(("topic:", "entity:")) and "ferry" in str(o.prompt).lower()
        )
        bar.highlighted = topic
        await pilot.press("enter")
        await pilot.pause(0.3)
        pane = app.query_one(SpeakersPane)
        assert pane.has_class("-shown")  # room for it at 140 columns: shown at once
        title = str(pane.query_one("#speakers-title").render())
        assert "quoted saying" in title and "ferry" in title
        everyone = len(app._all_speakers[0])
        assert 0 < len(pane._speakers) < everyone
        await pilot.press("x", "x")  # (the first closes the search line, the second the filter)
        await pilot.pause()
        assert str(pane.query_one("#speakers-title").render()) == "Speakers" and len(pane._speakers) == everyone


async def test_theme_switch_with_a_dossier_open_and_a_small_terminal():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "n", "d")
        assert isinstance(app.screen, DossierScreen)
        app.theme = "newsprint"
        await pilot.pause()
        assert app.screen.query_one("#by-article").size.height > 0
        await pilot.press("q")
        assert not isinstance(app.screen, DossierScreen)


async def test_a_long_dossier_fills_a_screenful_first_then_the_rest(monkeypatch):
    from reader.ui.screens import dossier as screen_module

    monkeypatch.setattr(screen_module, "FIRST_ROWS", 3)
    monkeypatch.setattr(screen_module, "LATER_ROWS", 2)
    app = make_dossier_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_dossier(_sid(app.lib, "Lena Ortiz"))
        await pilot.pause()
        screen = app.screen
        quotes = screen.query_one("#by-article")
        d = screen.record
        full = len(d.articles) + d.quotes  # a heading an article, a row a quote
        for _ in range(200):  # (a chunk a frame)
            await pilot.pause(0.02)
            if quotes.option_count >= full:
                break
        assert quotes.option_count == full
        # another dossier opened meanwhile never receives the first one's rows
        app.open_dossier(_sid(app.lib, "Lena Ortiz"))
        await pilot.press("tab", "enter")
        d = screen.record
        for _ in range(200):
            await pilot.pause(0.02)
            if quotes.option_count >= len(d.articles) + d.quotes:
                break
        await pilot.pause(0.2)  # (and nothing more arrives)
        assert d.name == "Tom Baker" and quotes.option_count == len(d.articles) + d.quotes


async def test_over_a_dossier_the_reading_keys_rest_and_nothing_stacks():
    app = make_dossier_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "n")
        where = (app.article, app.quote)
        await pilot.press("d")
        assert isinstance(app.screen, DossierScreen) and len(app.screen_stack) == 2
        await pilot.press("n", "right_square_bracket", "d", "I")  # all for the main screen
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen) and len(app.screen_stack) == 2
        assert (app.article, app.quote) == where
        await pilot.press("escape")
        assert len(app.screen_stack) == 1
        await pilot.press("I")
        await pilot.press("I")
        assert isinstance(app.screen, OverviewScreen) and len(app.screen_stack) == 2


async def test_d_on_a_speaker_in_the_search_results():
    app = make_dossier_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"ruiz")
        await pilot.pause(0.3)
        await pilot.press("tab")  # from the query to the results (in the query, d is a letter)
        assert app.focused is not None and app.focused.id == "search-results"
        await pilot.press("d")
        assert isinstance(app.screen, DossierScreen) and app.screen.record.name == "Ana Ruiz"


def test_roles_count_once_an_article_and_spellings_differ_by_more_than_spaces(lib):
    from reader.reading.dossier import _other_spellings

    d = dossier(lib, library_navigator(lib), _sid(lib, "Lena Ortiz"))
    assert [r.lower() for r in d.roles] == ["mayor"] and d.more_roles == 0  # "Mayor" and "mayor": one role
    assert _other_spellings("Billionaire Donald Trump", ["Billionaire  Donald Trump", "Donald Trump", "Donald  Trump"]) == [
        "Donald Trump"
    ]
