"""Direct quotations in a parsed article, each with its speaker.

marks.py finds the quoted spans; this module drops what is not reported speech (headlines,
cross-heads, scare quotes, names of things), joins a quote split around its attribution, and
asks the attribution rules (rules.py, in order) who spoke; when none answers, the speaker is
None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.nlp import rules
from reader.nlp.attribution import REPORTING, Attributor
from reader.nlp.marks import QuotedSpan, find_quoted
from reader.nlp.records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NAMING = re.compile(
    r"(?:dubbed|nicknamed|named|titled|entitled|so-called|christened|codenamed|known as|"
    r"the (?:words?|term|phrase|slogan|hashtag|motto|title|headline|label))\s*$",
    re.I,
)
_SMALL_WORDS = frozenset(["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or", "de"])
_END_PUNCT = tuple(".!?…:;\"”’)'")


def extract(doc: Doc, paragraphs: list[tuple[int, int]], text: str | None = None) -> list[Quote]:
    # doc.text rebuilds the string from every token: take it once.
    text = doc.text if text is None else text
    spans = find_quoted(text, paragraphs)
    # Words inside any marks, even a title's ("Bill Eastland, wearing “Ted Cruz” pins, said"),
    # never name a speaker.
    inside = _inside_mask(doc, spans)
    para_of = _paragraph_index(paragraphs)
    headings = {n for n, (a, b) in enumerate(paragraphs) if _is_heading(text[a:b]) or n == 0 and _is_title_line(text, a, b)}
    spans = [q for q in spans if para_of(q.start) not in headings]
    spans = [q for q in spans if not _is_name_of_thing(text, q)]
    groups = _join_split(doc, text, spans, inside)
    attributor = Attributor(doc, inside, text)

    quotes: list[Quote] = []
    for group in groups:
        parts = [p for q in group for p in q.parts]
        quote = rules.QuoteGroup(parts, [o for q in group for o in q.outer], para_of(parts[0][0]), para_of(parts[-1][0]))
        found = rules.attribute(attributor, quote)
        if _is_fragment(text, parts) and (found is None or found.rule not in rules.EXPLICIT):
            continue  # a scare quote or a term: nobody in its sentence is said to say it
        if found is None:
            quotes.append(Quote(parts=parts))
            continue
        attributor.previous = (found, quote.last_para, quote.outer[-1][1])
        sp = found.speaker
        quotes.append(
            Quote(
                parts=parts,
                speaker=sp.name,
                speaker_kind=sp.kind,
                mention=sp.mention,
                roles=list(sp.roles),
                rule=found.rule,
                resolution=sp.via,
                confidence=found.confidence,
            )
        )
    return quotes


def _paragraph_index(paragraphs: list[tuple[int, int]]) -> Callable[[int], int]:
    starts = [a for a, _ in paragraphs]
    from bisect import bisect_right

    return lambda pos: bisect_right(starts, pos) - 1


# A first line longer than this is a paragraph, whatever follows it.
TITLE_WORDS = 30


def _is_title_line(text: str, a: int, b: int) -> bool:
    """The article's first line standing alone above a blank line: its headline, whose
    quotes ("Trump: ‘I will win.’") repeat or sum up the text's."""
    return not text[:a].strip() and "\n" not in text[a:b] and text[b : b + 2] == "\n\n" and len(text[a:b].split()) <= TITLE_WORDS


def _is_heading(par: str) -> bool:
    """A headline or cross-head: ALL CAPS, Title Case, or short with no sentence-final
    punctuation."""
    stripped = par.strip()
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) > 8 and sum(c.isupper() for c in letters) / len(letters) > 0.85:
        return True
    words = [w.strip("“”\"‘’'(") for w in stripped.split()]
    words = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if 4 <= len(words) <= 20 and all(w[0].isupper() for w in words):
        return True  # John Doe On How History Makes Us Feel “Invisible.”
    if stripped.endswith(_END_PUNCT):
        return False
    return len(stripped.split()) <= 20


def _inside_mask(doc: Doc, spans: list[QuotedSpan]) -> list[bool]:
    inside = [False] * len(doc)
    for q in spans:
        for a, b in q.outer:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    inside[i] = True
    return inside


def _is_name_of_thing(text: str, q: QuotedSpan) -> bool:
    """Names of works, shows, programmes and slogans, and nicknames: nobody is reported as
    saying them ("appeared on “Meet the Press,”", "dubbed “Satan 2”")."""
    if len(q.parts) > 1:
        return False
    a, b = q.parts[0]
    inner = text[a:b].rstrip(" ,.;:")  # the sentence's comma or full stop often sits inside the marks
    words = inner.split()
    if not words or len(words) > 8 or inner.endswith(("!", "?")):
        return False
    before = text[max(0, q.outer[0][0] - 40) : q.outer[0][0]]
    if _NAMING.search(before):
        return True
    # Title Case of two or more words, inside a sentence: the name of a work or a programme.
    caps = [w for w in words if w.lower() not in _SMALL_WORDS]
    starts_sentence = not before.strip() or before.rstrip().endswith((".", ":", "!", "?"))
    return len(words) >= 2 and bool(caps) and all(w[:1].isupper() for w in caps) and not starts_sentence


# At most this many words and not a sentence of its own: a partial quote only when someone in
# its sentence is said to say it ("called Bush a “liar”"), else a scare quote ("the “low-cost”
# airline", "Putin’s “endgame”").
FRAGMENT_WORDS = 8


def _is_fragment(text: str, parts: list[tuple[int, int]]) -> bool:
    if len(parts) > 1:
        return False
    a, b = parts[0]
    words = text[a:b].split()
    sentence = words[0][:1].isupper() and text[a:b].rstrip().endswith((".", "!", "?", ",", "…"))
    return len(words) <= FRAGMENT_WORDS and not sentence


def _join_split(doc: Doc, text: str, spans: list[QuotedSpan], inside: list[bool]) -> list[list[QuotedSpan]]:
    """“A,” she said, “B.” is one quote in two parts."""
    groups: list[list[QuotedSpan]] = []
    for q in spans:
        if groups:
            last = groups[-1][-1]
            gap_start, gap_end = last.outer[-1][1], q.outer[0][0]
            gap = text[gap_start:gap_end]
            inner_end = text[last.parts[-1][0] : last.parts[-1][1]].rstrip()
            if (
                last.closed
                and "\n" not in gap
                and len(gap.split()) <= 15
                and inner_end.endswith((",", "?", "!", "…", "—", "–", "-"))
                and _only_an_attribution(doc, gap_start, gap_end, inside)
                and not _has_own_attribution(doc, len(text), q, inside)
            ):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def _only_an_attribution(doc: Doc, a: int, b: int, inside: list[bool]) -> bool:
    """Between two parts of one quote stands its attribution and nothing more: one verb, a
    reporting one ("she said", "said Lee on Monday"). A second verb introduces a quote of its
    own ("Lee said, adding that it is “…”")."""
    span = doc.char_span(a, b, alignment_mode="contract")
    verbs = [t for t in span if t.pos_ == "VERB" and not inside[t.i] and not _describes(t)] if span is not None else []
    return len(verbs) == 1 and verbs[0].lemma_ in REPORTING


def _describes(verb: Token) -> bool:
    """A verb inside a description of someone ("said Henry Barbour, a strategist who serves
    as …"): a relative clause or a phrase hanging from a noun."""
    t = verb
    for _ in range(8):
        if t.dep_ in ("relcl", "acl", "appos") or t.head.pos_ in ("NOUN", "PROPN"):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _has_own_attribution(doc: Doc, length: int, q: QuotedSpan, inside: list[bool]) -> bool:
    """An attribution right after the quote's first part. (After a later paragraph's part it
    belongs to the whole quote: “A,” he said. “B… ¶ “C,” he added. is one quote.)"""
    end = q.outer[0][1]
    span = doc.char_span(end, min(length, end + 80), alignment_mode="contract")
    if span is None:
        return False
    for t in span:
        if t.is_sent_start or t.text in '\n“"‘':
            return False
        if t.lemma_ in REPORTING and t.pos_ in ("VERB", "AUX") and not inside[t.i]:
            return True
    return False
