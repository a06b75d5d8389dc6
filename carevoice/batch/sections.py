"""The sections of a batch run's settings (``[run]``, ``[input]``, ``[pseudonymise]`` ...).

Each section is a frozen dataclass that checks its own values when it is made and reports every
problem of the section at once; :mod:`carevoice.batch.config` reads the TOML file into them and
checks the settings that span sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..schema import MIN_SCORE_CEILING
from ._checks import (
    check,
    is_int,
    is_locale,
    is_num,
    levels_problems,
    missing_values_ok,
    path_or_none,
    raise_problems,
)

__all__ = [
    "EMBED_MODELS",
    "ENGINES",
    "DaskSettings",
    "DiscoverSettings",
    "EmbedSettings",
    "InputSettings",
    "LinkSettings",
    "PseudonymiseSettings",
    "ReportSettings",
    "RunSettings",
    "ThemeSettings",
]

#: The engines a run can use.
ENGINES: tuple[str, ...] = ("local", "dask")
#: The embedding models a run can use (see :mod:`carevoice.fast_embed` for the fast ones).
EMBED_MODELS: tuple[str, ...] = ("minilm", "minilm-onnx", "minilm-onnx-int8", "static",
                                 "hashing")
_MODES = ("tags", "surrogates", "redact")
_TAG_STYLES = ("label", "words")
_OUTPUT_FORMATS = ("csv", "parquet")
_REPORT_FORMATS = ("html", "md", "docx")
_INPUT_SUFFIXES = (".csv", ".tsv", ".txt", ".parquet", ".xlsx", ".xlsm", ".sav", ".zsav", ".dta")

Pairs = tuple[tuple[str, str], ...]


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunSettings:
    """The ``[run]`` section: where outputs go and how the input is split.

    Parameters
    ----------
    output : pathlib.Path
        The run folder: ``outputs/``, ``manifest.json``, ``run.log`` and the chunk store.
    seed : int, default 0
        Seed of every random step (recorded in the manifest).
    chunk_size : int, default 5000
        Input rows per chunk (respondents for a wide survey export). Memory grows with it.
    engine : {"local", "dask"}, default "local"
        Run chunks in this process, or on a Dask cluster (see :class:`DaskSettings`).
    progress : bool, default True
        Show progress bars on the terminal.
    output_format : {"csv", "parquet"}, default "csv"
        The format of the tables in ``outputs/``.

    Examples
    --------
    >>> RunSettings(output=Path("run"), chunk_size=100).engine
    'local'
    """

    output: Path
    seed: int = 0
    chunk_size: int = 5000
    engine: str = "local"
    progress: bool = True
    output_format: str = "csv"

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, isinstance(self.output, (str, Path)) and str(self.output) != "", "run",
              "output", "a folder path", self.output)
        check(p, is_int(self.seed), "run", "seed", "an int", self.seed)
        check(p, is_int(self.chunk_size) and self.chunk_size >= 1, "run", "chunk_size",
              "an int in the range [1, inf)", self.chunk_size)
        check(p, self.engine in ENGINES, "run", "engine", f"one of {list(ENGINES)}",
              self.engine)
        check(p, isinstance(self.progress, bool), "run", "progress", "true or false",
              self.progress)
        check(p, self.output_format in _OUTPUT_FORMATS, "run", "output_format",
              f"one of {list(_OUTPUT_FORMATS)}", self.output_format)
        raise_problems("run", p)


@dataclass(frozen=True)
class InputSettings:
    """The ``[input]`` section: a long comments file or a wide survey export.

    Parameters
    ----------
    comments : pathlib.Path, optional
        Long form (CSV or Parquet): ``comment_id`` and ``text``, optionally ``respondent_id``,
        ``question_id`` and more columns (passed through to ``outputs/comments.csv`` as they
        are, so one that looks like free text or asks for a name stops the run; leave it out
        with ``drop_columns``).
    survey : pathlib.Path, optional
        A wide export (CSV or Parquet), one row per respondent; needs ``id_column`` and
        ``text_columns``. Give ``comments`` or ``survey``, not both.
    respondents : pathlib.Path, optional
        Closed answers, one row per respondent (long form only; a survey export carries them).
    columns : tuple of (str, str), default ()
        Renames applied to the comments file, e.g. ``{"ID" = "comment_id"}`` in TOML.
    id_column : str, optional
        The respondent id column of a survey export.
    text_columns : tuple of (str, str), default ()
        Free-text columns of a survey export and their ``question_id``.
    closed_columns : tuple of str, optional
        The only closed questions to keep, of a survey export or of ``respondents``, trusted
        to be closed: every other column is left out (a warning names them). Default every
        other column (not in ``drop_columns``), and one that looks like free text or asks for
        a name stops the run.
    not_free_text : tuple of str, default ()
        Closed questions vouched for although they look like free text: kept and not
        checked, while every other column is kept and checked.
    drop_columns : tuple of str, default ()
        Columns to leave out wherever they are: of the comments file (never copied to the
        outputs), of ``respondents`` or of a survey export (never analysed).
    encoding : str, optional
        Force the CSV encoding; by default UTF-8 (with or without BOM) or Windows-1252 is
        detected from the start of the file.
    missing_values : tuple, default ()
        Closed answers that mean "no answer" ("don't know", -99), made missing before the
        respondents' answers are typed (from ``respondents`` or the survey export). In TOML a
        list for every column, ``missing_values = ["don't know", "-99"]``, or a table
        ``[input.missing_values]`` of lists per column, ``"*"`` for every column not named.
        Held as a tuple of codes or of ``(column, codes)`` pairs; see
        :func:`carevoice.corpus.type_answers`.
    levels : tuple of (str, tuple of str), default ()
        The answers of closed questions in order, as ``levels=`` of the readers: in TOML a
        table ``[input.levels]`` of lists, ``age_group = ["8-11", "12-15", "16-17"]``. Each
        question named becomes an ordered scale (its tables list the answers in this order)
        and is not checked for free text; an answer that is not one of its levels (ignoring
        case) stops the run, and so does a question the data lacks. Held as ``(column,
        levels)`` pairs; see :func:`carevoice.corpus.type_answers`.
    multi_select : tuple of (str, str or tuple of str or None), default ()
        Tick-all-that-apply questions, each split into one no/yes answer per option (see
        :func:`carevoice.read_survey`): in TOML a list of columns whose cells join the
        options ticked, ``multi_select = ["Q4"]``, or a table ``[input.multi_select]`` of
        each such column's separator (``Q4 = ","``) or of a question's option columns
        (``"Free time" = ["Q9", "Unnamed: 13"]``). Write-ins are left out (a column cannot
        also be a text column of a batch run). Held as ``(question, value)`` pairs.
    decimal_comma : bool, default True
        In a ``;``-separated survey export or respondents file, read a column whose answers
        are all numbers, some written with a decimal comma (``6,5``), as numbers, with a
        notice naming it; ``false`` keeps such columns as text (as ``--no-decimal-comma``
        does): for codes such as ``"1,5"`` that are not numbers. A ``multi_select`` column
        is split first, never read as a number.

    Examples
    --------
    >>> InputSettings(comments=Path("c.csv"), respondents=Path("r.csv"),
    ...               missing_values=("don't know", -99)).missing_codes
    ["don't know", -99]
    """

    comments: Path | None = None
    survey: Path | None = None
    respondents: Path | None = None
    columns: Pairs = ()
    id_column: str | None = None
    text_columns: Pairs = ()
    closed_columns: tuple[str, ...] | None = None
    drop_columns: tuple[str, ...] = ()
    encoding: str | None = None
    missing_values: tuple[Any, ...] = ()
    not_free_text: tuple[str, ...] = ()
    levels: tuple[tuple[str, tuple[str, ...]], ...] = ()
    multi_select: tuple[tuple[str, Any], ...] = ()
    decimal_comma: bool = True

    def __post_init__(self) -> None:
        p: list[Problem] = []
        if (self.comments is None) == (self.survey is None):
            p.append(Problem("bad_setting", "[input] needs exactly one of 'comments' (long "
                             "form) or 'survey' (wide export).", column="input"))
        for key in ("comments", "survey", "respondents"):
            check(p, path_or_none(getattr(self, key)), "input", key, "a file path",
                  getattr(self, key))
        for key in ("columns", "text_columns"):
            v = getattr(self, key)
            check(p, isinstance(v, tuple) and all(isinstance(a, str) and isinstance(b, str)
                                                  for a, b in v), "input", key,
                  "a table of column names to names", v)
        if self.survey is not None:
            check(p, isinstance(self.id_column, str) and bool(self.id_column), "input",
                  "id_column", "the respondent id column of the survey export",
                  self.id_column)
            check(p, bool(self.text_columns), "input", "text_columns",
                  "at least one free-text column (a table COLUMN = question_id)",
                  self.text_columns)
            check(p, self.respondents is None, "input", "respondents",
                  "left out with a survey export (it carries the answers)", self.respondents)
        check(p, self.closed_columns is None or (isinstance(self.closed_columns, tuple) and all(
            isinstance(c, str) for c in self.closed_columns)), "input", "closed_columns",
            "a list of column names", self.closed_columns)
        for key in ("drop_columns", "not_free_text"):
            v = getattr(self, key)
            check(p, isinstance(v, tuple) and all(isinstance(c, str) for c in v), "input", key,
                  "a list of column names", v)
        check(p, isinstance(self.decimal_comma, bool), "input", "decimal_comma",
              "true or false", self.decimal_comma)
        check(p, self.encoding is None or isinstance(self.encoding, str), "input", "encoding",
              "an encoding name such as 'utf-8' or 'cp1252'", self.encoding)
        check(p, missing_values_ok(self.missing_values), "input", "missing_values",
              "a list of answers that mean 'no answer' (text or numbers), such as [\"don't "
              "know\", \"-99\"], or a table of such lists per column (\"*\" for every column)",
              self.missing_values)
        p += levels_problems(self.levels)
        well_formed = isinstance(self.multi_select, tuple) and all(
            isinstance(q, tuple) and len(q) == 2 and isinstance(q[0], str) and (
                q[1] is None or (isinstance(q[1], str) and q[1] != "")
                or (isinstance(q[1], tuple) and q[1] and all(isinstance(c, str) for c in q[1])))
            for q in self.multi_select)
        check(p, well_formed, "input", "multi_select",
              "a list of columns, or a table of each column's separator (Q4 = \",\") or of "
              "a question's option columns (\"Free time\" = [\"Q9\", \"Q10\"])",
              self.multi_select)
        texts = {c for c, _ in self.text_columns} if isinstance(self.text_columns, tuple) \
            else set()
        both = [c for q, v in (self.multi_select if well_formed else ())
                for c in (v if isinstance(v, tuple) else (q,)) if c in texts]
        if both:
            p.append(Problem("bad_setting", f"[input] multi_select names text columns "
                             f"{both}: a batch run codes a text column whole, options and "
                             "write-ins alike. Leave it out of text_columns, or convert the "
                             "export first (carevoice convert --multi-select COLUMN "
                             "--text-column COLUMN=question_id keeps the write-ins as "
                             "comments).", column="input.multi_select"))
        raise_problems("input", p)

    @property
    def missing_codes(self) -> list[Any] | dict[str, list[Any]] | None:
        """``missing_values`` as the readers take it: a list, a mapping, or None."""
        if not self.missing_values:
            return None
        if all(isinstance(v, tuple) for v in self.missing_values):
            return {str(c): list(codes) for c, codes in self.missing_values}
        return list(self.missing_values)

    @property
    def level_order(self) -> dict[str, list[str]] | None:
        """``levels`` as the readers take it: ``{column: [levels in order]}``, or None."""
        return {c: list(order) for c, order in self.levels} if self.levels else None

    @property
    def multi_select_argument(self) -> dict[str, Any] | None:
        """``multi_select`` as the readers take it: ``{question: separator or [columns]}``."""
        if not self.multi_select:
            return None
        return {q: list(v) if isinstance(v, tuple) else v for q, v in self.multi_select}

    @property
    def source(self) -> Path:
        """The file the comments come from (``comments`` or ``survey``)."""
        return Path(self.comments if self.comments is not None else self.survey)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PseudonymiseSettings:
    """The ``[pseudonymise]`` section (see :class:`carevoice.pseudonymise.PseudonymiseConfig`).

    Pseudonymisation cannot be switched off: every comment is pseudonymised before it is
    embedded, coded or written. The outputs equal those of ``carevoice pseudonymise`` over the
    whole input in one piece with the same secret and settings, whatever the chunk size, and
    so does the key.

    Parameters
    ----------
    mode : {"tags", "surrogates", "redact"}, default "tags"
        How spans are replaced. Tags are numbered across the whole corpus, and surrogates are
        chosen knowing every name in it, as in a run over the corpus in one piece.
    secret_file : pathlib.Path, optional
        The project secret (:func:`carevoice.pseudonymise.write_secret`); needed for
        ``"surrogates"``, ``key_file`` and ``previous_key``, so that replacements stay the
        same across runs.
    key_file : pathlib.Path, optional
        Where to write the encrypted re-identification key (the format of
        ``carevoice pseudonymise --key-file``, with a digest of each comment, so that
        ``carevoice reidentify`` refuses edited comments). Keep it outside the run folder.
        A file that exists already is replaced only when this run folder wrote it (a resumed
        or repeated run; the key records its run folder) or with ``overwrite_key``: a new
        wave's settings copied from the last must not destroy that wave's key.
    overwrite_key : bool, default False
        Replace an existing ``key_file`` that another run (or ``carevoice pseudonymise``)
        wrote, as ``carevoice pseudonymise --overwrite`` does. The replaced key is lost, and
        with it the way back to that run's names.
    use_spacy : bool, default True
        Run the spaCy recogniser as well as patterns and name lists.
    use_learned : bool, default True
        Run the learned token model as well (:mod:`carevoice.pseudonymise.learned`).
    token_model : pathlib.Path, optional
        A token model of your own (``TokenModel.save``) instead of the packaged one.
    min_score : float, default 0.0
        Leave unmasked the names, places and organisations that no pattern found and that
        score below this, at most 0.6 (:data:`carevoice.schema.MIN_SCORE_CEILING`); phone
        numbers, emails, dates, addresses and other direct identifiers are masked whatever it
        is. The run log, a warning and the manifest count the spans it left.
    batch_size : int, default 256
        Texts per spaCy batch.
    tag_style : {"label", "words"}, default "label"
        Tags written ``[PERSON_1]`` or ``[Person 1]`` (``--tag-style``).
    redaction : str, default "[REDACTED]"
        The mask written in ``"redact"`` mode (``--redaction``).
    locale : str, default "en_GB"
        The Faker locale of surrogate places, streets and organisations (``--locale``).
    previous_key : pathlib.Path, optional
        The key file of an earlier wave pseudonymised with the same secret and mode
        (``--previous-key``): its people, places and organisations keep their tags or
        surrogates, and new ones are numbered after them. Needs ``secret_file``.
    decisions : pathlib.Path, optional
        A filled-in copy of an earlier run's ``outputs/review.csv`` (or of a
        ``carevoice pseudonymise --review-file``), as ``--decisions``: ``accept`` masks a
        span or a word in a shape of a missed name, ``reject`` unmasks a span or clears the
        word's flag, blank keeps what was found. Applied to each comment as
        ``carevoice pseudonymise --decisions`` applies it; a row for a comment the input does
        not have, or with offsets outside its comment, stops the run before any work.
    review_file : pathlib.Path, optional
        Also write the full review file here (``.csv`` or ``.xlsx``): the rows of
        ``outputs/review.csv`` with the words (``span_text``), their ``context`` and
        ``fingerprint``, as ``carevoice pseudonymise --review-file`` writes them, so that a
        reviewer reads the words rather than looking them up by offsets, and a decision is
        not applied to a span whose text has changed since (the fingerprint). It holds
        original text: it must lie outside the run folder (like ``key_file``), is written
        owner read/write only (0600) and is named in the manifest without a checksum.
    """

    mode: str = "tags"
    secret_file: Path | None = None
    key_file: Path | None = None
    overwrite_key: bool = False
    use_spacy: bool = True
    use_learned: bool = True
    token_model: Path | None = None
    min_score: float = 0.0
    batch_size: int = 256
    tag_style: str = "label"
    redaction: str = "[REDACTED]"
    locale: str = "en_GB"
    previous_key: Path | None = None
    decisions: Path | None = None
    review_file: Path | None = None

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, self.mode in _MODES, "pseudonymise", "mode", f"one of {list(_MODES)}",
              self.mode)
        for key in ("secret_file", "key_file", "token_model", "previous_key", "decisions",
                    "review_file"):
            check(p, path_or_none(getattr(self, key)), "pseudonymise", key, "a file path",
                  getattr(self, key))
        check(p, not isinstance(self.review_file, (str, Path))
              or Path(self.review_file).suffix.lower() in (".csv", ".xlsx"), "pseudonymise",
              "review_file", "a .csv or .xlsx file (the review file is written as CSV or as an "
              "Excel workbook)", self.review_file)
        check(p, isinstance(self.use_spacy, bool), "pseudonymise", "use_spacy",
              "true or false", self.use_spacy)
        check(p, isinstance(self.use_learned, bool), "pseudonymise", "use_learned",
              "true or false", self.use_learned)
        check(p, isinstance(self.overwrite_key, bool), "pseudonymise", "overwrite_key",
              "true or false", self.overwrite_key)
        check(p, is_num(self.min_score) and 0 <= self.min_score <= MIN_SCORE_CEILING,
              "pseudonymise", "min_score", f"a number in the range [0, {MIN_SCORE_CEILING}] "
              "(above it, most of the spans it would leave unmasked are real names; review "
              "them instead)", self.min_score)
        check(p, is_int(self.batch_size) and self.batch_size >= 1, "pseudonymise",
              "batch_size", "an int in the range [1, inf)", self.batch_size)
        check(p, self.tag_style in _TAG_STYLES, "pseudonymise", "tag_style",
              f"one of {list(_TAG_STYLES)}", self.tag_style)
        check(p, isinstance(self.redaction, str) and bool(self.redaction.strip()),
              "pseudonymise", "redaction", "a text that is not blank", self.redaction)
        check(p, is_locale(self.locale), "pseudonymise", "locale",
              "a Faker locale such as 'en_GB' or 'en_IE'", self.locale)
        if self.mode == "surrogates" and self.secret_file is None:
            p.append(Problem("bad_setting", "[pseudonymise] mode = 'surrogates' needs "
                             "secret_file, so that surrogates are the same in every chunk, "
                             "every re-run and every wave.", column="pseudonymise.secret_file"))
        for key, why in (("key_file", "the key is only ever written encrypted"),
                         ("previous_key", "an earlier wave's key opens with its secret only")):
            if getattr(self, key) is not None and self.secret_file is None:
                p.append(Problem("bad_setting", f"[pseudonymise] {key} needs secret_file: "
                                 f"{why}.", column=f"pseudonymise.{key}"))
        raise_problems("pseudonymise", p)


@dataclass(frozen=True)
class EmbedSettings:
    """The ``[embed]`` section.

    Parameters
    ----------
    model : str, default "minilm"
        ``"minilm"`` (the packaged all-MiniLM-L6-v2 in PyTorch), ``"minilm-onnx"`` (the same
        model in ONNX Runtime, same vectors, faster), ``"minilm-onnx-int8"`` (int8-quantised,
        faster still, slightly different vectors), ``"static"`` (a model2vec static model
        distilled locally from the packaged MiniLM) or ``"hashing"`` (tests only: no meaning).
    cache : pathlib.Path, optional
        Cache embeddings in this folder (:class:`carevoice.CachedEmbedder`), so a re-run after
        adding comments embeds only the new ones. Off by default: vectors derive from
        children's words.
    model_folder : pathlib.Path, optional
        Where the ONNX export or static model is kept; default a per-user cache folder.
    batch_size : int, default 64
        Texts per forward pass.
    """

    model: str = "minilm"
    cache: Path | None = None
    model_folder: Path | None = None
    batch_size: int = 64

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, self.model in EMBED_MODELS, "embed", "model", f"one of {list(EMBED_MODELS)}",
              self.model)
        check(p, path_or_none(self.cache), "embed", "cache", "a folder path", self.cache)
        check(p, path_or_none(self.model_folder), "embed", "model_folder", "a folder path",
              self.model_folder)
        check(p, is_int(self.batch_size) and self.batch_size >= 1, "embed", "batch_size",
              "an int in the range [1, inf)", self.batch_size)
        raise_problems("embed", p)


@dataclass(frozen=True)
class ThemeSettings:
    """The ``[themes]`` section (see :class:`carevoice.themes.ThemeCoder`).

    Parameters
    ----------
    codebook : pathlib.Path, optional
        A codebook file (YAML, TOML or JSON); default the shipped codebook.
    min_score : float, default 0.05
        Also write unassigned rows scoring at least this.
    reference : bool, default True
        Also learn from the packaged fictional reference comments (see
        :class:`carevoice.themes.ThemeCoder`); false codes from the codebook alone.
    kin_carers : bool, default True
        Read a relative the young person lives with, and a foster mum or dad, as their carer,
        not as family contact
        (see :class:`carevoice.themes.ThemeCoder`); false reads every comment as written.
    mentions : bool, default True
        Read a care-system word a comment talks about ("stop calling it contact") as "that
        word", not as what it names (see :class:`carevoice.themes.ThemeCoder`).
    denials : bool, default True
        Read a denial ("no complaints really", "never needed an advocate") as "it's fine",
        not as the theme it denies (see :class:`carevoice.themes.ThemeCoder`); false reads
        every comment as written.
    """

    codebook: Path | None = None
    min_score: float = 0.05
    reference: bool = True
    kin_carers: bool = True
    mentions: bool = True
    denials: bool = True

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, path_or_none(self.codebook), "themes", "codebook", "a file path",
              self.codebook)
        check(p, is_num(self.min_score) and 0 <= self.min_score <= 1, "themes", "min_score",
              "a number in the range [0, 1]", self.min_score)
        check(p, isinstance(self.reference, bool), "themes", "reference", "true or false",
              self.reference)
        check(p, isinstance(self.kin_carers, bool), "themes", "kin_carers", "true or false",
              self.kin_carers)
        check(p, isinstance(self.mentions, bool), "themes", "mentions", "true or false",
              self.mentions)
        check(p, isinstance(self.denials, bool), "themes", "denials", "true or false",
              self.denials)
        raise_problems("themes", p)


@dataclass(frozen=True)
class DiscoverSettings:
    """The ``[discover]`` section: inductive topic discovery over the whole corpus.

    Parameters
    ----------
    enabled : bool, default False
        Run discovery after coding (needs :mod:`carevoice.discover`).
    options : tuple of (str, value), default ()
        Keyword arguments for the discovery step, as a TOML table.
    background : pathlib.Path, optional
        Comments of earlier waves (a file with ``comment_id`` and ``text``, e.g. an earlier
        run's ``outputs/comments.csv``) clustered together with this run's comments to steady
        its topics; never assigned, described or quoted (``ThemeDiscovery.fit(background=)``).
    """

    enabled: bool = False
    options: tuple[tuple[str, Any], ...] = ()
    background: Path | None = None

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, isinstance(self.enabled, bool), "discover", "enabled", "true or false",
              self.enabled)
        check(p, isinstance(self.options, tuple) and all(
            isinstance(k, str) and isinstance(v, (str, int, float, bool)) for k, v in
            self.options), "discover", "options", "a table of names to numbers, strings or "
            "booleans", self.options)
        check(p, path_or_none(self.background), "discover", "background", "a file path",
              self.background)
        raise_problems("discover", p)


@dataclass(frozen=True)
class LinkSettings:
    """The ``[link]`` section (see :func:`carevoice.link.link`).

    Parameters
    ----------
    enabled : bool or None, default None
        Link themes to survey answers. None: whenever answers are given (``respondents`` or
        a survey export); True makes missing answers an error.
    variables : tuple of str, optional
        Categorical answers to test; default every categorical answer.
    by : tuple of str, optional
        Subgroups for prevalence; default every categorical answer.
    test : {"fisher", "chi2", "auto"}, default "fisher"
        The association test (unweighted runs), as ``carevoice link --test``: ``"auto"`` is
        chi-square unless an expected count is below 5.
    weights : str, optional
        A respondents column of survey weights: weighted prevalence and design-based
        associations (see :func:`carevoice.link.associations`); counts stay unweighted.
    """

    enabled: bool | None = None
    variables: tuple[str, ...] | None = None
    by: tuple[str, ...] | None = None
    test: str = "fisher"
    weights: str | None = None

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, self.enabled is None or isinstance(self.enabled, bool), "link", "enabled",
              "true or false", self.enabled)
        for key in ("variables", "by"):
            v = getattr(self, key)
            check(p, v is None or (isinstance(v, tuple) and all(isinstance(c, str) for c in v)),
                  "link", key, "a list of column names", v)
        check(p, self.test in ("fisher", "chi2", "auto"), "link", "test",
              "'fisher', 'chi2' or 'auto'", self.test)
        check(p, self.weights is None or (isinstance(self.weights, str) and bool(self.weights)),
              "link", "weights", "a respondents column name", self.weights)
        raise_problems("link", p)


@dataclass(frozen=True)
class ReportSettings:
    """The ``[report]`` section.

    Parameters
    ----------
    formats : tuple of str, default ()
        Report formats to write from the linked tables: ``"html"``, ``"md"``, ``"docx"``
        (needs :mod:`carevoice.report`). Empty: tables only.
    title : str, default "What young people told us"
        The report's title.
    attributes : tuple of str, optional
        The respondents' columns that describe who said a quote ("aged 12-15, foster care"),
        in the order they are dropped last to first when a description would fit fewer than
        ``k`` young people; as ``carevoice report --attribute``. Default: ``survey``,
        ``age_group`` and ``placement_type``, those present. Name your own when the survey's
        columns keep their headers ("Age group").
    quotes : int, default 3
        Quotes per theme beside how many raised it (0: none); as ``carevoice report
        --quotes``, and the default of ``quotes_per_answer``.
    quotes_per_answer : int, optional
        Quotes beside each answer that went with a theme more often (0: none); as
        ``--quotes-per-answer``. Default: ``quotes``.
    max_quotes : int, optional
        At most this many quotes in one theme's joint display; as ``--max-quotes``.
    quotes_by : tuple of str, optional
        The questions whose answers get quotes of their own; as ``--quotes-by``. Default:
        every question the joint displays name; ``[]``: none (``--no-quotes-by``).
    max_associations : int, default 3
        Exploratory associations shown in each joint display at most; as
        ``--max-associations``.
    k : int, default 5
        A quote's description fits at least ``k`` young people; as ``--k``.
    threshold : int, default 5
        Counts below this are suppressed; as ``--threshold``.
    earlier_reports : tuple of pathlib.Path, default ()
        The folders of reports published for earlier waves; as ``--earlier-report``: no
        words or young person quoted there are quoted again (each folder's
        ``not-for-publication/quotes.csv``), and the report's manifest names each under
        ``earlier_reports``. Relative to the settings file's folder.
    """

    formats: tuple[str, ...] = ()
    title: str = "What young people told us"
    attributes: tuple[str, ...] | None = None
    quotes: int = 3
    quotes_per_answer: int | None = None
    max_quotes: int | None = None
    quotes_by: tuple[str, ...] | None = None
    max_associations: int = 3
    k: int = 5
    threshold: int = 5
    earlier_reports: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, isinstance(self.earlier_reports, tuple) and all(
            isinstance(f, (str, Path)) and str(f).strip() for f in self.earlier_reports)
            and len({str(f) for f in self.earlier_reports}) == len(self.earlier_reports),
            "report", "earlier_reports", "a list of distinct report folders",
            self.earlier_reports)
        check(p, isinstance(self.formats, tuple) and all(f in _REPORT_FORMATS
                                                         for f in self.formats),
              "report", "formats", f"a list drawn from {list(_REPORT_FORMATS)}", self.formats)
        check(p, isinstance(self.title, str) and bool(self.title.strip()), "report", "title",
              "a non-empty string", self.title)
        check(p, self.attributes is None or (
            isinstance(self.attributes, tuple) and len(self.attributes) > 0
            and all(isinstance(a, str) and a for a in self.attributes)
            and len(set(self.attributes)) == len(self.attributes)),
            "report", "attributes", "a list of distinct column names", self.attributes)
        for key in ("quotes", "quotes_per_answer", "max_quotes", "max_associations"):
            v = getattr(self, key)
            check(p, (v is None and key not in ("quotes", "max_associations"))
                  or (is_int(v) and v >= 0), "report", key, "an int in the range [0, inf)", v)
        for key in ("k", "threshold"):
            v = getattr(self, key)
            check(p, is_int(v) and v >= 1, "report", key, "an int in the range [1, inf)", v)
        check(p, self.quotes_by is None or (
            isinstance(self.quotes_by, tuple)
            and all(isinstance(c, str) and c for c in self.quotes_by)),
            "report", "quotes_by", "a list of column names ([] for none)", self.quotes_by)
        raise_problems("report", p)


@dataclass(frozen=True)
class DaskSettings:
    """The ``[dask]`` section, read when ``[run] engine = "dask"``.

    Parameters
    ----------
    scheduler : str, optional
        The address of a running scheduler (``"tcp://host:8786"``). Its workers must see the
        input files and the run folder at the same paths (a shared file system).
        Without it, a :class:`dask.distributed.LocalCluster` is started on loopback.
    n_workers : int, default 1
        LocalCluster workers.
    threads_per_worker : int, default 2
        LocalCluster threads per worker.
    processes : bool, default False
        LocalCluster workers as processes (True) or threads in this process (False).
    connect_timeout : float, default 30
        Seconds to wait for ``scheduler`` to answer before the run stops with an error.
    """

    scheduler: str | None = None
    n_workers: int = 1
    threads_per_worker: int = 2
    processes: bool = False
    connect_timeout: float = 30.0

    def __post_init__(self) -> None:
        p: list[Problem] = []
        check(p, self.scheduler is None or (isinstance(self.scheduler, str) and "://" in
                                            self.scheduler), "dask", "scheduler",
              "an address such as 'tcp://10.0.0.5:8786'", self.scheduler)
        for key in ("n_workers", "threads_per_worker"):
            v = getattr(self, key)
            check(p, is_int(v) and v >= 1, "dask", key, "an int in the range [1, inf)", v)
        check(p, isinstance(self.processes, bool), "dask", "processes", "true or false",
              self.processes)
        check(p, is_num(self.connect_timeout) and self.connect_timeout > 0, "dask",
              "connect_timeout", "a number of seconds above 0", self.connect_timeout)
        raise_problems("dask", p)
