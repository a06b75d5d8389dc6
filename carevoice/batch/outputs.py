"""The files of a batch run's ``outputs/`` folder: streamed tables, and clearing earlier ones.

``outputs/`` holds only what the latest run wrote: before a run writes its outputs,
:func:`clear_outputs` removes the files an earlier run may have left there (another
``output_format``, discovery or a report switched off since), by their names only. Files
carevoice never writes are left alone.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..schema import COMMENT_ID

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["OUTPUT_TABLES", "TableWriter", "as_strings", "clear_outputs", "codes_out",
           "write_respondents", "write_table"]

#: The tables a run writes into ``outputs/`` (as ``<name>.csv`` or ``<name>.parquet``).
OUTPUT_TABLES = ("comments", "spans", "codes", "prevalence", "associations", "numeric",
                 "topics", "topics_info", "respondents")
#: What :func:`carevoice.report.write_report` writes into ``outputs/report/`` (and, before
#: ``not-for-publication/`` held them, ``quotes.csv`` and ``analyst.json``).
_REPORT_FILES = ("report.html", "report.md", "report.docx", "manifest.json", "quotes.csv",
                 "analyst.json")
_REPORT_TABLES = ("prevalence", "associations", "differences", "hypotheses")


def clear_outputs(folder: Path) -> list[str]:
    """Remove the output files an earlier run left in ``folder``, by name; keep all others.

    Parameters
    ----------
    folder : pathlib.Path
        The run folder (its ``manifest.json`` and ``outputs/``).

    Returns
    -------
    list of str
        The removed files, relative to ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> folder = Path(scratch.name)
    >>> (folder / "outputs").mkdir()
    >>> for name in ("topics.csv", "my_notes.txt"):
    ...     _ = (folder / "outputs" / name).write_text("x")
    >>> clear_outputs(folder)
    ['outputs/topics.csv']
    >>> sorted(p.name for p in (folder / "outputs").iterdir())
    ['my_notes.txt']
    >>> scratch.cleanup()
    """
    from ..report.unpublished import UNPUBLISHED_FILES, UNPUBLISHED_FOLDER

    folder = Path(folder)
    out = folder / "outputs"
    report = out / "report"
    unpublished = report / UNPUBLISHED_FOLDER
    candidates = [folder / "manifest.json"]
    for name in OUTPUT_TABLES:
        for ext in ("csv", "parquet"):
            candidates += [out / f"{name}.{ext}", out / f".{name}.{ext}.tmp"]
    candidates += [out / "respondents.schema.json", out / "safeguarding_flags.csv",
                   out / "review_flags.csv", out / "review.csv",
                   out / UNPUBLISHED_FOLDER / "analyst.json",
                   out / "codes.manifest.json"]
    candidates += [report / name for name in _REPORT_FILES]
    candidates += [unpublished / name for name in UNPUBLISHED_FILES]
    candidates += [report / "tables" / f"{name}.csv" for name in _REPORT_TABLES]
    if (report / "tables").is_dir():
        candidates += sorted((report / "tables").glob("by_*.csv"))
    removed = []
    for path in candidates:
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path.relative_to(folder).as_posix())
    for empty in (report / "tables", unpublished, report, out / UNPUBLISHED_FOLDER):
        if empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
    return removed


class TableWriter:
    """Stream frames into one CSV or Parquet file, written under a temporary name.

    The rows go to a temporary file beside ``path`` (:class:`carevoice._atomic.AtomicFile`),
    synced and renamed over ``path`` by :meth:`close`. If writing fails, or :meth:`discard` is
    called, the temporary file is removed and ``path`` left as it was: never half-written.

    Parameters
    ----------
    path : pathlib.Path
        The file, replaced only by :meth:`close`.
    fmt : {"csv", "parquet"}
    """

    def __init__(self, path: Path, fmt: str) -> None:
        from .._atomic import AtomicFile

        self.path, self.fmt = path, fmt
        self._file = AtomicFile(path)
        self.tmp = self._file.tmp
        self._fh: Any = None
        self._writer: Any = None
        self.rows = 0

    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` (the first frame sets the columns).

        If this raises, the temporary file has been removed and the writer is finished.
        """
        try:
            self._write(frame)
        except BaseException:
            self.discard()
            raise
        self.rows += len(frame)

    def _write(self, frame: pd.DataFrame) -> None:
        if self.fmt == "csv":
            from .._files import write_csv_rows

            # LF lines, a text cell holding a bare carriage return quoted: the same bytes
            # whatever the chunking
            header = self._fh is None
            if header:
                self._fh = self.tmp.open("w", encoding="utf-8", newline="")
            write_csv_rows(frame, self._fh, header=header)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._writer is None:
                self._writer = pq.ParquetWriter(self.tmp, table.schema)
            self._writer.write_table(table.cast(self._writer.schema))

    def close(self, empty: pd.DataFrame) -> Path:
        """Finish the file (``empty`` gives the columns if nothing was written) and return it."""
        if self._fh is None and self._writer is None:
            self.write(empty)
        try:
            for handle in (self._fh, self._writer):
                if handle is not None:
                    handle.close()
            self._fh = self._writer = None
        except BaseException:
            self.discard()
            raise
        return self._file.commit()

    def discard(self) -> None:
        """Stop writing and remove the temporary file; ``path`` is left as it was."""
        for handle in (self._fh, self._writer):
            if handle is not None:
                with suppress(Exception):  # it is being thrown away
                    handle.close()
        self._fh = self._writer = None
        self._file.discard()


def as_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every column as pandas strings."""
    out = frame.copy()
    for col in out.columns:
        out[col] = out[col].astype("string")
    return out


def codes_out(codes: pd.DataFrame, fmt: str) -> pd.DataFrame:
    """The codes table as written: ``assigned`` as true/false in CSV, as ``carevoice code``."""
    out = codes[[COMMENT_ID, "theme", "score", "assigned"]].copy()
    out[COMMENT_ID] = out[COMMENT_ID].astype("string")
    out["score"] = out["score"].astype(float)
    if fmt == "csv":  # as `carevoice code` writes them
        out["assigned"] = out["assigned"].map({True: "true", False: "false"})
    return out


def write_table(frame: pd.DataFrame, path: Path, fmt: str) -> Path:
    """Write one frame to ``path`` (atomically) and return the path."""
    writer = TableWriter(path, fmt)
    writer.write(frame)
    return writer.close(frame)


def write_respondents(respondents: pd.DataFrame, folder: Path, fmt: str) -> Path:
    """Write a survey export's closed answers as ``respondents.<fmt>``, as ``convert`` does.

    The column types go in ``respondents.schema.json`` beside it, so that
    :func:`carevoice.read_respondents` reads the same levels and order back. Only the closed
    answers are written: the runner refuses a survey column that looks like free text.
    """
    import json

    from ..corpus import _schema_path, respondents_schema

    path = write_table(respondents, Path(folder) / f"respondents.{fmt}", fmt)
    schema = respondents_schema(respondents)
    _schema_path(path).write_text(json.dumps(schema, indent=1), "utf-8")
    return path
