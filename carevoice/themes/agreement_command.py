"""The ``carevoice agreement`` command: agreement between two coders' codes of the same comments.

Registered by :mod:`carevoice.cli` as ``app.command("agreement")(agreement_command)``. It reads
two codes files (a person's, from ``carevoice import-qdpx`` or typed in a spreadsheet, and the
model's from ``carevoice code``, say), matches them by ``comment_id`` and writes what
:func:`carevoice.themes.agreement` returns: per theme, Cohen's kappa, Krippendorff's alpha
(nominal) and F1 with bootstrap confidence intervals, plus pooled and macro-averaged rows.
Beside the table goes its manifest (``agreement.manifest.json``, as every single-step command
writes one): the settings, the seed, the SHA-256 of every codes file and what made each
(:func:`carevoice.provenance.codes_provenance`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._argnames import as_typed
from .._options import EncodingOption, SepOption, typed_command

__all__ = ["agreement_command"]


def _names(given: str | None, files: list[Path]) -> tuple[str, ...]:
    """The coders' names: ``--names`` split at commas, else the files' stems (A, B, C when two
    files share a stem)."""
    from ..errors import InputError

    if given is not None:
        names = tuple(n.strip() for n in given.split(","))
        if len(names) != len(files) or not all(names) or len(set(names)) != len(names):
            raise InputError(f"The --names option must give {len(files)} different names "
                             f"separated by commas, one per codes file (e.g. "
                             f"{','.join(['person', 'model', 'person_2'][:len(files)])}). "
                             f"Got {given!r} instead.")
        return names
    stems = tuple(f.stem for f in files)
    return stems if len(set(stems)) == len(stems) else ("A", "B", "C")[:len(files)]


def _comment_ids(path: Path, encoding: str | None, sep: str | None) -> list[str]:
    """The ``comment_id`` column of the --comments file, normalised as codes' ids are."""
    from ..corpus import normalise_ids, read_table
    from ..errors import InputError
    from ..schema import COMMENT_ID

    table = read_table(path, encoding=encoding, sep=sep)
    if COMMENT_ID not in table.columns:
        raise InputError(f"The --comments option names a file without a 'comment_id' column "
                         f"({path.name!r}; columns: {list(map(str, table.columns))}). Give the "
                         "comments both coders coded, one comment_id per row (a comments file, "
                         "or the sample drawn for the person).")
    ids = list(dict.fromkeys(normalise_ids(table[COMMENT_ID]).dropna()))
    if not ids:
        raise InputError(f"The --comments option names a file with no comment_id "
                         f"({path.name!r}).")
    return ids


@typed_command(human_codes="CODES_A", model_codes="CODES_B", second_coder="--second-coder",
               comment_ids="--comments", themes="--theme", n_boot="--n-boot",
               random_state="--seed", min_codes="--min-codes")
def agreement_command(
    codes_a: Annotated[Path, typer.Argument(
        help="The first coder's codes (CSV/XLSX/Parquet): comment_id, theme and optionally "
             "assigned, e.g. a person's codes from `carevoice import-qdpx --reviewed`.")],
    codes_b: Annotated[Path, typer.Argument(
        help="The second coder's codes of the same comments, e.g. the output of "
             "`carevoice code`.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write the agreement table (CSV/XLSX/Parquet).")
    ] = Path("agreement.csv"),
    comments: Annotated[Path | None, typer.Option(
        "--comments",
        help="A file whose comment_id column lists the comments both coders coded (the sample "
             "given to the person). Give it: a comment coded as raising no theme has no code "
             "row, and codes of other comments (the model's codes of the whole survey) are "
             "left out. Default: every comment_id in the codes files, with a warning naming "
             "those only one file has.")] = None,
    second_coder: Annotated[Path | None, typer.Option(
        "--second-coder",
        help="A third coder's codes of the same comments (a second person's): the table then "
             "also compares CODES_A with it and it with CODES_B.")] = None,
    names: Annotated[str | None, typer.Option(
        "--names", help="The coders' names in the table's pair column, separated by commas "
                        "(e.g. person,model); default the files' names.")] = None,
    theme: Annotated[list[str] | None, typer.Option(
        "--theme", help="Compare only this theme (repeatable); default every theme the "
                        "codes assign, but no_theme.")] = None,
    n_boot: Annotated[int, typer.Option(
        "--n-boot", help="Bootstrap resamples of the comments for the intervals; 0 leaves the "
                         "intervals out.")] = 1000,
    level: Annotated[float, typer.Option(
        "--level", help="Confidence level of the intervals.")] = 0.95,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap.")] = 0,
    min_codes: Annotated[int, typer.Option(
        "--min-codes", help="The fewest comments a theme must be coded with, and without, by "
                            "either coder for its intervals (below it they are left out: "
                            "they would collapse to the point); macro has intervals only "
                            "when every theme it averages has them.")] = 5,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Measure agreement between two coders of the same comments, theme by theme.

    Matches the codes by comment_id and writes, for each pair of coders and each theme, and
    pooled over themes (overall) and averaged over them (macro): how often each coder assigned
    it, percent agreement, Cohen's kappa, Krippendorff's alpha (nominal) and F1, each with a
    bootstrap confidence interval (comments resampled), as carevoice.themes.agreement does.
    The coding is good enough when the model agrees with a person about as well as two people
    agree with each other (give --second-coder to see both). The table's manifest goes beside
    it (agreement.manifest.json for agreement.csv).
    """
    import sys
    import warnings

    from .._flags import assigned_mask
    from .._output_paths import check_paths
    from ..corpus import check_output_path, read_codes, write_table
    from ..errors import CarevoiceError
    from ..provenance import codes_provenance, write_step_manifest
    from .agreement import agreement

    try:
        check_output_path(output)
        check_paths({"CODES_A": codes_a, "CODES_B": codes_b, "--second-coder": second_coder,
                     "--comments": comments}, {"--output": output})
        files = [codes_a, codes_b] + ([second_coder] if second_coder is not None else [])
        coders = _names(names, files)
        frames = [read_codes(f, encoding=encoding, sep=sep) for f in files]
        for argument, frame in zip(("codes_a", "codes_b", "second_coder"), frames):
            assigned_mask(frame, argument)  # a bad value is named by the file it is in
        ids = None if comments is None else _comment_ids(comments, encoding, sep)
        with warnings.catch_warnings(record=True) as caught:  # shown as lines of our own
            warnings.simplefilter("always", UserWarning)
            _warn_unused_themes(theme or [], frames)
            table = agreement(frames[0], frames[1],
                              second_coder=frames[2] if len(frames) > 2 else None,
                              comment_ids=ids, themes=theme or None,
                              names=coders, n_boot=n_boot, level=float(level),
                              random_state=seed, min_codes=min_codes)
        write_table(table, output)
        coded = {"CODES_A": codes_a, "CODES_B": codes_b, "--second-coder": second_coder}
        write_step_manifest(
            output, "agreement", seed=seed, codebook=False, models=False,
            # the coders' names may be people's: whether they were given, not what they are
            settings={"themes": theme or [], "n_boot": n_boot, "level": float(level),
                      "random_state": seed, "min_codes": min_codes,
                      "names_given": names is not None,
                      "comments_given": comments is not None, "encoding": encoding,
                      "sep": sep},
            inputs={**coded, "--comments": comments}, outputs={"--output": output},
            codes_made_with={k: codes_provenance(v) for k, v in coded.items()
                             if v is not None})
    except CarevoiceError as e:
        message = as_typed(str(e)).replace("'comment_ids'", "--comments")
        typer.echo(f"error: {message}", err=True)
        raise typer.Exit(code=2) from e
    for warning in caught:
        said = as_typed(str(warning.message)).replace("pass comment_ids", "give --comments")
        typer.echo(f"warning: {said}", err=True)
    summary = []
    for pair, rows in table.groupby("pair", sort=False):
        macro = rows[rows["theme"] == "macro"].iloc[0]
        summary.append(f"{pair}: macro kappa {_figure(macro, 'kappa')}, alpha "
                       f"{_figure(macro, 'alpha')}")
    n_themes = int((~table["theme"].isin(["overall", "macro"])).sum()) // max(1, len(summary))
    if n_boot and table.loc[table["theme"] == "macro", "kappa_low"].isna().any():
        summary.append(f"no macro interval where a theme has fewer than {min_codes} codes "
                       "(--min-codes; compare the common themes with --theme)")
    print(f"{int(table['n_comments'].iloc[0])} comments, {n_themes} theme"
          f"{'' if n_themes == 1 else 's'}; {'; '.join(summary)}; written to {output}",
          file=sys.stderr)


def _warn_unused_themes(themes: list[str], frames: list[object]) -> None:
    """Warn about --theme values that no codes file assigns (a typo, or a theme nobody used:
    its statistics are undefined)."""
    import warnings

    from .agreement import _assigned
    from .codebook import NO_THEME

    used = {str(t) for f in frames
            for t in _assigned(f)["theme"]} - {NO_THEME}  # type: ignore[arg-type]
    unused = [t for t in themes if t not in used]
    if unused:
        warnings.warn(f"The --theme option names themes that no codes file assigns: {unused} "
                      f"(their statistics are undefined). Themes assigned: {sorted(used)}.",
                      UserWarning, stacklevel=2)


def _figure(row: object, name: str) -> str:
    """``"0.71 (0.62 to 0.79)"``, the interval left out when there is none."""
    import math

    value = row[name]  # type: ignore[index]
    if value is None or math.isnan(value):
        return "undefined"
    low, high = row[f"{name}_low"], row[f"{name}_high"]  # type: ignore[index]
    if low is None or math.isnan(low):
        return f"{value:.2f}"
    return f"{value:.2f} ({low:.2f} to {high:.2f})"
