"""Search speed and quality: keystroke latency of the index at 100,000 entries, and recall.

    python bench/search.py [N]        (default N = 100000)

Builds N generated entries (at least 20,000 distinct person names, with accents; organisations,
places, topics, quotes, titles and paragraphs composed from word lists), then types 50 queries
character by character (a third with a typo, a third with accents dropped or added, a third as
written) and times ``SearchIndex.search`` at every keystroke. Recall@10 compares the index's top
ten with ``SearchIndex.exhaustive`` (the same ranking computed entry by entry, no index, ties by
score, then weight, then text) on every full query and on 100 sampled prefixes. When fzf is
installed, ``fzf --filter`` is timed on the same entries for the full queries. The last line is
``p50_ms=... p95_ms=... recall10=... fzf_ms=...``.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.index import Entry, SearchIndex  # noqa: E402

FIRST = """James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty
Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle
Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca Edward Laura
Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen Nicholas Amy Eric Shirley Jonathan Angela
Stephen Anna Larry Ruth Justin Brenda Scott Pamela Brandon Nicole Benjamin Katherine Samuel
Virginia Gregory Catherine Frank Christine Alexander Samantha Raymond Debra Patrick Janet Jack
Rachel Dennis Carolyn Jerry Emma Tyler Maria Aaron Heather José François Zoë Łukasz Søren Ngozi
Chidi Aiyana Haruto Yuki Mei Wei Priya Arjun Aditi Rahul Fatima Omar Layla Youssef Amara Kwame
Ingrid Björn Åsa Mikael Sven Olga Dmitri Ivana Milan Zoran Nikolai Volodymyr Oksana Andriy Ewa
Krzysztof Agnieszka Tomás Inés Álvaro Lucía Joaquín Renée Hélène Noël Chloé Émile Gaël Thérèse
Jürgen Günter Jörg Käthe Mónica Raúl Sebastián Ximena Thiago Camila Mateus Leilani Kai Moana
Tane Aroha Siosaia Mele Ana Malia Lorenzo Giulia Matteo Chiara Niccolò Ilaria Kofi Abena Yaw
Esi Kojo Efua Tariq Nadia Samir Leila Rashid Hana Kenji Sakura Takumi Aoi Minho Jiwoo Seo""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Guterres Zelensky
Dujarric Müller Schäfer Bäcker Ødegaard Østergaard Łukaszewski Wójcik Kowalski Nowak Dvořák
Novák Horváth Kovačević Petrović Jovanović Ivanova Smirnov Kuznetsov Popov Sokolov Lebedev
Kozlov Novikov Morozov Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Oliynyk Lysenko
Rudenko Savchenko Pereira Gonçalves Araújo Ribeiro Carvalho Gomes Martins Rocha Sousa Almeida
Fernández Jiménez Muñoz Álvarez Romero Navarro Domínguez Gutiérrez Ruiz Díaz Moreno Núñez
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi
Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola
DeSantis Dubois Lefèvre Lefebvre Mercier Girard Bonnet Chevalier François Rousseau Fournier
Okafor Okonkwo Adeyemi Mensah Owusu Boateng Asante Osei Nkosi Dlamini Ndlovu Khumalo Mokoena
Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Kim
Park Choi Jung Kang Cho Yoon Jang Lim Han Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun
Ma Zhu Hu Guo He Lin Luo Singh Kumar Sharma Patel Gupta Reddy Iyer Nair Menon Rao Das Bose
Chatterjee Mukherjee Banerjee Khan Ahmed Hussain Rahman Ali Hassan Ibrahim Mahmoud Haddad Khoury
Nasser Saleh Aziz Karimi Hosseini Rahimi Moradi Jafari Yilmaz Kaya Demir Şahin Çelik Yıldız
Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Larsen Hansen Nielsen Jensen Pedersen Andersen
Kristiansen Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Lindqvist Lindberg Virtanen Korhonen Mäkinen Nieminen Hämäläinen Koskinen Heikkinen""".split()
ADJ = """new old national regional local global economic political social public private
humanitarian military civil foreign domestic urban rural coastal northern southern eastern
western central federal municipal digital green renewable nuclear strategic emergency annual
historic rising falling sharp quiet fragile lasting temporary permanent unexpected""".split()
NOUN = """evacuation ceasefire budget election policy reform strike protest vaccine harbour bridge
railway airport tariff subsidy pension housing drought flood wildfire earthquake ceasefire
convoy corridor sanction summit treaty negotiation referendum inquiry verdict sentencing trial
appeal investment merger layoff dividend inflation recession recovery growth deficit surplus
tourism festival exhibition museum stadium championship tournament transfer season coach league
hospital clinic school university research discovery villa excavation telescope satellite
mission launch reactor pipeline refinery mine forest river reservoir council parliament ministry""".split()
ORG = """Council Ministry Board Agency Commission Authority Union Party Institute Foundation Bank
Group Association Federation Court Trust Service Office Bureau Alliance""".split()
PLACE = """Kyiv Mariupol Geneva Brussels Nairobi Lagos Accra Lima Quito Oslo Bergen Turku Kraków
Gdańsk Poznań Brno Plzeň Zagreb Split Sarajevo Skopje Tirana Tbilisi Yerevan Baku Almaty Tashkent
Dhaka Chennai Pune Kochi Colombo Kandy Hanoi Huế Manila Cebu Osaka Sapporo Busan Incheon Perth
Hobart Rotorua Dunedin Wellington Auckland Cape Town Durban Windhoek Lusaka Harare Maputo""".split()


def make_entries(n: int, rng: random.Random) -> tuple[list[Entry], list[str]]:
    names = sorted({f"{f} {s}" for f in FIRST for s in LAST})
    rng.shuffle(names)
    people = names[: max(20_000, n // 5)]
    entries: list[Entry] = []

    def weight() -> int:
        return max(1, int(rng.paretovariate(1.2)))

    for name in people:  # speakers and person entities
        entries.append(Entry("speaker", name, weight(), (name,)))
    k = 0
    while len(entries) < n:
        k += 1
        r = rng.random()
        if r < 0.2:
            text = f"{rng.choice(PLACE)} {rng.choice(ADJ).title()} {rng.choice(ORG)}"
            entries.append(Entry("entity", text, weight(), ("org", k)))
        elif r < 0.45:
            text = f"{rng.choice(ADJ)} {rng.choice(NOUN)}" + (f" {rng.choice(NOUN)}" if rng.random() < 0.4 else "")
            entries.append(Entry("topic", text, weight(), ("topic", k)))
        elif r < 0.65:
            text = f"The {rng.choice(ADJ)} {rng.choice(NOUN)} will {rng.choice(['not ', ''])}{rng.choice(['help', 'hurt', 'change', 'end'])} the {rng.choice(NOUN)} in {rng.choice(PLACE)}"
            entries.append(Entry("quote", text, 1, ("quote", k)))
        elif r < 0.8:
            text = f"{rng.choice(people)} {rng.choice(['warns', 'says', 'calls for', 'rejects'])} {rng.choice(ADJ)} {rng.choice(NOUN)}"
            entries.append(Entry("article", text, 1, ("article", k)))
        else:
            words = [rng.choice(ADJ + NOUN) for _ in range(rng.randint(12, 30))]
            text = " ".join(words) + f" in {rng.choice(PLACE)}, said {rng.choice(people)}."
            entries.append(Entry("text", text, 1, ("text", k)))
    return entries, people


_ACCENTED = str.maketrans("aeiouncAEIOU", "áéíóúñçÁÉÍÓÚ")


def queries(people: list[str], entries: list[Entry], rng: random.Random) -> list[str]:
    out = []
    topics = [e.text for e in entries if e.kind == "topic"]
    for i in range(50):
        target = rng.choice(people) if i % 5 else rng.choice(topics)
        words = target.split()
        q = " ".join(words[-1:]) if rng.random() < 0.5 else target
        if i % 3 == 0 and len(q) > 5:  # a typo: drop, swap or replace a letter
            j = rng.randrange(1, len(q) - 1)
            q = rng.choice([q[:j] + q[j + 1 :], q[:j] + q[j + 1] + q[j] + q[j + 2 :], q[:j] + "e" + q[j + 1 :]])
        elif i % 3 == 1:  # accents dropped, or added where there were none
            import unicodedata

            plain = "".join(c for c in unicodedata.normalize("NFKD", q) if not unicodedata.combining(c))
            q = plain if plain != q else q.translate(_ACCENTED)
        out.append(q.lower() if rng.random() < 0.5 else q)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(11)
    entries, people = make_entries(n, rng)
    distinct_names = len({e.text for e in entries if e.kind == "speaker"})
    start = time.perf_counter()
    index = SearchIndex(entries)
    index.search("warm up")
    build = time.perf_counter() - start
    print(f"entries={len(index)} distinct_names={distinct_names} build_s={build:.2f}")
    qs = queries(people, entries, rng)
    times, prefixes = [], []
    for q in qs:
        for k in range(1, len(q) + 1):
            t = time.perf_counter()
            index.search(q[:k], limit=10)
            times.append((time.perf_counter() - t) * 1000)
            prefixes.append(q[:k])
    p50, p95 = pct(times, 50), pct(times, 95)
    print(f"keystrokes={len(times)} p50_ms={p50:.2f} p95_ms={p95:.2f} max_ms={max(times):.2f}")

    sample = qs + rng.sample(prefixes, min(100, len(prefixes)))
    recalls = []
    for q in sample:
        got = {h.index for h in index.search(q, 10)}
        want = {h.index for h in index.exhaustive(q, 10)}
        recalls.append(len(got & want) / len(want) if want else 1.0)
    recall = statistics.mean(recalls)
    print(f"recall@10 over {len(sample)} queries (50 full, {len(sample) - 50} prefixes) = {recall:.3f}")

    fzf_ms = "NA"
    if shutil.which("fzf"):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(e.text for e in entries))
            path = fh.name
        runs = []
        for q in qs:
            t = time.perf_counter()
            with open(path, "rb") as src:
                subprocess.run(["fzf", "--filter", q], stdin=src, stdout=subprocess.DEVNULL, check=False)
            runs.append((time.perf_counter() - t) * 1000)
        fzf_ms = f"{statistics.median(runs):.1f}"
        print(f"fzf --filter (whole process, full queries): median {fzf_ms} ms, p95 {pct(runs, 95):.1f} ms")
    else:
        print("fzf not installed (apt-get install fzf): not compared")
    scale = ROOT / "bench" / "corpus-10000"
    if not scale.exists():
        print("the 10,000-article library of the scale issue does not exist yet: not run on it")
    print(f"p50_ms={p50:.2f} p95_ms={p95:.2f} recall10={recall:.3f} fzf_ms={fzf_ms}")


if __name__ == "__main__":
    main()
