"""Replace detected spans: tags, realistic surrogates or redaction, keyed and deterministic.

This module never imports spaCy: it takes a comments frame and a spans frame (from any detector,
or edited by hand) and returns the pseudonymised texts plus the occurrences that make up the
re-identification key.

The same entity (same label, same text up to case and spacing) gets the same replacement across
the corpus. Entities are identified by an HMAC-SHA256 of the label and normalised text under a
project secret, so the identifiers cannot be reversed by hashing guessed names; realistic
surrogates are drawn from Faker seeded with that HMAC, so the same secret gives the same
surrogate in every wave of a survey.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets as _secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT
from ._base import as_text, check_comments
from ._words import TITLE_WORDS, TITLES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MODES",
    "OCCURRENCE_COLUMNS",
    "ReplaceConfig",
    "Replacer",
    "as_secret",
    "entity_id",
    "normalise_entity",
    "replace_spans",
]

#: The replacement modes.
MODES: tuple[str, ...] = ("tags", "surrogates", "redact")

#: Columns of the occurrence table that makes up the re-identification key.
OCCURRENCE_COLUMNS: tuple[str, ...] = (
    COMMENT_ID, "start", "end", "label", "entity_id", "original", "replacement", "out_start",
    "out_end",
)


@dataclass(frozen=True)
class ReplaceConfig:
    """How spans are replaced.

    Parameters
    ----------
    mode : {"tags", "surrogates", "redact"}, default "tags"
        ``"tags"``: ``[PERSON_1]``, numbered per label in order of first appearance;
        ``"surrogates"``: realistic fictional values of the same shape (a first name for a first
        name, a phone number for a phone number) from Faker ``en_GB``;
        ``"redact"``: the ``redaction`` string.
    redaction : str, default "[REDACTED]"
        The replacement in ``"redact"`` mode.
    locale : str, default "en_GB"
        The Faker locale of surrogates.

    Examples
    --------
    >>> ReplaceConfig(mode="surrogates").mode
    'surrogates'
    """

    mode: str = "tags"
    redaction: str = "[REDACTED]"
    locale: str = "en_GB"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(f"The 'mode' parameter must be one of {list(MODES)}. "
                             f"Got {self.mode!r} instead.")
        if not isinstance(self.redaction, str):
            raise InputError(f"The 'redaction' parameter must be a str. Got {self.redaction!r}.")
        if not isinstance(self.locale, str) or not self.locale:
            raise InputError(f"The 'locale' parameter must be a Faker locale such as 'en_GB'. "
                             f"Got {self.locale!r}.")


def as_secret(secret: bytes | str | None) -> bytes:
    """Return the project secret as bytes; ``None`` gives a fresh random one (this run only).

    Parameters
    ----------
    secret : bytes, str or None

    Returns
    -------
    bytes

    Raises
    ------
    InputError
        If the secret is shorter than 16 bytes or of another type.

    Examples
    --------
    >>> len(as_secret(None))
    32
    """
    if secret is None:
        return _secrets.token_bytes(32)
    if isinstance(secret, str):
        secret = secret.strip().encode("utf-8")
    if not isinstance(secret, bytes):
        raise InputError(
            f"The 'secret' parameter must be bytes or str. Got {type(secret).__name__}.")
    if len(secret) < 16:
        raise InputError(
            "The 'secret' parameter must hold at least 16 bytes (a long passphrase or the output "
            f"of carevoice.pseudonymise.generate_secret()). Got {len(secret)} bytes."
        )
    return secret


_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def normalise_entity(text: str) -> str:
    """Normalise an entity's text for grouping: case-folded, single spaces, no possessive.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_entity("  KAI's ")
    'kai'
    """
    return _POSSESSIVE.sub("", " ".join(text.split())).casefold()


def entity_id(secret: bytes, label: str, text: str) -> str:
    """Return the keyed identifier of an entity: HMAC-SHA256(secret, label, normalised text).

    Parameters
    ----------
    secret : bytes
    label : str
    text : str

    Returns
    -------
    str
        64 hexadecimal characters.

    Examples
    --------
    >>> a = entity_id(b"0" * 32, "PERSON", "Kai")
    >>> a == entity_id(b"0" * 32, "PERSON", "kai ") and a != entity_id(b"1" * 32, "PERSON", "Kai")
    True
    """
    message = f"carevoice.entity.v1\x1f{label}\x1f{normalise_entity(text)}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


#: A title just before a span: the name after it is a surname ("Mrs [Okafor]").
_TITLE_BEFORE = re.compile(rf"\b(?:{TITLE_WORDS})\.?\s+$", re.IGNORECASE)
_STREET = re.compile(r"\b(road|rd|street|st|lane|avenue|close|drive|way|crescent|court|place|"
                     r"terrace|gardens|grove|estate|square|mews|rise|walk|parade)\b\.?$",
                     re.IGNORECASE)
_ORG_SUFFIX = re.compile(
    r"(?:\b(?:academy|college|school|high|primary|juniors?|infants|grammar|sixth form|university|"
    r"uni|house|lodge|hall|court|grange|manor|view|centre|center|farm|cottage|children'?s home|"
    r"unit|hospital|surgery|clinic|fc|motors|place|gardens|grove|park|(?:city |county |borough |"
    r"district |metropolitan borough |town )?council)|'s \w+|'s)$",
    re.IGNORECASE)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _match_case(surrogate: str, original: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return surrogate.lower()
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return surrogate.upper()
    return surrogate


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


class Replacer:
    """Give each entity its replacement, consistently across one corpus.

    Parameters
    ----------
    secret : bytes
        The project secret (see :func:`as_secret`).
    config : ReplaceConfig, optional

    Examples
    --------
    >>> r = Replacer(b"s" * 32)
    >>> r.replace("Kai", "PERSON")[1], r.replace("kai", "PERSON")[1], r.replace("Bev", "PERSON")[1]
    ('[PERSON_1]', '[PERSON_1]', '[PERSON_2]')
    """

    def __init__(self, secret: bytes, config: ReplaceConfig | None = None) -> None:
        self.secret = secret
        self.config = config or ReplaceConfig()
        self._by_id: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._used: set[str] = set()
        self._faker: Any = None

    def replace(self, original: str, label: str, *, after_title: bool = False
                ) -> tuple[str, str]:
        """Return ``(entity_id, replacement)`` for one occurrence.

        Parameters
        ----------
        original : str
            The text of the span.
        label : str
        after_title : bool, default False
            Whether a title ("Mrs", "Dr") stands before the span, so that a one-word name
            is a surname and gets a surname surrogate ("Mrs Okafor" -> "Mrs Bennett"). Only the
            first occurrence of an entity decides its surrogate.

        Returns
        -------
        tuple of (str, str)
        """
        eid = entity_id(self.secret, label, original)
        mode = self.config.mode
        if mode == "redact":
            return eid, self.config.redaction
        if eid not in self._by_id:
            if mode == "tags":
                self._counts[label] = self._counts.get(label, 0) + 1
                self._by_id[eid] = f"[{label}_{self._counts[label]}]"
            else:
                self._by_id[eid] = self._surrogate(eid, original, label, after_title)
        value = self._by_id[eid]
        return eid, (_match_case(value, original) if mode == "surrogates" else value)

    def _fake(self) -> Any:
        if self._faker is None:
            from faker import Faker

            self._faker = Faker(self.config.locale)
        return self._faker

    def _surrogate(self, eid: str, original: str, label: str, after_title: bool = False
                   ) -> str:
        if label == "OTHER_SCRIPT":  # no surrogate made up in a script no one here reads
            return "[other script]"
        fake = self._fake()
        for attempt in range(20):
            seed = int(eid[:16], 16) + attempt
            fake.seed_instance(seed)
            value = self._shape(fake, random.Random(seed), original, label, after_title)
            if normalise_entity(value) != normalise_entity(original) and value not in self._used:
                self._used.add(value)
                return value
        # 20 collisions in a row (or a shape that keeps the original, as "christmas day 2009"
        # did before dates without numbers were handled): never write the original back.
        if normalise_entity(value) == normalise_entity(original):  # pragma: no cover
            return f"[{label}]"
        return value  # pragma: no cover

    @staticmethod
    def _shape(fake: Any, rng: random.Random, original: str, label: str,
               after_title: bool = False) -> str:
        words = original.split()
        if label == "PERSON" and after_title and len(words) == 1:
            return str(fake.last_name())
        if label == "PERSON":
            if words and words[0].lower().rstrip(".") in TITLES:  # "Mister Khan" too
                return f"{words[0]} {fake.last_name()}"
            if len(words) >= 2:
                return f"{fake.first_name()} {fake.last_name()}"
            return str(fake.first_name())
        if label == "LOCATION":
            street = _STREET.search(original)
            if street:
                return f"{fake.last_name()} {street.group(1)}"
            return str(fake.city())
        if label == "ORG":
            suffix = _ORG_SUFFIX.search(original)
            tail = suffix.group(0).lstrip() if suffix else ""
            if tail.startswith("'s"):
                return f"St {fake.first_name()}{tail}"
            return f"{fake.last_name()} {tail}".strip() if tail else f"{fake.last_name()} Group"
        if label == "PHONE":
            digits = "".join(c for c in original if c.isdigit())
            body = f"7700900{rng.randrange(1000):03d}"
            if original.lstrip().startswith("+"):
                return f"+44 {body[:4]} {body[4:]}"
            if len(digits) == 11 and digits.startswith("07"):
                return f"0{body[:4]} {body[4:]}"
            return f"0{body[:4]} {body[4:]}"
        if label == "EMAIL":
            user = f"{fake.first_name().lower()}.{fake.last_name().lower()}{rng.randrange(100)}"
            return f"{user}@example.com"
        if label == "HANDLE":
            return ("@" if original.startswith("@") else "") + str(fake.user_name())
        if label == "POSTCODE":
            code = str(fake.postcode())
            return code if " " in original else code.replace(" ", "")
        if label == "ADDRESS":
            return f"{rng.randrange(1, 120)} {fake.street_name()}"
        if label == "DATE":
            return _shift_date(original, rng)
        # ID and anything else: same shape, other characters
        return "".join(
            str(rng.randrange(10)) if c.isdigit()
            else (chr(rng.randrange(65, 91)) if c.isupper() else chr(rng.randrange(97, 123)))
            if c.isalpha() else c
            for c in original
        )


def _shift_date(original: str, rng: random.Random) -> str:
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    iso = re.fullmatch(r"((?:19|20)\d\d)-\d{1,2}-\d{1,2}", original.strip())
    if iso:  # "2008-07-03": keep the year, as for "14/03/2023"
        return f"{iso.group(1)}-{month:02d}-{day:02d}"
    out = _shift_date_parts(original, day, month)
    if out == original:  # nothing to shift ("christmas day 2009"): write a date instead
        year = re.search(r"(?:19|20)\d\d", original)
        out = f"{day} {_MONTH_NAMES[month - 1]}" + (f" {year.group()}" if year else "")
    return out


def _shift_date_parts(original: str, day: int, month: int) -> str:
    """The date with its month word or numbers replaced (unchanged if it has neither)."""
    out = re.sub(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?",
                 lambda m: (_MONTH_NAMES[month - 1] if len(m.group(0)) > 4
                            else _MONTH_NAMES[month - 1][:3]), original)
    numbers = list(re.finditer(r"\d+(?:st|nd|rd|th)?", out))
    if out == original and len(numbers) >= 2:  # numeric: day and month
        parts = [f"{day:02d}" if len(numbers[0].group()) == 2 else str(day),
                 f"{month:02d}" if len(numbers[1].group()) == 2 else str(month)]
        for m, new in sorted(zip(numbers[:2], parts, strict=True), key=lambda x: -x[0].start()):
            out = out[:m.start()] + new + out[m.end():]
        return out
    for m in numbers:
        text = m.group()
        if len(text.rstrip("stndrh")) <= 2:
            new = _ordinal(day) if text[-2:].isalpha() else str(day)
            return out[:m.start()] + new + out[m.end():]
    return out


def replace_spans(comments: pd.DataFrame, spans: pd.DataFrame, *, secret: bytes | str | None = None,
                  config: ReplaceConfig | None = None,
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Replace the spans in the comments' text.

    Overlapping spans must have been merged first (see
    :func:`carevoice.pseudonymise.resolve_spans`); overlapping input raises.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``; not modified.
    spans : pandas.DataFrame
        With ``comment_id``, ``start``, ``end``, ``label``.
    secret : bytes or str, optional
        The project secret; a random one (consistent within this call only) if omitted.
    config : ReplaceConfig, optional

    Returns
    -------
    pseudonymised : pandas.DataFrame
        A copy of ``comments`` (same index and columns) with ``text`` replaced.
    occurrences : pandas.DataFrame
        One row per replaced span with :data:`OCCURRENCE_COLUMNS` (holds the original text:
        keep it encrypted, see :func:`carevoice.pseudonymise.write_key`).

    Raises
    ------
    InputError
        If spans overlap, fall outside their comment or name unknown comments (by id).

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["me and Kai"]})
    >>> spans = pd.DataFrame({"comment_id": ["c1"], "start": [7], "end": [10],
    ...                       "label": ["PERSON"]})
    >>> replace_spans(comments, spans, secret=b"x" * 32)[0]["text"].tolist()
    ['me and [PERSON_1]']
    """
    import pandas as pd

    check_comments(comments)
    replacer = Replacer(as_secret(secret), config)
    out = comments.copy(deep=True)
    by_comment: dict[str, list[tuple[int, int, str]]] = {}
    for cid, start, end, label in zip(spans[COMMENT_ID].map(str), spans["start"], spans["end"],
                                      spans["label"], strict=True):
        by_comment.setdefault(cid, []).append((int(start), int(end), str(label)))
    ids = [str(c) for c in comments[COMMENT_ID].tolist()]
    unknown = sorted(set(by_comment) - set(ids))
    if unknown:
        raise InputError(f"The 'spans' frame names comments that are not in 'comments': "
                         f"{format_ids(unknown)}.")
    texts = comments[TEXT].tolist()
    new_texts: list[Any] = []
    rows: list[tuple[Any, ...]] = []
    bad: list[str] = []
    for cid, value in zip(ids, texts, strict=True):
        found = sorted(by_comment.get(cid, ()))
        if not found:
            new_texts.append(value)
            continue
        text = as_text(value)
        pieces: list[str] = []
        pos = out_len = 0
        ok = True
        for start, end, label in found:
            if start < pos or end <= start or end > len(text):
                ok = False
                break
            pieces.append(text[pos:start])
            out_len += start - pos
            eid, rep = replacer.replace(
                text[start:end], label,
                after_title=bool(_TITLE_BEFORE.search(text, max(0, start - 12), start)))
            rows.append((cid, start, end, label, eid, text[start:end], rep, out_len,
                         out_len + len(rep)))
            pieces.append(rep)
            out_len += len(rep)
            pos = end
        if not ok:
            bad.append(cid)
            new_texts.append(value)
            continue
        pieces.append(text[pos:])
        new_texts.append("".join(pieces))
    if bad:
        raise InputError(
            "The 'spans' frame has overlapping spans or offsets outside the text for comment(s) "
            f"{format_ids(bad)}; merge them with carevoice.pseudonymise.resolve_spans first."
        )
    dtype = comments[TEXT].dtype
    keep_dtype = dtype == object or isinstance(dtype, pd.StringDtype)
    out[TEXT] = pd.Series(new_texts, index=out.index, dtype=dtype if keep_dtype else object)
    occurrences = pd.DataFrame(rows, columns=list(OCCURRENCE_COLUMNS))
    return out, occurrences
