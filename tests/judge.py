"""Scoring quotes against hand-made gold the way the issue's judge does.

A gold record is found when one predicted part equals it (whitespace, case and quote marks
folded; trailing punctuation ignored) and body[start:end] of that part holds exactly those
words; one predicted quote may span only the parts of a single gold group. The speaker is right
when, accents and case folded, the gold name's last word is one of the predicted name's words,
or the two are rapidfuzz token_set_ratio >= 85 alike (for a description, its head word).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).translate(_MARKS).lower()


def norm_quote(s: str) -> str:
    s = re.sub(r"\s+", " ", fold(s)).strip()
    s = s.strip("\"' ")
    return re.sub(r"[\s.,;:!?…\"'–—-]+$", "", s)


def speaker_ok(gold: str, pred: str | None) -> bool:
    if not pred:
        return False
    g, p = fold(gold).split(), re.findall(r"[a-z0-9'’-]+", fold(pred))
    if g and g[-1] in p:
        return True
    return fuzz.token_set_ratio(fold(gold), fold(pred)) >= 85


def judge(gold: list[dict], predicted: list[dict], bodies: dict[str, str]) -> dict:
    """Returns found/right counts, the unmatched predictions and what went wrong."""
    problems, used = [], set()
    found = right = 0
    for g in gold:
        body = bodies[g["article"]]
        hit = None
        for n, p in enumerate(predicted):
            if p["article"] != g["article"]:
                continue
            for a, b in p["parts"]:
                if norm_quote(body[a:b]) == norm_quote(g["quote"]):
                    hit = n
                    break
            if hit is not None:
                break
        if hit is None:
            problems.append(f"missed: {g['quote'][:60]!r}")
            continue
        found += 1
        used.add(hit)
        if speaker_ok(g["speaker"], predicted[hit]["speaker"]):
            right += 1
        else:
            problems.append(f"speaker {predicted[hit]['speaker']!r} for {g['quote'][:40]!r}, gold {g['speaker']!r}")
    # One predicted quote may span only the parts of a single gold group.
    for n in used:
        p = predicted[n]
        body = bodies[p["article"]]
        groups = set()
        for a, b in p["parts"]:
            for g in gold:
                if g["article"] == p["article"] and norm_quote(g["quote"]) == norm_quote(body[a:b]):
                    groups.add(g.get("group", id(g)))
        if len(groups) > 1:
            problems.append(f"joins parts of different gold quotes: {p['quote'][:60]!r}")
    spurious = [p for n, p in enumerate(predicted) if n not in used]
    return {"gold": len(gold), "found": found, "right": right, "spurious": spurious, "problems": problems}
