"""Speakers merged across the library: one person, one id, however the articles spell them.

People are grouped by folded surname, with spelling variants of one surname joined
("Zelensky"/"Zelenskyy", rapidfuzz); within a surname, different first names are different
people, and a surname alone joins the one person who has it (or stays apart when several do).
The id comes from that merge key (the surname, plus the first name only when it is needed to
tell people apart), never from the display name, so it survives a fuller name arriving.
Organisations and joint speakers merge by folded name; descriptions ("a spokesperson") stay in
their article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from reader.text import fold, has_diacritics

SURNAME_VARIANT_RATIO = 88  # "zelensky"/"zelenskyy" 94; "johnson"/"jonson" 92; "smith"/"smyth" 80


@dataclass
class Speaker:
    id: str
    name: str
    kind: str  # person, org, group (joint speakers), description
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    quotes: int = 0
    articles: set[str] = field(default_factory=set)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# A name's words: letters and digits, with inner apostrophes and hyphens ("o'leary",
# "jean-claude"); punctuation around them ("[Hillary]", ">Smith") is not part of the name.
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _words(name: str) -> list[str]:
    return _WORD.findall(fold(name).replace(".", ""))


class SpeakerIndex:
    """Built from every quote's in-article speaker; answers "who is this" for each quote."""

    def __init__(self, quoted: list[tuple[str, str, str, list[str]]], known_people: Iterable[str] = ()):
        """``quoted``: (article_id, speaker name, kind, roles) for every attributed quote.
        ``known_people``: person names seen anywhere (entities), which help merge surnames.

        An entry that cannot be placed costs only that entry: it is left without a speaker
        and listed in ``faults`` as (article_id, exception)."""
        self.speakers: dict[str, Speaker] = {}
        self._key_of: dict[tuple[str, str, str], str] = {}  # (article, name, kind) -> id
        self.faults: list[tuple[str, Exception]] = []
        self._person_of: dict[str, str] | None = None
        people = [(a, n, r) for a, n, k, r in quoted if k == "person"]
        self._merge_people(people, known_people)
        for article, name, kind, roles in quoted:
            if kind == "person":
                continue
            # organisations and joint speakers ("Lee and Park") merge by name; descriptions
            # ("a spokesperson") stay in their article
            sid = f"{kind}:{slug(name)}" if kind in ("org", "group") else f"desc:{article[:8]}:{slug(name)}"
            sp = self.speakers.setdefault(sid, Speaker(sid, name, kind))
            self._key_of[(article, name, kind)] = sid
            _add_roles(sp, roles)
        for article, name, kind, _ in quoted:
            try:
                sp = self.speakers[self._key_of[(article, name, kind)]]
            except KeyError as exc:
                self.faults.append((article, exc))
                continue
            sp.quotes += 1
            sp.articles.add(article)
            if name not in sp.aliases:
                sp.aliases.append(name)
        for sp in self.speakers.values():
            sp.aliases.sort(key=lambda a: (-len(a), a))
        self.speakers = {k: v for k, v in self.speakers.items() if v.quotes}

    def _merge_people(self, people: list[tuple[str, str, list[str]]], known_people: Iterable[str]) -> None:
        forms: dict[str, Counter[str]] = defaultdict(Counter)  # surname key -> name form counts
        for _, name, _ in people:
            if _words(name):
                forms[_words(name)[-1]][name] += 1
        quoted_surnames = set(forms)
        for name in known_people:
            w = _words(name)
            if len(w) > 1:
                forms[w[-1]][name] += 0  # known full names help merge and name, but are not quotes
        clusters = [c for c in _variant_clusters(sorted(forms)) if quoted_surnames.intersection(c)]
        for surnames in clusters:
            try:
                self._merge_surnames(surnames, forms)
            except Exception as exc:  # its people stay without an id; the others go on
                culprits = {f for s in surnames for f in forms[s]}
                self.faults.extend((a, exc) for a, n, _ in people if n in culprits)
        owner: dict[str, str] = {}
        for sid, sp in self.speakers.items():
            for alias in sp.aliases:
                owner.setdefault(alias, sid)
        for article, name, roles in people:
            owned = owner.get(name)
            if owned is not None:
                self._key_of[(article, name, "person")] = owned
                _add_roles(self.speakers[owned], roles)

    def _merge_surnames(self, surnames: list[str], forms: dict[str, Counter[str]]) -> None:
        """One cluster of surname spellings: one person per first name, or one in all."""
        key = min(surnames, key=lambda s: (len(s), s))
        names: Counter[str] = Counter()
        for s in surnames:
            names.update(forms[s])
            for n in forms[s]:
                names[n] += 0
        by_first: dict[str, list[str]] = defaultdict(list)
        bare: list[str] = []
        for n in names:
            w = _words(n)
            (by_first[w[0]] if len(w) > 1 else bare).append(n)
        groups = list(by_first.items())
        if groups:
            # a surname alone joins a full name only as that name spells it: "Stenberg" is not
            # "Bill Sternberg" (spelling variants of full names still merge: Zelensky/Zelenskyy)
            spelled = {_words(n)[-1] for _, members in groups for n in members}
            apart = [n for n in bare if _words(n)[-1] not in spelled]
            bare = [n for n in bare if n not in apart]
            for n in apart:
                self._person(f"person:{slug(n)}", [n], names)
            if any(slug(n) == slug(key) for n in apart):  # the full names keep an id of their own
                key = min(spelled, key=lambda w: (len(w), w))
        if len(groups) <= 1:
            members = (groups[0][1] if groups else []) + bare
            self._person(f"person:{slug(key)}", members, names)
            # The surname alone names them too: only one known person has it.
            sp = self.speakers[f"person:{slug(key)}"]
            surname = sp.name.split()[-1]
            if surname not in sp.aliases:
                sp.aliases.append(surname)
        else:
            for first, members in groups:
                self._person(f"person:{slug(key)}-{slug(first)}", members, names)
            if bare:  # "Smith" when two Smiths are known: it cannot be told which
                self._person(f"person:{slug(key)}", bare, names)

    def _person(self, sid: str, members: list[str], counts: Counter[str]) -> None:
        # Display: the fullest form; then one with diacritics; then the most frequent; then A-Z.
        seen = self.speakers.get(sid)  # two spellings that slug alike are one id: keep both
        members = sorted(set(members) | set(seen.aliases if seen else ()))
        best = sorted(members, key=lambda n: (-len(n.split()), not has_diacritics(n), -counts[n], n))[0]
        self.speakers[sid] = Speaker(sid, best, "person", aliases=members)

    def speaker_id(self, article_id: str, name: str | None, kind: str | None) -> str | None:
        if not name:
            return None
        return self._key_of.get((article_id, name, kind or "person"))

    def person_of(self, name: str) -> str | None:
        """The person id a name (any of a person's spellings) stands for, when only one person
        has it."""
        if self._person_of is None:
            owners: dict[str, set[str]] = defaultdict(set)
            for sp in self.speakers.values():
                if sp.kind == "person":
                    for alias in sp.aliases:
                        owners[" ".join(_words(alias))].add(sp.id)
            self._person_of = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        return self._person_of.get(" ".join(_words(name)))

    def get(self, sid: str | None) -> Speaker | None:
        return self.speakers.get(sid) if sid else None

    def find(self, query: str, cutoff: float = 80) -> list[Speaker]:
        """Speakers whose names match ``query`` fuzzily ("guteres" finds Guterres)."""
        q = fold(query).strip()
        scored = []
        for sp in self.speakers.values():
            best = 0.0
            for alias in {sp.name, *sp.aliases}:
                a = fold(alias)
                words = a.split()
                best = max(best, fuzz.WRatio(q, a), max((fuzz.ratio(q, w) for w in words), default=0))
            if best >= cutoff:
                scored.append((best, sp))
        if not scored:
            return []
        top = max(s for s, _ in scored)
        return [sp for s, sp in sorted(scored, key=lambda x: (-x[0], x[1].name)) if s >= top - 5]


def _add_roles(sp: Speaker, roles: list[str]) -> None:
    for r in roles:
        if r not in sp.roles:
            sp.roles.append(r)


def _variant_clusters(surnames: list[str]) -> list[list[str]]:
    """Join spellings of one surname: same first letter, long enough, rapidfuzz-close."""
    parent = {s: s for s in surnames}

    def find(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for i, a in enumerate(surnames):
        for b in surnames[i + 1 :]:
            if b[0] != a[0]:
                break  # sorted: no later surname starts with a's letter
            if min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= SURNAME_VARIANT_RATIO:
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for s in surnames:
        groups[find(s)].append(s)
    return list(groups.values())
