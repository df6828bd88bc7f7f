"""Charts in the theme's colours: bars of block characters, and counts over time as Textual's
own Sparkline with its first and last period and its peak written under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Sparkline

from reader.reading.charts import Timeline, bar
from reader.text import safe


class Bars(Widget):
    """One row a (label, value): the label, a bar as long as the value is against the largest,
    the value. Redrawn at the widget's width (and in the theme's colours) each time."""

    COMPONENT_CLASSES = {"bars--bar", "bars--label", "bars--value"}
    DEFAULT_CSS = """
    Bars { height: auto; }
    Bars > .bars--bar { color: $primary; }
    Bars > .bars--label { color: $foreground; }
    Bars > .bars--value { color: $text-muted; }
    """

    def __init__(
        self, rows: list[tuple[str, int]], *, top: int | None = None, label_width: int = 24, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.top = top  # the value of a full bar (default: the largest)
        self.label_width = label_width

    def set_rows(self, rows: list[tuple[str, int]], top: int | None = None) -> None:
        self.rows, self.top = rows, top
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Text:
        if not self.rows:
            return Text("nothing yet", style="dim")
        top = self.top if self.top is not None else max(v for _, v in self.rows)
        digits = max(len(f"{v:,}") for _, v in self.rows)
        longest = max(len(safe(label)) for label, _ in self.rows)
        label_width = max(6, min(self.label_width, longest, self.size.width // 2))
        room = max(1, self.size.width - label_width - digits - 3)
        styles = [self.get_component_rich_style(f"bars--{part}") for part in ("label", "bar", "value")]
        out = Text(no_wrap=True, overflow="ellipsis")
        for n, (label, value) in enumerate(self.rows):
            name = safe(label)
            name = name if len(name) <= label_width else name[: label_width - 1] + "…"
            out.append(name.ljust(label_width) + " ", styles[0])
            out.append(bar(value, top, room).ljust(room) + " ", styles[1])
            out.append(f"{value:,}".rjust(digits), styles[2])
            if n < len(self.rows) - 1:
                out.append("\n")
        return out


class TimeChart(Vertical):
    """Counts per week or month: a title, the sparkline, then "first … last · peak N"."""

    DEFAULT_CSS = """
    TimeChart { height: auto; }
    TimeChart > .chart-title { color: $text-muted; text-style: bold; }
    TimeChart > Sparkline { height: 2; margin: 0 0; }
    TimeChart > Sparkline > .sparkline--max-color { color: $primary; }
    TimeChart > Sparkline > .sparkline--min-color { color: $secondary; }
    TimeChart > .chart-axis { color: $text-muted; }
    """

    def __init__(self, title: str, line: Timeline, what: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.line = line
        self.what = what  # "quotes", "articles"

    def compose(self) -> ComposeResult:
        yield Label(classes="chart-title")
        yield Sparkline([], summary_function=max)
        yield Label(classes="chart-axis")

    def on_mount(self) -> None:
        self.set_line(self.line)

    def set_line(self, line: Timeline) -> None:
        self.line = line
        if not self.query(Sparkline):  # (not composed yet: on_mount draws it)
            return
        title = f"{self.title} (by {line.unit})" if line.periods else self.title
        self.query_one(".chart-title", Label).update(title)
        spark = self.query_one(Sparkline)
        spark.display = len(line.periods) > 1  # (one period would be a solid block: the axis says it)
        spark.data = line.counts
        self.query_one(".chart-axis", Label).update(self.axis())

    def axis(self) -> str:
        line = self.line
        if not line.periods:
            note = f"no dated {self.what}"
        else:
            first, last = line.label(0), line.label(len(line.periods) - 1)
            span = first if first == last else f"{first} … {last}"
            note = f"{span} · peak {max(line.counts):,} a {line.unit}"
        if line.undated:
            what = self.what if line.undated != 1 else self.what.removesuffix("s")
            note += f" · {line.undated:,} {what} undated, not charted"
        return note
