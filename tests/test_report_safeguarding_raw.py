"""The report's screen reads what the young person wrote: given raw comments, a disclosure that
pseudonymisation would hide (a word of it masked as a name) is still withheld from quoting;
given pseudonymised text only, the screen reads its tags as words. Every comment is fictional."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig
from carevoice.errors import InputError
from carevoice.quotes import QuoteConfig, select_quotes
from carevoice.safeguarding import SafeguardingConfig

RULES = SafeguardingConfig(similarity=False)
#: "Elders" is also a surname: the pseudonymiser masks it (spaCy, 0.8, no review), and the
#: masked text no longer reads as a gang drawing someone in.
ELDERS = "Since I moved here the Elders keep trying to get me involved, I want to move placement"
ORDINARY = ["i have moved placement four times this year and it is too many",
            "i want to stay in my placement until i finish college",
            "moving placement again meant a new school and no friends",
            "my placement is good and i feel settled for once",
            "i was moved out of area and miss my old school",
            "every time i settle in a placement they move me again"]


def _frames(first: str):
    texts = [first, *ORDINARY]
    ids = [f"r{i}" for i in range(len(texts))]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))],
                             "respondent_id": ids, "text": texts})
    codes = pd.DataFrame({"comment_id": comments["comment_id"],
                          "theme": "placement_stability",
                          "score": [0.99] + [0.5] * len(ORDINARY)})
    resp = pd.DataFrame({"respondent_id": ids, "survey": "in_care"})
    return comments, codes, resp


def _quotes(comments, codes, resp, **kwargs):
    return select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                         embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=7, min_group=1),
                         disclosure=DisclosureConfig(attributes=("survey",), k=1),
                         safeguarding=RULES, **kwargs)


def test_select_quotes_screens_the_comments_as_written():
    raw, codes, resp = _frames("Cuckooing happened to me in my first flat, the move took ages")
    masked = raw.assign(text=["[PERSON_1] happened to me in my first flat, the move took ages",
                              *ORDINARY])
    assert "c0" in set(_quotes(masked, codes, resp)["comment_id"])  # the tag hides it ...
    quotes = _quotes(masked, codes, resp, comments_as_written=raw)
    assert "c0" not in set(quotes["comment_id"])  # ... the words as written do not
    assert quotes.attrs["safeguarding_withheld"] == 1
    assert "Cuckooing" not in " ".join(quotes["text"])
    # and what the pseudonymised text says is screened too: "Kai hits me" reads as no one
    # hitting, "[PERSON_1] hits me" as someone who does
    raw2 = raw.assign(text=["Kai hits me when i go back to my mums at weekends", *ORDINARY])
    masked2 = raw.assign(text=["[PERSON_1] hits me when i go back to my mums at weekends",
                               *ORDINARY])
    assert "c0" not in set(_quotes(masked2, codes, resp, comments_as_written=raw2)["comment_id"])
    with pytest.raises(InputError, match="'comments_as_written' argument of select_quotes"):
        _quotes(masked, codes, resp, comments_as_written=raw[["comment_id"]])


def test_the_report_given_raw_comments_never_quotes_a_masked_disclosure():
    """Before: the report screened the pseudonymised candidates, where "the Elders" had
    become "the [PERSON_1]", and quoted the comment."""
    from carevoice.report import make_report

    comments, codes, resp = _frames(ELDERS)
    content = make_report((comments, resp), codes, text_is_pseudonymised=False,
                          safeguarding=RULES, embedder=HashingEmbedder(), timestamp=False,
                          themes=["placement_stability"],
                          quote_config=QuoteConfig(n_quotes=7, min_group=1),
                          disclosure=DisclosureConfig(attributes=("survey",), k=1))
    assert len(content.quotes) and "c0" not in set(content.quotes["comment_id"])
    assert content.safeguarding_withheld == 1


def test_the_report_on_pseudonymised_text_reads_tags_as_words():
    """text_is_pseudonymised (`carevoice report --already-pseudonymised`): a disclosure whose
    subject is a tag is withheld; "[PERSON_1] hits me" was read as "person 1 hits me", no one
    hitting, and quoted."""
    from carevoice.report import make_report

    comments, codes, resp = _frames("[PERSON_1] hits me when i go back to my mums at weekends")
    content = make_report((comments, resp), codes, text_is_pseudonymised=True,
                          safeguarding=RULES, embedder=HashingEmbedder(), timestamp=False,
                          themes=["placement_stability"],
                          quote_config=QuoteConfig(n_quotes=7, min_group=1),
                          disclosure=DisclosureConfig(attributes=("survey",), k=1))
    assert len(content.quotes) and "c0" not in set(content.quotes["comment_id"])
    assert content.safeguarding_withheld == 1
