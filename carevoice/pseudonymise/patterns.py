"""Declarative UK patterns for contact details, identifiers, dates, addresses and named places.

Each :class:`Pattern` is a compiled regular expression plus an optional validator (a checksum,
a plausibility check or ``phonenumbers``). :class:`PatternDetector` runs a tuple of them over a
comments frame; the default tuple is :data:`PATTERNS`. Nothing here imports spaCy.

Examples
--------
>>> import pandas as pd
>>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["ring me on 07700 900123 x"]})
>>> PatternDetector().detect(comments)[["start", "end", "label"]].values.tolist()
[[11, 23, 'PHONE']]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ._base import Span, TextDetector
from ._pattern import Pattern
from .addresses import ADDRESS_PATTERNS
from .dates import DATE_PATTERNS, valid_date
from .identifiers import IDENTIFIER_PATTERNS, nhs_checksum_ok, ni_number_ok, valid_uk_phone
from .initials import INITIAL_PATTERNS
from .institutions import INSTITUTION_PATTERNS
from .scripts import SCRIPT_PATTERNS

__all__ = [
    "PATTERNS",
    "Pattern",
    "PatternDetector",
    "nhs_checksum_ok",
    "ni_number_ok",
    "valid_date",
    "valid_uk_phone",
]

#: The default patterns: identifiers, dates, addresses, named places and organisations, then
#: dotted initials and other scripts (the order does not change what is found: overlapping
#: spans are resolved afterwards).
PATTERNS: tuple[Pattern, ...] = (IDENTIFIER_PATTERNS + DATE_PATTERNS + ADDRESS_PATTERNS
                                 + INSTITUTION_PATTERNS + INITIAL_PATTERNS + SCRIPT_PATTERNS)


@dataclass(frozen=True)
class PatternDetector(TextDetector):
    """Detect personal data with declarative patterns (regular expressions plus validators).

    Parameters
    ----------
    patterns : tuple of Pattern, default PATTERNS
        The patterns to run.
    name : str, default "patterns"
        The detector name; each span's ``detector`` is ``"<name>:<pattern name>"``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a"], "text": ["my snap is jaybird_07"]})
    >>> PatternDetector().detect(frame)[["start", "end", "label"]].drop_duplicates().values.tolist()
    [[11, 21, 'HANDLE']]
    """

    patterns: tuple[Pattern, ...] = PATTERNS
    name: str = "patterns"

    def __post_init__(self) -> None:
        if not isinstance(self.patterns, tuple) or not all(
            isinstance(p, Pattern) for p in self.patterns
        ):
            raise InputError(
                "The 'patterns' parameter of PatternDetector must be a tuple of Pattern objects. "
                f"Got {type(self.patterns).__name__}."
            )

    def find(self, comment_id: str, text: str) -> list[Span]:
        spans = []
        for pattern in self.patterns:
            for start, end, score in pattern.finditer(text):
                spans.append(Span(comment_id, start, end, pattern.label, score,
                                  f"{self.name}:{pattern.name}"))
        return spans


def find_all(patterns: Sequence[Pattern], text: str) -> list[tuple[int, int, str, float, str]]:
    """Run ``patterns`` over one text.

    Parameters
    ----------
    patterns : sequence of Pattern
    text : str

    Returns
    -------
    list of tuple
        ``(start, end, label, score, pattern name)``.
    """
    return [(s, e, p.label, sc, p.name) for p in patterns for s, e, sc in p.finditer(text)]

