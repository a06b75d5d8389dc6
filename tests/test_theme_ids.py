"""Codes that name themes the codebook lacks: a warning, never a silent extra theme.

A mistyped theme id, or a name typed into the theme column, was analysed, reported and
exported as a theme of its own without a word. Fictional data.
"""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice._theme_ids import unknown_themes
from carevoice.cli import app

from .conftest import SCREEN_RULES

NAME = "Kayleigh Smith"  # fictional; a name typed into the theme column must never be shown


def _files(tmp_path):
    ids = [f"r{i}" for i in range(30)]
    pd.DataFrame({"comment_id": [f"{r}-q" for r in ids], "respondent_id": ids,
                  "question_id": "q", "text": ["fine"] * 30}).to_csv(tmp_path / "c.csv",
                                                                      index=False)
    pd.DataFrame({"respondent_id": ids, "age_group": ["8-10", "11-13"] * 15}).to_csv(
        tmp_path / "r.csv", index=False)
    pd.DataFrame({"comment_id": [f"{r}-q" for r in ids[:12]],
                  "theme": ["family_contact"] * 6 + [NAME] * 3 + ["famly_contact"] * 3,
                  "score": 0.9, "assigned": True}).to_csv(tmp_path / "codes.csv", index=False)
    return [str(tmp_path / n) for n in ("c.csv", "codes.csv", "r.csv")]


def test_unknown_themes_are_listed_when_they_look_like_ids_and_counted_otherwise(caplog):
    with caplog.at_level(logging.WARNING, logger="carevoice.themes"):
        unknown = unknown_themes(["money", NAME, "famly_contact", "no_theme", None],
                                 ["money", "family_contact"], codebook="book.yaml")
    assert unknown == [NAME, "famly_contact"]
    assert "'famly_contact'" in caplog.text and "book.yaml" in caplog.text
    assert "1 that is not a theme id" in caplog.text and "Kayleigh" not in caplog.text
    caplog.clear()
    assert unknown_themes(["money", "no_theme"], ["money"]) == []
    assert caplog.text == ""


@pytest.mark.parametrize("command", ["link", "export-qdpx"])
def test_link_and_export_warn_about_themes_the_codebook_lacks(tmp_path, caplog, command):
    files = _files(tmp_path)
    output = str(tmp_path / ("a.csv" if command == "link" else "p.qdpx"))
    extra = ["--already-pseudonymised"] if command == "export-qdpx" else []
    with caplog.at_level(logging.WARNING, logger="carevoice.themes"):
        result = CliRunner().invoke(app, [command, *files, "--output", output, *extra])
    assert result.exit_code == 0, result.output
    assert "2 theme(s) that the default codebook does not have" in caplog.text
    assert "'famly_contact'" in caplog.text
    assert "Kayleigh" not in caplog.text and "Kayleigh" not in result.output


def test_make_report_warns_once_about_themes_the_codebook_lacks(tmp_path, caplog):
    """The report command's warning comes from make_report itself (Python users get it too)."""
    from carevoice.report import make_report

    c, codes, r = (pd.read_csv(f) for f in _files(tmp_path))
    with caplog.at_level(logging.WARNING, logger="carevoice.themes"):
        content = make_report((c, r), codes, text_is_pseudonymised=True,
                              safeguarding=SCREEN_RULES, embedder=HashingEmbedder())
    assert caplog.text.count("theme(s) that the default codebook does not have") == 1
    assert "Kayleigh" not in caplog.text
    assert content is not None
