"""Split large inputs into chunks and keep each chunk's results safe on disk.

Two halves:

* **Reading.** :func:`plan_chunks` cuts a CSV file at record boundaries (byte offsets, found
  without parsing, quoted line breaks respected) or a Parquet file at row numbers, so any
  worker can read one chunk (:func:`read_chunk`) without reading the rest. A chunk of a wide
  survey export becomes long comments (``"{respondent_id}-{question_id}"``).
* **Storing.** :class:`ChunkStore` writes each chunk's results atomically (temporary file, then
  rename) and, last, a done-marker holding the chunk's content key and the SHA-256 of every
  file. A chunk counts as done only when its marker matches the key and every checksum, so a run
  killed at any point resumes without recomputing, losing or duplicating anything.

Nothing here stores comment text: chunks are read from the input file each time they are needed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._atomic import write_atomic as write_file
from ..errors import InputError, Problem
from ..schema import COMMENT_ID, QUESTION_ID, RESPONDENT_ID, TEXT

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .._stat_files import FileVariables

__all__ = [
    "STAGE_VERSION",
    "ChunkSpec",
    "ChunkStore",
    "Source",
    "chunk_key",
    "dist_version",
    "file_separator",
    "file_sha256",
    "needs_staging",
    "plan_chunks",
    "read_chunk",
    "source_fingerprint",
    "stage_source",
    "staged_variables",
    "write_atomic",
]

_SAMPLE = 1 << 16


def _wide_encoding(head: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` if ``head`` starts with its byte-order mark (several bytes a
    character: not cut at byte offsets), read as every reader reads it (``_files._bom_of``)."""
    from .._files import _bom_of

    bom = _bom_of(head)
    return bom if bom in ("utf-16", "utf-32") else None


@dataclass(frozen=True)
class Source:
    """Where comments come from and how to turn its rows into long comments.

    Parameters
    ----------
    path : pathlib.Path
        A CSV/TSV or Parquet file.
    kind : {"comments", "survey"}
        Long comments, or a wide survey export (one row per respondent).
    columns : tuple of (str, str), default ()
        Renames of a comments file.
    id_column : str, optional
        The respondent id column of a survey export.
    text_columns : tuple of (str, str), default ()
        Free-text columns of a survey export and their question ids.
    encoding : str, optional
        The CSV encoding; detected from the start of the file when None.
    drop_columns : tuple of str, default ()
        Columns of a comments file to leave out (``[input] drop_columns``), named as after
        ``columns``; they never reach the chunks or the outputs.
    origin : pathlib.Path, optional
        The user's file when ``path`` is a temporary Parquet copy of it (:func:`stage_source`);
        messages and the run manifest name and hash this one.
    """

    path: Path
    kind: str = "comments"
    columns: tuple[tuple[str, str], ...] = ()
    id_column: str | None = None
    text_columns: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None
    origin: Path | None = None
    drop_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in ("comments", "survey"):
            raise InputError(f"The 'kind' parameter of Source must be 'comments' or 'survey'. "
                             f"Got {self.kind!r} instead.")

    @property
    def format(self) -> str:
        """``"csv"`` or ``"parquet"``, from the file suffix."""
        return "parquet" if self.path.suffix.lower() == ".parquet" else "csv"

    @property
    def file(self) -> Path:
        """The user's input file (``origin`` for a staged copy, else ``path``)."""
        return self.origin if self.origin is not None else self.path


@dataclass(frozen=True)
class ChunkSpec:
    """One chunk of an input file.

    Parameters
    ----------
    index : int
        The chunk number, from 0.
    start, stop : int
        Byte offsets (CSV) or row numbers (Parquet), ``stop`` excluded.
    first_row : int
        The 1-based data row of the chunk's first record (for messages).
    encoding : str
        The CSV encoding (``"parquet"`` for Parquet).
    header : bytes, optional
        A CSV file's bytes from its start to the end of its header row (blank lines and a
        byte-order mark before it included), found once by :func:`plan_chunks`: every chunk is
        read under it, and :func:`read_raw` checks that the file still starts with it. None
        (Parquet, or a chunk made by hand) finds it in the file at each read.
    separator : str, optional
        The CSV separator (:func:`file_separator`), found once by :func:`plan_chunks`; None
        finds it at each read.
    """

    index: int
    start: int
    stop: int
    first_row: int
    encoding: str
    # the header row of a headerless file is a comment: never in a repr, a log or a message
    header: bytes | None = field(default=None, repr=False)
    separator: str | None = None


def file_sha256(path: str | Path) -> str:
    """Return the SHA-256 of a file, read in blocks.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    str
        64 hexadecimal characters.
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------------------------
def _detect_encoding(path: Path, forced: str | None) -> str:
    with path.open("rb") as fh:
        sample = fh.read(_SAMPLE)
    wide = _wide_encoding(sample)
    if wide is not None:
        raise InputError(f"{path.name} is a {wide.upper()} file, which cannot be cut into "
                         "chunks at byte offsets: stage it first (stage_source; run_batch does "
                         "this).")
    if forced is not None:
        return forced
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(sample) - 4:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


#: Input suffixes that cannot be cut at byte offsets and are staged as Parquet first.
STAGED_SUFFIXES = (".xlsx", ".xlsm", ".sav", ".zsav", ".dta")


def needs_staging(path: str | Path) -> bool:
    """Whether an input must be converted before it can be chunked: XLSX, SPSS, Stata, or
    UTF-16 or UTF-32 text (known by its byte-order mark).

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    bool
    """
    path = Path(path)
    if path.suffix.lower() in STAGED_SUFFIXES:
        return True
    if path.suffix.lower() == ".parquet":
        return False
    with path.open("rb") as fh:
        return _wide_encoding(fh.read(4)) is not None


def stage_source(source: Source, folder: str | Path) -> Source:
    """Copy an XLSX, SPSS, Stata, UTF-16 or UTF-32 input into a Parquet file read in chunks.

    The whole input is read once (:func:`carevoice.corpus.read_table`: every cell a string, the
    same values as a CSV of it would give) and written to ``folder``, which should be temporary
    and outside the run folder: the copy holds the original comment text. What an SPSS or
    Stata file says of its variables besides their values (the order of the value labels,
    which questions are ordinal, scales or text, the question wording) goes in a side file
    beside the copy (:func:`staged_variables`), so the run types the answers as
    ``carevoice convert`` does. Chunk keys depend on the rows, not the file, so a resumed run
    that stages again reuses every finished chunk.

    Parameters
    ----------
    source : Source
        An input for which :func:`needs_staging` is true.
    folder : str or pathlib.Path
        Where to write the copy.

    Returns
    -------
    Source
        The same source reading the copy, with ``origin`` naming the user's file.
    """
    import dataclasses

    from .._files import read_file

    table = read_file(source.path, encoding=source.encoding)
    target = Path(folder) / f"{source.path.stem}.parquet"
    write_atomic(target, frame_bytes(table.frame.astype("string")))
    if table.variables:
        write_atomic(_variables_path(target), table.variables.to_json().encode("utf-8"))
    return dataclasses.replace(source, path=target, encoding=None, origin=source.path)


def _variables_path(staged: Path) -> Path:
    return staged.with_name(f"{staged.stem}.variables.json")


def staged_variables(source: Source) -> FileVariables:
    """What the SPSS or Stata file behind a staged input says of its variables (empty for
    any other input), by the column names of the run (``source.columns`` applied).

    Parameters
    ----------
    source : Source
        As :func:`stage_source` returns it, or any other source.

    Returns
    -------
    FileVariables
    """
    from .._stat_files import FileVariables

    path = _variables_path(source.path)
    if source.origin is None or not path.is_file():
        return FileVariables()
    return FileVariables.from_json(path.read_text("utf-8")).renamed(dict(source.columns))


def _records(path: Path) -> Iterator[tuple[int, int]]:
    """Yield ``(start, stop)`` byte offsets of CSV records; line breaks in quotes stay inside."""
    pos = 0
    start = 0
    quotes = 0
    with path.open("rb") as fh:
        for line in fh:
            quotes += line.count(b'"')
            pos += len(line)
            if quotes % 2 == 0:
                yield start, pos
                start = pos
                quotes = 0
    if start < pos:
        yield start, pos


def _header_record(path: Path) -> tuple[Iterator[tuple[int, int]], tuple[int, int] | None]:
    """The records of ``path`` after its header, and the header's ``(start, stop)``.

    The header is the first record that is not blank: a file that Excel or an export tool
    began with an empty line (or a lone byte-order mark) still has its column names on the
    next line, as the single-file readers (which skip blank lines) read it, so every chunk
    must be read under that line and not under the blank one.
    """
    records = _records(path)
    with path.open("rb") as fh:
        for start, stop in records:
            fh.seek(start)
            if fh.read(stop - start).lstrip(b"\xef\xbb\xbf").strip():
                return records, (start, stop)
    return records, None


def plan_chunks(source: Source, chunk_size: int) -> list[ChunkSpec]:
    """Cut an input file into chunks of ``chunk_size`` records without parsing it.

    Parameters
    ----------
    source : Source
    chunk_size : int
        Records (rows) per chunk.

    Returns
    -------
    list of ChunkSpec
        At least one chunk (an empty file gives one empty chunk).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> f = pathlib.Path(scratch.name) / "c.csv"
    >>> _ = f.write_text('comment_id,text\\n1,"a\\nb"\\n2,c\\n3,d\\n')
    >>> [(c.index, c.first_row) for c in plan_chunks(Source(f), 2)]
    [(0, 1), (1, 3)]
    >>> scratch.cleanup()
    """
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise InputError(f"The 'chunk_size' argument must be an int in the range [1, inf). "
                         f"Got {chunk_size!r} instead.")
    if source.format == "parquet":
        import pyarrow.parquet as pq

        n = pq.ParquetFile(source.path).metadata.num_rows
        starts = list(range(0, n, chunk_size)) or [0]
        return [ChunkSpec(i, s, min(n, s + chunk_size), s + 1, "parquet")
                for i, s in enumerate(starts)]
    encoding = _detect_encoding(source.path, source.encoding)
    records, header = _header_record(source.path)
    if header is None:
        raise InputError(f"{source.path.name} is empty: it has no header row.")
    # the header and the separator once for the run, not once per chunk
    with source.path.open("rb") as fh:
        head = fh.read(header[1])
    sep = file_separator(source.path, encoding) or ","
    specs: list[ChunkSpec] = []
    first = header[1]
    count = 0
    row = 1
    last = first
    for _, stop in records:
        count += 1
        last = stop
        if count == chunk_size:
            specs.append(ChunkSpec(len(specs), first, stop, row, encoding, head, sep))
            row += count
            first, count = stop, 0
    if count or not specs:
        specs.append(ChunkSpec(len(specs), first, last, row, encoding, head, sep))
    return specs


# --------------------------------------------------------------------------------------------
# Reading one chunk
# --------------------------------------------------------------------------------------------
def file_separator(path: str | Path, encoding: str | None = None) -> str | None:
    """The separator of a CSV or TSV input, as the single-file readers find it.

    One answer for every reader of a batch input: its chunks (:func:`read_raw`) and the
    answers of a survey export (:func:`carevoice.batch.answers.read_answers`, whose decimal
    commas depend on it), as :func:`carevoice.read_table` reads the whole file. A ``.tsv``
    file is tab-separated; for ``.csv`` and ``.txt``, :func:`carevoice._files.detect_separator`
    reads the header row (:func:`carevoice._files.header_row`: its first non-blank line, line
    breaks in quoted questions included; any other suffix is read as ``.csv`` is), read from
    the start of the file until it ends and
    decoded as UTF-16 or UTF-32 when the file starts with such a byte-order mark (such a file is
    staged before it is cut into chunks, but its answers are typed with its separator), else
    in ``encoding`` (a UTF-8 byte-order mark is not part of the header) with bytes that do
    not decode replaced (the separators are ASCII).

    Parameters
    ----------
    path : str or pathlib.Path
        The input file.
    encoding : str, optional
        Its encoding (the chunks', or ``[input] encoding``); UTF-8 when None.

    Returns
    -------
    str or None
        The separator; None for a Parquet, XLSX, SPSS or Stata input.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> f = pathlib.Path(scratch.name) / "export.csv"
    >>> _ = f.write_bytes('"Age, in years";Q1\\n12;yes\\n'.encode("utf-16"))
    >>> file_separator(f), file_separator(f.with_suffix(".xlsx"))
    (';', None)
    >>> scratch.cleanup()
    """
    from .._files import HEADER_LIMIT, detect_separator, header_row

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        return "\t"
    if suffix in (".parquet", ".pq", *STAGED_SUFFIXES):
        return None
    head = b""
    with path.open("rb") as fh:
        while True:  # until the header row ends (blank lines before it: 4 MiB at most)
            block = fh.read(_SAMPLE)
            head += block
            text = head.decode(_wide_encoding(head) or encoding or "utf-8", errors="replace")
            if not block or len(head) >= 4 * HEADER_LIMIT or header_row(text)[1]:
                return detect_separator(text)


def _cell(value: Any) -> Any:
    """A Parquet cell as :func:`carevoice.corpus.read_table` reads it (dates in ISO form)."""
    from .._files import _cell_to_str

    return _cell_to_str(value)


def _header(path: Path) -> bytes:
    _, first = _header_record(path)
    if first is None:
        return b""
    with path.open("rb") as fh:
        return fh.read(first[1])


def read_raw(source: Source, spec: ChunkSpec) -> pd.DataFrame:
    """Read the rows of one chunk as the input has them, every cell a string or ``<NA>``.

    Parameters
    ----------
    source : Source
    spec : ChunkSpec

    Returns
    -------
    pandas.DataFrame
    """
    import pandas as pd

    if source.format == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(source.path)
        tables, offset = [], 0
        for g in range(pf.num_row_groups):
            n = pf.metadata.row_group(g).num_rows
            if offset < spec.stop and offset + n > spec.start:
                lo, hi = max(spec.start - offset, 0), min(spec.stop - offset, n)
                tables.append(pf.read_row_group(g).slice(lo, hi - lo))
            offset += n
        raw = (pd.concat([t.to_pandas() for t in tables], ignore_index=True) if tables
               else pf.schema_arrow.empty_table().to_pandas())
        frame = raw.astype(object).where(raw.notna(), pd.NA).map(_cell)
    else:
        header = spec.header
        with source.path.open("rb") as fh:
            if header is not None and fh.read(len(header)) != header:
                # the head changed since planning: the chunk would be read under other names
                raise InputError(f"{source.path.name}: its header row changed since the "
                                 "run planned its chunks.")
            fh.seek(spec.start)
            body = fh.read(spec.stop - spec.start)
        data = (_header(source.path) if header is None else header) + body
        try:
            text = data.decode(spec.encoding)
        except UnicodeDecodeError as e:
            raise InputError(
                f"{source.path.name}: rows {spec.first_row} onwards are not valid "
                f"{spec.encoding}. Set [input] encoding (e.g. 'cp1252' for Excel's default CSV)."
            ) from e
        from .._formulas import unescape_formulas

        # the separator as the single-file readers (and the survey's answers) detect it
        sep = spec.separator or file_separator(source.path, spec.encoding) or ","
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                            na_values=[], skip_blank_lines=True)
        frame = unescape_formulas(frame.replace({"": pd.NA}))  # as read_table does
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.index = pd.RangeIndex(spec.first_row, spec.first_row + len(frame))
    return frame.astype("string").astype(object).where(lambda f: f.notna(), pd.NA)


def header_problems(source: Source, columns: Sequence[str]) -> list[Problem]:
    """Check that the columns a source needs are in its header.

    Parameters
    ----------
    source : Source
    columns : sequence of str
        The input's column names.

    Returns
    -------
    list of Problem
    """
    have = set(columns)
    if source.kind == "survey":
        need = [source.id_column or "", *(c for c, _ in source.text_columns)]
    else:
        renamed = {new: old for old, new in source.columns}
        need = [renamed.get(COMMENT_ID, COMMENT_ID), renamed.get(TEXT, TEXT)]
    missing = [c for c in need if c not in have]
    if not missing:
        return []
    from .._files import describe_columns

    # describe_columns never prints a header row that looks like data (a comment)
    return [Problem("missing_column", f"{source.file.name} has no column(s) {missing}; "
                    f"{describe_columns(list(columns), expected=need)}. Fix the column mapping "
                    "in [input].", column="input")]


def to_comments(source: Source, raw: pd.DataFrame) -> pd.DataFrame:
    """Turn a chunk's raw rows into validated long comments.

    Parameters
    ----------
    source : Source
    raw : pandas.DataFrame
        From :func:`read_raw`.

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``respondent_id`` and ``question_id`` where known, ``text``, then any
        other columns of a comments file.

    Raises
    ------
    ValidationError
        As :func:`carevoice.corpus.validate_comments`, by ``comment_id``.
    InputError
        If a ``needs_review`` column holds a value that is not yes/no (naming the
        ``comment_id`` values, never the value).
    """
    import pandas as pd

    from .._flags import parse_flags
    from ..corpus import validate_comments
    from ..quotes import REVIEW_COLUMN

    if source.kind == "comments":
        frame = raw.rename(columns=dict(source.columns)) if source.columns else raw
        drop = [c for c in source.drop_columns if c in frame.columns and c not in
                (COMMENT_ID, TEXT)]
        comments = validate_comments(frame.drop(columns=drop) if drop else frame)
        if REVIEW_COLUMN in comments:
            # Read as the outputs will read it, so that a value that is not yes/no stops the
            # run at the chunk that holds it, before any work is done on that chunk.
            parse_flags(comments[REVIEW_COLUMN], argument="[input] comments",
                        column=REVIEW_COLUMN, ids=comments[COMMENT_ID])
        return comments
    rid = raw[source.id_column].astype("string")
    parts = []
    for q_order, (column, qid) in enumerate(source.text_columns):
        parts.append(pd.DataFrame({COMMENT_ID: rid + f"-{qid}", RESPONDENT_ID: rid,
                                   QUESTION_ID: qid, TEXT: raw[column].to_numpy(),
                                   "_r": range(len(raw)), "_q": q_order}))
    long = pd.concat(parts, ignore_index=True).sort_values(["_r", "_q"], kind="stable")
    long = long.drop(columns=["_r", "_q"]).reset_index(drop=True)
    return validate_comments(long, required=(COMMENT_ID, TEXT, RESPONDENT_ID))


def read_chunk(source: Source, spec: ChunkSpec) -> pd.DataFrame:
    """Read one chunk as validated long comments.

    Parameters
    ----------
    source : Source
    spec : ChunkSpec

    Returns
    -------
    pandas.DataFrame
    """
    return to_comments(source, read_raw(source, spec))


def chunk_key(*parts: Any, frame: pd.DataFrame | None = None) -> str:
    """A SHA-256 content key of settings and, optionally, every cell of a frame.

    Parameters
    ----------
    *parts
        JSON-serialisable settings that change the result (model names, versions...).
    frame : pandas.DataFrame, optional
        The chunk's data (column names, then rows; ``<NA>`` distinct from "").

    Returns
    -------
    str
    """
    import pandas as pd

    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode())
    if frame is not None:
        digest.update(json.dumps([str(c) for c in frame.columns]).encode())
        for row in frame.itertuples(index=False, name=None):
            cells = [None if v is pd.NA or v is None else str(v) for v in row]
            digest.update(json.dumps(cells, ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


#: Bump when a stage's output for the same input changes meaning (part of every chunk key).
STAGE_VERSION = 1


@functools.cache
def source_fingerprint(package: str) -> str:
    """SHA-256 of a carevoice subpackage's code and data files.

    Part of the chunk keys, so that results stored by another carevoice (an upgrade, or an
    edited development install with the same version number) are recomputed, not reused.
    """
    import importlib.util

    spec = importlib.util.find_spec(f"carevoice.{package}")
    root = Path(spec.origin).parent if spec is not None and spec.origin else None
    digest = hashlib.sha256()
    if root is not None:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".txt", ".json", ".yaml", ".csv"}:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def dist_version(name: str) -> str:
    """The installed version of a distribution, or ``"not installed"``."""
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


# --------------------------------------------------------------------------------------------
# Storing
# --------------------------------------------------------------------------------------------
def write_atomic(path: Path, data: bytes, *, private: bool = False) -> str:
    """Write bytes to ``path`` through a temporary file and a rename; return their SHA-256.

    Parameters
    ----------
    path : pathlib.Path
    data : bytes
    private : bool, default False
        Create the file readable by its owner alone (0600), as a cached coder is; otherwise as
        the umask allows.

    Returns
    -------
    str
    """
    write_file(path, lambda fh: fh.write(data), mode=0o600 if private else 0o666)
    return hashlib.sha256(data).hexdigest()


def frame_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise a frame to Parquet bytes (deterministic for the same data and versions).

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    bytes
    """
    buf = io.BytesIO()
    frame.reset_index(drop=True).to_parquet(buf, index=False)
    return buf.getvalue()


class ChunkStore:
    """The per-chunk results of a run, under ``<run folder>/chunks/``.

    Each chunk has a folder ``NNNNNN/`` with one file per result and one marker per stage
    (``<stage>.done.json``: the content key, row count and SHA-256 of each file). The marker is
    written last, atomically; :meth:`is_done` trusts a stage only if the key and every checksum
    match.

    Parameters
    ----------
    root : str or pathlib.Path
        The ``chunks`` folder.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> scratch = tempfile.TemporaryDirectory()  # removed, with what it holds, by cleanup()
    >>> store = ChunkStore(scratch.name)
    >>> store.save(0, "code", "k1", {"codes": pd.DataFrame({"a": [1]})}, rows=1)
    >>> store.is_done(0, "code", "k1"), store.is_done(0, "code", "k2")
    (True, False)
    >>> scratch.cleanup()
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def folder(self, index: int) -> Path:
        """The folder of chunk ``index``."""
        return self.root / f"{index:06d}"

    def _marker(self, index: int, stage: str) -> Path:
        return self.folder(index) / f"{stage}.done.json"

    def marker(self, index: int, stage: str) -> dict[str, Any] | None:
        """The stage's marker of a chunk, or None when absent or unreadable."""
        path = self._marker(index, stage)
        try:
            return dict(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError):
            return None

    def is_done(self, index: int, stage: str, key: str) -> bool:
        """Whether a chunk's stage finished with this key and its files are intact.

        Parameters
        ----------
        index : int
        stage : str
        key : str

        Returns
        -------
        bool
        """
        marker = self.marker(index, stage)
        if marker is None or marker.get("key") != key:
            return False
        for name, sha in marker.get("files", {}).items():
            path = self.folder(index) / name
            if not path.is_file() or file_sha256(path) != sha:
                return False
        return True

    def save(self, index: int, stage: str, key: str, frames: Mapping[str, pd.DataFrame], *,
             rows: int, extra: Mapping[str, bytes] | None = None,
             private: bool = False) -> None:
        """Write a stage's results of one chunk, then its marker.

        Parameters
        ----------
        index : int
        stage : str
        key : str
            The content key of the inputs and settings the results come from.
        frames : mapping of str to pandas.DataFrame
            Written as ``<name>.parquet``.
        rows : int
            Comments in the chunk (recorded in the marker).
        extra : mapping of str to bytes, optional
            Other files, written under their names.
        private : bool, default False
            Write the results readable by their owner alone (0600), as the safeguarding flags
            are; otherwise as the umask allows.
        """
        marker = self._marker(index, stage)
        marker.unlink(missing_ok=True)
        files = {}
        for name, frame in frames.items():
            files[f"{name}.parquet"] = write_atomic(self.folder(index) / f"{name}.parquet",
                                                    frame_bytes(frame), private=private)
        for name, data in (extra or {}).items():
            files[name] = write_atomic(self.folder(index) / name, data, private=private)
        body = {"stage": stage, "key": key, "rows": rows, "files": files}
        write_atomic(marker, json.dumps(body, sort_keys=True, indent=1).encode())

    def load(self, index: int, name: str) -> pd.DataFrame:
        """Read a chunk's ``<name>.parquet``."""
        import pandas as pd

        return pd.read_parquet(self.folder(index) / f"{name}.parquet")

    def has(self, index: int, name: str) -> bool:
        """Whether a chunk stored a ``<name>.parquet`` (a stage writes some tables only when
        a setting asks for them)."""
        return (self.folder(index) / f"{name}.parquet").is_file()

    def prune(self, keep: int) -> None:
        """Remove chunk folders numbered ``keep`` and above (left by a longer earlier input)."""
        if not self.root.is_dir():
            return
        for child in sorted(self.root.iterdir()):
            if child.is_dir() and child.name.isdigit() and int(child.name) >= keep:
                shutil.rmtree(child)

    def clear(self) -> None:
        """Remove every chunk's results."""
        if self.root.is_dir():
            shutil.rmtree(self.root)
