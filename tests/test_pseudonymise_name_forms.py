"""Names in forms the word rules do not read by themselves: digits typed for letters, names
joined by "/", "+" or "&", a name signed at a comment's end, a family's name in the plural.

All names and comments are fictional.
"""

from __future__ import annotations

import pytest

from carevoice.pseudonymise import NameDetector
from carevoice.pseudonymise._leet import LETTERS, digit_readings
from carevoice.pseudonymise._name_forms import digit_reading, fold_digits, name_reading
from carevoice.pseudonymise._tokens import Tokens
from carevoice.pseudonymise.leak_shapes import _reads_as_name
from carevoice.pseudonymise.lexicons import first_names

NAMES = NameDetector()


def covered(text: str) -> set[str]:
    return {text[s.start:s.end] for s in NAMES.find("c", text)}


def covers(text: str, surface: str) -> bool:
    i = text.index(surface)
    j = i + len(surface)
    return any(s.start <= i and s.end >= j for s in NAMES.find("c", text))


# --- digits typed for letters -------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface"), [
    ("T0by texted me last night", "T0by"),  # 0 for o, capitalised
    ("Fr3ya came round after school", "Fr3ya"),  # 3 for e
    ("i went to town with ell4 and it was fun", "ell4"),  # at the end, three letters before
    ("me and 4nya got told off", "4nya"),  # at the start
    ("my foster sister is j4sm1ne", "j4sm1ne"),  # two digits, 1 for i
    ("D4n1el is my key worker", "D4n1el"),
    ("Th3o said he would ring", "Th3o"),
    ("we all call her K@tie", "K@tie"),  # @ for a
    ("H4rry and me are mates", "H4rry"),  # a name that is also a word ("harry")
    ("Gr4ce is her snap name", "Gr4ce"),  # an ordinary word too, capitalised
    ("NI4MH IS MY BEST MATE", "NI4MH"),  # shouted
    ("P3nny is what we call my mate", "P3nny"),  # a name that is also a word ("penny")
])
def test_a_name_typed_with_digits_for_letters_is_a_name(text, surface):
    assert covers(text, surface), covered(text)


@pytest.mark.parametrize("text", [
    "gr8 day 2day, see u l8r m8",
    "i h8 it here 4ever",
    "any1 can see that sum1 lied",
    "Y11 is hard and Y7 was easy",
    "my postcode starts LS6 and my school is in NE1",
    "i get up at 5am and my birthday is the 8th",
    "we play on the ps4 and xbox360 til 10pm",
    "my ref is AB12CD and my room is 4b",
    "he is such a n00b lol",
    "i h0pe they read this",  # an ordinary word in lower case, no cue
    "i weigh 50kg and im 5ft",
    "email me at d4n1el@example.org",  # an e-mail address is no name typed with digits
])
def test_text_speak_numbers_and_codes_are_not_names_typed_with_digits(text):
    assert not {s for s in NAMES.find("c", text) if s.detector == "names:digits"}, covered(text)


@pytest.mark.parametrize(("typed", "plain"), [
    ("Ch4rl0tte came round", "Charlotte came round"),
    ("i miss 0scar so much", "i miss Oscar so much"),
    ("r0ry my brother rang", "rory my brother rang"),
    ("me n s4ra went out", "me n sara went out"),
])
def test_a_name_typed_with_digits_is_found_as_its_letters_are(typed, plain):
    """One rule: what is a name in letters is a name, at the same offsets, in digits."""
    spans = {(s.start, s.end) for s in NAMES.find("c", typed)}
    assert spans and spans == {(s.start, s.end) for s in NAMES.find("c", plain)}


def test_the_context_rules_read_the_letters_of_a_word_typed_with_digits():
    # "m1lly" is in no list and in lower case: found by what is said of it, as "milly" is
    assert covers("m1lly is my best mate", "m1lly")
    assert covers("m1lly is my best mate", "m1lly") == covers("milly is my best mate", "milly")


def test_digit_reading_reads_the_letters_of_a_name():
    assert digit_reading("J4ck") == ("Jack", True)
    assert digit_reading("l1ly") == ("lily", True)  # 1 read as i or l, whichever makes a name
    assert digit_reading("K4TIE") == ("KATIE", True)
    assert {digit_reading(w) for w in ("m8", "2day", "4ever", "b4", "Y11", "10am")} == {None}


def test_fold_digits_keeps_the_offsets_and_leaves_other_numbers():
    text = "T0by rang at 5pm, ref 2291"
    folded, found = fold_digits(text)
    assert folded == "Toby rang at 5pm, ref 2291"
    assert found == [(0, 4, "Toby", True)]


@pytest.mark.parametrize(("typed", "name"), [
    ("Ro6ert", "Robert"),  # 6 for b as well as g
    ("Ab6y", "Abby"),
    ("Eli2a", "Eliza"),  # 2 for z
    ("D4n1el", "Daniel"),
])
def test_the_detector_reads_every_letter_the_shared_table_gives_a_digit(typed, name):
    """One table (``_leet.LETTERS``) for the detector and the review screen: a name the
    screen would flag in the masked text, the detector reads before masking."""
    assert digit_reading(typed) == (name, True)
    assert _reads_as_name(typed)


def test_the_screen_reads_every_letter_of_the_shared_table_and_the_sounds_too():
    for digit, letters in LETTERS.items():
        for letter in letters:
            assert f"x{letter}y" in digit_readings(f"x{digit}y", sounds=True, keep=True,
                                                   limit=64)
    assert _reads_as_name("K8lyn")  # 8 read as its sound: "katelyn"
    assert digit_reading("K8lyn") is None  # the detector reads letters only


@pytest.mark.parametrize(("written", "read"), [
    ("J4ck", "Jack"),
    ("j4ck's", "jack's"),
    ("Fr3ddie Mens4h", "Freddie Mensah"),  # a surname typed with digits too
    ("Mrs Mens4h", "Mrs Mensah"),
    ("freddddie", "freddie"),  # a letter typed over and over, as the name has it
    ("Bellllla", "Bella"),
    ("SAAAAMI", "SAMI"),
    ("Annnna", "Anna"),  # twice where once and twice both make a name
    ("Aaron", "Aaron"),  # a name's own double letter stays
    ("Ana", "Ana"),
    ("Joan", "Joan"),
    ("Zoë", "Zoë"),
    ("gr8", "gr8"),  # text-speak reads as no name
    ("Y11", "Y11"),
    ("Kez1a", "Kez1a"),  # read as no name: left as written
    ("Mmmmph", "Mmmmph"),
])
def test_name_reading_spells_a_name_as_the_detector_reads_it(written, read):
    assert name_reading(written) == read


# --- names joined by "/", "+" or "&" ---------------------------------------------------

@pytest.mark.parametrize(("text", "people"), [
    ("me/jade/remi share a flat now", {"jade", "remi"}),
    ("me / jade / remi share a flat now", {"jade", "remi"}),
    ("me+jade went to the cinema", {"jade"}),
    ("me&jade got moved", {"jade"}),
    ("me & jade got moved", {"jade"}),
    ("jade/me are in the same home", {"jade"}),
])
def test_names_joined_by_a_slash_plus_or_ampersand_are_read_as_joined_by_and(text, people):
    assert people <= covered(text), covered(text)


def test_names_joined_by_a_slash_are_found_as_names_joined_by_and():
    slash = covered("me/jade/remi share a flat now")
    said = covered("me and jade and remi share a flat now")
    assert slash == said == {"jade", "remi"}


@pytest.mark.parametrize("text", [
    "my s/w is ok and my iro is fine",
    "his/her carer should listen",
    "mum/dad never visit me",
    "staff are there 24/7 and/or on call",
    "born 3/4/2009",
    "go to www.example.org/help/amber for info",
])
def test_a_slash_in_words_that_are_no_names_finds_no_name(text):
    assert not {s for s in NAMES.find("c", text)
                if s.detector in ("names:coordination", "names:context")}, covered(text)


def test_the_join_is_a_token_between_words_only():
    sent = Tokens.read("me/amber & dex, s/w 24/7 see example.org/amber", first_names())
    assert sent.lows[:5] == ["me", "&", "amber", "&", "dex"]
    assert "&" not in sent.lows[5:]  # not between single letters, numbers or in a link


def test_w_slash_is_read_as_with():
    assert Tokens.read("out w/ amber", first_names()).lows == ["out", "with", "amber"]
    assert Tokens.read("w/e i dont care", first_names()).lows[0] == "w"


# --- a name signed at the end ---------------------------------------------------------

@pytest.mark.parametrize(("text", "surface"), [
    ("the staff dont listen. love bisola x", "bisola"),
    ("thanks for reading, from ignatius xx", "ignatius"),
    ("cheers, ignatius", "ignatius"),
    ("it's hard here tbh. odunayo x", "odunayo"),
    ("love, hope x", "hope"),  # an ordinary word too, with a kiss after a sign-off
    ("love jodie stone x", "jodie stone"),
    ("thanks for everything love keturah b xx", "keturah b"),
])
def test_a_name_signed_at_the_end_of_a_comment_is_a_name(text, surface):
    assert covers(text, surface), covered(text)


@pytest.mark.parametrize("text", [
    "love you x",
    "thanks everyone",
    "from staff",
    "love it here x",
    "cheers mate",
    "thanks hun x",
    "cheers bruv",
    "love yall x",
    "this place is rubbish. lol x",
    "the staff are nice. soz x",
    "thanks again x",
    "- anonymous",
    "i love pizza x",
    "i love summer x",
    "i come from wrexham x",
    "ok bye x",
    "we had pizza - yum",
])
def test_an_ordinary_word_after_a_sign_off_is_no_name(text):
    assert covered(text) == set()


def test_a_place_after_from_at_the_end_is_no_name_signed():
    spans = NAMES.find("c", "people laugh at my accent since i moved here from Poland")
    assert [s.label for s in spans] == ["LOCATION"]  # a place, as before; not a person


# --- a family by its name in the plural ---------------------------------------------

@pytest.mark.parametrize(("text", "surface"), [
    ("the Whites never listened to me", "Whites"),  # a surname that is also a word
    ("The Greens fostered me", "Greens"),
    ("the okonjos took me in", "okonjos"),  # a surname in lower case
    ("we went to the adeyemis for christmas", "adeyemis"),
    ("the szymanskis fostered me when i was 9", "szymanskis"),  # in no list, said of people
    ("the browns were my first carers", "browns"),
    ("i miss the ellises", "ellises"),
])
def test_a_family_called_by_its_name_in_the_plural_is_a_name(text, surface):
    assert covers(text, surface), covered(text)


@pytest.mark.parametrize("text", [
    "the kids are lovely",
    "the carers are ok",
    "the holidays were good",
    "the greens are nice this time of year",
    "i like walking in the woods",
    "the others were mean to me",
    "they took the airpods off me",
    "the twins are loud",
    "i wanted to see sumone at the offis",  # a misspelling
    "the warehouses and the packhouses are out in the fields",  # two words as one
    "nobody to talk to and the pages out of order",  # a surname that is an ordinary word
])
def test_an_ordinary_plural_after_the_is_no_family(text):
    assert covered(text) == set()
