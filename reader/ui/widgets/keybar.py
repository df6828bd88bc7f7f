"""The footer: the most useful keys that fit, in a fixed priority, always ending with "? help".
Keys come from the active bindings, so a key remapped in config.toml shows as it is now."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from reader.keys import KEYS, binding_keys

# Which keys earn a place when not all fit, most useful first (help always has one, at the end).
PRIORITY = [
    "quote.next",
    "quote.prev",
    "search.open",
    "app.quit",
    "quote.next_same_speaker",
    "find.open",
    "feeds.refresh",
    "speakers.toggle",
    "dossier.show",
    "list.open",
    "search.close",
    "help.close",
    "bookmarks.close",
    "dossier.back",
    "dossier.close",
    "overview.close",
    "bookmark.toggle",
    "entities.toggle",
    "links.show",
    "list.unread_only",
    "list.sort",
    "list.group",
    "quote.copy",
    "bookmarks.show",
    "quote.prev_same_speaker",
    "list.mark_all_read",
    "list.toggle_unread",
]
HELP = "help.show"
_ORDER = {k.id: n for n, k in enumerate(KEYS)}  # shown in the table's order, quit last


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.call_after_refresh(self.redraw)

    def on_resize(self) -> None:
        self.redraw()

    def keys_shown(self) -> list[tuple[str, str]]:
        """(key, description) of what fits, in the order drawn."""
        found: dict[str, tuple[str, str]] = {}
        defaults = binding_keys()
        for active in self.screen.active_bindings.values():
            b = active.binding
            if b.id and b.id not in found and (b.show or b.id == HELP) and active.enabled:
                found[b.id] = (self._display(b, defaults.get(b.id)), b.description)
        width = max(0, self.size.width - 2)
        help_item = found.get(HELP)
        used = _width(help_item) if help_item else 0
        chosen = []
        for key_id in [*PRIORITY, *(k for k in found if k not in PRIORITY)]:
            item = found.get(key_id)
            if item is None or key_id == HELP:
                continue
            if used + _width(item) > width:
                continue  # a shorter one further down may still fit
            chosen.append(key_id)
            used += _width(item)
        chosen.sort(key=lambda k: (k == "app.quit", _ORDER.get(k, len(_ORDER))))
        return [found[k] for k in chosen] + ([help_item] if help_item else [])

    def redraw(self) -> None:
        text = Text(no_wrap=True, overflow="crop")
        for key, description in self.keys_shown():
            text.append(f" {key} ", style="bold reverse")
            text.append(f" {description}  ")
        self.update(text)

    def _display(self, binding: Binding, default: str | None) -> str:
        key = binding.key.split(",")[0]
        if binding.key_display and binding.key == default:
            return binding.key_display
        return self.app.get_key_display(Binding(key, ""))


def _width(item: tuple[str, str]) -> int:
    key, description = item
    return len(key) + len(description) + 5
