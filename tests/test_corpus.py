"""Readers, validation and writers: table-driven good and bad files, and a round-trip property."""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carevoice as cv
from carevoice.corpus import decode_bytes, read_table, survey_from_frame, type_answers

SECRET_TEXT = "Kayleigh Marsh lives at 12 Fenwick Road"  # fictional; must never appear in errors

WIDE_CSV = (
    "Respondent ID,What would make your life better?,Anything else?,age_group,feels_safe,score\n"
    "7,seeing my nan more,,8-10,always,7\n"
    "8,   ,n/a,11-13,sometimes,5\n"
    "9,café trips with Zoë – please,\"line one\nline two\",16-17,never,3\n"
)


def _write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8",
           bom: bool = False) -> Path:
    path = tmp_path / name
    data = content.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


# ------------------------------------------------------------------ encodings (table-driven)
@pytest.mark.parametrize(("encoding", "bom", "expected"), [
    ("utf-8", False, "utf-8"),
    ("utf-8", True, "utf-8-sig"),
    ("cp1252", False, "cp1252"),
])
def test_read_survey_detects_encodings(tmp_path, encoding, bom, expected):
    path = _write(tmp_path, "export.csv", WIDE_CSV, encoding, bom)
    assert read_table(path).attrs["encoding"] == expected
    corpus = cv.read_survey(path, text_columns={"What would make your life better?": "better",
                                                "Anything else?": "anything"},
                            id_column="Respondent ID")
    texts = corpus.comments.set_index("comment_id")["text"]
    assert texts["9-better"] == "café trips with Zoë – please"
    assert texts["9-anything"] == "line one\nline two"


def test_undecodable_bytes_are_reported_not_mangled():
    with pytest.raises(cv.InputError, match="neither UTF-8"):
        decode_bytes(b"id,text\n1,\x81\x8d\x8f\x90\x9d\xff\xfe")


def test_forced_wrong_encoding_is_an_error():
    with pytest.raises(cv.InputError, match="not valid utf-8"):
        decode_bytes("café".encode("cp1252"), "utf-8")


# ------------------------------------------------------------------ wide survey exports
@pytest.fixture
def wide_path(tmp_path):
    return _write(tmp_path, "export.csv", WIDE_CSV)


def test_read_survey_long_form_and_no_answer(wide_path):
    corpus = cv.read_survey(wide_path, text_columns=["What would make your life better?"],
                            id_column="Respondent ID", drop_columns=["Anything else?"])
    c = corpus.comments
    assert list(c.columns) == ["comment_id", "respondent_id", "question_id", "text"]
    assert c["comment_id"].tolist() == [
        "7-What would make your life better?", "8-What would make your life better?",
        "9-What would make your life better?"]
    # the whitespace-only answer is kept as "no answer", not dropped
    assert len(c) == 3 and c["text"].isna().tolist() == [False, True, False]
    assert len(corpus.answered) == 2
    assert "Anything else?" not in corpus.respondents.columns  # dropped, as asked


def test_read_survey_types_closed_answers(wide_path):
    corpus = cv.read_survey(wide_path, text_columns={"What would make your life better?": "b",
                                                     "Anything else?": "a"},
                            id_column="Respondent ID")
    r = corpus.respondents
    assert list(r["age_group"].cat.categories) == ["8-10", "11-13", "16-17"]
    assert r["age_group"].cat.ordered
    assert list(r["feels_safe"].cat.categories) == ["never", "sometimes", "always"]
    assert str(r["score"].dtype) == "Int64"
    assert r["respondent_id"].tolist() == ["7", "8", "9"]


def test_read_survey_xlsx_and_parquet(tmp_path):
    wide = pd.DataFrame({"id": [1, 2], "q": ["hello", None], "age": ["8-10", "11-13"],
                         "n": [3, 4]})
    for suffix in (".xlsx", ".parquet"):
        path = tmp_path / f"export{suffix}"
        if suffix == ".xlsx":
            wide.to_excel(path, index=False)
        else:
            wide.to_parquet(path)
        corpus = cv.read_survey(path, text_columns={"q": "q"}, id_column="id")
        assert corpus.comments["comment_id"].tolist() == ["1-q", "2-q"]
        assert corpus.comments["text"].isna().tolist() == [False, True]
        assert str(corpus.respondents["n"].dtype) == "Int64"


@pytest.mark.parametrize(("kwargs", "fragment"), [
    ({"text_columns": ["Nope"], "id_column": "Respondent ID"}, "no columns ['Nope']"),
    ({"text_columns": ["Anything else?"], "id_column": "ID"}, "no columns ['ID']"),
    ({"text_columns": [], "id_column": "Respondent ID"}, "'text_columns' is empty"),
    ({"text_columns": "Anything else?", "id_column": "Respondent ID"}, "not a single string"),
])
def test_read_survey_bad_arguments(wide_path, kwargs, fragment):
    with pytest.raises(cv.InputError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        cv.read_survey(wide_path, **kwargs)


def test_read_survey_collects_duplicate_and_missing_ids():
    wide = pd.DataFrame({"id": ["1", "1", None, "2", "2"],
                         "q": [SECRET_TEXT, "b", "c", "d", "e"]})
    with pytest.raises(cv.ValidationError) as info:
        survey_from_frame(wide, text_columns=["q"], id_column="id")
    message = str(info.value)
    assert "duplicate_id" in message and "missing_id" in message
    assert "1, 2" in message
    assert SECRET_TEXT not in message and "Kayleigh" not in message


# ------------------------------------------------------------------ long form and validation
@pytest.mark.parametrize(("mutate", "checks"), [
    (lambda c, r: (c.drop(columns=["text"]), r), {"missing_column"}),
    (lambda c, r: (c.assign(comment_id=["c1", "c1", "c3", "c3", "c5"]), r), {"duplicate_id"}),
    (lambda c, r: (c.assign(text=["ok", 5, SECRET_TEXT, np.nan, ["x"]]), r), {"non_text"}),
    # a duplicate respondent no longer hides that r2's comment c3 has no respondent
    (lambda c, r: (c, r.assign(respondent_id=["r1", "r1", "r3"])),
     {"duplicate_id", "missing_respondent"}),
    (lambda c, r: (c.assign(comment_id=["c1", "c1", "c3", "c4", "c5"], text=[1, 2, 3, 4, 5]),
                   r.assign(respondent_id=["r1", "r1", "r3"])),
     {"duplicate_id", "non_text", "missing_respondent"}),
])
def test_validate_corpus_collects_every_problem(tiny_comments, tiny_respondents, mutate, checks):
    comments, respondents = mutate(tiny_comments.copy(), tiny_respondents.copy())
    with pytest.raises(cv.ValidationError) as info:
        cv.validate_corpus(comments, respondents)
    assert {p.check for p in info.value.problems} == checks
    assert SECRET_TEXT not in str(info.value)
    cases = info.value.failure_cases()
    assert set(cases["check"]) == checks


def test_missing_respondents_are_listed_by_comment_id(tiny_comments, tiny_respondents):
    with pytest.raises(cv.ValidationError) as info:
        cv.validate_corpus(tiny_comments, tiny_respondents[tiny_respondents.respondent_id != "r3"])
    assert info.value.problems[0].check == "missing_respondent"
    assert info.value.problems[0].ids == ("c4", "c5")


def test_validation_never_mutates_input(tiny_comments, tiny_respondents):
    before_c, before_r = tiny_comments.copy(), tiny_respondents.copy()
    corpus = cv.validate_corpus(tiny_comments, tiny_respondents)
    pd.testing.assert_frame_equal(tiny_comments, before_c)
    pd.testing.assert_frame_equal(tiny_respondents, before_r)
    assert corpus.comments["text"].isna().sum() == 1  # "   " became no answer in the copy


def test_read_comments_renames_and_requires(tmp_path):
    path = _write(tmp_path, "c.csv", "ID,Answer\n1,hello\n2,\n")
    frame = cv.read_comments(path, columns={"ID": "comment_id", "Answer": "text"})
    assert frame["text"].isna().tolist() == [False, True]
    with pytest.raises(cv.ValidationError, match="missing_column"):
        cv.read_comments(path)


@pytest.mark.parametrize("name", ["comments.json", "comments", "comments.docx"])
def test_unsupported_suffix(tmp_path, name):
    path = tmp_path / name
    path.write_text("x")
    with pytest.raises(cv.InputError, match="'path' argument"):
        cv.read_comments(path)


def test_missing_file(tmp_path):
    with pytest.raises(cv.InputError, match="does not exist"):
        cv.read_comments(tmp_path / "nope.csv")


def test_type_answers_with_given_levels_and_unknown_level():
    frame = pd.DataFrame({"respondent_id": ["a", "b"], "x": ["lo", "hi"]})
    typed = type_answers(frame, {"x": ["lo", "mid", "hi"]})
    assert list(typed["x"].cat.categories) == ["lo", "mid", "hi"]
    with pytest.raises(cv.ValidationError, match="unknown_level"):
        type_answers(frame, {"x": ["lo"]})


def test_given_levels_name_the_column_and_never_an_answer_given_once():
    """An answer outside the levels is counted and shown only when several gave it; a column
    the frame lacks, an order that is not a list and a level given twice name the argument."""
    frame = pd.DataFrame({"respondent_id": list("abcdef"),
                          "x": ["lo", "hi", SECRET_TEXT, "n/a", "N/A ", "hi"]})
    with pytest.raises(cv.ValidationError) as info:
        type_answers(frame, {"x": ["lo", "hi"]})
    [problem] = info.value.problems
    assert problem.column == "x" and problem.ids == ("c", "d", "e")
    assert "3 answers are not among the levels given for this column ('n/a' and 1 answer " \
           "given once, not shown" in problem.message
    assert "Kayleigh" not in str(info.value)
    for levels, said in (({"y": ["lo"]}, ("names columns that are not closed answers here: "
                                         "['y']")),
                         ({"x": "lo,hi"}, "for column 'x' must be a list"),
                         ({"x": ["lo", "hi", "lo "]}, "gives a level twice for column 'x'"),
                         (["lo", "hi"], "must be a mapping of column")):
        with pytest.raises(cv.InputError, match="The 'levels' argument") as info:
            type_answers(frame, levels)
        assert said in str(info.value)
    with pytest.raises(cv.InputError, match="names columns"):
        type_answers(frame, {"respondent_id": ["a"]})
    wide = frame.rename(columns={"respondent_id": "id"}).assign(Q="hi")
    for levels in (["lo", "hi"], {"y": ["lo"]}):  # the readers check it before merging
        with pytest.raises(cv.InputError, match="The 'levels' argument"):
            # vouched for: an answer of 'x' names a person, which is refused as free text
            survey_from_frame(wide, text_columns=["Q"], id_column="id", levels=levels,
                              not_free_text=["x"])


def test_huge_and_emoji_comments_pass_through(tmp_path):
    big = "a" * 100_000
    comments = pd.DataFrame({"comment_id": ["1", "2", "3"],
                             "text": [big, "😡😡 care is 💩", "مرحبا and hello"]})
    out = cv.validate_comments(comments)
    assert out["text"].tolist() == comments["text"].tolist()
    path = cv.write_corpus(cv.Corpus(out.assign(respondent_id="r", question_id="q"),
                                     pd.DataFrame({"respondent_id": ["r"]})), tmp_path)["comments"]
    assert cv.read_comments(path)["text"].tolist() == out["text"].tolist()


# ------------------------------------------------------------------ round trip (property)
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["\n", "\t", '"', ",", "\u00e9", "😀"]), min_size=1, max_size=40).filter(lambda s: s.strip())
_id = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=8)


@st.composite
def corpora(draw):
    rids = draw(st.lists(_id, min_size=1, max_size=6, unique=True))
    cids = draw(st.lists(_id, min_size=1, max_size=10, unique=True))
    comments = pd.DataFrame({
        "comment_id": cids,
        "respondent_id": [draw(st.sampled_from(rids)) for _ in cids],
        "question_id": [draw(st.sampled_from(["better", "care_is"])) for _ in cids],
        "text": [draw(st.one_of(st.none(), _text)) for _ in cids],
    })
    n = len(rids)
    respondents = pd.DataFrame({
        "respondent_id": rids,
        "feels_safe": [draw(st.sampled_from(["never", "sometimes", "always", None]))
                       for _ in range(n)],
        "life_satisfaction": [draw(st.one_of(st.none(), st.integers(0, 10))) for _ in range(n)],
        "hours": [draw(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False).map(
            lambda x: x + 0.5))) for _ in range(n)],
        "placement": [draw(st.sampled_from(["foster", "kinship", "residential"]))
                      for _ in range(n)],
    })
    return cv.validate_corpus(comments, type_answers(respondents.astype(object).where(
        respondents.notna(), None).map(lambda v: None if v is None else str(v))))


# Derandomised: the gate runs the same 100 cases every time (a random draw once failed CI on a
# case nobody had met locally; run with more, random examples when changing the readers).
@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora(), fmt=st.sampled_from(["csv", "xlsx", "parquet"]))
def test_write_read_round_trip_loses_nothing(tmp_path_factory, corpus, fmt):
    folder = tmp_path_factory.mktemp("rt")
    paths = cv.write_corpus(corpus, folder, format=fmt)
    back = cv.read_corpus(paths["comments"], paths["respondents"])
    pd.testing.assert_frame_equal(back.comments, corpus.comments)
    pd.testing.assert_frame_equal(back.respondents, corpus.respondents)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path, suffix):
    # Found by the round-trip property test in CI: openpyxl stored "=0" as a formula, which read
    # back as missing (and Excel would have evaluated it).
    from carevoice.corpus import write_table

    frame = pd.DataFrame({"comment_id": ["=1", "c2", "c3"],
                          "text": ["=0", "=HYPERLINK(\"http://x\")", "+44 is my code"]})
    back = read_table(write_table(frame, tmp_path / f"t{suffix}"))
    assert back["comment_id"].tolist() == frame["comment_id"].tolist()
    assert back["text"].tolist() == frame["text"].tolist()
    if suffix == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
        assert {cell.data_type for row in sheet.iter_rows() for cell in row} == {"s"}


def test_xlsx_refuses_control_characters_by_id_without_echoing_text(tmp_path):
    from carevoice.corpus import write_table

    frame = pd.DataFrame({"comment_id": ["c1", "c2"], "text": ["fine", "Secretname\x01 here"]})
    with pytest.raises(cv.InputError) as info:
        write_table(frame, tmp_path / "t.xlsx")
    message = str(info.value)
    assert "c2" in message and "'text'" in message and "c1" not in message
    assert "Secretname" not in message
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_a_write_that_fails_part_way_keeps_the_earlier_file(tmp_path, suffix):
    from carevoice.corpus import write_table

    class Unwritable:
        def __str__(self):
            raise RuntimeError("cannot be written")

    path = write_table(pd.DataFrame({"comment_id": ["c1"], "text": ["first"]}),
                       tmp_path / f"t{suffix}")
    before = path.read_bytes()
    rows = [{"comment_id": f"c{i}", "text": "x" * 50} for i in range(2000)]
    frame = pd.DataFrame(rows + [{"comment_id": "c9", "text": Unwritable()}])
    with pytest.raises((RuntimeError, ValueError, TypeError)):  # the value, openpyxl, pyarrow
        write_table(frame, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_words_that_look_like_missing_values_are_kept(tmp_path, suffix):
    # Found by the round-trip property test: Excel reading turned an id "NULL" into a missing id.
    from carevoice.corpus import write_table

    frame = pd.DataFrame({"comment_id": ["NULL", "NA", "None"],
                          "text": ["N/A", "null", "nan"]})
    path = write_table(frame, tmp_path / f"t{suffix}")
    back = read_table(path)
    assert back["comment_id"].tolist() == ["NULL", "NA", "None"]
    assert back["text"].tolist() == ["N/A", "null", "nan"]


# ------------------------------------------------------------------ ids and every problem at once
def test_missing_ids_are_listed_by_file_line_with_a_count_and_in_failure_cases(tmp_path):
    # 25 rows without an id (one of them only spaces), after a comment spread over two lines
    rows = ['c0,"two\nlines"'] + [f",{SECRET_TEXT} {i}" for i in range(24)] + ["   ,x"]
    path = _write(tmp_path, "c.csv", "comment_id,text\n" + "\n".join(rows) + "\n")
    with pytest.raises(cv.ValidationError) as info:
        cv.read_comments(path)
    problem = next(p for p in info.value.problems if p.check == "missing_id")
    assert problem.rows == tuple(range(4, 29))  # 1-based lines: header 1, c0 on lines 2-3
    assert "line numbers in c.csv" in str(info.value) and "and 5 more" in str(info.value)
    cases = info.value.failure_cases()
    assert cases.loc[cases["check"] == "missing_id", "row"].tolist() == list(range(4, 29))
    assert SECRET_TEXT not in str(info.value)


def test_frame_rows_are_counted_from_one():
    with pytest.raises(cv.ValidationError) as info:
        cv.validate_comments(pd.DataFrame({"comment_id": ["a", None, " "], "text": ["x"] * 3}))
    assert info.value.problems[0].rows == (2, 3)
    assert "counted from 1" in str(info.value)


def test_duplicate_comment_id_does_not_hide_missing_respondents(tiny_comments, tiny_respondents):
    comments = tiny_comments.assign(comment_id=["c1", "c1", "c3", "c4", "c5"])
    with pytest.raises(cv.ValidationError) as info:
        cv.validate_corpus(comments, tiny_respondents[tiny_respondents.respondent_id != "r3"])
    assert {p.check for p in info.value.problems} == {"duplicate_id", "missing_respondent"}


def test_read_corpus_reports_problems_of_both_files_together(tmp_path):
    com = _write(tmp_path, "c.csv", "comment_id,respondent_id,question_id,text\n"
                 "c1,r1,q,hi\nc1,r1,q,again\nc2,r9,q,x\nc3,,q,y\n")
    resp = _write(tmp_path, "r.csv", "respondent_id,age\nr1,8-10\nr1,11-13\n")
    with pytest.raises(cv.ValidationError) as info:
        cv.read_corpus(com, resp)
    found = {(p.check, p.column) for p in info.value.problems}
    assert found == {("duplicate_id", "comment_id"), ("duplicate_id", "respondent_id"),
                     ("missing_id", "respondent_id"), ("missing_respondent", "respondent_id")}
    assert "c.csv and r.csv" in str(info.value)


@pytest.mark.parametrize(("values", "expected"), [
    ([12.0, 13.0, np.nan], ["12", "13", pd.NA]),           # a float column from Excel
    (["12.0", "13.0", None], ["12", "13", pd.NA]),         # the same written by pandas to CSV
    (["007", "12.50", " 8 "], ["007", "12.50", "8"]),      # text ids are kept (only stripped)
    (["12.0", "12.5"], ["12.0", "12.5"]),                  # not all whole: unchanged
    ([7, "7b", "  "], ["7", "7b", pd.NA]),
])
def test_normalise_ids(values, expected):
    from carevoice.corpus import normalise_ids

    assert normalise_ids(pd.Series(values, dtype=object)).tolist() == expected


def test_float_ids_match_in_files_and_frames(tmp_path):
    # respondent_id written by pandas from a float column in one file, as integers in the other
    com = _write(tmp_path, "c.csv", "comment_id,respondent_id,question_id,text\n"
                 "c1,12.0,q,hi\nc2,13.0,q,\n")
    resp = _write(tmp_path, "r.csv", "respondent_id,age\n12,8-10\n13,11-13\n")
    corpus = cv.read_corpus(com, resp)
    assert corpus.comments["respondent_id"].tolist() == ["12", "13"]
    # frames as pd.read_excel gives them: float64 ids
    comments = pd.DataFrame({"comment_id": [1.0, 2.0], "respondent_id": [12.0, 13.0],
                             "question_id": ["q", "q"], "text": ["a", "b"]})
    respondents = pd.DataFrame({"respondent_id": [12, 13]})
    corpus = cv.validate_corpus(comments, respondents)
    assert corpus.comments["comment_id"].tolist() == ["1", "2"]


def test_nan_comment_ids_are_missing_ids():
    frame = pd.DataFrame({"comment_id": [1.0, np.nan], "text": ["a", SECRET_TEXT]})
    with pytest.raises(cv.ValidationError) as info:
        cv.validate_comments(frame)
    assert [(p.check, p.rows) for p in info.value.problems] == [("missing_id", (2,))]


# ------------------------------------------------------------------ closed answers
def test_blank_answers_are_missing_before_typing():
    frame = pd.DataFrame({"respondent_id": ["1", "2", "3", "4"],
                          "score": ["7", " ", "5", None],
                          "feels_safe": ["always", "Always ", " sometimes", "  "],
                          "placement": ["foster ", "foster", "kinship", " "]})
    typed = type_answers(frame)
    assert str(typed["score"].dtype) == "Int64" and typed["score"].isna().tolist() == [
        False, True, False, True]
    assert typed["feels_safe"].cat.ordered
    assert list(typed["feels_safe"].cat.categories) == ["sometimes", "always"]
    assert typed["feels_safe"].astype(object).tolist()[:3] == ["always", "always", "sometimes"]
    assert list(typed["placement"].cat.categories) == ["foster", "kinship"]
    assert typed["placement"].isna().tolist() == [False, False, False, True]


def test_given_levels_match_ignoring_case_and_spaces():
    frame = pd.DataFrame({"respondent_id": ["a", "b"], "x": ["Lo ", "HI"]})
    typed = type_answers(frame, {"x": ["lo", "hi"]})
    assert typed["x"].astype(object).tolist() == ["lo", "hi"]


# ------------------------------------------------------------------ free text in wide exports
FREE_TEXT_WIDE = pd.DataFrame({
    "id": [str(i) for i in range(1, 11)],
    "Q": ["a comment"] * 10,
    "age": ["8-10", "11-13"] * 5,
    "Other (please specify)": ["Zebedee Quorn", None, "my nan", None, None, None, None, None,
                               None, None],
    "Why?": ["because"] * 9 + [None],
    "Notes": [f"note {i} about a thing" for i in range(10)],
    "Long": [None] * 9 + ["word " * 14],
    "Multi": [None] * 9 + ["line one\nline two"],
})


def test_free_text_columns_are_found():
    from carevoice.corpus import free_text_columns

    found = free_text_columns(FREE_TEXT_WIDE, [c for c in FREE_TEXT_WIDE if c not in ("id", "Q")])
    assert set(found) == {"Other (please specify)", "Notes", "Long", "Multi"}


def test_free_text_columns_read_underscores_repeated_answers_and_names():
    from carevoice.corpus import free_text_columns
    from carevoice.demo import load_demo

    n = 20
    frame = pd.DataFrame({
        "age_group": ["8-10", "11-13", "14-15", "16-17"] * 5,
        "placement_type": ["foster", "residential"] * 10,
        "local_authority": [f"LA0{i % 4}" for i in range(n)],
        # the same few sentences again and again still answer "please specify"
        "other_specify": ["my worker is Zebedee Quorn", "I live in Barnsley", None, None] * 5,
        "anything_else": ["Zebedee says hi", "Quorn says hi", "no"] * 6 + ["no", "no"],
        "first_name": ["Zebedee", "Quorn", "Marigold", "Bramble"] * 5,
        "School name": ["St Anne's High", "Oakfield Academy"] * 10,
        "Why?": ["because"] * n,  # answered the same by everyone: nothing to identify
        "worker_note": [None] * (n - 1) + ["rang 07700 900222"],
    })
    assert free_text_columns(frame) == {
        "other_specify": "its question asks for free text",
        "anything_else": "its question asks for free text",
        "first_name": "its question asks for a name or contact details",
        "School name": "its question asks for a name or contact details",
        "worker_note": "its question asks for free text"}
    # the demo's closed answers are none of these
    demo = load_demo().respondents
    assert free_text_columns(demo.drop(columns=["respondent_id"]).astype(object)) == {}


def test_survey_refuses_free_text_left_as_closed_answers():
    with pytest.raises(cv.ValidationError) as info:
        survey_from_frame(FREE_TEXT_WIDE, text_columns=["Q"], id_column="id")
    [problem] = info.value.problems
    assert problem.check == "free_text_column"
    for column in ("Other (please specify)", "Notes", "Long", "Multi"):
        assert repr(column) in problem.message
    assert "--drop-column" in problem.message and "Zebedee" not in str(info.value)
    corpus = survey_from_frame(FREE_TEXT_WIDE, text_columns={"Q": "q", "Notes": "notes"},
                               id_column="id", drop_columns=["Other (please specify)", "Long",
                                                             "Multi"])
    assert list(corpus.respondents.columns) == ["respondent_id", "age", "Why?"]
    corpus = survey_from_frame(FREE_TEXT_WIDE, text_columns=["Q"], id_column="id",
                               closed_columns=["age", "Notes"])  # named closed: trusted
    assert list(corpus.respondents.columns) == ["respondent_id", "age", "Notes"]


def test_survey_refuses_duplicate_and_conflicting_columns():
    wide = pd.DataFrame([["1", "a", "b"]], columns=["id", "Q", "Q"])
    with pytest.raises(cv.ValidationError, match="more than one column named 'Q'"):
        survey_from_frame(wide, text_columns=["Q"], id_column="id")
    wide = pd.DataFrame({"id": ["1"], "Q": ["a"], "R": ["b"]})
    with pytest.raises(cv.ValidationError, match="'Q' is in text_columns and drop_columns"):
        survey_from_frame(wide, text_columns=["Q"], id_column="id", drop_columns=["Q", "R"])


def test_survey_column_listing_never_prints_data_used_as_headers():
    # a file without a header row: the "headers" are the first respondent's answers
    wide = pd.DataFrame({"7": ["8", "9"], SECRET_TEXT: ["b", "c"]})
    with pytest.raises(cv.ValidationError) as info:
        survey_from_frame(wide, text_columns=["Q"], id_column="id")
    assert "first row looks like data" in str(info.value)
    assert "Kayleigh" not in str(info.value)


# ------------------------------------------------------------------ codes files
@pytest.mark.parametrize(("content", "fragment"), [
    ("comment_id,score\nc1,0.5\n", "missing ['theme']"),
    ("comment_id,theme,score\nc1,money,0.5\nc2,money,high\nc3,money,\n", "non_numeric"),
    ("comment_id,theme\nc1,money\n,money\nc3, \n", "rows with no comment_id"),
])
def test_read_codes_refuses_bad_codes(tmp_path, content, fragment):
    from carevoice.corpus import read_codes

    with pytest.raises(cv.ValidationError, match=re_escape(fragment)) as info:
        read_codes(_write(tmp_path, "k.csv", content))
    assert "k.csv" in str(info.value)
    if fragment == "non_numeric":
        assert info.value.problems[0].rows == (3,)


def test_read_codes_types_scores(tmp_path):
    from carevoice.corpus import read_codes

    codes = read_codes(_write(tmp_path, "k.csv", "comment_id,theme,score\n7.0,money ,0.5\n"
                                                 "8.0,care,\n"))
    assert codes["comment_id"].tolist() == ["7", "8"] and codes["theme"].tolist() == [
        "money", "care"]
    assert codes["score"].dtype == float and np.isnan(codes["score"].iloc[1])


def re_escape(text: str) -> str:
    import re

    return re.escape(text)


# ------------------------------------------------------------------ missing-value codes
PLACEMENTS = pd.DataFrame({
    "respondent_id": [f"r{i}" for i in range(1, 10)],
    "placements": ["4", "2", "7", "1", "3", "Don\u2019t  know", "10", "-99.0", "5"],
    "contact_hours": ["3", "-99", "5", "2", " -99 ", "4", "1", "2", "3"],
    "placement": ["foster", "kinship", "N/A", "foster", "residential", "foster", "kinship",
                  "foster", "-99"],
})


def test_missing_value_codes_become_missing_before_typing():
    before = PLACEMENTS.copy()
    typed = type_answers(PLACEMENTS, missing_values=["don't know", -99, "n/a"])
    assert str(typed["placements"].dtype) == "Int64"
    assert typed["placements"].tolist() == [4, 2, 7, 1, 3, pd.NA, 10, pd.NA, 5]
    assert str(typed["contact_hours"].dtype) == "Int64"
    assert typed["contact_hours"].mean() == 20 / 7  # -99 no longer drags the mean down
    assert list(typed["placement"].cat.categories) == ["foster", "kinship", "residential"]
    assert typed["placement"].isna().sum() == 2
    pd.testing.assert_frame_equal(PLACEMENTS, before)  # the caller's frame is untouched


def test_missing_values_per_column_and_for_every_column():
    codes = {"*": ["don't know", "-99"], "placement": []}  # a column's list replaces "*"
    typed = type_answers(PLACEMENTS, missing_values=codes)
    assert str(typed["placements"].dtype) == "Int64"
    assert "-99" in typed["placement"].cat.categories  # kept: [] for this column
    typed = type_answers(PLACEMENTS, missing_values={"contact_hours": [-99.0]})
    assert typed["contact_hours"].isna().sum() == 2
    assert isinstance(typed["placements"].dtype, pd.CategoricalDtype)  # no codes here


@pytest.mark.parametrize(("missing_values", "fragment"), [
    ("-99", "must be a list of codes, e.g. ['-99']"),
    ({"placments": ["-99"]}, "not closed answers here: ['placments']"),
    ({"placements": "-99"}, "for column 'placements' must be a list of codes"),
    ([None], "must hold text or numbers"),
    ([True], "must hold text or numbers"),
    ([float("nan")], "must hold text or numbers"),
])
def test_bad_missing_values_are_named(missing_values, fragment):
    with pytest.raises(cv.InputError, match="'missing_values' argument") as info:
        type_answers(PLACEMENTS, missing_values=missing_values)
    assert fragment in str(info.value)


def test_a_mostly_numeric_column_made_a_category_is_logged(caplog):
    frame = PLACEMENTS.assign(why=["x" * 30] * 8 + ["2"])
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        type_answers(frame)
    warned = {r.args[0]: r.getMessage() for r in caplog.records if r.levelname == "WARNING"}
    assert set(warned) == {"placements"}  # not the placement types, nor a column of text
    message = warned["placements"]
    # "Don't know" is given once here: counted, not shown (an answer of one respondent)
    assert ("8 of 9 answers are numbers, but 1 other answer (1 answer given once, not shown) "
            "makes") in message
    assert "missing_values" in message and "--missing-value" in message
    # real answers: the order, in the three ways it can be given
    assert "levels={column: [...]}" in message and "--levels 'COLUMN=LEVEL,LEVEL,...'" in message
    assert "[input] levels in a batch run" in message
    caplog.clear()
    long_answers = pd.DataFrame({"respondent_id": list("abcde"),
                                 "n": ["1", "2", "3", "about three or four times", "no idea"]})
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        type_answers(long_answers)
    [record] = caplog.records
    assert "2 other answers (2 answers given once, not shown)" in record.getMessage()
    assert "about three" not in record.getMessage() and "no idea" not in record.getMessage()
    caplog.clear()
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        type_answers(PLACEMENTS, missing_values=["don't know", "-99"])
    assert not caplog.records


def test_the_type_warning_shows_only_answers_given_by_two_respondents_or_more(caplog):
    # A name given by one young person identifies them; a code such as "don't know" repeats.
    answers = pd.DataFrame({
        "respondent_id": [f"r{i}" for i in range(12)],
        "w": ["1", "2", "3", "Don't know", "4", "Kayleigh", "5", "don\u2019t  know", "6", "7",
              "Tyrone Smith", "prefer not to say"]})
    answers = pd.concat([answers, answers.assign(
        respondent_id=answers["respondent_id"] + "b",
        w=["8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18",
           "Prefer not to say"])], ignore_index=True)
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        type_answers(answers)
    [record] = caplog.records
    message = record.getMessage()
    assert ("18 of 24 answers are numbers, but 6 other answers (\"Don't know\", 'prefer not "
            "to say' and 2 answers given once, not shown) make the column") in message
    assert "Kayleigh" not in message and "Tyrone" not in message


def test_survey_from_frame_takes_missing_values_for_typing_and_the_free_text_check():
    wide = pd.DataFrame({"id": [str(i) for i in range(1, 10)], "Q": ["a comment"] * 9,
                         "How many placements?": ["1", "2", "3", "4", "5", "6", "7", "8",
                                                  "don't know"]})
    with pytest.raises(cv.ValidationError, match="nearly every answer differs"):
        survey_from_frame(wide, text_columns=["Q"], id_column="id")
    corpus = survey_from_frame(wide, text_columns=["Q"], id_column="id",
                               missing_values=["Don't know"])
    assert str(corpus.respondents["How many placements?"].dtype) == "Int64"
    assert corpus.respondents["How many placements?"].isna().sum() == 1
