"""Workbook cells whose words a spreadsheet took for a formula, and error values in any file.

The comments are fictional, written for these tests.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

import pandas as pd

from carevoice._files import read_table

TEXTS = ["=( upset because I moved again", "more trips out please",
         "-more money for bus fares", "+ more time at the youth club", "I like my carers"]


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"comment_id": [f"c{i}" for i in range(1, 6)],
                         "respondent_id": [f"r{i}" for i in range(1, 6)], "text": TEXTS})


def _pandas_workbook(path: Path) -> Path:
    """As ``DataFrame.to_excel`` writes it: a string that begins with "=" becomes a formula."""
    _frame().to_excel(path, index=False)
    return path


def _excel_saved_workbook(path: Path) -> Path:
    """As Excel saves typed text it took for a formula: the formula with a cached #NAME?."""
    frame = _frame()
    frame.loc[[0, 2, 3], "text"] = ["SLOT0", "SLOT1", "SLOT2"]
    frame.to_excel(path, index=False)
    with zipfile.ZipFile(path) as book:
        files = {n: book.read(n) for n in book.namelist()}
    sheet = files["xl/worksheets/sheet1.xml"].decode()
    for ref, formula in (("C2", "( upset because I moved again"),
                         ("C4", "-more money for bus fares"),
                         ("C5", "+ more time at the youth club")):
        sheet = re.sub(rf'<c r="{ref}"[^>]*>.*?</c>',
                       f'<c r="{ref}" t="e"><f>{formula}</f><v>#NAME?</v></c>', sheet)
    files["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return path


def test_a_formula_with_no_value_is_read_as_its_text_and_named(tmp_path, caplog):
    path = _pandas_workbook(tmp_path / "comments.xlsx")
    with caplog.at_level(logging.WARNING, logger="carevoice"):
        frame = read_table(path)
    assert list(frame["text"]) == TEXTS
    message = " ".join(r.getMessage() for r in caplog.records)
    assert "1 cell (column 'text'; row 2) holds a formula" in message
    assert "upset" not in message  # where, never what


def test_an_error_value_cached_by_excel_gives_back_what_was_typed(tmp_path, caplog):
    path = _excel_saved_workbook(tmp_path / "comments.xlsx")
    with caplog.at_level(logging.WARNING, logger="carevoice"):
        frame = read_table(path)
    assert "#NAME?" not in set(frame["text"])
    assert list(frame["text"]) == TEXTS
    message = " ".join(r.getMessage() for r in caplog.records)
    assert "3 cells (column 'text'; rows 2, 4, 5) hold a formula" in message
    assert "bus fares" not in message


def test_a_workbook_without_formulas_says_nothing_and_a_computed_formula_keeps_its_value(
        tmp_path, caplog):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["respondent_id", "age"])
    sheet.append(["r1", 12])
    book.save(tmp_path / "plain.xlsx")
    with caplog.at_level(logging.WARNING, logger="carevoice"):
        assert list(read_table(tmp_path / "plain.xlsx")["age"]) == ["12"]
    assert not caplog.records
    # a formula Excel computed: its value is read, not its text
    path = tmp_path / "computed.xlsx"
    book = Workbook()
    book.active.append(["respondent_id", "age"])
    book.active.append(["r1", "SLOT"])
    book.save(path)
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    sheet_xml = files["xl/worksheets/sheet1.xml"].decode()
    sheet_xml = re.sub(r'<c r="B2"[^>]*>.*?</c>', '<c r="B2"><f>10+2</f><v>12</v></c>', sheet_xml)
    files["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="carevoice"):
        assert list(read_table(path)["age"]) == ["12"]
    assert not caplog.records


def test_error_values_in_a_csv_are_named_by_line(tmp_path, caplog):
    path = tmp_path / "comments.csv"
    path.write_text("comment_id,respondent_id,text\nc1,r1,#NAME?\nc2,r2,fine thanks\n"
                    "c3,r3, #VALUE! \n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="carevoice"):
        frame = read_table(path)
    assert len(frame) == 3  # read as written: nothing dropped
    message = " ".join(r.getMessage() for r in caplog.records)
    assert "2 cells (column 'text'; lines 2, 4) hold only a spreadsheet error value" in message
