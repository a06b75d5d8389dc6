"""The published report words its figures for the readers it is meant for (audit of the
accessible report, leftovers): the intervals' confidence level as used, ratios at a readable
precision, plain column headers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from carevoice import HashingEmbedder

from .conftest import SCREEN_RULES
from .test_report_a11y import _survey


@pytest.fixture(scope="module")
def written_90(tmp_path_factory):
    """The report of the fictional survey, built with 90% intervals, as files."""
    from carevoice.link import Hypothesis
    from carevoice.report import build_report

    comments, codes, respondents = _survey()
    out = tmp_path_factory.mktemp("report90")
    build_report((comments, respondents), codes, out, safeguarding=SCREEN_RULES,
                 embedder=HashingEmbedder(), text_is_pseudonymised=True,
                 themes=["money", "advocacy"], timestamp=False, alpha=0.1,
                 hypotheses=[Hypothesis("money", "placement_type", ("residential",),
                                        "greater")])
    return out


def test_headers_and_text_give_the_confidence_level_used(written_90):
    html = (written_90 / "report.html").read_text(encoding="utf-8")
    md = (written_90 / "report.md").read_text(encoding="utf-8")
    for text in (html, md):
        assert "95%" not in text
        assert "90% CI" in text and "90% confidence interval" in text
    headers = {name: pd.read_csv(written_90 / "tables" / f"{name}.csv", nrows=0).columns
               for name in ("prevalence", "associations", "hypotheses", "differences")}
    assert "90% CI" in headers["prevalence"]
    assert "Odds ratio (90% CI)" in headers["associations"]
    assert "Odds ratio (90% CI)" in headers["hypotheses"]
    assert "Difference (90% CI)" in headers["differences"]
    cells = pd.read_csv(written_90 / "tables" / "by_placement_type.csv").iloc[1:, 1:]
    assert cells.stack().str.contains("; 90% CI ").any()


def test_change_table_names_the_level_of_its_intervals():
    from carevoice.disclosure import DisclosureConfig
    from carevoice.report.notes import _changes

    changes = pd.DataFrame({
        "theme": "money", "variable": "all", "level": "all", "wave_from": "2024",
        "wave_to": "2025", "analysis": "independent", "n_from": [12], "base_from": [80],
        "share_from": [0.15], "n_to": [30], "base_to": [90], "share_to": [1 / 3],
        "overlap": None, "both": None, "from_only": None, "to_only": None, "neither": None,
        "difference": [0.1833], "ci_low": [0.06], "ci_high": [0.3], "p_value": [0.005],
        "test": "fisher", "q_value": [0.02], "ci_level": [0.99]})
    table, note = _changes(changes, {}, DisclosureConfig())
    assert "Change in points (99% CI)" in table.columns
    assert "99% confidence intervals" in note and "95%" not in note


@pytest.fixture(scope="module")
def written_95(tmp_path_factory):
    """The report at the default level, with a two-sided hypothesis and a theme nobody
    raised (the codebook's 'bullying')."""
    from carevoice.link import Hypothesis
    from carevoice.report import build_report

    comments, codes, respondents = _survey()
    out = tmp_path_factory.mktemp("report95")
    build_report((comments, respondents), codes, out, safeguarding=SCREEN_RULES,
                 embedder=HashingEmbedder(), text_is_pseudonymised=True,
                 themes=["money", "advocacy", "bullying"], timestamp=False,
                 hypotheses=[Hypothesis("money", "placement_type", ("foster",),
                                        "two-sided")])
    return out


def _significant(token: str) -> int:
    """The significant figures a number is written with ("0.0017" -> 2, "1,537" -> 4)."""
    digits = token.replace(",", "").replace(".", "").lstrip("0")
    return len(digits)


def test_ratios_are_written_to_two_significant_figures(written_95):
    for name in ("associations", "hypotheses"):
        table = pd.read_csv(written_95 / "tables" / f"{name}.csv", dtype=str)
        odds = table["Odds ratio (95% CI)"].dropna()
        assert len(odds), name
        for cell in odds:
            for token in re.findall(r"\d[\d,]*(?:\.\d+)?", cell):
                if float(token.replace(",", "")) < 10:
                    assert _significant(token) <= 2, (name, cell)
    md = (written_95 / "report.md").read_text(encoding="utf-8")
    ratios = re.findall(r"odds ratio (\d[^,]*\))", md)
    assert ratios
    for ratio in ratios:
        for token in re.findall(r"\d[\d,]*(?:\.\d+)?", ratio):
            if float(token.replace(",", "")) < 10:
                assert _significant(token) <= 2, ratio


def test_no_raised_by_zero_percent_and_a_two_sided_result_says_its_direction(written_95):
    md = (written_95 / "report.md").read_text(encoding="utf-8")
    html = (written_95 / "report.html").read_text(encoding="utf-8")
    for text in (md, html):
        assert "Raised by 0%" not in text
        assert "Raised by none of the 80 young people who answered" in text
    hypotheses = pd.read_csv(written_95 / "tables" / "hypotheses.csv")
    assert hypotheses["Hypothesis"].tolist() == [
        ("Money raised less often by those answering placement type: foster care (tested "
         "both ways)")]
    assert "Result: raised less often by them, 15% (6 of 40)" in md


def test_published_headers_are_plain_words_and_csv_names_stay(written_95):
    from docx import Document

    html = (written_95 / "report.html").read_text(encoding="utf-8")
    md = (written_95 / "report.md").read_text(encoding="utf-8")
    heads = re.findall(r'<th scope="col">([^<]*)</th>', html)
    assert "Young people who answered" in heads and "p value" in heads
    assert "Of" not in heads and "p" not in heads and "q" not in heads
    assert "| Theme | Raised by | Young people who answered | Share | 95% CI |" in md
    document = Document(str(written_95 / "report.docx"))
    word_heads = {c.text for t in document.tables for c in t.rows[0].cells}
    assert {"Young people who answered", "p value", "q value"} <= word_heads
    assert not {"Of", "p", "q"} & word_heads
    # the tables for re-use keep their column names
    assert list(pd.read_csv(written_95 / "tables" / "prevalence.csv", nrows=0).columns) == [
        "Theme", "Raised by", "Of", "Share", "95% CI"]
    assert {"p", "q"} <= set(pd.read_csv(written_95 / "tables" / "hypotheses.csv",
                                         nrows=0).columns)
    # the glossary explains the p value the header names
    assert "<dt>p value</dt>" in html
