"""Warn when a codes table names themes its codebook does not have.

A codes file is often edited by hand or put together from several sources, so a theme id can
be mistyped (``famly_contact``) or a cell can hold something that is no theme at all (a name
typed into the wrong column). Such a theme would otherwise be analysed, reported and exported
as a theme of its own without a word. The linkage, report, wave comparison and REFI-QDA export
commands warn instead; only ids that look like theme ids are shown, since a cell that is not
one may hold a child's name.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from .qda.codebook import is_theme_id

__all__ = ["codebook_name", "unknown_themes"]

_log = logging.getLogger("carevoice.themes")

#: The theme a coder writes for a comment with none.
_NO_THEME = "no_theme"


def codebook_name(codebook: object) -> str:
    """How a message names a codebook given as a path, a Codebook or None (the default).

    Examples
    --------
    >>> codebook_name(None), codebook_name("books/v2.yaml")
    ('the default codebook', 'v2.yaml')
    """
    from pathlib import Path

    if codebook is None:
        return "the default codebook"
    if isinstance(codebook, str | Path):
        return Path(codebook).name
    return "the codebook given"


def unknown_themes(coded: Iterable[object], known: Iterable[str], *,
                   codebook: str = "the default codebook") -> list[str]:
    """The themes in ``coded`` that ``known`` lacks, logged as one warning.

    Parameters
    ----------
    coded : iterable
        The ``theme`` column of a codes table.
    known : iterable of str
        The codebook's theme ids.
    codebook : str, default "the default codebook"
        How to name the codebook in the message (e.g. its file name).

    Returns
    -------
    list of str
        The unknown themes, in order of first appearance (``no_theme`` is never one).

    Examples
    --------
    >>> unknown_themes(["money", "famly_contact", "no_theme"], ["money", "family_contact"])
    ['famly_contact']
    """
    known = set(known)
    unknown = [t for t in dict.fromkeys(str(t) for t in coded if isinstance(t, str))
               if t not in known and t != _NO_THEME]
    if unknown:
        shown = [t for t in unknown if is_theme_id(t)]
        hidden = len(unknown) - len(shown)
        parts = [", ".join(repr(t) for t in shown[:5]) + (" ..." if len(shown) > 5 else "")]
        if hidden:
            what = "is not a theme id" if hidden == 1 else "are not theme ids"
            parts.append(f"{hidden} that {what} (not shown: such a cell may hold a name)")
        _log.warning(
            "the codes name %d theme(s) that %s does not have: %s. They are treated as "
            "themes of their own. Correct a mistyped theme in the codes file; for themes "
            "promoted from discovery or read from a REFI-QDA project, give their codebook "
            "(--codebook).", len(unknown), codebook, "; ".join(p for p in parts if p))
    return unknown
