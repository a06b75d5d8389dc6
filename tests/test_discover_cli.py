"""The ``carevoice discover`` command, and discovery with the packaged MiniLM model."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.discover import ThemeDiscovery

from ._apps import discover_app

_app = discover_app


def _write_comments(path):
    from carevoice.demo import load_demo

    comments = load_demo().answered.head(150)
    comments.to_csv(path, index=False)
    return comments


def test_cli_writes_identical_topics_twice(tmp_path, no_network):
    comments = _write_comments(tmp_path / "comments.csv")
    runner = CliRunner()
    outputs = []
    for run in (1, 2):
        out = tmp_path / f"topics{run}.csv"
        result = runner.invoke(_app(), ["discover", str(tmp_path / "comments.csv"), "--output",
                                        str(out), "--seed", "7", "--embedder", "hashing",
                                        "--topics-info", str(tmp_path / f"info{run}.csv")])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    table = pd.read_csv(tmp_path / "topics1.csv", dtype={"comment_id": str})
    assert list(table.columns) == ["comment_id", "topic", "score", "primary", "label", "keywords",
                                   "size"]
    assert set(table["comment_id"]) == set(comments["comment_id"])
    assert (table.groupby("comment_id")["primary"].sum() == 1).all()
    info = pd.read_csv(tmp_path / "info1.csv")
    assert {"topic", "label", "keywords", "size", "representative", "diverse"} <= set(info)
    # no comment text in any output
    texts = [t for t in comments["text"] if len(t) > 25]
    written = (tmp_path / "topics1.csv").read_text() + (tmp_path / "info1.csv").read_text()
    assert not any(t in written for t in texts)
    assert no_network == []


def test_cli_pseudonymises_unless_told_the_text_already_is(tmp_path):
    # Fictional: the same name and town recur in one group of comments, so without
    # pseudonymisation they become that topic's keywords.
    texts = ([f"i miss Kayden from Rochdale, {w}" for w in ("a lot", "loads", "every day",
                                                            "so much", "at night", "always")]
             + [f"more money for {w}" for w in ("the bus", "food", "my phone", "clothes",
                                                "driving lessons", "gas")])
    pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts}).to_csv(
        tmp_path / "comments.csv", index=False)
    written = {}
    for flag in ([], ["--already-pseudonymised"]):
        info = tmp_path / f"info{len(flag)}.csv"
        result = CliRunner().invoke(_app(), [
            "discover", str(tmp_path / "comments.csv"), "--output",
            str(tmp_path / f"topics{len(flag)}.csv"), "--embedder", "hashing", "--n-topics", "2",
            "--topics-info", str(info), *flag])
        assert result.exit_code == 0, result.output
        written[bool(flag)] = (info.read_text() + (tmp_path / f"topics{len(flag)}.csv")
                               .read_text()).lower()
    assert "kayden" not in written[False] and "rochdale" not in written[False]
    assert "kayden" in written[True]  # the flag hands the text over as it is


def test_cli_with_codes_discovers_over_uncoded_only(tmp_path):
    comments = _write_comments(tmp_path / "comments.csv")
    coded = comments["comment_id"].head(100)
    pd.DataFrame({"comment_id": coded, "theme": "advocacy", "score": 0.9,
                  "assigned": True}).to_csv(tmp_path / "codes.csv", index=False)
    result = CliRunner().invoke(_app(), [
        "discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "t.csv"),
        "--codes", str(tmp_path / "codes.csv"), "--embedder", "hashing", "--n-topics", "5"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "t.csv", dtype={"comment_id": str})
    assert set(table["comment_id"]) == set(comments["comment_id"]) - set(coded)
    assert table.loc[table["topic"] != -1, "topic"].nunique() <= 5


def test_cli_background_is_clustered_but_not_written(tmp_path):
    from carevoice.demo import load_demo

    comments = _write_comments(tmp_path / "comments.csv")
    earlier = load_demo().answered.iloc[150:450]
    earlier.to_csv(tmp_path / "earlier.csv", index=False)
    result = CliRunner().invoke(_app(), [
        "discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "t.csv"),
        "--background", str(tmp_path / "earlier.csv"), "--embedder", "hashing",
        "--topics-info", str(tmp_path / "info.csv")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "t.csv", dtype={"comment_id": str})
    assert set(table["comment_id"]) == set(comments["comment_id"])
    info = (tmp_path / "info.csv").read_text()
    assert not any(cid in info for cid in earlier["comment_id"])


def test_cli_membership_similarity_gives_the_older_rule(tmp_path):
    from carevoice import HashingEmbedder

    comments = _write_comments(tmp_path / "comments.csv")
    result = CliRunner().invoke(_app(), ["discover", str(tmp_path / "comments.csv"), "--output",
                                         str(tmp_path / "t.csv"), "--embedder", "hashing",
                                         "--membership", "similarity"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "t.csv", dtype={"comment_id": str})
    expected = ThemeDiscovery(HashingEmbedder(), membership="similarity").fit(comments).topics_
    assert len(table) == len(expected.assignments)


@pytest.mark.parametrize(("args", "match"), [
    (["--embedder", "bert"], "--embedder"),
    (["--n-topics", "lots"], "--n-topics"),
    (["--reducer", "tsne"], "reducer"),
    (["--membership", "vibes"], "membership"),
])
def test_cli_bad_options_exit_2(tmp_path, args, match):
    _write_comments(tmp_path / "comments.csv")
    result = CliRunner().invoke(_app(), ["discover", str(tmp_path / "comments.csv"), "--output",
                                         str(tmp_path / "t.csv"), *args])
    assert result.exit_code == 2
    assert match in result.output


def test_cli_missing_file_exit_2(tmp_path):
    result = CliRunner().invoke(_app(), ["discover", str(tmp_path / "nope.csv"), "--output",
                                         str(tmp_path / "t.csv"), "--embedder", "hashing"])
    assert result.exit_code == 2


def test_cli_bad_input_files_exit_2_naming_the_file_and_line(tmp_path):
    (tmp_path / "c.csv").write_text("comment_id,text\nc1,I miss my mum\nc2,\n", "utf-8")
    (tmp_path / "k.csv").write_text("comment_id,theme,score,assigned\nc1,family,high,true\n",
                                    "utf-8")
    base = ["discover", str(tmp_path / "c.csv"), "--embedder", "hashing"]
    result = CliRunner().invoke(_app(), [*base, "--output", str(tmp_path / "t.csv"), "--codes",
                                         str(tmp_path / "k.csv")])
    assert result.exit_code == 2, result.output
    assert "k.csv" in result.output and "non_numeric" in result.output
    assert "(line numbers in k.csv, the header being line 1): (2)" in result.output
    result = CliRunner().invoke(_app(), [*base, "--output", str(tmp_path)])
    assert result.exit_code == 2 and "names a folder" in result.output


def test_cli_with_nothing_answered_writes_only_outliers(tmp_path):
    (tmp_path / "c.csv").write_text("comment_id,text\nc1,\nc2,  \n", "utf-8")
    result = CliRunner().invoke(_app(), ["discover", str(tmp_path / "c.csv"), "--embedder",
                                         "hashing", "--output", str(tmp_path / "t.csv")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert table["label"].tolist() == ["(outlier)", "(outlier)"]
    assert "0 answered comments, 0 topics, 0.0% outliers; 2 blank answers, not clustered" \
        in result.output


def test_cli_summary_counts_answered_comments_and_blank_answers_apart(tmp_path):
    """Audit 2026-12: '78.8% outliers' where every outlier was a skipped question."""
    from carevoice.pseudonymise import direct_identifiers
    from carevoice.pseudonymise.declared import pseudonymised_copy

    comments = _write_comments(tmp_path / "comments.csv").head(30)
    # --already-pseudonymised refuses text with a phone number, postcode... (audit finding 6)
    found = comments["comment_id"].isin(direct_identifiers(comments)["comment_id"]).to_numpy()
    comments.loc[found, "text"] = pseudonymised_copy(comments[found])["text"].to_numpy()
    blank = pd.DataFrame({"comment_id": [f"b{i}" for i in range(70)], "text": ""})
    both = pd.concat([comments[["comment_id", "text"]], blank], ignore_index=True)
    both.to_csv(tmp_path / "both.csv", index=False)
    coded = comments["comment_id"].head(20)
    pd.DataFrame({"comment_id": coded, "theme": "advocacy", "score": 0.9,
                  "assigned": True}).to_csv(tmp_path / "codes.csv", index=False)
    args = ["discover", str(tmp_path / "both.csv"), "--output", str(tmp_path / "t.csv"),
            "--embedder", "hashing", "--n-topics", "3", "--already-pseudonymised"]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    assert "30 answered comments, 3 topics, 0.0% outliers; 70 blank answers, not clustered" \
        in result.output
    result = CliRunner().invoke(_app(), [*args, "--codes", str(tmp_path / "codes.csv")])
    assert result.exit_code == 0, result.output
    assert ("10 answered comments without a confident theme (of 30 answered), 3 topics, "
            "0.0% outliers; 70 blank answers, not clustered") in result.output


def test_cli_reads_semicolon_files(tmp_path):
    comments = _write_comments(tmp_path / "comments.csv").head(40)
    comments.to_csv(tmp_path / "semi.csv", index=False, sep=";")
    result = CliRunner().invoke(_app(), ["discover", str(tmp_path / "semi.csv"), "--embedder",
                                         "hashing", "--output", str(tmp_path / "t.csv")])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(tmp_path / "t.csv")["comment_id"].unique()) == 40


@pytest.mark.model
def test_discovery_with_minilm_on_the_demo_corpus(no_network):
    """The packaged model on 400 demo comments: few outliers, identical reruns, theme-like
    topics (some topic matches a gold theme with F1 >= 0.5)."""
    from carevoice import SentenceTransformerEmbedder
    from carevoice.demo import load_demo, load_demo_gold

    comments = load_demo().answered.head(400).reset_index(drop=True)
    vectors = SentenceTransformerEmbedder().encode(comments["text"].tolist())
    first = ThemeDiscovery().fit(comments, embeddings=vectors).topics_
    second = ThemeDiscovery().fit(comments, embeddings=vectors).topics_
    assert first.to_table().to_csv(index=False) == second.to_table().to_csv(index=False)
    assert first.outlier_share <= 0.15
    gold = load_demo_gold().set_index("comment_id").loc[comments["comment_id"], "themes"]
    members = first.assignments[first.assignments["topic"] != -1]
    best = 0.0
    for theme in ("advocacy", "money", "family_contact", "complaints"):
        truth = {c for c, themes in gold.items() if theme in themes}
        for _, rows in members.groupby("topic"):
            found = set(rows["comment_id"])
            best = max(best, 2 * len(truth & found) / (len(truth) + len(found)))
    assert best >= 0.5
    assert no_network == []


@pytest.mark.parametrize(("args", "named"), [
    (["--codes", "missing.csv"], "The --codes option names no file"),
    (["--background", "missing.csv"], "The --background option names no file"),
    # named as typed, not quoted ("The '--seed' option")
    (["--seed", "-1"], "The --seed option must be a whole number"),
    (["--n-topics", "many"], "The --n-topics option must be 'auto'"),
    (["--embedder", "bert"], "The --embedder option must be 'minilm' or 'hashing'"),
])
def test_cli_errors_name_the_option(tmp_path, args, named):
    _write_comments(tmp_path / "comments.csv")
    result = CliRunner().invoke(_app(), [
        "discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "t.csv"),
        "--embedder", "hashing", *[a.replace("missing.csv", str(tmp_path / "missing.csv"))
                                   for a in args]])
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert "'path'" not in result.output and "random_state" not in result.output
    assert "'--" not in result.output


@pytest.mark.parametrize("where", ["comments", "background"])
def test_cli_refuses_already_pseudonymised_text_with_a_direct_identifier(tmp_path, where):
    """Audit 2026-12 (finding 6): --already-pseudonymised was trusted without any check."""
    texts = ["more money for the bus", "i miss my nan", "ring me on 020 7946 0123 pls",
             "my ni number is QQ 12 34 56 C", "[PERSON_1] helps me", "more money for food"]
    raw = pd.DataFrame({"comment_id": [f"c{i}" for i in range(6)], "text": texts})
    safe = raw.assign(text=[t for t in texts[:2]] + ["ring me on [PHONE_1] pls",
                                                     "my ni number is [ID_1]"] + texts[4:])
    raw.to_csv(tmp_path / "raw.csv", index=False)
    safe.to_csv(tmp_path / "safe.csv", index=False)
    comments, background = (("raw", "safe") if where == "comments" else ("safe", "raw"))
    args = ["discover", str(tmp_path / f"{comments}.csv"), "--background",
            str(tmp_path / f"{background}.csv"), "--output", str(tmp_path / "t.csv"),
            "--embedder", "hashing", "--n-topics", "2", "--already-pseudonymised"]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 2
    option = "COMMENTS" if where == "comments" else "--background"
    assert f"{option} 'raw.csv'" in result.output and "does not look" not in result.output
    assert "2 of them do not look it" in result.output
    assert "c2: phone number; c3: National Insurance number" in result.output
    assert "7946" not in result.output and "QQ" not in result.output
    assert not (tmp_path / "t.csv").exists()
    args[1], args[3] = str(tmp_path / "safe.csv"), str(tmp_path / "safe.csv")
    assert CliRunner().invoke(_app(), args).exit_code == 0
