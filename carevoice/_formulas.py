"""Text cells that a spreadsheet would run as a formula, escaped in CSV files and read back.

Excel, LibreOffice and Google Sheets take a CSV field that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (OWASP "CSV injection"): ``=HYPERLINK(...)``
becomes a live link, and a young person's ``-more money for bus passes`` becomes ``#NAME?``,
which a re-saved file then holds in place of their words. Every CSV carevoice writes therefore
gives such a text cell one leading apostrophe (``'-more money ...``), which spreadsheets take
as "this is text"; every carevoice reader of CSV and XLSX removes exactly one leading
apostrophe from a cell that begins with apostrophes followed by one of those characters, so
the round trip gives back the same text and escaping twice is undone by reading twice.

Numbers are not text: ``-99``, ``-1.5`` and ``+44`` are left as they are, so that a numeric
column stays numeric for R or pandas. Anything else that begins so, phone-like text such as
``+44 7700 900123`` included, is escaped.

XLSX files are not escaped: carevoice stores their strings as text cells, which no
spreadsheet evaluates, and marks those that begin with a formula character as Excel marks a
typed apostrophe (``quotePrefix``; :func:`carevoice._files._write_xlsx`). Only a cell that
already begins with apostrophes and a formula character gets one more there
(:func:`escape_apostrophes`), since the XLSX reader unescapes too: a CSV opened in a
spreadsheet that shows the apostrophe and saved as a workbook keeps it in the cell. Parquet
files are neither escaped nor unescaped.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["escape_apostrophes", "escape_formula", "escape_formulas", "unescape_formula",
           "unescape_formulas"]

#: A text cell a spreadsheet would take as a formula (after any apostrophes already there).
_ESCAPE = re.compile(r"^'*[=+\-@\t\r]")
#: A cell carevoice escaped: one apostrophe or more, then a formula character.
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
#: A number as a spreadsheet reads it: left as it is.
_NUMBER = re.compile(r"^[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


def escape_formula(value: Any) -> Any:
    """``value`` with a leading apostrophe if a spreadsheet would take it as a formula.

    Parameters
    ----------
    value : object
        A cell; only a ``str`` is ever changed.

    Returns
    -------
    object

    Examples
    --------
    >>> escape_formula("=1+1 is how many times I moved"), escape_formula("-99")
    ("'=1+1 is how many times I moved", '-99')
    >>> escape_formula("'=already escaped"), escape_formula("fine")
    ("''=already escaped", 'fine')
    """
    if isinstance(value, str) and _ESCAPE.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def escape_apostrophes(value: Any) -> Any:
    """``value`` with one more leading apostrophe if :func:`unescape_formula` would remove one.

    For files whose cells are text whatever they begin with (XLSX), so that what the readers
    unescape is given back unchanged.

    Examples
    --------
    >>> escape_apostrophes("'=x"), escape_apostrophes("=x")
    ("''=x", '=x')
    """
    if isinstance(value, str) and _ESCAPED.match(value):
        return "'" + value
    return value


def unescape_formula(value: Any) -> Any:
    """``value`` less one leading apostrophe if it was escaped by :func:`escape_formula`.

    Parameters
    ----------
    value : object
        A cell; only a ``str`` is ever changed.

    Returns
    -------
    object

    Examples
    --------
    >>> unescape_formula("'=1+1 is how many times I moved")
    '=1+1 is how many times I moved'
    >>> unescape_formula("''=x"), unescape_formula("'tis"), unescape_formula("-99")
    ("'=x", "'tis", '-99')
    """
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def _is_text(dtype: Any) -> bool:
    return dtype == object or isinstance(dtype, pd.StringDtype)


def _text_columns(frame: pd.DataFrame) -> list[Any]:
    return [c for c in frame.columns
            if _is_text(frame[c].dtype) or (isinstance(frame[c].dtype, pd.CategoricalDtype)
                                            and _is_text(frame[c].cat.categories.dtype))]


def _mapped(frame: pd.DataFrame, pattern: re.Pattern[str], cell: Any) -> pd.DataFrame:
    out = None
    for column in _text_columns(frame):
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            # levels written (answers of a typed frame); escaping keeps them distinct
            if cell is not escape_formula:
                continue
            categories = values.cat.categories
            if any(isinstance(v, str) and pattern.match(v) for v in categories):
                out = frame.copy() if out is None else out
                out[column] = values.cat.rename_categories([cell(v) for v in categories])
            continue
        # the .str accessor tests every cell in C; a column of non-strings has none
        try:
            hits = values.str.match(pattern.pattern, na=False)
        except AttributeError:
            continue
        where = np.flatnonzero(hits.to_numpy(dtype=bool))
        if len(where):
            out = frame.copy() if out is None else out
            cells = values.tolist()
            for i in where:
                cells[i] = cell(cells[i])
            # not Series.map, which turns None and <NA> into NaN in an object column
            out[column] = pd.Series(cells, index=values.index, dtype=values.dtype,
                                    name=values.name)
    # the header row is cells too (a table whose columns are answers, "By placement type")
    if any(isinstance(c, str) and pattern.match(c) for c in frame.columns):
        out = frame.copy() if out is None else out
        out.columns = [cell(c) for c in frame.columns]
    return frame if out is None else out


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and column name escaped by :func:`escape_formula`.

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when no cell needs escaping; the caller's frame is never changed.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["@ my review", "ok"], "n": [-1, 2]})
    >>> escape_formulas(frame)["text"].tolist(), frame["text"].tolist()
    (["'@ my review", 'ok'], ['@ my review', 'ok'])
    """
    return _mapped(frame, _ESCAPE, escape_formula)


def unescape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and column name unescaped by :func:`unescape_formula`.

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when no cell was escaped; the caller's frame is never changed.

    Examples
    --------
    >>> unescape_formulas(pd.DataFrame({"text": ["'@ my review"]}))["text"].tolist()
    ['@ my review']
    """
    return _mapped(frame, _ESCAPED, unescape_formula)
