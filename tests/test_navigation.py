"""The navigator on its own: library order, wrapping, and steps by speaker."""

from reader.reading.navigation import Navigator, Stop

# article 0: two quotes (A, B); article 1: none; article 2: three (A, nobody, C); article 3: one (A)
STOPS = [Stop(0, 0, "A"), Stop(0, 1, "B"), Stop(2, 0, "A"), Stop(2, 1, None), Stop(2, 2, "C"), Stop(3, 0, "A")]
NAV = Navigator(STOPS)


def test_next_and_previous_run_across_articles_and_wrap():
    assert NAV.step(0, 1).stop == Stop(2, 0, "A")
    assert NAV.step(2, 0, forward=False).stop == Stop(0, 1, "B")
    end = NAV.step(3, 0)
    assert end.stop == Stop(0, 0, "A") and end.wrapped
    start = NAV.step(0, 0, forward=False)
    assert start.stop == Stop(3, 0, "A") and start.wrapped


def test_without_a_current_quote_the_nearest_in_reading_order():
    assert NAV.step(1, None).stop == Stop(2, 0, "A")  # article 1 has none: the next one's first
    assert NAV.step(1, None, forward=False).stop == Stop(0, 1, "B")  # going back: the last before
    assert NAV.step(2, None, forward=False).stop == Stop(2, 2, "C")
    assert NAV.step(4, None).wrapped


def test_same_speaker_steps_skip_others_and_wrap():
    assert NAV.step_speaker(0, 0).stop == Stop(2, 0, "A")
    assert NAV.step_speaker(2, 0).stop == Stop(3, 0, "A")
    last = NAV.step_speaker(3, 0)
    assert last.stop == Stop(0, 0, "A") and last.wrapped
    assert NAV.step_speaker(0, 0, forward=False).stop == Stop(3, 0, "A")
    assert NAV.step_speaker(0, 1).stop is None  # B has no other quote
    assert NAV.step_speaker(2, 1).stop is None  # nobody is not a speaker


def test_index_and_stops_of():
    assert NAV.index(2, 2) == 4
    assert NAV.index(1, 0) is None
    assert NAV.stops_of("A") == [Stop(0, 0, "A"), Stop(2, 0, "A"), Stop(3, 0, "A")]
    assert NAV.stops_of("nobody") == []
    empty = Navigator([])
    assert empty.step(0, None).stop is None
