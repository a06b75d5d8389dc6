"""The codebook: the shipped default, loading, validation errors, edits and writing back."""

from __future__ import annotations

import json
import re

import pytest

from carevoice.errors import CodebookError
from carevoice.themes import (
    NO_THEME,
    Codebook,
    Theme,
    codebook_from_dict,
    load_codebook,
    write_codebook,
)

DESIGN_IDS = (
    "stigma", "family_contact", "staff_turnover", "records_language", "advocacy",
    "independent_visitors", "complaints", "meetings_reviews", "voice_decisions", "safety",
    "wellbeing", "education", "money", "housing_leaving_care", "placement_stability",
    "red_tape", "relationships_trust", "postcode_lottery",
)


def minimal(**theme: object) -> dict:
    base = {"id": "pets", "label": "Pets", "definition": "Having or missing a pet.",
            "examples": ["i miss my dog"]}
    base.update(theme)
    return {"version": "1", "themes": [base]}


def test_default_codebook_has_the_stable_ids_and_many_examples():
    cb = load_codebook()
    assert cb.theme_ids == DESIGN_IDS
    assert cb.version
    for theme in cb:
        assert 40 <= len(theme.examples) <= 80, theme.id
        assert theme.definition and theme.include and theme.exclude, theme.id
        assert len(set(theme.examples)) == len(theme.examples), theme.id
    assert len(cb.no_theme_examples) >= 30


def test_default_codebook_examples_are_independent_of_the_demo_corpus():
    from carevoice.demo import load_demo

    norm = lambda s: re.sub(r"\W+", " ", str(s).lower()).strip()
    demo = {norm(t) for t in load_demo().comments["text"].dropna()}
    long_examples = [x for t in load_codebook() for x in t.examples if len(x.split()) >= 5]
    assert not [x for x in long_examples if norm(x) in demo]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"themes": minimal()["themes"]}, "missing 'version'"),
        ({"version": "1", "themes": []}, "'themes' must be a non-empty list"),
        (minimal(id="Pets"), "'id' must match"),
        (minimal(id="no_theme"), "reserved"),
        (minimal(label=""), "'label' must be a non-empty string"),
        (minimal(definition=None), "'definition' must be a non-empty string"),
        (minimal(examples="i miss my dog"), "'examples' must be a list of strings"),
        (minimal(examples=["ok", 3]), "'examples' must be a list of strings"),
        (minimal(include=[""]), "'include' holds an empty string"),
        (minimal(colour="red"), "unknown keys ['colour']"),
        (minimal(parent="animals"), "parent 'animals', which is not a theme id"),
        ({**minimal(), "extra": 1}, "unknown top-level keys ['extra']"),
        ({**minimal(), "no_theme_examples": "n/a"}, "'no_theme_examples' must be a list"),
        ({"version": "1", "themes": [minimal()["themes"][0]] * 2}, "duplicate theme ids: pets"),
        ({"version": "1", "themes": ["pets"]}, "must be a mapping"),
    ],
)
def test_invalid_codebooks_are_refused_with_a_clear_message(data, expected):
    with pytest.raises(CodebookError) as info:
        codebook_from_dict(data, source="my.yaml")
    assert expected in str(info.value)
    assert "my.yaml" in str(info.value)


def test_every_problem_is_reported_at_once():
    data = {"version": "1", "themes": [{"id": "A"}, {"id": "b", "label": "B"}]}
    with pytest.raises(CodebookError) as info:
        codebook_from_dict(data)
    assert str(info.value).startswith("5 problem(s)")


def test_parent_cycle_is_refused():
    t1 = Theme("aa", "A", "a", examples=("x",), parent="bb")
    t2 = Theme("bb", "B", "b", examples=("y",), parent="aa")
    with pytest.raises(CodebookError, match="parent cycle"):
        Codebook((t1, t2), version="1")


def test_hierarchy_is_allowed():
    cb = Codebook((Theme("aa", "A", "a", examples=("x",)),
                   Theme("bb", "B", "b", examples=("y",), parent="aa")), version="1")
    assert cb["bb"].parent == "aa"
    assert cb.without_theme("aa")["bb"].parent is None


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip(tmp_path, suffix):
    cb = load_codebook().with_examples({"money": ["broke again innit"]})
    path = write_codebook(cb, tmp_path / f"cb{suffix}")
    assert load_codebook(path) == cb


def test_toml_codebook(tmp_path):
    path = tmp_path / "cb.toml"
    path.write_text('version = "2"\n[[themes]]\nid = "pets"\nlabel = "Pets"\n'
                    'definition = "Pets."\nexamples = ["my dog"]\n', "utf-8")
    assert load_codebook(path).theme_ids == ("pets",)


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ("version: [1\n", "bad.yaml", "could not be parsed"),
        ("{}", "cb.txt", "must end in .yaml"),
    ],
)
def test_unreadable_files(tmp_path, content, name, expected):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(CodebookError, match=expected):
        load_codebook(path)


def test_missing_file(tmp_path):
    with pytest.raises(CodebookError, match="does not exist"):
        load_codebook(tmp_path / "nope.yaml")


def test_edits_return_new_codebooks_and_leave_the_original_alone():
    cb = load_codebook()
    n_before = len(cb["advocacy"].examples)
    pets = Theme("pets", "Pets", "Having or missing a pet.", examples=("miss my dog",))
    extended = cb.with_theme(pets).with_examples(
        {"advocacy": ["someone on my side at panel"], NO_THEME: ["banana"]})
    assert "pets" in extended and "pets" not in cb
    assert len(extended["advocacy"].examples) == n_before + 1
    assert len(cb["advocacy"].examples) == n_before
    assert "banana" in extended.no_theme_examples
    replaced = extended.with_theme(Theme("pets", "Animals", "Pets.", examples=("cat",)))
    assert replaced["pets"].label == "Animals" and len(replaced) == len(extended)
    only = cb.with_examples({"money": ["skint"]}, replace_existing=True)
    assert only["money"].examples == ("skint",)
    with pytest.raises(CodebookError, match="unknown theme ids: nope"):
        cb.with_examples({"nope": ["x"]})
    with pytest.raises(KeyError, match="valid ids"):
        cb.without_theme("nope")
    with pytest.raises(AttributeError):
        cb.version = "2"  # type: ignore[misc]


def test_frames():
    cb = load_codebook()
    frame = cb.to_frame()
    assert frame["theme"].tolist() == list(DESIGN_IDS)
    assert (frame["n_examples"] >= 40).all()
    ex = cb.examples_frame()
    assert set(ex["theme"]) == set(DESIGN_IDS) | {NO_THEME}
    assert len(ex) == frame["n_examples"].sum() + len(cb.no_theme_examples)
    assert json.loads(json.dumps(cb.to_dict()))["version"] == cb.version
