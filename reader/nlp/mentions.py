"""Who is who inside one article: names, roles, genders, and what pronouns and descriptions
refer back to.

Works on a parsed spaCy Doc. Pronouns ("he added") go to the latest earlier subject of the same
kind and gender, main clause first (else the latest mention); definite descriptions ("the
judge", "the UN chief") go to the person who carries that role in the article, else to the
person the article is about at that point; indefinite ones ("a spokesperson") stay as written.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.nlp.names import (
    FEMALE_TITLES,
    HONORIFICS,
    MALE_TITLES,
    clean_name,
    find_acronyms,
    is_org_noun,
    is_person_noun,
    strip_titles,
)
from reader.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUN_KIND = {
    "he": ("person", "m"),
    "him": ("person", "m"),
    "his": ("person", "m"),
    "she": ("person", "f"),
    "her": ("person", "f"),
    "hers": ("person", "f"),
    "it": ("org", None),
    "its": ("org", None),
    "they": ("group", None),
    "them": ("group", None),
    "their": ("group", None),
}
# Entities that never speak: "Saturday at the convention Sen. Marsh said" is not Saturday's.
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_INDEFINITE = ("a", "an", "one", "another", "some")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Speaker:
    name: str  # canonical within the article, or a description as written
    kind: str  # "person", "org" or "description"
    mention: tuple[int, int] | None = None  # the words at the attribution
    roles: list[str] = field(default_factory=list)
    # How the words at the attribution became this speaker: "name", "pronoun", "role" (a
    # description matched to the person the article gave that role), "antecedent" (a
    # description taken to be the latest person or organisation), "as-written" (a description
    # nobody in the article matches), "thing" (not a person: "the ad says")
    via: str = "name"


@dataclass
class Candidate:
    """What stands in subject position, before resolution."""

    kind: str  # "name", "pronoun", "description"
    text: str
    token: int
    span: tuple[int, int]
    label: str | None = None
    definite: bool = True
    head: str = ""
    thing: bool = False  # not a person: "the ad", "a statement" (speaks as written)


class ArticleMentions:
    """Per-article state: names, roles, genders and who the text is about where."""

    def __init__(self, doc: Doc, inside: list[bool], text: str | None = None) -> None:
        self.doc = doc
        self.inside = inside
        self.acronyms = find_acronyms(doc.text if text is None else text)
        self.roles: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        self.ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self._collect_names()
        self._walk_subjects()

    # --- names -------------------------------------------------------------------------------

    def _collect_names(self) -> None:
        doc = self.doc
        # Words of the people the NER found: "O’Leary" alone is a name even where the small
        # model tags it as an adverb.
        self._name_words: set[str] = set()
        spans: list[tuple[int, int, str | None]] = []  # (start, end, label) of names outside quotes
        covered: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or self.inside[ent.start]:
                continue
            start = ent.start
            for t in ent:
                if "\n" in t.text or "\n" in t.whitespace_:
                    start = t.i + 1  # a name never runs over a paragraph break (a cross-head)
            if start >= ent.end:
                continue
            if ent.label_ == "ORG":  # "ONE Championship", where the NER took only "Championship"
                while (
                    start > 0
                    and not self.inside[start - 1]
                    and doc[start - 1].dep_ in ("compound", "nummod")
                    and (
                        doc[start - 1].pos_ == "PROPN"
                        or (doc[start - 1].text.istitle() or doc[start - 1].text.isupper())
                        and doc[start - 1].pos_ == "NUM"
                    )
                    and "\n" not in doc[start - 1].whitespace_
                ):
                    start -= 1
            end = ent.end
            # The small model stops "Michael O’Leary" at "Michael": take the proper nouns the
            # entity is a compound of.
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].head.i == end and not self.inside[end]:
                end += 1
            spans.append((start, end, ent.label_))
            covered.update(range(start, end))
            if ent.label_ == "PERSON":
                self._name_words.update(fold(w) for w in clean_name(doc[start:end].text).split()[-1:])
        for tok in doc:
            if tok.i in covered or self.inside[tok.i] or not self._namelike(tok):
                continue
            if tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and self._namelike(tok.head):
                continue  # part of the chain that ends at its head
            if tok.ent_type_ and tok.ent_type_ not in ("PERSON", "ORG", "NORP") or tok.is_sent_start and tok.pos_ != "PROPN":
                continue
            start = self._chain_start(tok)
            spans.append((start, tok.i + 1, None))
            covered.update(range(start, tok.i + 1))
        spans.sort()
        self.full_names = [clean_name(doc[a:b].text) for a, b, label in spans if label == "PERSON"]
        self.full_names = [n for n in self.full_names if n]
        self._folded_full = [(n, fold(n).split()) for n in dict.fromkeys(self.full_names)]
        # Label votes: "Ryanair" at the start of a sentence, missed by the NER, is still the
        # ORG that its other mentions are.
        self.labels: dict[str, Counter[str]] = {}
        for a, b, label in spans:
            if label is not None:
                self.labels.setdefault(fold(clean_name(doc[a:b].text)), Counter())[label] += 1
        for a, b, label in spans:
            if label is not None:
                span = doc[a:b]
                span.label_ = label
                for i in range(a, b):
                    self.ent_of[i] = span
        self.mentions = []  # (token, key, kind) in text order
        for a, b, label in spans:
            name = clean_name(doc[a:b].text)
            if not name:
                continue
            key, kind = self.canonical(name, label)
            self.mentions.append((a, key, kind))
            if label is not None:
                self._note_titles(doc[a:b], name, label)
        # "airline Wizz Air": a name whose role is an organisation noun is not a person, whatever
        # the NER said.
        self.org_keys = {
            key
            for key, roles in self.roles.items()
            if any(is_org_noun(r.split()[-1]) and not is_person_noun(r.split()[-1]) for r in roles)
        }
        self.mentions = [(i, key, "org" if key in self.org_keys else kind) for i, key, kind in self.mentions]
        self._mention_pos = [m[0] for m in self.mentions]

    def _namelike(self, tok: Token) -> bool:
        text = tok.text
        if tok.like_url or tok.like_email:
            return False
        if tok.is_sent_start and _common_noun(text):
            return False  # "Judges will not be swayed": capitalised only by its place
        return (
            tok.pos_ == "PROPN"
            or text in self.acronyms
            or (len(text) > 1 and text.isupper() and text.isalpha())
            or (text[:1].isupper() and fold(text) in self._name_words)
        )

    def _chain_start(self, tok: Token) -> int:
        start = tok.i
        doc = self.doc
        while (
            start > 0
            and (self._namelike(doc[start - 1]) or (doc[start - 1].pos_ == "NUM" and doc[start - 1].text.istitle()))
            and doc[start - 1].dep_ in ("compound", "flat", "nummod")
            and not self.inside[start - 1]
            and "\n" not in doc[start - 1].whitespace_
        ):
            start -= 1
        return start

    def _note_titles(self, ent: Span, name: str, label: str) -> None:
        """Roles and gender from the words around a name: "UN spokesperson", "Mr", appositions."""
        doc = self.doc
        titles, _ = strip_titles(ent.text.split())
        key, _ = self.canonical(name, label)
        start = ent.start
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod") and start <= doc[start - 1].head.i < ent.end:
            start -= 1
        words = [t.text for t in doc[start : ent.start]] + titles
        for w in words:
            if fold(w).rstrip(".") in MALE_TITLES:
                self.gender.setdefault(key, "m")
            elif fold(w).rstrip(".") in FEMALE_TITLES:
                self.gender.setdefault(key, "f")
        # "Supreme Court judge Mr Justice Peter Charleton": the words before the name are the
        # role; the titles only when nothing else is there ("Judge George Wu").
        words = [t.text for t in doc[start : ent.start]] + titles
        address = ("mr", "mrs", "ms", "miss", "dr", "mx")
        kept = []
        for n, w in enumerate(words):
            if fold(w).rstrip(".") in address:
                continue
            if n and fold(words[n - 1]).rstrip(".") in address and fold(w) in HONORIFICS:
                continue  # "Mr Justice": a form of address, not a role
            kept.append(w)
        role = " ".join(kept)
        self._add_role(key, role)
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:
            # "Beleaguered airline Wizz Air", "the Iranian minister, Reza Tavakoli,"
            self._add_role(key, self._described(head))
        for child in ent.root.children if label == "PERSON" else ():
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.i >= ent.end:
                if self.ent_of.get(child.i) is None or child.pos_ == "NOUN":
                    # "Carl Banks, a billionaire developer,"
                    self._add_role(key, self._described(child))

    def _add_role(self, key: str, role: str) -> None:
        if role.strip():  # (a description can come out empty: a noun the parser took for punctuation)
            self.roles.setdefault(key, set()).add(role)

    def _described(self, noun: Token) -> str:
        """A noun with the words that describe it ("Iranian minister", "billionaire developer"),
        without determiners."""
        left = noun.i
        for child in noun.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and not self.inside[child.i]:
                left = min(left, child.left_edge.i)
        words = [t.text for t in self.doc[left : noun.i + 1] if t.dep_ not in ("det", "poss", "punct")]
        return " ".join(words)

    def canonical(self, name: str, label: str | None) -> tuple[str, str]:
        """The fullest form of a name in this article, and whether it is a person or an org."""
        if name in self.acronyms:
            return self.acronyms[name], "org"
        f = fold(name).split()
        best = None
        for full, ff in getattr(self, "_folded_full", ()):
            if len(ff) > len(f) and (ff[-len(f) :] == f or ff[: len(f)] == f):
                if best is None or len(ff) > len(best.split()):
                    best = full
        if name in getattr(self, "org_keys", ()):
            return name, "org"
        if best is not None:
            return best, "person"
        votes = getattr(self, "labels", {}).get(fold(name))
        if votes:
            label = votes.most_common(1)[0][0]
        if label == "PERSON" or any(ff == f for _, ff in getattr(self, "_folded_full", ())):
            return name, "person"
        if label in ("ORG", "GPE", "NORP", "FAC") or (name.isupper() and len(name) > 1):
            return name, "org"
        if name.split()[-1].lower() in {"board", "council", "party", "ministry", "inc", "ltd", "group"}:
            return name, "org"
        return name, "person"

    # --- subjects ----------------------------------------------------------------------------

    def candidate(self, tok: Token, loose: bool = False) -> Candidate | None:
        """Read the token in subject position as a name (or names: "Lee and Park"), a pronoun
        or a description. ``loose``: the subject of a reporting verb, where anything that is
        not a person may still speak as written ("the ad says", "a statement from X")."""
        doc = self.doc
        if self.inside[tok.i]:
            return None
        ent = self.ent_of.get(tok.i)
        if ent is not None and ent.label_ in NOT_SPEAKERS and not is_person_noun(ent.text):  # (but "the 64-year-old")
            return None
        if ent is not None and ent.label_ == "NORP" and fold(tok.text) not in self._name_words:
            # "the Iranian said": a nationality used alone describes someone
            left = self._left_edge(tok, ent.start)
            definite = fold(doc[left].text) not in _INDEFINITE
            return Candidate(
                "description",
                doc[left : ent.end].text,
                tok.i,
                (doc[left].idx, token_end(doc[ent.end - 1])),
                definite=definite,
                head=doc[ent.end - 1].text,
            )
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "FAC"):
            start, end, label = ent.start, ent.end, ent.label_
        elif self._namelike(tok):
            start, end, label = self._chain_start(tok), tok.i + 1, None
        else:
            start = None
        if start is not None:
            name = clean_name(doc[start:end].text)
            if name:
                left = self._left_edge(tok, start)
                joint = self._joint(tok, name)
                if joint is not None:
                    names, last = joint
                    return Candidate("name", " and ".join(names), tok.i, (doc[left].idx, token_end(last)), "GROUP")
                return Candidate("name", name, tok.i, (doc[left].idx, token_end(doc[end - 1])), label)
        low = tok.lower_
        if low in PRONOUN_KIND:
            return Candidate("pronoun", low, tok.i, (tok.idx, token_end(tok)))
        for child in tok.subtree:
            # "The minister, Tom Baker, said", "the ambassador at the time, John Herbst,": the
            # name in apposition is the speaker.
            if child.i > tok.i and child.dep_ == "appos" and (self._namelike(child) or self.ent_of.get(child.i) is not None):
                named = self.candidate(child)
                if named is not None and named.kind == "name":
                    left = self._left_edge(tok, tok.i)
                    named.span = (doc[left].idx, named.span[1])
                    return named
        if tok.pos_ in ("NOUN", "ADJ") or ent is not None:
            left = self._left_edge(tok, tok.i)
            words = doc[left : tok.i + 1]
            text = words.text
            head = tok.text if tok.pos_ == "NOUN" else text.split()[-1]
            definite = fold(words[0].text) not in _INDEFINITE
            if is_person_noun(head) or is_org_noun(head) or is_person_noun(text.split()[-1]) or self._is_role(head):
                return Candidate("description", text, tok.i, (words[0].idx, token_end(tok)), definite=definite, head=head)
            if loose and tok.pos_ == "NOUN":
                return self._author(tok) or Candidate(
                    "description", text, tok.i, (words[0].idx, token_end(tok)), definite=definite, head=head, thing=True
                )
        return None

    def _joint(self, tok: Token, name: str) -> tuple[list[str], Token] | None:
        """ "Lee and Park said": the names joined to this one, and the last token, or None."""
        names, last = [name], tok
        for child in tok.children:
            if child.dep_ == "conj" and not self.inside[child.i]:
                other = self.candidate(child)
                if other is None or other.kind != "name" or other.label == "GROUP":
                    return None
                names.append(other.text)
                last = self.doc[max(last.i, child.i)]
        return (names, last) if len(names) > 1 else None

    def _author(self, tok: Token) -> Candidate | None:
        """Who stands behind a thing that speaks: "Lee’s statement", "a letter from the union"."""
        for child in tok.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("from", "by")):
                who = child if child.dep_ == "poss" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if who is not None:
                    found = self.candidate(who)
                    if found is not None and found.kind == "name":
                        return found
        return None

    def _left_edge(self, tok: Token, start: int) -> int:
        left = start
        for child in tok.lefts:
            if (
                child.dep_ in ("det", "compound", "amod", "nmod", "poss", "nummod", "npadvmod", "punct", "case")
                and not self.inside[child.i]
            ):
                left = min(left, child.left_edge.i)
        while left < start and self.doc[left].is_punct:
            left += 1
        return left

    def _is_role(self, word: str) -> bool:
        w = fold(word)
        return any(w == fold(r.split()[-1]) for roles in self.roles.values() for r in roles)

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb, or of the verb it hangs from ("…, saying", "and called")."""
        seen = 0
        while verb is not None and seen < 4:
            subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.inside[c.i]]
            if subs:
                # two subjects are a misparse ("in Berea, OH, … Gov. Kasich said"): a place or a
                # date is the less likely speaker; then the one nearer the verb
                return min(subs, key=lambda c: (self._place_or_time(c), abs(verb.i - c.i)))
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head
                seen += 1
                continue
            return None
        return None

    def _place_or_time(self, tok: Token) -> bool:
        ent = self.ent_of.get(tok.i)
        return ent is not None and (ent.label_ in NOT_SPEAKERS or ent.label_ in ("GPE", "LOC", "FAC"))

    def _walk_subjects(self) -> None:
        """Subjects sentence by sentence, main clause first: what pronouns and descriptions
        refer back to."""
        self.sents = list(self.doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        self.subjects: list[list[tuple[str, str, int]]] = []  # per sentence: (key, kind, token)
        for n, sent in enumerate(self.sents):
            root = sent.root
            toks = [t for t in sent if t.dep_ in SUBJECT_DEPS and not self.inside[t.i]]
            toks.sort(key=lambda t: (t.head is not root, t.i))
            found: list[tuple[str, str, int]] = []
            self.subjects.append(found)  # filled as it goes: "X told reporters he …" looks here
            for t in toks:
                cand = self.candidate(t)
                resolved = self.resolve(cand, n) if cand is not None else None
                if resolved is not None:
                    kind = _description_kind(resolved.name) if resolved.kind == "description" else resolved.kind
                    if kind == "org" and _surname_speaking(t, cand):
                        kind = "person?"  # "Bell said …": the small model's ORG for a lone surname
                    found.append((resolved.name, kind, t.i))
            self._gender_from_possessives(sent, n)

    def _gender_from_possessives(self, sent: Span, n: int) -> None:
        """ "Chadwick should not have used her casting vote": her/his on the object of a verb
        usually belongs to that verb's named subject."""
        for t in sent:
            if t.dep_ != "poss" or t.lower_ not in ("his", "her") or self.inside[t.i]:
                continue
            verb = t.head.head
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            sub = self.subject_of(verb)
            cand = self.candidate(sub) if sub is not None else None
            if cand is not None and cand.kind == "name":
                key, kind = self.canonical(cand.text, cand.label)
                if kind == "person":
                    self.gender.setdefault(key, "m" if t.lower_ == "his" else "f")

    def sent_index(self, token_i: int) -> int:
        return bisect_left(self._sent_starts, token_i + 1) - 1

    def resolve(self, cand: Candidate, sent: int | None = None) -> Speaker | None:
        sent = self.sent_index(cand.token) if sent is None else sent
        key: str | None
        if cand.kind == "name":
            if cand.label == "GROUP":  # "Lee and Park said"
                return Speaker(cand.text, "group", cand.span, [], "name")
            key, kind = self.canonical(cand.text, cand.label)
            return Speaker(key, kind, cand.span, sorted(self.roles.get(key, ())), "name")
        if cand.kind == "pronoun":
            kind, gender = PRONOUN_KIND[cand.text]
            key = self._antecedent(cand.token, sent, kind, gender)
            if key is None and kind == "group":  # "they" for an organisation
                kind, key = "org", self._antecedent(cand.token, sent, "org", None)
            if key is None:
                return None
            if gender and kind == "person":
                self.gender.setdefault(key, gender)
            return Speaker(key, kind, cand.span, sorted(self.roles.get(key, ())), "pronoun")
        # descriptions
        if not cand.definite or cand.thing:
            text = cand.text
            if text.split()[0] in ("A", "An"):
                text = text[0].lower() + text[1:]
            return Speaker(text, "description", cand.span, via="thing" if cand.thing else "as-written")
        head = fold(cand.head)
        # whom the article gave that attribute: "the developer", "the Iranian", "the billionaire"
        holders = [k for k, roles in self.roles.items() if any(head in fold(r).split() for r in roles)]
        if holders:
            key = self._latest(cand.token, holders)
            return Speaker(key, "person", cand.span, sorted(self.roles.get(key, ())), "role")
        kind = "org" if is_org_noun(cand.head) and not is_person_noun(cand.head) else "person"
        if kind == "org":
            key = self._latest_mention(cand.token, "org")
        else:  # nobody has that attribute: the person the sentence before is about, if any
            key = next(
                (k for k, kd, _ in (self.subjects[sent - 1] if 0 < sent <= len(self.subjects) else []) if kd == "person"), None
            )
        if key is None:
            return Speaker(cand.text, "description", cand.span, via="as-written")
        return Speaker(key, kind, cand.span, sorted(self.roles.get(key, ())), "antecedent")

    def _antecedent(self, token: int, sent: int, kind: str, gender: str | None) -> str | None:
        """The latest earlier sentence's subject of this kind (main clause first); else the
        latest mention."""
        # this sentence's subjects before the pronoun first ("McCain told reporters he …"),
        # then earlier sentences'
        here = [x for x in self.subjects[sent] if x[2] < token] if sent < len(self.subjects) else []
        earlier = (x for n in range(min(sent, len(self.subjects)) - 1, max(-1, sent - 12), -1) for x in self.subjects[n])
        nearest = sent - 1  # a lone surname the NER took for an organisation counts only this near
        for key, k, i in (*here, *earlier):
            if k == "person?" and kind == "person" and gender and self.sent_index(i) >= nearest:
                return key
            if k == kind and (gender is None or self.gender.get(key, gender) == gender):
                return key
        return self._latest_mention(token, kind, gender)

    def _latest_mention(self, token: int, kind: str, gender: str | None = None) -> str | None:
        i = bisect_left(self._mention_pos, token)
        for _, key, k in reversed(self.mentions[:i]):
            if k == kind and (gender is None or self.gender.get(key, gender) == gender):
                return key
        return None

    def _latest(self, token: int, keys: list[str]) -> str:
        best, best_pos = keys[0], -1
        for pos, key, _ in self.mentions:
            if key in keys and best_pos < pos < token:
                best, best_pos = key, pos
        return best


SPEAKING = frozenset({"say", "tell", "add", "explain", "note", "write", "argue", "insist", "warn", "testify"})


def _surname_speaking(tok: Token, cand: Candidate | None) -> bool:
    """A lone capitalised word, not an acronym, the subject of a verb of saying: "Bell said"."""
    return (
        cand is not None
        and cand.kind == "name"
        and cand.label == "ORG"
        and " " not in cand.text
        and cand.text[:1].isupper()
        and not cand.text.isupper()
        and tok.head.lemma_ in SPEAKING
    )


def _common_noun(word: str) -> bool:
    w = fold(word)
    return any(
        is_person_noun(x) or is_org_noun(x) for x in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w)
    )


def _description_kind(text: str) -> str:
    """What a pronoun may take a description subject for: "the council" is an organisation
    ("it", "they"), not a "she"; "the nurse" a person."""
    head = text.split()[-1] if text.split() else ""
    return "org" if is_org_noun(head) and not is_person_noun(head) else "person"


def token_end(tok: Token) -> int:
    return tok.idx + len(tok.text)
