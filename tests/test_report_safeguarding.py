"""A comment that discloses harm is never quoted: select_quotes and the report screen their
candidates, or take a reviewed flags table; the notes count what was withheld, never quote it.
Every comment here is fictional."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice.cli import app
from carevoice.disclosure import DisclosureConfig
from carevoice.errors import InputError
from carevoice.quotes import QuoteConfig, select_quotes
from carevoice.safeguarding import SafeguardingConfig

DISCLOSURE = "i want to see my mum more but my stepdad hits me when i go round there"
ORDINARY = ["i want to see my mum and my sister more often",
            "contact with my brother got cancelled again last week",
            "i only see my dad once a month at the contact centre",
            "i miss my nan and want to visit her at weekends",
            "seeing my little sister more would make me happy",
            "my mum rings me on sundays and i look forward to it"]
RULES = SafeguardingConfig(similarity=False)
REVIEWED_NONE = pd.DataFrame({"comment_id": pd.Series(dtype=str)})  # reviewed: none withheld


@pytest.fixture
def survey():
    texts = [DISCLOSURE, *ORDINARY]
    ids = [f"r{i}" for i in range(len(texts))]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))],
                             "respondent_id": ids, "text": texts})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact",
                          "score": [0.99] + [0.5] * len(ORDINARY)})
    resp = pd.DataFrame({"respondent_id": ids, "survey": "in_care"})
    return comments, codes, resp


def _quotes(survey, **kwargs):
    comments, codes, resp = survey
    return select_quotes(comments, codes, resp, text_is_pseudonymised=True,
                         embedder=HashingEmbedder(), config=QuoteConfig(n_quotes=7, min_group=1),
                         disclosure=DisclosureConfig(attributes=("survey",), k=1), **kwargs)


def test_select_quotes_never_quotes_a_flagged_comment(survey):
    unscreened = _quotes(survey, safeguarding=REVIEWED_NONE)
    assert "c0" in set(unscreened["comment_id"])  # it would be quoted ...
    assert unscreened.attrs["safeguarding_withheld"] == 0
    screened = _quotes(survey, safeguarding=RULES)
    assert "c0" not in set(screened["comment_id"])  # ... but the screen withholds it
    assert screened.attrs["safeguarding_withheld"] == 1
    reviewed = _quotes(survey, safeguarding=pd.DataFrame({"comment_id": ["c2"]}))
    assert set(reviewed["comment_id"]) == {f"c{i}" for i in range(7)} - {"c2"}


@pytest.mark.model
def test_select_quotes_screens_by_default(survey):
    quotes = _quotes(survey)
    assert "c0" not in set(quotes["comment_id"]) and len(quotes) == len(ORDINARY)


def test_the_report_withholds_and_counts(survey):
    from carevoice.report import make_report

    comments, codes, resp = survey
    options = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(),
               "timestamp": False, "themes": ["family_contact"],
               "quote_config": QuoteConfig(n_quotes=7, min_group=1)}
    content = make_report((comments, resp), codes, safeguarding=RULES, **options)
    assert "c0" not in set(content.quotes["comment_id"])
    note = [n for n in content.footnotes if n.startswith("Safeguarding:")]
    assert note == [("Safeguarding: comments flagged by carevoice's safeguarding screen are "
                     "withheld from quoting. How many is not published when it is fewer than "
                     "5, so that it cannot point to the young people who wrote them. Comments "
                     "that disclose harm or risk go to the designated safeguarding lead, not "
                     "into a report.")]
    assert DISCLOSURE not in " ".join(content.footnotes)
    assert content.safeguarding_withheld == 1  # the exact count, for the analyst
    assert content.manifest["settings"]["safeguarding"]["withheld_from_quotes"] == "fewer than 5"
    reviewed = make_report((comments, resp), codes, safeguarding=REVIEWED_NONE, **options)
    assert "c0" in set(reviewed.quotes["comment_id"])
    # none and a few read the same: the note cannot tell a reader that anyone disclosed
    assert [n for n in reviewed.footnotes if n.startswith("Safeguarding:")] == [
        note[0].replace("flagged by carevoice's safeguarding screen",
                        "named in the safeguarding flags given to the report")]
    five = make_report((comments, resp), codes, safeguarding=pd.DataFrame(
        {"comment_id": [f"c{i}" for i in range(5)]}), **options)
    assert five.safeguarding_withheld == 5
    assert any(n.startswith("Safeguarding: 5 comments named in the safeguarding flags given "
                            "to the report were withheld from quoting.") for n in five.footnotes)
    with pytest.raises(InputError, match="'safeguarding' argument of make_report"):
        make_report((comments, resp), codes, safeguarding=["c0"], **options)
    with pytest.raises(InputError, match="no 'comment_id' column"):
        make_report((comments, resp), codes, safeguarding=pd.DataFrame({"id": ["c0"]}),
                    **options)


def test_the_report_takes_flags_the_screen_returned_as_the_screens(survey):
    """A flags table screen_comments returned (screened once beforehand, as a batch run does)
    is used as it is, and the notes and manifest name the screen, not a reviewed file."""
    from carevoice.report import make_report
    from carevoice.safeguarding import screen_comments

    comments, codes, resp = survey
    flags = screen_comments(comments, RULES)
    assert set(flags["comment_id"]) == {"c0"}
    content = make_report((comments, resp), codes, safeguarding=flags,
                          text_is_pseudonymised=True, embedder=HashingEmbedder(),
                          timestamp=False, themes=["family_contact"],
                          quote_config=QuoteConfig(n_quotes=7, min_group=1))
    assert "c0" not in set(content.quotes["comment_id"])
    # one withheld comment: the published notes and manifest give no number (fewer than 5)
    assert any(n.startswith("Safeguarding: comments flagged by carevoice's safeguarding "
                            "screen are withheld") for n in content.footnotes)
    recorded = content.manifest["settings"]["safeguarding"]
    assert recorded["flags"] == "screened before the report"
    assert recorded["screen"]["similarity"] is False
    assert recorded["withheld_from_quotes"] == "fewer than 5"
    assert content.safeguarding_withheld == 1


def test_report_command_takes_a_reviewed_flags_file(survey, tmp_path):
    comments, codes, resp = survey
    paths = {}
    for name, frame in (("comments", comments), ("codes", codes), ("resp", resp)):
        paths[name] = tmp_path / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    bad = tmp_path / "flags.csv"
    pd.DataFrame({"id": ["c0"]}).to_csv(bad, index=False)
    result = CliRunner().invoke(app, [
        "report", str(paths["comments"]), str(paths["codes"]), str(paths["resp"]),
        "-o", str(tmp_path / "out"), "--already-pseudonymised", "--embedder", "hashing",
        "--safeguarding-flags", str(bad), "--format", "md"])
    assert result.exit_code == 2
    assert "--safeguarding-flags" in result.output and "comment_id" in result.output
    assert DISCLOSURE not in result.output
    good = tmp_path / "reviewed.csv"
    pd.DataFrame({"comment_id": ["c0"], "category": ["abuse"]}).to_csv(good, index=False)
    result = CliRunner().invoke(app, [
        "report", str(paths["comments"]), str(paths["codes"]), str(paths["resp"]),
        "-o", str(tmp_path / "out"), "--already-pseudonymised", "--embedder", "hashing",
        "--safeguarding-flags", str(good), "--format", "md", "--no-timestamp"])
    assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert "named in the safeguarding flags given to the report are withheld" in report
    assert "1 comment" not in report
    assert DISCLOSURE not in report


@pytest.mark.parametrize("withheld", [1, 2, 4])
def test_published_report_never_prints_a_small_safeguarding_count(survey, tmp_path, withheld):
    """Audit F5: "2 comments withheld" beside a [c] tells readers who disclosed harm. The
    published files (HTML, Word, Markdown, manifest.json, tables) give no count below 5;
    analyst.json, beside quotes.csv, keeps the exact one."""
    import io
    import json

    from docx import Document

    from carevoice.report import build_report

    comments, codes, resp = survey
    flags = pd.DataFrame({"comment_id": [f"c{i}" for i in range(withheld)]})
    written = build_report((comments, resp), codes, tmp_path, safeguarding=flags,
                           text_is_pseudonymised=True, embedder=HashingEmbedder(),
                           timestamp=False, themes=["family_contact"],
                           quote_config=QuoteConfig(n_quotes=7, min_group=1))
    docx = Document(io.BytesIO(written["docx"].read_bytes()))
    published = {"html": written["html"].read_text("utf-8"),
                 "md": written["md"].read_text("utf-8"),
                 "docx": "\n".join(p.text for p in docx.paragraphs),
                 "manifest": written["manifest"].read_text("utf-8")}
    for name, text in published.items():
        line = text[text.index("Safeguarding:"):][:300] if "Safeguarding:" in text else ""
        assert f"{withheld} comment" not in text, name
        assert not any(ch.isdigit() and ch != "5" for ch in line), (name, line)
        assert "withheld" in text, name
    manifest = json.loads(published["manifest"])
    assert manifest["settings"]["safeguarding"]["withheld_from_quotes"] == "fewer than 5"
    analyst = json.loads(written["analyst"].read_text("utf-8"))
    assert analyst["safeguarding_withheld_from_quotes"] == withheld
    assert written["analyst"].parent == written["quotes"].parent != tmp_path / "tables"


def test_a_batch_rerun_clears_the_earlier_analyst_file(tmp_path):
    """analyst.json is one of the report's files: a batch run clears an earlier run's copy,
    as it does quotes.csv, so a stale count never sits beside a new report."""
    from carevoice.batch.outputs import clear_outputs

    report = tmp_path / "outputs" / "report"
    report.mkdir(parents=True)
    for name in ("analyst.json", "quotes.csv", "my_notes.txt"):
        (report / name).write_text("x")
    assert sorted(clear_outputs(tmp_path)) == ["outputs/report/analyst.json",
                                               "outputs/report/quotes.csv"]


def test_a_flags_table_filtered_or_edited_after_screening_is_a_reviewed_table(survey):
    """pandas carries attrs through filters and edits: a table the screen returned and the
    safeguarding lead then filtered or edited in Python is reported as reviewed, not as the
    screen's; copied or sorted, it is still the screen's."""
    from carevoice.report import make_report
    from carevoice.safeguarding import screen_comments

    comments, codes, resp = survey
    more = pd.concat([comments, pd.DataFrame({
        "comment_id": ["c9"], "respondent_id": ["r0"],
        "text": ["my boyfriend takes my money and my phone"]})], ignore_index=True)
    flags = screen_comments(more, RULES)
    assert set(flags["comment_id"]) == {"c0", "c9"}
    options = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(), "timestamp": False,
               "themes": ["family_contact"], "quote_config": QuoteConfig(n_quotes=7, min_group=1)}
    kept = flags[flags["comment_id"] == "c0"]  # the lead kept one flag
    edited = flags.copy()
    edited.loc[0, "level"] = "review"
    for table in (kept, edited):
        assert table.attrs  # pandas kept the screen's mark
        content = make_report((comments, resp), codes, safeguarding=table, **options)
        assert content.manifest["settings"]["safeguarding"]["flags"] == "reviewed flags table"
        assert "screen" not in content.manifest["settings"]["safeguarding"]
        assert any(n.startswith("Safeguarding: comments named in the safeguarding flags given")
                   for n in content.footnotes)
        assert "c0" not in set(content.quotes["comment_id"])
    same = flags.sort_values("category").reset_index(drop=True).copy()
    content = make_report((comments, resp), codes, safeguarding=same, **options)
    assert content.manifest["settings"]["safeguarding"]["flags"] == "screened before the report"


def test_report_command_screens_with_the_rules_alone_when_asked(survey, tmp_path):
    """--no-safeguarding-similarity: the comments that could be quoted are screened by the
    rules alone (no model for the screen), the disclosure is still withheld, and the manifest
    records the rules-only screen; with --safeguarding-flags it is refused as contradictory."""
    import json

    comments, codes, resp = survey
    paths = {}
    for name, frame in (("comments", comments), ("codes", codes), ("resp", resp)):
        paths[name] = tmp_path / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    base = ["report", str(paths["comments"]), str(paths["codes"]), str(paths["resp"]),
            "-o", str(tmp_path / "out"), "--already-pseudonymised", "--embedder", "hashing",
            "--format", "md", "--no-timestamp", "--no-safeguarding-similarity"]
    result = CliRunner().invoke(app, base)
    assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert DISCLOSURE not in report
    assert "flagged by carevoice's safeguarding screen are withheld" in report
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["safeguarding"]["screen"]["similarity"] is False
    flags = tmp_path / "reviewed.csv"
    pd.DataFrame({"comment_id": ["c0"]}).to_csv(flags, index=False)
    result = CliRunner().invoke(app, [*base, "--safeguarding-flags", str(flags)])
    assert result.exit_code == 2
    assert "--no-safeguarding-similarity" in result.output
    assert "--safeguarding-flags" in result.output
