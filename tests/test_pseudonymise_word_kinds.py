"""Ordinary words that are also names, used as words, are not masked; the same words said of a
person are (DESIGN.md: "when in doubt, mask").

Classes: a month or a season before "is" or "was" and what it is (exams, results, a term, a
holiday, a birthday, the weather), "nino" for a National Insurance number, a word-name opening
a sentence at a capital before the noun it describes or a fixed phrase ("Frank advice", "Grace
period"), an abstract noun that is "the only thing" or "something i believe in", a name that is
more often a thing before the noun it is the kind of ("rose bushes"), a verb before its object
("sue them"), music genres ("R&B", "Grime"), and a country read as an organisation, which is a
place.

All comments are fictional, written for this table (not taken from the audits).
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import detect_pii
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise._word_kinds import (
    countries_as_places,
    country_names,
    drop_emoticons,
    drop_music_genres,
    emoticons_in,
    only_music_genres,
)
from carevoice.pseudonymise._word_name_use import names_an_identifier

#: Word-names used as words: nothing in them is masked.
AS_WORDS = [
    'may is always exam season for me',
    'june is results month and im scared',
    'april is when my birthday is',
    'august is hot and we go to the park',
    'may is revision time at my school',
    'june was exams then the holidays',
    'april was wet and cold',
    'august is the summer holidays so no school',
    'summer is when i see my brother',
    'winter is freezing in my flat',
    'june is my birthday month',
    'May is exam season again',
    'June is when the GCSE results come out',
    'april is half term then easter',
    'may is mental health month',
    'august is usually hot',
    'summer is the holidays and i get bored',
    'winter is cold and dark here',
    'june is sunny most of the time',
    'may is when the mocks are',
    'autumn is school again',
    'i need my nino for the job',
    'what is a nino anyway',
    'my pa helped me get my nino',
    'nino number is on the letter',
    'i lost my nino card',
    'do u need a nino to work',
    'Frank conversation with my iro today',
    'Frank advice from my pa helped',
    'Grace period on the phone contract ended',
    'Sunny days make me happy',
    'Charity shop clothes are fine',
    'charity shops are where i get my clothes',
    'Will power is what got me through',
    'faith is the one thing i hold on to',
    'joy is a thing i dont feel much',
    'i listen to R&B when im sad',
    'Grime and Drill are my favourite music',
    'i love afrobeats and dancehall',
    'Hip Hop helps me calm down',
    'my carer hates RnB',
    'K-pop is all i listen to',
    'i do drill music with my mates',
    'i make grime and uk rap',
    'Reggae is what my dad plays',
    'Gospel at church on sunday is nice',
    'i listen to Soul and Blues',
    'Sunny weather cheers me up',
    'Sunny mornings are the best',
    'Crystal clear they dont care',
    'i got ruby red nails done',
    'i went to A&E after the fight',
    'hope is the only thing that keeps me going',
    'Hope of moving home keeps me going',
    'no joy from the council about my flat',
    'summer holidays are long in care',
    'may half term we went to the beach',
    'june exams were hard',
    'Summer is the best time of year',
    'may was results day and i cried',
    'Rose tinted glasses are off now',
    'patience is a thing i dont have',
    # a thing before the noun it names the kind of, a fixed phrase, weather that is all
    # there is, what one believes, a verb done to someone
    "rose bushes in the garden",
    "wood floors in my flat",
    "Comfort food helps me",
    "Stone cold my flat is",
    "star sign stuff is rubbish",
    "rain is all we get here",
    "Miles away from my family",
    "cherry trees outside my window",
    "art class is the best bit of school",
    "destiny is not something i believe in",
    "mercy is not what the court showed",
    "justice is something we never got",
    "sue them if they do it again",
    "chase them up about my money",
    "Sue them for what they did",
    "grant them permission for sleepovers",
    "june is in the summer",
    "may is in spring",
]

#: The same words as people's names: the name is masked.
AS_NAMES = [
    ('may is my cousin', 'may'),
    ('june is my key worker', 'june'),
    ('april is in my class', 'april'),
    ('august is my foster brother', 'august'),
    ('june is kind and funny', 'june'),
    ('summer is my sister', 'summer'),
    ('june is my friend and her birthday is soon', 'june'),
    ('nino is my best mate', 'nino'),
    ('me and nino went out', 'nino'),
    ('nino rang me last night', 'nino'),
    ('my mate nino lives near me', 'nino'),
    ('Frank was my pa for ages', 'Frank'),
    ('Frank said i could go', 'Frank'),
    ('Grace is my carer', 'Grace'),
    ('grace helped me with my forms', 'grace'),
    ('Hope from the team rang me', 'Hope'),
    ('hope is my sister', 'hope'),
    ('faith is in my class', 'faith'),
    ('Sunny rang me yesterday', 'Sunny'),
    ('charity is my cousin', 'charity'),
    ('Will came to see me', 'Will'),
    ('Jazz is my best mate', 'Jazz'),
    ('i went to the park with Jazz', 'Jazz'),
    ('Jordan rang me last night', 'Jordan'),
    ('Georgia is my sister', 'Georgia'),
    ('may said i could stay over', 'may'),
    ('april texted me', 'april'),
    ('august is my bf', 'august'),
    ('summer is my best friend', 'summer'),
    ('faith is my best mate', 'faith'),
    ('hope is in my form', 'hope'),
    ('may is my mate from school', 'may'),
    ("rose texts me every night", "rose"),
    ("river walks to school with me", "river"),
    ("star is my best mate", "star"),
    ("wood from my old home rang me", "wood"),
    ("storm came round yesterday", "storm"),
    ("honey sat next to me", "honey"),
    ("rose phone got nicked", "rose"),
    ("Miles rang me", "Miles"),
    ("Stone is my key worker", "Stone"),
    ("destiny is my sister", "destiny"),
    ("joy is something else she is", "joy"),
    ("sue said i could go", "sue"),
    ("chase is my little brother", "chase"),
    ("Sue and them lot went out", "Sue"),
    ("sue her mum rang me", "sue"),
    # a month said of a person's ways, year group or family (left whole at main)
    ("may was nice to me", "may"),
    ("may is with her mum at the weekend", "may"),
    ("june is in year 9 with me", "june"),
    ("april was always kind to me", "april"),
    ("june is in the summer holidays with her mum", "june"),
]

#: A National Insurance number after "nino": the number is masked, "nino" is not.
NINO_NUMBERS = [
    ("my nino is QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("nino: qq123456c", "qq123456c"),
]


@pytest.fixture(scope="module")
def marked() -> dict[str, list[tuple[int, int, str]]]:
    texts = AS_WORDS + [t for t, _ in AS_NAMES] + [t for t, _ in NINO_NUMBERS]
    frame = pd.DataFrame({"comment_id": [f"w{i}" for i in range(len(texts))], "text": texts})
    spans = detect_pii(frame)
    out: dict[str, list[tuple[int, int, str]]] = {t: [] for t in texts}
    for cid, start, end, label in spans[["comment_id", "start", "end", "label"]].itertuples(
            index=False):
        out[texts[int(cid[1:])]].append((int(start), int(end), str(label)))
    return out


def test_the_table_is_large_enough() -> None:
    assert len(AS_WORDS) >= 60 and len(AS_NAMES) >= 30
    assert len(set(AS_WORDS)) == len(AS_WORDS)


@pytest.mark.model
@pytest.mark.parametrize("text", AS_WORDS)
def test_a_word_name_used_as_a_word_is_not_masked(marked, text: str) -> None:
    assert marked[text] == [], [text[s:e] for s, e, _ in marked[text]]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), AS_NAMES)
def test_the_same_word_said_of_a_person_is_masked(marked, text: str, name: str) -> None:
    start = text.index(name)
    assert any(s <= start and start + len(name) <= e and label == "PERSON"
               for s, e, label in marked[text]), marked[text]


@pytest.mark.model
@pytest.mark.parametrize(("text", "number"), NINO_NUMBERS)
def test_the_number_after_nino_is_masked_and_nino_is_not(marked, text: str,
                                                         number: str) -> None:
    start = text.index(number)
    assert [(s, e) for s, e, _ in marked[text]] == [(start, start + len(number))]


@pytest.mark.parametrize(("text", "at", "prev", "expected"), [
    ("i dont know my nino", 15, "my", True),
    ("whats a nino", 8, "a", True),
    ("nino qq 12 34 56 c", 0, "", True),
    ("nino number please", 0, "", True),
    ("nino rang me", 0, "", False),
    ("me and nino went out", 7, "and", False),
    ("my mate nino is sound", 8, "mate", False),
    ("i dont know my name", 15, "my", False),
])
def test_nino_names_the_number_only_where_its_words_say_so(text: str, at: int, prev: str,
                                                           expected: bool) -> None:
    assert names_an_identifier(text, at, at + 4, prev) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("R&B", True), ("rnb", True), ("Hip Hop", True), ("Grime and Drill", True),
    ("uk drill", True), ("K-pop", True), ("Jazz", False), ("Drill Kai", False),
    ("Rock", False), ("and", False),
])
def test_only_music_genres(text: str, expected: bool) -> None:
    assert only_music_genres(text, 0, len(text)) is expected


def test_genre_spans_go_and_names_beside_them_stay() -> None:
    text = "Kai got me into R&B and Hip Hop"
    comments = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    spans = spans_frame([("c1", 0, 3, "PERSON", 0.9, "names"),
                         ("c1", 16, 19, "ORG", 0.6, "spacy"),
                         ("c1", 28, 31, "ORG", 0.6, "learned")])  # "Hop" alone
    kept = drop_music_genres(comments, spans)
    assert kept[["start", "end"]].values.tolist() == [[0, 3]]


def test_a_country_read_as_an_organisation_is_a_place() -> None:
    text = "kemi moved here from nigeria and Jordan is my mate, georgia too"
    comments = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    at = text.index
    spans = spans_frame([("c1", at("nigeria"), at("nigeria") + 7, "ORG", 0.8, "learned"),
                         ("c1", at("Jordan"), at("Jordan") + 6, "PERSON", 0.9, "names"),
                         ("c1", at("georgia"), at("georgia") + 7, "ORG", 0.5, "learned"),
                         ("c1", 0, 4, "PERSON", 0.9, "names")])
    out = countries_as_places(comments, spans)
    assert out["label"].tolist() == ["LOCATION", "PERSON", "LOCATION", "PERSON"]
    assert spans["label"].tolist() == ["ORG", "PERSON", "ORG", "PERSON"]  # not changed
    assert {"brazil", "eritrea", "gambia", "poland"} <= country_names()
    assert not {"england", "uk"} & country_names()


@pytest.mark.parametrize(("text", "expected"), [
    ("thanks Dayo :D", [":D"]), ("me and Kai xD lol", ["xD"]), (";-P ok", [";-P"]),
    ("my PA =D", ["=D"]), ("so sad :(", [":("]), ("Mr D is here", []), ("at 3:30 pm", []),
    ("see https://x.org/a", []), ("Xander and DP", []), ("XP is mine", ["XP"]),
])
def test_emoticons_in(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in emoticons_in(text)] == expected


def test_an_emoticon_is_cut_from_a_name_and_a_span_inside_one_goes() -> None:
    text = "big thanks to my PA Femi :D and Mr D"
    comments = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    at = text.index
    spans = spans_frame([("c1", at("Femi"), at(":D") + 2, "PERSON", 0.9, "learned"),
                         ("c1", at(":D") + 1, at(":D") + 2, "PERSON", 0.97, "learned"),
                         ("c1", len(text) - 1, len(text), "PERSON", 0.9, "names")])
    out = drop_emoticons(comments, spans)
    assert [text[s:e] for s, e in out[["start", "end"]].values.tolist()] == ["Femi", "D"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "big love to my key worker Tunde :D he never gives up on me",
    "thank u Abeni :P see u next week",
    "my carer Ruth =D is the best",
])
def test_an_emoticon_after_a_name_is_left_and_the_name_masked(text: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    masked = [text[s:e] for s, e in spans[["start", "end"]].values.tolist()]
    emoticon = next(w for w in text.split() if w[:1] in ":=")
    assert masked and not any(emoticon in m or m in emoticon for m in masked), masked
    name = text.split(emoticon)[0].split()[-1]
    assert name in masked, masked
