"""The ``carevoice safeguarding`` command: screen comments and write the flags file.

Registered by :mod:`carevoice.cli` as ``app.command("safeguarding")(safeguarding_command)``.
It prints counts only, never comment text; the flags file is written owner-only (0600).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._argnames import as_typed
from .._options import EncodingOption, SepOption, typed_command

__all__ = ["safeguarding_command"]


@typed_command(categories="--category")
def safeguarding_command(
    comments: Annotated[Path, typer.Argument(
        help="Comments file (CSV/XLSX/Parquet) with comment_id and text; respondent_id is "
             "passed through.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="The flags file (CSV), written owner read/write only (0600): "
                               "it says which young person disclosed what.")],
    category: Annotated[list[str] | None, typer.Option(
        "--category", help="Screen only for this category (repeatable; default all): "
                           "self_harm, abuse, exploitation, missing, domestic_abuse, violence, "
                           "destitution.")] = None,
    priority_only: Annotated[bool, typer.Option(
        "--priority-only", help="Leave out the review flags (past and over, a worry about "
                                "someone else, a weak cue). Not recommended: when in doubt, "
                                "flag.")] = False,
    similarity: Annotated[bool, typer.Option(
        "--similarity/--no-similarity",
        help="Also flag for review the comments the rules miss that read like a disclosure to "
             "the packaged sentence-transformers model (offline). --no-similarity screens with "
             "the rules alone.")] = True,
    encoding: EncodingOption = None,
    sep: SepOption = None,
) -> None:
    """Screen comments for safeguarding concerns; write FLAGS (no text) for the safeguarding lead.

    One row per comment and category flagged: comment_id, respondent_id, category, level
    (priority or review) and cue (the rule's label). Priority first. The screen is a triage
    aid for the designated safeguarding lead: it misses some disclosures and never replaces
    reading every comment.
    """
    import sys

    from .._output_paths import check_paths
    from ..corpus import read_comments
    from ..errors import CarevoiceError, InputError
    from .cues import CATEGORIES, LEVELS
    from .files import write_flags
    from .screen import SafeguardingConfig, flag_summary, screen_comments

    try:
        if output.suffix.lower() != ".csv":
            raise InputError(f"The --output option must name a .csv file (the flags are "
                             f"written as UTF-8 CSV, owner read/write only). Got "
                             f"{output.name!r} instead.")
        unknown = [c for c in category or () if c not in CATEGORIES]
        if unknown:
            raise InputError(f"The --category option must be one of {', '.join(CATEGORIES)}. "
                             f"Got {unknown} instead.")
        check_paths({"COMMENTS": comments}, {"--output": output})
        frame = read_comments(comments, encoding=encoding, sep=sep)
        config = SafeguardingConfig(categories=tuple(category or CATEGORIES),
                                    review=not priority_only, similarity=similarity)
        flags = screen_comments(frame, config)
        write_flags(flags, output)
    except CarevoiceError as e:
        typer.echo(f"error: {as_typed(str(e))}", err=True)
        raise typer.Exit(code=2) from e
    summary = flag_summary(flags)
    n_read = flags["comment_id"].nunique()
    n_priority = flags.loc[flags["level"] == "priority", "comment_id"].nunique()
    answered = int(frame["text"].notna().sum())
    print(f"screened {answered} answered comments: {n_read} to read now ({n_priority} with a "
          "priority flag)", file=sys.stderr)
    for row in summary.itertuples(index=False):
        counts = {level: getattr(row, level) for level in LEVELS}
        if any(counts.values()):
            print(f"  {row.category}: " + ", ".join(f"{n} {lv}" for lv, n in counts.items()),
                  file=sys.stderr)
    print(f"flags written to {output} (owner read/write only: it says which young person "
          "disclosed what; keep it with the re-identification key, not with the outputs). "
          "The screen misses some disclosures: read every comment.", file=sys.stderr)
