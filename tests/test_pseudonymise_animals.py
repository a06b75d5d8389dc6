"""Animals' names are not people's, and a person named like a pet stays masked."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.pseudonymise import SpacyDetector, detect_pii
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.animals import drop_pet_names, pet_names


@pytest.fixture(scope="module")
def spacy_ready():
    """Load the packaged spaCy pipeline once."""
    return SpacyDetector().nlp()


@pytest.mark.parametrize(("text", "names"), [
    ("we got a rescue greyhound called Pudding last spring", {"pudding"}),
    ("my nan has a lurcher named Scout and he is massive", {"scout"}),
    ("the school dog at breakfast club is called Honey", {"honey"}),
    ("i named my gecko Ziggy", {"ziggy"}),
    ("our two ferrets Bandit and Socks escaped again", {"bandit", "socks"}),
    ("Nibbles the gerbil lives in my room", {"nibbles"}),
    ("Pepper, the carers' cockapoo, sleeps on my bed", {"pepper"}),
    ("Clover is my pony at the stables", {"clover"}),
    ("my old teddy Barnaby came with me to every placement", {"barnaby"}),
    # people, not animals
    ("a dog Rachel gave me when i was little", set()),
    ("i help with the dogs Sarah looks after at weekends", set()),
    ("our dog Bonnie died last year", {"bonnie"}),
    ("my foster mum with the dog is called Sue", set()),
    ("my horse riding teacher Jo is lovely", set()),
    ("Jordan is my pet hate", set()),
    ("the dog walker Sue comes on mondays", set()),
    ("Mo Salah is the GOAT, Liverpool till i die", set()),
    ("i want a dog when i get my own flat", set()),
])
def test_pet_names(text, names):
    assert pet_names(text) == names


@pytest.mark.parametrize(("text", "masked", "left"), [
    ("Bella my little sister feeds Bella the rabbit", {"Bella"}, set()),
    ("we call the cat Kevin after my uncle Kevin", {"Kevin"}, set()),
    ("Harry the guinea pig belongs to my foster brother Harry", {"Harry"}, set()),
    ("Marley said the tortoise is called Marley too", {"Marley"}, set()),
    ("me and Deon walk Tyson every day, Tyson is a staffy", {"Deon"}, set()),
    ("i miss my dog Rolo more than anything", set(), {"Rolo"}),
    ("we walk our dog Ruby and Ruby the site supervisor waves", {"Ruby"}, set()),
])
@pytest.mark.model
def test_a_pet_named_like_a_person_stays_masked(spacy_ready, text, masked, left):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    found = {text[s:e] for s, e in zip(spans.start, spans.end)}
    assert masked <= found and not (left & found), found


def test_drop_pet_names_keeps_other_labels_and_comments():
    comments = pd.DataFrame({"comment_id": ["a", "b"],
                             "text": ["a pony called Ginger, ring 07700 900123",
                                      "Ginger from leaving care rang"]})
    spans = spans_frame([("a", 14, 20, "PERSON", 0.6, "x"), ("a", 27, 39, "PHONE", 0.9, "y"),
                         ("b", 0, 6, "PERSON", 0.6, "x")])
    kept = drop_pet_names(comments, spans)
    assert list(zip(kept["comment_id"], kept["label"])) == [("a", "PHONE"), ("b", "PERSON")]
    assert drop_pet_names(comments, spans.iloc[:0]).empty
