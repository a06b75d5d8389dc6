"""The embedded demo corpus: size, datasheet, gold offsets, up to date, planted associations."""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import fisher_exact

import carevoice as cv
from carevoice.demo import load_demo_gold
from carevoice.pipeline import DEMO_TEXT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo():
    return cv.load_demo()


@pytest.fixture(scope="module")
def gold():
    return load_demo_gold()


def test_size_and_shape(demo):
    assert len(demo.comments) >= 1500
    assert len(demo.respondents) >= 600
    assert demo.comments["text"].notna().all()
    assert set(demo.comments["question_id"]) == set(DEMO_TEXT_COLUMNS.values())


def test_datasheet_says_it_is_fiction():
    sheet = (ROOT / "corpora" / "README.md").read_text("utf-8")
    assert "fictional" in sheet.lower() and "## Limits" in sheet


def test_packaged_files_are_built_from_the_sources():
    done = subprocess.run([sys.executable, str(ROOT / "corpora" / "build_demo.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_gold_spans_match_the_text(demo, gold):
    texts = demo.comments.set_index("comment_id")["text"]
    assert set(gold["comment_id"]) == set(texts.index)
    labels = set(cv.schema.PII_LABELS)
    for cid, spans in zip(gold["comment_id"], gold["pii"], strict=True):
        for span in spans:
            assert texts[cid][span["start"]:span["end"]] == span["text"]
            assert span["label"] in labels


def test_gold_themes_are_codebook_ids(gold):
    counts = collections.Counter(t for themes in gold["themes"] for t in themes)
    assert len(counts) == 18 and min(counts.values()) >= 30
    assert sum(1 for t in gold["themes"] if not t) >= 100  # plenty of "no theme"


def test_contact_details_use_reserved_fiction_ranges(gold):
    for spans in gold["pii"]:
        for s in spans:
            digits = "".join(ch for ch in s["text"] if ch.isdigit())
            if s["label"] == "PHONE":
                assert "7700900" in digits, s["text"]
            if s["label"] == "EMAIL":
                assert s["text"].lower().endswith(("example.com", "example.co.uk", "example.org"))


def test_wide_export_reads_to_the_same_comments(demo):
    corpus = cv.read_survey(cv.demo.demo_path("survey_export.csv"),
                            text_columns=DEMO_TEXT_COLUMNS, id_column="Respondent ID")
    answered = corpus.answered.reset_index(drop=True)
    pd.testing.assert_frame_equal(
        answered.sort_values("comment_id").reset_index(drop=True),
        demo.comments.sort_values("comment_id").reset_index(drop=True))
    assert read_encoding(cv.demo.demo_path("survey_export.csv")) == "utf-8-sig"


def read_encoding(path):
    return cv.corpus.read_table(path).attrs["encoding"]


@pytest.mark.parametrize(("theme", "variable", "levels"), [
    ("family_contact", "see_family", {"too_little"}),
    ("advocacy", "knows_advocate", {"no", "not_sure"}),
    ("stigma", "treated_differently", {"yes"}),
    ("safety", "feels_safe", {"sometimes", "never"}),
])
def test_planted_associations_are_there(demo, gold, theme, variable, levels):
    raised = {cid.rsplit("-", 1)[0] for cid, themes in zip(gold["comment_id"], gold["themes"],
                                                            strict=True) if theme in themes}
    r = demo.respondents
    has_theme = r["respondent_id"].isin(raised)
    in_level = r[variable].isin(levels)
    table = pd.crosstab(has_theme, in_level)
    odds_ratio, p = fisher_exact(table.to_numpy())
    assert odds_ratio > 2 and p < 1e-4


def test_reference_supplement_is_fiction_apart_from_the_demo_with_codebook_themes(demo):
    """The coder's supplement: its own comments, codebook themes, spans that match the text."""
    from carevoice.themes.reference import supplement_rows

    rows = supplement_rows()
    assert len(rows) > 200
    demo_texts = set(demo.comments["text"].dropna().str.lower())
    from carevoice.themes import load_codebook

    themes = set(load_codebook().theme_ids)
    for row in rows:
        assert row["text"].lower() not in demo_texts, row["source"]
        assert set(row["themes"]) <= themes, row["source"]
        for span in row["pii"]:
            assert row["text"][span["start"]:span["end"]] == span["text"], row["source"]
    # The voices it was written for are there: kinship carers, the words of care, bullying.
    joined = " ".join(r["text"].lower() for r in rows)
    assert joined.count("nan") > 20 and "contact" in joined and "bull" in joined
