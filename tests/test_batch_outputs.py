"""The streamed tables of a batch run's ``outputs/``: written under a temporary name, renamed
when complete, and nothing left behind (no half-written table, no temporary file holding
comments) when writing fails part-way."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from carevoice.batch.chunks import ChunkSpec, ChunkStore
from carevoice.batch.config import config_from_dict
from carevoice.batch.outputs import TableWriter
from carevoice.batch.runner import _assemble
from carevoice.schema import SPAN_COLUMNS


def _chunk(store: ChunkStore, index: int, *, codes: bool = True) -> ChunkSpec:
    ids = [f"c{index}-{i}" for i in range(3)]
    frames = {
        "pseudonymised": pd.DataFrame({"comment_id": ids, "respondent_id": ["r1", "r2", "r3"],
                                       "text": ["[Person 1] is kind", "more visits", None]}),
        "spans": pd.DataFrame({"comment_id": [ids[0]], "start": [0], "end": [4],
                               "label": ["PERSON"], "score": [0.9], "detector": ["names"]}),
    }
    if codes:
        frames["codes"] = pd.DataFrame({"comment_id": ids, "theme": ["family_contact"] * 3,
                                        "score": [0.8, 0.7, 0.0],
                                        "assigned": [True, True, False]})
    store.save(index, "code", "k", frames, rows=3)
    return ChunkSpec(index, 0, 1, 1, "utf-8")


def _cfg(folder: Path, fmt: str):
    return config_from_dict({"run": {"output": str(folder), "output_format": fmt},
                             "input": {"comments": "c.csv"}}, check_files=False)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_assembled_outputs(tmp_path: Path, fmt: str) -> None:
    store = ChunkStore(tmp_path / "chunks")
    specs = [_chunk(store, 0), _chunk(store, 1)]
    outputs, counts, _, codes = _assemble(_cfg(tmp_path, fmt), specs, store, tmp_path)
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == sorted(
        f"{n}.{fmt}" for n in ("codes", "comments", "spans"))
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    assert len(read(outputs["comments"])) == 6 == counts["comments"]
    assert list(read(outputs["spans"]).columns) == list(SPAN_COLUMNS)
    assert len(codes) == 4


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_failure_part_way_leaves_no_table_and_no_temporary_file(tmp_path: Path,
                                                                  fmt: str) -> None:
    store = ChunkStore(tmp_path / "chunks")
    specs = [_chunk(store, 0), _chunk(store, 1), _chunk(store, 2, codes=False)]
    with pytest.raises(FileNotFoundError):  # chunk 2's codes are missing
        _assemble(_cfg(tmp_path, fmt), specs, store, tmp_path)
    # two chunks had been streamed out; neither they nor a temporary copy of them remain
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == []


def test_a_frame_that_cannot_be_written_removes_the_temporary_file(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path / "codes.parquet", "parquet")
    writer.write(pd.DataFrame({"comment_id": ["c1"], "score": [0.5]}))
    import pyarrow as pa

    with pytest.raises(pa.ArrowInvalid, match="'high'"):
        writer.write(pd.DataFrame({"comment_id": ["c2"], "score": ["high"]}))
    assert list(tmp_path.iterdir()) == []


def test_an_earlier_table_stays_whole_until_the_new_one_is_complete(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    path.write_text("comment_id,text\nold,earlier run\n", "utf-8")
    writer = TableWriter(path, "csv")
    writer.write(pd.DataFrame({"comment_id": ["c1"], "text": ["new"]}))
    assert path.read_text("utf-8") == "comment_id,text\nold,earlier run\n"
    writer.discard()
    assert path.read_text("utf-8") == "comment_id,text\nold,earlier run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["comments.csv"]
    writer = TableWriter(path, "csv")
    writer.write(pd.DataFrame({"comment_id": ["c1"], "text": ["new"]}))
    assert writer.close(pd.DataFrame()) == path
    assert path.read_text("utf-8") == "comment_id,text\nc1,new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["comments.csv"]


def test_a_rerun_clears_the_codes_manifest_with_the_codes(tmp_path: Path) -> None:
    """codes.manifest.json is one of a run's outputs: cleared with the codes (a stale one
    would not match the new codes' bytes anyway, and would only mislead a reader)."""
    from carevoice.batch.outputs import clear_outputs

    out = tmp_path / "outputs"
    out.mkdir()
    for name in ("codes.csv", "codes.manifest.json", "my.manifest.json"):
        (out / name).write_text("x")
    assert sorted(clear_outputs(tmp_path)) == ["outputs/codes.csv",
                                               "outputs/codes.manifest.json"]
    assert [p.name for p in out.iterdir()] == ["my.manifest.json"]
