"""Names of people and organisations: folding, titles, acronyms, and the nouns that describe them."""

from __future__ import annotations

import re

from reader.text import fold

# Titles that stand before a name and are not part of it ("Mr Justice Peter Charleton").
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "judge",
        "justice",
        "president",
        "vice",
        "prime",
        "minister",
        "senator",
        "sen",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "lt",
        "sgt",
        "chancellor",
        "secretary",
        "secretary-general",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "chief",
        "councillor",
        "cllr",
        "det",
        "detective",
        "inspector",
        "supt",
        "superintendent",
        "archbishop",
        "bishop",
        "cardinal",
        "rabbi",
        "imam",
        "coach",
    ]
)
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "fr"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})

# Head nouns of descriptions that name a person ("the UN chief", "a Putin spokesperson").
PERSON_NOUNS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "minister",
        "president",
        "premier",
        "chancellor",
        "secretary",
        "secretary-general",
        "chief",
        "head",
        "leader",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "executive",
        "founder",
        "manager",
        "coach",
        "player",
        "captain",
        "judge",
        "justice",
        "lawyer",
        "attorney",
        "prosecutor",
        "barrister",
        "solicitor",
        "defendant",
        "witness",
        "juror",
        "officer",
        "detective",
        "inspector",
        "commander",
        "general",
        "colonel",
        "soldier",
        "doctor",
        "nurse",
        "scientist",
        "researcher",
        "professor",
        "expert",
        "analyst",
        "economist",
        "archaeologist",
        "historian",
        "author",
        "writer",
        "journalist",
        "reporter",
        "editor",
        "comedian",
        "actor",
        "actress",
        "singer",
        "star",
        "presenter",
        "host",
        "artist",
        "musician",
        "mayor",
        "governor",
        "senator",
        "lawmaker",
        "mp",
        "councillor",
        "congressman",
        "congresswoman",
        "representative",
        "ambassador",
        "diplomat",
        "envoy",
        "activist",
        "campaigner",
        "resident",
        "owner",
        "farmer",
        "worker",
        "teacher",
        "student",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "woman",
        "man",
        "boy",
        "girl",
        "victim",
        "survivor",
        "source",
        "insider",
        "aide",
        "adviser",
        "advisor",
        "negotiator",
        "pilot",
        "driver",
        "candidate",
        "politician",
        "governor-general",
        "monarch",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "bishop",
        "priest",
        "rabbi",
        "imam",
        "founder",
        "boss",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "batsman",
        "bowler",
        "winger",
        "veteran",
        "chef",
        "designer",
        "architect",
        "engineer",
        "officer",
        "police",
        "policeman",
        "policewoman",
        "commissioner",
        "counsel",
        "attorney-general",
        "minister-president",
        "premier",
        "chairperson",
        "secretary-general",
        "lecturer",
        "academic",
        "chancellor",
        "vice-chancellor",
        "principal",
        "headteacher",
        "headmaster",
        "organiser",
        "organizer",
        "organiser",
        "spokesperson",
        "representative",
        "delegate",
        "member",
        "mother",
        "father",
        "grandmother",
        "grandfather",
        "sister",
        "brother",
        "uncle",
        "aunt",
        "neighbour",
        "neighbor",
        "friend",
        "colleague",
        "fan",
        "austrian",
        "american",
        "briton",
        "german",
        "frenchman",
        "frenchwoman",
        "russian",
        "ukrainian",
    ]
)
# Head nouns of descriptions that name an organisation ("the Singapore-based firm").
ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "group",
        "party",
        "agency",
        "ministry",
        "department",
        "government",
        "council",
        "board",
        "authority",
        "organisation",
        "organization",
        "union",
        "committee",
        "commission",
        "club",
        "team",
        "bank",
        "airline",
        "carrier",
        "retailer",
        "broadcaster",
        "network",
        "university",
        "charity",
        "foundation",
        "institute",
        "association",
        "federation",
        "league",
        "operator",
        "brand",
        "startup",
        "business",
        "corporation",
        "regulator",
        "watchdog",
        "kremlin",
        "administration",
        "office",
        "court",
        "tribunal",
        "panel",
        "campaign",
        "movement",
        "alliance",
        "coalition",
        "body",
        "service",
        "trust",
        "newspaper",
        "publisher",
        "studio",
        "label",
        "manufacturer",
        "maker",
        "developer",
        "insurer",
        "lender",
    ]
)

_YEAR_OLD = re.compile(r"\d+-year-old$")


def is_person_noun(word: str) -> bool:
    w = fold(word)
    return w in PERSON_NOUNS or bool(_YEAR_OLD.search(w))


def is_org_noun(word: str) -> bool:
    return fold(word) in ORG_NOUNS


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles from a name: (["Mr", "Justice"], ["Peter", "Charleton"])."""
    i = 0
    while i < len(words) - 1 and fold(words[i]).rstrip(".") in HONORIFICS:
        i += 1
    return words[:i], words[i:]


# Markup around a name in text copied from the web ("[link=…]Bob Jones[/link]"), and editors'
# brackets ("[Hillary] Clinton"): a name never holds a bracket.
_MARKUP = re.compile(r"\[/[^\]\s]*\]?|\[[^\]\s=]*=[^\]]*\]?")
# Characters that are never part of a name: brackets, soft hyphens, zero-width and direction marks.
_NOT_IN_NAME = re.compile("[\\[\\]{}<>|\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")  # punctuation at a word's ends (">Smith", "Smith,")


def clean_name(text: str) -> str:
    """A name as written, without titles, possessive ’s or stray punctuation around it."""
    text = _NOT_IN_NAME.sub("", _MARKUP.sub("", text))
    text = re.sub(r"['’]s?$", "", text.strip().strip(',.;:!?"“”‘’()[]'))
    words = [w for w in (_EDGE.sub("", w) for w in text.split()) if w]
    if words and fold(words[0]) in ("the", "a", "an"):
        words = words[1:]
    _, rest = strip_titles(words)
    return " ".join(rest)


_ACRONYM = re.compile(
    r"((?:[A-Z][\w&’'.-]*|of|and|for|the|de|du|la|le)(?:\s+(?:[A-Z][\w&’'.-]*|of|and|for|the|de|du|la|le)){1,8})"
    r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)"
)
_SMALL = {"of", "and", "for", "the", "de", "du", "la", "le"}


def find_acronyms(text: str) -> dict[str, str]:
    """ "The African National Congress (ANC)" gives {"ANC": "African National Congress"}."""
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        words, acronym = m.group(1).split(), m.group(2).replace(".", "")
        letters = [c for c in acronym if c.isupper()]
        # Take as many trailing capitalised words as the acronym has capitals.
        cap_idx = [i for i, w in enumerate(words) if w[0].isupper()]
        if len(cap_idx) < len(letters) or not letters:
            continue
        first = cap_idx[-len(letters)]
        name_words = words[first:]
        initials = [w[0] for w in name_words if w not in _SMALL]
        if [c.upper() for c in initials] == letters or "".join(initials).upper().startswith(acronym.upper()):
            if name_words and fold(name_words[0]) == "the":
                name_words = name_words[1:]
            found.setdefault(acronym, " ".join(name_words))
    return found
