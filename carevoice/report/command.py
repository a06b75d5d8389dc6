"""The ``carevoice link``, ``carevoice compare-waves`` and ``carevoice report`` commands.

Registered by :mod:`carevoice.cli` as ``app.command("link")(link_command)`` and so on. They
only parse arguments and call :func:`carevoice.link.link`, :func:`carevoice.link.compare_waves`
and :func:`carevoice.report.build_report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .._argnames import as_typed, typed_names
from .._options import (
    CLI_UNNAMED_HOW,
    CLI_WAY_OUT,
    ClosedColumnOption,
    DecimalCommaOption,
    DropColumnOption,
    EncodingOption,
    LevelsOption,
    MissingValueOption,
    MultiSelectColumnsOption,
    MultiSelectOption,
    NotFreeTextOption,
    SepOption,
    given_levels,
    missing_values,
    multi_select_argument,
    typed_command,
)

__all__ = ["compare_waves_command", "link_command", "parse_group", "parse_hypothesis",
           "parse_waves", "report_command"]


def parse_group(spec: str) -> tuple[str, str, list[str]]:
    """Parse ``"variable:new_level=a+b"`` into ``(variable, new_level, [a, b])``.

    Examples
    --------
    >>> parse_group("knows_advocate:no_or_not_sure=no+not_sure")
    ('knows_advocate', 'no_or_not_sure', ['no', 'not_sure'])
    """
    from ..errors import InputError

    try:
        variable, rest = spec.split(":", 1)
        new, olds = rest.split("=", 1)
    except ValueError as e:
        raise InputError(f"The --group option must look like 'variable:new_level=a+b'. Got "
                         f"{spec!r} instead.") from e
    levels = [o.strip() for o in olds.split("+") if o.strip()]
    if not variable.strip() or not new.strip() or not levels:
        raise InputError(f"The --group option must look like 'variable:new_level=a+b'. Got "
                         f"{spec!r} instead.")
    return variable.strip(), new.strip(), levels


def parse_hypothesis(spec: str) -> Any:
    """Parse ``"theme~variable=a+b"`` (optionally ``">"`` for *more common*) into a Hypothesis.

    Examples
    --------
    >>> parse_hypothesis("advocacy~knows_advocate=no+not_sure").levels
    ('no', 'not_sure')
    >>> parse_hypothesis("safety~feels_safe>sometimes").alternative
    'greater'
    """
    from ..errors import InputError
    from ..link import Hypothesis

    alternative = "two-sided"
    try:
        theme, rest = spec.split("~", 1)
        if ">" in rest:
            variable, levels = rest.split(">", 1)
            alternative = "greater"
        else:
            variable, levels = rest.split("=", 1)
    except ValueError as e:
        raise InputError(f"The --hypothesis option must look like 'theme~variable=a+b' (or "
                         f"'theme~variable>a+b' for 'more common'). Got {spec!r} instead.") from e
    return Hypothesis(theme.strip(), variable.strip(),
                      tuple(v.strip() for v in levels.split("+") if v.strip()), alternative)


def _groups(specs: list[str] | None) -> dict[str, dict[str, list[str]]]:
    groups: dict[str, dict[str, list[str]]] = {}
    for spec in specs or []:
        variable, new, olds = parse_group(spec)
        groups.setdefault(variable, {})[new] = olds
    return groups


def _themes(codes: Any, codebook: Path | None, codes_only: bool) -> list[str] | None:
    if codes_only:
        return None
    from .._theme_ids import codebook_name, unknown_themes
    from ..themes import load_codebook

    order = list(load_codebook(codebook).theme_ids)
    return order + unknown_themes(codes["theme"], order, codebook=codebook_name(codebook))


def _reading(encoding: str | None, sep: str | None, missing: list[str] | None,
             levels: list[str] | None, drop: list[str] | None,
             decimal_comma: bool = True) -> dict[str, Any]:
    """How the files were read (``settings.reading`` of a manifest), as the options said."""
    return {"encoding": encoding, "sep": sep, "missing_values": missing_values(missing),
            **({"levels": given_levels(levels)} if levels else {}),
            **({"drop_columns": drop} if drop else {}),
            **({} if decimal_comma else {"decimal_comma": False})}


def _read(comments: Path, codes: Path, respondents: Path, encoding: str | None = None,
          sep: str | None = None, text: bool = True,
          missing: list[str] | None = None, drop: list[str] | None = None,
          closed: list[str] | None = None,
          trusted: list[str] | None = None,
          levels: dict[str, list[str]] | None = None,
          multi: dict[str, Any] | None = None,
          decimal_comma: bool = True) -> tuple[Any, Any, Any]:
    """Read the three inputs; every problem of a file is an InputError naming it.

    ``text=False``: the comments file needs only ``comment_id`` and ``respondent_id`` (a
    ``text`` column, when there is one, still tells unanswered questions apart). ``missing``:
    the ``--missing-value`` codes of the respondents' answers; ``levels``: the answer orders
    of ``--levels`` (:func:`carevoice._options.given_levels`). ``drop``, ``closed`` and
    ``trusted``: the ``--drop-column``, ``--closed-column`` and ``--not-free-text`` options;
    ``multi``: the tick-all-that-apply questions of ``--multi-select`` and
    ``--multi-select-columns`` (:func:`carevoice._options.multi_select_argument`);
    ``decimal_comma``: False for ``--no-decimal-comma``;
    the answers are checked for free text (:func:`carevoice.corpus.closed_answers`) before
    any other work.
    """
    from .._answers import closed_answers
    from ..corpus import read_codes, read_comments, read_respondents
    from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT

    required = (COMMENT_ID, RESPONDENT_ID, TEXT) if text else (COMMENT_ID, RESPONDENT_ID)
    frame = read_comments(comments, encoding=encoding, sep=sep, required=required)
    code_frame = read_codes(codes, encoding=encoding, sep=sep)
    answers = read_respondents(respondents, encoding=encoding, sep=sep,
                               missing_values=missing_values(missing), levels=levels,
                               multi_select=multi, decimal_comma=decimal_comma)
    answers = closed_answers(answers, closed_columns=closed or None, drop_columns=drop or (),
                             source=respondents.name, how=CLI_WAY_OUT,
                             not_free_text=trusted or (), unnamed_how=CLI_UNNAMED_HOW)
    return frame, code_frame, answers


@typed_command(variables="--variable", groups="--group", hypotheses="--hypothesis")
def link_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file with comment_id, respondent_id (and text).")],
    codes: Annotated[Path, typer.Argument(
        help="Codes file as written by 'carevoice code': comment_id, theme, score, assigned.")],
    respondents: Annotated[Path, typer.Argument(
        help="Respondents file: respondent_id and the closed survey answers.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write ASSOCIATIONS (CSV/XLSX/Parquet).")],
    prevalence: Annotated[Path | None, typer.Option(
        "--prevalence", help="Also write theme prevalence overall and by subgroup here.")] = None,
    numeric: Annotated[Path | None, typer.Option(
        "--numeric", help="Also write differences in numeric answers here.")] = None,
    test: Annotated[str, typer.Option(
        help="fisher (exact), chi2 (Yates) or auto (chi2 unless an expected count < 5).")]
    = "fisher",
    variable: Annotated[list[str] | None, typer.Option(
        "--variable", help="Test only this categorical column (repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="Do not test this column (repeatable). Default: survey.")] = None,
    group: Annotated[list[str] | None, typer.Option(
        "--group", help="Group levels first: 'variable:new_level=a+b' (repeatable).")] = None,
    weights: Annotated[str | None, typer.Option(
        "--weights", help="A respondents column of survey weights.")] = None,
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Codebook whose themes are reported (default: the shipped one).")]
    = None,
    codes_themes_only: Annotated[bool, typer.Option(
        "--codes-themes-only", help="Report only the themes present in CODES.")] = False,
    alpha: Annotated[float, typer.Option(help="1 - confidence level of the intervals.")] = 0.05,
    min_group: Annotated[int, typer.Option(
        "--min-group", min=2, help="Test a numeric answer's difference only when both groups "
                                   "have at least this many answers (give the --threshold of "
                                   "'carevoice report' to test the same rows).")] = 5,
    hypothesis: Annotated[list[str] | None, typer.Option(
        "--hypothesis", help="Pre-specified: 'theme~variable=a+b' or 'theme~variable>a+b' "
                             "(repeatable); tested with q-values over these alone.")] = None,
    hypotheses: Annotated[Path | None, typer.Option(
        "--hypotheses", help="Where to write the tests of --hypothesis (default: beside "
                             "ASSOCIATIONS, as NAME-hypotheses.csv).")] = None,
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    drop_column: DropColumnOption = None,
    closed_column: ClosedColumnOption = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Link theme codes to survey answers: odds ratios, p- and q-values per theme x answer.

    ASSOCIATIONS has one row per theme x categorical variable x level (theme, variable, level,
    counts, odds_ratio with CI, p_value, q_value over the whole table, cramers_v, min_cell).
    It is an analysis file with small counts: publish the suppressed tables of
    'carevoice report' instead. A RESPONDENTS column that looks like free text (or asks
    for a name) is refused: leave it out with --drop-column, or vouch for a closed question
    with --not-free-text.
    """
    import sys

    from .._output_paths import check_paths
    from ..corpus import check_output_path, write_table
    from ..errors import CarevoiceError
    from ..link import DEFAULT_EXCLUDE, link
    from ..provenance import codes_provenance, write_step_manifest

    try:
        tests = [parse_hypothesis(h) for h in hypothesis or []]
        if tests and hypotheses is None:
            hypotheses = output.with_name(f"{output.stem}-hypotheses{output.suffix}")
        outputs = {"--output": output, "--prevalence": prevalence, "--numeric": numeric,
                   "--hypotheses": hypotheses if tests else None}
        for option, path in outputs.items():
            if path is not None:
                check_output_path(path, argument=option)
        check_paths({"COMMENTS": comments, "CODES": codes, "RESPONDENTS": respondents},
                    outputs)
        frame, code_frame, answers = _read(comments, codes, respondents, encoding, sep,
                                           text=False, missing=missing_value,
                                           drop=drop_column, closed=closed_column,
                                           trusted=not_free_text,
                                           levels=given_levels(levels),
                                           multi=multi_select_argument(multi_select,
                                                                       multi_select_columns),
                                           decimal_comma=decimal_comma)
        result = link(frame, code_frame, answers,
                      themes=_themes(code_frame, codebook, codes_themes_only),
                      variables=variable or None,
                      exclude=DEFAULT_EXCLUDE if exclude is None else exclude,
                      groups=_groups(group), test=test, weights=weights, alpha=alpha,
                      hypotheses=tests, min_group=min_group,
                      closed_columns=closed_column or None,
                      not_free_text=not_free_text or ())
        write_table(result.associations, output)
        if prevalence is not None:
            write_table(result.prevalence, prevalence)
        if numeric is not None:
            write_table(result.numeric, numeric)
        if tests and hypotheses is not None:
            write_table(result.hypotheses, hypotheses)
        write_step_manifest(
            output, "link", seed=None, codebook=False if codes_themes_only else codebook,
            settings={**result.settings, "codes_themes_only": codes_themes_only,
                      "group": group or [], "reading": _reading(encoding, sep, missing_value,
                                                                levels, drop_column,
                                                                decimal_comma)},
            inputs={"COMMENTS": comments, "CODES": codes, "RESPONDENTS": respondents,
                    "--codebook": codebook},
            outputs=outputs, models=False, codes_made_with=codes_provenance(codes))
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    n_sig = int((result.associations["q_value"] < 0.05).sum())
    print(f"linked {len(result.indicators)} respondents x {result.indicators.shape[1]} themes: "
          f"{len(result.associations)} associations ({n_sig} with q < 0.05) written to {output}",
          file=sys.stderr)


def parse_waves(values: list[str]) -> list[tuple[str, Path, Path, Path]]:
    """Group the ``compare-waves`` arguments into ``(name, comments, codes, respondents)``.

    Examples
    --------
    >>> parse_waves(["w1", "a.csv", "b.csv", "c.csv", "w2", "d.csv", "e.csv", "f.csv"])[1][0]
    'w2'
    """
    from ..errors import InputError

    if len(values) % 4 or len(values) < 8:
        raise InputError("The wave arguments must come in fours, NAME COMMENTS CODES "
                         "RESPONDENTS for each wave, for at least two waves. Got "
                         f"{len(values)} values instead.")
    waves = [(values[i], Path(values[i + 1]), Path(values[i + 2]), Path(values[i + 3]))
             for i in range(0, len(values), 4)]
    names = [w[0] for w in waves]
    for name in names:
        if Path(name).suffix.lower() in (".csv", ".tsv", ".txt", ".xlsx", ".parquet") or \
                Path(name).is_file():
            raise InputError(f"The wave name {name!r} looks like a file: each wave starts with "
                             "its name, e.g. 'w1 w1/comments.csv w1/codes.csv "
                             "w1/respondents.csv'.")
    if len(set(names)) < len(names):
        raise InputError(f"The wave arguments name a wave twice: {names}.")
    return waves


@typed_command()
def compare_waves_command(
    waves: Annotated[list[str], typer.Argument(
        metavar="NAME COMMENTS CODES RESPONDENTS ...",
        help="For each wave, in order: its name, then its comments, codes and respondents "
             "files as for 'carevoice link'. At least two waves; ids may repeat between "
             "waves.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write the changes (CSV/XLSX/Parquet).")],
    prevalence: Annotated[Path | None, typer.Option(
        "--prevalence", help="Also write each wave's prevalence here.")] = None,
    paired: Annotated[bool, typer.Option(
        "--paired", help="A respondent_id is the same young person in every wave: also "
                         "compare the young people who answered both waves (McNemar).")]
    = False,
    by: Annotated[list[str] | None, typer.Option(
        "--by", help="Also compare within the levels of this respondents column "
                     "(repeatable).")] = None,
    reference: Annotated[str, typer.Option(
        help="previous (each wave with the one before) or first (each with the first).")]
    = "previous",
    test: Annotated[str, typer.Option(
        help="fisher (exact), chi2 (Yates) or auto (chi2 unless an expected count < 5).")]
    = "fisher",
    base: Annotated[str, typer.Option(
        help="commented (young people who answered a free-text question) or all.")]
    = "commented",
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Codebook whose themes are reported (default: the shipped one).")]
    = None,
    codes_themes_only: Annotated[bool, typer.Option(
        "--codes-themes-only", help="Report only the themes present in the CODES files.")]
    = False,
    alpha: Annotated[float, typer.Option(help="1 - confidence level of the intervals.")] = 0.05,
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    drop_column: DropColumnOption = None,
    closed_column: ClosedColumnOption = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Compare theme prevalence between survey waves: change with CI, test and q-value.

    OUTPUT has one row per pair of waves x theme x analysis (independent; with --paired also
    paired) and subgroup level: each wave's count, base and share, the difference with
    Newcombe's interval, p_value, q_value. It is an analysis file with small counts: publish
    the suppressed table of 'carevoice report --changes' instead.
    """
    import sys

    import pandas as pd

    from .._output_paths import check_paths
    from ..corpus import check_output_path, write_table
    from ..errors import CarevoiceError, InputError
    from ..link import compare_waves
    from ..provenance import codes_provenance, write_step_manifest

    try:
        parsed = parse_waves(waves)
        order = given_levels(levels)
        outputs = {"--output": output, "--prevalence": prevalence}
        for option, path in outputs.items():
            if path is not None:
                check_output_path(path, argument=option)
        check_paths({f"wave {name!r} {kind}": path for name, *files in parsed
                     for kind, path in zip(("COMMENTS", "CODES", "RESPONDENTS"), files,
                                           strict=True)}, outputs)
        frames = {}
        for name, comments, codes, respondents in parsed:
            try:
                with typed_names(files={"COMMENTS": comments, "CODES": codes,
                                        "RESPONDENTS": respondents}):
                    frames[name] = _read(comments, codes, respondents, encoding, sep,
                                         text=False, missing=missing_value, drop=drop_column,
                                         closed=closed_column, trusted=not_free_text,
                                         levels=order,
                                         multi=multi_select_argument(multi_select,
                                                                     multi_select_columns),
                                         decimal_comma=decimal_comma)
            except InputError as e:
                raise InputError(f"Wave {name!r}: {e}") from e
        coded = pd.concat([f[1][["theme"]] for f in frames.values() if "theme" in f[1]])
        result = compare_waves(frames, themes=_themes(coded, codebook, codes_themes_only),
                               by=by or (), paired=paired, reference=reference, test=test,
                               base=base, alpha=alpha, closed_columns=closed_column or None,
                               not_free_text=not_free_text or ())
        write_table(result.changes, output)
        if prevalence is not None:
            write_table(result.prevalence, prevalence)
        write_step_manifest(
            output, "compare-waves", seed=None,
            codebook=False if codes_themes_only else codebook,
            settings={**result.settings, "codes_themes_only": codes_themes_only,
                      "reading": _reading(encoding, sep, missing_value, levels, drop_column,
                                          decimal_comma)},
            inputs={f"{kind} of wave {name}": path for name, *files in parsed
                    for kind, path in zip(("COMMENTS", "CODES", "RESPONDENTS"), files,
                                          strict=True)} | {"--codebook": codebook},
            outputs=outputs, models=False,
            codes_made_with={name: codes_provenance(files[1]) for name, *files in parsed})
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    changes = result.changes
    sizes = result.indicators.groupby(level="wave", sort=False).size()
    pairs = changes.loc[changes["analysis"] == "paired", "overlap"].drop_duplicates()
    both = f", {', '.join(str(p) for p in pairs)} in both" if len(pairs) else ""
    n_sig = int((changes["q_value"] < 0.05).sum())
    print(f"compared {len(sizes)} waves ({', '.join(f'{w}: {n}' for w, n in sizes.items())} "
          f"respondents{both}) x {result.indicators.shape[1]} themes: {len(changes)} rows "
          f"({n_sig} with q < 0.05) written to {output}", file=sys.stderr)


def _read_changes(path: Path, encoding: str | None, sep: str | None) -> Any:
    """Read a table written by ``carevoice compare-waves`` back, with its numbers typed."""
    import pandas as pd

    from ..corpus import read_table
    from ..errors import InputError
    from ..link import CHANGE_COLUMNS
    from ..link.waves import missing_change_columns

    frame = read_table(path, encoding=encoding, sep=sep)
    missing = missing_change_columns(frame.columns)  # a file without ci_level is older
    if missing:
        raise InputError(f"The --changes file {path.name} must be a table written by "
                         f"'carevoice compare-waves'; it lacks the columns {missing}.")
    words = {"theme", "variable", "level", "wave_from", "wave_to", "analysis", "test"}
    for column in CHANGE_COLUMNS:
        if column not in words and column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


@typed_command(variables="--variable", groups="--group", hypotheses="--hypothesis",
               subgroups="--subgroup", by="--quotes-by", quotes_by="--quotes-by",
               waves="--changes", earlier="--earlier-report",
               max_associations="--max-associations")
def report_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file with comment_id, respondent_id and text.")],
    codes: Annotated[Path, typer.Argument(help="Codes file as written by 'carevoice code'.")],
    respondents: Annotated[Path, typer.Argument(help="Respondents file (closed answers).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the report.")],
    format: Annotated[str, typer.Option(
        "--format", help="Comma-separated: html, docx, md.")] = "html,docx,md",
    title: Annotated[str, typer.Option(help="Report title.")] = "What young people told us",
    already_pseudonymised: Annotated[bool, typer.Option(
        "--already-pseudonymised", help="The text in COMMENTS is already pseudonymised, the "
                                        "output of `carevoice pseudonymise` (otherwise "
                                        "quotable comments are pseudonymised first). "
                                        "Refused if a phone number, e-mail address, "
                                        "postcode, NHS or NI number is found in it.")] = False,
    pseudonymised: Annotated[bool, typer.Option(
        "--pseudonymised", hidden=True,
        help="The former name of --already-pseudonymised.")] = False,
    flagged: Annotated[Path | None, typer.Option(
        "--flagged", help="A file with a comment_id column: exactly the comments with an "
                          "unresolved review flag, never quoted (a file with the header "
                          "alone: the review is done). Default: the needs_review column of "
                          "COMMENTS ('carevoice pseudonymise' writes it) and review_flags.csv "
                          "beside COMMENTS, if there is one (a batch run writes it).")] = None,
    safeguarding_flags: Annotated[Path | None, typer.Option(
        "--safeguarding-flags",
        help="A flags file written by 'carevoice safeguarding' and reviewed by the "
             "safeguarding lead (a comment_id column): exactly these comments are withheld "
             "from quoting. Without it the comments that could be quoted are screened here.")]
    = None,
    safeguarding_similarity: Annotated[bool, typer.Option(
        "--safeguarding-similarity/--no-safeguarding-similarity",
        help="When the comments that could be quoted are screened here (no "
             "--safeguarding-flags): also withhold those that read like a disclosure to the "
             "packaged sentence-transformers model, as 'carevoice safeguarding' does. "
             "--no-safeguarding-similarity screens with the rules alone and loads no model "
             "for it.")] = True,
    hypothesis: Annotated[list[str] | None, typer.Option(
        "--hypothesis", help="Pre-specified: 'theme~variable=a+b' or 'theme~variable>a+b' "
                             "(repeatable).")] = None,
    group: Annotated[list[str] | None, typer.Option(
        "--group", help="Group levels first: 'variable:new_level=a+b' (repeatable).")] = None,
    weights: Annotated[str | None, typer.Option(
        "--weights", help="A respondents column of survey weights.")] = None,
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Codebook for theme labels and version.")] = None,
    quotes: Annotated[int, typer.Option(
        help="Quotes per theme beside how many raised it (0: none); also the default of "
             "--quotes-per-answer, so --quotes 0 alone prints no quotes at all.", min=0)] = 3,
    quotes_per_answer: Annotated[int | None, typer.Option(
        "--quotes-per-answer", min=0,
        help="Quotes beside each answer that went with a theme more often (0: none). "
             "Default: --quotes.")] = None,
    max_quotes: Annotated[int | None, typer.Option(
        "--max-quotes", min=0,
        help="At most this many quotes in one theme's joint display, all findings together "
             "(default: no cap beyond the two counts).")] = None,
    k: Annotated[int, typer.Option(help="Attributions describe at least k respondents.",
                                   min=1)] = 5,
    threshold: Annotated[int, typer.Option(help="Suppress counts below this.", min=1)] = 5,
    embedder: Annotated[str, typer.Option(
        help="minilm (the packaged model) or hashing (fast, spelling only).")] = "minilm",
    seed: Annotated[int | None, typer.Option(
        hidden=True, help="Removed: nothing in a report is random.")] = None,
    timestamp: Annotated[bool, typer.Option(
        "--timestamp/--no-timestamp", help="Record the time in the manifest; --no-timestamp "
                                           "makes reruns on the same inputs byte-identical.")
    ] = True,
    codes_themes_only: Annotated[bool, typer.Option(
        "--codes-themes-only", help="Report only the themes present in CODES (default: every "
                                    "theme of the codebook, those nobody raised included).")]
    = False,
    test: Annotated[str, typer.Option(
        help="fisher (exact), chi2 (Yates) or auto (chi2 unless an expected count < 5).")]
    = "fisher",
    max_q: Annotated[float, typer.Option(
        "--max-q", help="Show associations and differences with a q-value up to this.")] = 0.05,
    alpha: Annotated[float, typer.Option(
        help="1 - confidence level of the intervals (0.1: 90% intervals, named so in the "
             "report).")] = 0.05,
    subgroup: Annotated[list[str] | None, typer.Option(
        "--subgroup", help="A respondents column for the prevalence-by-subgroup tables "
                           "(repeatable; default: survey, age_group, placement_type).")] = None,
    variable: Annotated[list[str] | None, typer.Option(
        "--variable", help="Test only this categorical column (repeatable), as `link "
                           "--variable`: q-values are adjusted over these tests.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="Do not test this column (repeatable). Default: survey.")] = None,
    attribute: Annotated[list[str] | None, typer.Option(
        "--attribute", help="A respondents column quotes are attributed with, in the order "
                            "written (repeatable; default: survey, age_group, "
                            "placement_type); the last is left out first, from every quote shown "
                            "together, when one would describe fewer than k young people "
                            "who raised the theme.")] = None,
    quotes_by: Annotated[list[str] | None, typer.Option(
        "--quotes-by", help="Quote young people of the answers of this respondents column "
                            "beside the findings that name them (repeatable; kept "
                            "k-anonymous within the answer). Default: every column the joint "
                            "displays name as going with a theme more often.")]
    = None,
    no_quotes_by: Annotated[bool, typer.Option(
        "--no-quotes-by", help="No quotes beside answers: each theme's overall quotes only.")]
    = False,
    max_associations: Annotated[int, typer.Option(
        "--max-associations", min=0,
        help="Exploratory associations shown in each theme's joint display at most (lowest q "
             "first); a note counts the others.")] = 3,
    changes: Annotated[Path | None, typer.Option(
        "--changes", help="A table written by 'carevoice compare-waves': adds a 'Change "
                          "between waves' section. The report's data must be one wave of "
                          "it: the report's tables and the change table are suppressed "
                          "together.")] = None,
    earlier_report: Annotated[list[Path] | None, typer.Option(
        "--earlier-report", help="The folder of a report published for an earlier wave "
                                 "(repeatable): no words or young person quoted there are "
                                 "quoted again (its not-for-publication/quotes.csv); with "
                                 "--changes, the change table also hides every cell that "
                                 "report hid (its not-for-publication/cells.csv). The "
                                 "manifest names it by its folder and the SHA-256 of its "
                                 "manifest.json.")] = None,
    encoding: EncodingOption = None,
    sep: SepOption = None,
    missing_value: MissingValueOption = None,
    levels: LevelsOption = None,
    drop_column: DropColumnOption = None,
    closed_column: ClosedColumnOption = None,
    not_free_text: NotFreeTextOption = None,
    multi_select: MultiSelectOption = None,
    multi_select_columns: MultiSelectColumnsOption = None,
    decimal_comma: DecimalCommaOption = True,
) -> None:
    """Build the report: self-contained HTML, Word and Markdown with joint displays.

    Its manifest.json records carevoice's version, the environment, the codebook, every
    setting, the SHA-256 of each input file and, from the manifest 'carevoice code' wrote
    beside CODES, which codebook and seed made the codes (or that this is not known). What
    is not for publication (each quote with its comment_id, exact small counts) goes in the
    subfolder not-for-publication/: publish the folder without it.
    """
    import sys

    from .._argnames import ordinal
    from .._output_paths import check_paths
    from ..corpus import check_output_path, read_table
    from ..disclosure import DisclosureConfig
    from ..embed import HashingEmbedder, SentenceTransformerEmbedder
    from ..errors import CarevoiceError, InputError
    from ..link import DEFAULT_EXCLUDE
    from ..provenance import codes_provenance
    from ..quotes import QuoteConfig
    from .build import build_report

    try:
        from .build import FORMATS

        formats = [f.strip() for f in format.split(",") if f.strip()]
        if not formats or any(f not in FORMATS for f in formats):
            raise InputError(f"The --format option must list some of {', '.join(FORMATS)}, "
                             f"separated by commas. Got {format!r} instead.")
        if embedder not in ("minilm", "hashing"):
            raise InputError(f"The --embedder option must be 'minilm' or 'hashing'. Got "
                             f"{embedder!r} instead.")
        if no_quotes_by and quotes_by:
            raise InputError("The --no-quotes-by and --quotes-by options contradict each "
                             "other: give one of them.")
        if not safeguarding_similarity and safeguarding_flags is not None:
            raise InputError("The --no-safeguarding-similarity and --safeguarding-flags "
                             "options contradict each other: with a flags file nothing is "
                             "screened here, exactly the comments it names are withheld. Give "
                             "one of them.")
        if seed is not None:
            raise InputError(
                "The --seed option of 'carevoice report' was removed: nothing in a report is "
                "random (quotes are chosen deterministically), so it changed nothing, yet it "
                "was recorded as the analysis seed. Leave it out: the report's manifest now "
                "records the seed and codebook the codes were made with, from the manifest "
                "'carevoice code' writes beside CODES.")
        check_output_path(output, argument="--output", kind="folder")
        earlier_named = {"--earlier-report" if len(earlier_report) == 1 else
                         f"{ordinal(i)} --earlier-report": folder
                         for i, folder in enumerate(earlier_report or (), 1)}
        check_paths({"COMMENTS": comments, "CODES": codes, "RESPONDENTS": respondents,
                     "--flagged": flagged, "--safeguarding-flags": safeguarding_flags,
                     "--codebook": codebook, "--changes": changes, **earlier_named},
                    {}, folders={"--output": output}, read_folders=earlier_named)
        order = given_levels(levels)
        frame, code_frame, answers = _read(comments, codes, respondents, encoding, sep,
                                           missing=missing_value, drop=drop_column,
                                           closed=closed_column, trusted=not_free_text,
                                           levels=order,
                                           multi=multi_select_argument(multi_select,
                                                                       multi_select_columns),
                                           decimal_comma=decimal_comma)
        for option, columns in (("--attribute", attribute), ("--subgroup", subgroup)):
            unknown = [c for c in columns or () if c not in answers.columns]
            if unknown:
                raise InputError(f"The {option} option names columns that {respondents.name} "
                                 f"does not have: {unknown}.")
        flagged_ids = None
        from ..quotes import REVIEW_COLUMN
        from ..quotes import flagged_ids as marked_ids
        from ..schema import REVIEW_FILE

        given = flagged is not None
        if flagged is None and (Path(comments).parent / REVIEW_FILE).is_file():
            # a batch run's review flags, beside its outputs/comments.csv: its report withheld
            # those comments, and one made from its outputs withholds them too
            flagged = Path(comments).parent / REVIEW_FILE
            print(f"--flagged: {flagged} (the review flags beside COMMENTS)", file=sys.stderr)
        if flagged is not None:
            marks = read_table(flagged, encoding=encoding, sep=sep)
            if "comment_id" not in marks:
                raise InputError(f"The --flagged file {flagged.name} must have a 'comment_id' "
                                 "column.")
            flagged_ids = set(marks["comment_id"].astype(str))
            if REVIEW_COLUMN in frame and not given:
                # the needs_review column `carevoice pseudonymise` writes travels with the
                # text; a flags file found beside it adds to it, never clears it
                flagged_ids |= marked_ids(frame, REVIEW_COLUMN)
            elif REVIEW_COLUMN in frame:
                print(f"--flagged: exactly the comments {flagged.name} names are withheld; "
                      f"the {REVIEW_COLUMN} column of COMMENTS is not read", file=sys.stderr)
        safeguarding_arg = None
        if not safeguarding_similarity:
            from ..safeguarding import SafeguardingConfig

            safeguarding_arg = SafeguardingConfig(similarity=False)
        if safeguarding_flags is not None:
            from ..safeguarding import read_flags

            safeguarding_arg = read_flags(safeguarding_flags, argument="safeguarding_flags",
                                          encoding=encoding, sep=sep)
        waves = None if changes is None else _read_changes(changes, encoding, sep)
        from .unpublished import read_earlier_cells, read_earlier_quotes

        earlier = [read_earlier_cells(folder) for folder in earlier_report or ()
                   if changes is not None]
        earlier_quotes = [read_earlier_quotes(folder) for folder in earlier_report or ()]
        if changes is not None and not earlier_report:
            print("note: without --earlier-report, this report's quotes are not checked "
                  "against the quotes of earlier waves' reports: a young person quoted in "
                  "both, described differently each year, could be singled out. Give the "
                  "earlier report folders with --earlier-report.", file=sys.stderr)
        declared = already_pseudonymised or pseudonymised
        checked = None
        if declared:  # a cheap check that the flag is not given by mistake; in the manifest
            from ..pseudonymise.declared import check_pseudonymised

            checked = check_pseudonymised(
                frame, declared="--already-pseudonymised" if already_pseudonymised
                else "--pseudonymised", what=f"the comments of COMMENTS {comments.name!r}")
        written = build_report(
            frame, code_frame, output, formats=formats, respondents=answers, title=title,
            text_is_pseudonymised=declared, pseudonymised_check=checked, flagged=flagged_ids,
            safeguarding=safeguarding_arg,
            embedder=HashingEmbedder() if embedder == "hashing" else
            SentenceTransformerEmbedder(),
            codebook=codebook, hypotheses=[parse_hypothesis(h) for h in hypothesis or []],
            groups=_groups(group), weights=weights, quote_config=QuoteConfig(
                n_quotes=quotes, n_quotes_per_answer=quotes_per_answer,
                max_per_theme=max_quotes),
            disclosure=DisclosureConfig(k=k, threshold=threshold, **(
                {"attributes": tuple(attribute)} if attribute else {})),
            codes_made_with=codes_provenance(codes),
            inputs={"comments": comments, "codes": codes, "respondents": respondents,
                    **({"flagged": flagged} if flagged is not None else {}),
                    **({"safeguarding_flags": safeguarding_flags}
                       if safeguarding_flags is not None else {}),
                    **({"codebook": codebook} if codebook is not None else {}),
                    **({"changes": changes} if changes is not None else {})},
            reading={"encoding": encoding, "sep": sep,
                     "missing_values": missing_values(missing_value),
                     **({"levels": order} if order else {}),
                     **({"drop_columns": drop_column} if drop_column else {}),
                     **({} if decimal_comma else {"decimal_comma": False}),
                     **({"multi_select": multi_select_argument(multi_select,
                                                               multi_select_columns)}
                        if multi_select or multi_select_columns else {})},
            closed_columns=closed_column or None, not_free_text=not_free_text or (),
            themes=None if not codes_themes_only else
            [t for t in dict.fromkeys(code_frame["theme"].astype(str)) if t != "no_theme"],
            test=test, max_q=max_q, alpha=alpha, subgroups=subgroup or None,
            quotes_by=() if no_quotes_by else quotes_by or None,
            max_associations=max_associations,
            variables=variable or None, timestamp=timestamp,
            exclude=DEFAULT_EXCLUDE if exclude is None else exclude, waves=waves,
            earlier=earlier, earlier_quotes=earlier_quotes,
            earlier_reports=list(earlier_report or ()))
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    for name in ("html", "docx", "md", "manifest"):
        if name in written:
            print(f"{name}: {written[name]}", file=sys.stderr)
    print(f"not for publication: {written['quotes'].parent} (each quote's comment_id, exact "
          "small counts; see its README.txt): publish the report folder without it",
          file=sys.stderr)
