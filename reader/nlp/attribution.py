"""Who said a quote: the reporting verb's subject (or "according to X", or "X:"), resolved
to a name within the article by mentions.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.nlp.mentions import (
    PRONOUN_KIND,
    SUBJECT_DEPS,
    ArticleMentions,
    Candidate,
    Speaker,
    token_end,
)
from reader.nlp.names import clean_name, is_org_noun, is_person_noun
from reader.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.nlp.rules import Attribution

REPORTING = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "note",
        "urge",
        "continue",
        "explain",
        "begin",
        "write",
        "insist",
        "argue",
        "claim",
        "state",
        "warn",
        "declare",
        "reply",
        "respond",
        "answer",
        "admit",
        "comment",
        "announce",
        "conclude",
        "recall",
        "remark",
        "suggest",
        "tweet",
        "post",
        "joke",
        "quip",
        "scoff",
        "describe",
        "acknowledge",
        "concede",
        "confirm",
        "deny",
        "emphasise",
        "emphasize",
        "stress",
        "observe",
        "reiterate",
        "counter",
        "retort",
        "shout",
        "whisper",
        "cry",
        "exclaim",
        "predict",
        "promise",
        "vow",
        "maintain",
        "contend",
        "assert",
        "call",
        "dismiss",
        "mock",
        "brand",
        "label",
        "term",
        "accuse",
        "criticise",
        "criticize",
        "praise",
        "blast",
        "slam",
        "hail",
        "caution",
        "complain",
        "lament",
        "report",
        "testify",
        "plead",
        "demand",
        "boast",
        "mutter",
        "muse",
        "recount",
        "reveal",
        "disclose",
        "proclaim",
        "pledge",
        "estimate",
        "characterise",
        "characterize",
        "concur",
        "interject",
        "interrupt",
        "yell",
        "scream",
        "sob",
        "whine",
        "grumble",
        "quote",
        "read",
    ]
)
_VIEW_OF = re.compile(
    r"^\W*(?:this|that|these|those|such)\s+(?:is|was|are|were)\s+(?:the\s+)?"
    r"(?:view|views|words|verdict|opinion|message|assessment|warning|position|argument)\s+of\b",
    re.I,
)


_CREDIT = re.compile(r"[ \t]*\n\s*[-—–―]\s*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})\.?[ \t]*(?:\n|$)")
# What a bare attribution's verb may have besides its subject ("Sanders replied on Tuesday.").
_BARE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "prt", "prep", "punct", "npadvmod", "cc"})


class Attributor(ArticleMentions):
    """One article as the attribution rules (rules.py) see it: its parse, which tokens are
    quoted, who is who (mentions.py), and the speaker of the quote before."""

    def __init__(self, doc: Doc, inside: list[bool], text: str | None = None) -> None:
        super().__init__(doc, inside, text)
        self.text = doc.text if text is None else text
        self.previous: tuple[Attribution, int, int] | None = None  # the last attribution made here, its paragraph and end

    def tokens(self, a: int, b: int) -> list[Token]:
        span = self.doc.char_span(a, b, alignment_mode="expand")
        return list(span) if span is not None else []

    def _speaker_from_verb(self, verb: Token) -> Speaker | None:
        sub = self.subject_of(verb)
        loose = verb.lemma_ in REPORTING  # "the ad says": whatever a reporting verb's subject is speaks
        cand = self.candidate(sub, loose=loose) if sub is not None else self._loose_subject(verb)
        return self.resolve(cand) if cand is not None else None

    def credit_line(self, end: int) -> Speaker | None:
        """“…” ¶ — Bernie Sanders: a dash and a name on the line after the quote."""
        m = _CREDIT.match(self.text, end)
        return self.labelled(m.group(1), m.start(1)) if m else None

    def labelled(self, label: str, start: int) -> Speaker:
        """The speaker a transcript label names ("RAMOS" is the article's Jorge Ramos)."""
        name = clean_name(label.title() if label.isupper() else label)
        key, kind = self.canonical(name, "PERSON")
        return Speaker(key, kind, (start, start + len(label)), sorted(self.roles.get(key, ())), "name")

    def last_speaker_between(self, start: int, end: int) -> Speaker | None:
        """The subject of the last reporting verb between two offsets (outside quotes)."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        last = None
        for t in span if span is not None else ():
            if not self.inside[t.i] and t.pos_ in ("VERB", "AUX") and t.lemma_ in REPORTING:
                last = self._speaker_from_verb(t) or last
        return last

    def climb(self, toks: list[Token], according: bool = False, any_verb: bool = False) -> Speaker | None:
        """Up the parse from the quote to the first reporting verb with a speaker as subject
        (or, with ``according``, to "according to X"; with ``any_verb``, any verb)."""
        lo, hi = toks[0].i, toks[-1].i
        # where the quote hangs from the rest of the sentence, in text order (a set's order
        # would change from run to run)
        exits = sorted((t for t in toks if not lo <= t.head.i <= hi), key=lambda t: -t.i)
        for child in exits:
            h, steps = child.head, 0
            if self._asked_of(child):
                continue  # “…” as what someone was asked: the asker's words, not the subject's
            while steps < 6:
                # a quote inside a verb's subject ("the “low-cost” airline said") is not its content
                if not self.inside[h.i] and child.dep_ not in SUBJECT_DEPS:
                    found = None
                    if according and h.lower_ == "according":
                        found = self._according(h)
                    elif not according and h.pos_ in ("VERB", "AUX") and (any_verb and h.pos_ == "VERB" or h.lemma_ in REPORTING):
                        found = self._speaker_from_verb(h)
                    span = found.mention if found else None
                    if found and not (span and span[0] < toks[-1].idx + len(toks[-1]) and toks[0].idx < span[1]):
                        return found  # (a subject that holds the quote, "the “low-cost” airline", is not its speaker)
                if h.head is h:
                    break
                child, h, steps = h, h.head, steps + 1
        return None

    def _asked_of(self, tok: Token) -> bool:
        """Is the first reporting verb up from ``tok`` a passive one ("when asked what …", "he
        was told that …")? Its subject is the one spoken to."""
        h = tok.head
        for _ in range(6):
            if h.lemma_ in REPORTING and h.pos_ in ("VERB", "AUX"):  # the first reporting verb up decides
                return h.tag_ == "VBN" and (
                    any(c.dep_ == "auxpass" for c in h.children)
                    or h.dep_ == "advcl"
                    and not any(c.dep_ in SUBJECT_DEPS for c in h.children)
                )
            if h.head is h:
                return False
            h = h.head
        return False

    def in_sentence(self, toks: list[Token], according: bool = False) -> Speaker | None:
        """A reporting verb elsewhere in the quote's sentence ("…, he said." as parataxis), the
        nearest first (or, with ``according``, "according to X" there)."""
        lo, hi = toks[0].i, toks[-1].i
        if any(self._asked_of(t) for t in toks if not lo <= t.head.i <= hi):
            return None
        sents = {self.sent_index(toks[0].i), self.sent_index(toks[-1].i)}
        pivot = toks[0].i
        verbs = []
        for n in sorted(sents):
            for t in self.sents[n]:
                if self.inside[t.i]:
                    continue
                if (t.lower_ == "according") if according else (t.pos_ in ("VERB", "AUX") and t.lemma_ in REPORTING):
                    verbs.append(t)
        for t in sorted(verbs, key=lambda t: abs(t.i - pivot)):
            found = self._according(t) if according else self._speaker_from_verb(t)
            if found:
                return found
        return None

    def bare_attribution_after(self, toks: list[Token]) -> Speaker | None:
        """“… tomorrow?” Sanders replied. / “…!” Hannity pressed. — a sentence that starts
        right after the quote and is only a subject and a verb (with adverbs, particles,
        prepositional phrases): an attribution whatever the verb; or one whose main verb is a
        reporting verb. Another verb with an object or a clause of its own says something else."""
        last = self.sent_index(toks[-1].i)
        if last + 1 >= len(self.sents) or "\n" in toks[-1].whitespace_:
            return None
        sent = self.sents[last + 1]
        root = sent.root
        if sent.start != toks[-1].i + 1 or root.pos_ not in ("VERB", "AUX") or any(self.inside[t.i] for t in sent):
            return None
        if root.lemma_ in REPORTING or not any(c.dep_ not in _BARE_DEPS for c in root.children):
            return self._speaker_from_verb(root)
        for t in sent:  # a reporting verb further on ("Sanders replied, laughing.")
            if t.pos_ in ("VERB", "AUX") and t.lemma_ in REPORTING:
                found = self._speaker_from_verb(t)
                if found:
                    return found
        return None

    def subject_before(self, toks: list[Token]) -> Speaker | None:
        """Dianne Bystrom agreed. “Voters here …” — a quote that opens its sentence right
        after a sentence with no quote of its own goes to that sentence's subject, when it is
        a person (by name or pronoun)."""
        first = self.sent_index(toks[0].i)
        if first == 0 or self.sents[first].start != toks[0].i:
            return None
        sent = self.sents[first - 1]
        if any(self.inside[t.i] for t in sent) or sent.text.count("\n") > 2:
            return None
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        sub = self.subject_of(root)
        cand = self.candidate(sub) if sub is not None else None
        if cand is None or cand.kind == "description":
            return None
        found = self.resolve(cand)
        return found if found is not None and found.kind == "person" else None

    def _according(self, tok: Token) -> Speaker | None:
        """ "according to (a statement from) X": a person first, then an organisation."""
        subtree = [t for t in tok.subtree if t.i != tok.i and not self.inside[t.i]]
        for wanted in ("PERSON", "ORG"):
            for t in subtree:
                ent = self.ent_of.get(t.i)
                if ent is not None and ent.label_ == wanted:
                    cand = self.candidate(ent[-1])
                    if cand is not None:
                        return self.resolve(cand)
        for t in subtree:
            if t.dep_ == "pobj" or self._namelike(t) and t.dep_ != "compound":
                cand = self.candidate(t)
                if cand is not None and cand.kind != "pronoun" and fold(cand.head) not in ("statement", "report"):
                    return self.resolve(cand)
        return None

    def _loose_subject(self, verb: Token) -> Candidate | None:
        """When the parser lost the subject ("…,’ the 61-year-old began."): the words right
        after an inverted verb, or between the quote and the verb."""
        doc = self.doc
        if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in ("the", "a", "an"):
            j = verb.i + 1
            while j + 1 < len(doc) and j - verb.i < 6 and (not doc[j + 1].is_punct or doc[j + 1].text == "-"):
                j += 1
            words = doc[verb.i + 1 : j + 1]
        elif (named := self._name_after(verb)) is not None:
            return named
        else:
            i = verb.i - 1
            while i >= 0 and verb.i - i <= 6 and (not doc[i].is_punct or doc[i].text == "-"):
                i -= 1
            words = doc[i + 1 : verb.i]
            if not words.text.strip():
                return self._name_before(verb)
        if not 0 < len(words) <= 6 or any(self.inside[t.i] for t in words):
            return None
        if all(self._namelike(t) for t in words):
            cand = self.candidate(words[-1])
            if cand is not None:
                return cand
        text = words.text
        if not text.split():  # only white space between the quote and the verb
            return None
        head = text.split()[-1]
        if fold(words[0].text) in ("the", "a", "an") and (is_person_noun(head) or is_org_noun(head) or self._is_role(head)):
            definite = fold(words[0].text) == "the"
            return Candidate("description", text, words[-1].i, (words[0].idx, token_end(words[-1])), definite=definite, head=head)
        return None

    def _name_after(self, verb: Token) -> Candidate | None:
        """“…,” said [link=…]Bob Jones[/link]: the first name after an inverted verb, past
        markup and punctuation (a date or a place is no speaker)."""
        doc = self.doc
        markup = False
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 14)]:
            if t.text in "[]":  # [link=…] … [/link]: markup, whatever the tagger made of it
                markup = t.text == "["
                continue
            if markup:
                continue
            if t.is_sent_start or self.inside[t.i] or t.pos_ in ("VERB", "AUX", "ADP"):
                return None
            if t.like_url or not t.text[:1].isalpha() or (t.dep_ in ("compound", "flat") and t.head.i > t.i):
                continue
            if self._namelike(t):
                cand = self.candidate(t)
                if cand is not None and cand.kind == "name" and cand.label not in ("GPE", "LOC", "FAC"):
                    return cand
        return None

    def _name_before(self, verb: Token) -> Candidate | None:
        """“…,” Ramos, 58, told AFP: the first name after the quote, past an apposition set
        off by commas, when nothing else stands before the verb."""
        doc = self.doc
        i = verb.i - 1
        while i >= 0 and verb.i - i <= 10 and not self.inside[i] and not doc[i].is_sent_start:
            i -= 1
        for t in doc[i + 1 : verb.i]:
            if not self.inside[t.i] and self._namelike(t) and not (t.dep_ in ("compound", "flat") and t.head.i > t.i):
                return self.candidate(t)
        return None

    def colon(self, toks: list[Token]) -> Speaker | None:
        """'In his view: "…"' or 'Guterres: "…"'"""
        doc = self.doc
        i = toks[0].i - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text != ":":
            return None
        # "Bush broke down the race in an interview with NRC: “…”": the subject of the clause
        # the colon ends, not the nearest name before it
        head = doc[i].head
        if head.pos_ in ("VERB", "AUX") and not self.inside[head.i] and head.i < i:
            sub = self.subject_of(head)
            cand = self.candidate(sub) if sub is not None else None
            if cand is not None:
                return self.resolve(cand)
        j = i - 1
        while j >= 0 and i - j <= 6 and not doc[j].is_sent_end and doc[j].text not in ".!?\n":
            t = doc[j]
            if self.inside[t.i]:
                break
            if t.lower_ in PRONOUN_KIND and t.dep_ in ("poss", "nsubj"):
                cand = self.candidate(t)
                assert cand is not None  # (a pronoun is always a candidate)
                return self.resolve(cand)
            if t.pos_ == "PROPN" and t.dep_ != "compound":
                cand = self.candidate(t)
                if cand is not None:
                    return self.resolve(cand)
            j -= 1
        return None

    def view_of_next(self, end_char: int) -> Speaker | None:
        """“…” — then "This is the view of X" in the next sentence."""
        doc = self.doc
        span = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
        if span is None or not len(span):  # the quote ends on white space the tokenizer dropped
            return None
        n = self.sent_index(span[0].i) + 1
        if n >= len(self.sents) or not _VIEW_OF.match(self.sents[n].text):
            return None
        for t in self.sents[n]:
            ent = self.ent_of.get(t.i)
            if ent is not None and ent.label_ == "PERSON" and not self.inside[t.i]:
                cand = self.candidate(ent.root)
                if cand is not None:
                    return self.resolve(cand)
        return None


__all__ = ["Attributor", "Speaker", "REPORTING"]
