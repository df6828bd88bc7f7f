"""Each construction the extractor must handle, in sentences written for these tests."""

import pytest

# (id, text, [(quote words, speaker or None, rule that found the speaker), ...])
CASES = [
    ('curly-double-trailing', '“We will rebuild the bridge,” Maria Lopez told reporters.',
     [('We will rebuild the bridge,', 'Maria Lopez', 'reporting-verb')]),
    ('straight-double-colon', 'The minister, Tom Baker, said: "Prices will fall next year."',
     [('Prices will fall next year.', 'Tom Baker', 'reporting-verb')]),
    ('single-curly-inverted', '‘It is a disgrace,’ said Helen Ward.',
     [('It is a disgrace,', 'Helen Ward', 'reporting-verb')]),
    ('single-straight', "'We are ready,' said coach Sam Ortiz.",
     [('We are ready,', 'Sam Ortiz', 'reporting-verb')]),
    ('apostrophes-in-double', '“The dogs’ bowls weren’t clean,” said Ann Lee.',
     [('The dogs’ bowls weren’t clean,', 'Ann Lee', 'reporting-verb')]),
    ('apostrophes-in-single', '‘The players’ union won’t accept it,’ said Ann Lee.',
     [('The players’ union won’t accept it,', 'Ann Lee', 'reporting-verb')]),
    ('nested', '“He told me ‘never again’ and left,” said Rob Hall.',
     [('He told me ‘never again’ and left,', 'Rob Hall', 'reporting-verb')]),
    ('split-around-attribution', 'Jane Doe spoke after the vote. “We tried,” she said, “but it failed.”',
     [(('We tried,', 'but it failed.'), 'Jane Doe', 'reporting-verb')]),
    ('over-paragraphs', 'Mark Chen said the plan was ready.\n“The first phase starts in May.\n“The second phase follows in June,” he said.',
     [(('The first phase starts in May.', 'The second phase follows in June,'), 'Mark Chen', 'reporting-verb')]),
    ('partial-in-sentence', 'Mayor Lisa Grant called the flooding “a catastrophe for the town.”',
     [('a catastrophe for the town.', 'Lisa Grant', 'reporting-verb')]),
    ('pronoun-gender', 'Paul Stone met Anna Reyes on Monday. Ms Reyes said the talks went well.\n“We found common ground,” she said.',
     [('We found common ground,', 'Anna Reyes', 'reporting-verb')]),
    ('pronoun-skips-names-in-quote', 'Jo Kim criticised the budget on Tuesday.\n“Minister Bob Hart’s plan is a disaster,” he added.',
     [('Minister Bob Hart’s plan is a disaster,', 'Jo Kim', 'reporting-verb')]),
    ('description-by-role', 'Reporters met UN spokesperson Kim Park on Monday. The spokesperson said the talks were “very constructive.”',
     [('very constructive.', 'Kim Park', 'reporting-verb')]),
    ('description-of-topic-person', 'António Guterres visited Kyiv on Tuesday. The UN chief said the war was “a tragedy for everyone.”',
     [('a tragedy for everyone.', 'António Guterres', 'reporting-verb')]),
    ('indefinite-description-kept', 'A government spokesperson said the plan was “under review.”',
     [('under review.', 'a government spokesperson', 'reporting-verb')]),
    ('according-to', 'The plan will go ahead “as soon as possible,” according to Deputy Minister Ravi Patel.',
     [('as soon as possible,', 'Ravi Patel', 'according-to')]),
    ('statement-from', 'The firm will “review all options,” according to a statement from chief executive Laura Bell.',
     [('review all options,', 'Laura Bell', 'according-to')]),
    ('continuation-paragraph', '“We are not giving up,” said Omar Haddad.\n“There is too much at stake.”',
     [('We are not giving up,', 'Omar Haddad', 'reporting-verb'), ('There is too much at stake.', 'Omar Haddad', 'carried-over')]),
    ('no-speaker', '“Nothing lasts forever.”\nThe storm passed by noon.',
     [('Nothing lasts forever.', None, None)]),
    ('view-of-next-paragraph', 'Courts “will not bow to public pressure” on sentencing.\nThis is the view of judge Alan Moore, who spoke on Monday.',
     [('will not bow to public pressure', 'Alan Moore', 'view-of-next')]),
    ('org-acronym', 'The National Union of Teachers (NUT) rejected the offer. “This is an insult,” the NUT said.',
     [('This is an insult,', 'National Union of Teachers', 'reporting-verb')]),
    ('inverted-with-role', '“I am very pleased,” said defence lawyer Mark Steward.',
     [('I am very pleased,', 'Mark Steward', 'reporting-verb')]),
    ('age-description', 'Carol Hughes retired in May.\n‘It was time to go,’ the 64-year-old said.',
     [('It was time to go,', 'Carol Hughes', 'reporting-verb')]),
    ('colon', 'Mayor Lisa Grant spoke to the crowd on the square.\nGrant: “We will not give up.”',
     [('We will not give up.', 'Lisa Grant', 'colon')]),
    # white space alone between a quote and a verb without a subject (an IndexError once)
    ('spaces-then-bare-verb', 'Ann Lee was asked about it.\n“We are ready,”   said.',
     [('We are ready,', 'Ann Lee', 'subject-before')]),
    ('tab-then-inverted-verb', 'Sam Ortiz looked on.\n“It is over,”  \t  added the coach.',
     [('It is over,', 'Sam Ortiz', 'reporting-verb')]),
    # not quotes
    ('scare-quote-modifier', 'The “low-cost” airline expanded into Spain.',
     []),
    ('scare-quote-possessive', 'Nobody knows what Putin’s “endgame” is.',
     []),
    ('nickname', 'The missile, dubbed “Satan 2” by analysts, was tested.',
     []),
    ('so-called', 'The so-called “peace plan” was rejected by both sides.',
     []),
    ('title-of-work', 'She starred in “The Long Road Home” last year and won an award.',
     []),
    ('caps-crosshead', 'TALKS ‘CLOSE TO COLLAPSE’, OFFICIAL SAYS\nThe negotiations resumed on Friday in Geneva.',
     []),
    ('headline-line', '‘We will win’: the candidate who never gives up\nThe campaign began in a small town hall.',
     []),
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
