"""One separator for a batch input: its chunks, its survey answers and ``carevoice convert``.

``carevoice.batch.chunks.file_separator`` serves the chunk reader (``read_raw``) and the
answers of a survey export (``read_answers``, whose decimal commas depend on it), and finds
what ``read_table`` finds reading the whole file. Every name and answer here is fictional.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice.batch.chunks import (
    file_separator,
    needs_staging,
    plan_chunks,
    read_raw,
    stage_source,
)
from carevoice.corpus import read_table

HAPPY = "How happy are you, from 0 to 10?"  # a comma inside a quoted question
BETTER = "What would make your life better?"
ROWS = [("r1", "6.5", "more trips to the seaside, please"), ("r2", "7", "time with my sister"),
        ("r3", "8.25", "a bike")]


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _write(path: Path, sep: str, encoding: str, better: str = BETTER) -> list[str]:
    """The export; a question with a line break comes first, before any separator."""
    first = "\n" in better
    header = [better, "Respondent ID", HAPPY] if first else ["Respondent ID", HAPPY, better]
    lines = [sep.join(_quoted(h) for h in header)]
    for rid, happy, text in ROWS:  # Excel's decimal comma in a ;-separated file
        cells = [rid, happy.replace(".", ",") if sep == ";" else happy, _quoted(text)]
        lines.append(sep.join(cells[2:] + cells[:2] if first else cells))
    # a big-endian UTF-16 or UTF-32 file starts with its byte-order mark, as Python's
    # "utf-16" and "utf-32" (little-endian here) write theirs
    mark = "\ufeff" if encoding.endswith("-be") else ""
    path.write_bytes((mark + "\r\n".join(lines) + "\r\n").encode(encoding))
    return header


CASES = {
    "utf-16 ;": ("export.csv", ";", "utf-16", BETTER),
    # UTF-32's little-endian mark starts like UTF-16's; the big-endian one was read as UTF-8
    "utf-32 ;": ("export.csv", ";", "utf-32", BETTER),
    "utf-32-be ;": ("export.csv", ";", "utf-32-be", BETTER),
    "utf-8 BOM ;": ("export.csv", ";", "utf-8-sig", BETTER),
    "tab, .tsv": ("export.tsv", "\t", "utf-8", BETTER),
    "tab, .csv": ("export.csv", "\t", "utf-8", BETTER),
    "comma in a quoted question, ;": ("export.csv", ";", "cp1252", BETTER),
    # the header row's first line held no separator: read as "," (one column) before
    "line break in the first quoted question, ;": ("export.csv", ";", "utf-8",
                                                   "What would make\nyour life better?"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_one_separator_for_chunks_answers_and_convert(tmp_path: Path, case: str) -> None:
    from carevoice.batch import load_config
    from carevoice.batch.runner import _read_respondents, _source

    name, sep, encoding, better = CASES[case]
    header = _write(tmp_path / name, sep, encoding, better)
    assert file_separator(tmp_path / name) == sep
    assert read_table(tmp_path / name).attrs["separator"] == sep  # as convert reads it
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\n[input]\nsurvey = "{name}"\n'
                    f'id_column = "Respondent ID"\n[input.text_columns]\n'
                    f'{json.dumps(better)} = "better"\n', "utf-8")
    cfg = load_config(toml)
    source = _source(cfg)
    if needs_staging(source.path):  # UTF-16, UTF-32: staged as Parquet, as run_batch does
        source = stage_source(source, tmp_path / "staged")
    specs = plan_chunks(source, 1)
    assert len(specs) == len(ROWS)
    for spec in specs:  # every chunk, not only the one that starts after the header
        raw = read_raw(source, spec)
        assert list(raw.columns) == header, (case, spec.index)
        assert raw[better].tolist() == [ROWS[spec.index][2]]
    answers = _read_respondents(cfg, source, specs)
    assert answers.attrs["separator"] == sep
    assert answers[HAPPY].dtype == "Float64"  # 6,5 is 6.5 in a ;-separated file
    assert answers[HAPPY].tolist() == [6.5, 7.0, 8.25]


def test_formats_without_a_separator_and_a_long_header(tmp_path: Path) -> None:
    """Parquet, XLSX, SPSS and Stata inputs have no separator; a header row longer than the
    first 64 KiB read is read to its end (a question is quoted at its start)."""
    for suffix in (".parquet", ".xlsx", ".sav", ".dta"):
        assert file_separator(tmp_path / f"export{suffix}") is None
    long = tmp_path / "long.csv"
    questions = ";".join(_quoted(f"Question {i}, in full: {'x' * 200}") for i in range(400))
    long.write_text(f"{questions}\n" + ";".join(["1"] * 400) + "\n", "utf-8")
    assert len(questions) > 1 << 16
    assert file_separator(long) == ";" == read_table(long).attrs["separator"]
    assert pd.read_csv(long, sep=file_separator(long)).shape == (1, 400)
