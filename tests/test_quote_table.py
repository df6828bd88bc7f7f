"""Each construction the extractor must handle, in sentences written for these tests."""

import pytest

# (id, text, [(quote words, speaker or None, rule that found the speaker), ...])
CASES = [
    (
        "pronoun-after-a-lone-surname-taken-for-an-organisation",
        "Ferry service begins\n\nA ferry began crossing on Monday. “It is slower than the bridge, but it is free,” Mayor Lena Ortiz told reporters.\n\nBell said the transit authority would keep the "
        "boats running. “Nobody will be left on the wrong bank,” he said.",
        [
            ("It is slower than the bridge, but it is free,", "Lena Ortiz", "reporting-verb"),
            ("Nobody will be left on the wrong bank,", "Bell", "reporting-verb"),
        ],
    ),
    (
        "pronoun-after-an-organisation-subject",
        "Maria Lopez, the port's director, spoke first. The council agreed to fund the work, and she added that "
        "“every berth will be ready by May.”",
        [("every berth will be ready by May.", "Maria Lopez", "reporting-verb")],
    ),
    (
        "verb-elsewhere-in-sentence",
        "Tom Reyes spoke in Ohio on Friday.\n\nHe tells the workers: “I don’t want you to leave with the wrong idea.”",
        [("I don’t want you to leave with the wrong idea.", "Tom Reyes", "verb-in-sentence")],
    ),
    (
        "curly-double-trailing",
        "“We will rebuild the bridge,” Maria Lopez told reporters.",
        [("We will rebuild the bridge,", "Maria Lopez", "reporting-verb")],
    ),
    (
        "straight-double-colon",
        'The minister, Tom Baker, said: "Prices will fall next year."',
        [("Prices will fall next year.", "Tom Baker", "reporting-verb")],
    ),
    ("single-curly-inverted", "‘It is a disgrace,’ said Helen Ward.", [("It is a disgrace,", "Helen Ward", "reporting-verb")]),
    ("single-straight", "'We are ready,' said coach Sam Ortiz.", [("We are ready,", "Sam Ortiz", "reporting-verb")]),
    (
        "apostrophes-in-double",
        "“The dogs’ bowls weren’t clean,” said Ann Lee.",
        [("The dogs’ bowls weren’t clean,", "Ann Lee", "reporting-verb")],
    ),
    (
        "apostrophes-in-single",
        "‘The players’ union won’t accept it,’ said Ann Lee.",
        [("The players’ union won’t accept it,", "Ann Lee", "reporting-verb")],
    ),
    (
        "nested",
        "“He told me ‘never again’ and left,” said Rob Hall.",
        [("He told me ‘never again’ and left,", "Rob Hall", "reporting-verb")],
    ),
    (
        "split-around-attribution",
        "Jane Doe spoke after the vote. “We tried,” she said, “but it failed.”",
        [(("We tried,", "but it failed."), "Jane Doe", "reporting-verb")],
    ),
    (
        "over-paragraphs",
        "Mark Chen said the plan was ready.\n“The first phase starts in May.\n“The second phase follows in June,” he said.",
        [(("The first phase starts in May.", "The second phase follows in June,"), "Mark Chen", "reporting-verb")],
    ),
    (
        "partial-in-sentence",
        "Mayor Lisa Grant called the flooding “a catastrophe for the town.”",
        [("a catastrophe for the town.", "Lisa Grant", "reporting-verb")],
    ),
    (
        "pronoun-gender",
        "Paul Stone met Anna Reyes on Monday. Ms Reyes said the talks went well.\n“We found common ground,” she said.",
        [("We found common ground,", "Anna Reyes", "reporting-verb")],
    ),
    (
        "pronoun-skips-names-in-quote",
        "Jo Kim criticised the budget on Tuesday.\n“Minister Bob Hart’s plan is a disaster,” he added.",
        [("Minister Bob Hart’s plan is a disaster,", "Jo Kim", "reporting-verb")],
    ),
    (
        "description-by-role",
        "Reporters met UN spokesperson Kim Park on Monday. The spokesperson said the talks were “very constructive.”",
        [("very constructive.", "Kim Park", "reporting-verb")],
    ),
    (
        "description-of-topic-person",
        "António Guterres visited Kyiv on Tuesday. The UN chief said the war was “a tragedy for everyone.”",
        [("a tragedy for everyone.", "António Guterres", "reporting-verb")],
    ),
    (
        "indefinite-description-kept",
        "A government spokesperson said the plan was “under review.”",
        [("under review.", "a government spokesperson", "reporting-verb")],
    ),
    (
        "according-to",
        "The plan will go ahead “as soon as possible,” according to Deputy Minister Ravi Patel.",
        [("as soon as possible,", "Ravi Patel", "according-to")],
    ),
    (
        "statement-from",
        "The firm will “review all options,” according to a statement from chief executive Laura Bell.",
        [("review all options,", "Laura Bell", "according-to")],
    ),
    (
        "continuation-paragraph",
        "“We are not giving up,” said Omar Haddad.\n“There is too much at stake.”",
        [
            ("We are not giving up,", "Omar Haddad", "reporting-verb"),
            ("There is too much at stake.", "Omar Haddad", "carried-over"),
        ],
    ),
    ("no-speaker", "“Nothing lasts forever.”\nThe storm passed by noon.", [("Nothing lasts forever.", None, None)]),
    (
        "view-of-next-paragraph",
        "Courts “will not bow to public pressure” on sentencing.\nThis is the view of judge Alan Moore, who spoke on Monday.",
        [("will not bow to public pressure", "Alan Moore", "view-of-next")],
    ),
    (
        "org-acronym",
        "The National Union of Teachers (NUT) rejected the offer. “This is an insult,” the NUT said.",
        [("This is an insult,", "National Union of Teachers", "reporting-verb")],
    ),
    (
        "inverted-with-role",
        "“I am very pleased,” said defence lawyer Mark Steward.",
        [("I am very pleased,", "Mark Steward", "reporting-verb")],
    ),
    (
        "age-description",
        "Carol Hughes retired in May.\n‘It was time to go,’ the 64-year-old said.",
        [("It was time to go,", "Carol Hughes", "reporting-verb")],
    ),
    (
        "colon",
        "Mayor Lisa Grant spoke to the crowd on the square.\nGrant: “We will not give up.”",
        [("We will not give up.", "Lisa Grant", "colon")],
    ),
    # white space alone between a quote and a verb without a subject (an IndexError once)
    (
        "spaces-then-bare-verb",
        "Ann Lee was asked about it.\n“We are ready,”   said.",
        [("We are ready,", "Ann Lee", "subject-before")],
    ),
    (
        "tab-then-inverted-verb",
        "Sam Ortiz looked on.\n“It is over,”  \t  added the coach.",
        [("It is over,", "Sam Ortiz", "reporting-verb")],
    ),
    (
        "question-put-to-the-speaker",
        "When asked what she thought the rival’s “endgame” was, Ann Lee laughed and said, “Nobody knows.”",
        [("Nobody knows.", "Ann Lee", "reporting-verb")],
    ),
    (
        "joint-speakers-and-they",
        "Rivera and Okafor met on Monday. Rivera and Okafor said the talks were “a good start.”\n“We will meet again,” they added.",
        [
            ("a good start.", "Rivera and Okafor", "reporting-verb"),
            ("We will meet again,", "Rivera and Okafor", "reporting-verb"),
        ],
    ),
    (
        "nationality-as-description",
        "The Iranian minister, Reza Tavakoli, arrived late. The Iranian said the deal was “dead.”",
        [("dead.", "Reza Tavakoli", "reporting-verb")],
    ),
    (
        "attribute-from-apposition",
        "Carl Banks, a billionaire developer, spoke for an hour. The developer said the tower would be “the tallest in the state.”",
        [("the tallest in the state.", "Carl Banks", "reporting-verb")],
    ),
    ("a-thing-speaks", "The ad says Banks “cannot be trusted.”", [("cannot be trusted.", "The ad", "reporting-verb")]),
    (
        "a-sign-reads",
        "Protesters gathered outside. One sign read “Banks must go.”",
        [("Banks must go.", "One sign", "reporting-verb")],
    ),
    (
        "any-verb-with-a-person-subject",
        "Moore thanked the mayor for “stepping up when nobody else would.”",
        [("stepping up when nobody else would.", "Moore", "other-verb")],
    ),
    (
        "bare-attribution-after-a-question",
        "Reporters asked about the vote. “Will you run again?” Ann Lee shot back.",
        [("Will you run again?", "Ann Lee", "attribution-after")],
    ),
    (
        "date-is-not-a-speaker",
        "Saturday at the state convention Sen. Ellen Marsh said the plan was a “proven failure” in business.",
        [("proven failure", "Ellen Marsh", "reporting-verb")],
    ),
    (
        "name-set-off-by-commas",
        "“They simply do not listen,” Ramos, 58, told reporters on Monday.",
        [("They simply do not listen,", "Ramos", "reporting-verb")],
    ),
    (
        "colon-ends-a-clause",
        "Carl Banks gave a long speech in the interview with the Daily Planet: “It is going to be a long fight.”",
        [("It is going to be a long fight.", "Carl Banks", "other-verb")],
    ),
    (
        "subject-of-the-sentence-before",
        "The crowd waited for an hour. Dianne Bystrom agreed with the organisers.\n“Voters here want to meet the candidates in person.”",
        [("Voters here want to meet the candidates in person.", "Dianne Bystrom", "subject-before")],
    ),
    (
        "credit-line",
        "The rally ended late.\n“We will keep fighting until the very end of this race.”\n— Bernie Sanders",
        [("We will keep fighting until the very end of this race.", "Bernie Sanders", "credit-line")],
    ),
    (
        "inner-and-outer-marks-with-a-space",
        '“She was right about ‘the long road,’ " said Tom Hale. “Nobody saw it then."',
        [
            ("She was right about ‘the long road,’", "Tom Hale", "reporting-verb"),
            ("Nobody saw it then.", "Tom Hale", "carried-over"),
        ],
    ),
    (
        "words-in-marks-never-speak",
        "Texas delegate Bill Eastland, wearing “Vote Banks” pins, said the convention was “a mess.”",
        [("a mess.", "Bill Eastland", "reporting-verb")],
    ),
    (
        "place-in-brackets-is-not-the-speaker",
        "Gov. John Kasich (R-OH), speaking in Berea, OH, said the plan was “a disaster for working families.”",
        [("a disaster for working families.", "John Kasich", "reporting-verb")],
    ),
    (
        "opening-mark-and-a-space",
        'The hearing ran late. " We will appeal the ruling," said Maria Lopez.',
        [("We will appeal the ruling,", "Maria Lopez", "reporting-verb")],
    ),
    (
        "carry-over-yields-to-another-speaker",
        "Ann Lee spoke first.\n\n“It was a good day,” she said.\n\nBob Ray spoke next. He was less happy.\n\n“It was a bad day.”",
        [("It was a good day,", "Ann Lee", "reporting-verb"), ("It was a bad day.", "Bob Ray", "subject-before")],
    ),
    (
        "second-verb-starts-its-own-quote",
        "“Rates will rise,” Ann Lee said, adding that the bank would be “very careful.”",
        [("Rates will rise,", "Ann Lee", "reporting-verb"), ("very careful.", "Ann Lee", "reporting-verb")],
    ),
    (
        "transcript",
        "The senator spoke with host Jorge Ramos. Part of the exchange:\n\n“RAMOS: Did you know about the emails?\n\n“WARREN: No, I did not.”\n\nElizabeth Warren left.",
        [
            ("RAMOS: Did you know about the emails?", "Jorge Ramos", "transcript-label"),
            ("WARREN: No, I did not.", "Elizabeth Warren", "transcript-label"),
        ],
    ),
    # not quotes
    ("scare-quote-modifier", "The “low-cost” airline expanded into Spain.", []),
    ("scare-quote-possessive", "Nobody knows what Putin’s “endgame” is.", []),
    ("nickname", "The missile, dubbed “Satan 2” by analysts, was tested.", []),
    ("so-called", "The so-called “peace plan” was rejected by both sides.", []),
    ("title-of-work", "She starred in “The Long Road Home” last year and won an award.", []),
    ("caps-crosshead", "TALKS ‘CLOSE TO COLLAPSE’, OFFICIAL SAYS\nThe negotiations resumed on Friday in Geneva.", []),
    ("show-title-with-its-comma", "Senator Ellen Marsh appeared on “Meet the Press,” where she defended the bill.", []),
    ("known-as", "The hacker, known as “Ghostwriter,” was arrested in Bucharest.", []),
    ("song-title", "The band played “All Right Now” as the crowd cheered.", []),
    (
        "headline-above-a-blank-line",
        "Marsh: ‘We will win this fight.’\n\nSenator Ellen Marsh spoke in Boston on Tuesday about the bill.",
        [],
    ),
    ("headline-line", "‘We will win’: the candidate who never gives up\nThe campaign began in a small town hall.", []),
]


def _words(parts, body):
    return tuple(body[a:b] for a, b in parts)


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_construction(annotate_text, text, expected):
    ann = annotate_text(text)
    got = []
    for q in ann.quotes:
        words = _words(q.parts, text)
        got.append((words[0] if len(words) == 1 else words, q.speaker, q.rule))
    assert got == expected
    for q in ann.quotes:  # a speaker always comes with a confidence, and no speaker with none
        assert (q.confidence in ("high", "medium", "low")) == (q.speaker is not None)


def test_every_rule_has_a_construction():
    """A rule in the table is shown at work by at least one row above."""
    from reader.nlp.rules import RULES

    shown = {rule for case in CASES for _, _, rule in case[2]}
    assert {name for name, _ in RULES} - shown == set()
