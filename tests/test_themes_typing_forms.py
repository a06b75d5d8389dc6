"""The theme coder reads text typed in full-width letters, or with a soft hyphen or zero-width
space inside a word, as the plain text it shows (Unicode audit F9). Fictional comments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.themes import ThemeCoder
from carevoice.themes.reading import read_texts

PLAIN = ["my social worker never listens to me and keeps changing",
         "i miss my little brother and we never get contact",
         "my foster carer is really kind and makes me feel safe"]


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" else c for c in text)


def _soft_hyphens(text: str) -> str:
    return text.replace("carer", "ca\u00adrer").replace("safe", "sa\u00adfe").replace(
        "social", "so\u200bcial").replace("brother", "bro\u200bther")


def _look_alikes(text: str) -> str:
    return text.replace("o", "\u043e").replace("a", "\u0430")


@pytest.mark.parametrize("variant", [_full_width, _soft_hyphens, _look_alikes])
def test_typing_forms_read_as_the_plain_text(variant):
    assert read_texts([variant(t) for t in PLAIN]) == read_texts(PLAIN)


def test_typing_forms_get_the_scores_of_the_plain_text():
    coder = ThemeCoder(HashingEmbedder(), n_splits=2).fit()
    plain = pd.DataFrame({"comment_id": ["a", "b", "c"], "text": PLAIN})
    expected = coder.predict_proba(plain).select_dtypes("number").to_numpy()
    for variant in (_full_width, _soft_hyphens):
        typed = plain.assign(text=plain["text"].map(variant))
        got = coder.predict_proba(typed).select_dtypes("number").to_numpy()
        assert got.shape == expected.shape and np.allclose(got, expected)
