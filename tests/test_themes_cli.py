"""The `carevoice code` command, through typer's CliRunner."""

from __future__ import annotations

import pandas as pd
import pytest
import typer
import yaml
from typer.testing import CliRunner

from carevoice.themes import Codebook, Theme, write_codebook
from carevoice.themes.command import code_command


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("code")(code_command)
    app.command("noop")(lambda: None)  # two commands, so "code" is a sub-command as in cli.py
    return app


def small_codebook(tmp_path):
    cb = Codebook((
        Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "my cat", "my hamster died",
                                                 "can i have a puppy", "walk the dog")),
        Theme("food", "Food", "Food.", examples=("more pizza", "dinner is nice", "i love chips",
                                                 "the food is bad", "snacks please")),
    ), version="t", no_theme_examples=("n/a", "nothing", "ok", "dunno", "no"))
    return write_codebook(cb, tmp_path / "cb.yaml")


@pytest.mark.model
@pytest.mark.parametrize("reference", ["--reference", "--no-reference"])
def test_code_command_writes_long_codes(app, tmp_path, reference):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a", "b", "c", "d"],
                  "text": ["my puppy is the best", "chips for tea every day", "n/a", ""]}
                 ).to_csv(comments, index=False)
    human = tmp_path / "human.csv"
    pd.DataFrame({"comment_id": ["a", "b"], "theme": ["pets", "food"]}).to_csv(human, index=False)
    out = tmp_path / "codes.csv"
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(out),
                                      "--codebook", str(small_codebook(tmp_path)),
                                      "--examples", str(human), "--min-score", "0",
                                      "--no-theme-rows", reference])
    assert result.exit_code == 0, result.output
    codes = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert codes.columns.tolist() == ["comment_id", "theme", "score", "assigned"]
    assert set(codes["assigned"]) <= {"true", "false"}
    assigned = codes[codes["assigned"] == "true"]
    assert dict(zip(assigned["comment_id"], assigned["theme"], strict=True)) == {
        "a": "pets", "b": "food", "c": "no_theme", "d": "no_theme"}
    assert len(codes) == 4 * 3
    # no_theme rows are not theme codes (audit 2026-12: the summary counted them), and a blank
    # answer is not a comment "with no theme" (it is counted apart)
    assert ("coded 3 answered comments: 2 theme codes assigned to 2 comments, 1 with no theme; "
            "1 blank answer, not coded") in result.output


def test_code_command_reports_bad_input_without_text(app, tmp_path):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a"], "answer": ["my name is Zebedee"]}).to_csv(comments,
                                                                                 index=False)
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "Zebedee" not in result.output
    assert not (tmp_path / "o.csv").exists()


def test_code_command_checks_the_output_before_coding(app, tmp_path):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a"], "text": ["hi"]}).to_csv(comments, index=False)
    for output, message in ((tmp_path / "codes.docx", "must name a .csv, .xlsx or .parquet"),
                            (tmp_path, "names a folder")):
        result = CliRunner().invoke(app, ["code", str(comments), "--output", str(output)])
        assert result.exit_code == 2
        assert message in result.output


def test_code_command_refuses_examples_without_a_theme_column(app, tmp_path):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a"], "text": ["hi"]}).to_csv(comments, index=False)
    human = tmp_path / "human.csv"
    human.write_text("comment_id,code\na,pets\n", "utf-8")
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(tmp_path / "o.csv"),
                                      "--examples", str(human)])
    assert result.exit_code == 2
    assert "human.csv" in result.output and "missing ['theme']" in result.output


@pytest.mark.parametrize(("rows", "expected"), [
    ("a,pets\nb,fod\n",
     "The --examples file '{examples}' uses theme ids that are not in the codebook: fod"),
    ("a,pets\nzz,food\n",
     ("The --examples file '{examples}' has comment_id values that are not in the comments "
      "file '{comments}': zz")),
])
def test_code_command_examples_errors_name_the_files(app, tmp_path, rows, expected):
    # Audit 2026-12: these said "The 'codes' argument of ThemeCoder.fit".
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a", "b"], "text": ["my puppy", "chips"]}).to_csv(
        comments, index=False)
    examples = tmp_path / "human.csv"
    examples.write_text("comment_id,theme\n" + rows, "utf-8")
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(tmp_path / "o.csv"),
                                      "--codebook", str(small_codebook(tmp_path)),
                                      "--examples", str(examples)])
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert expected.format(examples=examples, comments=comments) in output
    assert "ThemeCoder.fit" not in output


def test_code_command_bad_codebook(app, tmp_path):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a"], "text": ["hi"]}).to_csv(comments, index=False)
    bad = tmp_path / "cb.yaml"
    bad.write_text(yaml.safe_dump({"version": "1", "themes": [{"id": "X"}]}), "utf-8")
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(tmp_path / "o.csv"),
                                      "--codebook", str(bad)])
    assert result.exit_code == 2
    assert "codebook" in result.output


@pytest.mark.model
def test_code_command_reads_kinship_carers_unless_told_not_to(app, tmp_path):
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["k"], "text": ["i live with my aunty and she does my hair"]}
                 ).to_csv(comments, index=False)
    scores = {}
    for flag in ("--kin-carers", "--no-kin-carers"):
        out = tmp_path / f"codes{flag}.csv"
        result = CliRunner().invoke(app, ["code", str(comments), "--output", str(out),
                                          "--min-score", "0", flag])
        assert result.exit_code == 0, result.output
        codes = pd.read_csv(out)
        scores[flag] = codes.set_index("theme").loc["family_contact", "score"]
    assert scores["--kin-carers"] < scores["--no-kin-carers"]


@pytest.mark.model
def test_code_command_reads_denials_unless_told_not_to_and_says_so(app, tmp_path):
    """--no-denials codes a denial as written, and the manifest says which reading coded."""
    import json

    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["d"], "text": [("no complaints really, i never needed to "
                                                 "complain about anything")]}
                 ).to_csv(comments, index=False)
    scores, settings = {}, {}
    for flag in ("--denials", "--no-denials"):
        out = tmp_path / f"codes{flag}.csv"
        result = CliRunner().invoke(app, ["code", str(comments), "--output", str(out),
                                          "--min-score", "0", "--no-reference", flag])
        assert result.exit_code == 0, result.output
        scores[flag] = pd.read_csv(out).set_index("theme").loc["complaints", "score"]
        manifest = json.loads(out.with_suffix(".manifest.json").read_text("utf-8"))
        settings[flag] = manifest["settings"]["denials"]
    assert scores["--denials"] < scores["--no-denials"]
    assert settings == {"--denials": True, "--no-denials": False}


@pytest.mark.model
def test_code_command_cache_keeps_the_fitted_coder(app, tmp_path, monkeypatch):
    from carevoice.batch.steps import build_coder
    from carevoice.themes import ThemeCoder

    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a", "b", "c"],
                  "text": ["my puppy is the best", "chips for tea every day", "n/a"]}
                 ).to_csv(comments, index=False)
    codebook, cache = small_codebook(tmp_path), tmp_path / "cache"
    args = ["--codebook", str(codebook), "--no-reference", "--min-score", "0",
            "--cache", str(cache)]
    build_coder.cache_clear()
    first = CliRunner().invoke(app, ["code", str(comments), "--output",
                                     str(tmp_path / "codes1.csv"), *args])
    assert first.exit_code == 0, first.output
    assert len(list((cache / "coders").glob("coder-*.pkl"))) == 1

    def no_fit(self, *a, **k):
        raise AssertionError("refitted although a fitted coder was cached")

    build_coder.cache_clear()  # only the file on disk is left
    monkeypatch.setattr(ThemeCoder, "fit", no_fit)
    second = CliRunner().invoke(app, ["code", str(comments), "--output",
                                      str(tmp_path / "codes2.csv"), *args])
    assert second.exit_code == 0, second.output
    assert (tmp_path / "codes1.csv").read_bytes() == (tmp_path / "codes2.csv").read_bytes()
    monkeypatch.undo()

    # another codebook is another coder; human examples are never cached
    book = yaml.safe_load(codebook.read_text("utf-8"))
    book["version"] = "u"
    codebook.write_text(yaml.safe_dump(book), "utf-8")
    build_coder.cache_clear()
    human = tmp_path / "human.csv"
    pd.DataFrame({"comment_id": ["a"], "theme": ["pets"]}).to_csv(human, index=False)
    for extra in ([], ["--examples", str(human)]):
        result = CliRunner().invoke(app, ["code", str(comments), "--output",
                                          str(tmp_path / "codes3.csv"), *args, *extra])
        assert result.exit_code == 0, result.output
    assert len(list((cache / "coders").glob("coder-*.pkl"))) == 2


def test_with_embedder_needs_the_same_model():
    from carevoice import CachedEmbedder, HashingEmbedder, InputError, SentenceTransformerEmbedder
    from carevoice.themes import ThemeCoder

    coder = ThemeCoder(HashingEmbedder(), codebook=Codebook((
        Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "my cat", "walk the dog")),
        Theme("food", "Food", "Food.", examples=("more pizza", "chips", "dinner is nice"))),
        version="t", no_theme_examples=("n/a",)), reference=False).fit()
    twin = coder.with_embedder(CachedEmbedder(HashingEmbedder(), None))
    frame = pd.DataFrame({"comment_id": ["a"], "text": ["my dog"]})
    pd.testing.assert_frame_equal(coder.predict(frame), twin.predict(frame))
    assert twin.embedder_ is not coder.embedder_
    with pytest.raises(InputError, match="with_embedder"):
        coder.with_embedder(SentenceTransformerEmbedder())


@pytest.mark.model
def test_code_command_pseudonymises_before_the_models_and_the_cache(app, tmp_path, monkeypatch):
    """Audit 2026-12 (finding 2): `carevoice code` embedded the comments as written, and
    `--cache` kept their vectors under the plain SHA-256 of the text, world-readable."""
    import hashlib
    import hmac

    from carevoice.embed import SentenceTransformerEmbedder

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    seen: list[str] = []
    real = SentenceTransformerEmbedder.encode

    def spy(self, texts):  # the real model, watched
        seen.extend(texts)
        return real(self, texts)

    monkeypatch.setattr(SentenceTransformerEmbedder, "encode", spy)
    texts = ["i miss Kayleigh Smith from Barnsley so much", "ring me on 020 7946 0123 pls",
             "my puppy is the best", "n/a"]
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a", "b", "c", "d"], "text": texts}).to_csv(comments,
                                                                           index=False)
    cache, out = tmp_path / "cache", tmp_path / "codes.csv"
    result = CliRunner().invoke(app, ["code", str(comments), "--output", str(out),
                                      "--codebook", str(small_codebook(tmp_path)),
                                      "--no-reference", "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert "text pseudonymised before coding" in result.output
    assert set(pd.read_csv(out, dtype=str)["comment_id"]) == {"a", "b", "c", "d"}
    read = " ".join(seen).lower()
    assert "puppy" in read
    assert not any(word in read for word in ("kayleigh", "smith", "barnsley", "7946"))
    key = (tmp_path / "config-home" / "carevoice" / "embedding-cache.key").read_bytes()
    names = {p.stem for p in cache.rglob("*.npy")}
    assert hmac.new(key, texts[2].encode(), hashlib.sha256).hexdigest() in names
    for text in texts[:2]:
        assert hmac.new(key, text.encode(), hashlib.sha256).hexdigest() not in names
        assert hashlib.sha256(text.encode()).hexdigest() not in names


def test_code_command_checks_text_said_to_be_pseudonymised(app, tmp_path):
    """Audit 2026-12 (finding 6): --already-pseudonymised is checked for direct identifiers."""
    comments = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": ["a", "b", "c"],
                  "text": ["my puppy is the best", "ring me on 020 7946 0123 pls",
                           "my ni number is QQ 12 34 56 C"]}).to_csv(comments, index=False)
    tagged = tmp_path / "tagged.csv"
    pd.DataFrame({"comment_id": ["x"], "text": ["ring me on [PHONE_1] pls"]}).to_csv(
        tagged, index=False)
    human = tmp_path / "human.csv"
    pd.DataFrame({"comment_id": ["a"], "theme": ["pets"]}).to_csv(human, index=False)
    out = tmp_path / "codes.csv"
    base = ["code", "--output", str(out), "--codebook", str(small_codebook(tmp_path)),
            "--already-pseudonymised"]
    for args, where in (([str(comments)], "COMMENTS 'comments.csv'"),
                        ([str(tagged), "--examples", str(human), "--examples-comments",
                          str(comments)], "--examples-comments 'comments.csv'")):
        result = CliRunner().invoke(app, [*base, *args])
        assert result.exit_code == 2, result.output
        assert where in result.output
        assert "b: phone number; c: National Insurance number" in result.output
        assert "7946" not in result.output and "QQ" not in result.output
        assert not out.exists()
