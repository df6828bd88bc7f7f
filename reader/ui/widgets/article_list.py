"""The article list: a virtual list drawn line by line, so 10,000 rows cost what the screen shows.

Each article takes three lines: an unread mark and the title over two lines; then the number
of quotes, the source or file and the date, dimmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.text import safe
from reader.ui.keys import bindings

ROW_HEIGHT = 3
TITLE_LINES = 2


@dataclass
class Row:
    title: str
    detail: str  # source or file name, and the date
    quotes: int | None  # None while not yet annotated
    unread: bool = True
    new: bool = False  # brought by the last feed refresh
    heading: bool = False  # a group's heading: ``title`` is its source, ``detail`` its counts


class ArticleList(ScrollView, can_focus=True):
    """Articles, one row each; ``enter`` or a click opens one."""

    BINDINGS = bindings("list")
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--current",
        "article-list--detail",
        "article-list--unread",
        "article-list--heading",
    }
    DEFAULT_CSS = """
    ArticleList {
        scrollbar-size-vertical: 1;
    }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ArticleList > .article-list--current { text-style: bold; }
    ArticleList > .article-list--detail { color: $text-muted; }
    ArticleList > .article-list--unread { color: $accent; }
    ArticleList > .article-list--heading { color: $accent; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Opened(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.current: int | None = None  # the article shown in the reading pane
        self._wrapped: dict[tuple[int, int], list[str]] = {}

    def set_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        self._wrapped.clear()
        self.virtual_size = Size(self.size.width, len(rows) * ROW_HEIGHT)
        self.cursor = self._article_near(min(self.cursor, max(len(rows) - 1, 0)), 1)
        self.refresh()

    def update_row(self, index: int, row: Row) -> None:
        self.rows[index] = row
        self._wrapped = {k: v for k, v in self._wrapped.items() if k[0] != index}
        self.refresh_lines(index * ROW_HEIGHT - round(self.scroll_y), ROW_HEIGHT)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_y) + y
        index, part = divmod(line, ROW_HEIGHT)
        width = self.size.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        base = self.rich_style
        if row.heading:
            return self._heading_line(row, part, width, base)
        if index == self.cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
        if part < TITLE_LINES:
            mark_style = self.get_component_rich_style("article-list--unread")
            title_style = base
            if index == self.current:
                title_style = base + self.get_component_rich_style("article-list--current")
            mark = ("✚ " if row.new else "● " if row.unread else "  ") if part == 0 else "  "
            segments = [
                Segment(mark, base + mark_style if index != self.cursor else base),
                Segment(self._title_lines(index, width - 2)[part], title_style),
            ]
        else:
            detail = base + self.get_component_rich_style("article-list--detail") if index != self.cursor else base
            quotes = "…" if row.quotes is None else f"{row.quotes} quote{'s' if row.quotes != 1 else ''}"
            segments = [Segment(f"  {quotes} · {safe(row.detail)}", detail)]
        return Strip(segments).crop_extend(0, width, base)

    def _heading_line(self, row: Row, part: int, width: int, base: Style) -> Strip:
        """A group: a rule with its source, then its counts; a blank line after."""
        heading = base + self.get_component_rich_style("article-list--heading")
        if part == 0:
            segments = [Segment(f"── {safe(row.title)} ", heading)]
            return Strip(segments).crop_extend(0, width, base)
        if part == 1:
            detail = base + self.get_component_rich_style("article-list--detail")
            return Strip([Segment(f"   {safe(row.detail)}", detail)]).crop_extend(0, width, base)
        return Strip.blank(width, base)

    def _title_lines(self, index: int, width: int) -> list[str]:
        """The title wrapped at words over two lines, the second cut with … when longer."""
        key = (index, width)
        cached = self._wrapped.get(key)
        if cached is None:
            words = safe(self.rows[index].title).split()
            lines, current = [], ""
            for word in words:
                candidate = f"{current} {word}" if current else word
                if cell_len(candidate) <= width or not current:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
            if len(lines) > TITLE_LINES:
                lines = lines[: TITLE_LINES - 1] + [" ".join(lines[TITLE_LINES - 1 :])]
            lines = [ln if cell_len(ln) <= width else ln[: max(0, width - 1)] + "…" for ln in lines]
            cached = self._wrapped[key] = (lines + [""] * TITLE_LINES)[:TITLE_LINES]
        return cached

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        top = self.cursor * ROW_HEIGHT
        height = self.size.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False)

    def action_cursor(self, delta: int) -> None:
        if self.rows:
            self.cursor = self._article_near(max(0, min(len(self.rows) - 1, self.cursor + delta)), 1 if delta >= 0 else -1)

    def action_jump(self, where: int) -> None:
        if self.rows:
            self.cursor = self._article_near(where % len(self.rows), 1 if where >= 0 else -1)

    def _article_near(self, index: int, step: int) -> int:
        """The cursor rests on articles, never on a group's heading: the next article that
        way, else the nearest the other way."""
        for direction in (step, -step):
            i = index
            while 0 <= i < len(self.rows):
                if not self.rows[i].heading:
                    return i
                i += direction
        return index

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height // ROW_HEIGHT - 1))

    def action_open(self) -> None:
        if self.rows and not self.rows[self.cursor].heading:
            self.post_message(self.Opened(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (round(self.scroll_y) + offset.y) // ROW_HEIGHT
        if 0 <= index < len(self.rows) and not self.rows[index].heading:
            self.cursor = index
            self.post_message(self.Opened(index))
