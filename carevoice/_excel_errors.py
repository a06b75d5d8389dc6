"""Cells whose words a spreadsheet replaced: formula cells in workbooks, error values anywhere.

A young person's "-more money for bus passes" or "=( sad" typed into Excel, or written to a
workbook by pandas (``DataFrame.to_excel`` stores a string that begins with ``=`` as a
formula), is kept as a *formula*. Reading the workbook's values then gives the formula's
cached result: ``#NAME?`` or nothing at all, and the comment is lost or replaced by an error
code that would be pseudonymised, coded and counted as an answer. This module finds such
cells so that the reader can give back the words (the formula's own text, which holds them)
and say where, never what.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import format_ids

__all__ = ["EXCEL_ERRORS", "formula_texts", "lost_to_formula", "warn_error_values",
           "warn_formula_cells"]

logger = logging.getLogger("carevoice.corpus")

#: The error values a spreadsheet shows for a formula it cannot compute.
EXCEL_ERRORS = frozenset({"#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!",
                          "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet of the workbook holds a formula (a quick look at its XML)."""
    try:
        with zipfile.ZipFile(path) as book:
            for info in book.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with book.open(info) as sheet:
                        data = sheet.read()
                    if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                        return True
    except (OSError, zipfile.BadZipFile):
        return False
    return False


def formula_texts(path: Path, sheet_name: str | int) -> dict[tuple[int, int], str]:
    """The formulas of a worksheet, by (row number, column index from 0).

    Parameters
    ----------
    path : pathlib.Path
        An XLSX workbook that openpyxl has already opened once.
    sheet_name : str or int
        The sheet, by name or position.

    Returns
    -------
    dict
        Each formula cell's text as the workbook stores it (``"=( sad ..."``); empty when the
        sheet holds none (found without parsing the sheet when no worksheet has a formula).
    """
    if not _has_formulas(path):
        return {}
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = book[sheet_name] if isinstance(sheet_name, str) else book.worksheets[sheet_name]
        return {(number, j): _typed(str(cell.value))
                for number, row in enumerate(sheet.iter_rows(min_row=1), start=1)
                for j, cell in enumerate(row)
                if getattr(cell, "data_type", None) == "f" and cell.value is not None}
    finally:
        book.close()


def _typed(formula: str) -> str:
    """What was typed: Excel stores a typed "-more money" as the formula "=-more money".

    Examples
    --------
    >>> _typed("=-more money"), _typed("=( sad"), _typed("=+ more time")
    ('-more money', '=( sad', '+ more time')
    """
    return formula[1:] if formula[:1] == "=" and formula[1:2] in ("-", "+", "@") else formula


def lost_to_formula(cached: Any) -> bool:
    """Whether a formula cell's cached value says its text was taken for a formula.

    Examples
    --------
    >>> lost_to_formula(None), lost_to_formula("#NAME?"), lost_to_formula(14)
    (True, True, False)
    """
    return cached is None or (isinstance(cached, str) and cached.strip() in EXCEL_ERRORS)


def warn_formula_cells(name: str, cells: Sequence[tuple[int, str]]) -> None:
    """Log the workbook cells read as their formula's text: row numbers and columns only."""
    if not cells:
        return
    columns = sorted({str(c) for _, c in cells})
    rows = sorted({r for r, _ in cells})
    shown = format_ids(rows, limit=10)
    logger.warning(
        "%s: %d cell%s (column%s %s; row%s %s) %s a formula that a spreadsheet could not "
        "compute (no value, or an error such as #NAME?): text beginning with =, +, - or @ "
        "that Excel or pandas stored as a formula. They are read as the formula's text, "
        "which holds the words; check them, and format such columns as Text before typing "
        "or pasting.", name, len(cells), "" if len(cells) == 1 else "s",
        "" if len(columns) == 1 else "s", ", ".join(repr(c) for c in columns),
        "" if len(rows) == 1 else "s", shown, "holds" if len(cells) == 1 else "hold")


def warn_error_values(frame: pd.DataFrame, rows: Sequence[int], name: str, unit: str) -> None:
    """Log the cells that hold only a spreadsheet error value (``#NAME?``): words lost earlier.

    A CSV file re-saved from a spreadsheet that had taken a comment for a formula holds the
    error in place of the comment; nothing can bring the words back, so the user is told
    where (the column and the line or row numbers), never what.
    """
    if frame.empty:
        return
    found = frame.apply(lambda c: c.astype("string").str.strip().isin(EXCEL_ERRORS)
                        .fillna(False).astype(bool))
    if not found.to_numpy().any():
        return
    columns = [str(c) for c in frame.columns[found.any(axis=0).to_numpy()]]
    where = sorted({int(rows[i]) for i in found.any(axis=1).to_numpy().nonzero()[0]})
    shown = format_ids(where, limit=10)
    logger.warning(
        "%s: %d cell%s (column%s %s; %s%s %s) %s only a spreadsheet error value such as "
        "#NAME?: a spreadsheet took the text for a formula and the words were lost before "
        "this file was saved. They are read as written; recover the answers from the "
        "original export.", name, int(found.to_numpy().sum()),
        "" if found.to_numpy().sum() == 1 else "s", "" if len(columns) == 1 else "s",
        ", ".join(repr(c) for c in columns), unit, "" if len(where) == 1 else "s", shown,
        "holds" if found.to_numpy().sum() == 1 else "hold")
