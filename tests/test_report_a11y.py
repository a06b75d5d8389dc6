"""The report is accessible and ready to publish (audit of the HTML, Word and Markdown reports).

Each test names the audit finding it checks: text alternative of the chart (1), quotes only
beside the finding they illustrate (2), Word properties (3), table header rows (4), heading
contrast (7), HTML table captions and headers (8), plain English (9), number formats (10),
quote markup (11) and smaller points (12).
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.disclosure import DisclosureConfig, check_k_anonymity

from .conftest import SCREEN_RULES

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
    return make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                       embedder=HashingEmbedder(),
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


# -- 1. the chart has a text alternative ----------------------------------------------------
def test_chart_is_named_for_screen_readers_in_html_and_word(page, docx_bytes):
    svg = next(_iter(_parse(page), "svg"))
    assert svg["attrs"].get("role") == "img"
    titles = [c for c in svg["children"] if c["tag"] == "title"]
    assert titles and titles[0]["attrs"]["id"] == svg["attrs"]["aria-labelledby"]
    name = _text(titles[0])
    assert name.startswith("Bar chart: share of young people raising each theme")
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode()
    described = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', xml)
    assert described == [name]


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
    content = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money"], quotes_by=(),
                          timestamp=False)
    frame = content.joint["money"]
    assert (frame["finding"] != "").all()
    assert set(frame.loc[frame["quote"] != "", "kind"]) == {"prevalence"}


# -- 3. Word: title, language, A4 -----------------------------------------------------------
def test_word_document_is_titled_british_english_and_a4(document, docx_bytes, content):
    props = document.core_properties
    assert props.title == content.title
    assert props.language == "en-GB"
    assert "python-docx" not in (props.author, props.comments, props.last_modified_by)
    styles = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/styles.xml").decode()
    assert set(re.findall(r'<w:lang w:val="([^"]+)"', styles)) == {"en-GB"}
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)


# -- 4. Word: header rows --------------------------------------------------------------------
def test_every_word_table_has_a_marked_bold_header_row(document):
    assert len(document.tables) >= 5
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(f"{W}tblHeader") is not None
        assert all(table.rows[i]._tr.trPr is None
                   or table.rows[i]._tr.trPr.find(f"{W}tblHeader") is None
                   for i in range(1, len(table.rows)))
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs
                   for run in p.runs)
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None


# -- 7. Word: text colours readable on white --------------------------------------------------
def _contrast(rgb: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05)


def test_word_text_styles_have_enough_contrast(document):
    used = {p.style.name: p.style for p in document.paragraphs}
    used |= {p.style.name: p.style for t in document.tables for row in t.rows
             for c in row.cells for p in c.paragraphs}
    assert {"Heading 2", "Caption", "Quote"} <= set(used)
    for style in used.values():
        base = style
        while base is not None and (base.font.color.type is None
                                    or base.font.color.rgb is None):
            base = base.base_style
        if base is not None:
            assert _contrast(str(base.font.color.rgb)) >= 4.5, style.name


# -- 8. HTML tables: captions, column and row headers -----------------------------------------
def test_html_tables_have_captions_and_scoped_headers(page):
    tables = _tables(page)
    assert len(tables) >= 5
    for table in tables:
        captions = [c for c in table["children"] if c["tag"] == "caption"]
        assert captions and _text(captions[0]).strip()
        assert all(th["attrs"].get("scope") in ("col", "row") for th in _iter(table, "th"))
        body = next(_iter(table, "tbody"))
        for row in _iter(body, "tr"):
            assert row["children"][0]["tag"] == "th"
            assert row["children"][0]["attrs"]["scope"] == "row"
    by_placement = next(t for t in tables if "by placement type" in _text(t["children"][0]))
    first = next(_iter(next(_iter(by_placement, "tbody")), "tr"))["children"][0]
    assert _text(first) == "Respondents"


# -- 9. plain English --------------------------------------------------------------------------
def test_subgroup_headers_use_the_wording_of_the_attributions(content):
    table = content.subgroups["placement_type"]
    assert list(table.columns) == ["Theme", "foster care", "kinship care", "residential care"]
    assert list(content.subgroups["survey"].columns)[1:] == ["care leaver", "in care"]
    assert list(content.subgroups["age_group"].columns)[1:] == ["aged 11-13", "aged 14-15"]
    assert any("in this order: placement type, age group, survey." in note
               for note in content.footnotes)


def test_hypotheses_are_worded_and_an_empty_section_says_why(content, survey):
    from carevoice.link import Hypothesis
    from carevoice.report import make_report, to_markdown

    assert content.hypotheses.empty
    text = to_markdown(content)
    section = text.split("### Pre-specified hypotheses\n", 1)[1].split("###", 1)[0]
    assert "None." not in section and "hypotheses" in section.lower()
    comments, codes, respondents = survey
    worded = make_report((comments, respondents), codes, safeguarding=SCREEN_RULES,
                         embedder=HashingEmbedder(),
                         text_is_pseudonymised=True, themes=["money"], quotes_by=(),
                         hypotheses=[Hypothesis("money", "placement_type",
                                                ("residential", "kinship"), "greater")])
    assert worded.hypotheses["Hypothesis"].tolist() == [
        ("Money raised more often by those answering placement type: residential care or "
        "kinship care")]


def test_how_to_read_section_explains_the_figures_in_plain_words(page, content):
    from carevoice.report import to_markdown

    headings = [_text(h) for h in _iter(_parse(page), "h2")]
    assert "How to read this report" in headings
    assert headings.index("How to read this report") < headings.index(
        "How common each theme was")
    guide = page.split("How to read this report</h2>", 1)[1].split("<h2>", 1)[0]
    for term in ("odds ratio", "q value", "Benjamini-Hochberg", "95% confidence interval",
                 "[c]", "0.5 is added"):
        assert term in guide, term
    assert len(guide) < 2500  # short
    assert "## How to read this report" in to_markdown(content)


# -- 10. number formats ------------------------------------------------------------------------
def test_odds_ratio_intervals_never_show_zero_and_share_one_precision():
    from carevoice.report.tables import fmt_or

    assert fmt_or(0.0356, 0.0024, 0.63) == "0.036 (0.0024 to 0.63)"
    assert fmt_or(1.1, 0.37, 3.0) == "1.1 (0.37 to 3.0)"
    assert fmt_or(1537.2, 29.0, 81589.0) == "1,537 (29 to 81,589)"
    assert fmt_or(0.5, 0.00001, 3.0) == "0.50 (<0.001 to 3.0)"


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
    assert money["residential care"] == "75% (15 of 20; 95% CI 53% to 89%)"
    big = result.prevalence.assign(n=result.prevalence["n"] * 100,
                                   base=result.prevalence["base"] * 100)
    assert subgroup_table(big, "placement_type").iloc[0]["foster care"] == "4,000"


def test_summary_counts_have_thousands_separators(survey):
    from carevoice.report import make_report

    comments, codes, respondents = survey
    many = pd.concat([comments] + [comments.assign(comment_id=comments["comment_id"] + f"-{k}")
                                   for k in range(1, 13)], ignore_index=True)
    content = make_report((many, respondents), codes, safeguarding=SCREEN_RULES,
                          embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money"], quotes_by=())
    assert content.summary.startswith("1,040 free-text answers from 80 young people")


# -- 11. quote markup ----------------------------------------------------------------------------
def test_quotes_are_figures_with_captions_and_word_quote_style(page, document, content):
    figures = [f for f in _iter(_parse(page), "figure") if f["attrs"].get("class") == "quote"]
    n_quotes = sum((frame["quote"] != "").sum() for frame in content.joint.values())
    assert len(figures) == n_quotes > 0
    for figure in figures:
        assert [c["tag"] for c in figure["children"]] == ["blockquote", "figcaption"]
    assert '<div class="attr">' not in page
    quoted = [p for t in document.tables for row in t.rows for c in row.cells
              for p in c.paragraphs if p.text.startswith("\u201c")]
    assert len(quoted) == n_quotes
    assert {p.style.name for p in quoted} == {"Quote"}


# -- 12. smaller points -------------------------------------------------------------------------
def _suppressed_prevalence() -> pd.DataFrame:
    return pd.DataFrame({"theme": ["a", "b"], "variable": "all", "level": "all",
                         "n": [12, 2], "base": 40, "share": [0.3, 0.05],
                         "ci_low": [0.18, 0.01], "ci_high": [0.45, 0.15]})


def test_chart_symbol_clears_the_axis_and_is_explained():
    from carevoice.report.charts import prevalence_chart

    svg = prevalence_chart(_suppressed_prevalence()).decode()
    # the axes: left edge (the y axis) and bottom edge (the x axis), in points
    left, bottom = map(float, re.search(r'<g id="patch_2">\s*<path d="M ([\d.]+) ([\d.]+)',
                                        svg).groups())
    x, y = map(float, re.search(r'x="([\d.]+)" y="([\d.]+)"[^>]*>\[c\]</text>', svg).groups())
    assert x - left >= 3  # was drawn on the y axis
    assert bottom - y >= 8  # a bottom row without a bar was drawn on the x axis
    assert "[c]: not shown, to protect confidentiality" in svg


def test_chart_whiskers_contrast_with_the_bars_and_the_png_is_sharp():
    from carevoice.report.charts import prevalence_chart

    def lum(rgb: str) -> float:
        return 1.05 / _contrast(rgb) - 0.05

    svg = prevalence_chart(_suppressed_prevalence()).decode()
    bar = re.search(r'<g id="patch_3">\s*<path [^>]*style="fill: #([0-9a-f]{6})', svg).group(1)
    whisker = re.search(r'<g id="LineCollection_1">\s*<path [^>]*stroke: #([0-9a-f]{6})',
                        svg).group(1)
    lums = sorted([lum(bar), lum(whisker)])
    assert (lums[1] + 0.05) / (lums[0] + 0.05) >= 3  # whiskers drawn over the bars
    assert _contrast(bar) >= 3
    png = prevalence_chart(_suppressed_prevalence(), format="png")
    assert int.from_bytes(png[16:20], "big") >= 1400  # 7.5 in at 200 dpi


def test_inline_svg_has_no_xml_declaration_or_doctype_and_symbols_are_explained(content):
    from dataclasses import replace

    from carevoice.report import to_html
    from carevoice.report.tables import prevalence_table

    page = to_html(content)
    body = page.split("<body>", 1)[1]
    assert "<?xml" not in body and "<!DOCTYPE svg" not in body
    hidden = pd.concat([content.link_result.prevalence, pd.DataFrame({
        "theme": ["rare"], "variable": ["all"], "level": ["all"], "n": [2], "base": [80],
        "share": [2 / 80], "ci_low": [0.01], "ci_high": [0.09]})], ignore_index=True)
    marked = replace(content, prevalence=prevalence_table(hidden))
    page = to_html(marked)
    after = page.split("Young people raising each theme</caption>", 1)[1]
    after = after.split("</table></div>", 1)[1].lstrip()
    assert after.startswith('<p class="note">[c] Suppressed to protect confidentiality')


@pytest.mark.parametrize("max_q", [0, 5, -0.1, True])
def test_max_q_must_be_a_q_value(max_q):
    """`report --max-q 5` was accepted and listed every result as a finding."""
    import carevoice as cv
    from carevoice.errors import InputError
    from carevoice.report import make_report

    with pytest.raises(InputError, match="'max_q' argument of make_report must be a q-value"):
        make_report(cv.load_demo(), pd.DataFrame({"comment_id": [], "theme": []}), max_q=max_q)


# -- second audit (WCAG 2.2 AA, plain language): reflow, landmarks, Word layout -------------

def _parents(node: dict, tag: str, path: tuple = ()):
    """Each ``tag`` element with the chain of its ancestors."""
    for child in node["children"]:
        if child["tag"] == tag:
            yield child, path
        yield from _parents(child, tag, (*path, child))


def test_tables_reflow_in_labelled_focusable_scroll_regions(page):
    """Audit F1: cells wrap (no nowrap), words are not right-aligned, and every table sits in
    its own scroll region, so the page reflows at 320 CSS px (WCAG 1.4.10)."""
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "nowrap" not in css and ".scroll{overflow-x:auto" in css
    tree = _parse(page)
    tables = list(_parents(tree, "table"))
    assert len(tables) >= 5
    for table, path in tables:
        region = path[-1]
        assert region["tag"] == "div" and region["attrs"]["role"] == "region"
        assert region["attrs"]["tabindex"] == "0"
        caption = next(_iter(table, "caption"))
        assert region["attrs"]["aria-labelledby"] == caption["attrs"]["id"]
    ids = [n["attrs"]["id"] for n in _iter(tree) if "id" in n["attrs"]]
    assert len(ids) == len(set(ids))
    cells = list(_iter(tree, "td"))
    words = [c for c in cells if re.match(r"[A-Za-z]", _text(c))]
    figures = [c for c in cells if re.match(r"\d+%", _text(c))]
    assert words and figures
    assert all(c["attrs"].get("class") != "num" for c in words)
    assert all(c["attrs"].get("class") == "num" for c in figures)


def test_page_has_a_main_landmark_and_a_focusable_manifest(page):
    """Audit F6: one <main> holds the whole report; the scrolling manifest can be reached by
    keyboard and is named (axe: landmark-one-main, scrollable-region-focusable)."""
    tree = _parse(page)
    body = next(_iter(tree, "body"))
    assert [c["tag"] for c in body["children"]] == ["main"]
    main = body["children"][0]
    assert len(list(_iter(main, "h1"))) == 1 and len(list(_iter(main, "table"))) >= 5
    (pre,) = list(_iter(main, "pre"))
    assert pre["attrs"] == {"tabindex": "0", "role": "region", "aria-label": "Run manifest"}
    assert "manifest.json" in _text(main).split("Run manifest", 1)[1]


def test_joint_display_finding_without_a_quote_says_so(page, document):
    """Audit F4: a finding no quote illustrates reads "No quote ...", not "blank"."""
    tree = _parse(page)
    joint = [t for t in _iter(tree, "table") if t["attrs"].get("class") == "joint"]
    cells = [td for t in joint for td in _iter(t, "td")]
    assert cells and all(_text(td).strip() for td in cells)
    assert any(_text(td).strip() == "No quote for this finding." for td in cells)
    word = [row.cells[1].text for t in document.tables
            if t.rows[0].cells[0].text == "What the survey answers show" for row in t.rows[1:]]
    assert word and all(text.strip() for text in word)


def test_word_captions_stay_with_tables_quotes_upright_manifest_monospaced(document):
    """Audit F8 and F6: a caption is kept with its table; quotes are not italic (but keep
    their quotation marks); the manifest is an appendix of monospaced lines, not one
    proportional paragraph."""
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    assert captions
    for p in captions:
        assert p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
    quotes = [p for t in document.tables for row in t.rows for cell in row.cells
              for p in cell.paragraphs if p.style.name == "Quote"]
    assert quotes and document.styles["Quote"].font.italic is False
    for p in quotes:
        assert p.text.startswith("\u201c") and p.text.endswith("\u201d")
        assert all(not r.italic for r in p.runs)
    texts = [p.text for p in document.paragraphs]
    after = document.paragraphs[texts.index("Run manifest") + 1:]
    lines = [p for p in after if p.style.name == "Manifest"]
    assert len(lines) > 20 and all("\n" not in p.text for p in lines)
    assert lines[0].text == "{" and lines[-1].text == "}"
    assert document.styles["Manifest"].font.name == "Consolas"


def test_subgroup_tables_list_themes_in_the_overall_order(content):
    """Audit F4: the overall table is most-raised first, the subgroup tables were in codebook
    order (Advocacy before Money here), so a reader had to look for a theme in each."""
    from carevoice.report.tables import prevalence_table, subgroup_table

    overall = content.prevalence["Theme"].tolist()
    assert overall == ["Money", "Advocacy"]
    for frame in content.subgroups.values():
        assert frame["Theme"].tolist()[1:] == overall
    # themes given in codebook order (stigma before money), raised the other way round
    prev = pd.DataFrame({"theme": ["stigma", "money"] * 3,
                         "variable": ["all", "all", "v", "v", "v", "v"],
                         "level": ["all", "all", "a", "a", "b", "b"],
                         "n": [10, 40, 5, 20, 5, 20], "base": [80, 80, 40, 40, 40, 40],
                         "share": [0.125, 0.5, 0.125, 0.5, 0.125, 0.5],
                         "ci_low": 0.05, "ci_high": 0.6})
    assert prevalence_table(prev)["Theme"].tolist() == ["money", "stigma"]
    table = subgroup_table(prev, "v")
    assert table["Theme"].tolist() == ["Respondents", "money", "stigma"]
    assert table.columns.tolist() == ["Theme", "a", "b"]


def test_no_analyst_shorthand_in_numeric_findings_and_notes():
    """Audit F4: "N placements higher among those", "(n=97)", "(s)", "<=" and "group answers
    to report them" were written for the analyst, not for the report's readers."""
    from carevoice.report.joint import _difference_finding
    from carevoice.report.tables import change_table, difference_table

    numeric = pd.DataFrame({
        "theme": ["money", "safety"], "variable": "n_placements", "n_raised": [30, 1],
        "mean_raised": [4.7, 2.0], "n_not": [60, 33], "mean_not": [3.1, 6.0],
        "difference": [1.6, -4.0], "ci_low": [0.9, -5.0], "ci_high": [2.3, -3.0],
        "p_value": [1e-4, 0.3], "q_value": [2e-4, 0.3]})
    table = difference_table(numeric)
    cells = " ".join(table.astype(str).to_numpy().ravel())
    assert "n=" not in cells and "4.7 (30 answers)" in cells and "3.1 (60 answers)" in cells
    finding = _difference_finding(numeric.iloc[0])
    assert finding.startswith("Answers to \u201cn placements\u201d were higher among those")
    assert "N placements" not in finding
    changes = pd.DataFrame({
        "theme": "money", "variable": "all", "level": "all", "wave_from": "2024",
        "wave_to": "2025", "analysis": "independent", "n_from": [0], "base_from": [80],
        "share_from": [0.0], "n_to": [0], "base_to": [90], "share_to": [0.0], "overlap": None,
        "both": None, "from_only": None, "to_only": None, "neither": None,
        "difference": [0.0], "ci_low": [-0.04], "ci_high": [0.04], "p_value": [float("nan")],
        "test": "fisher", "q_value": [float("nan")]})
    assert change_table(changes)["q"].tolist() == ["not tested"]


def test_joint_notes_have_plurals_and_no_analyst_instruction(survey):
    from carevoice.report import make_report

    comments, codes, respondents = survey
    content = make_report((comments, respondents), codes, embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money", "advocacy"],
                          timestamp=False, max_associations=0)
    findings = [f for frame in content.joint.values() for f in frame["finding"]]
    notes = [f for f in findings if "further" in f]
    assert notes, findings
    text = " ".join(findings + content.footnotes)
    for shorthand in ("(s)", "<=", "roup answers to report"):
        assert shorthand not in text
    assert any(re.match(r"(1 further exploratory association with q of 0\.05 or less is|"
                        r"\d+ further exploratory associations with q of 0\.05 or less are) "
                        r"not shown here", n) for n in notes)


_JARGON = re.compile(r"%|\bCI\b|odds|\bq\b|p value|confidence|Benjamini|exploratory|"
                     r"significan|n=|<=|\(s\)", re.IGNORECASE)


def test_plain_language_summary_comes_first_in_every_format(page, document, content):
    """Audit F3: a short summary in plain words before the statistics: counts as "26 of 80
    young people", no statistics words, short sentences."""
    tree = _parse(page)
    main = next(_iter(tree, "main"))
    headings = [_text(h) for h in _iter(main) if h["tag"] in ("h1", "h2")]
    assert headings[:3] == ["What young people told us", "Summary", "How to read this report"]
    summary = main["children"][main["children"].index(
        next(h for h in main["children"] if _text(h) == "Summary")) + 1]
    points = [_text(li) for li in _iter(summary, "li")]
    assert points == content.key_points
    assert points[0] == "80 young people wrote answers in their own words."
    assert points[1] == "Money was what they wrote about most: 26 of 80 young people."
    assert "Advocacy: 7 of 80 young people." in points
    for point in points:
        assert not _JARGON.search(point), point
        for sentence in re.split(r"(?<=\.) ", point):
            assert len(sentence.split()) <= 25, sentence
        for n, base in re.findall(r"(\d+) of (\d+)", point):
            assert int(n) >= 5 and int(base) - int(n) >= 5  # no small number
    word = [p.text for p in document.paragraphs]
    assert word.index("Summary") < word.index("How to read this report")
    assert content.key_points[1] in word


def test_summary_never_names_a_hidden_count():
    from carevoice.report.summary import key_points

    prev = pd.DataFrame({"Theme": ["Money", "Safety", "Advocacy"],
                         "Raised by": ["26", "[c]", "[c]"], "Of": ["80", "80", "80"]})
    points = key_points(prev, pd.DataFrame(), symbol="[c]", threshold=5)
    text = " ".join(points)
    assert "Safety" not in text and "Advocacy" not in text
    assert "2 themes were raised by fewer than 5 young people" in text
    assert not re.search(r"\b[1-4] of \d", text)


def test_glossary_explains_the_methods_and_the_care_words_quotes_use(page, content):
    """Audit F3 and F7: the methods terms the text uses, and care words such as IRO in the
    quotes, are explained in a "Words used in this report" section."""
    from carevoice.report.summary import glossary

    tree = _parse(page)
    terms = [_text(dt) for dt in _iter(tree, "dt")]
    for term in ("p value", "q value", "95% confidence interval (CI)", "Benjamini-Hochberg",
                 "Fisher's exact test", "Welch's t test", "Odds ratio", "[c]"):
        assert term in terms
    assert [t for t, _ in content.glossary] == terms
    for _, meaning in content.glossary:
        for sentence in meaning.split(". "):
            assert len(sentence.split()) <= 25
    care = [t for t, _ in glossary(["my IRO changed and my PA is never there, CAMHS helped"])]
    assert {"IRO", "PA", "CAMHS"} <= set(care)
    assert "IRO" not in [t for t, _ in glossary(["my social worker changed [PERSON_1]"])]


def test_abbreviations_are_expanded_at_first_use(page):
    """Audit F7: [c] (read "c" by a screen reader), CI and vs get <abbr title> at first use,
    in the report's text, never inside the chart."""
    body = page.split("<main>", 1)[1]
    for short in ("[c]", "CI", "vs"):
        marked = re.findall(rf'<abbr title="([^"]+)">{re.escape(short)}</abbr>', body)
        assert len(marked) == 1, short
        before = body.split(f">{short}</abbr>", 1)[0]
        plain = re.sub(r"<svg.*?</svg>|<[^>]+>", " ", before, flags=re.DOTALL)
        # no earlier use as a word of its own ("One-vs-rest" is not one)
        assert not re.search(rf"(?<![\w\[-]){re.escape(short)}(?![\w-])", plain[:-len(short)])
    svg = body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<abbr" not in svg
    from carevoice.report.render import _mark_abbreviations

    marked = _mark_abbreviations("<main><p>One-vs-rest: 3 vs 4</p></main>")
    assert marked == '<main><p>One-vs-rest: 3 <abbr title="compared with">vs</abbr> 4</p></main>'


def test_quotes_in_another_language_carry_it_in_html_and_word(survey):
    """Audit F2 (WCAG 3.1.2): a comments ``language`` column (BCP 47) marks a quote in
    another language with ``lang`` in HTML and ``w:lang`` in Word; blank is English."""
    from docx import Document

    from carevoice.errors import InputError
    from carevoice.report import make_report, to_docx, to_html

    comments, codes, respondents = survey
    money = set(codes.loc[codes["theme"] == "money", "comment_id"])
    tagged = comments.assign(language=["cy" if c in money else "" for c in
                                       comments["comment_id"]])
    content = make_report((tagged, respondents), codes, embedder=HashingEmbedder(),
                          text_is_pseudonymised=True, themes=["money", "advocacy"],
                          timestamp=False)
    quoted = content.quotes
    assert len(quoted) and set(quoted["language"]) == {"cy", ""}
    welsh = set(quoted.loc[quoted["language"] == "cy", "text"])
    tree = _parse(to_html(content))
    blocks = list(_iter(tree, "blockquote"))
    assert len(blocks) == len(quoted)
    for block in blocks:
        assert block["attrs"].get("lang") == ("cy" if _text(block) in welsh else None)
    document = Document(io.BytesIO(to_docx(content)))
    seen = {}
    for table in document.tables:
        for row in table.rows:
            for p in row.cells[-1].paragraphs:
                if p.style.name == "Quote":
                    langs = [el.get(f"{W}val") for r in p.runs for el in r._r.iter(f"{W}lang")]
                    seen[p.text.strip("\u201c\u201d")] = langs
    assert set(seen) == set(quoted["text"])
    assert all(seen[t] == (["cy"] if t in welsh else []) for t in seen)
    bad = comments.assign(language=["welsh please"] + [""] * (len(comments) - 1))
    with pytest.raises(InputError, match="'language' column") as error:
        make_report((bad, respondents), codes, embedder=HashingEmbedder(),
                    text_is_pseudonymised=True, themes=["money"], timestamp=False)
    assert "c000" in str(error.value) and "welsh please" not in str(error.value)
