"""How the app looks, on the frozen fixture annotations (update: pytest --snapshot-update)."""

from app_fixture import make_app, make_dossier_app


def test_main_screen_80x24(snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["enter", "n"])


def test_main_screen_160x48(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 48), press=["enter", "n", "right_square_bracket"])


def test_speakers_pane(snap_compare):
    assert snap_compare(make_app(), terminal_size=(140, 40), press=["s", "enter"])


def test_grouped_sorted_list_80x24(snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["T", "S", "enter"])


def test_three_panes_at_120(snap_compare):
    assert snap_compare(make_app(), terminal_size=(120, 30), press=["enter", "n", "s"])


def test_find_in_article_160x48(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 48), press=["enter", "f", *"ukraine", "enter", "m"])


def test_dossier_80x24(snap_compare):
    assert snap_compare(make_dossier_app(), terminal_size=(80, 24), press=["enter", "n", "d"])


def test_dossier_160x48(snap_compare):
    assert snap_compare(make_dossier_app(), terminal_size=(160, 48), press=["enter", "n", "d"])


def test_overview_80x24(snap_compare):
    assert snap_compare(make_dossier_app(), terminal_size=(80, 24), press=["I"])


def test_overview_160x48(snap_compare):
    assert snap_compare(make_dossier_app(), terminal_size=(160, 48), press=["I"])


def test_charts_in_16_colours_80x24(snap_compare):
    """The overview's bars and sparklines in the terminal's own palette (high-contrast)."""
    assert snap_compare(make_dossier_app(theme="high-contrast"), terminal_size=(80, 24), press=["I"])


def test_quoted_saying_a_topic_140x40(snap_compare):
    async def choose_the_ferry(pilot):
        await pilot.press("slash", *"the ferry")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)

    assert snap_compare(make_dossier_app(), terminal_size=(140, 40), run_before=choose_the_ferry)
