"""The report is accessible and ready to publish (audit of the HTML, Word and Markdown reports).

Each test names the audit finding it checks: text alternative of the chart (1), quotes only
beside the finding they illustrate (2), Word properties (3), table header rows (4), heading
contrast (7), HTML table captions and headers (8), plain English (9), number formats (10),
quote markup (11) and smaller points (12).
"""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig, check_k_anonymity

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _survey() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """80 fictional young people: 20 in residential care (15 raise money), 40 in foster care
    (6 raise it) and 20 in kinship care (5 raise it); 12 raise advocacy."""
    n = 80
    ids = [f"r{i:03d}" for i in range(n)]
    placement = ["residential"] * 20 + ["foster"] * 40 + ["kinship"] * 20
    respondents = pd.DataFrame({
        "respondent_id": ids, "placement_type": placement,
        "survey": ["in_care", "care_leaver"] * 40,
        "age_group": ["11-13", "14-15"] * 40,
        "life_satisfaction": [i % 11 for i in range(n)]})
    money = set(range(15)) | set(range(20, 26)) | set(range(60, 65))
    advocacy = set(range(0, 80, 7))
    words = ["bus", "food", "clothes", "phone", "college", "rent", "trips", "birthday"]
    texts = []
    for i in range(n):
        if i in money:
            texts.append(f"my allowance of {i} pounds does not pay for {words[i % 8]} and "
                         f"{words[(i * 3) % 8]} each week")
        elif i in advocacy:
            texts.append(f"nobody told me how to get an advocate when I was {i % 7 + 10}")
        else:
            texts.append(f"it is fine where I live and I like my {words[i % 8]} a lot")
    comments = pd.DataFrame({"comment_id": [f"c{i:03d}" for i in range(n)],
                             "respondent_id": ids, "text": texts})
    codes = pd.DataFrame({"comment_id": [f"c{i:03d}" for i in sorted(money)]
                          + [f"c{i:03d}" for i in sorted(advocacy - money)],
                          "theme": ["money"] * len(money)
                          + ["advocacy"] * len(advocacy - money),
                          "score": 0.9, "assigned": True})
    return comments, codes, respondents


@pytest.fixture(scope="module")
def survey():
    return _survey()


@pytest.fixture(scope="module")
def content(survey):
    from carevoice.report import make_report

    comments, codes, respondents = survey
    return make_report((comments, respondents), codes, embedder=HashingEmbedder(),
                       text_is_pseudonymised=True, themes=["money", "advocacy"],
                       timestamp=False)


@pytest.fixture(scope="module")
def page(content):
    from carevoice.report import to_html

    return to_html(content)


@pytest.fixture(scope="module")
def docx_bytes(content):
    from carevoice.report import to_docx

    return to_docx(content)


@pytest.fixture(scope="module")
def document(docx_bytes):
    from docx import Document

    return Document(io.BytesIO(docx_bytes))


class _Tree(HTMLParser):
    """A minimal element tree: (tag, attributes, children, text) tuples."""

    VOID = frozenset({"meta", "br", "img", "hr", "input", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict = {"tag": "#root", "attrs": {}, "children": [], "text": ""}
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
        self.stack[-1]["children"].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1]["children"].append({"tag": tag, "attrs": dict(attrs), "children": [],
                                           "text": ""})

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.stack[-1]["text"] += data


def _parse(page: str) -> dict:
    tree = _Tree()
    tree.feed(page)
    return tree.root


def _iter(node: dict, tag: str | None = None):
    for child in node["children"]:
        if tag is None or child["tag"] == tag:
            yield child
        yield from _iter(child, tag)


def _text(node: dict) -> str:
    return node["text"] + "".join(_text(c) for c in node["children"])


def _tables(page: str) -> list[dict]:
    return list(_iter(_parse(page), "table"))


# -- 2. a quote is only beside a finding it illustrates -------------------------------------
def test_quotes_beside_an_answer_come_from_young_people_who_gave_it(content, survey):
    comments, _, respondents = survey
    placement = dict(zip(respondents["respondent_id"], respondents["placement_type"],
                         strict=True))
    author = dict(zip(comments["text"], comments["respondent_id"], strict=True))
    frame = content.joint["money"]
    assert (frame["finding"] != "").all()  # no row of quotes without its finding
    more = frame[frame["finding"].str.startswith("More often raised by those answering "
                                                 "placement type: residential care")]
    assert len(more) and (more["quote"] != "").all()
    assert {placement[author[q]] for q in more["quote"]} == {"residential"}
    # "less often" and numeric findings are not illustrated by anyone's quote
    others = frame[frame["kind"].isin(["difference", "note"])
                   | frame["finding"].str.startswith("Less often")]
    assert (others["quote"] == "").all()
    # the overall quotes are beside how many raised it, and each quote is shown once
    assert (frame.loc[frame["kind"] == "prevalence", "quote"] != "").all()
    assert frame.loc[frame["quote"] != "", "quote"].is_unique


def test_subgroup_quotes_keep_the_disclosure_rules(content, survey):
    _, _, respondents = survey
    quotes = content.quotes
    assert check_k_anonymity(quotes, respondents) == []
    sub = quotes[quotes["variable"] != "all"]
    assert len(sub) and (sub["group_size"] >= DisclosureConfig().k).all()
    assert (quotes.groupby("respondent_id")["comment_id"].nunique() <= 2).all()
    assert content.manifest["settings"]["quotes_by"] == ["placement_type"]


def test_without_subgroup_quotes_no_finding_but_the_share_has_one(survey):
    from carevoice.report import make_report

    comments, codes, respondents = survey
    content = make_report((comments, respondents), codes, embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money"], quotes_by=(),
                          timestamp=False)
    frame = content.joint["money"]
    assert (frame["finding"] != "").all()
    assert set(frame.loc[frame["quote"] != "", "kind"]) == {"prevalence"}


# -- 7. Word: text colours readable on white --------------------------------------------------
def _contrast(rgb: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05)


# -- 9. plain English --------------------------------------------------------------------------
def test_subgroup_headers_use_the_wording_of_the_attributions(content):
    table = content.subgroups["placement_type"]
    assert list(table.columns) == ["Theme", "foster care", "kinship care", "residential care"]
    assert list(content.subgroups["survey"].columns)[1:] == ["care leaver", "in care"]
    assert list(content.subgroups["age_group"].columns)[1:] == ["aged 11-13", "aged 14-15"]
    assert any("when needed: placement type, age group, survey." in note
               for note in content.footnotes)


# -- 10. number formats ------------------------------------------------------------------------
def test_odds_ratio_intervals_never_show_zero_and_share_one_precision():
    from carevoice.report.tables import fmt_or

    assert fmt_or(0.0356, 0.0024, 0.63) == "0.0356 (0.0024 to 0.6300)"
    assert fmt_or(1.1, 0.37, 3.0) == "1.10 (0.37 to 3.00)"
    assert fmt_or(1537.2, 29.0, 81589.0) == "1,537 (29 to 81,589)"
    assert fmt_or(0.5, 0.00001, 3.0) == "0.5000 (<0.0001 to 3.0000)"


def test_differences_that_round_to_zero_are_neither_higher_nor_lower():
    from carevoice.link import ALL
    from carevoice.report import joint_display
    from carevoice.report.tables import difference_table

    numeric = pd.DataFrame({
        "theme": ["money"], "variable": "life_satisfaction", "n_raised": [30],
        "mean_raised": [1.23], "n_not": [40], "mean_not": [1.2], "difference": [-0.04],
        "ci_low": [-0.2], "ci_high": [0.2], "p_value": [0.01], "q_value": [0.02]})
    table = difference_table(numeric)
    assert table["Difference (95% CI)"].tolist() == ["0.0 (-0.2 to +0.2)"]
    from carevoice.link import LinkResult

    prev = pd.DataFrame({"theme": ["money"], "variable": [ALL], "level": [ALL], "n": [30],
                         "base": [70], "share": [30 / 70], "ci_low": [0.3], "ci_high": [0.55]})
    result = LinkResult(indicators=pd.DataFrame(), prevalence=prev,
                        associations=pd.DataFrame(columns=[
                            "theme", "variable", "level", "q_value", "p_value", "odds_ratio",
                            "raised_level", "n_level", "raised_rest", "n_rest"]),
                        hypotheses=pd.DataFrame(), numeric=numeric, settings={})
    finding = joint_display(result, pd.DataFrame(), "money").iloc[-1]["finding"]
    assert "about the same" in finding and "lower" not in finding and "-0.0" not in finding


def test_counts_have_thousands_separators_and_shares_their_base(survey):
    from carevoice.report.tables import subgroup_table

    comments, codes, respondents = survey
    from carevoice.link import link

    result = link(comments, codes, respondents)
    table = subgroup_table(result.prevalence, "placement_type")
    money = table[table["Theme"] == "money"].iloc[0]
    assert money["residential care"] == "75% (15 of 20)"
    big = result.prevalence.assign(n=result.prevalence["n"] * 100,
                                   base=result.prevalence["base"] * 100)
    assert subgroup_table(big, "placement_type").iloc[0]["foster care"] == "4,000"


def test_summary_counts_have_thousands_separators(survey):
    from carevoice.report import make_report

    comments, codes, respondents = survey
    many = pd.concat([comments] + [comments.assign(comment_id=comments["comment_id"] + f"-{k}")
                                   for k in range(1, 13)], ignore_index=True)
    content = make_report((many, respondents), codes, embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money"], quotes_by=())
    assert content.summary.startswith("1,040 free-text answers from 80 young people")


# -- 12. smaller points -------------------------------------------------------------------------
def _suppressed_prevalence() -> pd.DataFrame:
    return pd.DataFrame({"theme": ["a", "b"], "variable": "all", "level": "all",
                         "n": [12, 2], "base": 40, "share": [0.3, 0.05],
                         "ci_low": [0.18, 0.01], "ci_high": [0.45, 0.15]})






