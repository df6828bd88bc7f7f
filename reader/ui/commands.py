"""The library search as a command-palette provider (ctrl+p): same index, same ranking."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import Hit, Hits, Provider

from reader.text import safe


class SearchCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        index = getattr(app, "index", None)
        open_hit = getattr(app, "open_hit", None)
        if index is None or open_hit is None or not query.strip():
            return
        from reader.search.index import match_spans

        for hit in index.search(query, limit=20):
            entry = hit.entry
            title = safe(entry.title)[:120]
            label = Text(title)
            for a, b in match_spans(title, query):
                label.stylize("bold", a, b)
            # Textual wants 0..1; keep our order: tier first, then the fuzzy score
            score = (hit.tier + hit.score / 100) / 4
            yield Hit(score, label, partial(open_hit, hit), text=title, help=palette_help(entry.kind, entry.detail))


def palette_help(kind: str, detail: str) -> str:
    """The line under a palette row: its kind, then its detail, the kind said once (a topic's
    detail already begins "topic · ")."""
    detail = safe(detail)
    if not detail or detail.split(" · ")[0] == kind:
        return detail or kind
    return f"{kind} · {detail}"
