"""Counts over time, and bars drawn with block characters: what the dossier and the library
overview chart, for the app and for the Markdown reports alike."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

EIGHTHS = " ▏▎▍▌▋▊▉"
SPARKS = "▁▂▃▄▅▆▇█"
WEEKS_AT_MOST = 26  # a span longer than half a year is counted by month


def bar(value: float, top: float, width: int) -> str:
    """``value`` as a bar of full and partial blocks, ``width`` cells for ``top``."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))  # anything above nothing shows
    full, part = divmod(min(eighths, width * 8), 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def share(n: int, total: int) -> str:
    """A percentage, with a decimal when small (62 of 18,420 is 0.3%, not 0%)."""
    part = n / total if total else 0.0
    return f"{part:.1%}" if 0 < part < 0.1 else f"{part:.0%}"


def spark(values: list[int]) -> str:
    """One character a value, ▁ (nothing) to █ (the most): for text that cannot hold a chart."""
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[0] if v <= 0 else SPARKS[max(1, round(v / top * (len(SPARKS) - 1)))] for v in values)


@dataclass
class Timeline:
    """Counts per week or month, every period from the first to the last (empty ones as 0)."""

    unit: str  # "week" or "month"
    periods: list[str]  # "2024-03" for a month; the Monday, "2024-03-04", for a week
    counts: list[int]
    undated: int = 0  # counted apart: no date, or one that could not be read

    @property
    def total(self) -> int:
        return sum(self.counts) + self.undated

    def label(self, i: int) -> str:
        """A period as people read it: "Mar 2024", or "4 Mar 2024" for the week from that Monday."""
        day = dt.date.fromisoformat(self.periods[i] + ("-01" if self.unit == "month" else ""))
        return f"{day:%b %Y}" if self.unit == "month" else f"{day.day} {day:%b %Y}"


def timeline(dates: Iterable[str], unit: str | None = None, weights: Iterable[int] | None = None) -> Timeline:
    """Count ``dates`` ("YYYY-MM-DD", "" for none) by week when they span half a year or less,
    else by month (or by ``unit``); each date counts its weight (default 1)."""
    days: list[dt.date] = []
    weight: list[int] = []
    undated = 0
    for text, w in zip(dates, weights if weights is not None else repeat(1)):
        try:
            days.append(dt.date.fromisoformat(text))
            weight.append(w)
        except ValueError:
            undated += w
    if not days:
        return Timeline(unit or "month", [], [], undated)
    first, last = min(days), max(days)
    if unit is None:
        unit = "week" if (last - first).days <= WEEKS_AT_MOST * 7 else "month"
    if unit == "week":
        start = first - dt.timedelta(days=first.weekday())
        counts: Counter[int] = Counter()
        for d, w in zip(days, weight):
            counts[(d - start).days // 7] += w
        n = (last - start).days // 7 + 1
        periods = [(start + dt.timedelta(weeks=i)).isoformat() for i in range(n)]
    else:
        counts = Counter()
        for d, w in zip(days, weight):
            counts[(d.year - first.year) * 12 + d.month - first.month] += w
        n = (last.year - first.year) * 12 + last.month - first.month + 1
        periods = [f"{first.year + (first.month - 1 + i) // 12}-{(first.month - 1 + i) % 12 + 1:02}" for i in range(n)]
    return Timeline(unit, periods, [counts.get(i, 0) for i in range(n)], undated)
