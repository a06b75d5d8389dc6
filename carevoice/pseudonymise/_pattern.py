"""The :class:`Pattern` record that :mod:`carevoice.pseudonymise.patterns` and its pattern
modules are made of: a named regular expression, a label, a score and an optional validator."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..schema import PII_LABELS

__all__ = ["Pattern"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class Pattern:
    """A named regular expression for one kind of personal data.

    Parameters
    ----------
    name : str
        A stable name, used in the ``detector`` column as ``"pattern:<name>"``.
    label : str
        One of :data:`carevoice.schema.PII_LABELS`.
    regex : str
        The expression. If it has a group named ``pii`` only that group is the span.
    score : float, default 0.9
        Confidence of a match that passes ``validate``.
    flags : int, default re.IGNORECASE
        ``re`` flags.
    validate : callable, optional
        ``validate(matched_text) -> float | bool``: ``False``/``0`` rejects the match, ``True``
        keeps ``score``, a float in (0, 1] replaces it.
    trigger : str, default ""
        A cheap expression that must occur in the text before ``regex`` is tried.
    """

    name: str
    label: str
    regex: str
    score: float = 0.9
    flags: int = _I
    validate: Callable[[str], float | bool] | None = None
    trigger: str = ""

    def __post_init__(self) -> None:
        if self.label not in PII_LABELS:
            raise InputError(
                f"The 'label' of Pattern {self.name!r} must be one of {list(PII_LABELS)}. "
                f"Got {self.label!r} instead."
            )
        if not 0.0 < self.score <= 1.0:
            raise InputError(
                f"The 'score' of Pattern {self.name!r} must be in (0, 1]. Got {self.score!r}."
            )
        try:
            re.compile(self.regex, self.flags)
        except re.error as e:
            raise InputError(f"The 'regex' of Pattern {self.name!r} does not compile: {e}") from e

    def finditer(self, text: str) -> list[tuple[int, int, float]]:
        """Return ``(start, end, score)`` for every validated match in ``text``.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of tuple
        """
        compiled, trigger = _compile(self.regex, self.flags, self.trigger)
        if trigger is not None and trigger.search(text) is None:
            return []
        out = []
        pos = 0
        while (m := compiled.search(text, pos)) is not None:
            # a rejected match must not hide one that overlaps it: "add me on snap its kai_07"
            # first matches "add me on snap" (not a handle), then "snap its kai_07"
            pos = m.start() + 1
            if "pii" in compiled.groupindex:
                start, end = m.span("pii")
            else:
                start, end = m.span()
            if start < 0 or end <= start:
                continue
            score = self.score
            if self.validate is not None:
                verdict = self.validate(text[start:end])
                if verdict is False or verdict == 0:
                    continue
                if verdict is not True:
                    score = float(verdict)
            out.append((start, end, score))
            pos = max(pos, m.end())
        return out


@functools.cache
def _compile(regex: str, flags: int,
             trigger: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    return re.compile(regex, flags), (re.compile(trigger, _I) if trigger else None)
