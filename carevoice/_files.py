"""Read and write table files: CSV (encodings, separators), XLSX and Parquet; read SPSS and Stata.

The public names (:func:`read_table`, :func:`write_table`, :func:`decode_bytes`,
:func:`check_output_path`) are re-exported by :mod:`carevoice.corpus`. Every problem with a file
is an :class:`~carevoice.errors.InputError` that names the file and, where known, the line; no
message quotes a cell, which may hold a child's words.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, NoReturn

import numpy as np
import pandas as pd

from ._argnames import file_argument, phrase
from ._atomic import write_atomic
from ._excel_errors import formula_texts, lost_to_formula, warn_error_values, warn_formula_cells
from ._formulas import escape_apostrophes, escape_formula, escape_formulas, unescape_formulas
from ._headers import (  # noqa: F401 - shown_header, describe_columns: re-exported
    _frame,
    _header,
    describe_columns,
    header_looks_like_data,
    shown_header,
)
from ._output_paths import check_writable
from ._platforms import platform_header_rows
from ._stat_files import STAT_SUFFIXES, FileVariables, LabelledColumn, read_stat_file
from .errors import InputError
from .schema import COMMENT_ID, RESPONDENT_ID

logger = logging.getLogger("carevoice.corpus")

_SUFFIXES = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
             ".parquet": "parquet", ".pq": "parquet"}
#: The separators a CSV file's header line is searched for, in order of preference on a tie.
SEPARATORS: tuple[str, ...] = (",", ";", "\t", "|")
_SEP_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
# Excel escapes characters in shared strings as _xHHHH_ (a literal "_x" as _x005F_x).
_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True)
class Table:
    """A file read as strings, with where each row came from (internal hand-off).

    Parameters
    ----------
    frame : pandas.DataFrame
        The cells, ``str`` or ``<NA>``, with a default index.
    rows : numpy.ndarray
        For each row of ``frame``, its 1-based line number in a CSV file (the line where the
        record starts; the header is line 1 unless blank lines precede it), its row number in a
        spreadsheet, or its 1-based position in a Parquet file or a frame in memory.
    unit : str
        ``"line"`` (CSV), ``"row"`` (XLSX, Parquet) or ``"position"`` (a frame in memory).
    name : str
        The file name, for messages.
    variables : FileVariables
        For an SPSS or Stata file, what it says about its variables
        (:mod:`carevoice._stat_files`): the questions whose answers carry value labels, with
        the labels in the order of their codes (:attr:`labelled`), the question wording
        (variable labels, :attr:`wording`) and the string variables without value labels
        (:attr:`text_variables`); otherwise empty.
    """

    @classmethod
    def of_frame(cls, frame: pd.DataFrame, name: str = "the frame") -> Table:
        """A frame in memory: rows are counted by position from 1."""
        return cls(frame, np.arange(1, len(frame) + 1), "position", name)

    frame: pd.DataFrame
    rows: np.ndarray
    unit: str
    name: str
    variables: FileVariables = field(default_factory=FileVariables)

    @property
    def labelled(self) -> Mapping[str, LabelledColumn]:
        """The questions whose answers carry value labels (SPSS, Stata), by column."""
        return self.variables.labelled

    @property
    def wording(self) -> Mapping[str, str]:
        """The question wording of each column that has one (SPSS and Stata variable labels)."""
        return self.variables.wording

    @property
    def text_variables(self) -> frozenset[str]:
        """The string variables of an SPSS or Stata file that have no value labels."""
        return self.variables.text

    def renamed(self, mapping: Mapping[str, str] | None) -> Table:
        """The same table with columns renamed (the frame and what the file says of them)."""
        if not mapping:
            return self
        return replace(self, frame=self.frame.rename(columns=dict(mapping)),
                       variables=self.variables.renamed(mapping))

    def where(self, positions: Iterable[int]) -> tuple[int, ...]:
        """The row numbers of the given 0-based frame positions."""
        return tuple(int(self.rows[i]) for i in positions)

    @property
    def counting(self) -> str:
        """How the row numbers of a message count, in words."""
        if self.unit == "line":
            return f"line numbers in {self.name}, the header being line 1"
        if self.unit == "row":
            return f"row numbers in {self.name}, the header being row 1"
        return f"rows of {self.name} counted from 1"


# --------------------------------------------------------------------------------------------
# Formats and output paths
# --------------------------------------------------------------------------------------------
def format_of(path: Path, argument: str = "The 'path' argument",
              hint: str = "Save it as CSV or XLSX first.") -> str:
    """The reader for a file suffix: ``"csv"``, ``"xlsx"`` or ``"parquet"``."""
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{argument} must name a .csv, .xlsx or .parquet file; got a "
            f"{path.suffix or 'suffix-less'} file ({path.name}). {hint}"
        )
    return fmt


def check_output_path(path: str | Path, *, argument: str = "--output", kind: str = "table",
                      suffixes: Sequence[str] | None = None, hint: str | None = None) -> Path:
    """Check, before any work is done, that an output can be written where the user asked.

    Commands call this on their output options first, so that a typo does not cost a long run
    and a folder given where a file is expected is a clear error, not a crash at the end. The
    folder that will hold the output must exist or be creatable, and take a new file: a
    temporary file is made and removed in the nearest existing folder
    (:func:`carevoice._output_paths.check_writable`).

    Parameters
    ----------
    path : str or pathlib.Path
        The output path.
    argument : str, default "--output"
        The option (``"--output"``) or argument (``"path"``) name, for the message.
    kind : {"table", "file", "folder"}, default "table"
        A table file (``.csv``, ``.xlsx`` or ``.parquet``), any other file, or a folder
        (created if missing).
    suffixes : sequence of str, optional
        For ``kind="file"``: the suffixes allowed, e.g. ``(".qdpx",)``.
    hint : str, optional
        For ``kind="file"``: a sentence said after a suffix not allowed (why that format);
        default: which suffix to give.

    Returns
    -------
    pathlib.Path
        ``path`` as a :class:`~pathlib.Path`.

    Raises
    ------
    InputError
        If a file is expected and ``path`` is an existing folder or has a suffix not allowed,
        if a folder is expected and ``path`` is an existing file, if a parent of ``path`` is
        a file, or if the nearest existing folder at or above ``path``'s takes no new file (a
        folder without write permission, a read-only file system).

    Examples
    --------
    >>> check_output_path("codes.csv")
    PosixPath('codes.csv')
    >>> check_output_path("codes.docx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The --output option must name a .csv, .xlsx or .parquet file; ...
    """
    if kind not in {"table", "file", "folder"}:
        raise InputError(f"The 'kind' argument of check_output_path must be 'table', 'file' or "
                         f"'folder'. Got {kind!r} instead.")
    path = Path(path)
    what = phrase(argument)
    if kind == "folder":
        if path.exists() and not path.is_dir():
            raise InputError(f"{what} must name a folder; {path} is a file. Give a new or "
                             "existing folder.")
    elif path.is_dir():
        raise InputError(f"{what} names a folder ({path}); give a file name in it instead, "
                         f"such as {path / ('output.csv' if kind == 'table' else 'output')}.")
    elif kind == "table":
        format_of(path, what, "Give the file name one of these suffixes.")
    elif suffixes is not None and path.suffix.lower() not in {s.lower() for s in suffixes}:
        allowed = " or ".join(suffixes)
        raise InputError(f"{what} must name a {allowed} file; got {path.name}. "
                         f"{hint or f'Give the file name the suffix {allowed}.'}")
    check_writable(path, what, folder=kind == "folder")
    return path


# --------------------------------------------------------------------------------------------
# Decoding and separators
# --------------------------------------------------------------------------------------------
def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, encoding: str | None = None, *,
                 name: str = "The file") -> tuple[str, str]:
    """Decode a text file's bytes, detecting UTF-8 (with or without BOM), UTF-16, UTF-32 and
    Windows-1252.

    A file that is UTF-8 in some lines and Windows-1252 in others (comments pasted in from
    different places) is refused: decoding it either way would garble some comments. So is a
    file that starts with a UTF-8 byte-order mark (BOM) but has lines that are not UTF-8.

    A byte-order mark says the encoding, and a forced ``encoding`` must agree with it: with
    ``"utf-8"``, Excel's "CSV UTF-8" (which starts with a mark) is read as ``"utf-8-sig"``,
    the mark dropped; with an 8-bit encoding such as ``"cp1252"`` or ``"latin-1"``, a file
    with a UTF-8, UTF-16 or UTF-32 mark is an error that says which encoding the file is
    (decoded as Windows-1252, the mark would become ``ï»¿`` in the first column's name). UTF-16
    and UTF-32 are known only by their marks (little- or big-endian): without one, such a file
    is read as UTF-8 or Windows-1252.

    Parameters
    ----------
    data : bytes
        The raw file content.
    encoding : str or None
        Force an encoding instead of detecting it.
    name : str, default "The file"
        The file's name, for messages.

    Returns
    -------
    (str, str)
        The text and the encoding used (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``,
        ``"utf-32"`` or ``"cp1252"``; ``encoding`` when given, but ``"utf-8-sig"``,
        ``"utf-16"`` or ``"utf-32"`` for a file with a byte-order mark).

    Raises
    ------
    InputError
        If the bytes are not valid in the forced encoding, start with a byte-order mark of
        another encoding than the one forced, mix UTF-8 and Windows-1252 (a UTF-8 mark
        followed by lines that are not UTF-8 included), or are neither; naming the 1-based
        line of the first bad byte.

    Examples
    --------
    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfid")
    ('id', 'utf-8-sig')
    >>> decode_bytes(b"\\xef\\xbb\\xbfid", "utf-8")
    ('id', 'utf-8-sig')
    >>> decode_bytes("id".encode("utf-32"))  # a mark, then four bytes a character
    ('id', 'utf-32')
    >>> decode_bytes("id\\ncafé\\n".encode() + "don’t".encode("cp1252"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.errors.InputError: The file mixes encodings: line 2 is UTF-8 but line 3 is not ...
    """
    if encoding is not None:
        return _decode_as(data, encoding, name)
    bom = _bom_of(data)
    if bom is not None:
        return _decode_by_mark(data, bom, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        _refuse_mixed(data, name)
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as e:
            raise InputError(
                f"{name} is neither UTF-8 (bad byte on line {_line_of(data, utf8_error.start)}) "
                f"nor Windows-1252 (bad byte on line {_line_of(data, e.start)}). Re-save it "
                "from Excel as 'CSV UTF-8', or give the encoding it was saved with."
            ) from e


_UTF8_BOM = b"\xef\xbb\xbf"

#: The byte-order marks and the encodings they name, in the order they are tried: UTF-32's
#: little-endian mark begins with UTF-16's (``FF FE`` then ``00 00``), so it comes first (a
#: UTF-16 file whose first character is U+0000 is no table carevoice could read anyway).
_MARKS: tuple[tuple[bytes, str], ...] = (
    (_UTF8_BOM, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

#: How a message names the encoding of each mark.
_MARK_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def _bom_of(data: bytes) -> str | None:
    """The Unicode encoding a file's byte-order mark names (``"utf-8"``, ``"utf-16"``,
    ``"utf-32"``), if any.

    Examples
    --------
    >>> _bom_of("id".encode("utf-32")), _bom_of("id".encode("utf-16")), _bom_of(b"id")
    ('utf-32', 'utf-16', None)
    """
    return next((name for mark, name in _MARKS if data.startswith(mark)), None)


def _decode_as(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    """Decode with the encoding the user gave, which a byte-order mark must not contradict.

    A UTF-8 mark (Excel's "CSV UTF-8") with ``utf-8`` given is read as ``utf-8-sig``, the mark
    dropped; a UTF-16 or UTF-32 mark with a UTF-16 or UTF-32 encoding is read as ``utf-16`` or
    ``utf-32`` (the mark gives the byte order, and is dropped). A mark of another encoding
    than the one given is an error that says which encoding the file is: decoding the mark as
    Windows-1252 would put ``ï»¿`` in the first column's name. A UTF-8 mark followed by lines
    that are not UTF-8 is refused as mixed.
    """
    try:
        family = codecs.lookup(encoding).name
    except LookupError as e:
        raise InputError(f"The encoding {encoding!r} is unknown; use e.g. 'utf-8' or "
                         "'cp1252' (Excel's plain CSV).") from e
    bom = _bom_of(data)
    agrees = (family in {"utf-8", "utf-8-sig"} if bom == "utf-8"
              else bom is not None and family.startswith(bom))
    if agrees or bom == "utf-8":  # a UTF-8 mark before lines not UTF-8 is refused as mixed
        decoded = _decode_by_mark(data, bom, name)
        if agrees:
            return decoded
    if bom is not None:
        said = _MARK_NAMES[bom]
        garbled = ("" if family.startswith("utf-") else f" (read as {encoding!r}, the mark "
                   "would become part of the first column's name)")
        raise InputError(
            f"{name} starts with a {said} byte-order mark, so it is {said}, not {encoding!r} "
            f"as the 'encoding' argument says{garbled}. Leave the encoding out to detect it, "
            f"or give {bom}."
        )
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name} is not valid {encoding} (line {_line_of(data, e.start)}, byte "
            f"{e.start}); leave the encoding out to detect it, or give the encoding it "
            "was saved with."
        ) from e


def _decode_by_mark(data: bytes, bom: str, name: str) -> tuple[str, str]:
    """Decode a file in the encoding its byte-order mark names (``bom``, from :func:`_bom_of`).

    A UTF-8 mark gives ``"utf-8-sig"`` (the mark dropped), a UTF-16 mark ``"utf-16"`` and a
    UTF-32 mark ``"utf-32"`` (the mark gives the byte order); bytes after a UTF-8 mark that are
    not UTF-8 are refused as mixed.
    """
    if bom == "utf-8":
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            _refuse_after_bom(data, name, e)
    try:
        return data.decode(bom), bom
    except UnicodeDecodeError as e:
        said = _MARK_NAMES[bom]
        raise InputError(f"{name} starts like {said} but is not valid {said} (byte "
                         f"{e.start}). Re-save it from Excel as 'CSV UTF-8'.") from e


def _refuse_after_bom(data: bytes, name: str, error: UnicodeDecodeError) -> NoReturn:
    """Raise for a file that starts with a UTF-8 byte-order mark but holds lines not UTF-8.

    ``error`` is that of decoding the bytes after the mark as UTF-8.
    """
    _refuse_mixed(data, name)  # UTF-8 lines with non-ASCII text and others: both line numbers
    line = _line_of(data, error.start + 3)
    raise InputError(
        f"{name} mixes encodings: it starts with a UTF-8 byte-order mark (Excel's 'CSV UTF-8') "
        f"but line {line} is not UTF-8 (it looks like Windows-1252, Excel's plain 'CSV'), so "
        "decoding the whole file either way would garble some comments. Open it in a text "
        "editor that shows every line correctly and save it as UTF-8; or, if every line is "
        "Windows-1252, delete the mark (the file's first three bytes) and leave the encoding "
        "out."
    )


def _refuse_mixed(data: bytes, name: str) -> None:
    """Raise if some lines are UTF-8 with non-ASCII text and others are not UTF-8."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    first_utf8 = first_other = None
    for number, line in enumerate(body.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            first_other = first_other or number
        else:
            first_utf8 = first_utf8 or number
        if first_utf8 and first_other:
            raise InputError(
                f"{name} mixes encodings: line {first_utf8} is UTF-8 but line {first_other} is "
                "not (it looks like Windows-1252, Excel's plain 'CSV'), so decoding the whole "
                "file either way would garble some comments. Re-save it from Excel as 'CSV "
                "UTF-8', or, if you know which encoding is right for every line, give it "
                "(encoding=..., --encoding on the command line)."
            )


#: How far into a file the header row is searched for its end (a header row longer than this,
#: 1 Mi characters, is counted over its start only).
HEADER_LIMIT = 1 << 20


def header_row(text: str) -> tuple[str, bool]:
    """A CSV file's header row: its first non-blank line, with the line breaks inside quotes.

    A question with a line break in it (``"What would\\nmake it better?"``, as survey
    platforms write some) is part of the header, not its end.

    Parameters
    ----------
    text : str
        The decoded file, or its start.

    Returns
    -------
    (str, bool)
        The header row (at most :data:`HEADER_LIMIT` characters), and whether it is whole:
        it ended within ``text``, or reached the limit. False when ``text`` may be the start
        of a file that holds more of it.

    Examples
    --------
    >>> header_row('\\n"What would\\nmake it better?";id\\n1;2\\n')
    ('"What would\\nmake it better?";id', True)
    >>> header_row('id;"a long')
    ('id;"a long', False)
    """
    first = re.search(r"\S", text)
    if first is None:
        return "", False
    start = max(text.rfind("\n", 0, first.start()), text.rfind("\r", 0, first.start())) + 1
    quoted = False
    for end, char in enumerate(text[start:start + HEADER_LIMIT], start):
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            return text[start:end], True
    return text[start:start + HEADER_LIMIT], len(text) - start >= HEADER_LIMIT


def detect_separator(text: str) -> str:
    """Guess a CSV file's separator from its header row: comma, semicolon, tab or bar.

    The header row is the first non-blank line, with any line breaks inside quotes
    (:func:`header_row`); the separator is the candidate that occurs there most often outside
    double quotes (comma on a tie, and when none occurs: one column).

    Parameters
    ----------
    text : str
        The decoded file.

    Returns
    -------
    str
        One of :data:`SEPARATORS`.

    Examples
    --------
    >>> detect_separator("comment_id;text\\nc1;hello, world\\n")
    ';'
    >>> detect_separator('"id, number",text\\n1,hi\\n')
    ','
    >>> detect_separator('"What would\\nmake it better?";id\\n"more, money";r1\\n')
    ';'
    """
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header_row(text)[0]:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: (counts[s], -SEPARATORS.index(s)))
    return best if counts[best] else ","


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------
def _csv_records(text: str, sep: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line, fields)`` per CSV record; raise csv.Error with ``.line`` set."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    previous = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            e.first_line = previous + 1  # type: ignore[attr-defined]
            e.line = reader.line_num  # type: ignore[attr-defined]
            raise
        start, previous = previous + 1, reader.line_num
        yield start, record


def _read_csv(data: bytes, name: str, encoding: str | None, sep: str | None, tsv: bool,
              called: str = "") -> tuple[pd.DataFrame, list[int], str, str]:
    if data.startswith(b"PK\x03\x04"):  # a zip file: an .xlsx saved under a CSV name
        raise InputError(f"{name} is not a CSV file: it is a zip file, most likely an Excel "
                         "workbook. Name it .xlsx, or save it from Excel as CSV UTF-8.")
    text, used = decode_bytes(data, encoding, name=name)
    sep = {"tab": "\t", "\\t": "\t"}.get(sep, sep) if sep is not None else None
    if sep is None:
        sep = "\t" if tsv else detect_separator(text)
    elif len(sep) != 1 or sep in '"\r\n':
        raise InputError(f"The separator must be one character such as ',' or ';', or 'tab'; "
                         f"got {sep!r}.")
    header: list[str] | None = None
    records: list[list[str]] = []
    lines: list[int] = []
    short: tuple[int, int] | None = None  # the line and length of the last row, if short
    limit = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)  # a comment may be longer than csv's default 128 KiB
    try:
        for start, record in _csv_records(text, sep):
            if not any(field.strip() for field in record):
                continue
            if header is None:
                header_line = start
                header = _header(record, name, f"line {start}")
                continue
            if len(record) > len(header):
                if any(field.strip() for field in record[len(header):]):
                    raise InputError(
                        f"{name}: line {start} has {len(record)} fields but the header (line "
                        f"{header_line}) has {len(header)}. A value that holds the separator "
                        f"({_SEP_NAMES.get(sep, repr(sep))}) must be in double quotes: re-save "
                        "the file from Excel or check the separator (sep=..., --sep)." + (
                            f" If line {header_line} is a title above the header, delete the "
                            "lines above the header so that the column names come first."
                            if len(header) == 1 else "")
                    )
                record = record[:len(header)]
            short = (start, len(record)) if len(record) < len(header) else None
            records.append(record + [""] * (len(header) - len(record)))
            lines.append(start)
        if short and not text.endswith(("\n", "\r")):
            # a short last row without a line break after it: the file was cut off mid-row
            # (Excel leaves short rows for empty trailing cells, but ends every line)
            raise InputError(
                f"{name}: line {short[0]}, the last, has {short[1]} field"
                f"{'' if short[1] == 1 else 's'} but the header (line {header_line}) has "
                f"{len(header)}, and no line break after it: the file looks cut off. Give the "
                "whole file, or end the row with its missing fields (an empty field is "
                "nothing between two separators).")
    except csv.Error as e:
        if "unexpected end of data" in str(e):
            raise InputError(
                f"{name}: the row starting on line {e.first_line} opens a double quote (\") "
                "that is never closed, so the rest of the file would be read as one value. "
                "Close or remove the quote, or re-save the file from Excel."
            ) from e
        raise InputError(f"{name}: line {e.line} is not valid CSV ({e}). Re-save the file from "
                         "Excel, or put the value in double quotes.") from e
    finally:
        csv.field_size_limit(limit)
    if header is None:
        raise InputError(f"{_given(called, name)} is empty: it has no header row. Save the "
                         "table with its column names in the first row.")
    frame, _ = _frame(header, records)
    if used == "cp1252":
        logger.info("%s was decoded as Windows-1252 (Excel's default CSV encoding)", name)
    return frame, lines, used, sep


def _given(called: str, name: str) -> str:
    """A file as a message names it: by the argument that gave it, when a command records one
    (``RESPONDENTS (empty.csv)``), so that two files of one name are told apart."""
    return f"{called} ({name})" if called else name


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _read_xlsx(path: Path, name: str, sheet_name: str | int) -> tuple[pd.DataFrame, list[int]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # BadZipFile, KeyError, InvalidFileException, ...: not a workbook
        raise InputError(
            f"{name} is not a readable Excel workbook ({type(e).__name__}). If it is a CSV "
            "file renamed to .xlsx, give it back its .csv suffix; otherwise re-save it from "
            "Excel as .xlsx."
        ) from e
    try:
        try:
            sheet = (book[sheet_name] if isinstance(sheet_name, str)
                     else book.worksheets[sheet_name])
        except (KeyError, IndexError) as e:
            raise InputError(f"{name} has no sheet {sheet_name!r}; its sheets are "
                             f"{book.sheetnames}.") from e
        header: list[str] | None = None
        records: list[list[Any]] = []
        rows: list[int] = []
        # Text taken for a formula ("-more money", "=( sad") has no value or an error value:
        # read the formula's text, which holds the words (carevoice._excel_errors).
        formulas = formula_texts(path, sheet_name)
        lost: list[tuple[int, str]] = []
        for number, raw in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            values = [_xlsx_value(v) for v in raw]
            if header is not None:
                for j, value in enumerate(values):
                    if (number, j) in formulas and lost_to_formula(value) and j < len(header):
                        values[j] = formulas[(number, j)]
                        lost.append((number, header[j]))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if header is None:
                header = _header(values, name, f"row {number}")
                continue
            values = values[:len(header)] + [None] * (len(header) - len(values))
            records.append([_cell_to_str(v) for v in values])
            rows.append(number)
    finally:
        book.close()
    if header is None:
        raise InputError(f"{_given(file_argument(path, ''), name)} is empty: its sheet has no "
                         "header row.")
    warn_formula_cells(name, lost)
    frame, _ = _frame(header, records)
    return frame, rows


def _read_parquet(path: Path, name: str) -> tuple[pd.DataFrame, list[int]]:
    try:
        raw = pd.read_parquet(path)
    except Exception as e:  # ArrowInvalid, OSError, ...: not a Parquet file
        raise InputError(f"{name} is not a readable Parquet file ({type(e).__name__}); "
                         "re-save it, or save the table as CSV or XLSX.") from e
    header = _header(list(raw.columns), name, "column names")
    frame = raw.astype(object).where(raw.notna(), pd.NA).map(_cell_to_str)
    frame.columns = header
    return frame, list(range(1, len(frame) + 1))


def _read_stat(path: Path, name: str, kind: str,
               ) -> tuple[pd.DataFrame, list[int], FileVariables]:
    raw, rows, variables = read_stat_file(path, name, kind)
    header = _header(list(raw.columns), name, "variable names")
    frame = raw.map(_cell_to_str)
    frame.columns = header
    return frame, rows, variables


def check_input_file(path: str | Path) -> Path:
    """``path`` as a Path if it names a file; else an error naming the argument that gave it
    (on the command line, as typed: ``CODES``, ``--changes``; see :mod:`carevoice._argnames`)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{file_argument(path)} names a folder ({path}), not a file.")
    if not path.is_file():
        raise InputError(f"{file_argument(path)} names no file: {path} does not exist.")
    return path


def read_file(path: str | Path, *, encoding: str | None = None, sheet_name: str | int = 0,
              sep: str | None = None) -> Table:
    """Read a table file as strings and remember where each row came from (see :class:`Table`).

    Parameters are as in :func:`read_table`.
    """
    path = check_input_file(path)
    name = path.name
    variables = FileVariables()
    fmt = STAT_SUFFIXES.get(path.suffix.lower()) or format_of(
        path, file_argument(path),
        hint="Save it as CSV or XLSX first (SPSS .sav and Stata .dta files are read too).")
    if fmt == "csv":
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{name} cannot be read ({e.strerror}).") from e
        frame, rows, used, sep = _read_csv(data, name, encoding, sep,
                                           tsv=path.suffix.lower() == ".tsv",
                                           called=file_argument(path, ""))
        unit = "line"
    elif fmt == "xlsx":
        frame, rows = _read_xlsx(path, name, sheet_name)
        used, unit = "xlsx", "row"
    if fmt in {"csv", "xlsx"}:  # Qualtrics' and SurveyMonkey's extra header rows
        frame, rows, wording = platform_header_rows(frame, rows, name, unit)
        _header(list(frame.columns), name, "header rows")
        variables = FileVariables(wording=wording)
    elif fmt == "parquet":
        frame, rows = _read_parquet(path, name)
        used, unit = "parquet", "row"
    else:
        frame, rows, variables = _read_stat(path, name, fmt)
        used, unit = fmt, "row"
    frame = frame.astype("string").astype(object).where(lambda f: f.notna(), pd.NA)
    if fmt in ("csv", "xlsx"):  # a text cell escaped so that no spreadsheet ran it as a formula
        frame = unescape_formulas(frame)
        warn_error_values(frame, rows, name, unit)
    # A Parquet file written from a frame with attrs brings them back: only the encoding is
    # the reader's, and what an SPSS or Stata file says of its variables.
    frame.attrs.clear()
    frame.attrs["encoding"] = used
    if fmt == "csv":  # a ";" file holds numbers with a decimal comma (carevoice._decimals)
        frame.attrs["separator"] = sep
    frame.attrs.update(variables.attrs(frame.columns))
    return Table(frame.reset_index(drop=True), np.asarray(rows, dtype=np.int64), unit, name,
                 variables)


def read_table(path: str | Path, *, encoding: str | None = None, sheet_name: str | int = 0,
               sep: str | None = None) -> pd.DataFrame:
    """Read a CSV, XLSX, Parquet, SPSS or Stata file with every cell as a string (or ``<NA>``).

    Typing happens later (:func:`carevoice.corpus.type_answers`), so ids such as ``007`` keep
    their zeros. Blank lines and rows, and unnamed columns that hold nothing, are skipped.
    A bad file (a row with more values than the header, a quote never closed, no header,
    a header naming a column twice, a CSV renamed ``.xlsx``) is an
    :class:`~carevoice.errors.InputError` naming the file and line. A survey platform's extra
    header rows under the column names are recognised in CSV and XLSX files, with a warning:
    Qualtrics' question-text and import-id rows are skipped (the question text kept in
    ``frame.attrs["question_wording"]``), SurveyMonkey's second header row is combined with
    the first ("Question - Option"); see :func:`carevoice._platforms.platform_header_rows`.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; its suffix picks the reader. SPSS (``.sav``, ``.zsav``) and Stata
        (``.dta``) files are read with their value labels applied ("Foster care", not "1")
        and their user-defined missing codes as no answer; this needs the ``spss`` extra
        (pyreadstat).
    encoding : str or None
        For CSV: force an encoding; by default UTF-8, UTF-8 with BOM, UTF-16 and cp1252 are
        detected (a file that mixes UTF-8 and cp1252 lines is refused). The encoding used is
        stored in ``frame.attrs["encoding"]``.
    sheet_name : str or int, default 0
        For XLSX: the sheet to read.
    sep : str or None
        For CSV: the separator; by default detected from the header line (comma, semicolon
        as saved by Excel in much of Europe, tab, or vertical bar).

    Returns
    -------
    pandas.DataFrame
        Columns as in the file, values as ``str`` or ``<NA>``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> path = pathlib.Path(scratch.name) / "c.csv"
    >>> _ = path.write_text("comment_id;text\\nc1;hello, world\\n")
    >>> read_table(path).to_dict("records")
    [{'comment_id': 'c1', 'text': 'hello, world'}]
    >>> scratch.cleanup()
    """
    return read_file(path, encoding=encoding, sheet_name=sheet_name, sep=sep).frame


def _cell_to_str(value: Any) -> Any:
    """A cell of an XLSX, Parquet, SPSS or Stata file as the text a CSV of it would hold.

    Whole numbers without ".0"; dates and times in ISO form, a date (or a date and time at
    midnight, as Excel stores a date) as ``2025-03-01``, a time of day as
    ``2025-03-01T18:03:00``, whichever program wrote the file.

    Examples
    --------
    >>> import datetime as dt
    >>> _cell_to_str(3.0), _cell_to_str(dt.datetime(2025, 3, 1))
    ('3', '2025-03-01')
    >>> _cell_to_str(pd.Timestamp("2025-03-01 18:03")), _cell_to_str(dt.date(2025, 3, 1))
    ('2025-03-01T18:03:00', '2025-03-01')
    """
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and np.isnan(value)):
        return pd.NA
    if isinstance(value, bool | np.bool_):
        return str(value)
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
        if value is pd.NaT:
            return pd.NA
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None and value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------
def _has_carriage_return(frame: pd.DataFrame) -> bool:
    for col in frame.columns:
        values = frame[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.cat.categories
        text = values.dtype == object or isinstance(values.dtype, pd.StringDtype)
        if text and any(isinstance(v, str) and "\r" in v for v in values):
            return True
    return any(isinstance(c, str) and "\r" in c for c in frame.columns)


def write_csv_rows(frame: pd.DataFrame, fh: IO[str], *, header: bool = True) -> None:
    """Write ``frame`` as CSV rows (no index) to an open text file, lines ending ``"\\n"``.

    Every CSV file carevoice writes goes through here, so all have LF line ends and the same
    bytes however a frame is split into pieces written one after the other. A field holding a
    line break or a bare carriage return (old Mac line breaks, some Excel exports) is quoted,
    so the file reads back with the same rows. Python's ``csv`` module quotes a field only for
    the characters of its own line end; such a frame is therefore written with ``"\\r\\n"``
    and the line ends outside quoted fields are then turned into ``"\\n"``. A text cell (or
    column name) that a spreadsheet would run as a formula gets one leading apostrophe
    (:mod:`carevoice._formulas`), which carevoice's readers remove.

    Parameters
    ----------
    frame : pandas.DataFrame
    fh : text file
        Opened with ``newline=""``.
    header : bool, default True
        Write the column names first.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> write_csv_rows(pd.DataFrame({"id": ["c1", "c2"], "text": ["a\\rb", "c"]}), out)
    >>> out.getvalue()
    'id,text\\nc1,"a\\rb"\\nc2,c\\n'
    """
    frame = escape_formulas(frame)  # no text cell that a spreadsheet would run as a formula
    if not _has_carriage_return(frame):
        frame.to_csv(fh, index=False, header=header, lineterminator="\n")
        return
    # With "\r\n" lines every field holding "\r", "\n" or '"' is quoted (its quotes doubled),
    # so splitting at the quote characters gives pieces that alternate outside / inside a
    # quoted field; a "\r\n" in an even (outside) piece can only be a row end.
    pieces = frame.to_csv(index=False, header=header, lineterminator="\r\n").split('"')
    pieces[::2] = [piece.replace("\r\n", "\n") for piece in pieces[::2]]
    fh.write('"'.join(pieces))


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame as CSV (UTF-8), XLSX or Parquet, chosen by the suffix.

    The file is written beside ``path`` and renamed over it, so a write that fails part-way
    leaves the earlier file (or none), never a truncated one.

    Parameters
    ----------
    frame : pandas.DataFrame
        The frame; its index is not written.
    path : str or pathlib.Path
        The destination.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InputError
        If ``path`` is a folder, has an unsupported suffix or cannot be written.
    """
    path = check_output_path(path, argument="path")
    fmt = format_of(path)

    def write(fh: Any) -> None:
        if fmt == "csv":
            write_csv_rows(frame, fh)
        elif fmt == "xlsx":
            _write_xlsx(frame, fh)
        else:
            frame.to_parquet(fh, index=False)

    try:
        write_atomic(path, write, encoding="utf-8" if fmt == "csv" else None)
    except OSError as e:
        raise InputError(f"Cannot write {path} ({e.strerror or type(e).__name__}).") from e
    return path


def check_table_cells(frame: pd.DataFrame, path: str | Path) -> None:
    """Check that every cell of ``frame`` can be written to ``path``, before anything is.

    A command that writes several tables calls this for each before writing the first, so
    that a cell one format cannot hold does not leave the first table written and the rest
    missing. Only XLSX refuses cells (control characters other than tab and newline).

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to be written.
    path : str or pathlib.Path
        Where it will be written; its suffix gives the format.

    Raises
    ------
    InputError
        If ``path`` is an XLSX file and a cell, in any column, holds a control character;
        the message names the column and the comment_ids (or respondent_ids, or rows), never
        the cell's text.
    """
    if format_of(Path(path)) == "xlsx":
        _check_xlsx_cells(frame)


def _check_xlsx_cells(frame: pd.DataFrame) -> None:
    """Refuse control characters XLSX cannot hold, in every column, named by column and id.

    Every column is looked at as text: closed answers are read as categories, and a
    category's label can hold such a character as well as a comment's text can.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    id_column = next((c for c in (COMMENT_ID, RESPONDENT_ID) if c in frame.columns), None)
    problems: list[str] = []
    for column in frame.columns:
        values = frame[column].astype(object)
        bad = values.map(lambda v: isinstance(v, str) and bool(ILLEGAL_CHARACTERS_RE.search(v)))
        bad = bad.astype(bool).to_numpy()
        if bad.any():
            rows = (frame.loc[bad, id_column].astype(str).tolist() if id_column
                    else [str(i) for i in frame.index[bad]])
            label = f"{id_column}s" if id_column else "rows"
            problems.append(f"column {column!r} ({label} {', '.join(rows[:20])}"
                            f"{' ...' if len(rows) > 20 else ''})")
    if problems:
        raise InputError("XLSX cannot hold control characters (other than tab and newline) "
                         "found in " + "; ".join(problems) + ". Write CSV or Parquet instead, "
                         "or remove those characters.")


def _write_xlsx(frame: pd.DataFrame, path: Path | IO[bytes]) -> None:
    """Write a frame to XLSX with every string kept as text, never as a formula.

    openpyxl stores a string that starts with ``=`` as a formula, which reads back as missing
    and which Excel would evaluate (formula injection); such cells are written as text, and
    every text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
    marked as text as Excel marks a typed apostrophe (``quotePrefix``), so that editing it in
    Excel keeps it text. Control
    characters that the XLSX format cannot hold are reported by column and row id (the cell's
    text is never echoed). A literal ``_xHHHH_`` is escaped as Excel does, so that it reads
    back unchanged.
    """
    _check_xlsx_cells(frame)
    out = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values.dtype):
            continue
        # an apostrophe the readers would take for carevoice's escape is doubled
        out[column] = values.map(lambda v: _XLSX_ESCAPE.sub(r"_x005F_x\1_", escape_apostrophes(v))
                                 if isinstance(v, str) else v).astype(values.dtype)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        out.to_excel(writer, index=False)
        for sheet in writer.sheets.values():
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
                    # marked as text as Excel marks a typed apostrophe, so that editing the
                    # cell in Excel does not make a formula of it
                    if cell.data_type == "s" and escape_formula(cell.value) != cell.value:
                        cell.quotePrefix = True
