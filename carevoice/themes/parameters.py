"""Checks of :class:`carevoice.themes.ThemeCoder`'s parameters, done when it is fitted."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from .scoring import CLAUSE_THEMES

__all__ = ["check_params", "clause_themes_of"]


def check_params(coder: Any) -> None:
    """Raise :class:`carevoice.errors.InputError` naming the first invalid parameter."""
    def number(name: str, lo: float, hi: float, lo_open: bool = False) -> None:
        v = getattr(coder, name)
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and (
            (v > lo if lo_open else v >= lo) and v <= hi)
        if not ok:
            rng = f"{'(' if lo_open else '['}{lo}, {hi}]"
            raise InputError(
                f"The '{name}' parameter of ThemeCoder must be a number in the range {rng}. "
                f"Got {v!r} instead."
            )

    number("lexical_weight", 0.0, 1.0)
    if coder.segment_weight is not None:
        number("segment_weight", 0.0, 1.0)
    for flag in ("reference", "kin_carers", "mentions", "denials"):
        if not isinstance(getattr(coder, flag), bool):
            raise InputError(
                f"The '{flag}' parameter of ThemeCoder must be True or False. "
                f"Got {getattr(coder, flag)!r} instead."
            )
    if not isinstance(coder.human_weight, int) or isinstance(coder.human_weight, bool) or \
            coder.human_weight < 1:
        raise InputError(
            "The 'human_weight' parameter of ThemeCoder must be an int in the range [1, inf). "
            f"Got {coder.human_weight!r} instead."
        )
    number("C", 0.0, float("inf"), lo_open=True)
    number("lexical_C", 0.0, float("inf"), lo_open=True)
    number("fallback", 0.0, 1.0, lo_open=True)
    number("shrinkage", 0.0, float("inf"))
    if not isinstance(coder.n_splits, int) or isinstance(coder.n_splits, bool) or \
            coder.n_splits < 2:
        raise InputError(
            "The 'n_splits' parameter of ThemeCoder must be an int in the range [2, inf). "
            f"Got {coder.n_splits!r} instead."
        )
    if not isinstance(coder.random_state, int) or isinstance(coder.random_state, bool):
        raise InputError(
            f"The 'random_state' parameter of ThemeCoder must be an int. "
            f"Got {coder.random_state!r} instead."
        )
    if coder.embedder is not None and not callable(getattr(coder.embedder, "encode", None)):
        raise InputError(
            "The 'embedder' parameter of ThemeCoder must have an encode(texts) method "
            f"(the carevoice.Embedder protocol) or be None; got {type(coder.embedder).__name__}."
        )


def clause_themes_of(coder: Any) -> tuple[str, ...]:
    """The clause themes of a coder's codebook (see ``clause_themes``), checked.

    Needs ``coder.codebook_`` and ``coder.themes_`` (set by ``fit`` before it asks).
    """
    if coder.clause_themes is None:
        return tuple(t.id for t in coder.codebook_.themes
                     if {t.id, *t.renamed_from} & set(CLAUSE_THEMES))
    given = [coder.clause_themes] if isinstance(coder.clause_themes, str) \
        else list(coder.clause_themes) if isinstance(coder.clause_themes, (list, tuple)) \
        else [coder.clause_themes]
    unknown = [t for t in given if not isinstance(t, str) or t not in coder.themes_]
    if unknown:
        raise InputError(
            f"The 'clause_themes' parameter of ThemeCoder must hold theme ids of the "
            f"codebook ({', '.join(coder.themes_)}). Got {', '.join(map(repr, unknown))}."
        )
    return tuple(dict.fromkeys(given))
