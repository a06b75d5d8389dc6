"""The report's quotes and joint displays as a whole: each comment once, no quote beside a
hidden count, pre-specified findings in their display, quotes.csv as printed, settings."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice.disclosure import check_k_anonymity, suppress_prevalence
from carevoice.link import Hypothesis
from carevoice.quotes import QuoteConfig

from ._quote_texts import MOVES, UNSAFE
from .conftest import SCREEN_RULES

BOTH = "they moved me out of my area for safety but i still dont feel safe at night"


@pytest.fixture(scope="module")
def survey():
    """60 young people (fictional), all "in care, aged 14-15, foster care", each with one
    comment. Northshire: r0-r15; feels safe "never": r0 and r20-r29, "sometimes": r30-r39.
    Only r0 is in Northshire and "never", and r0's comment c0 raises placement stability
    and safety (the audit's example). Every published cell is 0 or at least 5."""
    feels = ["never" if i == 0 or 20 <= i < 30 else "sometimes" if 30 <= i < 40 else "always"
             for i in range(60)]
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(60)], "survey": "in_care",
                         "age_group": "14-15", "placement_type": "foster",
                         "local_authority": ["Northshire"] * 16 + ["Southshire"] * 44,
                         "feels_safe": feels})
    rows = [("c0", "r0", BOTH, ("placement_stability", "safety"))]
    movers = [*range(1, 11), *range(40, 46)]
    unsafe = [*range(20, 30), *range(30, 35), *range(46, 51)]
    rows += [(f"a{i}", f"r{i}", t, ("placement_stability",))
             for i, t in zip(movers, MOVES, strict=True)]
    rows += [(f"b{i}", f"r{i}", t, ("safety",)) for i, t in zip(unsafe, UNSAFE, strict=True)]
    rows += [(f"n{i}", f"r{i}", "i like my school and my friends there", ())
             for i in range(1, 60) if i not in {*movers, *unsafe}]
    comments = pd.DataFrame([r[:3] for r in rows], columns=["comment_id", "respondent_id", "text"])
    codes = pd.DataFrame([(r[0], t) for r in rows for t in r[3]], columns=["comment_id", "theme"])
    return comments, codes, resp


def _report(survey, **options):
    from carevoice.report import make_report

    comments, codes, resp = survey
    # Some of the safety comments read as disclosures to the safeguarding screen, which would
    # withhold them (tests/test_report_safeguarding.py); here they stand for quotable
    # comments, as if a safeguarding lead had reviewed the flags and released them.
    options = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(), "timestamp": False,
               "safeguarding": pd.DataFrame({"comment_id": pd.Series(dtype=str)}),
               "themes": ["placement_stability", "safety"],
               "quote_config": QuoteConfig(n_quotes=4), **options}
    return make_report((comments, resp), codes, **options)


def _printed(content) -> list[tuple[str, str, str]]:
    return [(theme, row.finding, row.quote) for theme, frame in content.joint.items()
            for row in frame.itertuples() if row.quote]


def test_a_comment_is_shown_once_in_the_whole_report(survey):
    """Audit finding 1: c0 beside "local authority: Northshire" in one display and "feels
    safe: never" in the other; one young person gave both answers."""
    content = _report(survey, quote_config=QuoteConfig(n_quotes=6))
    printed = _printed(content)
    findings = {f for _, f, _ in printed}
    assert any("Northshire" in f for f in findings) and any("never" in f for f in findings)
    quotes = [q for _, _, q in printed]
    assert len(quotes) == len(set(quotes)) and quotes.count(BOTH) == 1
    assert content.quotes["comment_id"].is_unique
    assert check_k_anonymity(content.quotes, survey[2]) == []
    # and by the rules the selection chose them by: k among those who raised the theme, no
    # [c] named
    comments, codes, resp = survey
    marked = suppress_prevalence(content.link_result.prevalence)
    hidden = marked.loc[marked["suppressed"], ["theme", "variable", "level"]]
    assert len(hidden)
    assert check_k_anonymity(content.quotes, resp, codes=codes, comments=comments,
                             hidden_cells=hidden.itertuples(index=False)) == []


@pytest.mark.parametrize("raised", [1, 3])
def test_no_quote_beside_a_count_that_is_not_shown(raised):
    """Audit finding 2: "Not shown [c]" beside exactly one quote told the hidden count."""
    from carevoice.report import make_report

    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(30)], "survey": "in_care",
                         "age_group": "14-15", "placement_type": "foster"})
    money = ["my social worker never explains what the money is for",
             "i want to know how much pocket money i am meant to get",
             "my savings account got forgotten when i moved homes"][:raised]
    kind = ["i like my carers they are kind to me", "my foster carer listens to me properly",
            "i trust my carers and i can talk to them", "my carers make me feel at home here",
            "i feel like i belong in my foster family"]
    comments = pd.DataFrame(
        [(f"m{i}", f"r{i}", t) for i, t in enumerate(money)]
        + [(f"o{i}", f"r{i}", kind[i % 5] if i < 8 else "school is fine and so are my friends")
           for i in range(3, 30)], columns=["comment_id", "respondent_id", "text"])
    codes = pd.DataFrame({"comment_id": comments["comment_id"],
                          "theme": ["money" if c.startswith("m") else "relationships_trust"
                                    for c in comments["comment_id"]]})
    codes = codes[codes["comment_id"].isin([*(f"m{i}" for i in range(3)),
                                            *(f"o{i}" for i in range(3, 8))])]
    content = make_report((comments, resp), codes, text_is_pseudonymised=True,
                          safeguarding=SCREEN_RULES, embedder=HashingEmbedder(), timestamp=False,
                          themes=["money", "relationships_trust"])
    frame = content.joint["money"]
    assert frame["finding"].str.startswith("Not shown").any()
    assert (frame["quote"] == "").all()
    assert "money" not in set(content.quotes["theme"])
    shown = content.joint["relationships_trust"]
    assert (shown["quote"] != "").sum() == 3  # a count shown: its quotes are


def test_pre_specified_hypotheses_are_in_their_display_with_quotes_of_their_group(survey):
    """Audit finding 4: the hypotheses table showed the result; the display listed only
    exploratory rows, without saying they were exploratory.

    With the local authority question: the one young person of Northshire who raised safety
    makes its cell [c] and Southshire's with it; every "sometimes" is in Southshire, but the
    rest of Southshire ("never" or "always" there) is printed in no table, so the feels-safe
    cells, and the hypothesis, stay shown (they were hidden too before)."""
    content = _report(survey, hypotheses=[
        Hypothesis("safety", "feels_safe", ("never", "sometimes"), "greater")])
    frame = content.joint["safety"]
    mine = frame[frame["kind"] == "hypothesis"]
    assert len(mine) and mine["finding"].str.startswith("Pre-specified hypothesis").all()
    assert "never or sometimes" in mine["finding"].iloc[0]
    assert (mine["quote"] != "").all()
    answer = dict(zip(survey[2]["respondent_id"], survey[2]["feels_safe"], strict=True))
    author = dict(zip(survey[0]["text"], survey[0]["respondent_id"], strict=True))
    assert {answer[author[q]] for q in mine["quote"]} <= {"never", "sometimes"}
    rows = list(frame["kind"])
    assert rows.index("hypothesis") < rows.index("association")
    exploratory = frame[frame["kind"] == "association"]["finding"]
    assert exploratory.str.endswith("(exploratory).").all()
    assert check_k_anonymity(content.quotes, survey[2]) == []


def test_the_associations_a_display_leaves_out_are_counted(survey):
    """Audit finding 5: a display showed three associations and said nothing of the others."""
    content = _report(survey, max_associations=0)
    for frame in content.joint.values():
        assert "association" not in set(frame["kind"])
        notes = frame.loc[frame["kind"] == "note", "finding"]
        assert notes.str.contains("further exploratory association").any()
    assert content.manifest["settings"]["max_associations"] == 0
    with pytest.raises(ValueError, match="max_associations"):
        _report(survey, max_associations=-1)


def test_quotes_csv_holds_exactly_the_quotes_printed(survey, tmp_path):
    """Audit finding 7: quotes chosen for every council, shown for one, all in quotes.csv and
    all using up the young people's allowance."""
    from carevoice.report import build_report

    comments, codes, resp = survey
    written = build_report((comments, resp), codes, tmp_path, formats=["md"],
                           text_is_pseudonymised=True, safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(),
                           timestamp=False, themes=["placement_stability", "safety"],
                           quotes_by=["local_authority"], quote_config=QuoteConfig(n_quotes=4))
    table = pd.read_csv(written["quotes"], keep_default_na=False)
    assert "details" in table.columns
    assert set(table["level"]) <= {"all", "Northshire"}
    printed = (tmp_path / "report.md").read_text("utf-8")
    assert sorted(table["text"]) == sorted(t for t in table["text"] if f"> {t}\n" in printed)
    assert printed.count("\n  > — ") == len(table)


def test_quote_settings_reach_the_report(survey):
    """Audit finding 6: no quotes at all, per-answer quotes off, a cap per display."""
    none = _report(survey, quote_config=QuoteConfig(n_quotes=0))
    assert not _printed(none) and none.quotes.empty
    overall = _report(survey, quotes_by=())
    assert set(overall.quotes["variable"]) == {"all"}
    capped = _report(survey, quote_config=QuoteConfig(n_quotes=4, max_per_theme=5))
    assert capped.quotes.groupby("theme").size().max() == 5
    with pytest.raises(ValueError, match="quotes_by"):
        _report(survey, quotes_by=["council"])


def test_how_to_read_says_what_the_figures_are_at_the_reports_settings(survey):
    """Audit finding 9: "all the others", intervals of percentages only, zeros unexplained,
    "1 in 20" whatever --max-q."""
    guide = " ".join(_report(survey, max_q=0.1, quotes_by=()).guide)
    assert "1 in 10" in guide and "1 in 20" not in guide
    assert "left it blank" in guide and "all the others" not in guide
    assert "an odds ratio or a difference" in guide and "mean answer" in guide
    assert "Counts of 0 are shown" in guide
    assert "numbered within each quote" in guide


def test_report_command_takes_the_quote_settings(survey, tmp_path):
    import typer

    from carevoice.report.command import report_command

    app = typer.Typer()
    app.command("report")(report_command)
    app.command("other")(lambda: None)
    comments, codes, resp = survey
    for name, frame in (("c", comments), ("k", codes), ("r", resp)):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    base = ["report", *(str(tmp_path / f"{n}.csv") for n in "ckr"), "--format", "md",
            "--already-pseudonymised", "--embedder", "hashing", "--codes-themes-only"]

    def run(folder: str, *options: str) -> pd.DataFrame:
        done = CliRunner().invoke(app, [*base, "--output", str(tmp_path / folder), *options])
        assert done.exit_code == 0, done.output
        assert "not for publication: " in done.output  # says where, and not to publish it
        return pd.read_csv(tmp_path / folder / "not-for-publication" / "quotes.csv",
                           keep_default_na=False)

    assert run("none", "--quotes", "0").empty
    assert set(run("overall", "--no-quotes-by")["variable"]) == {"all"}
    answers = run("answers", "--quotes", "0", "--quotes-per-answer", "2")
    assert len(answers) and set(answers["variable"]) != {"all"}
    assert "all" not in set(answers["variable"])
    assert run("capped", "--max-quotes", "2").groupby("theme").size().max() == 2
    run("assoc", "--max-associations", "1")
    both = CliRunner().invoke(app, [*base, "--output", str(tmp_path / "x"), "--no-quotes-by",
                                    "--quotes-by", "feels_safe"])
    assert both.exit_code == 2 and "--no-quotes-by" in both.output


def test_no_attribution_names_a_cell_shown_as_c():
    """Audit s26 F5: a money quote attributed "in care, aged 8-10" while the report showed
    Money for "aged 8-10" as [c] (here 10 of 12 raised it: the 2 who did not are hidden)."""
    from carevoice.report import make_report

    ages = ["8-10"] * 12 + ["11-13"] * 28
    raised = [*range(10), *range(12, 26)]
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(40)], "survey": "in_care",
                         "age_group": ages, "placement_type": "foster"})
    money = ["my pocket money is less than my friends get", "i want to save up for a bike",
             "nobody explains what my allowance is for", "i want to learn how to budget",
             "my clothing money never arrives on time", "i want a bank account of my own"]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in raised],
                             "respondent_id": [f"r{i}" for i in raised],
                             "text": [f"{money[j % 6]} and that is {j}"
                                      for j in range(len(raised))]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money"})
    others = [i for i in range(40) if i not in raised]  # a comment on something else
    comments = pd.concat([comments, pd.DataFrame({
        "comment_id": [f"o{i}" for i in others], "respondent_id": [f"r{i}" for i in others],
        "text": "i like my school and my friends there"})], ignore_index=True)
    content = make_report((comments, resp), codes, text_is_pseudonymised=True,
                          embedder=HashingEmbedder(), timestamp=False,
                          safeguarding=pd.DataFrame({"comment_id": pd.Series(dtype=str)}),
                          quote_config=QuoteConfig(n_quotes=20, max_per_theme=20))
    attributions = content.quotes["attribution"]
    assert len(attributions) >= 10
    assert not attributions.str.contains("8-10").any()
