"""Exports of two survey platforms used by UK councils and universities: JISC Online surveys
(formerly BOS) and SmartSurvey.

The layouts below are built from what a user of each platform sees in a downloaded file, not
from the platforms' own documentation (none was at hand): submission times and a record
number beside the answers, contact columns when the survey collects them, and a
tick-all-that-apply question exported one column per option, coded 1 / 0 (the Online surveys
layout here) or holding the option's text under a "Question - Option" header (the SmartSurvey
layout here). Every name, address and answer is fictional (``example.invalid`` addresses,
documentation IP ranges).
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import carevoice as cv

AGES = ["8-10", "11-13", "14-15", "16-17"]
PLACES = ["Foster care", "Residential", "Kinship care"]
N = 12
FREE = "3. What do you do in your free time? (select all that apply)"


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _online_surveys(path):
    """JISC Online surveys: 'Response ID', 'Started', 'Completed', numbered questions,
    options coded 1 / 0 in columns of their own, 'Username' on a survey with access
    control."""
    header = ["Response ID", "Started", "Completed", "Username", "1. How old are you?",
              "2. Where do you live now?", "3.1 Sport", "3.2 Music", "3.3 Gaming",
              "3.4 Other (please specify)", "4. What would make your life better?"]
    rows = [[str(5000 + i), f"2026-03-{1 + i:02d} 10:{i:02d}:00",
             f"2026-03-{1 + i:02d} 10:{i + 9:02d}:00", f"yp{i:03d}fict", AGES[i % 4],
             PLACES[i % 3], "1" if i % 2 else "0", "1" if i % 3 else "0", "0",
             "skateboarding with Zebedee" if i == 4 else "", f"more trips out {i}"]
            for i in range(N)]
    return _write(path, [header, *rows])


def _smartsurvey(path):
    """SmartSurvey: 'UserNo', contact columns (empty on an anonymous survey), 'IP Address',
    'Unique ID', 'Started', 'Ended'; a tick-all-that-apply question one column per option,
    the option's text when ticked."""
    question = "What do you do in your free time?"
    header = ["UserNo", "Name", "Email", "IP Address", "Unique ID", "Started", "Ended",
              "How old are you?", "Where do you live now?", f"{question} - Sport",
              f"{question} - Music", f"{question} - Gaming",
              f"{question} - Other (please specify)", "What would make your life better?"]
    rows = [[str(101 + i), "Ottoline Quorn" if i == 3 else "",
             "yp3@example.invalid" if i == 3 else "", "192.0.2.10",
             f"ab{i:02d}cd-fict", f"06/03/2026 10:{i:02d}:00", f"06/03/2026 10:{i + 7:02d}:00",
             AGES[i % 4], PLACES[i % 3], "Sport" if i % 2 else "", "Music" if i % 3 else "",
             "Gaming" if i % 4 == 1 else "", "baking with Barnaby" if i == 6 else "",
             f"a bike {i}"] for i in range(N)]
    return _write(path, [header, *rows])


def test_online_surveys_identifier_refused_metadata_left_out_options_split(tmp_path, caplog):
    path = _online_surveys(tmp_path / "online_surveys.csv")
    text = {"4. What would make your life better?": "better",
            "3.4 Other (please specify)": "other_activity"}
    with pytest.raises(cv.ValidationError) as info:
        cv.read_survey(path, text_columns=text, id_column="Response ID")
    said = str(info.value)
    assert "'Username' (its question asks for a name or contact details)" in said
    assert "yp0" not in said
    corpus = cv.read_survey(path, text_columns=text, id_column="Response ID",
                            drop_columns=["Username"],
                            multi_select={"Free time": ["3.1 Sport", "3.2 Music",
                                                        "3.3 Gaming"]})
    answers = corpus.respondents
    assert list(answers.columns) == [
        "respondent_id", "1. How old are you?", "2. Where do you live now?",
        "Free time: 3.1 Sport", "Free time: 3.2 Music", "Free time: 3.3 Gaming"]
    # coded 1 / 0: 0 is not ticked (it was read as a second 'ticked' answer)
    # (the first young person ticked nothing: no answer, as for any tick-all-that-apply)
    sport = answers["Free time: 3.1 Sport"].tolist()[:4]
    assert [None if pd.isna(v) else v for v in sport] == [None, "yes", "no", "yes"]
    assert answers["Free time: 3.3 Gaming"].dropna().eq("no").all()
    assert "2 columns are a survey platform's metadata" in caplog.text
    assert "'Started', 'Completed'" in caplog.text
    assert corpus.comments["question_id"].unique().tolist() == ["better", "other_activity"]


def test_smartsurvey_identifiers_refused_metadata_left_out_options_split(tmp_path, caplog):
    path = _smartsurvey(tmp_path / "smartsurvey.csv")
    question = "What do you do in your free time?"
    text = {"What would make your life better?": "better",
            f"{question} - Other (please specify)": "other_activity"}
    with pytest.raises(cv.ValidationError) as info:
        cv.read_survey(path, text_columns=text, id_column="UserNo")
    said = str(info.value)
    for column in ("'Name'", "'Email'", "'IP Address'"):
        assert column in said
    assert "Ottoline" not in said and "192.0.2" not in said
    corpus = cv.read_survey(path, text_columns=text, id_column="UserNo",
                            drop_columns=["Name", "Email", "IP Address"],
                            multi_select=[question])
    answers = corpus.respondents
    assert list(answers.columns) == [
        "respondent_id", "How old are you?", "Where do you live now?",
        f"{question}: Sport", f"{question}: Music", f"{question}: Gaming",
        f"{question}: Other (please specify)"]
    assert "'Unique ID', 'Started', 'Ended'" in caplog.text
    written = corpus.comments.set_index("comment_id")["text"]
    assert written["107-other_activity"] == "baking with Barnaby"


def test_a_question_headed_completed_is_kept():
    """'Completed' and 'Started' are metadata only when every answer is a date."""
    from carevoice._platforms import platform_metadata

    frame = pd.DataFrame({"Completed": ["Yes", "No", "Not yet"] * 4,
                          "Started": [f"2026-03-{1 + i:02d}" for i in range(12)],
                          "User no": [str(i) for i in range(12)]})
    assert platform_metadata(frame) == ["Started", "User no"]


@pytest.mark.parametrize("header", ["Username", "User name", "user_name"])
def test_user_names_are_refused(header):
    from carevoice.corpus import free_text_columns

    frame = pd.DataFrame({header: ["zq1", "zq2", "zq1", "zq2"]})
    assert header in free_text_columns(frame)


@pytest.mark.parametrize("ticked, unticked", [("1", "0"), ("Selected", "Not selected"),
                                              ("TRUE", "FALSE")])
def test_option_columns_coded_ticked_or_not(ticked, unticked):
    """Every option read as ticked by everyone: a '0' under an option was an answer like
    any other."""
    from carevoice._multiselect import multi_select_questions, split_multi_select

    wide = pd.DataFrame({"id": ["1", "2", "3", "4"],
                         "Q3_1 Sport": [ticked, unticked, ticked, None],
                         "Q3_2 Music": [unticked, ticked, ticked, None]})
    split = split_multi_select(wide, multi_select_questions({"Free time": ["Q3_1 Sport",
                                                                           "Q3_2 Music"]}))
    assert list(split.frame.columns) == ["id", "Free time: Q3_1 Sport", "Free time: Q3_2 Music"]
    assert split.frame["Free time: Q3_1 Sport"].tolist() == ["yes", "no", "yes", None]
    assert split.frame["Free time: Q3_2 Music"].tolist() == ["no", "yes", "yes", None]
