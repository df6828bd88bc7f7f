"""The attribution rules, in the order they are tried, and how far each can be trusted.

A rule is a named function ``(context, quote) -> Speaker | None``: the context is the article
as attribution.py sees it (parse, quoted tokens, who is who, the previous attribution); the
quote is one quotation with all its parts. The first rule that answers gives the speaker, and
its name in ``RULES`` goes with it.
Adding a construction is one function here and one row of the construction table test.

Confidence comes from measurement, not taste: ``bench/polnear.py --levels`` gives each
(rule, resolution) pair's speaker accuracy on the tuning half of the public set, and
``CONFIDENCE`` puts a pair in "high" only where it was right at least 95% of the time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.nlp.attribution import Attributor
from reader.nlp.marks import speaker_label
from reader.nlp.mentions import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

# A quote goes on with the previous speaker when it is at most this many paragraphs later.
CARRY_PARAGRAPHS = 5


@dataclass
class QuoteGroup:
    """One quotation: its parts (marks excluded), the same with marks, its paragraphs."""

    parts: list[tuple[int, int]]
    outer: list[tuple[int, int]]
    first_para: int
    last_para: int


@dataclass
class Attribution:
    speaker: Speaker
    rule: str

    @property
    def confidence(self) -> str:
        return confidence(self.rule, self.speaker.via)


def _first(ctx: Attributor, quote: QuoteGroup, find: Callable[[list[Token]], Speaker | None]) -> Speaker | None:
    """``find(tokens)`` on each part of the quote (with its marks) in turn: the first answer."""
    for a, b in quote.outer:
        toks = ctx.tokens(a, b)
        found = find(toks) if toks else None
        if found is not None:
            return found
    return None


def transcript_label(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """“SMITH: Well, …” — a transcript: the label names the speaker (the article's fullest
    form of that name)."""
    a, b = quote.parts[0]
    label = speaker_label(ctx.doc.text if ctx.text is None else ctx.text, a, b)
    return ctx.labelled(label, a) if label else None


def reporting_verb(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """The quote hangs (in the parse) from a reporting verb whose subject is the speaker:
    “…,” said Maria Lopez / Lopez said that “…” / “…,” she told reporters."""
    return _first(ctx, quote, ctx.climb)


def according_to(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """“…,” according to X (a person first, then an organisation): in the quote's parse, or
    anywhere in its sentence."""
    return _first(ctx, quote, lambda toks: ctx.climb(toks, according=True) or ctx.in_sentence(toks, according=True))


def verb_in_sentence(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """A reporting verb elsewhere in the quote's sentence, not its head in the parse
    (“…,” he said, as parataxis; the nearest verb first)."""
    return _first(ctx, quote, ctx.in_sentence)


def attribution_after(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """“… tomorrow?” Sanders replied. — the sentence right after the quote is only its
    attribution."""
    return _first(ctx, quote, ctx.bare_attribution_after)


def colon(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """Guterres: “…” / In his view: “…”"""
    return _first(ctx, quote, ctx.colon)


def other_verb(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """A quoted phrase (not a sentence) that is what a person did with words: the object or
    complement of any verb whose subject is a person or an organisation ("Moore thanked him
    for “stepping up”", "the protesters chanted “…”")."""
    return _first(ctx, quote, lambda toks: ctx.climb(toks, any_verb=True))


def subject_before(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """Dianne Bystrom agreed. “…” — the person the sentence before is about, when that
    sentence has no quote of its own."""
    toks = ctx.tokens(*quote.outer[0])
    return ctx.subject_before(toks) if toks else None


def credit_line(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """“…” ¶ - Bernie Sanders. — a credit line under a quote."""
    return ctx.credit_line(quote.outer[-1][1])


def view_of_next(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """“…” — then "This is the view of X" in the next sentence."""
    return ctx.view_of_next(quote.outer[-1][1])


def carried_over(ctx: Attributor, quote: QuoteGroup) -> Speaker | None:
    """A quote with no attribution of its own shortly after someone's quote goes on with
    their remarks."""
    if ctx.previous is None:
        return None
    before, paragraph, end = ctx.previous
    if quote.first_para - paragraph > CARRY_PARAGRAPHS:
        return None
    sp = before.speaker
    between = ctx.last_speaker_between(end, quote.outer[0][0])
    if between is not None and between.via == "name" and between.name != sp.name:
        sp = between  # another person's attribution came between: the quote goes on with theirs
    return Speaker(sp.name, sp.kind, None, sp.roles, sp.via)


Rule = Callable[[Attributor, QuoteGroup], "Speaker | None"]
RULES: list[tuple[str, Rule]] = [
    ("transcript-label", transcript_label),
    ("reporting-verb", reporting_verb),
    ("according-to", according_to),
    ("other-verb", other_verb),
    ("attribution-after", attribution_after),
    ("verb-in-sentence", verb_in_sentence),
    ("colon", colon),
    ("credit-line", credit_line),
    ("view-of-next", view_of_next),
    ("subject-before", subject_before),
    ("carried-over", carried_over),
]


# The rules that find the attribution in the text, not by inference (a short quoted phrase
# without one is a scare quote, not a quote).
EXPLICIT = frozenset(
    {
        "transcript-label",
        "reporting-verb",
        "according-to",
        "verb-in-sentence",
        "attribution-after",
        "colon",
        "other-verb",
        "credit-line",
        "view-of-next",
    }
)


def attribute(ctx: Attributor, quote: QuoteGroup) -> Attribution | None:
    """The first rule's answer, or None when the text does not say who spoke."""
    thing = None  # "the issue, X said, is …": a thing as speaker only when no one else is found
    for name, rule in RULES:
        speaker = rule(ctx, quote)
        if speaker is not None and speaker.via == "thing" and name in EXPLICIT:
            thing = thing or Attribution(speaker, name)
        elif speaker is not None:
            return thing if thing is not None and name not in EXPLICIT else Attribution(speaker, name)
    return thing


# (rule, how the speaker was resolved) -> level; anything not listed is "low". Proposed by
# `python bench/polnear.py --levels` from the public set's tuning part (its policy: "high" is
# right >= 95% on >= 50 judged quotes and a name, not a pronoun or description, whose
# resolution that gold cannot check; "medium" >= 80% on >= 10; "right" = the named source's
# person, or for pronoun and description sources the words at the attribution).
CONFIDENCE: dict[tuple[str, str], str] = {
    ("reporting-verb", "name"): "high",  # right 0.964 of 3568
    ("reporting-verb", "pronoun"): "medium",  # right 0.985 of 1494
    ("reporting-verb", "thing"): "medium",  # right 0.890 of 155
    ("reporting-verb", "as-written"): "medium",  # right 0.869 of 130
    ("reporting-verb", "antecedent"): "medium",  # right 0.835 of 103
    ("verb-in-sentence", "name"): "medium",  # right 0.859 of 71
    ("attribution-after", "name"): "high",  # right 0.966 of 59
    ("verb-in-sentence", "pronoun"): "medium",  # right 0.946 of 37
    ("reporting-verb", "role"): "medium",  # right 0.848 of 33
    ("colon", "name"): "medium",  # right 0.806 of 31
    ("according-to", "name"): "medium",  # right 0.923 of 26
    ("other-verb", "antecedent"): "medium",  # right 0.800 of 20
    ("attribution-after", "pronoun"): "medium",  # right 0.842 of 19
}


def confidence(rule: str, via: str) -> str:
    return CONFIDENCE.get((rule, via), "low")
