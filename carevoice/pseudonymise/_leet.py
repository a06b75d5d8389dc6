"""Digits and signs typed for letters ("J4ck", "r0sie", "K@te") and digits typed for their
sound ("gr8", "2day", "any1"): the one table and reader that the name detector
(:func:`carevoice.pseudonymise._name_forms.digit_reading`), the grouping of a person's
mentions (:func:`carevoice.pseudonymise._name_forms.name_reading`) and the review screen
(:mod:`carevoice.pseudonymise.leak_shapes`) share.
"""

from __future__ import annotations

import itertools

__all__ = ["LETTERS", "SOUNDS", "digit_readings"]

#: The letters a digit or sign is typed for, the likelier first ("J4ck", "S0phie", "M1lly",
#: "l1ly", "K@te", "Ab6y", "Li2").
LETTERS: dict[str, tuple[str, ...]] = {
    "4": ("a",), "@": ("a",), "3": ("e",), "1": ("i", "l"), "0": ("o",), "5": ("s",),
    "$": ("s",), "7": ("t",), "8": ("b",), "9": ("g",), "6": ("g", "b"), "2": ("z",)}

#: What a digit sounds like in text-speak ("any1", "gr8", "l8r", "4ever", "2day", "K8lyn").
SOUNDS: dict[str, tuple[str, ...]] = {
    "1": ("one",), "2": ("to", "too"), "4": ("for", "fore"), "8": ("ate",)}


def digit_readings(word: str, *, letters: bool = True, sounds: bool = False,
                   keep: bool = False, limit: int = 16) -> list[str]:
    """Every reading of ``word`` with its digits and signs typed for letters or sounds.

    Parameters
    ----------
    word : str
        Letters, digits and signs, without spaces.
    letters : bool, default True
        Read a digit or sign as the letters it is typed for (:data:`LETTERS`).
    sounds : bool, default False
        Read a digit as its sound too (:data:`SOUNDS`).
    keep : bool, default False
        Keep a character read as nothing as it is; else ``word`` has no reading at all
        (an empty list).
    limit : int, default 16
        At most this many readings, in the order of the tables.

    Returns
    -------
    list of str
        The readings; letters typed for a digit are in capitals where every letter of
        ``word`` is ("J4CK" -> "JACK").

    Examples
    --------
    >>> digit_readings("J4ck"), digit_readings("l1ly")
    (['Jack'], ['lily', 'llly'])
    >>> digit_readings("gr8", letters=False, sounds=True)
    ['grate']
    >>> digit_readings("2day"), digit_readings("2day", sounds=True, limit=2)
    (['zday'], ['zday', 'today'])
    >>> digit_readings("x%y"), digit_readings("x%y", keep=True)
    ([], ['x%y'])
    """
    shout = all(c.isupper() for c in word if c.isalpha())
    options = []
    for c in word:
        if c.isalpha():
            options.append((c,))
            continue
        read = (LETTERS.get(c, ()) if letters else ()) + (SOUNDS.get(c, ()) if sounds else ())
        if read:
            options.append(tuple(x.upper() if shout else x for x in read))
        elif keep:
            options.append((c,))
        else:
            return []
    return ["".join(p) for p in itertools.islice(itertools.product(*options), limit)]
