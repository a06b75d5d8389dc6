"""A batch run's review flags travel with its outputs, and no report quotes a name in clear.

Audit findings B1 and B2 (round 27): the run's report withheld the comments with a span below
the review threshold, but that flag lived only in the run, so a report made from
``outputs/comments.csv`` as docs/batch.md describes quoted "I want to see [PERSON_1] more,
Marvel is my little sister"; and with ``[pseudonymise] min_score`` the spans it set aside were
not looked at, so the run's own report quoted exactly the comments with a name left in clear.
Everything here is fictional: 30 young people, three sisters and a brother whose names the
detectors score low.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.cli import app
from carevoice.pseudonymise.review import needs_review

pytestmark = pytest.mark.slow

#: The names the comments hold; none may be published in clear.
NAMES = ("Marvel", "Bobbi", "Kaiden")
RISKY = ["I want to see Marvel more, Marvel is my little sister and we got split up.",
         "I want to see Bobbi more, Bobbi is my little sister and we got split up.",
         "I want to see my sister Kaiden more, Kaiden is only six and we got split up.",
         "I miss Bobbi so much, Bobbi is my big sister and I only see her at contact.",
         ("I miss my brother Kaiden so much, Kaiden is my big brother and I only see him at "
          "contact.")]
FAMILY = ["I want to see my brothers and sisters more often than once a month.",
          "Contact with my family got cut and I miss my sisters."]
MONEY = ["My allowance is too small for a bus pass to college.",
         "I never have enough money for food by the end of the month.",
         "Pocket money is not enough to buy what my friends have.",
         "I had to borrow money for my electric bill.",
         "Money is tight and I worry about paying rent."]
#: A name only the detectors that guess find (a learned token and a name-like context, no
#: name list; "Tyrese" joined the lists on 2026-12-07), with a high score: the review file
#: lists it, so the flags must too.
GUESSED = "Money is tight, my mate Darnel lends me some when I run out."


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review-flags")
    texts = RISKY + FAMILY + [MONEY[i % 5] for i in range(22)] + [GUESSED]
    rows = [{"respondent_id": f"Y{i + 1:03d}", "survey": "in care" if i % 2 else "care leaver",
             "age_group": ("11-13", "14-17")[(i // 2) % 2]} for i in range(len(texts))]
    with (folder / "respondents.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "comments.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["comment_id", "respondent_id", "question_id", "text"])
        for row, text in zip(rows, texts, strict=True):
            writer.writerow([f"{row['respondent_id']}-q1", row["respondent_id"], "q1", text])
    return folder


def _run(folder: Path, name: str, min_score: float) -> Path:
    toml = folder / f"{name}.toml"
    toml.write_text(
        f'[run]\noutput = "{name}"\nprogress = false\nseed = 0\n'
        '[input]\ncomments = "comments.csv"\nrespondents = "respondents.csv"\n'
        f'[pseudonymise]\nuse_spacy = false\nmin_score = {min_score}\n'
        '[embed]\nmodel = "hashing"\n'
        '[report]\nformats = ["md"]\nattributes = ["survey", "age_group"]\n'
        'quotes = 5\nmax_quotes = 8\n', "utf-8")
    done = CliRunner().invoke(app, ["run", str(toml), "--no-progress"])
    assert done.exit_code == 0, done.output
    return folder / name / "outputs"


def _report(outputs: Path, survey: Path, name: str, *extra: str) -> Path:
    """A report made from the run's outputs as docs/batch.md says."""
    folder = survey / name
    done = CliRunner().invoke(app, [
        "report", str(outputs / "comments.csv"), str(outputs / "codes.csv"),
        str(survey / "respondents.csv"), "--already-pseudonymised", *extra,
        "--output", str(folder), "--no-timestamp", "--quotes", "5", "--max-quotes", "8",
        "--embedder", "hashing"])
    assert done.exit_code == 0, done.output
    return folder


def _check_quotes(report: Path, withheld: set[str]) -> None:
    quotes = pd.read_csv(report / "not-for-publication" / "quotes.csv", dtype=str)
    # not vacuous: the theme the names are in is quoted
    assert (quotes["theme"] == "family_contact").any()
    assert not set(quotes["comment_id"]) & withheld
    for published in ("report.md", "manifest.json"):
        text = (report / published).read_text("utf-8")
        assert not [n for n in NAMES if re.search(rf"\b{n}\b", text)], published


@pytest.mark.parametrize("min_score", [0.0, 0.6])
def test_no_report_of_a_run_quotes_a_low_confidence_or_unmasked_span(survey: Path,
                                                                      min_score: float) -> None:
    outputs = _run(survey, f"run{min_score}", min_score)
    spans = pd.read_csv(outputs / "spans.csv", dtype={"comment_id": str})
    low = set(spans.loc[spans["score"] < 0.6, "comment_id"])
    codes = pd.read_csv(outputs / "codes.csv", dtype={"comment_id": str})
    family = set(codes.loc[(codes["theme"] == "family_contact")
                           & (codes["assigned"].astype(str).str.lower() == "true"), "comment_id"])
    assert {f"Y00{i}-q1" for i in range(1, 6)} <= family  # every risky comment is quotable
    _check_quotes(outputs / "report", low)
    # a report made from the outputs: the flags beside COMMENTS are taken without --flagged
    beside = _report(outputs, survey, f"beside{min_score}")
    _check_quotes(beside, low)
    manifest = json.loads((beside / "manifest.json").read_text("utf-8"))
    assert "review_flags.csv" in json.dumps(manifest["inputs"])
    flags = pd.read_csv(outputs / "review_flags.csv", dtype=str)
    assert list(flags.columns) == ["comment_id", "reason"]
    assert low <= set(flags["comment_id"])
    # the rule of every command (carevoice.pseudonymise.review_flags): a span found only by a
    # detector that guesses flags its comment whatever its score, as the review file lists it
    guessed = set(spans.loc[needs_review(spans) & (spans["score"] >= 0.6), "comment_id"])
    assert "Y030-q1" in guessed  # not vacuous: GUESSED's name
    assert guessed <= set(flags.loc[flags["reason"] == "weak_detector", "comment_id"])
    assert (outputs / "review_flags.csv").stat().st_mode & 0o777 == 0o600
    if min_score:  # the spans min_score set aside are flagged
        assert set(flags.loc[flags["reason"] == "below_min_score", "comment_id"]) >= {
            f"Y00{i}-q1" for i in range(1, 6)}
    withheld = low | set(flags["comment_id"])
    for report in (outputs / "report", beside, _report(
            outputs, survey, f"flagged{min_score}", "--flagged",
            str(outputs / "review_flags.csv"))):
        _check_quotes(report, withheld)


def test_a_copy_of_the_runs_comments_keeps_its_review_marks(survey: Path, tmp_path: Path) -> None:
    """Leftover of session 28: the run's review flags lived only in outputs/review_flags.csv,
    so outputs/comments.csv copied elsewhere without it (as a pseudonymised file is shared)
    and given to `carevoice report --already-pseudonymised` quoted the comments with a name
    the pseudonymiser was unsure of. The comments now carry the needs_review column that
    `carevoice pseudonymise` writes, which the report honours wherever the file goes."""
    import shutil

    outputs = _run(survey, "copied", 0.0)
    flags = pd.read_csv(outputs / "review_flags.csv", dtype=str)  # kept: it says why
    flagged = set(flags["comment_id"])
    assert {f"Y00{i}-q1" for i in range(1, 6)} <= flagged  # the risky comments
    moved = tmp_path / "shared"
    moved.mkdir()
    for name in ("comments.csv", "codes.csv", "codes.manifest.json"):  # not the flags file
        shutil.copy(outputs / name, moved / name)
    _check_quotes(_report(moved, survey, "copied-report"), flagged)
    comments = pd.read_csv(moved / "comments.csv", dtype=str)
    assert set(comments.loc[comments["needs_review"] == "True", "comment_id"]) == flagged
    assert set(comments["needs_review"]) == {"True", "False"}
