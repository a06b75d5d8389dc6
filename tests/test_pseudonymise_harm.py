"""Words that disclose harm are no one's name: the pseudonymiser keeps them, capitalised at the
start of a sentence or inside one, and the safeguarding screen still reads the disclosure in the
pseudonymised text. Names beside them are still masked. Every comment here is fictional."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import pseudonymise
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.harm import drop_harm_words, harm_words_in, only_harm_words
from carevoice.safeguarding import SafeguardingConfig, screen_comments
from carevoice.safeguarding.vocabulary import HARM_PHRASES, HARM_WORDS, NAMES_TOO

#: Disclosures whose word of harm the pseudonymiser masked as a name before (capitalised at a
#: sentence start or in the middle), and the words that must survive.
MUST_KEEP = [
    ("Cuckooing happened to me in my first flat and nobody moved me for months.", "Cuckooing"),
    ("A group took over my flat for their business. Cuckooing, they call it.", "Cuckooing"),
    ("Nobody at housing believed me about the Cuckooing, I waited ages for a move.",
     "Cuckooing"),
    ("After the Cuckooing in my flat the council made me wait to be moved.", "Cuckooing"),
    ("They said it was Grooming and I didn't see it at the time.", "Grooming"),
    ("He was Shotting on the estate and wanted me to hold the phone.", "Shotting"),
    ("My mate got pulled into County Lines last year, they sent him to the coast.",
     "County Lines"),
    ("Trapping is what the olders made me do when I was fourteen.", "Trapping"),
    ("Plugging was what they made us do on the train.", "Plugging"),
    ("I was Cuckooed twice in my last tenancy.", "Cuckooed"),
    ("Sextortion happened to my friend online and it's still going on.", "Sextortion"),
    ("They said the Opps are looking for me since the summer.", "Opps"),
    ("Bailiffs came round again and I've got no electric.", "Bailiffs"),
    ("Overdose was how I ended up in hospital last month.", "Overdose"),
    ("Self-Harm is something I still do when it gets bad.", "Self-Harm"),
    ("My social worker called it Exploitation but I thought they were my friends.",
     "Exploitation"),
]

#: Names, places and organisations beside such words: still masked.
STILL_MASKED = [
    ("I live on Cuckoo Lane with Tyrone now.", ["Cuckoo Lane", "Tyrone"]),
    ("Kai Grooming me was the worst thing.", ["Kai"]),
    ("Me and Rambo went to the shop.", ["Rambo"]),
    ("Cuckooing happened at my flat and Jaylen from my course helped me move.", ["Jaylen"]),
]


@pytest.fixture(scope="module")
def pseudonymised():
    texts = [t for t, _ in MUST_KEEP] + [t for t, _ in STILL_MASKED]
    comments = pd.DataFrame({"comment_id": [f"k{i}" for i in range(len(texts))],
                             "respondent_id": [f"r{i}" for i in range(len(texts))],
                             "text": texts})
    return comments, pseudonymise(comments).comments


def test_words_of_harm_are_kept(pseudonymised):
    _, out = pseudonymised
    for (_, word), text in zip(MUST_KEEP, out["text"], strict=False):
        assert word in text, word


def test_names_beside_them_are_still_masked(pseudonymised):
    _, out = pseudonymised
    for (_, names), text in zip(STILL_MASKED, out["text"].iloc[len(MUST_KEEP):], strict=True):
        for name in names:
            assert name not in text, name
        assert "[" in text


def test_the_screen_reads_the_disclosures_after_pseudonymisation(pseudonymised):
    """The flags on the pseudonymised text are those on the text as written."""
    comments, out = pseudonymised
    rules = SafeguardingConfig(similarity=False)
    keep = comments["comment_id"].iloc[:len(MUST_KEEP)]
    raw = screen_comments(comments[comments["comment_id"].isin(keep)], rules)
    masked = screen_comments(out[out["comment_id"].isin(keep)], rules)
    assert set(raw["comment_id"]) >= {"k0", "k1", "k2", "k3", "k9"}  # the cuckooing ones
    pairs = ["comment_id", "category", "level"]
    assert masked[pairs].values.tolist() == raw[pairs].values.tolist()


@pytest.fixture(scope="module")
def every_word():
    words = sorted(HARM_WORDS)
    texts = [f"{w.capitalize()} happened to me." for w in words] + [
        f"They said it was {w.capitalize()} and I believed them." for w in words] + [
        f"They said it was {' '.join(x.capitalize() for x in p)} and I believed them."
        for p in HARM_PHRASES]
    comments = pd.DataFrame({"comment_id": [f"w{i}" for i in range(len(texts))],
                             "text": texts})
    return texts, pseudonymise(comments).comments["text"].tolist()


def test_no_word_of_the_vocabulary_is_masked_capitalised(every_word):
    """Every word and phrase of the vocabulary, capitalised at the start of a sentence and
    inside one, comes out as it went in."""
    texts, out = every_word
    changed = [t for t, o in zip(texts, out, strict=True) if t != o]
    assert changed == []


def test_the_vocabulary_holds_no_name_or_place():
    from carevoice.pseudonymise.lexicons import (
        NICKNAMES,
        UK_CHILD_NAMES,
        WORD_NAMES,
        first_names,
        surnames,
        uk_places,
    )

    words = HARM_WORDS | {w for p in HARM_PHRASES for w in p if w in HARM_WORDS}
    for lexicon in (first_names(), surnames(), uk_places(), NICKNAMES, UK_CHILD_NAMES,
                    WORD_NAMES, NAMES_TOO):
        assert not words & set(lexicon)
    assert all(w == w.lower() and "'" not in w for w in HARM_WORDS)


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("Cuckooing happened", 0, 9, True),
    ("the Cuckooing happened", 0, 13, True),
    ("got into County Lines", 9, 21, True),
    ("got into County Lines", 16, 21, True),   # "Lines" of "County Lines"
    ("Lines at school", 0, 5, False),          # "Lines" alone is a word, not harm
    ("County Durham", 0, 13, False),
    ("Self-Harm again", 0, 9, True),
    ("The Cuckooing's end", 0, 15, True),
    ("Cuckoo Lane", 0, 11, False),
    ("Kai Grooming me", 0, 12, False),         # a name beside it: the span stays
    ("Rambo said", 0, 5, False),               # a word of the rules that is a nickname too
    ("the a an", 0, 9, False),                 # articles alone
])
def test_only_harm_words(text, start, end, expected):
    assert only_harm_words(text, start, end) is expected


def test_harm_words_in_reads_phrases_only_whole():
    text = "County. Lines, then county lines and COUNTY-LINES"
    assert [text[s:e] for s, e in harm_words_in(text)] == ["county", "lines", "COUNTY",
                                                           "LINES"]


def test_drop_harm_words_keeps_identifiers_and_names():
    comments = pd.DataFrame({"comment_id": ["c1"],
                             "text": ["Cuckooing at 12 Cuckoo Lane, ring Kai on 07700 900123"]})
    spans = spans_frame([("c1", 0, 9, "PERSON", 0.45, "names"),
                         ("c1", 13, 24, "ADDRESS", 0.9, "patterns"),
                         ("c1", 31, 34, "PERSON", 0.9, "names"),
                         ("c1", 38, 51, "PHONE", 1.0, "patterns")])
    kept = drop_harm_words(comments, spans)
    assert kept["start"].tolist() == [13, 31, 38]
    assert drop_harm_words(comments, spans_frame([])).empty
