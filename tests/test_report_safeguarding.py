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
    not-for-publication/analyst.json keeps the exact one."""
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
    assert written["analyst"].parent == written["quotes"].parent == tmp_path / "not-for-publication"


def _published_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and "not-for-publication" not in p.parts)


def test_the_report_folder_is_publishable_as_a_whole(survey, tmp_path):
    """What is not for publication (each quote's comment_id, the exact safeguarding count)
    sits in not-for-publication/, with a README saying why, never beside the report: a user
    who uploads the report folder less that subfolder publishes only the report. A copy an
    earlier version wrote beside the report is removed when the report is written again."""
    import json

    from carevoice.report import build_report

    comments, codes, resp = survey
    tmp_path.joinpath("analyst.json").write_text(json.dumps(
        {"note": "For the analyst", "safeguarding_withheld_from_quotes": 2}))
    tmp_path.joinpath("quotes.csv").write_text("theme,rank,comment_id,text\nx,1,c1,hi\n")
    tmp_path.joinpath("my_notes.txt").write_text("mine")
    flags = pd.DataFrame({"comment_id": ["c0"]})
    written = build_report((comments, resp), codes, tmp_path, safeguarding=flags,
                           text_is_pseudonymised=True, embedder=HashingEmbedder(),
                           timestamp=False, themes=["family_contact"],
                           quote_config=QuoteConfig(n_quotes=7, min_group=1))
    private = tmp_path / "not-for-publication"
    assert sorted(p.name for p in private.iterdir()) == ["README.txt", "analyst.json",
                                                         "cells.csv", "quotes.csv"]
    assert {written["quotes"], written["analyst"], written["unpublished_readme"],
            written["cells"]} == set(private.iterdir())
    readme = written["unpublished_readme"].read_text("utf-8")
    assert readme.startswith("NOT FOR PUBLICATION") and "comment_id" in readme
    assert "analyst.json" in readme and "quotes.csv" in readme
    published = _published_files(tmp_path)
    assert "analyst.json" not in published and "quotes.csv" not in published
    assert {"report.html", "report.md", "report.docx", "manifest.json", "my_notes.txt",
            "tables/prevalence.csv"} <= set(published)
    quotes = pd.read_csv(written["quotes"], dtype=str)
    ids = set(quotes["comment_id"])
    assert ids
    for name in published:  # no quote's comment_id, no exact small count in what is published
        if name.endswith((".csv", ".md", ".html", ".json")):
            text = (tmp_path / name).read_text("utf-8")
            assert "comment_id" not in text, name
            assert "safeguarding_withheld_from_quotes" not in text, name
    assert json.loads(written["analyst"].read_text("utf-8"))[
        "safeguarding_withheld_from_quotes"] == 1


def test_an_earlier_layout_file_not_carevoices_is_kept(survey, tmp_path):
    """Only files carevoice wrote are removed from beside the report: a quotes.csv or
    analyst.json of the user's own, whose content is not carevoice's, stays."""
    from carevoice.report import build_report

    comments, codes, resp = survey
    tmp_path.joinpath("analyst.json").write_text('{"my": "own"}')
    tmp_path.joinpath("quotes.csv").write_text("speaker,line\nme,hello\n")
    build_report((comments, resp), codes, tmp_path, formats=["md"],
                 text_is_pseudonymised=True, embedder=HashingEmbedder(), timestamp=False,
                 themes=["family_contact"], quote_config=QuoteConfig(min_group=1))
    assert tmp_path.joinpath("analyst.json").read_text() == '{"my": "own"}'
    assert tmp_path.joinpath("quotes.csv").read_text() == "speaker,line\nme,hello\n"


def test_a_batch_rerun_clears_the_earlier_analyst_file(tmp_path):
    """analyst.json is one of the report's files: a batch run clears an earlier run's copy,
    as it does quotes.csv, so a stale count never sits beside a new report; also the copies
    an earlier version wrote beside the report, and the emptied not-for-publication/."""
    from carevoice.batch.outputs import clear_outputs

    report = tmp_path / "outputs" / "report"
    (report / "not-for-publication").mkdir(parents=True)
    for name in ("analyst.json", "quotes.csv", "my_notes.txt"):
        (report / name).write_text("x")
    for name in ("analyst.json", "quotes.csv", "README.txt"):
        (report / "not-for-publication" / name).write_text("x")
    assert sorted(clear_outputs(tmp_path)) == [
        "outputs/report/analyst.json",
        "outputs/report/not-for-publication/README.txt",
        "outputs/report/not-for-publication/analyst.json",
        "outputs/report/not-for-publication/quotes.csv",
        "outputs/report/quotes.csv"]
    assert not (report / "not-for-publication").exists()
    assert (report / "my_notes.txt").is_file()


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
