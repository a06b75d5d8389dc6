"""The free-text check on small surveys, and on names written in among option labels.

With a dozen respondents or fewer, a closed question's options are each chosen once or
twice, so "every answer differs" says little: such a column passes when its answers are the
labels of a closed list made of ordinary words, while typed words, places and names are still
refused. A first name typed in as an option ("Jayden", from an "Other" box that exports into
the same column) is refused however many typed it; a label typed in ("Football") cannot be
told from an option (docs/data.md, "What the free-text check cannot see"). Every answer and
name here is fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

import carevoice as cv
from carevoice.cli import app
from carevoice.corpus import closed_answers, free_text_columns, survey_from_frame

runner = CliRunner()

PLACEMENTS = ["Foster care", "Residential home", "Kinship care", "Semi-independent",
              "Supported lodgings", "Living with parents", "Secure unit", "Staying put",
              "Children's home", "Other"]
SCHOOL_YEARS = [f"Year {i}" for i in range(3, 14)] + ["Not at school"]
HOW_OFTEN = ["Every week", "Every two weeks", "Every month", "Less than once a month",
             "Never", "Don't know", "Every day", "Once a year", "Every few months",
             "Only at reviews", "When I ask", "Not sure"]
HOMES = [str(i) for i in range(1, 11)] + ["More than 10", "Don't know"]


def _small(n: int) -> pd.DataFrame:
    """A small survey of n young people: each option of the longer lists chosen once."""
    return pd.DataFrame({
        "respondent_id": [f"r{i:02d}" for i in range(n)],
        "age_group": (["8-11", "12-15", "16-17"] * n)[:n],
        "placement_type": (PLACEMENTS * 2)[:n],
        "Which school year are you in?": SCHOOL_YEARS[:n],
        "How often do you see your social worker?": HOW_OFTEN[:n],
        "n_homes": HOMES[:n],
        "feels_safe": (["Yes", "No"] * n)[:n],
        "happiness": ([str(i) for i in range(1, 6)] * n)[:n],
    })


@pytest.mark.parametrize("n", [6, 8, 10, 12])
def test_closed_questions_of_a_small_survey_pass(n):
    answers = _small(n)
    assert free_text_columns(answers.drop(columns=["respondent_id"])) == {}
    assert list(closed_answers(answers).columns) == list(answers.columns)


def test_a_small_survey_with_a_declared_tick_all_question_converts():
    wide = _small(10).rename(columns={"respondent_id": "ID"}).assign(**{
        "Activities": ["Sport;Music;", "Gaming;", "Sport;", "Art;Gaming;", "Music;",
                       "Youth club;Sport;", "Drama;", "Cooking;Art;", "Swimming;Drama;",
                       "Music;Cooking;"],
        "What would make your life better?": [f"answer {i}" for i in range(10)]})
    corpus = survey_from_frame(wide, id_column="ID", multi_select={"Activities": ";"},
                               text_columns={"What would make your life better?": "better"})
    assert "Activities: Sport" in corpus.respondents.columns
    assert "Which school year are you in?" in corpus.respondents.columns


TYPED = {
    "lower-case words": ["my nan", "the park", "footy", "my room", "xbox", "sleeping",
                         "my dog", "chilling", "tiktok", "going out", "nothing really",
                         "food"],
    "first names": ["Jayden", "Skye", "Kai", "Aisha", "Kofi", "Chloe", "Tyler", "Mia",
                    "Olivia", "Charlie", "Brooke", "Mason"],
    "names outside the lexicon": ["Zebedee", "Quorn", "Tansy", "Marigold", "Bramble", "Pip",
                                  "Juniper", "Wren", "Lark", "Sorrel", "Yarrow", "Teasel"],
    "names that are words": ["Marigold", "Bramble", "Juniper", "Hazel", "Willow", "Poppy",
                             "Daisy", "Holly", "Rose", "Grace", "Pip", "Sorrel"],
    "towns": ["Leeds", "Bradford", "Wakefield", "Halifax", "Huddersfield", "Dewsbury",
              "Batley", "Keighley", "Pontefract", "Castleford", "Ossett", "Otley"],
    "typed sentences": ["I like it here", "Its ok I guess", "Not really bothered",
                        "Want to go home", "Miss my brother", "Can't wait to leave",
                        "Better than before", "Worst place ever", "Staff are sound",
                        "It's boring here", "Bit lonely", "Food is bad"],
}


@pytest.mark.parametrize("n", [8, 10, 12])
@pytest.mark.parametrize("kind", list(TYPED))
def test_typed_words_places_and_names_are_still_refused_in_a_small_survey(kind, n):
    frame = pd.DataFrame({"Q7": TYPED[kind][:n]})
    assert set(free_text_columns(frame)) == {"Q7"}


def test_the_refusal_says_how_to_vouch_for_a_closed_column(tmp_path):
    """A long label chosen once cannot be told from a sentence typed in: refused, with the
    way to vouch for the column, in Python and on the command line."""
    label = "No, I would like to see them a lot more than I do now"
    answers = _small(6).assign(contact=[label, "Yes", "No", "Yes", "No", "Yes"])
    with pytest.raises(cv.ValidationError, match=r"'contact' \(some answers are long\)") as info:
        closed_answers(answers)
    assert "not_free_text=[...]" in str(info.value) and label not in str(info.value)
    assert list(closed_answers(answers, not_free_text=["contact"]).columns)[-1] == "contact"
    comments = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r00", "r01"],
                             "question_id": ["q", "q"], "text": ["hi", "ok"]})
    codes = pd.DataFrame({"comment_id": ["c1", "c2"], "theme": ["advocacy"] * 2,
                          "score": [0.9, 0.1], "assigned": [True, False]})
    paths = {}
    for name, frame in (("comments", comments), ("codes", codes), ("respondents", answers)):
        paths[name] = tmp_path / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    out = tmp_path / "assoc.csv"
    args = ["link", str(paths["comments"]), str(paths["codes"]), str(paths["respondents"]),
            "--output", str(out)]
    refused = runner.invoke(app, args)
    assert refused.exit_code != 0 and "--not-free-text COLUMN" in refused.output
    assert label not in refused.output
    assert runner.invoke(app, [*args, "--not-free-text", "contact"]).exit_code == 0


# ---------------------------------------------------------------- names among option labels
WHERE = ["Foster care", "Children's home", "Kinship care", "Supported lodgings"]


@pytest.mark.parametrize("typed_by", [1, 2, 4, 6])
def test_a_first_name_written_in_among_option_labels_is_refused(typed_by):
    """An "Other" box exporting into the same column: a lone first name is refused however
    many typed it; the reason never shows the name."""
    answers = [*(WHERE * 5)[:20 - typed_by], *["Jayden"] * typed_by]
    found = free_text_columns(pd.DataFrame({"Where do you live?": answers}))
    assert list(found) == ["Where do you live?"]
    assert "person's name" in found["Where do you live?"]
    assert "Jayden" not in found["Where do you live?"]


def test_labels_and_word_names_typed_in_pass_and_lists_of_places_are_not_read_as_names():
    """What the check cannot catch (a label typed in, a name that is also a word) and what
    it must not refuse (a season, a country, a town in a question about places)."""
    assert free_text_columns(pd.DataFrame({
        "Where do you live?": [*(WHERE * 5)[:16], *["Football"] * 4],
        "Favourite season": ["Spring", "Summer", "Autumn", "Winter"] * 5,
        "Country of birth": ["England", "Jordan", "Poland", "Georgia"] * 5,
        "Who do you trust most?": ["Mum", "Dad", "Nan", "My social worker", "Teacher"] * 4,
    })) == {}


def test_a_name_typed_by_several_is_a_write_in_of_a_tick_all_question():
    """Undeclared, a joined column holding a name typed by more than three is refused as a
    tick-all question with write-ins; declared, the name is never an option (a column)."""
    column = "What do you do in your free time?"
    ticked = ["Sport;Music;", "Music;", "Sport;Gaming;", "Gaming;Music;", "Sport;"] * 4
    found = free_text_columns(pd.DataFrame({
        column: [*ticked[:16], *(f"{c}Jayden;" for c in ticked[16:])]}))
    assert "joined by ';'" in found[column] and "4 of them" in found[column]
    assert "Jayden" not in found[column]
    # joined by "|" (no platform's trailing write-in): an answer given by two or more
    # respondents is an option, unless it is a name
    joined = ["Sport|Music", "Music", "Sport|Gaming", "Gaming|Music", "Sport"] * 4
    joined[:4] = ["Jayden|Sport", "Jayden|Music", "Jayden", "Gaming|Jayden"]
    wide = pd.DataFrame({"ID": [f"r{i}" for i in range(20)], column: joined,
                         "Anything else?": [f"answer {i}" for i in range(20)]})
    corpus = survey_from_frame(wide, id_column="ID", multi_select={column: "|"},
                               text_columns={"Anything else?": "else"})
    assert f"{column}: Sport" in corpus.respondents.columns
    assert not any("Jayden" in str(c) for c in corpus.respondents.columns)
