"""REFI-QDA exchange when the data or the tools are awkward: no codings, characters XML forbids,
line breaks, typed answers, changed texts, sources outside the archive, odd theme ids, free text.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.qda import (
    RefiQdaError,
    compare_codes,
    export_qdpx,
    read_qdc,
    read_qdpx,
    reviewed_codes,
    validate_refi,
    write_qdc,
)

from .test_qda import MODEL, Q, codes, comments, export, qde_root, respondents, rewrite, source

__all__ = ["codes", "comments", "respondents"]  # the fixtures, shared with test_qda.py


def _xml_parsers():
    """ElementTree, and lxml where it is installed (a stricter parser, as tools use)."""
    parsers = [ET.fromstring]
    try:
        from lxml import etree
    except ImportError:  # pragma: no cover - lxml comes with the report extra
        return parsers
    return [*parsers, etree.fromstring]


@pytest.mark.parametrize("make", [
    lambda c: c.iloc[:0], lambda c: c.assign(assigned=False),
    lambda c: c.assign(theme="no_theme", assigned=True),
    lambda c: c.assign(assigned=c["assigned"].map({True: "0.0", False: "0.0"})),
], ids=["empty", "none assigned", "only no_theme", "0.0 as text"])
def test_export_without_codings(tmp_path, comments, codes, respondents, make):
    path = export(tmp_path, comments, make(codes), respondents, validate=True)
    assert validate_refi(path) == []
    root = qde_root(path)
    assert not list(root.iter(f"{Q}Coding"))
    assert len(list(root.iter(f"{Q}TextSource"))) == 4 and len(list(root.iter(f"{Q}Case"))) == 4
    back = read_qdpx(path)
    assert back.codes.empty and back.codes.columns.tolist()[:2] == ["comment_id", "theme"]


def test_assigned_written_as_numbers_or_floats(tmp_path, comments, codes):
    as_floats = codes.assign(assigned=codes["assigned"].astype(float))  # 1.0 / 0.0
    as_text = codes.assign(assigned=codes["assigned"].map({True: "1.0", False: "0.0"}))
    for frame in (as_floats, as_text):
        back = read_qdpx(export(tmp_path, comments, frame))
        assert len(back.codes) == int(codes["assigned"].sum())
        change = compare_codes(frame, reviewed_codes(back))
        assert len(change) == int(codes["assigned"].sum()) and set(change["change"]) == {"kept"}
    with pytest.raises(InputError, match=r"neither true nor false.*c4"):
        export(tmp_path, comments, codes.assign(assigned=["1", "0", "0", "maybe", "1", "0"]))
    with pytest.raises(InputError, match="'before'"):
        compare_codes(codes.assign(assigned="x"), codes)


def test_unknown_comment_is_not_also_a_bad_span(tmp_path, comments, codes):
    bad = codes.assign(comment_id=codes["comment_id"].replace("c4", "c99"))
    with pytest.raises(InputError) as info:
        export(tmp_path, comments, bad)
    assert "unknown_comment" in str(info.value) and "bad_span" not in str(info.value)


def test_characters_xml_forbids_are_replaced_one_for_one(tmp_path, comments, codes,
                                                         respondents):
    text = "my PA\x0bleft\x0c again\x01 and\x1f i miss\ufffe her"
    odd = comments.assign(text=comments["text"].where(comments["comment_id"] != "c2", text))
    start = text.index("left")
    spans = pd.DataFrame({"comment_id": ["c2"], "theme": ["staff_turnover"],
                          "start": [start], "end": [start + 4]})
    answers = respondents.assign(note=respondents["note"].str.replace("&", "\x0b", regex=False))
    for inline in (False, True):
        path = export(tmp_path, odd, spans, answers, inline_text=inline, validate=True,
                      name=f"odd{inline}.qdpx")
        with zipfile.ZipFile(path) as z:
            data = z.read("project.qde")
        for parse in _xml_parsers():
            parse(data)  # well-formed
        assert validate_refi(path) == []
        back = read_qdpx(path)
        got = back.comments.set_index("comment_id").at["c2", "text"]
        assert len(got) == len(text)
        assert got == (text if not inline else re.sub("[\x0b\x0c\x01\x1f\ufffe]", "\ufffd", text))
        row = back.codes.iloc[0]
        assert got[row["start"]:row["end"]] == "left"
        assert back.respondents.at[0, "note"] == "a \ufffd b < c"


def test_ids_with_control_characters_are_refused(tmp_path, comments, codes):
    bad = comments.assign(comment_id=comments["comment_id"].replace("c2", "c\x0b2"))
    with pytest.raises(RefiQdaError, match=r"c\\x0b2") as info:
        export(tmp_path, bad, codes)
    assert "care is ok" not in str(info.value)
    assert not (tmp_path / "p.qdpx").exists()


def test_inline_text_keeps_carriage_returns(tmp_path):
    texts = {"c1": "line one\r\nline two staff left\r\nthird", "c2": "old mac\rline",
             "c3": "unix\nline"}
    frame = pd.DataFrame({"comment_id": list(texts), "text": list(texts.values())})
    start = texts["c1"].index("staff left")
    spans = pd.DataFrame({"comment_id": ["c1", "c2"], "theme": ["staff_turnover", "money"],
                          "start": [start, 4], "end": [start + 10, 12]})
    path = export(tmp_path, frame, spans, inline_text=True)
    with zipfile.ZipFile(path) as z:
        data = z.read("project.qde")
    for parse in _xml_parsers():
        root = parse(data)
        got = {s.get("name"): s.find(f"{Q}PlainTextContent").text
               for s in root.iter(f"{Q}TextSource")}
        assert got == texts
    back = read_qdpx(path)
    assert back.comments.set_index("comment_id")["text"].to_dict() == texts
    ends = {r.comment_id: texts[r.comment_id][r.start:r.end] for r in back.codes.itertuples()}
    assert ends == {"c1": "staff left", "c2": "mac\rline"}


def _set_values(path: Path, out: Path, variable: str, values: list[str]) -> Path:
    def edit(root):
        var = next(v for v in root.iter(f"{Q}Variable") if v.get("name") == variable)
        found = [vv[1] for vv in root.iter(f"{Q}VariableValue")
                 if vv[0].get("targetGUID") == var.get("guid")]
        for el, value in zip(found, values, strict=True):
            el.text = value
    return rewrite(path, out, edit)


def test_datetimes_with_mixed_utc_offsets_read_back(tmp_path, comments, codes):
    london = pd.to_datetime(["2024-01-10 10:00", "2024-07-10 10:00", None]).tz_localize(
        "Europe/London")  # GMT and BST: +00:00 and +01:00
    answers = pd.DataFrame({"respondent_id": ["r1", "r2", "r3"], "surveyed_at": london})
    path = export(tmp_path, comments, codes, answers, validate=True)
    back = read_qdpx(path).respondents["surveyed_at"]
    assert str(back.dt.tz) == "UTC"
    assert back.tolist()[:2] == [pd.Timestamp("2024-01-10 10:00", tz="UTC"),
                                 pd.Timestamp("2024-07-10 09:00", tz="UTC")]
    bad = _set_values(path, tmp_path / "bad.qdpx", "surveyed_at",
                      ["yesterday", "2024-07-10T10:00:00+01:00"])
    with pytest.raises(RefiQdaError, match=r"bad_variable_value.*'surveyed_at'.*\(r1\)"):
        read_qdpx(bad)


@pytest.mark.parametrize(("variable", "values"), [
    ("n_placements", ["two", "4", "2"]), ("wellbeing_score", ["0.5", "lots", "7.0"]),
    ("knows_advocate", ["yes please", "false", "true"]), ("surveyed", ["01/05/2024", "x", "y"]),
])
def test_values_that_do_not_fit_their_type_name_the_variable(tmp_path, comments, codes,
                                                             respondents, variable, values):
    path = export(tmp_path, comments, codes, respondents)
    n = sum(1 for r in respondents[variable] if pd.notna(r))
    bad = _set_values(path, tmp_path / "bad.qdpx", variable, values[:n])
    with pytest.raises(RefiQdaError, match=f"bad_variable_value.*{variable}"):
        read_qdpx(bad)


def test_changed_text_and_selections_outside_it_are_refused(tmp_path, comments, codes):
    path = export(tmp_path, comments, codes)
    with zipfile.ZipFile(path) as z:
        member = "sources/" + source(ET.fromstring(z.read("project.qde")), "c4").get(
            "plainTextPath").removeprefix("internal://")
        members = {n: z.read(n) for n in z.namelist()}

    def save(name, text):
        out = tmp_path / name
        with zipfile.ZipFile(out, "w") as w:
            for n, data in members.items():
                w.writestr(n, text.encode("utf-8") if n == member else data)
        return out

    shorter = save("shorter.qdpx", "nobody told me")
    with pytest.raises(RefiQdaError) as info:
        read_qdpx(shorter)
    assert "changed_text" in str(info.value) and "selection_outside_text" in str(info.value)
    assert "'c4'" in str(info.value) and "nobody told me" not in str(info.value)
    edited = save("edited.qdpx", comments.at[3, "text"].replace("pocket", "POCKET"))
    with pytest.raises(RefiQdaError, match=r"changed_text.*'c4'"):
        read_qdpx(edited)
    assert len(read_qdpx(edited, check_text=False).codes) == int(codes["assigned"].sum())

    def beyond(root):
        source(root, "c1").find(f"{Q}PlainTextSelection").set("endPosition", "9999")
    with pytest.raises(RefiQdaError, match=r"selection_outside_text.*'c1'"):
        read_qdpx(rewrite(path, tmp_path / "beyond.qdpx", beyond), check_text=False)


def _external_sources(path: Path, out: Path, scheme, base_path=None) -> dict[str, bytes]:
    """Move the source files out of the archive and point at them with ``scheme(name)``."""
    with zipfile.ZipFile(path) as z:
        moved = {n.removeprefix("sources/"): z.read(n) for n in z.namelist()
                 if n.startswith("sources/")}

    def edit(root):
        if base_path is not None:
            root.set("basePath", str(base_path))
        for s in root.iter(f"{Q}TextSource"):
            s.set("plainTextPath", scheme(s.get("plainTextPath").removeprefix("internal://")))
    rewrite(path, out, edit, drop=[f"sources/{n}" for n in moved])
    return moved


@pytest.mark.parametrize("layout", ["basePath", "beside the qdpx", "absolute"])
def test_relative_and_absolute_source_paths(tmp_path, comments, codes, layout):
    path = export(tmp_path, comments, codes)
    elsewhere = tmp_path / "texts" / "wave 1"
    project = tmp_path / "project"
    project.mkdir()
    out = project / "reviewed.qdpx"
    if layout == "basePath":
        moved = _external_sources(path, out, lambda n: f"relative://{n}", base_path=elsewhere)
        folder = elsewhere
    elif layout == "beside the qdpx":
        moved = _external_sources(path, out, lambda n: f"relative://texts/{n}")
        folder = project / "texts"
    else:
        moved = _external_sources(path, out, lambda n: f"absolute://{elsewhere / n}")
        folder = elsewhere
    folder.mkdir(parents=True)
    for name, data in moved.items():
        (folder / name).write_bytes(data)
    back = read_qdpx(out)
    assert back.comments["text"].tolist() == comments["text"].dropna().tolist()
    first = min(moved)
    (folder / first).unlink()
    with pytest.raises(RefiQdaError, match="missing_source_file") as info:
        read_qdpx(out)
    assert str(folder / first) in str(info.value)


def test_theme_ids_outside_the_pattern_round_trip_exactly(tmp_path, comments):
    odd = pd.DataFrame({"comment_id": ["c1", "c4", "c5"], "theme": ["Money & Bills", "3", "x"],
                        "assigned": [True, True, True]})
    path = export(tmp_path, comments, odd, validate=True)
    back = read_qdpx(path)
    assert sorted(back.codes["theme"]) == ["3", "Money & Bills", "x"]
    assert set(compare_codes(odd, reviewed_codes(back))["change"]) == {"kept"}
    assert {"3", "Money & Bills", "x"} <= set(back.codebook["theme"])  # a frame: not Codebook ids
    again = read_qdpx(export_qdpx(back.comments, back.codes, None, tmp_path / "again.qdpx",
                                  codebook=back.codebook, pseudonymise=False))
    assert sorted(again.codes["theme"]) == ["3", "Money & Bills", "x"]
    frame = pd.DataFrame({"theme": ["Money & Bills"], "label": ["Money"], "definition": ["d"]})
    qdc = write_qdc(frame, tmp_path / "odd.qdc")
    assert read_qdc(qdc, as_frame=True)["theme"].tolist() == ["Money & Bills"]
    with pytest.raises(InputError, match="as_frame=True"):
        read_qdc(qdc)


def test_codings_by_users_the_project_does_not_list_keep_the_guid(tmp_path, comments, codes):
    stranger = str(uuid.uuid4())

    def edit(root):
        source(root, "c1").find(f"{Q}PlainTextSelection/{Q}Coding").set("creatingUser",
                                                                        stranger.upper())
    back = read_qdpx(rewrite(export(tmp_path, comments, codes), tmp_path / "u.qdpx", edit))
    assert set(back.codes["user"]) == {MODEL, stranger}


def test_sources_with_the_same_name_are_refused(tmp_path, comments, codes):
    def edit(root):
        source(root, "c2").set("name", "c1")
    with pytest.raises(RefiQdaError, match=r"duplicate_source.*\(c1\)"):
        read_qdpx(rewrite(export(tmp_path, comments, codes), tmp_path / "d.qdpx", edit))


@pytest.mark.parametrize(("data", "expected"), [
    ("caf\u00e9 \u2013 ok".encode("cp1252"), "caf\u00e9 \u2013 ok"),  # even length, no BOM
    ("caf\u00e9 \u2013 okay".encode("utf-8"), "caf\u00e9 \u2013 okay"),
    ("caf\u00e9".encode("utf-8-sig"), "caf\u00e9"),
    ("caf\u00e9 \U0001f600".encode("utf-16"), "caf\u00e9 \U0001f600"),  # with its BOM
])
def test_source_files_in_other_encodings(tmp_path, data, expected):
    frame = pd.DataFrame({"comment_id": ["c1"], "text": [expected]})
    path = export(tmp_path, frame, pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]}))
    with zipfile.ZipFile(path) as z:
        member = next(n for n in z.namelist() if n.startswith("sources/"))
    out = rewrite(path, tmp_path / "enc.qdpx", lambda r: None, drop=[member])
    with zipfile.ZipFile(out, "a") as z:
        z.writestr(member, data)
    assert read_qdpx(out).comments.at[0, "text"] == expected


def test_free_text_answers_are_found_and_not_listed_as_levels(tmp_path, comments, codes):
    from carevoice.qda import free_text_answers

    answers = pd.DataFrame({
        "respondent_id": ["r1", "r2", "r3"],
        "placement": pd.Categorical(["foster", "residential", "foster"]),
        "anything_else": pd.Categorical(["ask for Jayden Okafor on 07700 900123", "no", None]),
        "remarks": pd.Series(["fine", None, "ok"], dtype="string"),
        "worry": pd.Categorical(["a", "b", "c"], ordered=True)})
    assert free_text_answers(answers) == ["anything_else", "remarks"]
    assert free_text_answers(answers, ["worry"]) == ["anything_else", "remarks", "worry"]
    with pytest.raises(InputError, match="nope"):
        free_text_answers(answers, ["nope"])
    root = qde_root(export(tmp_path, comments, codes, answers))
    described = {v.get("name"): v.find(f"{Q}Description") for v in root.iter(f"{Q}Variable")}
    assert described["placement"] is not None and described["anything_else"] is None
    assert "not pseudonymised" not in root.find(f"{Q}Description").text
    assert "free-text answers (anything_else, remarks) as given" in root.find(
        f"{Q}Description").text


@pytest.mark.model
def test_free_text_answers_are_pseudonymised_with_the_comments(tmp_path):
    raw = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"],
                        "text": ["Jayden Okafor never rings me back"]})
    answers = pd.DataFrame({
        "respondent_id": ["r1", "r2"], "placement": pd.Categorical(["foster", "residential"]),
        "anything_else": pd.Categorical(["ask for Jayden Okafor on 07700 900123", "no"])})
    path = export_qdpx(raw, pd.DataFrame({"comment_id": [], "theme": []}), answers,
                       tmp_path / "p.qdpx")
    with zipfile.ZipFile(path) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8")
    for secret in ("Jayden", "Okafor", "07700 900123"):
        assert secret not in everything
    back = read_qdpx(path)
    said = back.respondents.set_index("respondent_id")["anything_else"]
    assert said["r2"] == "no" and said["r1"].startswith("ask for ")
    placeholder = said["r1"].split()[2]  # the same person, the same placeholder
    assert placeholder in back.comments.at[0, "text"]
    assert back.respondents["placement"].tolist() == ["foster", "residential"]


def _survey_answers():
    """Eight respondents as read from an SPSS file: long value labels, an SPSS date-time,
    a gender question's own-words follow-up."""
    white = "White - English, Welsh, Scottish, Northern Irish or British"
    return pd.DataFrame({
        "respondent_id": [f"r{i}" for i in range(8)],
        "ethnicity": pd.Categorical([white, "Asian or Asian British", white, white,
                                     "Mixed or multiple ethnic groups", white,
                                     "Asian or Asian British", white]),
        "trust_sw": pd.Categorical(["I don't have a social worker", "Yes", "No", "Yes",
                                    "I don't have a social worker", "Not sure", "Yes", "No"]),
        "started_at": pd.Categorical([f"2024-03-0{i + 1}T18:0{i}:00" for i in range(8)]),
        "surveyed": pd.Categorical(["2024-03-01 00:00:00"] * 4 + ["2024-03-02 00:00:00"] * 4),
        "gender_self": pd.Categorical(["trans boy", None, None, "agender", None, None, None,
                                       None])})


def test_closed_answers_are_closed_as_a_whole_and_date_times_are_typed(tmp_path, comments,
                                                                      codes):
    """A column is free text or closed as the rest of carevoice judges it: long labels are
    closed answers, an own-words identity question is free text; an SPSS date-time is a
    DateTime variable, a date-time at midnight a Date."""
    from carevoice.qda import free_text_answers, type_text_answers

    answers = type_text_answers(_survey_answers())
    assert free_text_answers(answers) == ["gender_self"]
    assert free_text_answers(answers, not_free_text=["gender_self"]) == []
    with pytest.raises(InputError, match="nope"):
        free_text_answers(answers, not_free_text=["nope"])
    frame = comments.assign(respondent_id=[f"r{i}" for i in range(len(comments))])
    root = qde_root(export(tmp_path, frame, codes, answers))
    variables = {v.get("name"): v for v in root.iter(f"{Q}Variable")}
    kinds = {name: v.get("typeOfVariable") for name, v in variables.items()}
    assert kinds == {"ethnicity": "Text", "trust_sw": "Text", "started_at": "DateTime",
                     "surveyed": "Date", "gender_self": "Text"}
    assert "Northern Irish or British" in variables["ethnicity"].find(f"{Q}Description").text
    assert "I don't have a social worker" in variables["trust_sw"].find(
        f"{Q}Description").text
    assert variables["gender_self"].find(f"{Q}Description") is None  # never listed as levels
    values = [v.text for v in root.iter(f"{Q}DateTimeValue")]
    assert values[:2] == ["2024-03-01T18:00:00", "2024-03-02T18:01:00"]


@pytest.mark.model
def test_long_labels_are_not_pseudonymised_on_export(tmp_path):
    answers = _survey_answers()
    raw = pd.DataFrame({"comment_id": ["c1"], "respondent_id": ["r1"],
                        "text": ["my social worker never rings me back"]})
    path = export_qdpx(raw, pd.DataFrame({"comment_id": [], "theme": []}), answers,
                       tmp_path / "p.qdpx")
    back = read_qdpx(path).respondents.set_index("respondent_id")
    assert back.at["r0", "ethnicity"] == answers.at[0, "ethnicity"]
    assert back.at["r0", "trust_sw"] == "I don't have a social worker"
    assert str(back.at["r0", "started_at"]).startswith("2024-03-01 18:00:00")
