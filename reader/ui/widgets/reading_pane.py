"""The reading pane: the article's text, literally, with entities and quotes coloured and each
quote's speaker in a gutter beside it (never inserted into the text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.nlp.labels import KINDS
from reader.reading.layout import Line, line_of, wrap
from reader.ui.keys import bindings

if TYPE_CHECKING:
    from reader.reading.views import Shown

MAX_TEXT_WIDTH = 78  # a readable measure on wide terminals
GUTTER_WIDE = 20
GUTTER_NARROW = 12


class ReadingPane(ScrollView, can_focus=True):
    BINDINGS = bindings("text")
    COMPONENT_CLASSES = {f"reading-pane--{k}" for k in KINDS} | {
        "reading-pane--quote",
        "reading-pane--current-quote",
        "reading-pane--speaker",
        "reading-pane--unsure-speaker",
        "reading-pane--current-speaker",
        "reading-pane--title",
        "reading-pane--mark",
        "reading-pane--empty",
    }
    DEFAULT_CSS = """
    ReadingPane { padding: 0 1; overflow-x: hidden; scrollbar-size-vertical: 1; }
    ReadingPane > .reading-pane--person { color: $reader-person; }
    ReadingPane > .reading-pane--organisation { color: $reader-organisation; }
    ReadingPane > .reading-pane--place { color: $reader-place; }
    ReadingPane > .reading-pane--date-number { color: $reader-date-number; }
    ReadingPane > .reading-pane--other { color: $reader-other; }
    ReadingPane > .reading-pane--quote { color: $reader-quote; text-style: italic; }
    ReadingPane > .reading-pane--current-quote { background: $reader-current-quote; text-style: italic; }
    ReadingPane > .reading-pane--speaker { color: $reader-speaker; }
    ReadingPane > .reading-pane--unsure-speaker { color: $text-muted; text-style: italic; }
    ReadingPane > .reading-pane--current-speaker { color: $reader-speaker; text-style: bold reverse; }
    ReadingPane > .reading-pane--title { text-style: bold; }
    ReadingPane > .reading-pane--mark { background: $reader-mark; text-style: bold underline; }
    ReadingPane > .reading-pane--empty { color: $text-muted; }
    """

    class QuoteClicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: Shown | None = None
        self.current: int | None = None
        self.show_entities = True
        self.kinds: set[str] = set(KINDS)  # entity kinds to colour (config: highlight)
        self.mark: tuple[int, int] | None = None  # a searched mention or paragraph
        self.lines: list[Line] = []
        self._strips: dict[int, Strip] = {}
        self._styled: Text | None = None
        self._pieces: list[Text] | None = None  # the styled text cut into lines
        self._gutter_names: dict[int, tuple[int, str]] = {}  # line -> (quote, name)
        self._quote_lines: dict[int, int] = {}  # line -> quote index covering it

    # --- content -------------------------------------------------------------------------------

    def show(self, shown: Shown | None, current: int | None = None, keep_scroll: bool = False) -> None:
        if shown is not self.shown and not keep_scroll:
            self.mark = None
        self.shown = shown
        self.current = current
        y = self.scroll_y
        self._relayout()
        self.scroll_to(y=y if keep_scroll else 0, animate=False)

    def set_current(self, index: int | None) -> None:
        self.current = index
        self._restyle()
        if index is not None and self.shown is not None:
            self.scroll_to_quote(index)

    def set_mark(self, span: tuple[int, int] | None) -> None:
        """Highlight a mention (or paragraph) the search led to, and bring it into view."""
        self.mark = span
        self._restyle()
        if span is not None and self.lines:
            line = line_of(self.lines, span[0])
            height = self.size.height or 10
            if not self.scroll_y <= line < self.scroll_y + height - 1:
                self.scroll_to(y=max(0, line - height // 3), animate=False)

    def set_entities(self, on: bool) -> None:
        self.show_entities = on
        self._restyle()

    def scroll_to_quote(self, index: int) -> None:
        if self.shown is None:
            return
        start = self.shown.quotes[index][0][0]
        line = line_of(self.lines, start)
        height = self.size.height or 10
        if not self.scroll_y <= line < self.scroll_y + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False)

    @property
    def gutter_width(self) -> int:
        return GUTTER_WIDE if self.size.width >= 70 else GUTTER_NARROW

    @property
    def text_width(self) -> int:
        return max(10, min(MAX_TEXT_WIDTH, self.size.width - self.gutter_width - 1))

    def on_resize(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def on_mount(self) -> None:
        # A new theme reaches the component styles after this widget's style update: the text's
        # spans, baked from the old ones, are redone once the new styles are in
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self, theme: str) -> None:
        self.call_after_refresh(self._restyle)

    def _relayout(self) -> None:
        if self.shown is None or not self.size.width:
            self.lines = []
            self.virtual_size = Size(self.size.width, 1)
        else:
            self.lines = wrap(self.shown.body, self.text_width)
            self.virtual_size = Size(self.size.width, len(self.lines) + 2)
        self._index_quotes()
        self._restyle()

    def _index_quotes(self) -> None:
        self._gutter_names.clear()
        self._quote_lines.clear()
        if self.shown is None:
            return
        for q, parts in enumerate(self.shown.quotes):
            for n, (a, b) in enumerate(parts):
                first, last = line_of(self.lines, a), line_of(self.lines, max(a, b - 1))
                if n == 0 and first not in self._gutter_names:
                    self._gutter_names[first] = (q, self.shown.speakers[q] or "?")
                for line in range(first, last + 1):
                    self._quote_lines.setdefault(line, q)

    def _restyle(self) -> None:
        self._strips.clear()
        self._styled = None
        self._pieces = None
        if self.shown is not None and self.is_mounted:
            self._styled = self._style_text()
        self.refresh()

    def _style_text(self) -> Text:
        """The body as Text (never parsed as markup), with styles laid over spans."""
        shown = self.shown
        assert shown is not None  # (called only with an article shown)
        text = Text(shown.body, no_wrap=True, end="")
        if self.show_entities:
            for a, b, kind in shown.entities:
                if kind not in self.kinds:
                    continue
                text.stylize(self.get_component_rich_style(f"reading-pane--{kind}", partial=True), a, b)
        quote_style = self.get_component_rich_style("reading-pane--quote", partial=True)
        current_style = self.get_component_rich_style("reading-pane--current-quote", partial=True)
        for q, parts in enumerate(shown.quotes):
            for a, b in parts:
                # take the marks in too: the highlight should look like the quotation
                a = a - 1 if a and shown.body[a - 1] in "\"“”‘’'«»„" else a
                b = b + 1 if b < len(shown.body) and shown.body[b] in "\"“”‘’'«»" else b
                text.stylize(current_style if q == self.current else quote_style, a, b)
        if self.mark is not None:  # last, so it shows over a quote
            text.stylize(self.get_component_rich_style("reading-pane--mark", partial=True), *self.mark)
        return text

    # --- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.size.width
        base = self.rich_style
        if self.shown is None:
            if y == 0:
                msg = "Choose an article on the left (enter), or press ? for help."
                return Strip([Segment(msg, self.get_component_rich_style("reading-pane--empty"))]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._render_row(index, width, base)
        return strip

    def _render_row(self, index: int, width: int, base: Style) -> Strip:
        if index >= len(self.lines) or self._styled is None:
            return Strip.blank(width, base)
        line = self.lines[index]
        gutter = self.gutter_width
        segments: list[Segment] = []
        named = self._gutter_names.get(index)
        q = self._quote_lines.get(index)
        if named is not None:
            quote, name = named
            unsure = self.shown is not None and self.shown.unsure(quote)
            cls = (
                "reading-pane--current-speaker"
                if quote == self.current
                else "reading-pane--unsure-speaker"
                if unsure
                else "reading-pane--speaker"
            )
            room = gutter - 2 - unsure  # a guessed speaker ends in "?"
            if cell_len(name) > room:  # too long: the surname, else cut
                name = name.split()[-1]
                name = name if cell_len(name) <= room else name[: room - 1] + "…"
            name += "?" if unsure else ""
            segments.append(Segment(name.rjust(gutter - 2) + " ", base + self.get_component_rich_style(cls)))
        else:
            segments.append(Segment(" " * (gutter - 1), base))
        bar = "▌" if q is not None and q == self.current else " "
        segments.append(Segment(bar, base + self.get_component_rich_style("reading-pane--speaker")))
        if line.paragraph >= 0:
            piece = self._line_text(index)
            piece.plain = piece.plain.replace("\n", " ")
            segments.extend(piece.render(self.app.console))
        strip = Strip(segments).apply_style(base)
        return strip.crop_extend(0, width, base)

    def _line_text(self, index: int) -> Text:
        """The styled text of one line. All lines are cut from the text in one ``divide``
        (slicing a Text walks all its spans: a line at a time, a long article took 100 ms to
        draw)."""
        if self._pieces is None:  # lines are in text order (blank ones empty), as divide needs
            offsets = [x for line in self.lines for x in (line.start, line.end)]
            assert self._styled is not None  # (styled whenever there are lines)
            self._pieces = list(self._styled.divide(offsets))[1::2]
        return self._pieces[index].copy()

    # --- mouse ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self.shown is None:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if not 0 <= index < len(self.lines):
            return
        line = self.lines[index]
        col = offset.x - self.gutter_width
        pos, cells = line.start, 0
        while pos < line.end and cells + cell_len(self.shown.body[pos]) <= col:
            cells += cell_len(self.shown.body[pos])
            pos += 1
        for q, parts in enumerate(self.shown.quotes):
            if any(a - 1 <= pos <= b for a, b in parts):
                self.post_message(self.QuoteClicked(q))
                return
