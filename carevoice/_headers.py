"""Column headers: which to print in messages, how to describe a file's columns, and whether
a header row is in fact data (internal helpers of :mod:`carevoice._files`, which re-exports the
public ones).

No message built here quotes a cell's value: a header that does not look like an ordinary
column name may be a child's words in a file saved without its header row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .errors import InputError

#: Words of ordinary column names ("Respondent ID", "Age group", "Placement type") and of
#: survey platforms' metadata columns ("Completion time", "Duration (in seconds)", "IP
#: Address", "Custom Data 1"), which a user must type for --drop-column: a header of a few
#: words, all of them here, is printed in messages; see :func:`shown_header`.
_HEADER_WORDS = frozenset("""
a an and or of in on at to for by from the per with no not if
respondent respondents participant id ids ref reference number code key row record unique
age ages group groups band range type kind gender sex ethnicity ethnic background religion
disability send sen needs need language first main other please specify
placement placements home living arrangement legal status order local authority council la
area region district ward postcode nation country school college year years month date time
start started end ended submitted completed created updated duration days weeks
care leaver leavers looked after child children young person people
survey wave version form source channel mode response responses answer answers question
questions comment comments text free score scores rating total count weight weighting
how often many much long what which who when where why do does did you your are is
see feel feels safe happy happiness life satisfaction wellbeing know knows advocate
social worker workers personal adviser iro pa included decisions treated differently
family contact name email phone address dob nhs uk
completion completed modified last seconds minutes recorded progress finished submission
timestamp distribution collector custom data user ip location latitude longitude external
recipient selected choice open ended
""".split())


def _ordinary_header(text: str) -> bool:
    """A header of up to five words, each a word of ordinary column names or a short code."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    return (0 < len(words) <= 5 and len(text) <= 40
            and all(w.lower() in _HEADER_WORDS or (w.isdigit() and len(w) <= 2)
                    or re.fullmatch(r"[A-Za-z]\d{0,2}", w) is not None for w in words))


def shown_header(header: object) -> str:
    """A header for a message: quoted if it looks like a column name, else only its length.

    A header row may in fact be the first row of data (a file saved without headers), so only
    what looks like a column name is printed: a single word (``comment_id``, ``Answer``), a
    question, or a few words of ordinary column names ("Respondent ID", "Age group",
    "Placement type (Q3)"). A header of other words, which may be a name or a sentence, or one
    holding an ``@`` or a long number, is not.

    Examples
    --------
    >>> shown_header("comment_id"), shown_header("What would make your life better?")
    ("'comment_id'", "'What would make your life better?'")
    >>> shown_header("Respondent ID"), shown_header("Age group")
    ("'Respondent ID'", "'Age group'")
    >>> shown_header("Completion time"), shown_header("Duration (in seconds)")
    ("'Completion time'", "'Duration (in seconds)'")
    >>> shown_header("Zebedee Quorn lives in Barnsley"), shown_header("Zebedee Quorn")
    ('<a 31-character header, not shown>', '<a 13-character header, not shown>')
    """
    text = str(header)
    looks_like_name = (len(text) <= 40 and len(text.split()) <= 1) or (
        len(text) <= 100 and text.rstrip().endswith(("?", ":"))) or _ordinary_header(text)
    if looks_like_name and "@" not in text and not re.search(r"\d{5}", text):
        return repr(text)
    return f"<a {len(text)}-character header, not shown>"


_UNNAMED = re.compile(r"Unnamed: \d+")


def describe_columns(columns: Sequence[object], *, expected: Iterable[str] = (),
                     frame: pd.DataFrame | None = None, limit: int = 20) -> str:
    """Describe a file's columns for an error message without echoing data.

    If the header row holds one of the ``expected`` names it is a header row and every name
    is shown. Otherwise a header row that looks like data (a number, or shaped like the values
    under it, such as ``c1`` above ``c2``) is not shown at all, and long headers are masked
    (:func:`shown_header`). A header cell left blank is named ``Unnamed: N`` by carevoice and
    shown by that name. A header row with one or two cells filled and the others blank is a
    title above the header (an Excel export with a title in row 1): the message says that the
    header seems to be further down and how to fix the file.

    Parameters
    ----------
    columns : sequence
        The column names.
    expected : iterable of str
        Names the caller looked for.
    frame : pandas.DataFrame, optional
        The values under the headers, to tell a header row from a data row.
    limit : int, default 20
        How many names to show.

    Returns
    -------
    str
        E.g. ``"found the columns 'ID', 'Answer'"``.

    Examples
    --------
    >>> describe_columns(["ID", "Answer"])
    "found the columns 'ID', 'Answer'"
    >>> import pandas as pd
    >>> print(describe_columns(["c1", "Zebedee"], frame=pd.DataFrame({"c1": ["c2", "c3"]})))
    ... # doctest: +NORMALIZE_WHITESPACE
    found 2 columns, but the first row looks like data, not column names (not shown: it may hold
    comment text). Add a header row
    >>> print(describe_columns(["Survey 2025 - export", "Unnamed: 1", "Unnamed: 2"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    found 3 columns, but only one cell of the first row is filled (a 20-character cell, not
    shown): it looks like a title above the header, so the header seems to be further down.
    Delete the rows above the header (a title, notes, blank rows) so that the column names are
    the first row, and save the file again
    """
    names = [str(c) for c in columns]
    if not names:
        return "found no columns"
    confirmed = bool(set(names) & set(expected))
    named = [n for n in names if not _UNNAMED.fullmatch(n)]
    if not confirmed and named and len(names) - len(named) >= 2 * len(named) \
            and len(named) <= 2:
        one = len(named) == 1
        cells = " and ".join(f"a {len(n)}-character cell" for n in named)
        return (f"found {len(names)} columns, but only {'one cell' if one else 'two cells'} "
                f"of the first row {'is' if one else 'are'} filled ({cells}, not shown): it "
                "looks like a title above the header, so the header seems to be further down. "
                "Delete the rows above the header (a title, notes, blank rows) so that the "
                "column names are the first row, and save the file again")
    if not confirmed and header_looks_like_data(names, frame):
        return (f"found {len(names)} columns, but the first row looks like data, not column "
                "names (not shown: it may hold comment text). Add a header row")
    shown = [repr(n) if (confirmed and len(n) <= 100) or _UNNAMED.fullmatch(n)
             else shown_header(n) for n in names[:limit]]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return f"found the columns {', '.join(shown)}{more}"


def _shape(value: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[0-9]", "9", re.sub(r"[^\W\d_]", "a", value)))


def header_looks_like_data(names: Sequence[str], frame: pd.DataFrame | None = None) -> bool:
    """Whether a header row is probably the first row of data.

    True if a header is a number, or if it has a digit and the same shape (letters, digits,
    punctuation) as most values under it, as an id such as ``c1`` above ``c2``.

    Examples
    --------
    >>> header_looks_like_data(["1", "hello"])
    True
    >>> header_looks_like_data(["comment_id", "text"])
    False
    """
    for position, name in enumerate(names):
        if re.fullmatch(r"\s*[+-]?\d+(?:[.,]\d+)?\s*", name):
            return True
        if frame is None or position >= frame.shape[1] or not re.search(r"\d", name):
            continue
        values = frame.iloc[:, position].dropna().astype(str).head(50)
        if len(values) and (values.map(_shape) == _shape(name)).mean() >= 0.8:
            return True
    return False


def _header(raw: Sequence[object], name: str, where: str) -> list[str]:
    """Strip header names, name blank ones, refuse duplicates (pandas would rename them)."""
    names = ["" if v is None else str(v).strip() for v in raw]
    names = [n or f"Unnamed: {i}" for i, n in enumerate(names)]
    seen: dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    dups = [n for n, k in seen.items() if k > 1]
    if dups:
        raise InputError(
            f"{name}: the header ({where}) names the column(s) "
            f"{', '.join(shown_header(d) for d in dups)} more than once. Give each column its "
            "own name; carevoice does not guess which of two same-named columns you mean."
        )
    return names


def _frame(header: list[str], records: list[list[Any]]) -> tuple[pd.DataFrame, list[str]]:
    """Build the string frame; drop unnamed columns that hold nothing."""
    frame = pd.DataFrame(records, columns=header, dtype=object) if records else \
        pd.DataFrame({h: pd.Series(dtype=object) for h in header})
    frame = frame.where(frame.notna() & (frame != ""), pd.NA)
    empty = [h for h in header if h.startswith("Unnamed: ") and frame[h].isna().all()]
    return frame.drop(columns=empty), empty
