"""Telling closed questions from free text: the typical closed questions of a survey of
children in care are not refused, free text and questions that ask for a name still are.

Every answer and name here is fictional. The matrix of 24 closed questions (by their wording,
as an Excel or CSV export heads them, and by SPSS short names) at 12, 30, 60 and 150
respondents comes from an audit of SPSS data end to end.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

import carevoice as cv
from carevoice.corpus import closed_answers, free_text_columns, survey_from_frame, type_answers

COUNCILS = ["Leeds", "Bradford", "Kirklees", "Calderdale", "Wakefield", "Sheffield",
            "Rotherham", "Barnsley", "Doncaster", "York", "North Yorkshire",
            "East Riding of Yorkshire", "Kingston upon Hull", "North Lincolnshire",
            "North East Lincolnshire", "Lincolnshire"]
ETHNIC_GROUPS = [
    "English, Welsh, Scottish, Northern Irish or British", "Irish", "Gypsy or Irish Traveller",
    "Roma", "Any other White background", "White and Black Caribbean",
    "White and Black African", "White and Asian", "Any other Mixed or Multiple background",
    "Indian", "Pakistani", "Bangladeshi", "Chinese", "Any other Asian background", "Caribbean",
    "African", "Any other Black, Black British, or Caribbean background", "Arab",
    "Any other ethnic group"]
YNDK = ["Yes", "No", "Don't know"]
#: (SPSS short name, question wording, answers)
CLOSED = [
    ("age_band", "How old are you?", ["8-10", "11-13", "14-15", "16-17"]),
    ("age_years", "How old are you (years)?", [str(i) for i in range(8, 18)]),
    ("gender", "Which of these best describes your gender?",
     ["Girl", "Boy", "Non-binary", "Prefer to self-describe", "Prefer not to say"]),
    ("ethnicity", "How would you describe your ethnic group?", ETHNIC_GROUPS),
    ("placement", "Where do you live now?",
     ["Foster care", "Children's home", "Kinship care", "With parents",
      "Supported accommodation", "Other"]),
    ("la", "Which council looks after you?", COUNCILS),
    ("n_homes", "How many homes have you lived in since coming into care?",
     [str(i) for i in range(1, 11)] + ["More than 10", "Don't know"]),
    ("see_mum", "How often do you see your mum?",
     ["Never", "Less than once a year", "A few times a year", "Every month", "Every week",
      "Every day", "I don't know who she is"]),
    ("contact_mum", "Is contact with your mum too much, too little or just right?",
     ["No contact", "Too little", "Just right", "Too much"]),
    ("feel_safe", "Do you feel safe where you live?",
     ["Always", "Mostly", "Sometimes", "Hardly ever", "Never"]),
    ("know_why_care", "Has anyone explained why you are in care?", YNDK),
    ("sw_phone", "Do you have your social worker's phone number?", YNDK),
    ("sw_name", "Do you know your social worker's name?", YNDK),
    ("adv_details", "Do you have the contact details of an advocate?", YNDK),
    ("know_iro", "Do you know who your IRO is?", ["Yes", "No", "Not sure"]),
    ("trust_sw", "Do you trust your social worker?",
     ["Yes", "No", "Not sure", "I don't have a social worker"]),
    ("like_school", "I like going to school",
     ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
      "Strongly agree"]),
    ("sw_changes", "How many times has your social worker changed in the last year?",
     ["None", "Once", "Twice", "3 or more"]),
    ("health", "How would you describe your health?",
     ["Very good", "Good", "Fair", "Bad", "Very bad"]),
    ("other_kids", "Other children living in your home", ["None", "1", "2", "3 or more"]),
    ("school_year", "Which school year are you in?",
     [f"Year {i}" for i in range(3, 14)] + ["Not at school"]),
    ("time_in_care", "How long have you been in care?",
     ["Less than 1 year", "1-2 years", "3-5 years", "More than 5 years"]),
    ("pocket_money", "Do you get pocket money? Tick one", ["Yes, every week", "Yes, sometimes",
                                                          "No"]),
    ("home_named", "Does your home have a name?", YNDK),
]
SIZES = (12, 30, 60, 150)


def _answers(n: int) -> dict[str, list[str]]:
    rng = random.Random(n)
    out = {}
    for name, _, options in CLOSED:
        weights = [rng.random() + 0.3 for _ in options]
        out[name] = rng.choices(options, weights=weights, k=n)
    return out


@pytest.mark.parametrize("n", SIZES)
def test_typical_closed_questions_are_not_refused(n):
    """None of 24 typical closed questions is refused, by wording or by SPSS short name."""
    answers = _answers(n)
    by_wording = pd.DataFrame({wording: answers[name] for name, wording, _ in CLOSED})
    by_name = pd.DataFrame(answers)
    assert free_text_columns(by_wording) == {}
    assert free_text_columns(by_name) == {}
    # as read (text) and as typed, as convert and link check them
    typed = type_answers(by_name.assign(respondent_id=[f"r{i}" for i in range(n)]))
    assert list(closed_answers(typed).columns)[1:] == list(by_name.columns)


@pytest.mark.parametrize("n", SIZES)
def test_typical_closed_questions_in_an_spss_file(tmp_path, n):
    """Coded with value labels in a .sav file, the same questions pass convert and link."""
    pyreadstat = pytest.importorskip("pyreadstat")
    answers = _answers(n)
    codes = {name: [float(options.index(v) + 1) for v in answers[name]]
             for name, _, options in CLOSED}
    labels = {name: {i + 1: o for i, o in enumerate(options)} for name, _, options in CLOSED}
    frame = pd.DataFrame({"respondent_id": [f"{i:04d}" for i in range(n)], **codes,
                          "better": ["more time with my family"] * n})
    path = tmp_path / "survey.sav"
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels)
    corpus = cv.read_survey(path, text_columns=["better"], id_column="respondent_id")
    assert len(corpus.respondents.columns) == len(CLOSED) + 1
    answers = cv.read_respondents(path).drop(columns=["better"])
    assert len(closed_answers(answers).columns) == len(CLOSED) + 1


FIRST = ["Zebedee", "Quorn", "Marigold", "Bramble", "Tansy", "Pip", "Wren", "Juniper"]
SURNAMES = ["Quill", "Hollins", "Varga", "Penrose", "Achterberg"]


def _person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"


def _other(rng):
    return rng.choice([f"with my nan {_person(rng)}", f"Aunty {rng.choice(FIRST)}'s flat",
                       f"my mate {_person(rng)} house", "Rosewood House", "a hostel"])


def _sentence(rng):
    worker = f"my worker {rng.choice(FIRST)} never rings back"
    return rng.choice(["i want to see my dad more", worker, "more money for the bus",
                       f"ask {rng.choice(FIRST)}", "no", "nothing"]) + f" {rng.randrange(1000)}"


FREE = {
    "Other (please specify)": _other, "placement_other": _other, "Q5_other": _other,
    "Q5_6_TEXT": _other, "oth_placement": _other, "Something else (write in)": _other,
    "gender_self": lambda rng: rng.choice(["trans boy", "agender", "questioning", "demiboy"]),
    "Anything else you want to tell us?": _sentence, "anything_else": _sentence,
    "Why?": _sentence, "Please explain": _sentence, "Details": _sentence,
    "fname": lambda rng: rng.choice(FIRST), "first_name": lambda rng: rng.choice(FIRST),
    "yp_name": _person, "Name of young person": _person, "Name (optional)": _person,
    "Respondent name": _person, "SW name": _person,
    "Name of school": lambda rng: rng.choice(["St Anne's High", "Oakfield Academy"]),
    "Contact number": lambda rng: f"07700 900{rng.randrange(100, 999)}",
    "Email": lambda rng: f"{rng.choice(FIRST).lower()}@example.com",
    "Date of birth": lambda rng: f"2011-0{rng.randrange(1, 9)}-1{rng.randrange(10)}",
    "Q8": lambda rng: "I would like my social worker to listen to me more and actually "
                      f"ring me back {rng.randrange(10_000)}",
}


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("answered", [3, 6, None])
def test_free_text_and_identifier_questions_are_still_refused(n, answered):
    """Free text, "please specify", names and contact details, by few or by everyone."""
    rng = random.Random(n * 10 + (answered or 0))
    data = {}
    for column, make in FREE.items():
        given = [make(rng) for _ in range(answered or n)]
        data[column] = given + [None] * (n - len(given))
    assert set(free_text_columns(pd.DataFrame(data))) == set(FREE)


def test_councils_given_by_a_few_each_are_a_closed_list():
    twelve = pd.DataFrame({"Council": COUNCILS[:12] * 2, "Q3": COUNCILS[:12] * 2,
                           "First name": FIRST[:6] * 2 + ["Lark", "Sorrel"] * 6})
    # names repeat twice, but the question asks for a name
    assert free_text_columns(twelve) == {
        "First name": "its question asks for a name or contact details"}
    rng = random.Random(1)
    for n in (8, 10, 16, 20, 24, 30):
        for _ in range(25):
            frame = pd.DataFrame({"Local authority": rng.choices(COUNCILS, k=n)})
            assert free_text_columns(frame) == {}
    # all different, under a header that names no list: still refused
    assert free_text_columns(pd.DataFrame({"Q3": COUNCILS[:10]})) == {
        "Q3": "nearly every answer differs from the others"}


def test_long_labels_given_by_several_are_closed_answers():
    label = "No, I would like to see them a lot more than I do now"
    frame = pd.DataFrame({"contact": [label, "Yes", label, "Yes", "No", label],
                          "better": [label, "Yes", "Yes", "Yes", "No", "No"]})
    # given by three: a label; given by one: perhaps a young person's own words
    assert free_text_columns(frame) == {"better": "some answers are long"}


def test_yes_no_dont_know_is_a_known_scale():
    typed = type_answers(pd.DataFrame({"respondent_id": ["1", "2", "3", "4", "5"],
                                       "q": ["Yes", "Don\u2019t know", "no", "Don't know",
                                             "Don't know"]}))
    assert typed["q"].cat.ordered
    assert list(typed["q"].cat.categories) == ["no", "Don't know", "Yes"]


def test_questions_with_an_order_are_never_refused(tmp_path):
    """An order from levels= or an ordinal SPSS question says the question is closed, in
    convert (before typing) as in link (after)."""
    pyreadstat = pytest.importorskip("pyreadstat")
    wide = pd.DataFrame({"id": [str(i) for i in range(6)], "Q": ["a comment"] * 6,
                         "contact_details": ["Some", "All", "None", "Most", "Some", "All"]})
    with pytest.raises(cv.ValidationError, match="'contact_details'"):
        survey_from_frame(wide, text_columns=["Q"], id_column="id")
    order = ["None", "Some", "Most", "All"]
    corpus = survey_from_frame(wide, text_columns=["Q"], id_column="id",
                               levels={"contact_details": order})
    assert corpus.respondents["contact_details"].cat.ordered
    path = tmp_path / "ordinal.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"respondent_id": wide["id"], "Q": wide["Q"],
                      "contact_details": [float(order.index(v) + 1)
                                          for v in wide["contact_details"]]}),
        str(path), variable_value_labels={"contact_details": {
            i + 1: v for i, v in enumerate(order)}},
        variable_measure={"contact_details": "ordinal"})
    corpus = cv.read_survey(path, text_columns=["Q"], id_column="respondent_id")
    assert list(corpus.respondents["contact_details"].cat.categories) == order
    answers = cv.read_respondents(path).drop(columns=["Q"])
    assert "contact_details" in closed_answers(answers).columns


def test_dates_and_numbers_are_not_free_text_but_identifiers_are():
    frame = pd.DataFrame({
        "date_completed": [f"2025-03-{d:02d}" for d in range(1, 11)],
        "started_at": [f"2025-04-{d:02d}T18:{d:02d}:00" for d in range(1, 11)],
        "Date of birth": [f"2012-05-{d:02d}" for d in range(1, 11)],
        "Phone number": [f"0770090{d:04d}" for d in range(10)],
        "Number of phones": [str(d % 3) for d in range(10)]})
    assert free_text_columns(frame) == {
        "Date of birth": "its question asks for a name or contact details",
        "Phone number": "its question asks for a name or contact details"}
