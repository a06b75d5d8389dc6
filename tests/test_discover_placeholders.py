"""Discovery reads pseudonymisation tags without their numbers: the same topics whatever the
numbering or tag style (:func:`carevoice.placeholders.model_text`). Fictional comments."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.discover import ThemeDiscovery
from carevoice.placeholders import TAG_WORDS, model_texts

#: Four planted groups; ``{P}``, ``{L}``, ``{O}`` are a person's, a place's, an organisation's
#: tag.
CORPUS = [
    "i miss {P} so much", "want to see {P} and {P} more", "contact with {P} got cancelled",
    "{P} lives too far to visit", "i never see {P} now", "let me see {P} at weekends",
    "more money for driving lessons", "my allowance from {O} is not enough money",
    "leaving care grant ran out fast", "cant pay my gas bill", "money for bus fares in {L}",
    "i need money for food",
    "my social worker {P} keeps changing", "new social worker every few months",
    "{P} my social worker never rings back", "had five social workers this year at {O}",
    "school exclusion at {O} was unfair", "help with my exams at {O}",
    "college course in {L} is hard", "i got into college in {L}", "n/a", "",
]

_LABEL = {"P": "PERSON", "L": "LOCATION", "O": "ORG"}


def _comments(start: int, style: str) -> pd.DataFrame:
    counter = iter(range(start, start + 1000))

    def tag(match: re.Match[str]) -> str:
        label, n = _LABEL[match.group(1)], next(counter)
        return f"[{TAG_WORDS[label]} {n}]" if style == "words" else f"[{label}_{n}]"

    texts = [re.sub(r"\{([PLO])\}", tag, t) for t in CORPUS]
    return pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(len(texts))],
                         "text": texts})


def _fit(comments: pd.DataFrame) -> ThemeDiscovery:
    return ThemeDiscovery(HashingEmbedder(), n_topics=4, text_is_pseudonymised=True).fit(
        comments)


@pytest.mark.parametrize(("start", "style"), [(12, "label"), (1, "words"), (300, "words")])
def test_topics_do_not_depend_on_tag_numbers_or_style(start, style):
    base = _fit(_comments(1, "label")).topics_
    other = _fit(_comments(start, style)).topics_
    pd.testing.assert_frame_equal(other.assignments, base.assignments)
    np.testing.assert_array_equal(other.embeddings, base.embeddings)
    for column in ("label", "keywords", "size", "representative", "diverse"):
        assert other.topics[column].tolist() == base.topics[column].tolist()
    # the comments are kept as written, tags and all
    assert other.comments["text"].tolist() == _comments(start, style)["text"].tolist()


def test_keywords_never_hold_a_tag_word():
    topics = _fit(_comments(1, "words")).topics_
    words = {w for kws in topics.topics["keywords"] for kw in kws for w in kw.split()}
    assert not words & {"person", "place", "organisation", "someone", "kettering", "elmwood"}


def test_precomputed_embeddings_of_the_model_text_match_a_fit_that_embeds():
    comments = _comments(7, "words")
    texts = model_texts(comments["text"].tolist())
    vectors = HashingEmbedder().encode(texts)
    fitted = ThemeDiscovery(HashingEmbedder(), n_topics=4, text_is_pseudonymised=True).fit(
        comments, embeddings=vectors)
    pd.testing.assert_frame_equal(fitted.topics_.assignments,
                                  _fit(_comments(1, "label")).topics_.assignments)
