"""Render a :class:`~carevoice.report.build.ReportContent` as HTML, Markdown or Word.

The HTML is one self-contained file: inline CSS, the chart as inline SVG, no scripts, no fonts,
no links to load. The Word document (python-docx) carries the same sections for report writers;
the chart goes in as a PNG. Every string is escaped; nothing here computes a statistic.
"""

from __future__ import annotations

import html
import io
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .build import ReportContent

__all__ = ["to_docx", "to_html", "to_markdown"]

#: The heading of the section that compares survey waves.
_CHANGES = "Change between waves"

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:62rem;
margin:2rem auto;padding:0 1rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #2b6f8e}
h3{margin-top:1.6rem;color:#2b6f8e}table{border-collapse:collapse;margin:.6rem 0 1rem;
font-size:.88rem;width:100%}th,td{border:1px solid #c9d3da;padding:.3rem .5rem;
vertical-align:top;text-align:left}th{background:#eef3f6}td.num{text-align:right;
white-space:nowrap}.joint td{width:50%}blockquote{margin:.2rem 0;padding:.3rem .7rem;
border-left:4px solid #2b6f8e;background:#f6f9fb}.attr{color:#555;font-size:.85rem}
.note{font-size:.85rem;color:#444}.chart svg{max-width:100%;height:auto}
pre{background:#f4f4f4;padding:.6rem;font-size:.78rem;overflow-x:auto}
"""


def _html_table(frame: pd.DataFrame, css: str = "") -> str:
    if frame.empty:
        return '<p class="note">None.</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for _, row in frame.iterrows():
        cells = []
        for i, value in enumerate(row):
            cls = ' class="num"' if i > 0 else ""
            cells.append(f"<td{cls}>{html.escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{css}"' if css else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html_joint(frame: pd.DataFrame) -> str:
    rows = []
    for _, r in frame.iterrows():
        finding = html.escape(r["finding"])
        quote = ""
        if r["quote"]:
            quote = (f"<blockquote>{html.escape(r['quote'])}</blockquote>"
                     f'<div class="attr">{html.escape(r["attribution"])}</div>')
        rows.append(f"<tr><td>{finding}</td><td>{quote}</td></tr>")
    return ('<table class="joint"><thead><tr><th>What the survey answers show</th>'
            "<th>What young people wrote</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


def to_html(content: ReportContent) -> str:
    """Render the report as one self-contained HTML page.

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
    parts = [
        "<!DOCTYPE html>", '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(content.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(content.title)}</h1>",
        f'<p class="note">{e(content.summary)}</p>',
        "<h2>How common each theme was</h2>",
        f'<div class="chart">{content.chart_svg.decode("utf-8").split("?>", 1)[-1]}</div>',
        _html_table(content.prevalence),
    ]
    for variable, table in content.subgroups.items():
        parts += [f"<h3>By {e(variable.replace('_', ' '))}</h3>", _html_table(table)]
    if not content.changes.empty:
        parts += [f"<h2>{_CHANGES}</h2>", f'<p class="note">{e(content.changes_note)}</p>',
                  _html_table(content.changes)]
    parts += ["<h2>Themes and survey answers</h2>", "<h3>Pre-specified hypotheses</h3>",
              _html_table(content.hypotheses),
              f"<h3>Exploratory associations (q &le; {content.max_q})</h3>",
              f'<p class="note">{e(content.association_note)}</p>',
              _html_table(content.associations),
              f"<h3>Numeric answers (q &le; {content.max_q})</h3>",
              _html_table(content.differences),
              "<h2>Joint displays</h2>"]
    for theme, frame in content.joint.items():
        parts += [f"<h3>{e(content.labels.get(theme, theme))}</h3>", _html_joint(frame)]
    parts += ["<h2>Notes</h2>"] + [f'<p class="note">{e(n)}</p>' for n in content.footnotes]
    parts += ["<h2>Run manifest</h2>",
              f"<pre>{e(json.dumps(content.manifest, indent=1, sort_keys=True))}</pre>",
              "</body></html>"]
    return "\n".join(parts) + "\n"


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", "<br>")


def _md_table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "_None._\n"
    lines = ["| " + " | ".join(_md_cell(c) for c in frame.columns) + " |",
             "|" + "|".join("---" for _ in frame.columns) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


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
    parts = [f"# {content.title}\n", content.summary + "\n",
             "## How common each theme was\n", _md_table(content.prevalence)]
    for variable, table in content.subgroups.items():
        parts += [f"### By {variable.replace('_', ' ')}\n", _md_table(table)]
    if not content.changes.empty:
        parts += [f"## {_CHANGES}\n", content.changes_note + "\n", _md_table(content.changes)]
    parts += ["## Themes and survey answers\n", "### Pre-specified hypotheses\n",
              _md_table(content.hypotheses),
              f"### Exploratory associations (q <= {content.max_q})\n",
              content.association_note + "\n", _md_table(content.associations),
              f"### Numeric answers (q <= {content.max_q})\n", _md_table(content.differences),
              "## Joint displays\n"]
    for theme, frame in content.joint.items():
        parts.append(f"### {content.labels.get(theme, theme)}\n")
        parts.append(_md_table(frame.drop(columns=["kind"]).rename(columns={
            "finding": "What the survey answers show", "quote": "What young people wrote",
            "attribution": "Who"})))
    parts += ["## Notes\n"] + [n + "\n" for n in content.footnotes]
    parts += ["## Run manifest\n", "```json", json.dumps(content.manifest, indent=1,
                                                          sort_keys=True), "```\n"]
    return "\n".join(parts)


def _docx_table(document: object, frame: pd.DataFrame) -> None:
    if frame.empty:
        document.add_paragraph("None.")  # type: ignore[attr-defined]
        return
    table = document.add_table(rows=1, cols=len(frame.columns))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, frame.columns, strict=True):
        cell.text = str(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def to_docx(content: ReportContent) -> bytes:
    """Render the report as a Word document.

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
        from docx.shared import Inches
    except ImportError as e:  # pragma: no cover - an optional dependency
        from ..errors import ModelNotInstalledError

        raise ModelNotInstalledError("Word reports need python-docx: "
                                     "pip install 'carevoice[report]'") from e
    document = Document()
    document.add_heading(content.title, level=0)
    document.add_paragraph(content.summary)
    document.add_heading("How common each theme was", level=1)
    document.add_picture(io.BytesIO(content.chart_png), width=Inches(6.3))
    _docx_table(document, content.prevalence)
    for variable, table in content.subgroups.items():
        document.add_heading(f"By {variable.replace('_', ' ')}", level=2)
        _docx_table(document, table)
    if not content.changes.empty:
        document.add_heading(_CHANGES, level=1)
        document.add_paragraph(content.changes_note)
        _docx_table(document, content.changes)
    document.add_heading("Themes and survey answers", level=1)
    document.add_heading("Pre-specified hypotheses", level=2)
    _docx_table(document, content.hypotheses)
    document.add_heading(f"Exploratory associations (q <= {content.max_q})", level=2)
    document.add_paragraph(content.association_note)
    _docx_table(document, content.associations)
    document.add_heading(f"Numeric answers (q <= {content.max_q})", level=2)
    _docx_table(document, content.differences)
    document.add_heading("Joint displays", level=1)
    for theme, frame in content.joint.items():
        document.add_heading(content.labels.get(theme, theme), level=2)
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = "What the survey answers show"
        table.rows[0].cells[1].text = "What young people wrote"
        for _, r in frame.iterrows():
            cells = table.add_row().cells
            cells[0].text = r["finding"]
            if r["quote"]:
                cells[1].text = f"\u201c{r['quote']}\u201d"
                cells[1].add_paragraph(f"\u2014 {r['attribution']}")
    document.add_heading("Notes", level=1)
    for note in content.footnotes:
        document.add_paragraph(note)
    document.add_heading("Run manifest", level=1)
    document.add_paragraph(json.dumps(content.manifest, indent=1, sort_keys=True))
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
