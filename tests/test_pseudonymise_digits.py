"""Letters typed for digits inside phone and NHS numbers: O or o for 0, I, l or | for 1, S for
5, B for 8 ("07700 9OO I23"), and the ordinary words next to numbers that must stay ("I 2 3",
"room 10 I think"). Phone numbers are from Ofcom's drama ranges; NHS numbers are fictional."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import PseudonymiseConfig, generate_secret, pseudonymise

# (comment_id, text, the part that must not be left in the output)
LEAKS = [
    ("i1", "ring 07700 9OO I23", "I23"),
    ("i2", "ring me on 07700 900 I23 after school", "I23"),
    ("l1", "its O77OO 9OO l23 if u want it", "l23"),
    ("l2", "call 07700 9OOl23 tomorrow", "9OOl23"),
    ("b1", "my number is 07700 9OO 12| ok", "12|"),
    ("s1", "text 07700 9SS 123 when ur outside", "9SS"),
    ("s2", "landline is 0161 496 O37I", "O37I"),
    ("o1", "ring me on O77OO 9OO123 pls", "9OO123"),  # O for 0 alone, as before
    ("n1", "my nhs number is 943 476 59I9", "I9"),
    ("n2", "the number on my letter is 943 476 59I9", "59I9"),
]

# Ordinary words next to numbers: nothing here is masked.
KEPT = [
    ("k1", "there were like I 2 3 of us"),
    ("k2", "i was in room 10 I think"),
    ("k3", "she has Level 1 ISO and the rest"),
    ("k4", "in year 10 IT was my best subject"),
    ("k5", "in 2010 I was 12 and moved twice"),
    ("k6", "my score was 100 I think, then 200 l guess"),
    ("k7", "it was 07 I swear not 08"),
]


@pytest.fixture(scope="module")
def result():
    rows = LEAKS + [(c, t, None) for c, t in KEPT]
    frame = pd.DataFrame({"comment_id": [c for c, _, _ in rows],
                          "text": [t for _, t, _ in rows]})
    return pseudonymise(frame, PseudonymiseConfig(), secret=generate_secret())


def _out(result, cid: str) -> str:
    return result.comments.set_index("comment_id").loc[cid, "text"]


@pytest.mark.parametrize(("cid", "text", "leaked"), LEAKS, ids=[c for c, _, _ in LEAKS])
def test_letters_typed_for_digits_do_not_leak(result, cid, text, leaked):
    out = _out(result, cid)
    assert leaked not in out
    assert out != text


@pytest.mark.parametrize(("cid", "text"), KEPT, ids=[c for c, _ in KEPT])
def test_words_next_to_numbers_are_kept(result, cid, text):
    assert _out(result, cid) == text


# -- one number, one tag, however it was typed (twenty-fifth session) ---------------------------
# Before, an entity was grouped by its digits only when its text was all digits, so a number
# typed with letters for digits, without its leading 0 or said in words got a tag of its own.
SECRET = b"s25-digit-reading-secret-000000"

ONE_NUMBER = [
    ("phone, O for 0", "PHONE", "text me on O77OO 9OO123 or 07700 900123",
     "text me on [PHONE_1] or [PHONE_1]"),
    ("phone, I and l for 1", "PHONE", "ring 07700 9OO I23, yes 07700 900123 or 07700 9OOl23",
     "ring [PHONE_1], yes [PHONE_1] or [PHONE_1]"),
    ("landline, O and I", "PHONE", "the house is 0161 496 O37I, thats 0161 496 0371",
     "the house is [PHONE_1], thats [PHONE_1]"),
    ("mobile without its 0", "PHONE", "ring 7700900733 or 07700 900733",
     "ring [PHONE_1] or [PHONE_1]"),
    ("phone in words", "PHONE",
     "its oh seven seven double oh nine double oh four one two so 07700 900412",
     "its [PHONE_1] so [PHONE_1]"),
    ("NHS number, I for 1", "ID", "my nhs number is 943 476 59I9 i mean 943 476 5919",
     "my nhs number is [ID_1] i mean [ID_1]"),
    ("postcode in words", "POSTCODE", "postcode l s nine seven z z, LS9 7ZZ",
     "postcode [POSTCODE_1], [POSTCODE_1]"),
    ("NI number in words", "ID", "ni number q q one two three four five six c or QQ 12 34 56 C",
     "ni number [ID_1] or [ID_1]"),
]


@pytest.mark.parametrize(("kind", "label", "text", "expected"), ONE_NUMBER,
                         ids=[k for k, *_ in ONE_NUMBER])
def test_one_number_typed_two_ways_gets_one_tag(kind, label, text, expected):
    frame = pd.DataFrame({"comment_id": ["g1"], "text": [text]})
    result = pseudonymise(frame, PseudonymiseConfig(use_spacy=False), secret=SECRET)
    assert result.comments["text"].iloc[0] == expected
    assert set(result.spans["label"]) == {label}


def test_numbers_that_differ_keep_their_own_tags():
    # the reading groups one number's forms only: two numbers, two NHS numbers or a case
    # reference with letters ("SB" is not read as "58" outside a phone or NHS number) stay apart
    from carevoice.pseudonymise.replace import entity_id

    assert entity_id(SECRET, "PHONE", "O77OO 9OO123") != entity_id(SECRET, "PHONE",
                                                                    "07700 900124")
    assert entity_id(SECRET, "ID", "943 476 59I9") != entity_id(SECRET, "ID", "943 476 5918")
    assert entity_id(SECRET, "ID", "SB-123456") != entity_id(SECRET, "ID", "58-123456")
    assert entity_id(SECRET, "ID", "QQ123456C") != entity_id(SECRET, "ID", "QQ123456D")


def test_a_surrogate_number_is_never_the_original_spaced_another_way():
    """A surrogate phone number is drawn from the drama range; before, a draw equal to the
    original in another spacing or typed with letters ("07700900412", "O77OO 9OO412" drawn as
    "07700 900412") was kept. A secret whose first draw is the original shows it."""
    import hashlib
    import hmac
    import random

    from carevoice.pseudonymise.replace import ReplaceConfig, Replacer

    for original in ("07700900412", "O77OO 9OO412"):
        for n in range(100_000):
            secret = f"s25-surrogate-secret-{n:06d}".encode()
            eid = hmac.new(secret, b"carevoice.entity.v1\x1fPHONE\x1f07700900412",
                           hashlib.sha256).hexdigest()
            if random.Random(int(eid[:16], 16)).randrange(1000) == 412:
                break
        value = Replacer(secret, ReplaceConfig(mode="surrogates")).replace(original, "PHONE")[1]
        assert value.replace(" ", "") != "07700900412"
        assert value.replace(" ", "").startswith("07700900")


# -- one reading of an identifier, for carrying and for grouping (twenty-sixth session) ----------
# Before, the step that carries an identifier to its other forms in a comment matched its exact
# letters and digits, while the replacement grouped numbers by a reading (letters typed for
# digits as digits): "cr 229I 0047" after "case ref CR-2291-0047" was left in the text.

CARRIED = [
    ("I for 1, after", "case ref CR-2291-0047 and then cr 229I 0047 on the letter",
     "case ref [ID_1] and then [ID_1] on the letter"),
    ("I for 1, before", "they wrote cr 229I 0047 but my case ref is CR-2291-0047",
     "they wrote [ID_1] but my case ref is [ID_1]"),
    ("O for 0 opening the digits", "my case number is LAC 0043917 but the form says lac OO43917",
     "my case number is [ID_1] but the form says [ID_1]"),
    ("phone, +44 and O for 0", "ring 07700 900123 or +44 7700 9OO123",
     "ring [PHONE_1] or [PHONE_1]"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CARRIED, ids=[k for k, *_ in CARRIED])
def test_an_identifiers_other_form_is_masked_and_tagged_as_one(kind, text, expected):
    frame = pd.DataFrame({"comment_id": ["r1"], "text": [text]})
    result = pseudonymise(frame, PseudonymiseConfig(use_spacy=False), secret=SECRET)
    assert result.comments["text"].iloc[0] == expected


def test_an_identifiers_two_forms_get_one_surrogate_of_digits():
    # one surrogate for both forms, whichever came first, with digits where the letters typed
    # for digits were ("229I" is no "726W")
    import re

    text = "they wrote cr 229I 0047 but my case ref is CR-2291-0047"
    frame = pd.DataFrame({"comment_id": ["r1"], "text": [text]})
    out = pseudonymise(frame, PseudonymiseConfig(use_spacy=False, mode="surrogates"),
                       secret=SECRET).comments["text"].iloc[0]
    m = re.fullmatch(r"they wrote (.+) but my case ref is (.+)", out)
    assert m and m.group(1).casefold() == m.group(2).casefold(), out
    assert re.fullmatch(r"[a-z]{2} \d{4} \d{4}", m.group(1)), out
    assert "2291" not in out and "229I" not in out


@pytest.mark.parametrize(("text", "second"), [
    ("ref 12I45 then 12145 again", "12145"),  # five characters
    ("ref ABCD1I2 then abcd112 again", "abcd112"),  # three digits
])
def test_a_short_identifier_is_not_carried_whatever_its_reading(text, second):
    # the first is found ("ref" before it) and read as the second; it is not carried: fewer
    # than six characters, or fewer than four digits
    from carevoice.pseudonymise import detect_pii

    spans = detect_pii(pd.DataFrame({"comment_id": ["r1"], "text": [text]}))
    assert not (spans["end"] > text.rindex(second)).any(), spans


def test_identifier_key_reads_letters_between_digits_only():
    from carevoice.pseudonymise.identifiers import identifier_key
    from carevoice.pseudonymise.replace import entity_id

    assert identifier_key("ID", "CR-2291-0047") == identifier_key("ID", "cr 229I 0047") \
        == "cr22910047"
    # letters at either end of a group are letters: a prefix, a suffix, a prison number
    assert identifier_key("ID", "SB-123456") != identifier_key("ID", "58-123456")
    assert identifier_key("ID", "A1234BS") == "a1234bs"
    assert identifier_key("PERSON", "Kai") is None
    assert entity_id(SECRET, "ID", "CR-2291-0047") == entity_id(SECRET, "ID", "cr 229I 0047")
