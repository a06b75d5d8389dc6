"""The cue rules of the safeguarding screen, one list per category.

Each :class:`Cue` is a regular expression over the normal form of a comment
(:func:`carevoice.safeguarding._text.normalise`: lower case, no apostrophes, text-speak spelled
out), with a short label that names the rule (never words of a comment), the level it gives on
its own (``priority``; ``review`` for a weak cue), ``unless``: the ordinary senses and idioms
that make it no cue ("could kill for a pizza", "my phone died", "learn my lines"), and
``routes``: a category the cue belongs to instead when the clause says who did it (a partner
hitting a care leaver is domestic abuse; strangers in the street, serious violence).

The rules live in :mod:`carevoice.safeguarding.rules`, one module per category, with the
machinery they share in its ``_shared`` module; :data:`CUES` puts them together in the order
of :data:`CATEGORIES`. The patterns are compiled on first use (:func:`compiled_cues`), not at
import.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import abuse, destitution, domestic_abuse, exploitation, missing, self_harm, violence
from .rules._shared import CATEGORIES, LEVELS, Cue
from .rules._shared import expand as _expand

__all__ = ["CATEGORIES", "CUES", "LEVELS", "Cue", "compiled_cues"]

#: Every cue rule, category by category in the order of :data:`CATEGORIES`.
CUES: tuple[Cue, ...] = (self_harm.CUES + abuse.CUES + exploitation.CUES + missing.CUES
                         + domestic_abuse.CUES + violence.CUES + destitution.CUES)


@dataclass(frozen=True)
class CompiledCue:
    """A :class:`Cue` with its patterns compiled."""

    cue: Cue
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    routes: tuple[tuple[str, re.Pattern[str]], ...]


@functools.cache
def compiled_cues() -> tuple[CompiledCue, ...]:
    """The cue rules with their patterns compiled (once, on first use).

    Returns
    -------
    tuple of CompiledCue
    """
    return tuple(CompiledCue(
        cue, re.compile(_expand(cue.pattern)),
        re.compile(_expand(cue.unless)) if cue.unless else None,
        tuple((category, re.compile(_expand(p))) for category, p in cue.routes))
        for cue in CUES)
