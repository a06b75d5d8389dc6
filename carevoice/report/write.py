"""Write a computed report: the documents, the manifest, the tables and what is not for
publication (:func:`write_report`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from .content import FORMATS, QUOTE_KEY_COLUMNS, ReportContent


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a report table as carevoice writes every CSV file (LF lines, UTF-8)."""
    from .._files import write_csv_rows

    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv_rows(frame, fh)


def _file_part(name: str) -> str:
    """A column name as part of a file name on any system: the characters Windows refuses
    (``: ? * / \\ | " < >``, as in "What do you do in your free time?: Sport") become ``_``.

    Examples
    --------
    >>> _file_part("What do you do in your free time?: Sport"), _file_part("age_group")
    ('What do you do in your free time__ Sport', 'age_group')
    """
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", str(name))


def write_report(content: ReportContent, output_dir: str | Path, *,
                 formats: Sequence[str] = FORMATS) -> dict[str, Path]:
    """Write a computed report: the documents, ``manifest.json``, ``tables/*.csv``, quotes.

    The folder holds what may be published; its subfolder ``not-for-publication/`` (with a
    ``README.txt`` saying why) what may not (:mod:`carevoice.report.unpublished`).
    ``not-for-publication/quotes.csv`` lists exactly the quotes printed (pseudonymised, as
    printed, tags numbered within each quote) with their theme, group, rank, attribution,
    ``details`` (an exact age, a house number or another number in the text: see
    :func:`carevoice.quotes.quote_details`) and ``comment_id``: the analyst's key to find a
    quote's comment, for example to re-identify it with ``carevoice reidentify``.
    ``not-for-publication/analyst.json`` holds the exact counts that the report gives only in
    words when they are small (how many comments were withheld from quoting for
    safeguarding). A ``quotes.csv`` or ``analyst.json`` that an earlier version wrote beside
    the report is removed.

    Parameters
    ----------
    content : ReportContent
        From :func:`make_report`.
    output_dir : str or pathlib.Path
        The folder (created if missing).
    formats : sequence of str, default ("html", "docx", "md")
        Which of :data:`FORMATS` to write.

    Returns
    -------
    dict of str to pathlib.Path
        Output name to path: ``html``, ``docx``, ``md``, ``manifest``, ``table_<name>``,
        and, in ``not-for-publication/``, ``quotes``, ``analyst`` and ``unpublished_readme``.
    """
    import json

    from .render import to_docx, to_html, to_markdown
    from .unpublished import remove_earlier_layout, write_unpublished

    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(f"The 'formats' argument of write_report must list some of "
                         f"{list(FORMATS)}. Got {list(formats)!r} instead.")
    out = Path(output_dir)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "html" in formats:
        written["html"] = out / "report.html"
        written["html"].write_text(to_html(content), "utf-8")
    if "md" in formats:
        written["md"] = out / "report.md"
        written["md"].write_text(to_markdown(content), "utf-8")
    if "docx" in formats:
        written["docx"] = out / "report.docx"
        written["docx"].write_bytes(to_docx(content))
    tables = {"prevalence": content.prevalence, "associations": content.associations,
              "differences": content.differences, "hypotheses": content.hypotheses,
              **{f"by_{_file_part(v)}": t for v, t in content.subgroups.items()},
              **({"changes": content.changes} if not content.changes.empty else {})}
    for name, table in tables.items():
        written[f"table_{name}"] = out / "tables" / f"{name}.csv"
        _write_csv(table, written[f"table_{name}"])
    # What is not for publication (each quote's comment_id, the exact counts the published
    # text gives only in words when small) goes in a subfolder named for it, so that the
    # report folder less that subfolder can be published; an earlier version's copies beside
    # the report are removed.
    remove_earlier_layout(out, QUOTE_KEY_COLUMNS)
    quotes = content.quotes
    written.update(write_unpublished(
        quotes.reindex(columns=[c for c in QUOTE_KEY_COLUMNS if c in quotes.columns]),
        content.safeguarding_withheld, out, cells=content.cells))
    # The file holds the record printed in the report, and what the report cannot hold: the
    # command that made it and the SHA-256 of the files to publish (the documents among them).
    written["manifest"] = out / "manifest.json"
    written["manifest"].write_text(json.dumps(_file_manifest(content.manifest, written, out),
                                              indent=1, sort_keys=True), "utf-8")
    return written


def _file_manifest(manifest: Mapping[str, Any], written: Mapping[str, Path],
                  folder: Path) -> dict[str, Any]:
    """The report's ``manifest.json``: the manifest printed in the report, with ``command``
    (:func:`carevoice.provenance.command_line`: files by name, the report's folder as
    ``"."``; ``[]`` when the report was made from Python) and ``outputs`` (each file to
    publish, by its path in the folder, and its SHA-256). The files of
    ``not-for-publication/`` are left out: the manifest is published with the report, and
    the checksum of a file that holds one small count (``analyst.json``) would give the
    count away to anyone who tries each number.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> _ = (folder / "report.md").write_text("# Report")
    >>> m = _file_manifest({"seed": None}, {"md": folder / "report.md"}, folder)
    >>> m["command"], m["outputs"]["md"]["file"], m["outputs"]["md"]["sha256"][:8]
    ([], 'report.md', '04e1d146')
    >>> scratch.cleanup()
    """
    from ..provenance import command_line, file_sha256
    from .unpublished import UNPUBLISHED_FOLDER

    files = {name: path.relative_to(folder) for name, path in sorted(written.items())
             if path.is_file() and name != "manifest"}
    return {**manifest, "command": command_line(names_only=True, here=folder),
            "outputs": {name: {"file": path.as_posix(), "sha256": file_sha256(folder / path)}
                        for name, path in files.items()
                        if path.parts[0] != UNPUBLISHED_FOLDER}}
