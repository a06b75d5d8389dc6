"""The safeguarding screen reads Cyrillic look-alike letters typed inside English words
("self h\u0430rm" with a Cyrillic "a") as the Latin letters they look like (Unicode audit F8).
All comments are fictional."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.safeguarding.screen import screen_comments

PLAIN = [("s", "i self harm when i get sad"), ("r", "i want to run away from my placement")]


def _cyrillic_a(text: str) -> str:
    return text.replace("a", "\u0430")


def _cyrillic_o_e(text: str) -> str:
    return text.replace("o", "\u043e").replace("e", "\u0435")


@pytest.mark.parametrize("variant", [_cyrillic_a, _cyrillic_o_e])
def test_look_alike_letters_get_the_flags_of_the_plain_text(variant):
    plain = pd.DataFrame(PLAIN, columns=["comment_id", "text"])
    typed = plain.assign(text=plain["text"].map(variant))
    expected = screen_comments(plain)
    assert set(expected["comment_id"]) == {"s", "r"}
    got = screen_comments(typed)
    assert got["comment_id"].tolist() == expected["comment_id"].tolist()
    columns = ["comment_id", "category", "level"]
    assert got[columns].values.tolist() == expected[columns].values.tolist()
