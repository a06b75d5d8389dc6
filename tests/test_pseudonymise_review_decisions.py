"""What a decisions file may decide: only a person's decisions, on the comments it names.

Two loose ends of the review round trip. ``carevoice pseudonymise --decisions`` silently
ignored rows for comments COMMENTS lacks and rows whose offsets fall outside their comment
(a batch run refused them); now the command refuses them too, by ``comment_id``. And the
review file pre-filled ``reject`` on the spans ``min_score`` left unmasked: given back
unedited, those rows read as a reviewer's "no name" and cleared ``needs_review`` on comments
nobody had read. Now every decision is written blank, ``in_output`` says what the run did,
and a ``reject`` that an old file may have pre-filled is not applied.
Everything here is fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise, read_decisions, review_flags
from carevoice.pseudonymise.command import pseudonymise_command, reidentify_command
from carevoice.pseudonymise.review import REVIEW_COLUMNS, write_review_table

#: A guessed name (scored low, so ``min_score`` leaves it unmasked) and a sure one.
TEXTS = ["on fridays i see my nan and Quillon from the home",
         "my key worker Ottoline Fairbairn is lovely"]
GUESS = "Quillon"
FRAME = pd.DataFrame({"comment_id": ["q1", "q2"], "text": TEXTS})
SPANS = pd.DataFrame({
    "comment_id": ["q1", "q2"],
    "start": [TEXTS[0].index(GUESS), TEXTS[1].index("Ottoline")],
    "end": [TEXTS[0].index(GUESS) + len(GUESS), len("my key worker Ottoline Fairbairn")],
    "label": ["PERSON", "PERSON"], "score": [0.3, 0.95], "detector": ["names:context",
                                                                       "patterns"]})
LOW = PseudonymiseConfig(min_score=0.5, use_spacy=False, use_learned=False)


def _run(decisions: pd.DataFrame | None = None):
    with pytest.warns(UserWarning, match="min_score"):  # the set-aside span, still unmasked
        return pseudonymise(FRAME, LOW, spans=SPANS, decisions=decisions)


def _given_back(table: pd.DataFrame, path) -> pd.DataFrame:
    """The review table written as the review file, and read back as a decisions file."""
    write_review_table(table, path)
    return read_decisions(path)


def test_the_review_file_decides_nothing_itself(tmp_path):
    first = _run()
    assert list(first.review.columns) == list(REVIEW_COLUMNS)
    assert first.review[["comment_id", "span_text", "in_output", "decision"]].values.tolist() \
        == [["q1", GUESS, "unmasked (min_score)", ""]]
    assert "q1" in set(review_flags(first)["comment_id"])
    # given back unedited: no flag cleared, no text changed, the row listed again
    again = _run(_given_back(first.review, tmp_path / "r.csv"))
    assert again.comments["text"].tolist() == first.comments["text"].tolist()
    assert "below_min_score" in set(review_flags(again).loc[
        lambda f: f["comment_id"] == "q1", "reason"])
    assert again.review["span_text"].tolist() == [GUESS]


def test_a_reviewers_reject_and_accept_still_decide(tmp_path):
    first = _run()
    rejected = pseudonymise(FRAME, LOW, spans=SPANS, decisions=_given_back(
        first.review.assign(decision="reject"), tmp_path / "r.csv"))  # no warning: decided
    assert review_flags(rejected).empty and rejected.review.empty
    assert rejected.comments["text"].iloc[0] == TEXTS[0]
    accepted = pseudonymise(FRAME, LOW, spans=SPANS, decisions=_given_back(
        first.review.assign(decision="accept"), tmp_path / "a.csv"))
    assert GUESS not in accepted.comments["text"].iloc[0]
    assert review_flags(accepted).empty


def test_an_old_review_files_prefilled_reject_clears_no_flag(tmp_path):
    # as carevoice before 0.7.0 wrote it: no in_output column, 'reject' on the set-aside span
    first = _run()
    old = first.review[[c for c in first.review.columns if c != "in_output"]].assign(
        decision="reject")
    old.to_csv(tmp_path / "old.csv", index=False)
    again = _run(read_decisions(tmp_path / "old.csv"))
    assert "q1" in set(review_flags(again)["comment_id"])
    assert again.comments["text"].iloc[0] == TEXTS[0]
    assert again.review["span_text"].tolist() == [GUESS]  # to decide again
    note = next(n for n in again.notes if "'reject' was not applied" in n)
    assert "q1" in note and GUESS not in note
    # a reject in an old file on a span the run masked was always a person's: it applies
    sure = pd.DataFrame({"comment_id": ["q2"], "start": [SPANS["start"].iloc[1]],
                         "end": [SPANS["end"].iloc[1]], "decision": ["reject"]})
    sure.to_csv(tmp_path / "sure.csv", index=False)
    done = _run(read_decisions(tmp_path / "sure.csv"))
    assert done.comments["text"].iloc[1] == TEXTS[1]


# -- the command refuses rows it cannot place ----------------------------------------------


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("pseudonymise")(pseudonymise_command)
    app.command("reidentify")(reidentify_command)  # two commands: the name is kept
    return app


@pytest.mark.parametrize(("rows", "ids"), [
    ({"comment_id": ["q1", "zz9"], "start": [0, 0], "end": [2, 2]}, ["zz9"]),
    ({"comment_id": ["q1", "q2"], "start": [0, 30], "end": [2, 400]}, ["q2"]),
    ({"comment_id": ["q2", "q1", "zz9"], "start": [5, 0, 0], "end": [5, 2, 2]}, ["zz9", "q2"]),
])
def test_the_command_refuses_decisions_it_cannot_place(tmp_path, app, rows, ids):
    FRAME.to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame({**rows, "label": "PERSON", "decision": "reject"}).to_csv(
        tmp_path / "d.csv", index=False)
    out = tmp_path / "o.csv"
    done = CliRunner().invoke(app, ["pseudonymise", str(tmp_path / "c.csv"), "-o", str(out),
                                    "--decisions", str(tmp_path / "d.csv")])
    assert done.exit_code == 2, done.output
    assert "--decisions" in done.output and "'d.csv'" in done.output
    for cid in ids:
        assert cid in done.output
    assert not [w for w in (GUESS, "Ottoline", "Fairbairn", "fridays") if w in done.output]
    assert not out.exists()
