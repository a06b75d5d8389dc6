"""Render a :class:`~carevoice.report.build.ReportContent` as HTML, Markdown or Word.

The HTML is one self-contained file: inline CSS, the chart as inline SVG, no scripts, no fonts,
no links to load. The Word document (python-docx) carries the same sections for report writers;
the chart goes in as a PNG. Every string is escaped; nothing here computes a statistic.
"""

from __future__ import annotations

import html
import io
import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .build import ReportContent

__all__ = ["to_docx", "to_html", "to_markdown"]

#: The heading of the section that compares survey waves.
_CHANGES = "Change between waves"

#: The heading of the short plain-English guide to the figures.
_GUIDE = "How to read this report"

#: The headings of the plain-language summary and of the glossary.
_SUMMARY, _WORDS = "Summary", "Words used in this report"

#: The line above the run manifest: what it is, and where the same record is as a file.
_MANIFEST_NOTE = ("The record of how this report was made (software versions, settings and "
                  "checksums of the input files), for anyone who wants to check or repeat "
                  "it. The file manifest.json holds the same record, with the command that "
                  "made the report and the checksums of the files it wrote.")

#: Column headers as the published documents print them: plain words a councillor reads,
#: and a screen reader announces as words ("Of, 680" read as nothing). The frames and
#: ``tables/*.csv`` keep their short names.
_HEADERS = {"Of": "Young people who answered", "p": "p value", "q": "q value"}


def _header(name: object) -> str:
    """A column header as printed (see :data:`_HEADERS`)."""
    return _HEADERS.get(str(name), str(name))


#: The two columns of a joint display.
_JOINT_HEAD = ("What the survey answers show", "What young people wrote")

#: What a joint display's quote cell says when no quote illustrates its finding (a blank
#: cell is read out as "blank").
_NO_QUOTE = "No quote for this finding."

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:62rem;
margin:2rem auto;padding:0 1rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #2b6f8e}
h3{margin-top:1.6rem;color:#2b6f8e}table{border-collapse:collapse;margin:.6rem 0 1rem;
font-size:.88rem;width:100%}th,td{border:1px solid #c9d3da;padding:.3rem .5rem;
vertical-align:top;text-align:left}thead th{background:#eef3f6}tbody th{font-weight:600}
caption{text-align:left;font-weight:600;padding:.2rem 0}td.num{text-align:right}
td,th{overflow-wrap:break-word}.joint th,.joint td{width:50%}.joint tbody th{font-weight:400}
.scroll{overflow-x:auto;max-width:100%}.scroll:focus{outline:3px solid #2b6f8e}
figure{margin:0}figure.quote{margin:.2rem 0 .6rem}blockquote{margin:0;padding:.3rem .7rem;
border-left:4px solid #2b6f8e;background:#f6f9fb}blockquote p{margin:0}
figcaption{color:#555;font-size:.85rem}.note{font-size:.85rem;color:#444}
.chart svg{max-width:100%;height:auto}
pre{background:#f4f4f4;padding:.6rem;font-size:.78rem;overflow-x:auto}
pre:focus{outline:3px solid #2b6f8e}
"""


def _captions(content: ReportContent) -> dict[str, str]:
    """The name of each table (an HTML ``<caption>``, a Word caption and table title)."""
    return {
        "prevalence": "Young people raising each theme",
        "changes": "Change in each theme between survey waves",
        "hypotheses": "Pre-specified hypotheses",
        "associations": f"Exploratory associations with q of {content.max_q} or less",
        "differences": f"Numeric answers: differences in mean with q of {content.max_q} or less",
    }


def _empty(content: ReportContent) -> dict[str, str]:
    """What a section says when its table has no row."""
    return {
        "hypotheses": "No hypotheses were written down before the analysis for this report.",
        "associations": f"No answer went with a theme with q of {content.max_q} or less.",
        "differences": f"No numeric answer differed with q of {content.max_q} or less.",
    }


def _html_note(note: str) -> list[str]:
    """A note paragraph above a table, or nothing for an empty note."""
    return [f'<p class="note">{html.escape(note)}</p>'] if note else []


def _subgroup_caption(variable: str) -> str:
    return f"Young people raising each theme, by {variable.replace('_', ' ')}"


def _joint_caption(label: str) -> str:
    return f"{label}: what the survey answers show and what young people wrote"


def _has_symbol(frame: pd.DataFrame, symbol: str) -> bool:
    return bool(len(frame)) and frame.astype(str).apply(
        lambda col: col.str.contains(symbol, regex=False)).to_numpy().any()


def _joint_groups(frame: pd.DataFrame) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each finding of a joint display with its quotes (text, attribution, language tag or
    ""), in order."""
    groups: list[tuple[str, list[tuple[str, str, str]]]] = []
    last: tuple[str, str] | None = None
    frame = frame if "language" in frame.columns else frame.assign(language="")
    columns = ["kind", "finding", "quote", "attribution", "language"]
    for kind, finding, quote, who, lang in frame[columns].itertuples(index=False):
        if (kind, finding) != last:
            groups.append((str(finding), []))
            last = (kind, finding)
        if quote:
            groups[-1][1].append((str(quote), str(who), str(lang or "")))
    return groups


def _inline_svg(svg: bytes) -> str:
    """The chart's SVG for an HTML body: without the XML declaration and doctype, which are
    not HTML."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):].strip()


#: A cell that is a figure (right-aligned): a number, a share, an interval, ``[c]`` or "-".
_FIGURE = re.compile(r"^(?:[-+\u2212]?[\d.,]+|\[\w+\]|-|\u2013|none)(?:[\s%(]|$)")


def _cell_class(value: str) -> str:
    """``class="num"`` for a figure; nothing for words (an answer, a hypothesis), which read
    left-aligned."""
    return ' class="num"' if _FIGURE.match(value) else ""


def _scroll(table: str, caption_id: str) -> str:
    """A table inside its own horizontally scrollable region, so that a wide table scrolls
    by itself and the page reflows at 320 CSS px (WCAG 1.4.10): labelled by the table's
    caption, and focusable so that a keyboard can scroll it (WCAG 2.1.1)."""
    return (f'<div class="scroll" role="region" tabindex="0" aria-labelledby="{caption_id}">'
            f"{table}</div>")


def _html_table(frame: pd.DataFrame, caption: str, css: str = "",
                empty: str = "None.", caption_id: str = "") -> str:
    e = html.escape
    if frame.empty:
        return f'<p class="note">{e(empty)}</p>'
    head = "".join(f'<th scope="col">{e(_header(c))}</th>' for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        # the first column names the row (a theme, "Respondents", a hypothesis)
        cells = [f'<th scope="row">{e(str(row[0]))}</th>']
        cells += [f"<td{_cell_class(str(v))}>{e(str(v))}</td>" for v in row[1:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{css}"' if css else ""
    cid = f' id="{caption_id}"' if caption_id else ""
    table = (f"<table{cls}><caption{cid}>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
             f"<tbody>{''.join(body)}</tbody></table>")
    return _scroll(table, caption_id) if caption_id else table


def _html_quote(text: str, who: str, lang: str = "") -> str:
    """A quote as a figure; a quote in another language carries its ``lang`` (WCAG 3.1.2),
    so that a screen reader switches voice."""
    attr = f' lang="{html.escape(lang)}"' if lang else ""
    return (f'<figure class="quote">\n<blockquote{attr}><p>{html.escape(text)}</p>'
            f"</blockquote>\n<figcaption>\u2014 {html.escape(who)}</figcaption>\n</figure>")


def _html_joint(frame: pd.DataFrame, caption: str, caption_id: str = "") -> str:
    rows = []
    for finding, quotes in _joint_groups(frame):
        cell = "\n".join(_html_quote(q, a, lang) for q, a, lang in quotes) or _NO_QUOTE
        rows.append(f'<tr><th scope="row">{html.escape(finding)}</th><td>{cell}</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in _JOINT_HEAD)
    cid = f' id="{caption_id}"' if caption_id else ""
    table = (f'<table class="joint"><caption{cid}>{html.escape(caption)}</caption><thead><tr>'
             f"{head}</tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>")
    return _scroll(table, caption_id) if caption_id else table


def to_html(content: ReportContent) -> str:
    """Render the report as one self-contained HTML page.

    Tables have captions and column and row headers; the chart is named for screen readers
    (``role="img"`` and a ``<title>``); each quote is a ``<figure>`` with its attribution as
    the ``<figcaption>``.

    Parameters
    ----------
    content : ReportContent
        From :func:`carevoice.report.make_report`.

    Returns
    -------
    str
        The HTML document (UTF-8, no external resources).
    """
    e = html.escape
    captions, empty = _captions(content), _empty(content)
    ids = iter(range(1, 10_000))

    def table(frame: pd.DataFrame, caption: str, when_empty: str = "None.") -> list[str]:
        out = [_html_table(frame, caption, empty=when_empty, caption_id=f"t{next(ids)}")]
        if content.suppression_note and _has_symbol(frame, content.symbol):
            out.append(f'<p class="note">{e(content.suppression_note)}</p>')
        return out

    parts = [
        "<!DOCTYPE html>", '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(content.title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{e(content.title)}</h1>",
        f'<p class="note">{e(content.summary)}</p>',
    ]
    if content.key_points:
        parts += [f"<h2>{_SUMMARY}</h2>",
                  "<ul>" + "".join(f"<li>{e(k)}</li>" for k in content.key_points) + "</ul>"]
    if content.guide:
        parts += [f"<h2>{_GUIDE}</h2>",
                  "<ul>" + "".join(f"<li>{e(g)}</li>" for g in content.guide) + "</ul>"]
    parts += ["<h2>How common each theme was</h2>",
              f'<div class="chart">{_inline_svg(content.chart_svg)}</div>',
              *table(content.prevalence, captions["prevalence"])]
    for variable, frame in content.subgroups.items():
        parts += [f"<h3>By {e(variable.replace('_', ' '))}</h3>",
                  *table(frame, _subgroup_caption(variable))]
    if not content.changes.empty:
        parts += [f"<h2>{_CHANGES}</h2>", f'<p class="note">{e(content.changes_note)}</p>',
                  *table(content.changes, captions["changes"])]
    parts += ["<h2>Themes and survey answers</h2>", "<h3>Pre-specified hypotheses</h3>",
              *_html_note(content.hypotheses_note),
              *table(content.hypotheses, captions["hypotheses"], empty["hypotheses"]),
              f"<h3>Exploratory associations (q &le; {content.max_q})</h3>",
              f'<p class="note">{e(content.association_note)}</p>',
              *table(content.associations, captions["associations"], empty["associations"]),
              f"<h3>Numeric answers (q &le; {content.max_q})</h3>",
              *_html_note(content.differences_note),
              *table(content.differences, captions["differences"], empty["differences"]),
              "<h2>Joint displays</h2>"]
    for theme, frame in content.joint.items():
        label = content.labels.get(theme, theme)
        parts += [f"<h3>{e(label)}</h3>",
                  _html_joint(frame, _joint_caption(label), caption_id=f"t{next(ids)}")]
    if content.glossary:
        parts += [f"<h2>{_WORDS}</h2>", "<dl>" + "".join(
            f"<dt>{e(t)}</dt><dd>{e(d)}</dd>" for t, d in content.glossary) + "</dl>"]
    parts += ["<h2>Notes</h2>"] + [f'<p class="note">{e(n)}</p>' for n in content.footnotes]
    parts += ["<h2>Run manifest</h2>", f'<p class="note">{e(_MANIFEST_NOTE)}</p>',
              ('<pre tabindex="0" role="region" aria-label="Run manifest">'
               f"{e(json.dumps(content.manifest, indent=1, sort_keys=True))}</pre>"),
              "</main></body></html>"]
    return _mark_abbreviations("\n".join(parts) + "\n")


#: Elements whose text gets no ``<abbr>``: not HTML text (style, SVG), or a copy of another
#: name (the title, the manifest).
_NO_ABBR = frozenset({"head", "style", "title", "svg", "pre", "dt", "abbr"})


def _mark_abbreviations(page: str) -> str:
    """Mark the first use of each abbreviation in the page's text with ``<abbr title>``
    (:data:`carevoice.report.summary.ABBREVIATIONS`): "CI", "vs", ``[c]`` (which a screen
    reader would otherwise read as "c"), and care words in quotes (IRO, PA, CAMHS...)."""
    from .summary import ABBREVIATIONS

    pattern = re.compile("|".join(
        rf"(?<![\w\[-]){re.escape(html.escape(a))}(?![\w-])"
        for a in sorted(ABBREVIATIONS, key=len, reverse=True)))
    titles = {html.escape(a): t for a, t in ABBREVIATIONS.items()}
    seen: set[str] = set()
    open_tags: list[str] = []
    out = []
    for piece in re.split(r"(<[^>]+>)", page):
        if piece.startswith("<"):
            tag = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            name = tag.group(1).lower() if tag else ""
            if name in _NO_ABBR:
                if piece.startswith("</"):
                    if name in open_tags:
                        open_tags.remove(name)
                elif not piece.endswith("/>"):
                    open_tags.append(name)
            out.append(piece)
            continue
        if open_tags:
            out.append(piece)
            continue

        def mark(m: re.Match[str]) -> str:
            if m.group(0) in seen:
                return m.group(0)
            seen.add(m.group(0))
            return f'<abbr title="{html.escape(titles[m.group(0)])}">{m.group(0)}</abbr>'

        out.append(pattern.sub(mark, piece))
    return "".join(out)


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", "<br>")


def _md_table(frame: pd.DataFrame, empty: str = "None.") -> str:
    if frame.empty:
        return f"_{empty}_\n"
    lines = ["| " + " | ".join(_md_cell(_header(c)) for c in frame.columns) + " |",
             "|" + "|".join("---" for _ in frame.columns) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _md_joint(frame: pd.DataFrame) -> str:
    """A joint display as a list: each finding, with the quotes that illustrate it below."""
    items = []
    for finding, quotes in _joint_groups(frame):
        item = [f"- {_md_cell(finding)}"]
        for text, who, _ in quotes:
            item += ["", f"  > {_md_cell(text)}", "  >", f"  > \u2014 {_md_cell(who)}"]
        items.append("\n".join(item))
    return "\n\n".join(items) + "\n"


def to_markdown(content: ReportContent) -> str:
    """Render the report as Markdown (the chart is left out; see the HTML or Word report).

    Parameters
    ----------
    content : ReportContent
        From :func:`carevoice.report.make_report`.

    Returns
    -------
    str
        The Markdown text.
    """
    empty = _empty(content)

    def table(frame: pd.DataFrame, when_empty: str = "None.") -> list[str]:
        out = [_md_table(frame, when_empty)]
        if content.suppression_note and _has_symbol(frame, content.symbol):
            out.append(f"_{content.suppression_note}_\n")
        return out

    parts = [f"# {content.title}\n", content.summary + "\n"]
    if content.key_points:
        parts += [f"## {_SUMMARY}\n", "\n".join(f"- {k}" for k in content.key_points) + "\n"]
    if content.guide:
        parts += [f"## {_GUIDE}\n", "\n".join(f"- {g}" for g in content.guide) + "\n"]
    parts += ["## How common each theme was\n", *table(content.prevalence)]
    for variable, frame in content.subgroups.items():
        parts += [f"### By {variable.replace('_', ' ')}\n", *table(frame)]
    if not content.changes.empty:
        parts += [f"## {_CHANGES}\n", content.changes_note + "\n", *table(content.changes)]
    parts += ["## Themes and survey answers\n", "### Pre-specified hypotheses\n",
              *[n + "\n" for n in [content.hypotheses_note] if n],
              *table(content.hypotheses, empty["hypotheses"]),
              f"### Exploratory associations (q \u2264 {content.max_q})\n",
              content.association_note + "\n",
              *table(content.associations, empty["associations"]),
              f"### Numeric answers (q \u2264 {content.max_q})\n",
              *[n + "\n" for n in [content.differences_note] if n],
              *table(content.differences, empty["differences"]),
              "## Joint displays\n"]
    for theme, frame in content.joint.items():
        parts += [f"### {content.labels.get(theme, theme)}\n", _md_joint(frame)]
    if content.glossary:
        parts += [f"## {_WORDS}\n", "\n".join(f"- **{_md_cell(t)}**: {_md_cell(d)}"
                                               for t, d in content.glossary) + "\n"]
    parts += ["## Notes\n"] + [n + "\n" for n in content.footnotes]
    parts += ["## Run manifest\n", "```json", json.dumps(content.manifest, indent=1,
                                                          sort_keys=True), "```\n"]
    return "\n".join(parts)


#: Word colours for text: those of python-docx's template below 4.5:1 contrast with white
#: (Heading 2 and 3, Caption: #4F81BD, 4.0:1) become the report's blue (#2B6F8E, 5.6:1).
_DOCX_TEXT = "2B6F8E"

#: The Word paragraph style of the run manifest's lines (monospaced, as in the HTML).
_DOCX_MANIFEST = "Manifest"


def _contrast_with_white(rgb: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


def _docx_setup(document: object, content: ReportContent) -> None:
    """A4 pages, British English, the title in the document's properties, and text colours
    that read on white."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    for section in document.sections:  # type: ignore[attr-defined]
        section.page_width, section.page_height = Mm(210), Mm(297)
    props = document.core_properties  # type: ignore[attr-defined]
    props.title, props.language, props.author = content.title, "en-GB", "carevoice"
    props.last_modified_by, props.comments = "carevoice", ""
    styles = document.styles  # type: ignore[attr-defined]
    for lang in styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "en-GB")
    for style in styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            continue
        color = style.font.color
        if color.type is not None and color.rgb is not None \
                and _contrast_with_white(str(color.rgb)) < 4.5:
            color.rgb = RGBColor.from_string(_DOCX_TEXT)
    # a caption stays on the page of its table; quotes are upright (long italic passages are
    # hard to read for many dyslexic readers) and keep their quotation marks and indentation
    styles["Caption"].paragraph_format.keep_with_next = True
    styles["Quote"].font.italic = False
    manifest = styles.add_style(_DOCX_MANIFEST, WD_STYLE_TYPE.PARAGRAPH)
    manifest.base_style = styles["Normal"]
    manifest.font.name, manifest.font.size = "Consolas", Pt(8)
    manifest.paragraph_format.space_after = Pt(0)
    manifest.paragraph_format.space_before = Pt(0)


def _docx_name_table(table: object, caption: str) -> None:
    """Mark the first row as the header row (repeated on each page, announced by screen
    readers) and give the table its title (Word's alt text)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr = table.rows[0]._tr  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(header)
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), caption)
    table._tbl.tblPr.append(title)  # type: ignore[attr-defined]


def _docx_table(document: object, frame: pd.DataFrame, caption: str,
                empty: str = "None.") -> None:
    if frame.empty:
        document.add_paragraph(empty)  # type: ignore[attr-defined]
        return
    _docx_caption(document, caption)
    table = document.add_table(rows=1, cols=len(frame.columns))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, frame.columns, strict=True):
        cell.text = _header(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    _docx_name_table(table, caption)


def _docx_caption(document: object, caption: str) -> None:
    """A table's caption, kept on the same page as the table below it."""
    paragraph = document.add_paragraph(caption, style="Caption")  # type: ignore[attr-defined]
    paragraph.paragraph_format.keep_with_next = True


def _docx_language(run: object, lang: str) -> None:
    """Set a run's language (``w:lang``), as Word's Review > Language does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), lang)
    rpr.append(tag)


def _docx_joint(document: object, frame: pd.DataFrame, caption: str) -> None:
    _docx_caption(document, caption)
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, _JOINT_HEAD, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
    for finding, quotes in _joint_groups(frame):
        cells = table.add_row().cells
        cells[0].text = finding
        if not quotes:
            cells[1].text = _NO_QUOTE
        for i, (text, who, lang) in enumerate(quotes):
            quote = cells[1].paragraphs[0] if i == 0 else cells[1].add_paragraph()
            quote.style = "Quote"
            run = quote.add_run(f"\u201c{text}\u201d")
            if lang:  # Word proofs and reads the quote in its own language
                _docx_language(run, lang)
            cells[1].add_paragraph(f"\u2014 {who}")
    _docx_name_table(table, caption)


def to_docx(content: ReportContent) -> bytes:
    """Render the report as a Word document.

    A4, British English, titled in the document's properties; tables have a caption, a title
    and a header row that repeats on each page; the chart has alternative text; quotes are in
    Word's Quote style.

    Parameters
    ----------
    content : ReportContent
        From :func:`carevoice.report.make_report`.

    Returns
    -------
    bytes
        The .docx file.

    Raises
    ------
    carevoice.ModelNotInstalledError
        If python-docx is not installed (``pip install carevoice[report]``).
    """
    try:
        from docx import Document
    except ImportError as e:  # pragma: no cover - an optional dependency
        from ..errors import ModelNotInstalledError

        raise ModelNotInstalledError("Word reports need python-docx: "
                                     "pip install 'carevoice[report]'") from e
    from .charts import chart_alt

    document = Document()
    _docx_setup(document, content)
    captions, empty = _captions(content), _empty(content)

    def table(frame: pd.DataFrame, caption: str, when_empty: str = "None.") -> None:
        _docx_table(document, frame, caption, when_empty)
        if content.suppression_note and _has_symbol(frame, content.symbol):
            document.add_paragraph(content.suppression_note)

    document.add_heading(content.title, level=0)
    document.add_paragraph(content.summary)
    if content.key_points:
        document.add_heading(_SUMMARY, level=1)
        for line in content.key_points:
            document.add_paragraph(line, style="List Bullet")
    if content.guide:
        document.add_heading(_GUIDE, level=1)
        for line in content.guide:
            document.add_paragraph(line, style="List Bullet")
    document.add_heading("How common each theme was", level=1)
    section = document.sections[0]
    shape = document.add_picture(io.BytesIO(content.chart_png), width=section.page_width
                                 - section.left_margin - section.right_margin)
    shape._inline.docPr.set("descr", chart_alt(content.ci_level))
    shape._inline.docPr.set("name", "Chart: how common each theme was")
    table(content.prevalence, captions["prevalence"])
    for variable, frame in content.subgroups.items():
        document.add_heading(f"By {variable.replace('_', ' ')}", level=2)
        table(frame, _subgroup_caption(variable))
    if not content.changes.empty:
        document.add_heading(_CHANGES, level=1)
        document.add_paragraph(content.changes_note)
        table(content.changes, captions["changes"])
    document.add_heading("Themes and survey answers", level=1)
    document.add_heading("Pre-specified hypotheses", level=2)
    if content.hypotheses_note:
        document.add_paragraph(content.hypotheses_note)
    table(content.hypotheses, captions["hypotheses"], empty["hypotheses"])
    document.add_heading(f"Exploratory associations (q \u2264 {content.max_q})", level=2)
    document.add_paragraph(content.association_note)
    table(content.associations, captions["associations"], empty["associations"])
    document.add_heading(f"Numeric answers (q \u2264 {content.max_q})", level=2)
    if content.differences_note:
        document.add_paragraph(content.differences_note)
    table(content.differences, captions["differences"], empty["differences"])
    document.add_heading("Joint displays", level=1)
    for theme, frame in content.joint.items():
        label = content.labels.get(theme, theme)
        document.add_heading(label, level=2)
        _docx_joint(document, frame, _joint_caption(label))
    if content.glossary:
        document.add_heading(_WORDS, level=1)
        for term, meaning in content.glossary:
            paragraph = document.add_paragraph()
            paragraph.add_run(term).bold = True
            paragraph.add_run(f": {meaning}")
    document.add_heading("Notes", level=1)
    for note in content.footnotes:
        document.add_paragraph(note)
    document.add_heading("Run manifest", level=1)
    document.add_paragraph(_MANIFEST_NOTE)
    for line in json.dumps(content.manifest, indent=1, sort_keys=True).splitlines():
        document.add_paragraph(line, style=_DOCX_MANIFEST)
    created = content.manifest.get("created")
    stamp = datetime.fromisoformat(created) if created else datetime(2000, 1, 1, tzinfo=UTC)
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.core_properties.last_printed = stamp
    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so that equal content gives equal bytes
    (python-docx stamps each part with the time it was saved)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
