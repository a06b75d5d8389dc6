"""Heat-map tables by two nested questions give back no hidden count (audit s27 D1).

``topics_by_group`` protected one question at a time: the table by survey and the table by
age group, each marked safe to share, gave back a primary-suppressed count by subtraction
(care leaver 11 - aged 18-21 7 = aged 22-25 4). All data here are fictional.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice.discover.plots import topics_by_group
from carevoice.errors import InputError

from .test_disclosure import _determined

# survey, age group, respondents, how many talk about money (the rest about school)
_GROUPS = [("in_care", "8-10", 12, 2), ("in_care", "11-13", 14, 6), ("in_care", "14-17", 14, 7),
           ("care_leaver", "18-21", 20, 8), ("care_leaver", "22-25", 10, 5)]
_MONEY = ["money allowance money", "allowance money please", "money money allowance",
          "pocket money allowance"]
_SCHOOL = ["school teachers homework", "teachers homework school", "homework school teachers",
           "school homework lessons"]


@pytest.fixture(scope="module")
def survey():
    from carevoice.discover import ThemeDiscovery
    from carevoice.embed import HashingEmbedder

    comments, respondents = [], []
    i = 0
    for name, age, n, money in _GROUPS:
        for j in range(n):
            i += 1
            rid = f"R{i:03d}"
            respondents.append({"respondent_id": rid, "survey": name, "age_group": age})
            comments.append({"comment_id": f"{rid}-better", "respondent_id": rid,
                             "text": (_MONEY if j < money else _SCHOOL)[j % 4]})
    comments, respondents = pd.DataFrame(comments), pd.DataFrame(respondents)
    topics = ThemeDiscovery(HashingEmbedder(), n_topics=2, random_state=0).fit(
        comments).topics_
    return topics, comments, respondents


def _worked_out(tables: dict[str, pd.DataFrame], respondents: pd.DataFrame) -> list[tuple]:
    """The hidden cells that the shared ones (suppressed False) give back, topic by topic:
    a cell is given back when its respondents, as a sum of survey x age cells, are a
    combination of the shared cells' (the overall count of a topic is not shared)."""
    fine = sorted(set(zip(respondents["survey"], respondents["age_group"], strict=True)))
    position = {"survey": 0, "age_group": 1}
    out = []
    for topic in tables["survey"]["topic"].unique():
        known, hidden = [], []
        for variable, table in tables.items():
            for _, row in table[table["topic"] == topic].iterrows():
                vector = np.array([f[position[variable]] == row["level"] for f in fine],
                                  dtype=float)
                (hidden if row["suppressed"] else known).append((row["level"], vector))
        a = np.array([v for _, v in known]).reshape(-1, len(fine))
        out += [(topic, level) for level, v in hidden if _determined(a, v)]
    return out


def test_two_heat_maps_of_nested_questions_give_back_no_hidden_count(survey):
    topics, comments, respondents = survey
    tables = {v: topics_by_group(topics, comments, respondents, v)
              for v in ("survey", "age_group")}
    assert any(t["suppressed"].any() for t in tables.values())
    assert _worked_out(tables, respondents) == []
    # one question at a time, as before: the audit's recovery comes back
    apart = {v: topics_by_group(topics, comments, respondents, v, linked=[])
             for v in ("survey", "age_group")}
    assert _worked_out(apart, respondents) != []


def test_the_same_marks_whichever_question_is_asked(survey):
    topics, comments, respondents = survey
    by_age = topics_by_group(topics, comments, respondents, "age_group")
    by_age_linked = topics_by_group(topics, comments, respondents, "age_group",
                                    linked=["survey"])
    pd.testing.assert_frame_equal(by_age, by_age_linked)
    with pytest.raises(InputError, match="'linked' argument of topics_by_group names 'region'"):
        topics_by_group(topics, comments, respondents, "age_group", linked=["region"])
