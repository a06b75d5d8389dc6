"""Agreement statistics against hand computation, scikit-learn and the krippendorff package."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from carevoice.errors import InputError
from carevoice.themes import agreement, codes_matrix


def long(assign: dict[str, list[str]]) -> pd.DataFrame:
    rows = [(cid, t) for cid, themes in assign.items() for t in themes]
    return pd.DataFrame(rows, columns=["comment_id", "theme"])


IDS = [str(i) for i in range(10)]


def test_hand_computed_kappa():
    # money: coder A yes on 0-4, coder B yes on 0-2 and 5: a=3, b=2, c=1, d=4.
    a = long({i: ["money"] for i in "01234"})
    b = long({i: ["money"] for i in "0125"})
    t = agreement(a, b, comment_ids=IDS, n_boot=0).set_index("theme")
    po, pe = 0.7, (5 * 4 + 5 * 6) / 100  # (a+b)(a+c) + (c+d)(b+d) over n^2
    assert t.loc["money", "kappa"] == pytest.approx((po - pe) / (1 - pe))
    assert t.loc["money", "percent_agreement"] == pytest.approx(0.7)
    assert t.loc["money", "f1"] == pytest.approx(2 * 3 / (2 * 3 + 2 + 1))
    assert (t.loc["money", "n_a"], t.loc["money", "n_b"]) == (5, 4)


def test_matches_sklearn_and_krippendorff_and_closed_forms():
    rng = np.random.default_rng(1)
    themes = ["money", "safety", "education"]
    x = rng.integers(0, 2, size=(40, 3))
    y = np.where(rng.random((40, 3)) < 0.8, x, 1 - x)
    ids = [f"c{i}" for i in range(40)]
    a = long({ids[i]: [themes[j] for j in range(3) if x[i, j]] for i in range(40)})
    b = long({ids[i]: [themes[j] for j in range(3) if y[i, j]] for i in range(40)})
    t = agreement(a, b, comment_ids=ids, themes=themes, n_boot=200).set_index("theme")
    from carevoice.themes.agreement import _stats

    for j, theme in enumerate(themes):
        kappa = cohen_kappa_score(x[:, j], y[:, j])
        alpha = krippendorff.alpha(reliability_data=np.vstack([x[:, j], y[:, j]]).astype(float),
                                   level_of_measurement="nominal")
        assert t.loc[theme, "kappa"] == pytest.approx(kappa)
        assert t.loc[theme, "alpha"] == pytest.approx(alpha)
        assert t.loc[theme, "f1"] == pytest.approx(f1_score(x[:, j], y[:, j]))
        # the closed forms used for the bootstrap agree with the libraries
        cells = [((x[:, j] == p) & (y[:, j] == q)).sum()
                 for p, q in ((1, 1), (1, 0), (0, 1), (0, 0))]
        closed = _stats(*cells)
        assert float(closed["kappa"]) == pytest.approx(kappa)
        assert float(closed["alpha"]) == pytest.approx(alpha)
        assert t.loc[theme, "kappa_low"] <= t.loc[theme, "kappa"] <= t.loc[theme, "kappa_high"]
        assert t.loc[theme, "f1_low"] < t.loc[theme, "f1_high"]
    assert t.loc["overall", "f1"] == pytest.approx(f1_score(x.ravel(), y.ravel()))
    assert t.loc["macro", "kappa"] == pytest.approx(t.loc[themes, "kappa"].mean())


def test_perfect_agreement_and_undefined_statistics():
    a = long({"1": ["money"], "2": ["safety"]})
    t = agreement(a, a.copy(), comment_ids=["1", "2", "3"], themes=["money", "safety", "pets"],
                  n_boot=50).set_index("theme")
    assert t.loc["money", "kappa"] == 1.0 and t.loc["money", "alpha"] == 1.0
    assert np.isnan(t.loc["pets", "kappa"]) and np.isnan(t.loc["pets", "f1"])
    assert t.loc["pets", "percent_agreement"] == 1.0


def test_assigned_column_and_no_theme_rows_and_two_coders():
    human = pd.DataFrame({"comment_id": ["1", "2", "3"], "theme": ["money", "no_theme", "safety"]})
    model = pd.DataFrame({"comment_id": ["1", "1", "2", "3"],
                          "theme": ["money", "safety", "money", "safety"],
                          "score": [0.9, 0.2, 0.3, 0.7],
                          "assigned": [True, False, False, True]})
    second = pd.DataFrame({"comment_id": ["1", "3"], "theme": ["money", "money"],
                           "assigned": ["true", "true"]})
    t = agreement(human, model, second_coder=second, n_boot=0)
    assert t["pair"].unique().tolist() == ["human vs model", "human vs human_2",
                                           "human_2 vs model"]
    hm = t[t["pair"] == "human vs model"].set_index("theme")
    assert hm.loc["money", "n_comments"] == 3  # comment 2 counts through its no_theme row
    assert hm.loc["money", "kappa"] == 1.0 and hm.loc["safety", "kappa"] == 1.0
    assert np.isnan(hm.loc["money", "kappa_low"])  # n_boot=0: no interval


def test_bootstrap_is_seeded():
    a = long({str(i): ["money"] for i in range(0, 10, 2)})
    b = long({str(i): ["money"] for i in range(0, 10, 3)})
    t1 = agreement(a, b, comment_ids=IDS, n_boot=300, random_state=3)
    t2 = agreement(a, b, comment_ids=IDS, n_boot=300, random_state=3)
    pd.testing.assert_frame_equal(t1, t2)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"human_codes": pd.DataFrame({"x": [1]})}, "human_codes"),
        ({"n_boot": -1}, "n_boot"),
        ({"level": 95}, "level"),
        ({"comment_ids": []}, "at least one comment"),
    ],
)
def test_bad_arguments(kwargs, match):
    args = {"human_codes": long({"1": ["money"]}), "model_codes": long({"1": ["money"]})}
    args.update(kwargs)
    with pytest.raises(InputError, match=match):
        agreement(**args)


def test_codes_matrix_ignores_unknown_and_unassigned():
    codes = pd.DataFrame({"comment_id": ["a", "a", "z"], "theme": ["money", "pets", "money"],
                          "assigned": ["false", "true", "true"]})
    assert codes_matrix(codes, ["a"], ["money"]).tolist() == [[0]]


def test_ids_are_the_same_however_they_were_stored():
    # Audit 2026-12: a person's codes read from a spreadsheet (1.0) and the model's ("1") were
    # different comments: n_comments doubled and kappa was wrong.
    human = pd.DataFrame({"comment_id": [1.0, 2.0, 3.0], "theme": ["money", "money", "safety"]})
    model = pd.DataFrame({"comment_id": ["1", "2", "3"], "theme": ["money", "safety", "safety"]})
    t = agreement(human, model, n_boot=0).set_index("theme")
    assert t.loc["money", "n_comments"] == 3
    assert t.loc["safety", "kappa"] == pytest.approx(0.4)
    with_ids = agreement(human, model, comment_ids=[1, 2, 3], n_boot=0).set_index("theme")
    pd.testing.assert_frame_equal(t, with_ids)
    assert codes_matrix(human, ["1", "2"], ["money"]).tolist() == [[1], [1]]


def test_comments_in_one_coders_codes_only_are_named():
    human = long({"1": ["money"], "2": ["money"]})
    model = long({"1": ["money"], "3": ["money"]})
    with pytest.warns(UserWarning, match=r"only in human's codes: 2; only in model's codes: 3"):
        agreement(human, model, n_boot=0)


def test_codes_of_none_of_the_comments_are_an_error():
    human = long({"c1": ["money"], "c2": ["money"]})
    model = long({"C1": ["money"], "C2": ["money"]})
    with pytest.raises(InputError, match="None of the comment_id values of the 'model_codes'"):
        agreement(human, model, comment_ids=["c1", "c2"], n_boot=0)
    missing = pd.DataFrame({"comment_id": ["c1", None], "theme": ["money", "money"]})
    with pytest.raises(InputError, match=r"'model_codes' argument of agreement has rows without"):
        agreement(human, missing, n_boot=0)


# --------------------------------------------------------------------------------------------
# carevoice agreement: the same table from the command line
# --------------------------------------------------------------------------------------------
def _codes_files(tmp_path):
    person = tmp_path / "person.csv"
    person.write_text("comment_id,theme,assigned\nc1,money,true\nc2,money,true\nc3,safety,true\n"
                      "c4,family_contact,true\nc5,money,true\nc6,no_theme,true\n", "utf-8")
    model = tmp_path / "model.csv"
    model.write_text("comment_id,theme,score,assigned\nc1,money,0.9,true\nc2,money,0.4,false\n"
                     "c3,safety,0.8,true\nc4,family_contact,0.7,true\nc5,safety,0.6,true\n"
                     "c9,money,0.9,true\n", "utf-8")
    second = tmp_path / "second.csv"
    second.write_text("comment_id,theme\nc1,money\nc2,money\nc3,safety\nc5,safety\n", "utf-8")
    sample = tmp_path / "sample.csv"
    sample.write_text("comment_id,question_id\nc1,q\nc2,q\nc3,q\nc4,q\nc5,q\nc6,q\n", "utf-8")
    return person, model, second, sample


def test_agreement_command_writes_what_the_function_gives(tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app
    from carevoice.corpus import read_codes

    person, model, second, sample = _codes_files(tmp_path)
    out = tmp_path / "agreement.csv"
    done = CliRunner().invoke(app, ["agreement", str(person), str(model), "--comments",
                                    str(sample), "--second-coder", str(second), "--names",
                                    "amina,model,ben", "--n-boot", "200", "--seed", "3",
                                    "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "6 comments, 3 themes; amina vs model: macro kappa " in done.output
    expected = agreement(read_codes(person), read_codes(model), second_coder=read_codes(second),
                         comment_ids=[f"c{i}" for i in range(1, 7)],
                         names=("amina", "model", "ben"), n_boot=200, random_state=3)
    written = pd.read_csv(out)
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert written["pair"].unique().tolist() == ["amina vs model", "amina vs ben",
                                                 "ben vs model"]
    # c9 (model only) is not among the comments coded; with no --comments it would count
    assert set(written["n_comments"]) == {6}


def test_agreement_command_names_what_the_user_typed(tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    person, model, _, _ = _codes_files(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("comment_id\nz1\n", "utf-8")
    out = str(tmp_path / "a.csv")
    runner = CliRunner()
    cases = {
        "CODES_B names no file": [str(person), str(tmp_path / "missing.csv")],
        "None of the comment_id values of CODES_A is in --comments": [
            str(person), str(model), "--comments", str(other)],
        "The --n-boot option must be an int": [str(person), str(model), "--n-boot", "-1"],
        "The --level option must be a float in (0, 1)": [str(person), str(model), "--level",
                                                         "1.5"],
        "The --names option must give 2 different names": [str(person), str(model), "--names",
                                                           "a,a"],
        "The --comments option names a file without a 'comment_id' column": [
            str(person), str(model), "--comments", str(person.with_name("x.csv"))],
    }
    person.with_name("x.csv").write_text("id\nc1\n", "utf-8")
    for message, arguments in cases.items():
        done = runner.invoke(app, ["agreement", *arguments, "-o", out])
        assert done.exit_code == 2 and message in done.output, (message, done.output)
    done = runner.invoke(app, ["agreement", str(person), str(model), "--n-boot", "0",
                               "--theme", "monye", "-o", out])
    assert done.exit_code == 0, done.output
    assert "warning: The --theme option names themes that no codes file assigns: ['monye']" \
        in done.output
    assert "only in person's codes: c6; only in model's codes: c9" in done.output
    assert "give --comments" in done.output and "comment_ids" not in done.output


def test_agreement_command_writes_its_manifest_beside_the_table(tmp_path):
    """As every single-step command does: settings, seed, the files' hashes, what made each
    codes file; the coders' names (people's, perhaps) are not recorded."""
    import json

    from typer.testing import CliRunner

    from carevoice.cli import app
    from carevoice.provenance import file_sha256, write_step_manifest

    person, model, _, sample = _codes_files(tmp_path)
    # the model's codes as `carevoice code --seed 5` leaves them: a manifest beside
    write_step_manifest(model, "code", seed=5, codebook=None, settings={"random_state": 5},
                        inputs={}, outputs={"--output": model}, models=False)
    out = tmp_path / "agreement.csv"
    done = CliRunner().invoke(app, ["agreement", str(person), str(model), "--comments",
                                    str(sample), "--names", "amina,model", "--n-boot", "50",
                                    "--seed", "3", "-o", str(out)])
    assert done.exit_code == 0, done.output
    text = (tmp_path / "agreement.manifest.json").read_text("utf-8")
    assert "amina" not in text
    manifest = json.loads(text)
    assert manifest["step"] == "agreement" and manifest["seed"] == 3
    assert manifest["command"][:2] == ["carevoice", "agreement"]
    assert manifest["outputs"]["--output"]["sha256"] == file_sha256(out)
    assert {k: v["sha256"] for k, v in manifest["inputs"].items()} == {
        "CODES_A": file_sha256(person), "CODES_B": file_sha256(model),
        "--comments": file_sha256(sample)}
    assert manifest["settings"]["n_boot"] == 50 and manifest["settings"]["level"] == 0.95
    assert manifest["settings"]["names_given"] is True
    made = manifest["codes_made_with"]
    assert made["CODES_B"]["known"] is True and made["CODES_B"]["seed"] == 5
    assert made["CODES_A"]["known"] is False  # typed by a person: no manifest beside it
    assert not list(tmp_path.glob("*.tmp"))
