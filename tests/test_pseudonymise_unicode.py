"""Text as it arrives from phones, Word, Excel and survey platforms: decomposed accents,
narrow no-break spaces, en dashes, soft hyphens, zero-width spaces, full-width and "fancy
font" letters, curly apostrophes and look-alike letters. Detection reads a normalised view
(carevoice.pseudonymise.normalise); the text is kept as written outside the masked spans and
comes back exactly. All names, numbers and places are fictional; the inputs are those of the
Unicode audit (findings F1-F12)."""

from __future__ import annotations

import itertools
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice.pseudonymise import (
    PseudonymiseConfig,
    generate_secret,
    pseudonymise,
    reidentify,
)
from carevoice.pseudonymise.declared import direct_identifiers
from carevoice.pseudonymise.normalise import detection_view, fold_text
from carevoice.pseudonymise.replace import entity_id

SECRET = b"u" * 32

# -- the view and its map back ----------------------------------------------------------------

_ODD = ["\u0301", "\u0308", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200f", "\ufeff",
        "\u00a0", "\u202f", "\u2009", "\u2013", "\u2011", "\u2212", "\u2019", "\uff2b",
        "\uff10", "\U0001d40a", "\u0430", "\u039c", "\ufb01", "\U0001f468", "\ufe0f", "\r\n"]
_texts = st.lists(st.one_of(st.sampled_from(_ODD), st.sampled_from(list("Kai o'b 07-9.")),
                            st.characters()), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts, st.data())
def test_map_back_is_within_bounds_and_ordered(text, data):
    view = detection_view(text)
    n = len(view.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = view.original_span(start, end)
    assert 0 <= a <= b <= len(text)
    if end > start:
        assert b > a
        # every view character read from inside the mapped range
        for k in range(start, end):
            s, e = view.original_span(k, k + 1)
            assert a <= s < e <= b


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_view_characters_map_back_in_order(text):
    view = detection_view(text)
    spans = [view.original_span(k, k + 1) for k in range(len(view.text))]
    for (s1, e1), (s2, e2) in itertools.pairwise(spans):
        assert s1 <= s2 and e1 <= e2
        assert (s1, e1) == (s2, e2) or e1 <= s2
    if text.isascii():
        assert view.text == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_ODD), st.sampled_from(["Kai", "my ", "o'brien ",
                                                                   "07700 900123"])),
                max_size=12).map("".join))
def test_pseudonymised_text_is_unchanged_outside_the_spans(text):
    frame = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    result = pseudonymise(frame, PseudonymiseConfig(use_spacy=False, use_learned=False),
                          secret=SECRET)
    out = result.comments["text"].iloc[0]
    spans = result.spans.sort_values("start")
    pos = 0
    rest = []
    for start, end in zip(spans["start"], spans["end"], strict=True):
        assert pos <= start < end <= len(text)
        rest.append(text[pos:start])
        pos = end
    rest.append(text[pos:])
    at = 0
    for piece in rest:  # every untouched stretch appears, in order, in the output
        found = out.find(piece, at)
        assert found >= 0
        at = found + len(piece)
    back = reidentify(result.comments, result.key)
    assert back["text"].iloc[0] == text


def test_the_view_reads_through_typing_forms():
    assert detection_view("Sine\u0301ad").text == "Sin\u00e9ad"
    assert detection_view("07700\u202f900\u2013123 \uff10\uff17").text == "07700 900-123 07"
    assert detection_view("ty\u00adler Jay\u200bden \u200fJo\u200f").text == "tyler Jayden Jo"
    assert detection_view("O\u2019Brien \u201chi\u201d").text == "O'Brien \"hi\""
    assert detection_view("O\u00b4Brien").text == "O'Brien"  # an acute accent typed as one
    assert detection_view("\U0001d40a\U0001d41a\U0001d432").text == "Kay"
    assert detection_view("\u039cia J\u0430ck").text == "Mia Jack"
    # a word wholly in another script is left as it is
    assert detection_view("\u041c\u0430\u0448\u0430 x").text == "\u041c\u0430\u0448\u0430 x"


def test_a_span_takes_the_marks_and_invisible_characters_after_its_last_letter():
    view = detection_view("me and Anai\u0308s went")
    assert view.text == "me and Ana\u00efs went"
    assert view.original_span(7, 12) == (7, 13)
    view = detection_view("\u200bKai x")
    assert view.original_span(0, 3) == (0, 4)


# -- leaks (F1-F5, F11) -----------------------------------------------------------------------

LEAKS = [
    # F1: decomposed accents
    ("s1", "Sine\u0301ad O'Connor-Walsh lives in Bradford", ["Sine\u0301ad", "Walsh"]),
    ("s8", "Sea\u0301n and Aoife went to the shop", ["Sea\u0301n"]),
    ("s3", "my friend Sine\u0301ad is kind", ["Sine\u0301ad", "\u0301ad"]),
    ("s7", "my brother Andre\u0301s Brennan is nice", ["Andre\u0301s", "\u0301s"]),
    ("m4", "me and Anai\u0308s went to town", ["Anai\u0308s", "\u0308s"]),
    ("b3", "Chloe\u0301 said hi and Rene\u0301e too", ["Rene\u0301e", "\u0301e"]),
    # F2: phone numbers
    ("p2", "ring me on 07700\u202f900123 thanks", ["900123"]),
    ("p4", "ring me on 07700\u2013900\u2013123 thanks", ["07700"]),
    ("p5", "ring me on 07700\u2014900123 thanks", ["900123"]),
    ("p9", "ring me on 0770\u200b0 900123 thanks", ["900123"]),
    ("p10", "ring me on 07700\u00ad900123 thanks", ["900123"]),
    ("p3", "ring me on \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13 thanks",
     ["\uff19\uff10\uff10"]),
    ("v6", "ring me on 07911\u2011123456", ["123456"]),
    ("v7", "ring me on 07911\u2212123456", ["123456"]),
    ("t20", "my number is 07\u00b7700\u00b7900\u00b7123", ["900"]),
    ("k7", "call 0161\u202f496\u202f0372 ask for Bev", ["0372"]),
    # F3: NHS numbers, postcodes, case numbers
    ("n1", "my NHS number is 943\u00a0476\u00a05919", ["5919"]),
    ("n2", "my nhs no 943\u2009476\u20095919 ok", ["5919"]),
    ("pc5", "i live at LS9\u200b7ZZ now", ["7ZZ"]),
    ("pc4", "i live at \uff33\uff37\uff11\uff21 \uff11\uff21\uff21 now", ["\uff21\uff21"]),
    ("k5", "my case number is CR\u200b/2019/40772", ["40772"]),
    # F4: full-width and mathematical letters
    ("w0", ("\uff2b\uff41\uff59\uff4c\uff45\uff49\uff47\uff48 \uff22\uff52\uff45\uff4e\uff4e"
     "\uff41\uff4e is my sister"), ["\uff2b\uff41\uff59", "\uff22\uff52\uff45"]),
    ("a7", ("me and \uff2a\uff41\uff43\uff4b \uff22\uff52\uff45\uff4e\uff4e\uff41\uff4e went to"
     " the park"), ["\uff22\uff52\uff45"]),
    ("x0", ("\U0001d40a\U0001d41a\U0001d432\U0001d425\U0001d41e\U0001d422\U0001d420\U0001d421"
     " \U0001d401\U0001d42b\U0001d41e\U0001d427\U0001d427\U0001d41a\U0001d427 is my sister"),
     ["\U0001d40a\U0001d41a", "\U0001d401\U0001d42b"]),
    ("w3", ("email me \uff4b\uff45\uff5a\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e"
     "\uff43\uff4f\uff4d"), ["\uff20"]),
    ("w4", "add me @\uff4b\uff41\uff49\uff3f\uff19\uff19 on snap", ["\uff4b\uff41\uff49"]),
    # F5: an invisible character inside a lower-case name
    ("i1", "me and ty\u00adler went out", ["ler"]),
    ("z0", "Jayden is my brother and Jay\u200bden is annoying", ["den is"]),
    # F11: a postcode spelt out, ending in "a"
    ("z3", "postcode is l s 9 7 a a", ["l s 9"]),
    ("a5", "postcode is l s 9 7 d a", ["l s 9"]),
    ("u2", "postcode is s w 1 a 1 a a", ["s w 1"]),
    ("b1", "my postcode is l s nine seven d a", ["l s nine"]),
    ("u3", "postcode is S W 1 A 1 A A", ["A A"]),
    ("u7", "i live at SW1A 1 A A", ["SW1A", "A A"]),
]


@pytest.fixture(scope="module")
def leaks():
    frame = pd.DataFrame({"comment_id": [c for c, _, _ in LEAKS],
                          "text": [t for _, t, _ in LEAKS]})
    return pseudonymise(frame, PseudonymiseConfig(), secret=generate_secret())


@pytest.mark.parametrize(("cid", "text", "leaked"), LEAKS, ids=[c for c, _, _ in LEAKS])
def test_typing_forms_do_not_leak(leaks, cid, text, leaked):
    out = leaks.comments.set_index("comment_id").loc[cid, "text"]
    for piece in leaked:
        assert piece not in out
    back = reidentify(leaks.comments, leaks.key).set_index("comment_id").loc[cid, "text"]
    assert back == text


def test_no_orphan_combining_mark_is_left_on_a_tag(leaks):
    for out in leaks.comments["text"]:
        assert "]\u0301" not in out and "]\u0308" not in out


def test_the_check_on_pseudonymised_text_sees_through_typing_forms():
    frame = pd.DataFrame({"comment_id": ["v1", "v2", "v3", "n1", "pc5", "ok"],
                          "text": ["ring me on 07911\u202f123456", "ring me on 07911\u2013123456",
                                   "ring me on 0791\u200b1 123456",
                                   "my NHS number is 943\u00a0476\u00a05919",
                                   "i live at LS9\u200b7ZZ now", "ring [PHONE_1]"]})
    found = direct_identifiers(frame)
    assert found.values.tolist() == [["v1", "PHONE"], ["v2", "PHONE"], ["v3", "PHONE"],
                                     ["n1", "NHS"], ["pc5", "POSTCODE"]]


# -- the same person, the same tag (F7) ---------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("O'Brien", "O\u2019Brien"),
    ("Jayden", "Jay\u200bden"),
    ("\u200fJayden\u200f", "Jayden"),
    ("J\u0430ck Brennan", "Jack Brennan"),
    ("M\u00e9lanie Brennan", unicodedata.normalize("NFD", "M\u00e9lanie Brennan")),
    ("ty\u00adler", "tyler"),
    ("\uff2b\uff41\uff49", "Kai"),
])
def test_the_same_entity_in_two_forms_has_one_identifier(a, b):
    assert entity_id(SECRET, "PERSON", a) == entity_id(SECRET, "PERSON", b)
    assert fold_text(a).casefold() == fold_text(b).casefold()


def test_the_same_person_in_one_comment_gets_one_tag():
    text = "\U0001f602\U0001f602 Mr O'Brien said hi, then Mr O\u2019Brien left"
    frame = pd.DataFrame({"comment_id": ["x3"], "text": [text]})
    out = pseudonymise(frame, PseudonymiseConfig(), secret=SECRET).comments["text"].iloc[0]
    assert out == "\U0001f602\U0001f602 Mr [PERSON_1] said hi, then Mr [PERSON_1] left"


def test_one_phone_number_in_several_shapes_gets_one_tag():
    text = "ring 07700 900123 or 07700900123 or 0 7 7 0 0 9 0 0 1 2 3 or +44 7700 900123"
    frame = pd.DataFrame({"comment_id": ["x6"], "text": [text]})
    out = pseudonymise(frame, PseudonymiseConfig(use_spacy=False),
                       secret=SECRET).comments["text"].iloc[0]
    assert out == "ring [PHONE_1] or [PHONE_1] or [PHONE_1] or [PHONE_1]"
    assert entity_id(SECRET, "POSTCODE", "SW1A 1AA") == entity_id(SECRET, "POSTCODE", "sw1a1aa")
    # a phone number is never one entity with another label's text
    assert entity_id(SECRET, "PHONE", "07700 900123") != entity_id(SECRET, "ID", "07700900123")


# -- handles with a space after the @ (F12) -----------------------------------------------------

@pytest.mark.parametrize(("text", "handle"), [
    ("snap is @ kai.xo", "kai.xo"),
    ("add me @ kai_99 on insta", "kai_99"),
])
def test_a_handle_after_a_spaced_at_is_masked_whole(text, handle):
    frame = pd.DataFrame({"comment_id": ["r6"], "text": [text]})
    spans = pseudonymise(frame, PseudonymiseConfig(use_spacy=False), secret=SECRET).spans
    assert [(text[s:e], lab) for s, e, lab in
            zip(spans["start"], spans["end"], spans["label"], strict=True)] == [(handle, "HANDLE")]


def test_a_spaced_at_before_a_word_or_time_is_no_handle():
    frame = pd.DataFrame({"comment_id": ["r7"], "text": ["meet @ the park @ 5pm"]})
    assert pseudonymise(frame, PseudonymiseConfig(use_spacy=False),
                        secret=SECRET).spans.empty


# -- emoji beside a name (F10) ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("me and Jaydenn\U0001f468\u200d\U0001f467 went out", "Jaydenn"),
    ("my sister Kayleigh\u200d\u2764\ufe0f is kind", "Kayleigh"),
    ("me and kai\u2764\ufe0f went out", "kai"),
])
def test_a_name_beside_an_emoji_sequence_leaves_the_emoji_whole(text, name):
    frame = pd.DataFrame({"comment_id": ["i13"], "text": [text]})
    result = pseudonymise(frame, PseudonymiseConfig(), secret=SECRET)
    spans = result.spans
    assert [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)] == [name]
    assert result.comments["text"].iloc[0] == text.replace(name, "[PERSON_1]")


def test_surrogates_are_built_from_the_name_as_read():
    texts = ["my sister M\u00e9lanie Brennan rang", "my sister Me\u0301lanie Brennan rang",
             "Jayden is my brother and Jay\u200bden is annoying"]
    frame = pd.DataFrame({"comment_id": ["m0", "m1", "z0"], "text": texts})
    result = pseudonymise(frame, PseudonymiseConfig(mode="surrogates"), secret=SECRET)
    out = result.comments["text"].tolist()
    assert out[0] == out[1]  # one person, one surrogate, no accent left on it
    assert not any(mark in t for t in out for mark in ("\u0301", "\u200b"))
    first, second = out[2].split(" is my brother and ")
    assert second == f"{first} is annoying"
    back = reidentify(result.comments, result.key)
    assert back["text"].tolist() == texts


# -- a look-alike first letter (F6) -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("i miss \u039cia so much", "i miss [PERSON_1] so much"),
    ("\u0410my and me went out", "[PERSON_1] and me went out"),
])
def test_a_name_with_a_look_alike_first_letter_is_masked_whole(text, expected):
    frame = pd.DataFrame({"comment_id": ["g1"], "text": [text]})
    out = pseudonymise(frame, PseudonymiseConfig(), secret=SECRET).comments["text"].iloc[0]
    assert out == expected


def test_a_word_wholly_in_another_script_is_still_masked_as_such():
    text = "my nan says \u0434\u043e\u0431\u0440\u0435 every day"
    frame = pd.DataFrame({"comment_id": ["o1"], "text": [text]})
    spans = pseudonymise(frame, PseudonymiseConfig(), secret=SECRET).spans
    assert spans["label"].tolist() == ["OTHER_SCRIPT"]
