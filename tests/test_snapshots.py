"""How the app looks, on the frozen fixture annotations (update: pytest --snapshot-update)."""

from app_fixture import make_app


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
