"""Survey platforms' exports in a batch run: the answers it reads leave a platform's metadata
out as ``carevoice convert``, ``link`` and ``report`` do.

Every name and answer here is fictional.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

AGES = ["8-10", "11-13", "14-15", "16-17"]
PLACES = ["Foster care", "Residential", "Kinship care"]


def _export(n: int = 12) -> pd.DataFrame:
    """A Qualtrics-like export with its header rows already deleted."""
    return pd.DataFrame({
        "StartDate": [f"2026-03-{1 + i:02d} 10:{i:02d}:00" for i in range(n)],
        "EndDate": [f"2026-03-{1 + i:02d} 10:{i + 9:02d}:00" for i in range(n)],
        "Status": ["IP Address"] * n,
        "Progress": ["100" if i % 4 else "43" for i in range(n)],
        "Duration (in seconds)": [str(300 + 7 * i) for i in range(n)],
        "Finished": ["True" if i % 4 else "False" for i in range(n)],
        "ResponseId": [f"R_{i:04d}fict" for i in range(n)],
        "Q1": [AGES[i % 4] for i in range(n)],
        "Q2": [PLACES[i % 3] for i in range(n)],
        "Q5": [f"more trips to the seaside {i}" for i in range(n)]})


def _answers(folder: Path, settings: str, kind: str) -> pd.DataFrame:
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source

    export = _export()
    export.to_csv(folder / "export.csv", index=False)
    export[["ResponseId", "Q5"]].rename(columns={"ResponseId": "respondent_id", "Q5": "text"}) \
        .assign(comment_id=lambda f: f["respondent_id"] + "-better") \
        .to_csv(folder / "c.csv", index=False)
    export.drop(columns=["Q5"]).rename(columns={"ResponseId": "respondent_id"}) \
        .to_csv(folder / "r.csv", index=False)
    source_lines = ('survey = "export.csv"\nid_column = "ResponseId"\n'
                    '[input.text_columns]\nQ5 = "better"\n' if kind == "survey" else
                    'comments = "c.csv"\nrespondents = "r.csv"\n')
    toml = folder / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\n[input]\n{settings}{source_lines}', "utf-8")
    cfg = load_config(toml)
    source = _source(cfg)
    return _read_respondents(cfg, source, plan_chunks(source, 100))


@pytest.mark.parametrize("kind", ["survey", "respondents"])
def test_batch_answers_leave_platform_metadata_out(tmp_path: Path, kind: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    """The batch runner kept StartDate, Status, Progress, Duration ... as survey answers
    (written to respondents.csv, shown in the report), where convert leaves them out."""
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        answers = _answers(tmp_path, "", kind)
    assert list(answers.columns) == ["respondent_id", "Q1", "Q2"]
    text = " ".join(caplog.text.split())
    assert ("6 columns are a survey platform's metadata, not survey answers (submission "
            "times, durations, progress, the platform's ids), and left out of the answers: "
            "'StartDate', 'EndDate', 'Status', 'Progress', 'Duration (in seconds)', "
            "'Finished'") in text
    assert "[input] not_free_text" in text
    assert "3 of 12 respondents did not finish the survey" in text


@pytest.mark.parametrize("kind", ["survey", "respondents"])
def test_batch_keeps_the_metadata_column_vouched_for(tmp_path: Path, kind: str) -> None:
    kept = _answers(tmp_path, 'not_free_text = ["Finished"]\n', kind)
    assert list(kept.columns) == ["respondent_id", "Finished", "Q1", "Q2"]
    trusted = _answers(tmp_path, 'closed_columns = ["Q1", "Progress"]\n', kind)
    assert set(trusted.columns) == {"respondent_id", "Progress", "Q1"}
