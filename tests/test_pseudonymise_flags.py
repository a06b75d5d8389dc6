"""The comments `carevoice pseudonymise` is unsure of are never quoted by a report made from them.

Before, ``carevoice pseudonymise`` wrote no review flags: ``carevoice report
--already-pseudonymised`` on its output quoted a comment whose name only a guess had masked
unless the user remembered to pass the review file as ``--flagged``. Now the output carries a
``needs_review`` column, the report honours it with no option, and a flags file with the header
alone (``--flagged``) says the review is done. The rule is the one of every command
(:func:`carevoice.pseudonymise.review_flags`). Everything here is fictional.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.cli import app
from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise

#: k1's name is found only by a name-like context ("my brother X is"), scoring 0.5: below the
#: review threshold. k2's is in the name list and scores high.
TEXTS = [
    "my brother rocket is funny and I miss him, I want more time with him at weekends",
    "I want to see my sister Sarah more often, contact once a month is not enough for us",
    "I miss my family and want more contact with my mum and my brothers every week",
    "Contact with my dad got cancelled again and nobody told me why it was cancelled",
    "I only see my siblings at the contact centre and it feels like being watched",
    "I wish I could phone my nan whenever I want without asking my social worker first",
    "My mum is not allowed to visit me at my placement and I really miss her a lot",
    "I want to live closer to my family so I can see them more than once a month",
]
UNSURE, SURE = "k1", "k2"


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pseudonymise-flags")
    ids = [f"k{i + 1}" for i in range(len(TEXTS))]
    with (folder / "comments.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["comment_id", "respondent_id", "question_id", "text"])
        writer.writerows([cid, f"R{i + 1}", "q1", text]
                         for i, (cid, text) in enumerate(zip(ids, TEXTS, strict=True)))
    with (folder / "codes.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["comment_id", "theme", "score", "assigned"])
        writer.writerows([cid, "family_contact", f"{0.99 - 0.01 * i:.2f}", "true"]
                         for i, cid in enumerate(ids))
    with (folder / "respondents.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["respondent_id", "survey", "age_group", "placement_type"])
        writer.writerows([f"R{i + 1}", "in care", "14-17", "foster"] for i in range(len(ids)))
    done = CliRunner().invoke(app, ["pseudonymise", str(folder / "comments.csv"),
                                    "--output", str(folder / "out.csv"),
                                    "--spans", str(folder / "spans.jsonl")])
    assert done.exit_code == 0, done.output
    return folder


def _quoted(survey: Path, comments: Path, name: str, *extra: str) -> set[str]:
    """The comment ids a report made from ``comments`` quotes (room for every comment)."""
    out = survey / name
    done = CliRunner().invoke(app, [
        "report", str(comments), str(survey / "codes.csv"), str(survey / "respondents.csv"),
        "--already-pseudonymised", *extra, "--output", str(out), "--format", "md",
        "--no-timestamp", "--quotes", "8", "--max-quotes", "8", "--embedder", "hashing",
        "--no-safeguarding-similarity"])
    assert done.exit_code == 0, done.output
    quotes = pd.read_csv(out / "not-for-publication" / "quotes.csv", dtype=str)
    return set(quotes["comment_id"])


@pytest.mark.model
def test_the_output_marks_the_comment_the_pseudonymiser_is_unsure_of(survey: Path) -> None:
    spans = pd.read_json(survey / "spans.jsonl", lines=True, dtype={"comment_id": str})
    score = spans.set_index("comment_id")["score"]
    assert score[UNSURE] < 0.6 <= score[SURE]  # the premise: one unsure, one sure
    out = pd.read_csv(survey / "out.csv", dtype=str)
    assert list(out.columns) == ["comment_id", "respondent_id", "question_id", "text",
                                 "needs_review"]
    marked = set(out.loc[out["needs_review"] == "True", "comment_id"])
    assert marked == {UNSURE}
    assert not list(survey.glob("review_flags.csv"))  # the column, no file to lose


@pytest.mark.model
def test_a_report_of_the_output_never_quotes_the_unsure_comment(survey: Path) -> None:
    quoted = _quoted(survey, survey / "out.csv", "report")
    assert UNSURE not in quoted and SURE in quoted
    # renamed and moved beside a flags file that names nothing (another run's): still withheld
    moved = survey / "elsewhere"
    moved.mkdir()
    (survey / "out.csv").rename(moved / "wave1.csv")
    try:
        (moved / "review_flags.csv").write_text("comment_id,reason\n", "utf-8")
        assert UNSURE not in _quoted(survey, moved / "wave1.csv", "moved")
    finally:
        (moved / "wave1.csv").rename(survey / "out.csv")


@pytest.mark.model
def test_a_flags_file_with_the_header_alone_says_the_review_is_done(survey: Path) -> None:
    done = survey / "reviewed.csv"
    done.write_text("comment_id\n", "utf-8")
    # not vacuous: the unsure comment is one the report would quote
    assert {UNSURE, SURE} <= _quoted(survey, survey / "out.csv", "reviewed", "--flagged",
                                     str(done))


@pytest.mark.model
def test_build_report_honours_the_column(survey: Path, tmp_path: Path) -> None:
    from carevoice.corpus import read_codes, read_comments, read_respondents
    from carevoice.embed import HashingEmbedder
    from carevoice.quotes import QuoteConfig
    from carevoice.report import build_report
    from carevoice.safeguarding import SafeguardingConfig

    comments = read_comments(survey / "out.csv")
    written = build_report(
        (comments, read_respondents(survey / "respondents.csv")),
        read_codes(survey / "codes.csv"), tmp_path, formats=["md"],
        text_is_pseudonymised=True, embedder=HashingEmbedder(), timestamp=False,
        safeguarding=SafeguardingConfig(similarity=False),
        quote_config=QuoteConfig(n_quotes=8, max_per_theme=8))
    quoted = set(pd.read_csv(written["quotes"], dtype=str)["comment_id"])
    assert UNSURE not in quoted and SURE in quoted


@pytest.mark.model
def test_review_flags_names_the_reason_and_decisions_clear_them() -> None:
    from carevoice.pseudonymise import review_flags

    # "Darnel": a name in no list, found only by the learned model ("Tyrese" joined the lists)
    frame = pd.DataFrame({"comment_id": ["k1", "k2", "k3"], "text": [
        TEXTS[0], TEXTS[1], "Money is tight, my mate Darnel lends me some when I run out."]})
    result = pseudonymise(frame, PseudonymiseConfig(use_spacy=False))
    flags = review_flags(result)
    assert flags.to_dict("list") == {"comment_id": ["k1", "k3"],
                                     "reason": ["low_confidence", "weak_detector"]}
    with pytest.warns(UserWarning, match="min_score"):
        below = pseudonymise(frame, PseudonymiseConfig(use_spacy=False, min_score=0.6))
    assert review_flags(below).to_dict("list") == {
        "comment_id": ["k3", "k1"], "reason": ["weak_detector", "below_min_score"]}
    # the same rule from the spans, as a batch run reads them
    assert review_flags(result.spans).equals(flags)
    # a reviewed span flags its comment no more; an undecided one still does
    review = result.review
    decisions = pd.DataFrame({"comment_id": review["comment_id"], "start": review["start"],
                              "end": review["end"], "label": "",
                              "fingerprint": review["fingerprint"],
                              "decision": ["accept", ""]})
    again = pseudonymise(frame, PseudonymiseConfig(use_spacy=False), decisions=decisions)
    assert review_flags(again).to_dict("list") == {"comment_id": ["k3"],
                                                   "reason": ["weak_detector"]}
