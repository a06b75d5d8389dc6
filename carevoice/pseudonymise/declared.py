"""Comments pseudonymised for the models, and comments said to be pseudonymised already.

:func:`pseudonymised_copy` is how carevoice pseudonymises comments it was given as written
before a model reads them (``carevoice code`` and ``discover``,
:class:`carevoice.discover.ThemeDiscovery`): tags mode, deterministic, no re-identification key
kept.

:func:`check_pseudonymised` is the cheap check behind ``--already-pseudonymised``: it runs only
the patterns for direct identifiers (phone numbers, e-mail addresses, postcodes, NHS and
National Insurance numbers; regular expressions and checksums, no model) and refuses text in
which they find one. Text that has been through :func:`carevoice.pseudonymise.pseudonymise` in
tags or redact mode has none left. Surrogates mode writes realistic values of the same shape:
its phone numbers (Ofcom's drama range, 07700 900xxx) and e-mail addresses (at example.com)
belong to no one and are not counted, but its postcodes and NHS and National Insurance numbers
cannot be told from real ones, so such text is refused too; let carevoice pseudonymise it again
(leave the flag out), which masks them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import MAX_IDS_SHOWN, InputError, format_ids
from ..schema import COMMENT_ID, TEXT
from ._pattern import Pattern
from .normalise import fold_text
from .patterns import PATTERNS, PatternDetector

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DIRECT_IDENTIFIER_PATTERNS", "NotPseudonymisedError", "check_pseudonymised",
           "direct_identifiers", "pseudonymised_copy"]

_ID_PATTERNS = ("nhs_number", "nhs_context", "nhs_context_far", "nhs_grouped_mentioned",
                "ni_number")

#: The patterns :func:`check_pseudonymised` runs: every phone, e-mail and postcode pattern of
#: :data:`carevoice.pseudonymise.PATTERNS`, and those of NHS and National Insurance numbers.
DIRECT_IDENTIFIER_PATTERNS: tuple[Pattern, ...] = tuple(
    p for p in PATTERNS if p.label in ("PHONE", "EMAIL", "POSTCODE") or p.name in _ID_PATTERNS)

_WORDS = {"PHONE": "phone number", "EMAIL": "e-mail address", "POSTCODE": "postcode",
          "NHS": "NHS number", "NI": "National Insurance number"}

#: What the surrogates mode writes for a phone number (digits only) and an e-mail address.
_SURROGATE_PHONE = re.compile(r"(?:0|44)?7700900\d{3}")
_SURROGATE_EMAIL = re.compile(r".*@example\.com", re.IGNORECASE)


class NotPseudonymisedError(InputError):
    """Text said to be pseudonymised holds a direct identifier (see
    :func:`check_pseudonymised`)."""


def pseudonymised_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text pseudonymised in tags mode (deterministic; no key is kept).

    Parameters
    ----------
    frame : pandas.DataFrame
        With ``comment_id`` and ``text``; other columns are kept as they are.

    Returns
    -------
    pandas.DataFrame
        A copy; names, places, numbers and the like in ``text`` are tags (``[PERSON_1]``).
    """
    from .core import pseudonymise

    safe = pseudonymise(frame[[COMMENT_ID, TEXT]]).comments
    return frame.assign(**{TEXT: safe[TEXT].to_numpy()})


def _kind(label: str, detector: str) -> str:
    """PHONE, EMAIL, POSTCODE, NHS or NI (the ID patterns told apart by name)."""
    if label != "ID":
        return label
    return "NI" if detector.endswith(":ni_number") else "NHS"


def _surrogate(label: str, value: str) -> bool:
    if label == "PHONE":
        return bool(_SURROGATE_PHONE.fullmatch(re.sub(r"\D", "", value)))
    return label == "EMAIL" and bool(_SURROGATE_EMAIL.fullmatch(value.strip()))


def direct_identifiers(texts: pd.DataFrame, *, id_column: str = COMMENT_ID) -> pd.DataFrame:
    """Which texts hold a direct identifier: a phone number, e-mail address, postcode, NHS or
    National Insurance number (:data:`DIRECT_IDENTIFIER_PATTERNS`).

    The values the surrogates mode writes for phone numbers and e-mail addresses are not
    counted (see the module's description). Fast: regular expressions and checksums only.

    Parameters
    ----------
    texts : pandas.DataFrame
        With ``id_column`` and ``text``; missing text holds nothing.
    id_column : str, default "comment_id"
        The column that names each text.

    Returns
    -------
    pandas.DataFrame
        ``id_column`` and ``label`` (PHONE, EMAIL, POSTCODE, NHS or NI), one row per text and
        kind found, in the order of ``texts``. Never the text.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a", "b", "c"],
    ...                       "text": ["ring 020 7946 0123", "[PHONE_1] and [PERSON_1]",
    ...                                "ring 07700 900123"]})
    >>> direct_identifiers(frame).values.tolist()
    [['a', 'PHONE']]
    """
    import pandas as pd

    missing = [c for c in (id_column, TEXT) if c not in texts.columns]
    if missing:
        raise InputError(f"The 'texts' argument of direct_identifiers needs the columns "
                         f"{missing}.")
    detector = PatternDetector(patterns=DIRECT_IDENTIFIER_PATTERNS, name="direct")
    rows: list[tuple[Any, str]] = []
    for ident, text in zip(texts[id_column].tolist(), texts[TEXT].tolist(), strict=True):
        if not isinstance(text, str) or not text.strip():
            continue
        # read as the detectors read it: a phone number with a narrow no-break space or an en
        # dash, a postcode with a zero-width space, full-width digits
        text = fold_text(text)
        labels = {_kind(s.label, s.detector) for s in detector.find(str(ident), text)
                  if not _surrogate(s.label, text[s.start:s.end])}
        rows.extend((ident, label) for label in sorted(labels))
    return pd.DataFrame(rows, columns=[id_column, "label"])


def check_pseudonymised(texts: pd.DataFrame, *, declared: str = "text_is_pseudonymised=True",
                        what: str = "the comments", id_column: str = COMMENT_ID
                        ) -> dict[str, Any]:
    """Refuse text said to be pseudonymised in which a direct identifier is still found.

    A sanity check, not a proof: it looks only for phone numbers, e-mail addresses, postcodes,
    NHS and National Insurance numbers (:func:`direct_identifiers`), so text with none of them
    may still hold names. It catches the usual mistake, the original file given where the
    pseudonymised one was meant. ``carevoice report``, ``discover``, ``code`` and
    ``export-qdpx`` run it on ``--already-pseudonymised``.

    Parameters
    ----------
    texts : pandas.DataFrame
        With ``id_column`` and ``text``.
    declared : str, default "text_is_pseudonymised=True"
        What said the text is pseudonymised (the option, or the argument), for the message.
    what : str, default "the comments"
        What the texts are, for the message.
    id_column : str, default "comment_id"
        The column that names each text in the message (never the text itself).

    Returns
    -------
    dict
        What was checked, for a manifest: ``{"looked_for": [...], "checked": n, "found": 0}``.

    Raises
    ------
    NotPseudonymisedError
        Naming every text (by ``id_column``) that holds one, and what it holds.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a", "b"],
    ...                       "text": ["my postcode is [POSTCODE_1]", "n/a"]})
    >>> check_pseudonymised(frame)["found"]
    0
    >>> raw = pd.DataFrame({"comment_id": ["c7"], "text": ["moving to S70 2JP"]})
    >>> check_pseudonymised(raw, declared="--already-pseudonymised")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    carevoice.pseudonymise.declared.NotPseudonymisedError: --already-pseudonymised says the comments are pseudonymised, but 1 of them does not look it: it holds a direct identifier (c7: postcode). ...
    """  # noqa: E501
    found = direct_identifiers(texts, id_column=id_column)
    record = {"looked_for": ["phone numbers", "e-mail addresses", "postcodes", "NHS numbers",
                             "National Insurance numbers"],
              "checked": int(texts[TEXT].notna().sum()), "found": len(found)}
    if not len(found):
        return record
    by_text: dict[Any, list[str]] = {}
    for ident, label in found.itertuples(index=False, name=None):
        by_text.setdefault(ident, []).append(_WORDS[label])
    items = list(by_text.items())
    shown = "; ".join(f"{format_ids([ident])}: {', '.join(labels)}"
                      for ident, labels in items[:MAX_IDS_SHOWN])
    if len(items) > MAX_IDS_SHOWN:
        shown += f"; and {len(items) - MAX_IDS_SHOWN} more"
    n = len(by_text)
    raise NotPseudonymisedError(
        f"{declared} says {what} are pseudonymised, but {n} of them "
        f"{'does' if n == 1 else 'do'} not look it: {'it holds' if n == 1 else 'they hold'} "
        f"a direct identifier ({shown}). Leave {declared} out, and carevoice pseudonymises the "
        "text first, or pseudonymise the file with `carevoice pseudonymise` and review it. "
        "Text pseudonymised in surrogates mode has realistic postcodes and NHS and National "
        "Insurance numbers, which this check cannot tell from real ones: leave the option out "
        "for it too.")
