"""The models read pseudonymisation tags without their numbers (:mod:`carevoice.placeholders`).

A tag's number only says which tag is which inside one pseudonymisation run (it continues from
an earlier wave's key, it depends on the order of the comments), so the theme coder, quote
selection and the batch runner's embed step must give the same result whatever the numbers and
whichever tag style. All comments here are fictional.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice import CachedEmbedder, HashingEmbedder, SentenceTransformerEmbedder
from carevoice.placeholders import (
    FURTHER_FORMS,
    MODEL_FORMS,
    PLACEHOLDER,
    TAG_WORDS,
    model_text,
    placeholder_label,
)
from carevoice.schema import PII_LABELS
from carevoice.themes import ThemeCoder

from .conftest import SCREEN_RULES

#: Fictional pseudonymised comments; ``{LABEL}`` marks where a tag of that label goes.
TEMPLATES = [
    "i miss {PERSON} and {PERSON} loads, contact at {ORG} got cancelled again",
    "they moved me from {LOCATION} to {LOCATION} and i had to change school to {ORG}",
    "my social worker {PERSON} left. call me on {PHONE} or {EMAIL} if you want",
    "i want to go back to {LOCATION}",
    "{PERSON} is the only one who gets me, she found me {ADDRESS} {POSTCODE}",
    "my review was on {DATE} and nobody told me. ref {ID}, insta {HANDLE}",
    "n/a",
    "",
]


def _tag(label: str, number: int, style: str) -> str:
    if style == "words":
        return f"[{TAG_WORDS[label]} {number}]"
    return f"[{label}_{number}]"


def _fill(template: str, numbers: list[int], styles: list[str]) -> str:
    """The template with its k-th tag numbered ``numbers[k]`` in style ``styles[k]``."""
    count = iter(range(1000))

    def one(match: re.Match[str]) -> str:
        k = next(count)
        return _tag(match.group(1), numbers[k % len(numbers)], styles[k % len(styles)])

    return re.sub(r"\{([A-Z_]+)\}", one, template)


def _comments(numbers: list[int], styles: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(TEMPLATES))],
                         "text": [_fill(t, numbers, styles) for t in TEMPLATES]})


@pytest.fixture(scope="module")
def hashing_coder() -> ThemeCoder:
    return ThemeCoder(embedder=HashingEmbedder(), reference=False, n_splits=2).fit()


# -- model_text ------------------------------------------------------------------------------
@pytest.mark.parametrize("label", PII_LABELS)
def test_every_label_in_both_styles_reads_as_its_one_form(label):
    forms = {model_text(f"x {_tag(label, n, style)} y")
             for n in (1, 7, 12, 130) for style in ("label", "words")}
    forms.add(model_text(f"x [{label.lower()}_3] y"))  # a lower-cased file
    assert forms == {f"x {MODEL_FORMS[label]} y"}
    assert placeholder_label(_tag(label, 4, "words")) == label


def test_redaction_mark_and_other_text():
    assert model_text("i miss [REDACTED]") == f"i miss {MODEL_FORMS['REDACTED']}"
    for text in ("i miss my nan [mum]", "[SW] rang", "a [1] b", "[PERSONAL_1]", "[ PERSON_1 ]"):
        assert model_text(text) == text  # not carevoice's placeholders: left as written
    assert placeholder_label("[PERSONAL_1]") is None


def test_model_forms_are_not_placeholders_and_reading_twice_changes_nothing():
    text = _fill(TEMPLATES[2], [3, 9], ["label", "words"])
    assert model_text(model_text(text)) == model_text(text)
    assert not any(PLACEHOLDER.search(form) for form in MODEL_FORMS.values())
    assert set(MODEL_FORMS) == {*PII_LABELS, "REDACTED"}


def test_the_names_read_for_places_and_organisations_are_absent_from_the_training_texts():
    """A name the training texts use ("Leeds", in postcode-lottery comments) would carry its
    training themes into every tag."""
    from carevoice.themes.reference import default_training_texts

    words = {w for t in default_training_texts() for w in re.findall(r"[a-z0-9@.']+", t.lower())}
    for label in ("LOCATION", "ORG"):
        for form in (MODEL_FORMS[label], *FURTHER_FORMS[label]):
            assert form.lower() not in words, (label, form)


def test_different_places_in_one_comment_read_as_different_places():
    """"moved from [LOCATION_1] to [LOCATION_2]" is a move; read with one form per label it
    was "Kettering to Kettering". The forms follow the order of first appearance, so the
    numbers still do not matter, and a repeated tag reads as the same place again."""
    moved = model_text("moved from [LOCATION_7] to [Place 2] and back to [LOCATION_7]")
    first, second = MODEL_FORMS["LOCATION"], FURTHER_FORMS["LOCATION"][0]
    assert moved == f"moved from {first} to {second} and back to {first}"
    assert model_text("moved from [LOCATION_1] to [LOCATION_2] and back to [LOCATION_1]") == moved
    assert model_text("from [LOCATION_4] to [LOCATION_4]") == f"from {first} to {first}"
    orgs = model_text("[ORG_9], [ORG_3], [ORG_9] and [ORG_1]")
    assert orgs == ", ".join([MODEL_FORMS["ORG"], *FURTHER_FORMS["ORG"][:1], MODEL_FORMS["ORG"]]) \
        + f" and {FURTHER_FORMS['ORG'][1]}"
    # each comment starts again; people, unnumbered tags and redaction keep their one form
    assert model_text("[LOCATION_2] then [LOCATION_5]").split()[0] == first
    assert model_text("[PERSON_1] told [PERSON_2]") == "someone told someone"
    assert model_text("[LOCATION] to [LOCATION]") == f"{first} to {first}"
    many = model_text(" ".join(f"[LOCATION_{n}]" for n in range(1, 8)))
    assert many.split()[5] == first  # after the last form the forms start again


# -- the theme coder -------------------------------------------------------------------------
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(numbers=st.lists(st.integers(1, 999), min_size=2, max_size=6, unique=True),
       styles=st.lists(st.sampled_from(["label", "words"]), min_size=1, max_size=6))
def test_coding_does_not_depend_on_tag_numbers_or_style(hashing_coder, numbers, styles):
    """Any numbering that keeps different tags apart (the numbers are unique) codes alike."""
    base = hashing_coder.score_frame(_comments([1, 2, 3, 4, 5, 6], ["label"]))
    renumbered = hashing_coder.score_frame(_comments(numbers, styles))
    pd.testing.assert_frame_equal(renumbered, base)


def test_precomputed_vectors_of_the_text_as_written_give_the_same_codes(hashing_coder):
    comments = _comments([12, 13, 14], ["words"])
    vectors = HashingEmbedder().encode(comments["text"].tolist())
    pd.testing.assert_frame_equal(hashing_coder.predict(comments, embeddings=vectors),
                                  hashing_coder.predict(comments))
    pd.testing.assert_frame_equal(hashing_coder.predict(comments),
                                  hashing_coder.predict(_comments([1, 2, 3], ["label"])))


def test_predict_leaves_the_comments_as_written(hashing_coder):
    comments = _comments([5], ["label"])
    before = comments.copy()
    hashing_coder.predict(comments)
    pd.testing.assert_frame_equal(comments, before)


def test_human_examples_with_tags_teach_the_same_whatever_their_numbers():
    texts = ["me and [PERSON_1] want more time together", "[PERSON_2] was cancelled on again",
             "my dog is called [PERSON_3]"]
    codes = pd.DataFrame({"comment_id": ["h0", "h1"], "theme": "family_contact"})

    def fitted(offset: int) -> pd.DataFrame:
        shifted = [re.sub(r"_(\d+)\]", lambda m: f"_{int(m.group(1)) + offset}]", t)
                   for t in texts]
        human = pd.DataFrame({"comment_id": ["h0", "h1", "h2"], "text": shifted})
        coder = ThemeCoder(embedder=HashingEmbedder(), reference=False, n_splits=2)
        return coder.fit(human, codes).score_frame(_comments([1], ["label"]))

    pd.testing.assert_frame_equal(fitted(0), fitted(40))


# -- the batch runner's embed and code steps -------------------------------------------------
def test_batch_steps_embed_each_reading_once_and_code_alike(hashing_coder):
    from carevoice.batch.steps import code_chunk, embed_texts, row_vectors

    one = _comments([1, 2, 3], ["label"])
    two = _comments([21, 40, 7], ["words", "label"])
    both = pd.concat([one, two.assign(comment_id=two["comment_id"] + "b")], ignore_index=True)
    cached = CachedEmbedder(HashingEmbedder(), None)
    texts, vectors = embed_texts(both, cached)
    assert len(texts) == len(TEMPLATES) - 1  # the blank one is not embedded; renumbered = same
    assert cached.misses == len(texts)
    rows = row_vectors(both, texts, vectors)
    np.testing.assert_array_equal(rows[:len(one)], rows[len(one):])
    codes = code_chunk(both, hashing_coder, texts, vectors, 0.0)
    first = codes[~codes["comment_id"].str.endswith("b")].reset_index(drop=True)
    second = codes[codes["comment_id"].str.endswith("b")].reset_index(drop=True)
    second["comment_id"] = second["comment_id"].str[:-1]
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(first, hashing_coder.predict(one))


# -- quote selection -------------------------------------------------------------------------
def test_quote_selection_does_not_depend_on_tag_numbers():
    from carevoice.quotes import QuoteConfig, select_quotes

    people = [f"r{i}" for i in range(8)]
    texts = ["i want to see [PERSON_{a}] more, contact got cancelled",
             "contact with [PERSON_{a}] is only once a month at [ORG_{b}]",
             "i miss [PERSON_{a}] and [PERSON_{b}] so much",
             "they stopped me seeing [PERSON_{a}] when i moved to [LOCATION_{b}]",
             "[PERSON_{a}] never turns up to contact",
             "let me ring [PERSON_{a}] at weekends",
             "i only see [PERSON_{a}] at [ORG_{b}] and it smells",
             "more contact with [PERSON_{a}] please"]
    resp = pd.DataFrame({"respondent_id": people, "survey": "in_care", "age_group": "11-13",
                         "placement_type": "foster"})

    def quotes(a: int, b: int) -> pd.DataFrame:
        comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(8)],
                                 "respondent_id": people,
                                 "text": [t.format(a=a + i, b=b + i)
                                          for i, t in enumerate(texts)]})
        codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact"})
        out = select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                            safeguarding=SCREEN_RULES,
                            embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=3))
        assert all("[" in t for t in out["text"])  # the quotes keep their tags
        return out.drop(columns=["text"])

    pd.testing.assert_frame_equal(quotes(1, 2), quotes(30, 17))


# -- the packaged model: the auditor's cases ------------------------------------------------
@pytest.fixture(scope="module")
def real_coder() -> ThemeCoder:
    return ThemeCoder(embedder=SentenceTransformerEmbedder(), n_splits=2).fit()


@pytest.mark.model
def test_real_model_codes_a_tag_alike_whatever_its_number(real_coder):
    texts = ([f"i miss [PERSON_{n}]" for n in range(1, 31)]
             + ["i miss [Person 3]", "i miss [REDACTED]"]
             + [f"i want to go back to [LOCATION_{n}]" for n in (1, 5, 12)]
             + ["i want to go back to [Place 2]"])
    scores = real_coder.score_frame(pd.DataFrame({"comment_id": [f"c{i}" for i in
                                                                 range(len(texts))],
                                                  "text": texts}))
    assert scores["family_contact"].iloc[:32].nunique() == 1
    assert scores["placement_stability"].iloc[32:].nunique() == 1
