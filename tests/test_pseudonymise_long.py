"""Rules found by the long written answers (a life in care told over years): references with
letter groups, streets without a number, places and agencies "called" something, an
institution named again by its first word, towns typed without their apostrophe, and the
services and phrases that are not personal data."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PseudonymiseConfig, detect_pii

RULES = PseudonymiseConfig(use_spacy=False, use_learned=False)


def _found(text: str, config: PseudonymiseConfig = RULES) -> list[tuple[int, int, str]]:
    frame = pd.DataFrame({"comment_id": ["a"], "text": [text]})
    spans = detect_pii(frame, config=config)
    return list(zip(spans["start"], spans["end"], spans["label"], strict=True))


FOUND = [
    ("my case ref is KMC-LC-40417 if you need it", "KMC-LC-40417", "ID"),
    ("the home office ref is HO-A-2021-77310 and nothing since", "HO-A-2021-77310", "ID"),
    ("quote DCC/CLA/20877 when you ring", "DCC/CLA/20877", "ID"),
    ("i live at 7 Beacon Mount now", "7 Beacon Mount", "ADDRESS"),
    ("the hostel on tenby rd was full of grown men", "tenby rd", "LOCATION"),
    ("she lives up brackley mount with her new bloke", "brackley mount", "LOCATION"),
    ("with a foster agency called willowmere care for two years", "willowmere care", "ORG"),
    ("my brother is at a place called the crossings in leek", "crossings", "ORG"),
    ("then fernlea lodge for a year and then back to fernlea again", "fernlea again", "ORG"),
    ("i moved to a carer in bishops stortford after that", "bishops stortford", "LOCATION"),
    ("at my old school harwood vale primary they were ok", "harwood vale primary", "ORG"),
    ("i did year 7 at moor lane high then skelton dene academy", "skelton dene academy", "ORG"),
    ("dont move me again. from kayla b, 14", "kayla b", "PERSON"),
    ("my best mate at school is jaden p and he gets it", "jaden p", "PERSON"),
    # the young parents' brief
    ("she was born on the hawthorn wing at 3am", "hawthorn wing", "ORG"),
    ("we were at the briarfield mother and baby unit for 12 weeks",
     "briarfield mother and baby unit", "ORG"),
    ("he goes to tiny oaks day nursery two days a week", "tiny oaks day nursery", "ORG"),
    # the asylum-seeking children's brief: a tazkira's solar hijri date, an NHS number grouped
    # 3-3-4 without "number" right before it (as no UK phone number is grouped)
    ("my tazkira says 23 Hamal 1387 but the home office wrote a different day",
     "23 Hamal 1387", "DATE"),
    ("in afghanistan my birthday is 5th of saratan 1390", "5th of saratan 1390", "DATE"),
    ("my NHS number is on the letter and my daughter's is 943 476 5920 i think",
     "943 476 5920", "ID"),
    # the justice brief: prison numbers, young offender institutions, police stations by name
    ("my prison number was A4471KZ and i still know it", "A4471KZ", "ID"),
    ("did 8 months in HMYOI Stanbrook at 19", "HMYOI Stanbrook", "ORG"),
    ("they took me to castlegate police station in the van", "castlegate police station",
     "ORG"),
    # the online brief: handles joined by dots, written or said
    ("my ps name is ghost dot reaper dot nine nine all lowercase",
     "ghost dot reaper dot nine nine", "HANDLE"),
    ("follow its.chloe.b on insta if u want cheap lashes", "its.chloe.b", "HANDLE"),
    ("he keeps adding me, latest is michael.doherty.7731 on there", "michael.doherty.7731",
     "HANDLE"),
    ("my gamertag was ConnorBrady2008 till my carer said change it, now its n1ghtfox",
     "ConnorBrady2008", "HANDLE"),
    ("my gamertag was ConnorBrady2008 till my carer said change it, now its n1ghtfox",
     "n1ghtfox", "HANDLE"),
    ("found me on insta, his account is bigdave dot r78 so i blocked him", "bigdave dot r78",
     "HANDLE"),
    ("put linkedin.com/in/jordan-pryce-22 on your cv she said", "jordan-pryce-22", "HANDLE"),
    ("the wifi was called 27 ashgrove and had no password", "27 ashgrove", "ADDRESS"),
    ("i go by Ghost on road but nobody at the YOT knew", "Ghost", "PERSON"),
    # the travellers' brief: a Catholic church or school by its dedication
    ("my cousin got married at Our Lady of Lourdes in Luton", "Our Lady of Lourdes", "ORG"),
    ("wishes to return to family at plot 6 meadow way, Basildon", "plot 6 meadow way",
     "ADDRESS"),
    # the online brief, fresh rounds: handles after "was" and with a dot before an underscore,
    # a read-out handle ending in digits, the xx frame in lower case, a Twitch link, channels
    ("he was threatening me and his snap was c.dawg_04", "c.dawg_04", "HANDLE"),
    ("he keeps messaging me on insta from g.finch_74 even tho", "g.finch_74", "HANDLE"),
    ("my mate reece is reecey dot 09 but he rage quits", "reecey dot 09", "HANDLE"),
    ("my account got renamed xxdarkvoidxx and i cant get it back", "xxdarkvoidxx", "HANDLE"),
    ("he streams on twitch.tv/tylert_gaming most nights", "tylert_gaming", "HANDLE"),
    ("started a youtube channel called zaks gaming corner but only got 14 subs",
     "zaks gaming corner", "HANDLE"),
    ("my channel is nails by precious and i do tutorials", "nails by precious", "HANDLE"),
    ("gonna call my channel rio on the road and do vlogs", "rio on the road", "HANDLE"),
    # the kinship brief: a family court's case number
    ("our case number at court was LS21C00417 and it took 14 months", "LS21C00417", "ID"),
]


@pytest.mark.parametrize(("text", "surface", "label"), FOUND)
def test_found_in_long_answers(text: str, surface: str, label: str) -> None:
    i = text.index(surface)
    j = i + len(surface)
    if surface.endswith(" again"):  # the short form: "fernlea" at its second mention
        i = text.rindex("fernlea")
        j = i + len("fernlea")
    spans = _found(text)
    assert any(s <= i and e >= j and lab == label for s, e, lab in spans), spans


NOT_FOUND = [
    "my National Insurance number never came so i could not get paid",
    "the Virtual School paid for a tutor in year 11",
    "Dear Sir or Madam, please read this before my review",
    "i got a SIM card and a coat from the hub",
    "moved in the middle of my SATs and had to sit them somewhere new",
    "a place called home is what everyone wants",
    "i was on the main road when she rang",
    "Dear Independent Reviewing Officer, thank you for listening",
    "my name is spelt with two Ls and they still get it wrong",
    "we go to the contact centre on Sundays haha",
    "i took my teddy, Mr Buttons, to every placement",
    "they had a cat called Professor Whiskers who hated me",
    "Gender: boy / Age: 10 / Ethnicity: mixed / Placement type: foster care",
    "she was on the labour ward for two days and the baby bank gave us a cot",
    "my son's nursery rang and the bird had a broken wing",
    "I use Makaton and PECS at school and the OT brought a new chair",
    # the asylum-seeking children's brief
    "my BRP came late and the Interpreter was Hazara like me",
    "tashakor to my foster mum, she cooks bolani and qabuli palaw on Fridays",
    "the council helped me with the forms for my tazkira",
    "I was refugee and now i have my ARC and my BRP bro",
    # the justice and online briefs
    "they took me to the nearest police station and the CPS dropped it in the end",
    "got a 12 month YRO with ISS, 25 hours a week",
    "EE cut my data off again and vodafone wanted a credit check",
    "i spent my birthday money on robux and watched streams on twitch",
    "the PCSO said it was ABH not GBH and i was on ket",
    "on insta the h8ers are gr8est at being l8 with replies",  # text-speak, not handles
    "i go by bus to college and my mum goes by train",
    # the identity and travellers' briefs: words of the communities
    "Im a Romany Gypsy and proud, my carers never knew what a chavvy was",
    "kushti carers, proper kushti, not like the gorja ones before",
    "please never use my deadname, the school misgendered me all year",
    "Gavvers came on the site at night, we are Romany Gypsies and proud",
    # the kinship brief: a young child's spelling, and the shorthand of records
    "i am 8 and i liv wiv my nanny and granda and we hav a cat",
    "y do they rite BM on the paper about my mum, and MGM about my nan",
    # the online brief: no channel's or handle's name here
    "half of every page was blacked out in my records",
    "my channel is about minecraft builds and its mostly gaming stuff",
    "i put xxxxxxx at the end of every text to my mum",
    "we play warzone and bedwars and send memes all night",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_personal_data_in_long_answers(text: str) -> None:
    # with spaCy and the learned model: they, not the rules, tagged these before
    assert _found(text, PseudonymiseConfig()) == []


@pytest.mark.parametrize("text", [
    "call 0161 496 0734 about the nhs appointment",  # a phone, grouped 4-3-4
    "the nhs letter says 12 345 6789 pounds",  # not 3-3-4
    "my council is Refugee Council",  # "refugee" is not a council's place
])
def test_grouped_numbers_and_councils_are_not_nhs_numbers_or_council_names(text: str) -> None:
    labels = {(text[s:e], lab) for s, e, lab in _found(text)}
    assert not any(lab == "ID" for _, lab in labels), labels
    assert not any(lab == "ORG" and "Council" in surface for surface, lab in labels), labels


def test_a_very_long_answer_is_pseudonymised_whole():
    # a 100,000-character answer: every repeat of its names is found. How its time grows
    # with length (once ~55 s for this comment, now about linear) is measured by
    # benchmarks/bench_long_comment.py, not asserted here.
    part = ("we went to the shops and Kai said hello to my carer Bev at Oakfield Lodge, "
            "then I rang 07700 900123 and mr Okafor-Bright came round. ")
    repeats = 100_000 // len(part) + 1
    text = (part * repeats)[:100_000]
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}))
    found = {(text[s:e], lab) for s, e, lab in zip(spans["start"], spans["end"], spans["label"],
                                                  strict=True)}
    assert {("Kai", "PERSON"), ("Bev", "PERSON"), ("07700 900123", "PHONE")} <= found
    assert (spans["label"] == "PERSON").sum() >= 2 * (repeats - 1)
    assert (spans["label"] == "PHONE").sum() >= repeats - 1
