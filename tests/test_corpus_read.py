"""Reading files: mixed encodings, separators, malformed CSV and XLSX, headers, output paths."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import carevoice as cv
from carevoice.corpus import (
    check_output_path,
    decode_bytes,
    describe_columns,
    read_table,
    write_table,
)

SECRET = "Zebedee Quorn lives in Barnsley"  # fictional; must never appear in errors
MIXED = ("comment_id,text\nc1,I love my café 😀\nc2,Zebedee Quorn’s house\n".encode()
         + "c3,I don’t know\n".encode("cp1252"))


def _bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _text(tmp_path: Path, name: str, text: str) -> Path:
    return _bytes(tmp_path, name, text.encode("utf-8"))


# ------------------------------------------------------------------ encodings
def test_mixed_utf8_and_cp1252_is_refused_naming_the_lines(tmp_path):
    path = _bytes(tmp_path, "mixed.csv", MIXED)
    with pytest.raises(cv.InputError) as info:
        read_table(path)
    message = str(info.value)
    assert "mixed.csv mixes encodings" in message
    assert "line 2 is UTF-8 but line 4 is not" in message and "--encoding" in message
    assert "Zebedee" not in message


def test_forced_encoding_reads_a_mixed_file_as_told(tmp_path):
    frame = read_table(_bytes(tmp_path, "mixed.csv", MIXED), encoding="cp1252")
    assert frame.attrs["encoding"] == "cp1252"
    assert frame["text"].iloc[2] == "I don’t know"


def test_forced_wrong_encoding_names_the_line():
    with pytest.raises(cv.InputError, match="not valid utf-8 \\(line 2"):
        decode_bytes("id\ncafé".encode("cp1252"), "utf-8")


def test_unknown_encoding_is_an_input_error(tmp_path):
    with pytest.raises(cv.InputError, match="encoding 'utf-9' is unknown"):
        read_table(_text(tmp_path, "c.csv", "a\n1\n"), encoding="utf-9")


# ------------------------------------------------------------------ separators
@pytest.mark.parametrize(("name", "text"), [
    ("semi.csv", "comment_id;text;extra\nc1;hello, world;x\nc2;bye;y\n"),
    ("tab.csv", "comment_id\ttext\textra\nc1\thello, world\tx\nc2\tbye\ty\n"),
    ("tab.tsv", "comment_id\ttext\textra\nc1\thello, world\tx\nc2\tbye\ty\n"),
    ("bar.csv", "comment_id|text|extra\nc1|hello, world|x\nc2|bye|y\n"),
    ("comma.csv", 'comment_id,text,extra\nc1,"hello, world",x\nc2,bye,y\n'),
    ("quoted.csv", '"comment_id","text","extra"\nc1,"hello, world",x\nc2,bye,y\n'),
])
def test_separator_is_detected_from_the_header(tmp_path, name, text):
    frame = read_table(_text(tmp_path, name, text))
    assert list(frame.columns) == ["comment_id", "text", "extra"]
    assert frame["text"].tolist() == ["hello, world", "bye"]


def test_separator_can_be_given(tmp_path):
    path = _text(tmp_path, "c.csv", "comment_id;text\nc1;a,b\n")
    assert read_table(path, sep=";")["text"].tolist() == ["a,b"]
    with pytest.raises(cv.InputError, match="line 2 has 2 fields but the header"):
        read_table(path, sep=",")
    path = _text(tmp_path, "t.csv", "comment_id\ttext\nc1\ta;b\n")
    assert read_table(path, sep="tab")["text"].tolist() == ["a;b"]
    with pytest.raises(cv.InputError, match="one character"):
        read_table(path, sep=";;")


# ------------------------------------------------------------------ malformed files
@pytest.mark.parametrize(("name", "data", "fragment"), [
    ("extra.csv", f"comment_id,text\nc1,fine\nc2,{SECRET},more,here\nc3,ok\n".encode(),
     "extra.csv: line 3 has 4 fields but the header (line 1) has 2"),
    ("unclosed.csv", f'comment_id,text\nc1,fine\n\nc2,"{SECRET}\nc3,ok\n'.encode(),
     "unclosed.csv: the row starting on line 4 opens a double quote"),
    ("stray.csv", f'comment_id,text\nc1,"{SECRET}" and more\n'.encode(),
     "stray.csv: line 2 is not valid CSV"),
    ("empty.csv", b"", "empty.csv is empty: it has no header row"),
    ("blank.csv", b"\n  \n", "blank.csv is empty"),
    ("dupe.csv", b"comment_id,text, text\nc1,a,b\n", "names the column(s) 'text' more than"),
    ("renamed.xlsx", f"comment_id,text\nc1,{SECRET}\n".encode(),
     "renamed.xlsx is not a readable Excel workbook (BadZipFile)"),
    ("bad.parquet", b"PAR1 not really", "bad.parquet is not a readable Parquet file"),
])
def test_bad_files_are_input_errors_naming_file_and_line(tmp_path, name, data, fragment):
    with pytest.raises(cv.InputError) as info:
        cv.read_comments(_bytes(tmp_path, name, data))
    assert fragment in str(info.value)
    assert "Zebedee" not in str(info.value)


def test_lenient_rows_are_kept(tmp_path):
    # trailing separators, short rows and blank lines (Excel leaves all three)
    path = _text(tmp_path, "c.csv", "comment_id,text,\nc1,a,\n\nc2\n,,\nc3,\"x\"\"y\",\n")
    frame = read_table(path)
    assert frame.columns.tolist() == ["comment_id", "text"]
    assert frame["comment_id"].tolist() == ["c1", "c2", "c3"]
    assert frame["text"].fillna("<none>").tolist() == ["a", "<none>", 'x"y']


def test_a_comment_longer_than_csvs_default_field_limit_is_read(tmp_path):
    big = "word " * 40_000
    frame = read_table(_text(tmp_path, "c.csv", f'comment_id,text\nc1,"{big}"\n'))
    assert frame["text"].iloc[0] == big


def test_duplicate_xlsx_headers_are_refused(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["comment_id", "text", "text"])
    book.active.append(["c1", "a", "b"])
    book.save(tmp_path / "d.xlsx")
    with pytest.raises(cv.InputError, match="header \\(row 1\\) names the column\\(s\\) 'text'"):
        read_table(tmp_path / "d.xlsx")


def test_xlsx_escapes_are_decoded_and_kept_on_writing(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["comment_id", "text"])
    book.active.append(["c1", "line1_x000D_\nline2"])  # as Excel stores a carriage return
    book.active.append(["c2", "a_x005F_x0041_b"])       # a literal "_x0041_", escaped
    book.active.append([None, None])
    book.active.append(["c3", "after a blank row"])
    book.save(tmp_path / "x.xlsx")
    frame = read_table(tmp_path / "x.xlsx")
    assert frame["text"].tolist() == ["line1\r\nline2", "a_x0041_b", "after a blank row"]
    back = read_table(write_table(frame, tmp_path / "y.xlsx"))
    assert back["text"].tolist() == frame["text"].tolist()


def test_xlsx_rows_are_spreadsheet_row_numbers(tmp_path):
    book = openpyxl.Workbook()
    for row in (["comment_id", "text"], ["c1", "a"], [None, None], [None, "b"]):
        book.active.append(row)
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(cv.ValidationError) as info:
        cv.read_comments(tmp_path / "x.xlsx")
    assert info.value.problems[0].rows == (4,) and "row numbers in x.xlsx" in str(info.value)


def test_missing_sheet_lists_the_sheets(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Responses"
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(cv.InputError, match="no sheet 'Data'; its sheets are \\['Responses'\\]"):
        read_table(tmp_path / "x.xlsx", sheet_name="Data")


# ------------------------------------------------------------------ headers in messages
def test_a_file_without_header_row_is_not_echoed(tmp_path):
    path = _text(tmp_path, "nohdr.csv", f"c1,{SECRET}\nc2,I like school\n")
    with pytest.raises(cv.ValidationError) as info:
        cv.read_comments(path)
    assert "first row looks like data" in str(info.value)
    assert "Zebedee" not in str(info.value) and "c1" not in str(info.value)


@pytest.mark.parametrize(("columns", "shown", "hidden"), [
    (["ID", "Answer"], ["'ID'", "'Answer'"], []),
    (["ID", SECRET], ["'ID'", "31-character header"], ["Zebedee"]),
    (["ID", "Zebedee Quorn"], ["'ID'", "13-character header"], ["Zebedee"]),
    (["ID", "zq@example.com"], ["'ID'"], ["example.com"]),
    (["ID", "What would make your life better?"], ["'What would make your life better?'"], []),
    (["comment_id", SECRET], [repr(SECRET)], []),  # a known column: a header row, shown
])
def test_describe_columns_masks_headers_that_may_be_data(columns, shown, hidden):
    text = describe_columns(columns, expected=["comment_id", "text"])
    for part in shown:
        assert part in text
    for part in hidden:
        assert part not in text


def test_a_title_row_above_the_header_is_named_as_such(tmp_path):
    """An Excel export with a title in row 1, a blank row and the header in row 3: the error
    says the header seems to be further down and how to fix the file, and shows neither the
    title nor carevoice's own names of the blank header cells as hidden headers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Children in care survey 2025 - export"])
    sheet.append([])
    sheet.append(["Respondent ID", "How old are you?", "What would make your life better?"])
    sheet.append(["0001", "8-10", "more time with my family"])
    sheet.append(["0002", "11-13", "a bike"])
    book.save(tmp_path / "messy.xlsx")
    csv = _text(tmp_path, "messy.csv", "Children in care survey 2025 - export,,\n,,\n"
                "Respondent ID,How old are you?,What would make your life better?\n"
                "0001,8-10,more time with my family\n")
    for path in (tmp_path / "messy.xlsx", csv):
        with pytest.raises(cv.ValidationError) as info:
            cv.read_survey(path, text_columns=["What would make your life better?"],
                           id_column="Respondent ID")
        message = " ".join(str(info.value).split())
        assert "header seems to be further down" in message
        assert "Delete the rows above the header" in message
        assert "character header, not shown" not in message and "Children" not in message
    # a CSV title line of one field: the line count error says what it may be
    title = _text(tmp_path, "title.csv", "Children in care survey 2025\n"
                  "Respondent ID,How old are you?\n0001,8-10\n")
    with pytest.raises(cv.InputError, match="If line 1 is a title above the header, delete"):
        read_table(title)


def test_blank_header_cells_are_shown_by_the_name_carevoice_gives_them():
    text = describe_columns(["ID", "Unnamed: 1", "Answer", "Unnamed: 3"])
    assert text == "found the columns 'ID', 'Unnamed: 1', 'Answer', 'Unnamed: 3'"


def test_theme_coder_does_not_echo_data_headers_and_needs_ids():
    from carevoice.themes.model import _texts_of

    frame = pd.DataFrame({"c1": ["c2"], SECRET: ["hello"]})
    with pytest.raises(cv.InputError) as info:
        _texts_of(frame, "comments", "predict")
    assert "Zebedee" not in str(info.value) and "first row looks like data" in str(info.value)
    frame = pd.DataFrame({"comment_id": ["a", None, " "], "text": ["x", SECRET, "y"]})
    with pytest.raises(cv.InputError, match=r"rows without a comment_id \(rows counted from 1: "
                                            r"2, 3\)"):
        _texts_of(frame, "comments", "predict")


# ------------------------------------------------------------------ output paths
def test_output_paths_are_checked(tmp_path):
    (tmp_path / "file.csv").write_text("x")
    assert check_output_path(tmp_path / "new" / "codes.xlsx") == tmp_path / "new" / "codes.xlsx"
    with pytest.raises(cv.InputError, match="names a folder"):
        check_output_path(tmp_path)
    with pytest.raises(cv.InputError, match="must name a .csv, .xlsx or .parquet"):
        check_output_path(tmp_path / "codes.docx")
    with pytest.raises(cv.InputError, match="is a file, not a folder"):
        check_output_path(tmp_path / "file.csv" / "codes.csv")
    with pytest.raises(cv.InputError, match="must name a folder"):
        check_output_path(tmp_path / "file.csv", kind="folder")
    with pytest.raises(cv.InputError, match="must name a .qdpx file"):
        check_output_path(tmp_path / "p.zip", kind="file", suffixes=(".qdpx",))
    with pytest.raises(cv.InputError, match="'path' argument names a folder"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path)


# ------------------------------------------------------------------ missing-value codes
def test_readers_take_missing_values(tmp_path):
    from carevoice.corpus import read_corpus, read_respondents, read_survey

    _text(tmp_path, "r.csv", "respondent_id,placements,hours\nr1,4,3\nr2,don't know,-99\n"
                             "r3,10,5\n")
    _text(tmp_path, "c.csv", "comment_id,respondent_id,question_id,text\nc1,r1,q,hi\n")
    plain = read_respondents(tmp_path / "r.csv")
    assert isinstance(plain["placements"].dtype, pd.CategoricalDtype)
    typed = read_respondents(tmp_path / "r.csv", missing_values=["DON'T KNOW", "-99"])
    assert typed["placements"].tolist() == [4, pd.NA, 10] and typed["hours"].mean() == 4
    corpus = read_corpus(tmp_path / "c.csv", tmp_path / "r.csv",
                         missing_values={"placements": ["don't know"]})
    assert corpus.respondents["hours"].min() == -99
    _text(tmp_path, "wide.csv", "ID,Q,placements\n1,hello,4\n2,,don't know\n3,hi,10\n")
    wide = read_survey(tmp_path / "wide.csv", text_columns=["Q"], id_column="ID",
                       missing_values=["don't know"])
    assert str(wide.respondents["placements"].dtype) == "Int64"


def test_missing_values_override_the_types_a_side_file_recorded(tmp_path):
    from carevoice.corpus import read_respondents, survey_from_frame, write_corpus

    wide = pd.DataFrame({"id": ["1", "2", "3"], "Q": ["a", "b", "c"],
                         "placements": ["4", "don't know", "10"],
                         "feels_safe": ["always", "don't know", "never"]})
    corpus = survey_from_frame(wide, text_columns=["Q"], id_column="id",
                               levels={"feels_safe": ["never", "don't know", "always"]})
    paths = write_corpus(corpus, tmp_path / "long")  # records a category and an order
    typed = read_respondents(paths["respondents"], missing_values=["don't know"])
    assert typed["placements"].tolist() == [4, pd.NA, 10]
    assert list(typed["feels_safe"].cat.categories) == ["never", "always"]
    assert typed["feels_safe"].cat.ordered
    again = read_respondents(paths["respondents"])  # without codes: as recorded
    assert list(again["placements"].cat.categories) == ["4", "10", "don't know"]


def test_unordered_levels_put_numbers_in_number_order():
    from carevoice.corpus import type_answers

    typed = type_answers(pd.DataFrame({"respondent_id": list("abcdef"),
                                       "home": ["unit 10", "unit 2", "unit 1", "12", "3", "x"]}))
    assert list(typed["home"].cat.categories) == ["3", "12", "unit 1", "unit 2", "unit 10", "x"]


def test_a_bare_carriage_return_survives_write_table(tmp_path):
    from carevoice.corpus import read_table, write_table

    frame = pd.DataFrame({"comment_id": ["a", "b"], "text": ["line one\rKai here", "ok"]})
    path = write_table(frame, tmp_path / "t.csv")
    assert read_table(path).to_dict("records") == frame.to_dict("records")
    plain = write_table(frame.assign(text=["x", "y"]), tmp_path / "p.csv")
    assert b"\r" not in plain.read_bytes()  # ordinary tables keep their line ends


@pytest.mark.parametrize(("header", "shown"), [
    ("Respondent ID", True), ("Age group", True), ("Placement type", True),
    ("Local authority (Q3)", True), ("comment_id", True),
    ("What would make your life better?", True),
    ("Zebedee Quorn", False), ("Zebedee Quorn lives in Barnsley", False),
    ("i hate my sw", False), ("age group 07700 900123", False), ("jo@example.com", False),
])
def test_ordinary_headers_are_shown_and_data_like_ones_hidden(header, shown):
    """`validate` on a wide export hid "Respondent ID" and "Age group" as data."""
    from carevoice._files import shown_header

    assert (shown_header(header) == repr(header)) is shown
