"""The header row and separator of a CSV batch input, found once per run when its chunks are
planned, and a header changed after planning refused.

Fictional comments, the offline HashingEmbedder and no spaCy, so each run takes seconds.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from carevoice.batch import chunks as chunks_module
from carevoice.batch import run_batch
from carevoice.batch.chunks import Source, plan_chunks
from carevoice.errors import InputError

CHUNK = 4


def _input(folder: Path) -> None:
    pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(14)],
                  "respondent_id": [f"r{i // 2}" for i in range(14)],
                  "text": [f"I want to see my brother more, week {i}" for i in range(14)]}
                 ).to_csv(folder / "c.csv", index=False)


def _pipeline(folder: Path) -> Path:
    toml = folder / "run.toml"
    toml.write_text(
        f'[run]\noutput = "run"\nchunk_size = {CHUNK}\nprogress = false\nseed = 3\n'
        '[input]\ncomments = "c.csv"\n[pseudonymise]\nuse_spacy = false\n'
        '[embed]\nmodel = "hashing"\n', "utf-8")
    return toml


def test_the_header_and_separator_are_found_once_per_run(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """Planning finds the header row and the separator once and every chunk is read under
    them (before, each chunk read walked the file's records to its header and detected the
    separator again)."""
    _input(tmp_path)
    calls = {"header": 0, "separator": 0}
    header_record, file_separator = chunks_module._header_record, chunks_module.file_separator

    def counted_header(path):
        calls["header"] += 1
        return header_record(path)

    def counted_separator(path, encoding=None):
        calls["separator"] += 1
        return file_separator(path, encoding)

    monkeypatch.setattr(chunks_module, "_header_record", counted_header)
    monkeypatch.setattr(chunks_module, "file_separator", counted_separator)
    result = run_batch(_pipeline(tmp_path))
    assert result.counts["chunks"] == 4
    assert calls == {"header": 1, "separator": 1}
    specs = plan_chunks(Source(tmp_path / "c.csv"), CHUNK)
    assert {(s.header, s.separator) for s in specs} == {(b"comment_id,respondent_id,text\n",
                                                         ",")}
    assert "comment_id,respondent_id" not in repr(specs[0])  # a header may be a comment


@pytest.mark.parametrize("header", ["comment_id,respondent_id,Text",
                                    "comment_id,respondent_ID,text"])
def test_a_header_changed_after_planning_stops_the_run(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        header: str) -> None:
    """The header is read once, at planning; a file whose header row changed since (same
    length, rows untouched) is refused by the change check, not read under the planned
    header. (Before, each chunk was read under the header as it was then: a renamed text
    column was refused, a renamed respondent_id column went through.)"""
    from carevoice.batch import runner

    _input(tmp_path)
    plan = runner._plan

    def plan_then_edit(*args, **kwargs):
        result = plan(*args, **kwargs)
        path = tmp_path / "c.csv"
        body = path.read_bytes()
        old = b"comment_id,respondent_id,text"
        assert len(header) == len(old) and body.startswith(old)
        path.write_bytes(header.encode() + body[len(old):])
        return result

    monkeypatch.setattr(runner, "_plan", plan_then_edit)
    with pytest.raises(InputError, match="changed during the run"):
        run_batch(_pipeline(tmp_path))
    # read_raw itself refuses a chunk planned under another header
    planned = plan_chunks(Source(tmp_path / "c.csv"), CHUNK)
    path = tmp_path / "c.csv"
    path.write_bytes(b"comment_id,respondent_id,text" + path.read_bytes()[len(header):])
    with pytest.raises(InputError, match="header row changed") as info:
        chunks_module.read_raw(Source(path), planned[1])
    assert header not in str(info.value)
