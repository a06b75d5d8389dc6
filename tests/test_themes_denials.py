"""Denials: "no complaints", "never needed an advocate" are read as "it's fine"."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice import HashingEmbedder, SentenceTransformerEmbedder
from carevoice.errors import InputError
from carevoice.themes.denials import FINE, denials, read_denials
from carevoice.themes.model import ThemeCoder
from carevoice.themes.reading import read_texts


@pytest.mark.parametrize(("text", "denial"), [
    ("no complaints really, my carers are great", "no complaints"),
    ("Everything's fine, no complaints.", "no complaints"),
    ("I've got no complaints about my carers, they're like family",
     "i've got no complaints about my carers"),
    ("ngl i dont really have any complaints", "i dont really have any complaints"),
    ("nothing much to complain about. college is ok", "nothing much to complain about"),
    ("cant complain tbh, everything is alright", "cant complain"),
    ("Honestly I can't complain. I'd like more pocket money", "i can't complain"),
    ("im not complaining but the wifi is terrible", "im not complaining"),
    ("I never had to complain about anything here.", "i never had to complain about anything here"),
    ("I never needed an advocate, my carers sort things out", "i never needed an advocate"),
    ("didnt need an advocate cos my social worker listens", "didnt need an advocate"),
    ("I don't have a problem with my social worker changing, i'm fine",
     "i don't have a problem with my social worker changing"),
    ("no problem with my PA, I just need help with bills", "no problem with my pa"),
    ("I don't mind having a new key worker, I'm more bothered about exams",
     "i don't mind having a new key worker"),
    ("Nobody treats me differently at school", "nobody treats me differently"),
    ("I've never been treated differently because I'm in care",
     "i've never been treated differently because i'm in care"),
    ("never felt judged for being in care. my worry is housing",
     "never felt judged for being in care"),
])
def test_a_denial_is_read_as_fine(text, denial):
    assert denials(text) == (denial,)
    read = read_denials(text)
    assert FINE in read
    assert denial not in read.lower()


@pytest.mark.parametrize("text", [
    "no one listens to my complaint, its been months",
    "I never got a reply to my complaint about my carer",
    "nobody told me how to complain so i just put up with it",
    "I can't complain or they'll move me again",
    "I can't complain because nobody tells you how",
    "there's no complaints form at our home",
    "they said no complaints were ever received",
    "I made no complaint because I was scared",
    "i didnt complain cos i was scared staff would find out",
    "I don't feel like I can complain about anything here",
    "I didn't know there was a complaints process for kids in care",
    "only complaint is my foster dads cooking haha",
    "I never had an advocate, nobody even told me what one was",
    "my social worker said i didnt need an advocate but i did",
    "I wouldn't mind an advocate",
    "I haven't had the same social worker for more than six months",
    "nobody told me my social worker was leaving",
    "nobody at school treats me normal since they found out im in care",
    "I don't tell anyone I'm in care because they'd look at me differently",
    "no one wants to be friends with the care kid",
    "",
])
def test_a_negative_that_raises_the_theme_is_left_alone(text):
    assert denials(text) == ()
    assert read_denials(text) == text


def test_only_the_denial_is_rewritten_the_rest_stays():
    text = "I never needed to complain until the new manager came, now I've complained twice"
    assert read_denials(text) == f"{FINE} until the new manager came, now I've complained twice"
    assert read_texts([text], denials=False) == [text]


def test_denials_must_be_a_bool():
    with pytest.raises(InputError, match="'denials'"):
        ThemeCoder(embedder=HashingEmbedder(), denials="yes").fit()  # type: ignore[arg-type]


def test_the_coder_reads_denials_and_keeps_the_comment_as_written():
    coder = ThemeCoder(embedder=HashingEmbedder(), n_splits=2).fit()
    comments = pd.DataFrame({"comment_id": ["a"], "text": ["no complaints really, school is ok"]})
    assert coder._read(comments["text"].tolist()) == [f"{FINE} really, school is ok"]
    vectors = HashingEmbedder().encode(comments["text"].tolist())
    pd.testing.assert_frame_equal(coder.score_frame(comments, embeddings=vectors),
                                  coder.score_frame(comments))
    off = ThemeCoder(embedder=HashingEmbedder(), n_splits=2, denials=False).fit()
    assert off._read(["no complaints"]) == ["no complaints"]
    assert "denials=False" in repr(off)
    assert "denials" in ThemeCoder().get_params()
    # a coder pickled before the parameter existed reads as it was fitted: no denial reading
    del off.denials
    assert off._read(["no complaints"]) == ["no complaints"]


@pytest.mark.model
def test_real_coder_does_not_code_a_denial_as_the_theme_it_denies():
    denied = ["No complaints really. School is going well and I got a 7 in my maths mock.",
              "nothing to complain about, i see my mum every saturday and thats enough for me"]
    raised = ["I never got a reply to my complaint about my carer shouting",
              "nobody told me how to complain so i just put up with it"]
    comments = pd.DataFrame({"comment_id": ["d1", "d2", "r1", "r2"], "text": denied + raised})
    embedder = SentenceTransformerEmbedder()
    on = ThemeCoder(embedder=embedder, n_splits=2).fit().score_frame(comments)
    off = ThemeCoder(embedder=embedder, n_splits=2, denials=False).fit().score_frame(comments)
    on, off = on.set_index("comment_id"), off.set_index("comment_id")
    # read as a denial, "no complaints" is not a complaint ...
    assert (on.loc[["d1", "d2"], "complaints"] < 0.5).all()
    assert (off.loc[["d1", "d2"], "complaints"] >= 0.5).all()
    # ... and the rest of the comment is still read for what it says
    assert on.loc["d1", "education"] >= 0.5 and on.loc["d2", "family_contact"] >= 0.5
    # a complaint phrased with a negative is still a complaint
    assert (on.loc[["r1", "r2"], "complaints"] >= 0.5).all()
