"""Kinship care: a relative the young person lives with is read as their carer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.errors import InputError
from carevoice.themes.kinship import kin_carers, read_kin_carers
from carevoice.themes.model import ThemeCoder


@pytest.mark.parametrize(("text", "carers"), [
    ("i live with my gran in a flat by the sea", ("gran",)),
    ("Living with Auntie Roz and uncle Femi is ok", ("auntie", "uncle")),
    ("ive lived with my grandparents since i was 4", ("grandparents",)),
    ("i live with my big sister now shes 23", ("big sister",)),
    ("my aunt is my special guardian", ("aunt",)),
    ("my carer is my uncle", ("uncle",)),
    ("nanny n grandad look after me and my brother", ("grandad", "nanny")),
    ("my nain took us in when mam got ill", ("nain",)),
    ("grandma raised me from a baby", ("grandma",)),
])
def test_a_relative_the_young_person_lives_with_is_a_carer(text, carers):
    assert kin_carers(text) == carers


@pytest.mark.parametrize("text", [
    "i want to live with my gran",
    "I wish I could live with my aunt",
    "they said i can live with my uncle when im 12",
    "i used to live with my nan",
    "i dont live with my grandad anymore",
    "id like to go back and live with my nana",
    "my brother lives with my aunt in Leeds",
    "i see my nan every sunday",
    "if i lived with my gran i would be happy",
    "",
])
def test_wishes_memories_negations_and_other_people_are_left_alone(text):
    assert kin_carers(text) == ()
    assert read_kin_carers(text) == text


def test_every_mention_of_the_carer_is_read_as_carer_but_not_another_relative():
    text = "i live with my gran. grans dog is called Bob. i see my other gran at christmas"
    assert read_kin_carers(text) == (
        "i live with my carer. carers dog is called Bob. i see my other gran at christmas")
    # a relative who is not the carer keeps their word
    assert read_kin_carers("i live with my aunt and i miss my nan") == (
        "i live with my carer and i miss my nan")
    # a wish in one sentence does not stop the next sentence from naming the carer
    assert kin_carers("i want a dog. i live with my grandad tho") == ("grandad",)


@pytest.mark.parametrize(("text", "read"), [
    ("if Rose my foster mum culd adopt me", "if Rose my foster carer culd adopt me"),
    ("my foster dad takes me to see my dad", "my foster carer takes me to see my dad"),
    ("Foster parents should get more money", "foster carers should get more money"),
    ("my foster mam's dog", "my foster carer's dog"),
    # foster brothers and sisters, and the word "foster" alone, stay as written
    ("me and my foster sister", "me and my foster sister"),
    ("foster care is ok", "foster care is ok"),
    ("i miss my mum", "i miss my mum"),
])
def test_a_foster_mum_or_dad_is_read_as_a_carer(text, read):
    assert read_kin_carers(text) == read


def test_kin_carers_must_be_a_bool():
    with pytest.raises(InputError, match="'kin_carers'"):
        ThemeCoder(embedder=HashingEmbedder(), kin_carers="yes").fit()  # type: ignore[arg-type]


def test_the_coder_reads_carers_and_keeps_the_comment_as_written():
    coder = ThemeCoder(embedder=HashingEmbedder(), n_splits=2).fit()
    comments = pd.DataFrame({"comment_id": ["a", "b"],
                             "text": ["i live with my gran and she cooks",
                                      "i want to see my gran"]})
    codes = coder.predict(comments)
    assert set(codes["comment_id"]) == {"a", "b"}
    # precomputed vectors of the comments as written give the same scores: the coder
    # re-embeds the ones it reads differently
    vectors = HashingEmbedder().encode(comments["text"].tolist())
    pd.testing.assert_frame_equal(coder.score_frame(comments, embeddings=vectors),
                                  coder.score_frame(comments))
    off = ThemeCoder(embedder=HashingEmbedder(), n_splits=2, kin_carers=False).fit()
    assert "kin_carers=False" in repr(off)
    gran = list(coder.themes_).index("family_contact")
    read = coder.decision_frame(comments).iloc[:, 1:].to_numpy()[:, gran]
    raw = off.decision_frame(comments).iloc[:, 1:].to_numpy()[:, gran]
    assert read[0] < raw[0]  # "live with my gran" reads less like family contact
    assert np.isclose(read[1], raw[1], atol=0.1)  # a wish to see her is read as written


@pytest.mark.model
def test_real_model_does_not_code_living_with_a_relative_as_family_contact():
    from carevoice import SentenceTransformerEmbedder

    coder = ThemeCoder(embedder=SentenceTransformerEmbedder(), n_splits=2).fit()
    texts = ["my grandad looks after me since i was 3 and we go fishing",
             "living with my uncle Sami is good he takes me to football",
             "i want to see my nanna more, she lives in Wales and i never get to go",
             "i wish i could live with my uncle instead of in the home"]
    comments = pd.DataFrame({"comment_id": list("abcd"), "text": texts})
    codes = coder.predict(comments)
    fc = codes[codes["theme"] == "family_contact"].set_index("comment_id")["assigned"]
    assert not fc["a"] and not fc["b"]
    assert fc["c"] and fc["d"]
