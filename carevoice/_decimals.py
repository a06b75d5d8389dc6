"""Numbers written with a decimal comma (``6,5``), as Excel saves them where the comma is the
decimal mark.

Excel in much of Europe saves CSV with ``;`` between values and a comma in numbers. carevoice
detects the ``;`` (:func:`carevoice._files.detect_separator`); in such a file, a column whose
answers are all numbers, some written with a decimal comma, is read as numbers, with a notice
naming the column. Elsewhere (a comma-separated file where ``"6,5"`` is quoted, a workbook
whose cells hold such text) the column stays text, with a warning, since a comma there may
join several answers. A column whose comma numbers all look like thousands (``1,500``,
``12,000``) stays text everywhere, with a warning: ``1,500`` is 1.5 in one locale and 1500 in
another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["comma_number", "decimal_comma_kind", "from_decimal_comma"]

#: A number that has a decimal comma (one comma, digits on both sides).
_COMMA = re.compile(r"^[+-]?\d+,\d+$")
#: A number with a decimal point or none.
_POINT = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
#: A comma number that reads as well with a thousands separator.
_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")


def comma_number(value: Any) -> bool:
    """Whether ``value`` is text holding a number with a decimal comma (``"6,5"``).

    Examples
    --------
    >>> comma_number("6,5"), comma_number(" -0,75 "), comma_number("6.5"), comma_number("1,2,3")
    (True, True, False, False)
    """
    return isinstance(value, str) and bool(_COMMA.match(value.strip()))


def decimal_comma_kind(values: Iterable[Any]) -> str | None:
    """Whether answers are numbers some of which are written with a decimal comma.

    Parameters
    ----------
    values : iterable
        The answers given (text; no missing values).

    Returns
    -------
    str or None
        ``"decimal"`` when every answer is a number and some have a decimal comma,
        ``"ambiguous"`` when, besides, every comma could be a thousands separator (``1,500``),
        ``None`` otherwise.

    Examples
    --------
    >>> decimal_comma_kind(["6,5", "7", "8,0"]), decimal_comma_kind(["1,500", "2,000"])
    ('decimal', 'ambiguous')
    >>> decimal_comma_kind(["6.5", "7"]), decimal_comma_kind(["6,5", "don't know"])
    (None, None)
    """
    commas = 0
    thousands = True
    for value in values:
        text = str(value).strip()
        if _COMMA.match(text):
            commas += 1
            thousands = thousands and bool(_THOUSANDS.match(text))
        elif not _POINT.match(text):
            return None
    if not commas:
        return None
    return "ambiguous" if thousands else "decimal"


def from_decimal_comma(value: Any) -> Any:
    """``"6,5"`` as ``"6.5"``; any other value as it is.

    Examples
    --------
    >>> from_decimal_comma("6,5"), from_decimal_comma("7"), from_decimal_comma(None)
    ('6.5', '7', None)
    """
    if comma_number(value):
        return value.strip().replace(",", ".")
    return value
