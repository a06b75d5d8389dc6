"""Batch runs pseudonymise as ``carevoice pseudonymise`` does over the file in one piece.

Same outputs in every mode and option whatever the chunk size (surrogates avoid the names of
later chunks too), the same key (digests included, so edited comments are refused), and an
earlier wave's key continued. Fictional comments in chunks of 2 or 3, no spaCy, the offline
HashingEmbedder and a two-theme codebook, so each run takes seconds; the fitted coder is shared
through the embedding cache.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.batch import config_from_dict, load_config, run_batch
from carevoice.corpus import read_comments
from carevoice.errors import ValidationError
from carevoice.pseudonymise import (
    PseudonymiseConfig,
    pseudonymise,
    read_key,
    review_flags,
    with_review_column,
    write_secret,
)
from carevoice.pseudonymise.replace import ReplaceConfig, Replacer

SECRET = "fictional-project-secret-for-batch-tests-0001"


def _old_surrogate(name: str) -> str:
    """The surrogate a replacer that knows no other name gives ``name`` (what a chunk-by-chunk
    replacer gave the first person of the first chunk)."""
    return Replacer(SECRET.encode(), ReplaceConfig(mode="surrogates")).replace(name, "PERSON")[1]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fictional comments in which a later comment names the person whose name a surrogate
    chosen from the first comment alone would be; a secret; a two-theme codebook."""
    from carevoice.themes import load_codebook, write_codebook

    folder = tmp_path_factory.mktemp("batch-pseudonymise")
    write_secret(folder / "secret.txt", SECRET)
    taken = _old_surrogate("Kai")
    texts = ["my friend Kai came round after school", "we moved to Leeds and i miss my nan",
             "Mrs Okafor at Oakfield Academy helps me with maths",
             f"{taken} is my best mate, she gets it",
             "text me on 07700 900123 or kai.b@example.com", "",
             f"Kai and {taken} came to my review", "nothing else to say"]
    pd.DataFrame({"comment_id": [f"c{i}" for i in range(1, len(texts) + 1)],
                  "text": texts}).to_csv(folder / "c.csv", index=False)
    codebook = load_codebook()
    for theme in codebook.theme_ids:
        if theme not in ("family_contact", "education"):
            codebook = codebook.without_theme(theme)
    write_codebook(codebook, folder / "codebook.yaml")
    return folder


def _pipeline(folder: Path, data: Path, name: str, *, mode: str, chunk: int = 2,
              comments: str = "c.csv", extra: str = "") -> Path:
    """A run of ``comments`` with ``extra`` lines in [pseudonymise]."""
    toml = folder / f"{name}.toml"
    toml.write_text(
        f'[run]\noutput = "{name}"\nchunk_size = {chunk}\nprogress = false\n'
        f'[input]\ncomments = "{(data / comments).as_posix()}"\n'
        f'[pseudonymise]\nmode = "{mode}"\nuse_spacy = false\n'
        f'secret_file = "{(data / "secret.txt").as_posix()}"\n{extra}'
        f'[embed]\nmodel = "hashing"\ncache = "{(data / "cache").as_posix()}"\n'
        f'[themes]\ncodebook = "{(data / "codebook.yaml").as_posix()}"\nreference = false\n',
        "utf-8")
    return toml


def _one_piece(path: Path, mode: str, **options):
    previous = options.pop("previous_key", None)
    return pseudonymise(read_comments(path), PseudonymiseConfig(mode=mode, use_spacy=False,
                                                                **options),
                        secret=SECRET, previous_key=previous)


def _texts(result) -> list[str]:
    return pd.read_csv(result.outputs["comments"], dtype=str, keep_default_na=False)[
        "text"].tolist()


def _one_texts(one) -> list[str]:
    return one.comments["text"].fillna("").astype(str).tolist()


CASES = [("tags", 2, {}), ("tags", 3, {"tag_style": "words"}), ("surrogates", 2, {}),
         ("surrogates", 3, {"locale": "en_IE"}), ("redact", 3, {"redaction": "[gone]"})]


@pytest.mark.parametrize(("mode", "chunk", "options"), CASES,
                         ids=[f"{m}-{c}-{'-'.join(o) or 'default'}" for m, c, o in CASES])
def test_batch_outputs_equal_the_one_piece_command(data: Path, tmp_path: Path, mode: str,
                                                    chunk: int, options: dict) -> None:
    extra = "".join(f'{k} = "{v}"\n' for k, v in options.items())
    result = run_batch(_pipeline(tmp_path, data, "run", mode=mode, chunk=chunk, extra=extra))
    one = _one_piece(data / "c.csv", mode, **options)
    assert _texts(result) == _one_texts(one)
    # the needs_review column `carevoice pseudonymise` adds (its rule, its function), so a
    # report of outputs/comments.csv withholds them without review_flags.csv beside it
    expected = with_review_column(one.comments, review_flags(one))["needs_review"]
    written = pd.read_csv(result.outputs["comments"], dtype=str)
    assert list(written.columns) == ["comment_id", "text", "needs_review"]
    assert written["needs_review"].tolist() == [str(v) for v in expected]
    # (none is flagged here: tests/test_batch_review_flags.py has comments that are)
    if mode == "surrogates":
        # the name a surrogate chosen from the first chunk alone would be is a real child's
        # name in a later chunk: no surrogate is it
        taken = _old_surrogate("Kai")
        assert len(one.spans[one.spans["label"] == "PERSON"]) >= 4
        assert all(taken not in text for text in _texts(result))


def test_batch_key_is_the_one_piece_key_and_refuses_edited_comments(data: Path,
                                                                     tmp_path: Path) -> None:
    from carevoice.cli import app

    key = tmp_path / "wave.key"
    result = run_batch(_pipeline(tmp_path, data, "run", mode="surrogates",
                                 extra=f'key_file = "{key.as_posix()}"\n'))
    runner = CliRunner()
    out = result.outputs["comments"]
    args = ["--key-file", str(key), "--secret-file", str(data / "secret.txt")]
    done = runner.invoke(app, ["reidentify", str(out), *args, "-o", str(tmp_path / "b.csv")])
    assert done.exit_code == 0, done.output
    original = pd.read_csv(data / "c.csv", dtype=str, keep_default_na=False)
    restored = pd.read_csv(tmp_path / "b.csv", dtype=str, keep_default_na=False)
    assert restored["text"].tolist() == original["text"].tolist()

    # a quote with words added after it: every replacement still stands at its place, but the
    # comment is not the text the key was written for
    edited = pd.read_csv(out, dtype=str, keep_default_na=False)
    edited.loc[0, "text"] += " (from the wave 3 survey)"
    edited.to_csv(tmp_path / "edited.csv", index=False)
    done = runner.invoke(app, ["reidentify", str(tmp_path / "edited.csv"), *args, "-o",
                               str(tmp_path / "e.csv")])
    assert done.exit_code == 2 and "c1" in done.output and "Kai" not in done.output
    assert not (tmp_path / "e.csv").exists()
    done = runner.invoke(app, ["reidentify", str(tmp_path / "edited.csv"), *args, "-o",
                               str(tmp_path / "e.csv"), "--keep-changed"])
    assert done.exit_code == 0 and "left masked" in done.output
    kept = pd.read_csv(tmp_path / "e.csv", dtype=str, keep_default_na=False)
    assert kept["text"].tolist()[1:] == original["text"].tolist()[1:]
    assert kept["text"][0] == edited["text"][0]

    batch_key, one = read_key(key, SECRET), _one_piece(data / "c.csv", "surrogates").key
    assert batch_key.digests and dict(batch_key.digests) == dict(one.digests)
    assert batch_key.occurrences.astype(str).equals(one.occurrences.astype(str))
    assert _sorted(batch_key.mapping).equals(_sorted(one.mapping))
    assert batch_key.secret_check == one.secret_check


def _sorted(mapping: pd.DataFrame) -> pd.DataFrame:
    return mapping.astype(str).sort_values(["kind", "key"]).reset_index(drop=True)


def _waves(data: Path, mode: str) -> tuple[Path, Path]:
    """Wave 1's key (one-piece command) and wave 2's comments."""
    wave1 = pd.DataFrame({"comment_id": ["w1", "w2", "w3"],
                          "text": ["my friend Kai came round", "Mrs Okafor helps me",
                                   "we live in Leeds now"]})
    first = pseudonymise(wave1, PseudonymiseConfig(mode=mode, use_spacy=False), secret=SECRET)
    key = first.write_key(data / f"wave1-{mode}.key", SECRET, overwrite=True)
    wave2 = pd.DataFrame({"comment_id": [f"v{i}" for i in range(1, 6)],
                          "text": ["Bev and Kai came to my review", "i still hate Leeds",
                                   "Mrs Okafor left and Mr Brennan came", "Kai is my best mate",
                                   "Zara rang me on 07700 900456"]})
    wave2.to_csv(data / "wave2.csv", index=False)
    return key, data / "wave2.csv"


@pytest.mark.parametrize("mode", ["tags", "surrogates"])
def test_previous_key_continues_an_earlier_wave(data: Path, tmp_path: Path, mode: str) -> None:
    previous, wave2 = _waves(data, mode)
    key = tmp_path / "wave2.key"
    toml = _pipeline(tmp_path, data, "run", mode=mode, comments=wave2.name,
                     extra=f'previous_key = "{previous.as_posix()}"\n'
                           f'key_file = "{key.as_posix()}"\n')
    result = run_batch(toml)
    one = _one_piece(wave2, mode, previous_key=previous)
    texts = _texts(result)
    assert texts == _one_texts(one)
    first = read_key(previous, SECRET).entities().set_index("original")["replacement"]
    assert first["Kai"] in texts[0] and first["Kai"] in texts[3]
    if mode == "tags":
        assert texts[0] == "[PERSON_3] and [PERSON_1] came to my review"
    assert _sorted(read_key(key, SECRET).mapping).equals(_sorted(one.key.mapping))

    if mode == "tags":  # another earlier wave's key at the same path: replaced again
        other = pseudonymise(pd.DataFrame({"comment_id": ["x1"], "text": ["Zara and Kai"]}),
                             PseudonymiseConfig(use_spacy=False), secret=SECRET)
        other.write_key(previous, SECRET, overwrite=True)
        again = run_batch(toml)
        assert _texts(again) == _one_texts(_one_piece(wave2, mode, previous_key=previous))
        assert _texts(again)[0] == "[PERSON_3] and [PERSON_2] came to my review"


def test_an_unusable_previous_key_stops_the_run_before_any_work(data: Path,
                                                                tmp_path: Path) -> None:
    previous, _ = _waves(data, "tags")
    toml = _pipeline(tmp_path, data, "run", mode="redact",
                     extra=f'previous_key = "{previous.as_posix()}"\n')
    with pytest.raises(ValidationError) as info:
        run_batch(toml)
    assert "pseudonymise.previous_key" in [p.column for p in info.value.problems]
    assert "mode 'tags'" in str(info.value)
    # settings built in code are checked when the run starts, before the run folder is made
    cfg = config_from_dict({"run": {"output": str(tmp_path / "coded")},
                            "input": {"comments": str(data / "c.csv")},
                            "pseudonymise": {"mode": "redact", "previous_key": str(previous),
                                             "secret_file": str(data / "secret.txt")}},
                           check_files=False)
    with pytest.raises(ValidationError, match="previous_key"):
        run_batch(cfg)
    assert not (tmp_path / "coded").exists() and not (tmp_path / "run").exists()
    assert load_config(_pipeline(tmp_path, data, "ok", mode="tags", extra=(
        f'previous_key = "{previous.as_posix()}"\n'))).pseudonymise.previous_key == previous


# --------------------------------------------------------------------------------------------
# key_file: a run replaces only its own key (data-protection audit, finding 3)
# --------------------------------------------------------------------------------------------
def test_a_second_wave_with_copied_settings_keeps_the_first_waves_key(data: Path,
                                                                      tmp_path: Path) -> None:
    from carevoice.cli import app

    key = tmp_path / "secure" / "batch-wave1.key"
    key.parent.mkdir()
    extra = f'key_file = "{key.as_posix()}"\n'
    first = run_batch(_pipeline(tmp_path, data, "wave-1", mode="tags", extra=extra))
    written = key.read_bytes()
    assert read_key(key, SECRET).run == str((tmp_path / "wave-1").resolve())
    # a resumed or repeated run of the same folder rewrites its own key
    run_batch(_pipeline(tmp_path, data, "wave-1", mode="tags", extra=extra), resume=False)
    assert key.read_bytes() != written  # a fresh salt: it was written again
    written = key.read_bytes()

    # wave 2: settings copied, output and comments changed, key_file not
    toml = _pipeline(tmp_path, data, "wave-2", mode="tags", comments="wave2-c.csv",
                     extra=extra)
    pd.DataFrame({"comment_id": ["v1"], "text": ["Zara said hi"]}).to_csv(
        data / "wave2-c.csv", index=False)
    with pytest.raises(ValidationError) as info:
        run_batch(toml)
    message = str(info.value)
    assert [p.column for p in info.value.problems] == ["pseudonymise.key_file"]
    for needle in ("batch-wave1.key", "exists already", "wave-1", "overwrite_key = true",
                   "previous_key"):
        assert needle in message, needle
    assert key.read_bytes() == written and not (tmp_path / "wave-2").exists()
    done = CliRunner().invoke(app, ["run", str(toml)])
    assert done.exit_code == 2 and "overwrite_key" in done.output
    assert key.read_bytes() == written

    # settings built in code are checked when the run starts
    cfg = config_from_dict({"run": {"output": str(tmp_path / "wave-2b")},
                            "input": {"comments": str(data / "wave2-c.csv")},
                            "pseudonymise": {"use_spacy": False, "key_file": str(key),
                                             "secret_file": str(data / "secret.txt")}},
                           check_files=False)
    with pytest.raises(ValidationError, match="overwrite_key"):
        run_batch(cfg)
    assert key.read_bytes() == written and not (tmp_path / "wave-2b").exists()

    # wave 1's key still re-identifies wave 1
    args = ["reidentify", str(first.outputs["comments"]), "--key-file", str(key),
            "--secret-file", str(data / "secret.txt"), "-o", str(tmp_path / "back.csv")]
    assert CliRunner().invoke(app, args).exit_code == 0
    original = pd.read_csv(data / "c.csv", dtype=str, keep_default_na=False)["text"].tolist()
    back = pd.read_csv(tmp_path / "back.csv", dtype=str, keep_default_na=False)
    assert back["text"].tolist() == original

    # replacing it on purpose
    run_batch(_pipeline(tmp_path, data, "wave-2", mode="tags", comments="wave2-c.csv",
                        extra=extra + "overwrite_key = true\n"))
    assert read_key(key, SECRET).run == str((tmp_path / "wave-2").resolve())


def test_a_key_the_run_did_not_write_is_not_replaced(data: Path, tmp_path: Path) -> None:
    """A key of ``carevoice pseudonymise`` (or of a batch run before keys recorded their run),
    and a file the run's secret does not open, are refused as well."""
    key = tmp_path / "cli.key"
    pseudonymise(pd.DataFrame({"comment_id": ["a1"], "text": ["me and Kai"]}),
                 PseudonymiseConfig(use_spacy=False), secret=SECRET).write_key(key, SECRET)
    other = tmp_path / "other.key"
    pseudonymise(pd.DataFrame({"comment_id": ["a1"], "text": ["me and Kai"]}),
                 PseudonymiseConfig(use_spacy=False), secret="o" * 40).write_key(other,
                                                                                "o" * 40)
    for path, needle in ((key, "did not record its run"), (other, "does not open it")):
        before = path.read_bytes()
        toml = _pipeline(tmp_path, data, "run", mode="tags",
                         extra=f'key_file = "{path.as_posix()}"\n')
        with pytest.raises(ValidationError, match=needle):
            load_config(toml)
        assert path.read_bytes() == before


def test_a_key_from_before_keys_recorded_their_run_is_known_by_its_outputs(
        data: Path, tmp_path: Path) -> None:
    """A run folder whose key was written by an older carevoice (no run recorded) can still be
    resumed after an upgrade: its key's digests are those of the folder's outputs."""
    from dataclasses import replace

    from carevoice.pseudonymise import write_key

    key = tmp_path / "old.key"
    extra = f'key_file = "{key.as_posix()}"\n'
    toml = _pipeline(tmp_path, data, "wave-1", mode="tags", extra=extra)
    run_batch(toml)
    write_key(key, replace(read_key(key, SECRET), run=None), SECRET, overwrite=True)
    run_batch(toml)  # its own outputs: allowed, and now the key records the run
    assert read_key(key, SECRET).run == str((tmp_path / "wave-1").resolve())
    write_key(key, replace(read_key(key, SECRET), run=None), SECRET, overwrite=True)
    with pytest.raises(ValidationError, match="did not record its run"):
        run_batch(_pipeline(tmp_path, data, "wave-2", mode="tags", extra=extra))


# --------------------------------------------------------------------------------------------
# min_score (data-protection audit, finding 4)
# --------------------------------------------------------------------------------------------
def test_min_score_never_unmasks_a_direct_identifier_and_is_recorded(data: Path,
                                                                     tmp_path: Path) -> None:
    import json

    texts = ["call my mobile 07700 900456 please", "i live in BD3 now",
             "we saw Grimblewick at the park", "my email is kai.b@example.com"]
    pd.DataFrame({"comment_id": [f"m{i}" for i in range(1, 5)], "text": texts}).to_csv(
        data / "low.csv", index=False)
    toml = _pipeline(tmp_path, data, "run", mode="tags", comments="low.csv",
                     extra="use_learned = false\nmin_score = 0.6\n")
    with pytest.warns(UserWarning, match=r"left 1 name.*\(PERSON 1\) in 1 comment\(s\): m3"):
        result = run_batch(toml)
    assert _texts(result) == ["call my mobile [PHONE_1] please", "i live in [POSTCODE_1] now",
                              "we saw Grimblewick at the park", "my email is [EMAIL_1]"]
    assert result.counts["spans_below_min_score"] == 1
    manifest = json.loads(result.manifest.read_text("utf-8"))
    assert manifest["config"]["pseudonymise"]["min_score"] == 0.6
    assert manifest["counts"]["spans_below_min_score"] == 1
    assert "except 1 name, place or organisation span" in manifest["note"]
    log = (result.folder / "run.log").read_text("utf-8")
    assert "warning: min_score = 0.6 left 1" in log and "Grimblewick" not in log
    from carevoice.cli import app

    done = CliRunner().invoke(app, ["run", str(toml)])  # the command prints the warning
    assert done.exit_code == 0 and "warning: min_score = 0.6 left 1" in done.output
    # a run without it says nothing of it
    plain = run_batch(_pipeline(tmp_path, data, "plain", mode="tags", comments="low.csv",
                                extra="use_learned = false\n"))
    assert "spans_below_min_score" not in plain.counts
    assert json.loads(plain.manifest.read_text("utf-8"))["note"].startswith(
        "All text in outputs/ is pseudonymised. The")
