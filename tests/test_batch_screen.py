"""The safeguarding screen of a batch run, chunk by chunk in the replace step.

Fictional comments written for these tests (concerns in several chunks, two of them either side
of a chunk boundary), the offline HashingEmbedder and no spaCy, so each run takes seconds. With
the hashing model the screen is the rules alone, as ``SafeguardingConfig(similarity=False)``.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pandas as pd
import pytest

from carevoice.batch import load_config, run_batch
from carevoice.batch import pseudonymise as pseudonymise_module
from carevoice.batch.chunks import ChunkStore, Source, plan_chunks
from carevoice.batch.screen import run_flags, screen_settings_key
from carevoice.safeguarding import FLAG_COLUMNS, SafeguardingConfig, screen_comments, write_flags
from carevoice.safeguarding.screen import screen_settings

CHUNK = 4
#: (comment_id, respondent_id, text): four chunks of four (the last of two)
ROWS = [
    ("c01", "r1", "i like my school and my form tutor"),
    ("c02", "r1", "my bf takes my money n my phone"),  # priority
    ("c03", "r2", None),
    ("c04", "r2", "i dont want to be here any more"),  # priority, last of chunk 0
    ("c05", "r3", "used to cut myself but im safe now"),  # review, first of chunk 1
    ("c06", "r3", "more trips to the seaside please"),
    ("c07", None, "i keep going missing from my placement at night and staff dont know"),
    ("c08", "r4", "my social worker keeps changing, third one this year"),
    ("c09", "r5", "been living off dry cereal and tap water since my money ran out"),
    ("c10", "r5", "my sister worries me she says she wants to die"),  # review
    ("c11", "r6", "Kai hits me"),
    ("c12", "r6", "my foster carer hits me when shes angry"),  # priority, last of chunk 2
    ("c13", "r7", "I want to see my brother more"),
    ("c14", "r7", "my nan is the best"),
]


def _input(folder: Path) -> pd.DataFrame:
    comments = pd.DataFrame(ROWS, columns=["comment_id", "respondent_id", "text"])
    comments.to_csv(folder / "c.csv", index=False)
    return comments


def _pipeline(folder: Path, *, output: str = "run") -> Path:
    toml = folder / f"{output}.toml"
    toml.write_text(
        f'[run]\noutput = "{output}"\nchunk_size = {CHUNK}\nprogress = false\nseed = 3\n'
        '[input]\ncomments = "c.csv"\n[pseudonymise]\nuse_spacy = false\n'
        '[embed]\nmodel = "hashing"\n', "utf-8")
    return toml


def _run_flags(toml: Path) -> pd.DataFrame:
    cfg = load_config(toml)
    specs = plan_chunks(Source(Path(cfg.input.comments)), CHUNK)  # type: ignore[arg-type]
    return run_flags(cfg, specs, ChunkStore(Path(cfg.run.output) / "chunks"))


def test_chunked_flags_equal_one_screen_of_the_whole_input(tmp_path: Path) -> None:
    """The flags file a run writes from its chunks' flags is, byte for byte, the one a screen
    of the whole input in one piece writes (what a run wrote before it screened chunk by
    chunk), and the table it hands the report is that screen's table, settings included."""
    comments = _input(tmp_path)
    result = run_batch(_pipeline(tmp_path))
    expected = screen_comments(comments, SafeguardingConfig(similarity=False))
    # concerns in three chunks, priority and review, either side of the first boundary
    assert set(expected["comment_id"]) >= {"c02", "c04", "c05", "c07", "c09", "c10", "c12"}
    assert set(expected["level"]) == {"priority", "review"}
    one_piece = write_flags(expected, tmp_path / "one_piece.csv")
    written = result.outputs["safeguarding_flags"]
    assert written.read_bytes() == one_piece.read_bytes()
    flags = _run_flags(_pipeline(tmp_path))
    pd.testing.assert_frame_equal(flags, expected)
    assert screen_settings(flags) == screen_settings(expected) is not None
    assert flags.loc[flags["comment_id"] == "c07", "respondent_id"].isna().all()


def test_each_chunk_is_read_once_for_replacement_and_screen(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """The screen takes the comments the replace step reads: a run reads each chunk once to
    detect and once to replace and screen (before, the screen read every chunk a third
    time); a resumed run reads each once and reuses every chunk's stored flags."""
    _input(tmp_path)
    reads: list[int] = []
    read_chunk = pseudonymise_module.read_chunk

    def counted(source, spec):
        reads.append(spec.index)
        return read_chunk(source, spec)

    monkeypatch.setattr(pseudonymise_module, "read_chunk", counted)
    result = run_batch(_pipeline(tmp_path))
    assert sorted(reads) == sorted([0, 1, 2, 3] * 2)
    log = (result.folder / "run.log").read_text("utf-8")
    assert "screen: 0 chunks reused, 4 screened" in log
    for index in range(4):
        path = result.folder / "chunks" / f"{index:06d}" / "flags.parquet"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # who disclosed what
        stored = pd.read_parquet(path)
        assert list(stored.columns) == list(FLAG_COLUMNS)  # ids, categories, labels: no text
        texts = {t for _, _, t in ROWS if t}
        assert not any(str(v) in texts for v in stored.to_numpy().ravel())
    reads.clear()
    again = run_batch(_pipeline(tmp_path))
    assert sorted(reads) == [0, 1, 2, 3]  # detection reused: the replace step's reads only
    log = (again.folder / "run.log").read_text("utf-8")
    assert "screen: 4 chunks reused, 0 screened" in log
    assert again.outputs["safeguarding_flags"].read_bytes() == \
        result.outputs["safeguarding_flags"].read_bytes()


def test_flags_stored_under_other_screen_settings_are_not_reused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk's stored flags are reused only for the same comments and the same screen: a
    resumed run screens a changed chunk again, and every chunk when it screens differently
    (the similarity path on, or here, without review flags)."""
    import dataclasses

    from carevoice.batch import screen as screen_module

    comments = _input(tmp_path)
    run_batch(_pipeline(tmp_path))
    comments.loc[13, "text"] = "my dad hits me"  # chunk 3 changed
    comments.to_csv(tmp_path / "c.csv", index=False)
    result = run_batch(_pipeline(tmp_path))
    assert "screen: 3 chunks reused, 1 screened" in (result.folder / "run.log").read_text()
    flags = pd.read_csv(result.outputs["safeguarding_flags"], dtype=str)
    assert "c14" in set(flags["comment_id"]) and "review" in set(flags["level"])
    cfg = load_config(_pipeline(tmp_path))
    minilm = dataclasses.replace(cfg, embed=dataclasses.replace(cfg.embed, model="minilm"))
    assert screen_settings_key(cfg) != screen_settings_key(minilm)  # similarity on
    monkeypatch.setattr(screen_module, "screen_config",
                        lambda cfg: SafeguardingConfig(similarity=False, review=False))
    result = run_batch(_pipeline(tmp_path))
    assert "screen: 0 chunks reused, 4 screened" in (result.folder / "run.log").read_text()
    flags = pd.read_csv(result.outputs["safeguarding_flags"], dtype=str)
    assert set(flags["level"]) == {"priority"} and "c14" in set(flags["comment_id"])


def test_a_named_subject_is_in_the_batch_flags_file(tmp_path: Path) -> None:
    """A batch run screens the comments as written, where a person is a name, not a tag: the
    flags file holds "Kai hits me" (it did not while the rules read roles and tags only)."""
    _input(tmp_path)
    result = run_batch(_pipeline(tmp_path))
    flags = pd.read_csv(result.outputs["safeguarding_flags"])
    assert "c11" in set(flags["comment_id"])
