"""Every key the app answers to, as one plain table: the UI makes Textual bindings of it
(reader/ui/keys.py) and checks config.toml's [keymap] against it (reader/ui/keymap.py); the CLI
lists it without loading Textual."""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    owner: str  # "app", or the pane or screen whose focus it needs
    id: str  # what config.toml's [keymap] names
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    show: bool = True  # in the footer
    display: str | None = None  # how the footer writes the key
    help: str | None = None  # the help screen's longer line, when the description is too short


KEYS = [
    Key("app", "quote.next", "n", "quote(1)", "Next quote"),
    Key("app", "quote.prev", "N", "quote(-1)", "Prev quote"),
    Key("app", "quote.next_same_speaker", "right_square_bracket", "same_speaker(1)", "Next by speaker", display="]"),
    Key("app", "quote.prev_same_speaker", "left_square_bracket", "same_speaker(-1)", "Prev by speaker", display="["),
    Key("app", "speakers.toggle", "s", "toggle_speakers", "Speakers"),
    Key("app", "entities.toggle", "e", "toggle_entities", "Entities"),
    Key("app", "quote.copy", "y", "copy_quote", "Copy quote"),
    Key("app", "article.open_link", "o", "open_link", "Open link", show=False),
    Key("app", "bookmark.toggle", "b", "bookmark", "Bookmark"),
    Key("app", "bookmarks.show", "B", "bookmarks", "Bookmarks"),
    Key("app", "search.open", "slash", "search", "Search", display="/"),
    Key("app", "mention.next", "m", "mention(1)", "Next mention", show=False),
    Key("app", "mention.prev", "M", "mention(-1)", "Prev mention", show=False),
    Key("app", "filter.clear", "x", "clear_filter", "Clear filter", show=False),
    Key("app", "filter.clear_escape", "escape", "clear_filter", "Clear filter", show=False),
    Key("app", "feeds.refresh", "r", "refresh", "Refresh", help="refresh the feeds (`reader feeds` lists them)"),
    Key("app", "find.open", "f", "find", "Find", help="find in the article (then m / M)"),
    Key("app", "links.show", "L", "links", "Links", help="the article's links"),
    Key("app", "list.unread_only", "u", "unread_only", "Unread only", help="only unread articles / all"),
    Key("app", "list.toggle_unread", "U", "toggle_unread", "Mark unread", show=False, help="mark the article unread / read"),
    Key("app", "list.mark_all_read", "A", "mark_all_read", "All read", show=False, help="mark every listed article read"),
    Key("app", "list.sort", "S", "sort", "Sort", help="sort: as loaded, newest first, by title"),
    Key("app", "list.group", "T", "group", "By source", help="group by source, with unread counts"),
    Key(
        "app",
        "dossier.show",
        "d",
        "dossier",
        "Dossier",
        help="the dossier of a speaker: the one highlighted in the speakers pane or search, else the quote's",
    ),
    Key("app", "overview.show", "I", "overview", "At a glance", help="the library at a glance: who is quoted, where, when"),
    Key("app", "help.show", "question_mark", "help", "Help", display="?"),
    Key("app", "app.quit", "q", "quit", "Quit"),
    Key("app", "pane.next", "tab", "focus_next", "Next pane", show=False),
    Key("app", "pane.previous", "shift+tab", "focus_previous", "Previous pane", show=False),
    Key("list", "list.down", "j,down", "cursor(1)", "Down", show=False),
    Key("list", "list.up", "k,up", "cursor(-1)", "Up", show=False),
    Key("list", "list.first", "g,home", "jump(0)", "First", show=False),
    Key("list", "list.last", "G,end", "jump(-1)", "Last", show=False),
    Key("list", "list.page_down", "pagedown", "page(1)", "Page down", show=False),
    Key("list", "list.page_up", "pageup", "page(-1)", "Page up", show=False),
    Key("list", "list.open", "enter", "open", "Open"),
    Key("text", "text.down", "j", "scroll_down", "Scroll down", show=False),
    Key("text", "text.up", "k", "scroll_up", "Scroll up", show=False),
    Key("text", "text.top", "g", "scroll_home", "Top", show=False),
    Key("text", "text.bottom", "G", "scroll_end", "Bottom", show=False),
    Key("options", "options.down", "j", "cursor_down", "Down", show=False),
    Key("options", "options.up", "k", "cursor_up", "Up", show=False),
    Key("options", "options.first", "g", "first", "First", show=False),
    Key("options", "options.last", "G", "last", "Last", show=False),
    Key("search", "search.down", "down", "move(1)", "Next result", show=False),
    Key("search", "search.up", "up", "move(-1)", "Previous result", show=False),
    Key("search", "search.close", "escape", "close", "Close search"),
    Key("speakers", "speakers.back", "escape", "back", "Back", show=False),
    Key("help", "help.close", "escape,q,question_mark", "dismiss", "Close"),
    Key("bookmarks", "bookmarks.close", "escape,q", "dismiss_none", "Close"),
    Key("links", "links.close", "escape,q", "dismiss_none", "Close"),
    Key("find", "find.close", "escape", "close", "Close find"),
    Key("dossier", "dossier.back", "escape", "back", "Back"),
    Key("dossier", "dossier.close", "q", "close", "Close"),
    Key("overview", "overview.close", "escape,q", "close", "Close"),
]


def keys_of(owner: str) -> list[Key]:
    return [k for k in KEYS if k.owner == owner]


def help_text(key_id: str, description: str) -> str:
    return next((k.help for k in KEYS if k.id == key_id and k.help), description)


def binding_keys() -> dict[str, str]:
    """Every binding id with its default keys."""
    return {k.id: k.keys for k in KEYS}
