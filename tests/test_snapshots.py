"""How the app looks, on the frozen fixture annotations (update: pytest --snapshot-update)."""

from app_fixture import make_app


def test_main_screen_80x24(snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["enter", "n"])


def test_main_screen_160x48(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 48), press=["enter", "n", "right_square_bracket"])


def test_speakers_pane(snap_compare):
    assert snap_compare(make_app(), terminal_size=(140, 40), press=["s", "enter"])
