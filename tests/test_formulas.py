"""Text a spreadsheet would run as a formula: escaped in every CSV output, read back unchanged
(audit of the Excel round trip, finding 5). All texts are fictional."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice._formulas import (
    escape_formula,
    escape_formulas,
    unescape_formula,
    unescape_formulas,
)
from carevoice.corpus import read_comments, read_table, write_table
from carevoice.qda import read_qdpx

from ._quote_texts import MOVES, UNSAFE
from .conftest import SCREEN_RULES

runner = CliRunner()
FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
TEXTS = ["=1+1 is how many times I moved this year", "-more money for bus passes",
         "+ more time with my friends", "@ my review nobody listened to me",
         '=HYPERLINK("http://example.invalid/x","more info")', "\tindented", "\rodd",
         "'=already has an apostrophe", "''-two", "'tis fine", "-", "- 5", "+44 7700 900123",
         "plain words", ""]

#: Text made of the characters that matter (apostrophes, formula characters, digits).
_text = st.text(alphabet=st.sampled_from(list("'=+-@\t\r0123456789.eE ,ab")), max_size=12)


@given(st.one_of(_text, st.text(max_size=20)))
def test_escape_then_unescape_gives_the_text_back(text):
    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    # what a spreadsheet sees never begins with a formula character, unless it is a number
    assert not FORMULA.match(escaped) or NUMBER.match(escaped)
    # a file read and written again is the same file (idempotent)
    assert escape_formula(unescape_formula(escaped)) == escaped


@pytest.mark.parametrize(("text", "written"), [
    ("=1+1", "'=1+1"), ("-more money", "'-more money"), ("+ more time", "'+ more time"),
    ("@ my review", "'@ my review"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-", "'-"),
    ("'=x", "''=x"), ("+44 7700 900123", "'+44 7700 900123"),
    # numbers stay numbers
    ("-99", "-99"), ("-1.5", "-1.5"), ("+44", "+44"), ("-1e5", "-1e5"), ("+447700900123",
                                                                         "+447700900123"),
    # not formulas
    ("'tis", "'tis"), ("I'm -5", "I'm -5"), ("", ""),
])
def test_what_is_escaped(text, written):
    assert escape_formula(text) == written


def test_frames_are_escaped_without_changing_the_callers():
    frame = pd.DataFrame({"text": ["@me", None, "ok"], "n": [-1, 2, 3],
                          "level": pd.Categorical(["-none-", "a", "-none-"])})
    out = escape_formulas(frame)
    assert out["text"].fillna("?").tolist() == ["'@me", "?", "ok"]
    assert out["n"].tolist() == [-1, 2, 3] and out["text"].dtype == frame["text"].dtype
    assert out["level"].tolist() == ["'-none-", "a", "'-none-"]
    assert frame["text"].fillna("?").tolist() == ["@me", "?", "ok"]
    assert unescape_formulas(out[["text"]])["text"].fillna("?").tolist() == ["@me", "?", "ok"]
    read = pd.DataFrame({"text": ["'=x", pd.NA, None]}, dtype=object)  # as the readers hold it
    assert unescape_formulas(read)["text"].tolist() == ["=x", pd.NA, None]
    plain = pd.DataFrame({"text": ["ok"]})
    assert escape_formulas(plain) is plain


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_write_table_escapes_csv_and_every_reader_reads_the_text_back(tmp_path, suffix):
    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(TEXTS))], "text": TEXTS,
                          "n": ["-99"] * len(TEXTS)})
    path = write_table(frame, tmp_path / f"comments.{suffix}")
    if suffix == "csv":
        raw = path.read_text("utf-8")
        assert "'=1+1 is how many" in raw and "'@ my review" in raw and "\n=" not in raw
        assert ",-99\n" in raw  # a number is left as it is
        assert pd.read_csv(path, dtype=str)["text"][0] == "'=1+1 is how many times I moved " \
                                                          "this year"  # what R or pandas see
    else:  # text cells, marked as text for Excel as a typed apostrophe is (quotePrefix)
        from openpyxl import load_workbook

        cells = {c.value: c for c in load_workbook(path).active["B"][1:]}
        assert cells["=1+1 is how many times I moved this year"].data_type == "s"
        assert cells["-more money for bus passes"].quotePrefix
        assert not cells["plain words"].quotePrefix
    back = read_table(path)
    assert back["text"].fillna("").tolist() == TEXTS
    assert read_comments(path)["text"].fillna("").tolist() == TEXTS
    # written again from what was read: the same file
    again = write_table(back, tmp_path / f"again.{suffix}")
    if suffix == "csv":
        assert again.read_bytes() == path.read_bytes()


def test_an_escaped_cell_kept_by_excel_in_a_workbook_reads_back(tmp_path):
    """A CSV opened in a spreadsheet that shows the apostrophe and saved as XLSX keeps it in
    the cell; Excel's own "text" marker (quotePrefix) is a style, not part of the value."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["comment_id", "text"])
    sheet.append(["c1", "'=1+1 is how many times I moved"])
    sheet.append(["c2", "@ my review"])
    sheet["B3"].quotePrefix = True
    sheet["B3"].data_type = "s"
    book.save(tmp_path / "saved.xlsx")
    assert read_table(tmp_path / "saved.xlsx")["text"].tolist() == [
        "=1+1 is how many times I moved", "@ my review"]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from carevoice.cli import app

    return app


def _raw_cells(path, column):
    """The cells of a CSV column as written, apostrophes included."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return frame[column].tolist()


def test_convert_and_pseudonymise_escape_and_offsets_refer_to_the_text(tmp_path, app):
    """convert's comments.csv, the pseudonymised comments, the review file and reidentify's
    output are escaped; pseudonymise reads the escaped comments back as the young people's
    words, so the spans' offsets are into the text without the apostrophe."""
    wide = tmp_path / "export.csv"
    wide.write_text('ID,Q1,age\n1,"=1+1 times I moved, said Kai Brennan",8-10\n'
                    "2,@ my review nobody listened to Zorblax Quentin,11-13\n"
                    "3,-more money for bus passes,-99\n", "utf-8")
    long = tmp_path / "long"
    done = runner.invoke(app, ["convert", str(wide), "--id-column", "ID", "--text-column",
                               "Q1=better", "--output", str(long)])
    assert done.exit_code == 0, done.output
    assert _raw_cells(long / "comments.csv", "text") == [
        "'=1+1 times I moved, said Kai Brennan",
        "'@ my review nobody listened to Zorblax Quentin", "'-more money for bus passes"]
    assert _raw_cells(long / "respondents.csv", "age")[2] == "-99"
    out, spans, review = tmp_path / "p.csv", tmp_path / "s.jsonl", tmp_path / "r.csv"
    done = runner.invoke(app, ["pseudonymise", str(long / "comments.csv"), "-o", str(out),
                               "--spans", str(spans), "--review-file", str(review),
                               "--review-threshold", "1.0", "--new-secret",
                               str(tmp_path / "secret.txt"), "--key-file",
                               str(tmp_path / "key.bin")])
    assert done.exit_code == 0, done.output
    texts = {"1-better": "=1+1 times I moved, said Kai Brennan",
             "2-better": "@ my review nobody listened to Zorblax Quentin"}
    found = [json.loads(line) for line in spans.read_text("utf-8").splitlines()]
    names = {(s["comment_id"], texts[s["comment_id"]][s["start"]:s["end"]]) for s in found
             if s["comment_id"] in texts}
    assert ("1-better", "Kai Brennan") in names or ("1-better", "Kai") in names
    written = _raw_cells(out, "text")
    assert written[0].startswith("'=1+1 times I moved, said [") and written[1].startswith("'@")
    assert written[2] == "'-more money for bus passes"
    assert read_comments(out)["text"][0].startswith("=1+1 times I moved, said [")
    rows = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    # a context that begins the comment begins with its formula character: escaped
    assert rows["context"].str.match(r"^'[=@]").any()
    assert not rows["context"].str.match(r"^[=+\-@]").any()
    restored = tmp_path / "back.csv"
    done = runner.invoke(app, ["reidentify", str(out), "--key-file", str(tmp_path / "key.bin"),
                               "--secret-file", str(tmp_path / "secret.txt"), "-o",
                               str(restored)])
    assert done.exit_code == 0, done.output
    assert _raw_cells(restored, "text")[:2] == ["'" + texts["1-better"], "'" + texts["2-better"]]
    assert read_comments(restored)["text"].tolist()[:2] == list(texts.values())


def test_review_decisions_on_formula_text_apply_through_the_escaped_file(tmp_path, app):
    """A span whose text begins with "@" (a handle) is escaped in the review file; a
    reviewer's decision on it still applies (the fingerprint is of the unescaped text)."""
    src = tmp_path / "c.csv"
    src.write_text("comment_id,text\nc1,@zorblax_q is my friend\nc2,-me and Kai\n", "utf-8")
    review = tmp_path / "r.csv"
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                               "--review-file", str(review), "--review-threshold", "1.0"])
    assert done.exit_code == 0, done.output
    rows = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert "'@zorblax_q" in rows["span_text"].tolist()
    rows["decision"] = "reject"
    rows.to_csv(review, index=False)
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o2.csv"),
                               "--decisions", str(review)])
    assert done.exit_code == 0, done.output
    assert "'stale': 0" in done.output
    texts = read_comments(tmp_path / "o2.csv")["text"].tolist()
    assert texts[0] == "@zorblax_q is my friend" and texts[1].startswith("-me and ")


def test_import_qdpx_comments_are_escaped_and_export_reads_them_back(tmp_path, app):
    comments = tmp_path / "comments.csv"
    write_table(pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r1", "r2"],
                              "text": ["=( sad because I moved school again",
                                       "+ more time with my friends"]}), comments)
    codes = tmp_path / "codes.csv"
    codes.write_text("comment_id,theme,score,assigned\nc1,placement_stability,0.9,True\n",
                     "utf-8")
    project = tmp_path / "p.qdpx"
    done = runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o", str(project),
                               "--already-pseudonymised"])
    assert done.exit_code == 0, done.output
    assert read_qdpx(project).comments["text"].tolist() == [
        "=( sad because I moved school again", "+ more time with my friends"]
    back = tmp_path / "imp_comments.csv"
    done = runner.invoke(app, ["import-qdpx", str(project), "-o", str(tmp_path / "c.csv"),
                               "--comments", str(back)])
    assert done.exit_code == 0, done.output
    assert _raw_cells(back, "text") == ["'=( sad because I moved school again",
                                        "'+ more time with my friends"]
    assert read_comments(back)["text"].tolist() == ["=( sad because I moved school again",
                                                    "+ more time with my friends"]


def test_report_quotes_and_tables_are_escaped(tmp_path):
    """quotes.csv and the tables (answer levels) of a report."""
    from carevoice.quotes import QuoteConfig
    from carevoice.report import build_report

    signs = "=-+@"
    resp = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(40)],
                         "placement_type": ["-other-"] * 20 + ["foster"] * 20})
    rows = [(f"a{i}", f"r{i}", signs[i % 4] + t, "placement_stability")
            for i, t in enumerate(MOVES)]
    rows += [(f"b{i}", f"r{20 + i}", signs[i % 4] + t, "safety")
             for i, t in enumerate(UNSAFE)]
    comments = pd.DataFrame([r[:3] for r in rows], columns=["comment_id", "respondent_id", "text"])
    codes = pd.DataFrame([(r[0], r[3]) for r in rows], columns=["comment_id", "theme"])
    written = build_report((comments, resp), codes, tmp_path, formats=["md"],
                           text_is_pseudonymised=True, safeguarding=SCREEN_RULES,
                           embedder=HashingEmbedder(),
                           timestamp=False, themes=["placement_stability", "safety"],
                           quote_config=QuoteConfig(n_quotes=4))
    quoted = _raw_cells(written["quotes"], "text")
    assert quoted and all(q[0] == "'" and q[1] in signs for q in quoted)
    assert read_table(written["quotes"])["text"].str[0].isin(list(signs)).all()
    tables = "".join(p.read_text("utf-8") for p in (tmp_path / "tables").glob("*.csv"))
    assert "'-other-" in tables and not re.search(r"(^|,)-other-", tables, re.MULTILINE)


def test_review_file_as_a_workbook_and_its_decisions_read_back(tmp_path, app):
    """Audit finding 6: --review-file review.xlsx wrote CSV under an .xlsx name, which
    neither Excel nor --decisions could open."""
    import zipfile

    from openpyxl import load_workbook

    src = tmp_path / "c.csv"
    src.write_text("comment_id,text\nc1,=me and Zorblax Quentin\nc2,@zorblax_q is my friend\n",
                   "utf-8")
    review = tmp_path / "review.xlsx"
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                               "--review-file", str(review), "--review-threshold", "1.0"])
    assert done.exit_code == 0, done.output
    assert zipfile.is_zipfile(review) and review.stat().st_mode & 0o777 == 0o600
    book = load_workbook(review)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    contexts = [row[header.index("context")] for row in sheet.iter_rows(min_row=2)]
    assert contexts and all(c.data_type == "s" for c in contexts)  # text, never a formula
    assert any(c.value.startswith("=") for c in contexts)  # no apostrophe in a workbook
    for row in sheet.iter_rows(min_row=2):
        row[header.index("decision")].value = "Reject"
    book.save(review)
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o2.csv"),
                               "--decisions", str(review)])
    assert done.exit_code == 0, done.output
    assert "'stale': 0" in done.output and "'rejected': 0" not in done.output
    assert read_comments(tmp_path / "o2.csv")["text"].tolist()[1] == "@zorblax_q is my friend"


@pytest.mark.parametrize("name", ["review.txt", "review.xls", "review"])
def test_review_file_of_another_kind_is_refused_before_any_work(tmp_path, app, name):
    src = tmp_path / "c.csv"
    src.write_text("comment_id,text\nc1,me and Zorblax Quentin\n", "utf-8")
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                               "--review-file", str(tmp_path / name)])
    assert done.exit_code == 2
    assert "--review-file option must name a .csv or .xlsx file" in done.output
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / name).exists()
    from carevoice.errors import InputError
    from carevoice.pseudonymise import write_review

    with pytest.raises(InputError, match="'path' argument must name a .csv or .xlsx"):
        write_review(tmp_path / name, pd.read_csv(src), pd.DataFrame())


def test_batch_outputs_are_escaped_and_its_chunks_read_back(tmp_path):
    """A batch run writes its tables through its own writer and reads CSV inputs in chunks."""
    from carevoice.batch.chunks import Source, plan_chunks, read_chunk
    from carevoice.batch.outputs import write_table as write_batch_table

    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(TEXTS))], "text": TEXTS})
    path = write_batch_table(frame, tmp_path / "comments.csv", "csv")
    assert "'=1+1 is how many" in path.read_text("utf-8")
    assert read_table(path)["text"].fillna("").tolist() == TEXTS
    source = Source(path)
    chunks = [read_chunk(source, s) for s in plan_chunks(source, 4)]
    assert pd.concat(chunks)["text"].fillna("").tolist() == TEXTS
