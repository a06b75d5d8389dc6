"""Batch runs at the edges: blank chunks, inputs edited mid-run, stale outputs, bad settings.

Small inputs (20 demo comments), the offline HashingEmbedder and no spaCy, so each run takes
seconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from carevoice.batch import run_batch
from carevoice.demo import load_demo
from carevoice.errors import InputError, ValidationError


def _pipeline(folder: Path, *, extra: str = "", comments: str = "c.csv",
              output: str = "run") -> Path:
    toml = folder / f"{output}.toml"
    toml.write_text(
        f'[run]\noutput = "{output}"\nchunk_size = 5\nprogress = false\nseed = 3\n'
        f'[input]\ncomments = "{comments}"\n'
        f'[pseudonymise]\nuse_spacy = false\n'
        f'[embed]\nmodel = "hashing"\n{extra}', "utf-8")
    return toml


def _comments(folder: Path, *, blank: slice | None = None) -> pd.DataFrame:
    comments = load_demo().comments.head(20)[["comment_id", "respondent_id", "question_id",
                                              "text"]].copy()
    if blank is not None:
        comments.loc[comments.index[blank], "text"] = None
    comments.to_csv(folder / "c.csv", index=False)
    return comments


def test_discovery_with_a_chunk_of_blank_comments(tmp_path: Path) -> None:
    from carevoice.batch.steps import embed_texts
    from carevoice.embed import CachedEmbedder, HashingEmbedder

    comments = _comments(tmp_path, blank=slice(5, 10))
    result = run_batch(_pipeline(tmp_path, extra="[discover]\nenabled = true\n"))
    topics = pd.read_csv(result.outputs["topics"], dtype={"comment_id": str})
    blank = set(comments["comment_id"].iloc[5:10].astype(str))
    rows = topics[topics["comment_id"].isin(blank)]
    assert set(rows["comment_id"]) == blank
    assert (rows["topic"] == -1).all()
    # Discovery runs over what the codebook left uncoded or unsure (as `discover --codes`):
    # blank comments have no theme, so they are there, as outliers.
    codes = pd.read_csv(result.outputs["codes"], dtype={"comment_id": str})
    uncoded = set(comments["comment_id"].astype(str)) - set(
        codes.loc[(codes["assigned"].astype(str).str.lower() == "true") & (codes["score"] >= 0.6),
                  "comment_id"])
    assert set(topics["comment_id"]) == uncoded
    frame = pd.DataFrame({"comment_id": ["1"], "text": [None]})
    for embedder in (HashingEmbedder(dim=64), CachedEmbedder(HashingEmbedder(dim=64), None)):
        texts, vectors = embed_texts(frame, embedder)
        assert texts == [] and vectors.shape == (0, 64)
    assert np.load(result.folder / "chunks" / "000001" / "embeddings.npy").shape[1] > 0


@pytest.mark.parametrize("hook", ["_plan", "replace_all"])
@pytest.mark.parametrize("same_length", [True, False])
def test_input_edited_during_the_run_stops_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               hook: str, same_length: bool) -> None:
    from carevoice.batch import runner

    comments = _comments(tmp_path)
    comments.loc[comments.index[7], "text"] = "Zebedee Quillfeather is my best mate at Oakridge!!"
    comments.to_csv(tmp_path / "c.csv", index=False)
    original = getattr(runner, hook)

    def edit_then_run(*args, **kwargs):
        # Someone saves an edited file after planning (before detection), or after detection
        # (before replacement).
        result = original(*args, **kwargs) if hook == "_plan" else None
        edited = comments.copy()
        text = ("my best friend is Zebedee Quillfeather at Oakridge" if same_length
                else "Zebedee Quillfeather, my mate,\nat Oakridge Academy, \"quoted\" text")
        if same_length:
            assert len(text) == len(comments.loc[comments.index[7], "text"])
        edited.loc[edited.index[7], "text"] = text
        edited.to_csv(tmp_path / "c.csv", index=False)
        return result if hook == "_plan" else original(*args, **kwargs)

    monkeypatch.setattr(runner, hook, edit_then_run)
    with pytest.raises(InputError, match="changed during the run") as info:
        run_batch(_pipeline(tmp_path))
    assert "Quillfeather" not in str(info.value)
    outputs = tmp_path / "run" / "outputs"
    assert not outputs.exists() or not any(outputs.iterdir())


def test_outputs_hold_only_what_the_latest_run_wrote(tmp_path: Path) -> None:
    _comments(tmp_path)
    first = run_batch(_pipeline(tmp_path, extra='[discover]\nenabled = true\n'))
    outputs = first.folder / "outputs"
    (outputs / "my_notes.txt").write_text("kept", "utf-8")
    assert (outputs / "topics.csv").is_file()
    toml = _pipeline(tmp_path)
    toml.write_text(toml.read_text("utf-8").replace('seed = 3\n',
                                                    'seed = 3\noutput_format = "parquet"\n'),
                    "utf-8")
    second = run_batch(toml)
    left = sorted(p.name for p in outputs.iterdir())
    # not-for-publication/analyst.json: the exact counts the manifest gives in words
    assert left == sorted({*(p.relative_to(outputs).parts[0] for p in second.outputs.values()),
                           "my_notes.txt"})
    assert "topics.csv" not in left and "comments.csv" not in left
    assert "removed" in (first.folder / "run.log").read_text("utf-8")


def test_every_bad_setting_is_reported_before_any_work(tmp_path: Path) -> None:
    comments = _comments(tmp_path)
    respondents = load_demo().respondents
    respondents[respondents["respondent_id"].isin(comments["respondent_id"])].to_csv(
        tmp_path / "r.csv", index=False)
    (tmp_path / "bg.csv").write_text("id,words\n1,hello\n", "utf-8")
    (tmp_path / "cb.yaml").write_text("not: [a, codebook\n", "utf-8")
    toml = _pipeline(tmp_path, extra=(
        '[discover]\nenabled = true\nbackground = "bg.csv"\n'
        'options = { colour = "red", random_state = 4, reducer = "tsne" }\n'
        '[themes]\ncodebook = "cb.yaml"\n'
        '[link]\nvariables = ["no_such_answer"]\nby = ["nor_this"]\n'))
    toml.write_text(toml.read_text("utf-8").replace(
        'comments = "c.csv"\n', 'comments = "c.csv"\nrespondents = "r.csv"\n'), "utf-8")
    with pytest.raises(ValidationError) as info:
        run_batch(toml)
    message = str(info.value)
    for needle in ("colour", "random_state", "tsne", "no_such_answer", "nor_this",
                   "discover.background", "themes.codebook"):
        assert needle in message, needle
    assert not (tmp_path / "run" / "chunks" / "000000" / "detect.done.json").exists()


def test_switching_discovery_on_and_off_reuses_the_coded_chunks(tmp_path: Path) -> None:
    _comments(tmp_path)
    first = run_batch(_pipeline(tmp_path, extra="[discover]\nenabled = true\n"))
    topics = first.outputs["topics"].read_bytes()
    off = run_batch(_pipeline(tmp_path))
    assert off.counts["chunks_coded"] == 0
    for chunk in (first.folder / "chunks").glob("0*"):
        (chunk / "embeddings.npy").unlink()  # as if coded by a run without discovery
        (chunk / "vectors.done.json").unlink()
    again = run_batch(_pipeline(tmp_path, extra="[discover]\nenabled = true\n"))
    assert again.counts["chunks_coded"] == 0
    assert again.outputs["topics"].read_bytes() == topics
    assert "vectors: 4 coded chunks embedded for discovery" in (
        first.folder / "run.log").read_text("utf-8")


def test_manifest_hashes_the_background_and_the_token_model(tmp_path: Path) -> None:
    import hashlib
    import json
    import shutil
    from importlib import resources

    comments = _comments(tmp_path)
    comments.head(8).assign(comment_id=lambda f: "bg-" + f["comment_id"]).to_csv(
        tmp_path / "bg.csv", index=False)
    with resources.as_file(resources.files("carevoice") / "data" / "token_model.npz") as model:
        shutil.copy(model, tmp_path / "tokens.npz")
    toml = _pipeline(tmp_path, extra='[discover]\nenabled = true\nbackground = "bg.csv"\n')
    toml.write_text(toml.read_text("utf-8").replace(
        "use_spacy = false\n", 'use_spacy = false\ntoken_model = "tokens.npz"\n'), "utf-8")
    result = run_batch(toml)
    inputs = json.loads(result.manifest.read_text("utf-8"))["inputs"]
    for name, file in (("background", "bg.csv"), ("token_model", "tokens.npz")):
        digest = hashlib.sha256((tmp_path / file).read_bytes()).hexdigest()
        assert inputs[name] == {"file": file, "sha256": digest}


def test_an_output_that_is_a_file_and_an_unreachable_scheduler_exit_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from carevoice.cli import app

    _comments(tmp_path)
    (tmp_path / "run").write_text("a file, not a folder", "utf-8")
    result = CliRunner().invoke(app, ["run", str(_pipeline(tmp_path))])
    assert result.exit_code == 2 and "[run] output must name a folder" in result.output
    toml = _pipeline(tmp_path, output="dask", extra=(
        '[dask]\nscheduler = "tcp://127.0.0.1:9"\nconnect_timeout = 2\n'))
    toml.write_text(toml.read_text("utf-8").replace("seed = 3\n", 'seed = 3\nengine = "dask"\n'),
                    "utf-8")
    result = CliRunner().invoke(app, ["run", str(toml)])
    assert result.exit_code == 2 and "could not be reached in 2 s" in result.output, result.output


def test_streamed_csv_outputs_quote_a_bare_carriage_return(tmp_path):
    import pandas as pd

    from carevoice.batch.outputs import TableWriter
    from carevoice.corpus import read_table

    writer = TableWriter(tmp_path / "comments.csv", "csv")
    writer.write(pd.DataFrame({"comment_id": ["a"], "text": ["ok"]}))
    writer.write(pd.DataFrame({"comment_id": ["b"], "text": ["line one\r[PERSON_1] here"]}))
    writer.close(pd.DataFrame(columns=["comment_id", "text"]))
    rows = read_table(tmp_path / "comments.csv").to_dict("records")
    assert rows == [{"comment_id": "a", "text": "ok"},
                    {"comment_id": "b", "text": "line one\r[PERSON_1] here"}]


def test_streamed_csv_bytes_do_not_depend_on_the_chunking(tmp_path):
    """One line-end convention (LF) whatever chunk holds a bare carriage return, as
    write_table writes the whole frame."""
    import pandas as pd

    from carevoice.batch.outputs import TableWriter
    from carevoice.corpus import write_table

    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(6)],
                          "text": ["ok", "old mac\rline", 'said "hi"\r\nthen', "fine",
                                   "two\nlines", "end"]})
    written = []
    for size in (1, 2, 4, 6):
        writer = TableWriter(tmp_path / f"comments{size}.csv", "csv")
        for start in range(0, len(frame), size):
            writer.write(frame.iloc[start:start + size])
        written.append(writer.close(frame.iloc[:0]).read_bytes())
    whole = write_table(frame, tmp_path / "whole.csv").read_bytes()
    assert written == [whole] * 4
    assert whole.startswith(b"comment_id,text\nc0,ok\nc1,\"old mac\rline\"\n")
    assert whole.endswith(b'c2,"said ""hi""\r\nthen"\nc3,fine\nc4,"two\nlines"\nc5,end\n')
    assert pd.read_csv(tmp_path / "whole.csv", dtype=str)["text"].tolist() == \
        frame["text"].tolist()


@pytest.mark.parametrize("kind", ["survey", "respondents"])
def test_not_free_text_vouches_for_one_column_and_keeps_the_others(
        tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture) -> None:
    """[input] not_free_text keeps a closed question refused by mistake and every other
    column, still checked; [input] closed_columns keeps only its columns and says which
    it leaves out."""
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source

    reasons = ["Too far from school", "My carer was ill", "Too far from school",
               "I asked to move", "My carer was ill", "Other reason"]
    rows = [(f"P{i}", f"more money {i}", "foster" if i % 2 else "kinship", reasons[i],
             "Zebedee Quorn" if i == 2 else "") for i in range(6)]
    head = "respondent_id,better,placement,why_moved,Other (please specify)\n"
    (tmp_path / "export.csv").write_text(head + "".join(",".join(r) + "\n" for r in rows),
                                         "utf-8")
    (tmp_path / "c.csv").write_text("comment_id,respondent_id,text\n" + "".join(
        f"c{i},{r[0]},{r[1]}\n" for i, r in enumerate(rows)), "utf-8")
    (tmp_path / "r.csv").write_text(head.replace("better,", "") + "".join(
        ",".join([r[0], *r[2:]]) + "\n" for r in rows), "utf-8")
    source_lines = ('survey = "export.csv"\nid_column = "respondent_id"\n'
                    '[input.text_columns]\n"better" = "better"\n' if kind == "survey" else
                    'comments = "c.csv"\nrespondents = "r.csv"\n')

    def answers(settings: str) -> pd.DataFrame:
        toml = tmp_path / "PIPELINE.toml"
        toml.write_text(f'[run]\noutput = "run"\n[input]\n{settings}{source_lines}', "utf-8")
        cfg = load_config(toml)
        source = _source(cfg)
        return _read_respondents(cfg, source, plan_chunks(source, 100))

    with pytest.raises(ValidationError) as info:
        answers("")
    assert "'why_moved'" in str(info.value) and "not_free_text" in str(info.value)
    with pytest.raises(ValidationError, match="Other"):
        answers('not_free_text = ["why_moved"]\n')
    kept = answers('not_free_text = ["why_moved"]\ndrop_columns = ["Other (please specify)"]\n')
    assert list(kept.columns) == ["respondent_id", "placement", "why_moved"]
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        kept = answers('closed_columns = ["why_moved"]\n')
    assert list(kept.columns) == ["respondent_id", "why_moved"]
    assert "2 of 3 answer columns are left out: 'placement', 'Other (please specify)'" in (
        " ".join(caplog.text.split()))


@pytest.mark.parametrize("lead", ["\n", "\r\n\r\n", "\ufeff\n"], ids=["blank", "two", "bom"])
def test_blank_lines_before_the_header_lose_no_row(tmp_path: Path, lead: str) -> None:
    """An export that begins with an empty line: every chunk is read under the real header.

    The single-file readers skip the blank line; the chunked reader took it as the header, so
    from the second chunk on the first row of each chunk became its column names and was lost.
    """
    comments = _comments(tmp_path)
    (tmp_path / "c.csv").write_text(lead + comments.to_csv(index=False), "utf-8", newline="")
    result = run_batch(_pipeline(tmp_path))
    coded = pd.read_csv(result.outputs["comments"], dtype={"comment_id": str})
    assert sorted(coded["comment_id"]) == sorted(comments["comment_id"].astype(str))


def test_a_needs_review_value_that_is_not_yes_or_no_stops_the_run_before_any_work(
        tmp_path: Path) -> None:
    """An input's ``needs_review`` column is read when its chunk is read: a value neither yes
    nor no stops the run there, named by ``comment_id``, not after every chunk was pseudonymised
    and coded (where the outputs are assembled, as before)."""
    comments = _comments(tmp_path)
    comments["needs_review"] = ["no"] * 12 + ["perhaps"] + ["yes"] * 7
    comments.to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(InputError) as info:
        run_batch(_pipeline(tmp_path))
    message = str(info.value)
    assert "[input] comments" in message and "needs_review" in message
    assert comments["comment_id"].iloc[12] in message and "perhaps" not in message
    assert not list((tmp_path / "run").glob("chunks/*/detect.done.json"))


def test_run_log_is_owner_only(tmp_path: Path) -> None:
    """run.log was written as the umask allowed (0644): its counts, comment ids and file names
    of a run of children's comments could be read by anyone on the machine, beside the
    owner-only flags files. It is 0600, and an earlier run's log is made so as it grows."""
    import stat

    _comments(tmp_path)
    result = run_batch(_pipeline(tmp_path))
    log = result.folder / "run.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    log.chmod(0o644)  # as an earlier version left it
    before = log.read_text("utf-8")
    again = run_batch(_pipeline(tmp_path))
    assert again.folder / "run.log" == log
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.read_text("utf-8").startswith(before)  # appended to, not replaced
