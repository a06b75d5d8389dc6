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
