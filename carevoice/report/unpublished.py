"""What a report folder holds for the analyst alone: its ``not-for-publication/`` subfolder.

:func:`carevoice.report.write_report` writes what may be published (``report.html``,
``report.docx``, ``report.md``, ``manifest.json`` and ``tables/``) in the report folder, and
what may not in a subfolder named for it, :data:`UNPUBLISHED_FOLDER`:

* ``quotes.csv``: every quote printed, with its ``comment_id``, the key from a quote to its
  comment (and, through the re-identification key, to the young person who wrote it), and
  its ``respondent_id``, for the next wave's report (``--earlier-report``), which quotes
  neither these words nor these young people again;
* ``analyst.json``: the exact counts that the report gives only in words when they are small
  (how many comments were withheld from quoting for safeguarding);
* ``cells.csv``: the report's prevalence cells with their exact counts and suppression marks,
  for the next report that prints a change from this wave (``--earlier-report``);
* ``README.txt``: why, for whoever opens the folder.

So the report folder less that subfolder can be published as a whole. Earlier versions
wrote ``quotes.csv`` and ``analyst.json`` beside the report: :func:`remove_earlier_layout`
removes such files when a report is written again into the same folder, so that a stale copy
is never published with the new report. ``cells.csv`` is read back by
:func:`read_earlier_cells` for a later report's change table, ``quotes.csv`` by
:func:`read_earlier_quotes` for a later report's quotes; the later report's manifest names
the earlier report by its published ``manifest.json`` (:func:`earlier_report_record`), never
by a file of this folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema import COMMENT_ID

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["UNPUBLISHED_FILES", "UNPUBLISHED_FOLDER", "earlier_report_record",
           "read_earlier_cells", "read_earlier_quotes", "remove_earlier_layout",
           "write_unpublished"]

#: The subfolder of a report folder that holds what is not for publication.
UNPUBLISHED_FOLDER = "not-for-publication"

#: The files :func:`write_unpublished` writes into :data:`UNPUBLISHED_FOLDER`.
UNPUBLISHED_FILES: tuple[str, ...] = ("README.txt", "quotes.csv", "analyst.json", "cells.csv")

#: The columns of ``cells.csv``.
CELL_COLUMNS = ("theme", "variable", "level", "n", "base", "suppressed", "base_suppressed")

#: What ``analyst.json`` records besides its note (how an earlier copy is recognised).
_ANALYST_KEY = "safeguarding_withheld_from_quotes"

_README = """\
NOT FOR PUBLICATION

carevoice wrote the files in this folder for the analyst. Keep them with the project, as you
keep the pseudonymised comments, and do not publish or share them with the report. The folder
above, less this one, is the report to publish: report.html, report.docx, report.md,
manifest.json and tables/.

- quotes.csv lists every quote the report prints, as printed, with its comment_id: the key
  from a quote back to its comment (and, with the re-identification key, to the young person
  who wrote it), and its respondent_id. Its "details" column names the quotes whose text
  holds an age, a house number or another number: read those before you publish. Give this
  folder to next year's report (carevoice report --earlier-report THIS_FOLDER), so that it
  quotes neither these words nor these young people again.
- analyst.json holds the exact counts that the report gives only in words when they are
  small (how many comments were withheld from quoting for safeguarding): a small count could
  point to the young people behind it.
- cells.csv holds the exact count of every cell of the report's tables, those shown as [c]
  included, and which were hidden. Give it to next year's report of a change from this
  wave (carevoice report --changes ... --earlier-report THIS_FOLDER), so that its change
  table hides what this report hid.
"""


def write_unpublished(quotes: pd.DataFrame, withheld: int, output_dir: str | Path,
                      cells: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write the analyst's files into ``output_dir / not-for-publication``.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The quotes printed, in the columns of ``quotes.csv``.
    withheld : int
        How many comments were withheld from quoting for safeguarding (the exact count).
    output_dir : str or pathlib.Path
        The report folder.
    cells : pandas.DataFrame, optional
        The report's cells and marks (:attr:`ReportContent.cells`), written as ``cells.csv``
        when it has rows.

    Returns
    -------
    dict of str to pathlib.Path
        ``unpublished_readme``, ``quotes``, ``analyst`` and (with ``cells``) ``cells``.
    """
    from .._files import write_csv_rows

    folder = Path(output_dir) / UNPUBLISHED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = {"unpublished_readme": folder / "README.txt", "quotes": folder / "quotes.csv",
               "analyst": folder / "analyst.json"}
    written["unpublished_readme"].write_text(_README, "utf-8")
    with written["quotes"].open("w", encoding="utf-8", newline="") as fh:
        write_csv_rows(quotes, fh)  # as the report's tables: LF lines, UTF-8
    written["analyst"].write_text(json.dumps({
        "note": "For the analyst, not for publication: exact counts that the report gives "
                "only when they are large enough to publish.",
        _ANALYST_KEY: withheld,
    }, indent=1, sort_keys=True), "utf-8")
    stale = folder / "cells.csv"
    if cells is not None and len(cells):
        written["cells"] = stale
        with stale.open("w", encoding="utf-8", newline="") as fh:
            write_csv_rows(cells.reindex(columns=list(CELL_COLUMNS)), fh)
    elif stale.is_file():  # an earlier report's marks, in a folder written again
        stale.unlink()
    return written


def read_earlier_cells(folder: str | Path, argument: str = "--earlier-report") -> pd.DataFrame:
    """Read the marks of an earlier report from its folder (``not-for-publication/cells.csv``).

    Parameters
    ----------
    folder : str or pathlib.Path
        The earlier report's folder (or its ``cells.csv``).
    argument : str
        How errors name the argument.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`CELL_COLUMNS`, typed.
    """
    import pandas as pd

    from ..errors import InputError

    path = _earlier_file(folder, "cells.csv", argument, "by this version of carevoice (write "
                         "that report again from its data)")
    frame = pd.read_csv(path, dtype={"theme": str, "variable": str, "level": str},
                        keep_default_na=False)
    missing = [c for c in CELL_COLUMNS if c not in frame]
    if missing:
        raise InputError(f"The {argument} file {path.name} lacks the columns {missing}.")
    for column in ("n", "base"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in ("suppressed", "base_suppressed"):
        frame[column] = frame[column].astype(str).str.lower().isin(["true", "1"])
    return frame


def read_earlier_quotes(folder: str | Path, argument: str = "--earlier-report"
                        ) -> pd.DataFrame:
    """Read the quotes of an earlier report from its folder (``not-for-publication/quotes.csv``).

    A report written before ``quotes.csv`` recorded ``respondent_id`` is read too: its
    quotes' words are checked, their authors cannot be.

    Parameters
    ----------
    folder : str or pathlib.Path
        The earlier report's folder (or its ``quotes.csv``).
    argument : str
        How errors name the argument.

    Returns
    -------
    pandas.DataFrame
        ``text`` and ``respondent_id`` (``""`` where the file does not record it).

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> (folder / UNPUBLISHED_FOLDER).mkdir()
    >>> _ = (folder / UNPUBLISHED_FOLDER / "quotes.csv").write_text(
    ...     "theme,rank,comment_id,attribution,text\\nmoney,1,c7,in care,Not enough.\\n")
    >>> read_earlier_quotes(folder).to_dict("records")
    [{'text': 'Not enough.', 'respondent_id': ''}]
    >>> scratch.cleanup()
    """
    import pandas as pd

    from ..errors import InputError
    from ..schema import RESPONDENT_ID, TEXT

    path = _earlier_file(folder, "quotes.csv", argument, "by carevoice")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:  # a report that printed no quote
        frame = pd.DataFrame({TEXT: pd.Series(dtype=str)})
    if TEXT not in frame:
        raise InputError(f"The {argument} file {path.name} lacks the column 'text'.")
    ids = frame.get(RESPONDENT_ID, "")
    return pd.DataFrame({TEXT: frame[TEXT], RESPONDENT_ID: ids}).reset_index(drop=True)


def earlier_report_record(folder: str | Path) -> dict[str, str | None]:
    """How a later report's manifest names an earlier report it was checked against.

    The earlier report's folder name, the SHA-256 of its ``manifest.json`` and when that
    manifest says the report was made (``created``, where it records it), so that a reader of
    the later report can tell which published report its quotes and cells were checked
    against. Never the checksum of a file of :data:`UNPUBLISHED_FOLDER`: the later manifest is
    published, and ``cells.csv`` or ``quotes.csv`` are not (see
    :func:`carevoice.provenance.published_outputs`). ``manifest.json`` is published with the
    earlier report, and itself holds the checksums of that report's published files.

    Parameters
    ----------
    folder : str or pathlib.Path
        The earlier report's folder, or a file of its :data:`UNPUBLISHED_FOLDER` (as
        ``--earlier-report`` takes them).

    Returns
    -------
    dict
        ``folder`` (its name), ``manifest_sha256`` (None when the folder holds no
        ``manifest.json``) and, where the manifest records it, ``created``.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name) / "report-2024"
    >>> (folder / UNPUBLISHED_FOLDER).mkdir(parents=True)
    >>> _ = (folder / "manifest.json").write_text('{"created": "2025-03-01T10:00:00+00:00"}')
    >>> record = earlier_report_record(folder / UNPUBLISHED_FOLDER / "quotes.csv")
    >>> record["folder"], record["manifest_sha256"][:8], record["created"]
    ('report-2024', '7648d264', '2025-03-01T10:00:00+00:00')
    >>> scratch.cleanup()
    """
    from ..provenance import file_sha256

    path = Path(folder).absolute()  # "." has no name
    while UNPUBLISHED_FOLDER in path.parts:  # a file of the earlier report's folder for it
        path = path.parent
    manifest = path / "manifest.json"
    record: dict[str, str | None] = {"folder": path.name, "manifest_sha256": None}
    if manifest.is_file():
        record["manifest_sha256"] = file_sha256(manifest)
        try:
            created = json.loads(manifest.read_text("utf-8")).get("created")
        except (OSError, ValueError, AttributeError):
            created = None
        if isinstance(created, str):
            record["created"] = created
    return record


def _earlier_file(folder: str | Path, name: str, argument: str, written: str) -> Path:
    """An earlier report's ``not-for-publication/<name>`` (or ``folder`` itself, when it is
    that file); an error that names the argument if there is none.

    ``written`` ends the message: "give the folder of a report written <written>."
    """
    from ..errors import InputError

    path = Path(folder)
    if path.is_dir():
        path = path / UNPUBLISHED_FOLDER / name
    if not path.is_file():
        raise InputError(f"The {argument} {Path(folder).name} holds no "
                         f"{UNPUBLISHED_FOLDER}/{name}: give the folder of a report written "
                         f"{written}.")
    return path


def _earlier_analyst_file(path: Path) -> bool:
    try:
        record = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and _ANALYST_KEY in record


def _earlier_quotes_file(path: Path, columns: tuple[str, ...]) -> bool:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            header = fh.readline().rstrip("\r\n").split(",")
    except (OSError, UnicodeDecodeError):
        return False
    return COMMENT_ID in header and set(header) <= set(columns)


def remove_earlier_layout(output_dir: str | Path, quote_columns: tuple[str, ...]
                          ) -> list[Path]:
    """Remove the ``quotes.csv`` and ``analyst.json`` an earlier carevoice left beside a report.

    Only files that carevoice wrote are removed, recognised by their content: an
    ``analyst.json`` recording the safeguarding count, a ``quotes.csv`` whose header has
    ``comment_id`` and only columns of ``quote_columns``. Any other file of those names is
    left alone.

    Parameters
    ----------
    output_dir : str or pathlib.Path
        The report folder.
    quote_columns : tuple of str
        The columns ``quotes.csv`` may have.

    Returns
    -------
    list of pathlib.Path
        The files removed.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> _ = (folder / "analyst.json").write_text('{"safeguarding_withheld_from_quotes": 2}')
    >>> _ = (folder / "quotes.csv").write_text("my own table\\n")
    >>> [p.name for p in remove_earlier_layout(folder, ("theme", "comment_id"))]
    ['analyst.json']
    >>> sorted(p.name for p in folder.iterdir())
    ['quotes.csv']
    >>> scratch.cleanup()
    """
    folder = Path(output_dir)
    removed = []
    for path, earlier in ((folder / "analyst.json", _earlier_analyst_file),
                          (folder / "quotes.csv",
                           lambda p: _earlier_quotes_file(p, quote_columns))):
        if path.is_file() and not path.is_symlink() and earlier(path):
            path.unlink()
            removed.append(path)
    return removed
