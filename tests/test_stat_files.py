"""SPSS (.sav) and Stata (.dta) files: value labels, user-missing codes and code order.

The files are written here with pyreadstat, as SPSS and Stata write them; every respondent and
comment is fictional.
"""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

import carevoice as cv
from carevoice.batch.chunks import needs_staging
from carevoice.cli import app
from carevoice.corpus import read_table
from carevoice.errors import InputError

pyreadstat = pytest.importorskip("pyreadstat")

PLACEMENT = {1: "Foster care", 2: "Residential", 3: "Kinship care"}
SAFE = {1: "Never", 2: "Sometimes", 3: "Always", -99: "Not answered"}


def _respondents_sav(path, **extra):
    frame = pd.DataFrame({
        "respondent_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
        "placement": [3.0, 2.0, 1.0, 7.0, 3.0, 1.0],
        "feels_safe": [3.0, 1.0, -99.0, 2.0, 1.0, 3.0],
        "age": [12.0, 15.0, 9.0, -9.0, 10.0, 16.0],
        "times_moved": [1.0, 8.0, 2.0, 1.0, 3.0, 2.0],
    })
    pyreadstat.write_sav(frame, str(path),
                         variable_value_labels={"placement": PLACEMENT, "feels_safe": SAFE,
                                                "times_moved": {8: "Don't know"}},
                         variable_measure={"placement": "nominal", "feels_safe": "ordinal",
                                           "age": "scale", "times_moved": "scale"},
                         missing_ranges={"feels_safe": [-99], "age": [{"lo": -9, "hi": -1}]},
                         **extra)
    return path


def test_spss_value_labels_missing_codes_and_code_order(tmp_path):
    resp = cv.read_respondents(_respondents_sav(tmp_path / "resp.sav"))
    # labels, not codes; an unlabelled code stays the code and comes after the labels
    assert resp["placement"].tolist() == ["Kinship care", "Residential", "Foster care", "7",
                                          "Kinship care", "Foster care"]
    assert list(resp["placement"].cat.categories) == ["Foster care", "Residential",
                                                      "Kinship care", "7"]
    assert not resp["placement"].cat.ordered
    # an ordinal question is an ordered scale in code order; its missing code is no answer
    # and its label ("Not answered") is not a level
    assert resp["feels_safe"].cat.ordered
    assert list(resp["feels_safe"].cat.categories) == ["Never", "Sometimes", "Always"]
    assert resp["feels_safe"].isna().tolist() == [False, False, True, False, False, False]
    # a missing range on a number: -9 is no answer, the rest stay numbers
    assert str(resp["age"].dtype) == "Int64" and resp["age"].isna().sum() == 1


def test_a_side_file_of_a_csv_of_the_same_name_is_not_applied_to_an_spss_file(tmp_path):
    """write_corpus leaves respondents.schema.json beside respondents.csv; an SPSS file named
    respondents.sav in the same folder has its own labels and types."""
    cv.write_corpus(cv.load_demo(), tmp_path)
    resp = cv.read_respondents(_respondents_sav(tmp_path / "respondents.sav"))
    assert list(resp["feels_safe"].cat.categories) == ["Never", "Sometimes", "Always"]
    assert str(resp["age"].dtype) == "Int64"


def test_an_ordinary_label_is_an_answer_until_listed_as_a_missing_value(tmp_path, caplog):
    path = _respondents_sav(tmp_path / "resp.sav")
    # times_moved is a scale labelled on one code only (8 = "Don't know"): numbers, the
    # label read as its code, and a warning that says so
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        resp = cv.read_respondents(path)
    assert resp["times_moved"].tolist() == [1, 8, 2, 1, 3, 2]
    assert "\"Don't know\" as 8" in caplog.text
    for codes in (["Don't know"], [8], ["8"]):  # by label or by code
        resp = cv.read_respondents(path, missing_values={"times_moved": codes})
        assert str(resp["times_moved"].dtype) == "Int64"
        assert resp["times_moved"].isna().sum() == 1


def test_an_ordinal_question_with_an_unlabelled_code_is_not_given_the_order(tmp_path):
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c"], "often": [1.0, 2.0, 5.0]})
    path = tmp_path / "r.sav"
    pyreadstat.write_sav(frame, str(path),
                         variable_value_labels={"often": {1: "Rarely", 2: "Often"}},
                         variable_measure={"often": "ordinal"})
    resp = cv.read_respondents(path)
    assert not resp["often"].cat.ordered  # "5" has no place on the scale
    assert list(resp["often"].cat.categories) == ["Rarely", "Often", "5"]


def test_stata_labels_are_applied_in_code_order_but_not_ordered(tmp_path):
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c", "d"],
                          "placement": [2.0, 1.0, 3.0, None], "age": [11.0, 12.0, 14.0, 9.0]})
    path = tmp_path / "r.dta"
    pyreadstat.write_dta(frame, str(path), variable_value_labels={"placement": PLACEMENT})
    resp = cv.read_respondents(path)
    assert list(resp["placement"].cat.categories) == ["Foster care", "Residential",
                                                      "Kinship care"]
    assert not resp["placement"].cat.ordered and resp["placement"].isna().sum() == 1
    assert str(resp["age"].dtype) == "Int64"


def test_a_wide_spss_export_converts_and_its_text_is_read_as_typed(tmp_path):
    wide = pd.DataFrame({"ID": ["1", "2", "3"],
                         "better": ["more time with my nan", "", "a bike to get to college"],
                         "placement": [1.0, 2.0, 1.0], "feels_safe": [1.0, 3.0, 2.0]})
    path = tmp_path / "export.sav"
    pyreadstat.write_sav(wide, str(path),
                         variable_value_labels={"placement": PLACEMENT, "feels_safe": SAFE},
                         variable_measure={"feels_safe": "ordinal"})
    corpus = cv.read_survey(path, text_columns={"better": "better"}, id_column="ID")
    assert corpus.comments["text"].tolist()[0] == "more time with my nan"
    assert corpus.comments["text"].isna().tolist() == [False, True, False]  # "" is no answer
    assert list(corpus.respondents["feels_safe"].cat.categories) == ["Never", "Sometimes",
                                                                     "Always"]
    out = tmp_path / "long"
    result = CliRunner().invoke(app, ["convert", str(path), "--id-column", "ID",
                                      "--text-column", "better=better", "--output", str(out)])
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out / "respondents.csv")
    assert written["placement"].tolist() == ["Foster care", "Residential", "Foster care"]
    # the order travels in the side file, so the long files read back as the SPSS file did
    again = cv.read_respondents(out / "respondents.csv")
    assert again["feels_safe"].cat.ordered
    assert list(again["feels_safe"].cat.categories) == ["Never", "Sometimes", "Always"]


def test_link_reads_an_spss_respondents_file_with_its_labels(tmp_path):
    resp = _respondents_sav(tmp_path / "resp.sav")
    ids = ["r1", "r2", "r3", "r4", "r5", "r6"]
    pd.DataFrame({"comment_id": [f"{r}-q" for r in ids], "respondent_id": ids,
                  "text": ["a"] * 6}).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame({"comment_id": ["r1-q", "r5-q"], "theme": "family_contact", "score": 0.9,
                  "assigned": True}).to_csv(tmp_path / "codes.csv", index=False)
    result = CliRunner().invoke(app, [
        "link", str(tmp_path / "c.csv"), str(tmp_path / "codes.csv"), str(resp),
        "--output", str(tmp_path / "a.csv"), "--prevalence", str(tmp_path / "p.csv"),
        "--variable", "placement"])
    assert result.exit_code == 0, result.output
    associations = pd.read_csv(tmp_path / "a.csv", dtype=str)
    levels = associations.loc[associations["variable"] == "placement", "level"]
    assert list(dict.fromkeys(levels)) == ["Foster care", "Residential", "Kinship care", "7"]


def test_spss_and_stata_inputs_are_staged_for_batch_runs(tmp_path):
    path = _respondents_sav(tmp_path / "resp.sav")
    assert needs_staging(path) and needs_staging(tmp_path / "x.dta")
    assert read_table(path)["placement"].tolist()[0] == "Kinship care"


def test_a_damaged_file_names_the_file_and_the_program(tmp_path):
    path = tmp_path / "broken.sav"
    path.write_bytes(b"this is not an SPSS file at all")
    with pytest.raises(InputError, match=r"broken\.sav is not a readable SPSS file"):
        cv.read_respondents(path)


def test_without_pyreadstat_the_error_says_what_to_install(tmp_path, monkeypatch):
    path = _respondents_sav(tmp_path / "resp.sav")
    monkeypatch.setitem(sys.modules, "pyreadstat", None)  # as if it were not installed
    with pytest.raises(InputError, match=r"carevoice\[spss\]"):
        read_table(path)


# --------------------------------------------------------------------------------------------
# What the file says of its variables: text variables, wording, scales (audit 2027-01, SPSS)
# --------------------------------------------------------------------------------------------
OTHER = ["with my nan Zebedee Quorn", "Aunty Shaz flat in Goole", "my mate Tyler Boyce house",
         "Rosewood House", "Zebedee Quorn", "Aunty Shaz flat in Goole"]
IDS = [f"r{i}" for i in range(1, 31)]


def _leak_sav(path, *, name="placement_other", wording="Other (please specify)", text=False):
    """30 young people, six of whom wrote where they live in a 'please specify' variable."""
    frame = pd.DataFrame({"respondent_id": IDS, "placement": [1.0, 2.0, 3.0] * 8 + [6.0] * 6,
                          name: [""] * 24 + OTHER})
    if text:
        frame["better"] = "more time with my nan"
    labels = {"respondent_id": "Respondent ID", "placement": "Where do you live now?"}
    if wording:
        labels[name] = wording
    pyreadstat.write_sav(frame, str(path), column_labels=labels,
                         variable_value_labels={"placement": {**PLACEMENT, 6: "Other"}},
                         variable_measure={"placement": "nominal"})
    return path


def _long_files(folder, ids=IDS):
    pd.DataFrame({"comment_id": [f"{r}-q" for r in ids], "respondent_id": ids,
                  "question_id": "q", "text": ["I want to see my family more"] * len(ids)},
                 ).to_csv(folder / "comments.csv", index=False)
    pd.DataFrame({"comment_id": [f"{r}-q" for r in ids[::2]], "theme": "family_contact",
                  "score": 0.9, "assigned": True}).to_csv(folder / "codes.csv", index=False)


def test_a_please_specify_variable_never_reaches_the_link_outputs(tmp_path):
    resp = _leak_sav(tmp_path / "resp.sav")
    _long_files(tmp_path)
    args = ["link", str(tmp_path / "comments.csv"), str(tmp_path / "codes.csv"), str(resp),
            "--output", str(tmp_path / "assoc.csv"), "--prevalence", str(tmp_path / "p.csv")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    assert "'placement_other' (its question asks for free text)" in " ".join(
        result.output.split())
    assert "Quorn" not in result.output and not (tmp_path / "p.csv").exists()
    result = CliRunner().invoke(app, [*args, "--drop-column", "placement_other"])
    assert result.exit_code == 0, result.output
    assert "Quorn" not in (tmp_path / "p.csv").read_text()


@pytest.mark.parametrize(("name", "wording"), [("q5_6", "Where?"), ("extra", None)])
def test_a_string_variable_without_value_labels_is_free_text_unless_vouched_for(
        tmp_path, name, wording):
    """Whatever its name and wording, an unlabelled string variable holds typed answers."""
    path = _leak_sav(tmp_path / "resp.sav", name=name, wording=wording)
    resp = cv.read_respondents(path)
    assert resp.attrs["text_variables"] == [name]
    assert resp.attrs["value_labelled"] == ["placement"]
    with pytest.raises(cv.ValidationError, match=rf"'{name}' \(it is a text variable without "
                       "value labels in an SPSS or Stata file\\)") as info:
        cv.corpus.closed_answers(resp)
    assert "Quorn" not in str(info.value) and "placement'" not in str(info.value)
    path = _leak_sav(tmp_path / "wide.sav", name=name, wording=wording, text=True)
    with pytest.raises(cv.ValidationError, match=rf"'{name}' \(it is a text variable"):
        cv.read_survey(path, text_columns=["better"], id_column="respondent_id")
    # vouched for, it is kept as it is
    kept = cv.corpus.closed_answers(resp, closed_columns=["placement", name])
    assert list(kept.columns) == ["respondent_id", "placement", name]


def test_the_question_wording_is_checked_as_the_header_is(tmp_path):
    path = _leak_sav(tmp_path / "resp.sav", name="v12", wording="Other (please specify)")
    with pytest.raises(cv.ValidationError, match=r"'v12' \(its question asks for free text\)"):
        cv.corpus.closed_answers(cv.read_respondents(path))
    # the wording reaches the check in a frame built by hand too
    frame = pd.DataFrame({"v12": ["Rosewood House", None]})
    assert cv.corpus.free_text_columns(frame, wording={"v12": "School name"}) == {
        "v12": "its question asks for a name or contact details"}


def test_a_value_labelled_question_is_closed_by_construction(tmp_path):
    """24 young people in 12 councils, two each: every answer a value label, never refused
    (a CSV of the same answers is not refused either, since each council repeats)."""
    councils = {i: f"Council {chr(64 + i)}" for i in range(1, 13)}
    frame = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(24)],
                          "la": [float(i % 12 + 1) for i in range(24)]})
    path = tmp_path / "la.sav"
    pyreadstat.write_sav(frame, str(path), variable_value_labels={"la": councils})
    resp = cv.read_respondents(path)
    assert list(cv.corpus.closed_answers(resp).columns) == ["respondent_id", "la"]
    frame = read_table(path)
    assert cv.corpus.free_text_columns(frame, ["la"]) == {}
    frame.attrs.clear()  # the same answers without the file's word for it
    assert cv.corpus.free_text_columns(frame, ["la"]) == {}


def test_a_batch_run_refuses_a_text_variable_of_an_spss_survey(tmp_path):
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks, stage_source
    from carevoice.batch.runner import _read_respondents, _source

    frame = pd.DataFrame({"ID": IDS, "better": ["more time with my nan"] * 30,
                          "placement": [1.0, 2.0, 3.0] * 8 + [6.0] * 6,
                          "placement_other": [""] * 24 + OTHER})
    path = tmp_path / "wave.sav"
    pyreadstat.write_sav(frame, str(path),
                         variable_value_labels={"placement": {**PLACEMENT, 6: "Other"}})
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\n[input]\nsurvey = "{path.as_posix()}"\n'
                    'id_column = "ID"\n[input.text_columns]\nbetter = "better"\n', "utf-8")
    cfg = load_config(toml)
    (tmp_path / "stage").mkdir()
    source = stage_source(_source(cfg), tmp_path / "stage")
    with pytest.raises(cv.ValidationError, match="'placement_other' looks like free text"):
        _read_respondents(cfg, source, plan_chunks(source, 10))


def _ordinal_sav(path):
    frame = pd.DataFrame({"ID": ["0007", "0012", "0100", "0101"],
                          "better": ["a bike", "", "my nan", "college"],
                          "see_mum": [3.0, 1.0, 2.0, 1.0], "placement": [2.0, 1.0, 3.0, 2.0],
                          "know_iro": [1.0, 2.0, 3.0, 1.0], "moves": [0.0, 3.0, 10.0, 4.0]})
    frame["ID"] = frame["ID"].astype(float)
    pyreadstat.write_sav(
        frame, str(path), variable_format={"ID": "N4"},
        column_labels={"see_mum": "How often do you see your mum?",
                       "placement": "Where do you live now?"},
        variable_value_labels={"see_mum": {1: "Never", 2: "Sometimes", 3: "Every week"},
                               "placement": PLACEMENT,
                               "know_iro": {1: "Yes ", 2: "No ", 3: "Not sure "},
                               "moves": {0: "None", 10: "10 or more"}},
        variable_measure={"see_mum": "ordinal", "placement": "nominal",
                          "know_iro": "nominal", "moves": "scale"})
    return path


def test_a_batch_run_types_an_spss_survey_as_convert_does(tmp_path):
    import json

    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks, stage_source
    from carevoice.batch.outputs import write_respondents
    from carevoice.batch.runner import _read_respondents, _source

    path = _ordinal_sav(tmp_path / "wave.sav")
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\n[input]\nsurvey = "{path.as_posix()}"\n'
                    'id_column = "ID"\n[input.text_columns]\nbetter = "better"\n', "utf-8")
    cfg = load_config(toml)
    (tmp_path / "stage").mkdir()
    source = stage_source(_source(cfg), tmp_path / "stage")
    batch = _read_respondents(cfg, source, plan_chunks(source, 2))
    whole = cv.read_survey(path, text_columns=["better"], id_column="ID").respondents
    for column in ("see_mum", "placement", "know_iro", "moves"):
        assert batch[column].dtype == whole[column].dtype, column
    assert batch["see_mum"].cat.ordered
    assert list(batch["see_mum"].cat.categories) == ["Never", "Sometimes", "Every week"]
    assert list(batch["placement"].cat.categories) == ["Foster care", "Residential",
                                                      "Kinship care"]
    write_respondents(batch, tmp_path, "csv")
    cv.write_corpus(cv.read_survey(path, text_columns=["better"], id_column="ID"),
                    tmp_path / "convert")
    schema = json.loads((tmp_path / "respondents.schema.json").read_text())
    assert schema == json.loads((tmp_path / "convert" / "respondents.schema.json").read_text())
    assert schema["see_mum"]["wording"] == "How often do you see your mum?"


def test_renamed_columns_keep_the_order_and_wording_of_the_file(tmp_path):
    path = _ordinal_sav(tmp_path / "wave.sav")
    resp = cv.read_respondents(path, columns={"ID": "respondent_id", "see_mum": "see_mum_freq",
                                              "placement": "placement_type"})
    assert resp["see_mum_freq"].cat.ordered
    assert list(resp["see_mum_freq"].cat.categories) == ["Never", "Sometimes", "Every week"]
    assert list(resp["placement_type"].cat.categories) == ["Foster care", "Residential",
                                                           "Kinship care"]
    assert resp.attrs["question_wording"] == {"see_mum_freq": "How often do you see your mum?",
                                              "placement_type": "Where do you live now?"}


def test_ids_in_spss_n_format_keep_their_leading_zeros(tmp_path):
    path = _ordinal_sav(tmp_path / "wave.sav")
    assert read_table(path)["ID"].tolist() == ["0007", "0012", "0100", "0101"]
    resp = cv.read_respondents(path, columns={"ID": "respondent_id"})
    assert resp["respondent_id"].tolist() == ["0007", "0012", "0100", "0101"]
    corpus = cv.read_survey(path, text_columns=["better"], id_column="ID")
    assert corpus.comments["comment_id"].tolist()[0] == "0007-better"
    # Stata shows zeros with a %0wf format
    pyreadstat.write_dta(pd.DataFrame({"id": [7.0, 120.0]}), str(tmp_path / "r.dta"),
                         variable_format={"id": "%04.0f"})
    assert read_table(tmp_path / "r.dta")["id"].tolist() == ["0007", "0120"]


def test_a_partly_labelled_scale_stays_numbers(tmp_path):
    path = _ordinal_sav(tmp_path / "wave.sav")
    resp = cv.read_respondents(path, columns={"ID": "respondent_id"})
    assert str(resp["moves"].dtype) == "Int64"
    assert resp["moves"].tolist() == [0, 3, 10, 4]
    # not measured as a scale: the labels stay, in code order with the unlabelled codes
    frame = pd.DataFrame({"respondent_id": ["a", "b", "c", "d"],
                          "moves": [0.0, 3.0, 10.0, 4.0]})
    pyreadstat.write_sav(frame, str(tmp_path / "n.sav"),
                         variable_value_labels={"moves": {0: "None", 10: "10 or more"}},
                         variable_measure={"moves": "nominal"})
    resp = cv.read_respondents(tmp_path / "n.sav")
    assert list(resp["moves"].cat.categories) == ["None", "3", "4", "10 or more"]


def test_a_nominal_question_is_not_made_a_scale(tmp_path):
    resp = cv.read_respondents(_ordinal_sav(tmp_path / "wave.sav"),
                               columns={"ID": "respondent_id"})
    assert not resp["know_iro"].cat.ordered
    assert list(resp["know_iro"].cat.categories) == ["Yes", "No", "Not sure"]
    # the same answers in a CSV are the known scale no < not sure < yes
    pd.DataFrame({"respondent_id": ["a", "b", "c"], "know_iro": ["Yes", "No", "Not sure"]}
                 ).to_csv(tmp_path / "r.csv", index=False)
    assert cv.read_respondents(tmp_path / "r.csv")["know_iro"].cat.ordered


def test_dates_read_the_same_from_spss_and_excel(tmp_path):
    import datetime as dt

    frame = pd.DataFrame({"respondent_id": ["a", "b"],
                          "completed": [dt.date(2025, 3, 1), dt.date(2025, 3, 2)],
                          "started": [dt.datetime(2025, 3, 1, 18, 3), dt.datetime(2025, 3, 2)]})
    pyreadstat.write_sav(frame, str(tmp_path / "r.sav"),
                         variable_format={"completed": "ADATE10", "started": "DATETIME20"})
    frame.to_excel(tmp_path / "r.xlsx", index=False)
    expected = {"completed": ["2025-03-01", "2025-03-02"],
                "started": ["2025-03-01T18:03:00", "2025-03-02"]}
    for name in ("r.sav", "r.xlsx"):
        table = read_table(tmp_path / name)
        assert {c: table[c].tolist() for c in expected} == expected, name


def test_the_question_wording_travels_to_the_long_files(tmp_path):
    path = _ordinal_sav(tmp_path / "wave.sav")
    out = tmp_path / "long"
    result = CliRunner().invoke(app, ["convert", str(path), "--id-column", "ID",
                                      "--text-column", "better", "--output", str(out),
                                      "--rename", "placement=placement_type"])
    assert result.exit_code == 0, result.output
    again = cv.read_respondents(out / "respondents.csv")
    assert again.attrs["question_wording"] == {
        "see_mum": "How often do you see your mum?", "placement_type": "Where do you live now?"}
    assert again["respondent_id"].tolist()[0] == "0007"
    assert list(again["placement_type"].cat.categories) == ["Foster care", "Residential",
                                                            "Kinship care"]
    assert sorted(again.attrs["value_labelled"]) == ["know_iro", "moves", "placement_type",
                                                     "see_mum"]


def test_messages_for_an_spss_file_given_where_long_files_are_expected(tmp_path):
    path = _ordinal_sav(tmp_path / "wave.sav")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code != 0 and "carevoice convert" in result.output
    _long_files(tmp_path, ["0007", "0012", "0100", "0101"])
    result = CliRunner().invoke(app, ["link", str(tmp_path / "comments.csv"),
                                      str(tmp_path / "codes.csv"), str(path),
                                      "--output", str(tmp_path / "a.csv")])
    output = " ".join(result.output.split())
    assert result.exit_code != 0 and "RENAME VARIABLES" in output
    assert "carevoice convert" in output
