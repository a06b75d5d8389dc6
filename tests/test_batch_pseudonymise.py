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
from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise, read_key, write_secret
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
