"""The codebook: the shipped default, loading, validation errors, edits and writing back."""

from __future__ import annotations

import json
import re
from dataclasses import replace

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
        (minimal(examples=["ok", 3]), "'examples'[1] is the number 3 (put it in quotes)"),
        (minimal(examples=["ok", None]), "'examples'[1] is empty (null), not a string"),
        (minimal(include=[""]), "'include'[0] is an empty string"),
        (minimal(renamed_from=["pets"]), "'renamed_from'[0] must be an earlier theme id"),
        ({**minimal(), "version": 1.1}, "got the number 1.1, which may not be what was written"),
        ({**minimal(), "version": True}, "'version' must be a string"),
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
        ("version: [1\n", "bad.yaml", r"could not be read as YAML: at line 2, column 1: expected "),
        ('version = "1"\n[[themes]]\nid = "pets"\nlabel = Pets\n', "bad.toml",
         "could not be read as TOML: at line 4, column 9: Invalid value"),
        ('{"version": "1", "themes": [{"id": "pets",}]}', "bad.json",
         "could not be read as JSON: at line 1, column 43: Expecting property name"),
        ("", "empty.yaml", "got nothing \\(an empty file\\)"),
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


def test_every_problem_of_a_file_in_one_error(tmp_path):
    # Audit 2026-12: a duplicate id and an unknown parent were checked only after the first
    # pass, so an unknown key was reported first and the rest one fix at a time.
    path = tmp_path / "cb.yaml"
    path.write_text("version: '1'\nthemes:\n"
                    "  - {id: pets, label: Pets, definition: p, examples: [dog]}\n"
                    "  - {id: pets, label: Pets 2, definition: p, examples: [cat]}\n"
                    "  - {id: kids, label: K, definition: k, parent: nothere, lable: typo}\n",
                    "utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = str(info.value)
    assert message.startswith("3 problem(s)")
    for part in ("unknown keys ['lable']", "duplicate theme ids: pets",
                 "themes[2] ('kids') has parent 'nothere'"):
        assert part in message


def test_yaml_yes_no_and_numbers_are_named_by_index(tmp_path):
    path = tmp_path / "cb.yaml"
    path.write_text("version: '1'\nno_theme_examples: [nothing, no, n/a, 42]\nthemes:\n"
                    "  - {id: pets, label: Pets, definition: p, examples: [dog, on]}\n", "utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = str(info.value)
    assert "'no_theme_examples'[1] is False (YAML reads an unquoted yes, no, on, off" in message
    assert "'no_theme_examples'[3] is the number 42 (put it in quotes)" in message
    assert "themes[0] ('pets'): 'examples'[1] is True" in message


@pytest.mark.parametrize(("suffix", "text"), [
    (".yaml", "version: 1.10\n"), (".json", '{"version": 1.10,\n'), (".toml", "version = 1.10\n")])
def test_a_number_version_keeps_its_text(tmp_path, suffix, text):
    # Audit 2026-12: an unquoted 1.10 became "1.1".
    rest = {".yaml": "themes:\n  - {id: pets, label: P, definition: p, examples: [dog]}\n",
            ".json": '"themes": [{"id": "pets", "label": "P", "definition": "p", '
                     '"examples": ["dog"]}]}',
            ".toml": '[[themes]]\nid = "pets"\nlabel = "P"\ndefinition = "p"\n'
                     'examples = ["dog"]\n'}[suffix]
    path = tmp_path / f"cb{suffix}"
    path.write_text(text + rest, "utf-8")
    assert load_codebook(path).version == "1.10"


def test_theme_accepts_any_sequence_of_strings():
    # Audit 2026-12: Theme(..., examples=["a dog"]) failed with "must be a tuple of strings".
    t = Theme("pets", "Pets", "Pets.", include=["dogs"], examples=["a dog", "a cat"],
              renamed_from=["animals"])
    assert t.examples == ("a dog", "a cat") and t.include == ("dogs",)
    assert t.renamed_from == ("animals",) and hash(t)
    cb = Codebook([t], version="1", no_theme_examples=["n/a"])
    assert cb.themes == (t,) and cb.no_theme_examples == ("n/a",)
    with pytest.raises(CodebookError, match="'examples' must be a list or tuple"):
        Theme("pets", "Pets", "Pets.", examples={"a dog"})


def test_one_phrasing_cannot_be_an_example_of_two_themes_or_of_no_theme():
    pets = Theme("pets", "Pets", "Pets.", examples=("i miss my dog", "a cat"))
    food = Theme("food", "Food", "Food.", examples=("more pizza", "I  miss my DOG"))
    with pytest.raises(CodebookError) as info:
        Codebook((pets, food), version="1", no_theme_examples=("n/a", "A cat"))
    message = str(info.value)
    assert message.startswith("2 problem(s)")
    assert "theme 'food' 'examples'[1] is the same phrasing as theme 'pets' 'examples'[0]" \
        in message
    assert "'no_theme_examples'[1] is the same phrasing as theme 'pets' 'examples'[1]" in message
    assert "miss my" not in message  # places, not the phrasing
    with pytest.raises(CodebookError, match="same phrasing"):
        Codebook((pets,), version="1").with_examples({"no_theme": ["a cat"]})
    with pytest.raises(CodebookError, match=r"themes\[1\] \('food'\) 'examples'\[1\] is the same"):
        codebook_from_dict({"version": "1", "themes": [
            {"id": "pets", "label": "P", "definition": "p", "examples": ["i miss my dog"]},
            {"id": "food", "label": "F", "definition": "f", "examples": ["x", "i miss my dog"]}]})


def test_rename_a_theme():
    cb = load_codebook().with_theme(Theme("pocket", "Pocket money", "p", examples=("a quid",),
                                          parent="money"))
    renamed = cb.with_theme_renamed("money", "finances")
    assert renamed.theme_ids.index("finances") == cb.theme_ids.index("money")
    assert renamed["finances"].examples == cb["money"].examples
    assert renamed["finances"].renamed_from == ("money",)
    assert renamed["pocket"].parent == "finances"
    again = renamed.with_theme_renamed("finances", "money_matters")
    assert again["money_matters"].renamed_from == ("money", "finances")
    back = renamed.with_theme_renamed("finances", "money")["money"]
    assert back.renamed_from == ("finances",)
    with pytest.raises(CodebookError, match="already has: 'stigma'"):
        cb.with_theme_renamed("money", "stigma")
    with pytest.raises(CodebookError, match="must be a theme id"):
        cb.with_theme_renamed("money", "Money")
    with pytest.raises(KeyError, match="nope"):
        cb.with_theme_renamed("nope", "other")
    with pytest.raises(CodebookError, match="renamed from 'money', which is still a theme id"):
        cb.with_theme(replace(renamed["finances"]))


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".toml"])
def test_round_trip_keeps_everything(tmp_path, suffix):
    odd = ('she said "no" \\ then\ttabbed', "line one\nline two", "caf\u00e9 \U0001f600",
           "bell\x07 and del\x7f", "[not a list]", "# not a comment", "'single'", "")
    cb = (load_codebook().with_examples({"money": ["broke again innit"]})
          .with_theme(Theme("odd", "Odd: \"quoted\"", "x\ny", include=odd[:3],
                            examples=odd[3:7], parent="money"))
          .with_theme_renamed("stigma", "being_judged").with_version("1.10"))
    cb = replace(cb, description=odd[7], name="#1 codebook")
    path = write_codebook(cb, tmp_path / f"cb{suffix}")
    assert load_codebook(path) == cb


def test_write_codebook_refuses_other_suffixes(tmp_path):
    with pytest.raises(CodebookError, match=r"\.yaml, \.yml, \.toml or \.json; got '\.txt'"):
        write_codebook(load_codebook(), tmp_path / "cb.txt")
