"""Write N realistic articles (400-900 words, quotes, thousands of people, places and
organisations, distinct sentences) for the scale benchmarks.

    python bench/make_corpus.py N DIR

Sentences are composed from the word lists in bench/wordlists.py, so every article is new text;
each article has a cast of 3-6 people (named in full, then by surname, "he"/"she" or their role)
drawn from tens of thousands of name combinations, places and organisations. Prints the
distinct counts.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordlists import ADJ, FIRST, LAST, NOUN, ORG, PLACE

ROLES = [
    "minister",
    "spokesperson",
    "chief executive",
    "mayor",
    "coach",
    "professor",
    "analyst",
    "union leader",
    "director",
    "senator",
    "judge",
    "lawyer",
    "economist",
    "researcher",
]
VERBS = ["said", "told reporters", "added", "said on Tuesday", "told the BBC", "wrote in a statement"]
FACTS = [
    "The {adj} {noun} in {place} drew {n} people on {day}.",
    "Officials in {place} said the {noun} would cost about {n} million dollars.",
    "The {org} has opened an inquiry into the {adj} {noun}.",
    "Critics say the {noun} has done little for {place}, where {n} families are waiting.",
    "Talks between the {org} and the {org2} resumed after a {adj} pause.",
    "The {adj} {noun} follows a {adj2} {noun2} that divided {place} last year.",
    "Figures released by the {org} showed a {n} per cent rise in the {noun}.",
]
SAYS = [
    "We will not accept a {adj} {noun} that leaves {place} behind",
    "This {noun} is about the people of {place}, not about the {org}",
    "Nobody expected the {noun} to move this fast, and nobody is ready",
    "I have spoken to the {org} and they know what is at stake",
    "The {adj} {noun} is the best chance we have had in {n} years",
    "We are asking for a {adj2} {noun2}, nothing more and nothing less",
    "If the {org} wants a deal, the door is open",
]
TOWN = ["Port", "North", "South", "Lake", "Mount", "New", "Fort", "East", "West", "Saint"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, n: int) -> tuple[str, set, set, set]:
    people = []
    for _ in range(rng.randint(3, 6)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        people.append((f"{first} {last}", last, rng.choice(["he", "she"]), rng.choice(ROLES)))
    places = {rng.choice(PLACE) if rng.random() < 0.5 else f"{rng.choice(TOWN)} {rng.choice(LAST)}" for _ in range(3)}
    orgs = {f"{rng.choice(list(places))} {rng.choice(ADJ).title()} {rng.choice(ORG)}" for _ in range(2)}

    def fill(t: str) -> str:
        return t.format(
            adj=rng.choice(ADJ),
            adj2=rng.choice(ADJ),
            noun=rng.choice(NOUN),
            noun2=rng.choice(NOUN),
            place=rng.choice(sorted(places)),
            org=rng.choice(sorted(orgs)),
            org2=rng.choice(sorted(orgs)),
            n=rng.randint(2, 900),
            day=rng.choice(DAYS),
        )

    lead = people[0]
    title = f"{lead[1]} warns of {rng.choice(ADJ)} {rng.choice(NOUN)} in {rng.choice(sorted(places))}"
    paragraphs, words = [], 0
    introduced = set()
    target = rng.randint(400, 900)
    while words < target:
        person = rng.choice(people)
        full, last, pron, role = person
        if full not in introduced:
            who = f"{role} {full}" if rng.random() < 0.6 else full
            introduced.add(full)
        else:
            who = rng.choice([last, pron, f"the {role}"])
        style = rng.random()
        quote = fill(rng.choice(SAYS))
        if style < 0.35:
            p = f"“{quote},” {who} {rng.choice(VERBS)}."
        elif style < 0.55:
            p = f"{who[0].upper() + who[1:]} said: “{quote}.”"
        elif style < 0.7:
            p = f"“{quote},” {who} said. “{fill(rng.choice(SAYS))}.”"
        else:
            p = " ".join(fill(rng.choice(FACTS)) for _ in range(rng.randint(2, 4)))
        paragraphs.append(p)
        words += len(p.split())
    meta = (
        f'+++\ntitle = "{title}"\nsource = "Generated Wire"\ndate = 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n+++\n'
    )
    return meta + "\n".join(paragraphs) + "\n", {p[0] for p in people}, places, orgs


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2024)
    people, places, orgs, sentences = set(), set(), set(), set()
    words = 0
    for i in range(n):
        text, p, pl, o = article(rng, i)
        (out / f"article-{i:05d}.md").write_text(text, encoding="utf-8")
        people |= p
        places |= pl
        orgs |= o
        sentences.update(s.strip() for s in text.split("\n"))
        words += len(text.split())
    print(
        f"articles={n} words={words} avg_words={words // n} distinct_people={len(people)} "
        f"distinct_places={len(places)} distinct_orgs={len(orgs)} distinct_paragraphs={len(sentences)}"
    )


if __name__ == "__main__":
    main()
