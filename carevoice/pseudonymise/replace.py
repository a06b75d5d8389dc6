"""Replace detected spans: tags, realistic surrogates or redaction, keyed and deterministic.

This module never imports spaCy: it takes a comments frame and a spans frame (from any detector,
or edited by hand) and returns the pseudonymised texts plus the occurrences that make up the
re-identification key.

The same entity (same label, same text up to case and spacing; a person's name as the detector
reads it, "J4ck" as "Jack") gets the same replacement across the corpus. Entities are
identified by an HMAC-SHA256 of the label and normalised text under a project secret, so the
identifiers cannot be reversed by hashing guessed names; realistic
surrogates are drawn from Faker seeded with that HMAC, so the same secret gives the same
surrogate in every wave of a survey.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets as _secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError, format_ids
from ..schema import COMMENT_ID, TEXT
from ._base import as_text, check_comments
from ._words import TITLE_WORDS
from .boundaries import TAG_WORDS
from .identifiers import identifier_key, reference_digits
from .normalise import fold_text
from .surrogates import split_possessive

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MAPPING_COLUMNS",
    "MODES",
    "OCCURRENCE_COLUMNS",
    "TAG_STYLES",
    "ReplaceConfig",
    "Replacer",
    "after_title",
    "as_secret",
    "entity_id",
    "normalise_entity",
    "replace_spans",
    "span_mentions",
]

#: The replacement modes.
MODES: tuple[str, ...] = ("tags", "surrogates", "redact")
#: The styles of tags: ``[PERSON_1]`` or ``[Person 1]``.
TAG_STYLES: tuple[str, ...] = ("label", "words")

#: Columns of the occurrence table that makes up the re-identification key.
OCCURRENCE_COLUMNS: tuple[str, ...] = (
    COMMENT_ID, "start", "end", "label", "entity_id", "original", "replacement", "out_start",
    "out_end",
)

#: Columns of the entity table a key carries for the next survey wave (no original text):
#: ``kind`` is ``"entity"`` (``key`` an entity id, ``value`` its replacement) or a name part's
#: role in surrogates mode (``"given"``, ``"surname"``; ``key`` a keyed hash of the part).
MAPPING_COLUMNS: tuple[str, ...] = ("kind", "key", "label", "value")


@dataclass(frozen=True)
class ReplaceConfig:
    """How spans are replaced.

    Parameters
    ----------
    mode : {"tags", "surrogates", "redact"}, default "tags"
        ``"tags"``: ``[PERSON_1]``, numbered per label in order of first appearance;
        ``"surrogates"``: realistic fictional values of the same shape (a first name for a first
        name, a phone number for a phone number);
        ``"redact"``: the ``redaction`` string.
    redaction : str, default "[REDACTED]"
        The replacement in ``"redact"`` mode (not empty).
    locale : str, default "en_GB"
        The Faker locale of surrogate places, streets, organisations, postcodes and user
        names. People's surrogate names always come from the British, Irish, New Zealand and
        US name lists (:func:`carevoice.pseudonymise.surrogates.name_pools`).
    tag_style : {"label", "words"}, default "label"
        ``"label"``: ``[PERSON_1]``, ``[LOCATION_2]``; ``"words"``: ``[Person 1]``,
        ``[Place 2]``, easier to read in a published quote.

    Examples
    --------
    >>> ReplaceConfig(mode="surrogates").mode
    'surrogates'
    """

    mode: str = "tags"
    redaction: str = "[REDACTED]"
    locale: str = "en_GB"
    tag_style: str = "label"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(f"The 'mode' parameter must be one of {list(MODES)}. "
                             f"Got {self.mode!r} instead.")
        if not isinstance(self.redaction, str) or not self.redaction.strip():
            raise InputError("The 'redaction' parameter must be a non-empty str. "
                             f"Got {self.redaction!r}.")
        if self.tag_style not in TAG_STYLES:
            raise InputError(f"The 'tag_style' parameter must be one of {list(TAG_STYLES)}. "
                             f"Got {self.tag_style!r} instead.")
        if not isinstance(self.locale, str) or not self.locale:
            raise InputError(f"The 'locale' parameter must be a Faker locale such as 'en_GB'. "
                             f"Got {self.locale!r}.")
        if self.locale != "en_GB":
            from faker.config import AVAILABLE_LOCALES

            if self.locale not in AVAILABLE_LOCALES:
                raise InputError(f"The 'locale' parameter must be a Faker locale such as "
                                 f"'en_GB' or 'en_IE'. Got {self.locale!r}.")


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
    """Normalise an entity's text for grouping: read as the detectors read it
    (:func:`~carevoice.pseudonymise.normalise.fold_text`: curly apostrophes straight,
    invisible characters dropped, accents composed, full-width and look-alike letters as
    plain ones), case-folded, single spaces, no possessive.

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
    >>> normalise_entity("O\u2019Brien") == normalise_entity("o'brien")
    True
    """
    return _POSSESSIVE.sub("", " ".join(fold_text(text).split())).casefold()


def _entity_key(label: str, text: str) -> str:
    """The text an entity is grouped by: for a phone number, postcode or ID written in
    characters, its reading as a number (:func:`~.identifiers.identifier_key`: "07700
    900123" and "+44 7700 9OO123" are one number, "CR-2291-0047" and "cr 229I 0047" one
    reference); for a person, the name as the detector reads it (:func:`_person_text`: "J4ck"
    and "Jack" are one person, "jessssica" and "Jessica" one); else :func:`normalise_entity`."""
    key = identifier_key(label, text)
    if key:
        return key
    return normalise_entity(_person_text(text) if label == "PERSON" else text)


def _person_text(text: str) -> str:
    """A person's name as the detectors read it, spelt in letters
    (:func:`~carevoice.pseudonymise.normalise.fold_text`, then
    :func:`~carevoice.pseudonymise._name_forms.name_reading`: "J4ck" -> "Jack", "Saaaam" ->
    "Sam"), in the case it is written in."""
    from ._name_forms import name_reading

    return name_reading(fold_text(text))


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
    >>> entity_id(b"0" * 32, "PHONE", "07700 900123") == entity_id(b"0" * 32, "PHONE",
    ...                                                             "+44 7700 900123")
    True
    """
    message = f"carevoice.entity.v1\x1f{label}\x1f{_entity_key(label, text)}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


#: A title just before a span: the name after it is a surname ("Mrs [Okafor]").
_TITLE_BEFORE = re.compile(rf"\b(?:{TITLE_WORDS})\.?\s+$", re.IGNORECASE)
#: Words before "miss" that make it the verb ("i miss Amelia"), not the title ("Miss Patel").
_MISSING = frozenset("""i we you they he she really so will still always dont don't do does
    did to gonna would could""".split())


def after_title(text: str, start: int) -> bool:
    """Whether a title ("Mrs", "Dr", "Miss") stands just before ``text[start:]``.

    Examples
    --------
    >>> after_title("ask Mrs Okafor", 8), after_title("i miss Amelia", 7)
    (True, False)
    """
    m = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    if m is None:
        return False
    if m.group(0).strip().rstrip(".").lower() == "miss":
        before = re.findall(r"[\w']+", text[max(0, m.start() - 20):m.start()].lower())
        return not (before and before[-1] in _MISSING)
    return True


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


#: A word of an entity or a surrogate (letters only), as checked against the data's names.
_WORD = re.compile(r"[^\W\d_]+")
#: The number of a tag ("[PERSON_3]", "[Person 3]").
_TAG_NUMBER = re.compile(r"[_ ](\d+)\]$")


def _capitalised(name: str) -> str:
    """Each part of a name with a capital first letter ("kai o'neill" -> "Kai O'neill")."""
    return _WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower()
                     if m.group(0).islower() or m.group(0).isupper() else m.group(0), name)


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
    previous : pandas.DataFrame, optional
        A previous wave's entity table (:data:`MAPPING_COLUMNS`, from
        :attr:`carevoice.pseudonymise.ReidentificationKey.mapping`, made under the same secret):
        its entities keep their tags (new ones are numbered after them) or surrogates, and no
        new entity gets a surrogate it used.

    Examples
    --------
    >>> r = Replacer(b"s" * 32)
    >>> r.replace("Kai", "PERSON")[1], r.replace("kai", "PERSON")[1], r.replace("Bev", "PERSON")[1]
    ('[PERSON_1]', '[PERSON_1]', '[PERSON_2]')
    """

    def __init__(self, secret: bytes, config: ReplaceConfig | None = None, *,
                 previous: pd.DataFrame | None = None) -> None:
        self.secret = secret
        self.config = config or ReplaceConfig()
        self._by_id: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._used: set[str] = set()
        self._avoid: set[str] = set()
        self._faker: Any = None
        self._carried: dict[str, tuple[str, str]] = {}
        parts: dict[str, str] = {}
        for kind, key, label, value in ([] if previous is None else previous[
                list(MAPPING_COLUMNS)].itertuples(index=False)):
            if kind == "entity":
                self._carried[str(key)] = (str(label), str(value))
                self._used.add(str(value).casefold())
                number = _TAG_NUMBER.search(str(value))
                if number and self.config.mode == "tags":
                    self._counts[str(label)] = max(self._counts.get(str(label), 0),
                                                   int(number.group(1)))
            elif kind in ("given", "surname"):
                parts[str(key)] = str(value)
                self._used.add(str(value).casefold())
        self._namer: Any = None
        self._carried_parts = parts
        self._carried_roles = {str(k): str(kind) for kind, k, _, _ in (
            [] if previous is None else previous[list(MAPPING_COLUMNS)].itertuples(index=False))
            if kind in ("given", "surname")}
        self._titled: dict[str, bool] = {}

    # -- public ------------------------------------------------------------------------------
    def plan(self, mentions: Iterable[tuple[str, str, bool, str, str]]) -> None:
        """Choose every surrogate of a run before any is written (surrogates mode only).

        With all entities known, no surrogate is a word of any entity found in the data, and
        the choice depends on the set of entities, not on the order the comments come in.

        Parameters
        ----------
        mentions : iterable of (str, str, bool, str, str)
            Each span's text, label, whether a title stands before it, and the text just
            before and after it.
        """
        if self.config.mode != "surrogates":
            return
        mentions = list(mentions)
        mentions = [(fold_text(original), *rest) for original, *rest in mentions]
        for original, label, _, _, _ in mentions:
            # "J4ck": "jack" is a name in the data too, not only the letters "j" and "ck"
            words = _WORD.findall(original) + (
                _WORD.findall(_person_text(original)) if label == "PERSON" else [])
            self._avoid.update(w.casefold() for w in words if len(w) >= 2)
        people: dict[str, tuple[str, bool, list[tuple[str, str]]]] = {}
        others: dict[str, tuple[str, str]] = {}
        for original, label, after_title, before, after in mentions:
            if label == "PERSON":
                core, _ = split_possessive(original)
                eid = entity_id(self.secret, label, core)
                core = _person_text(core)  # "J4ck" is named as "Jack" is
                _, titled, contexts = people.get(eid, (core, False, []))
                people[eid] = (core, titled or after_title, [*contexts, (before, after)])
            else:
                others.setdefault(entity_id(self.secret, label, original), (original, label))
        namer = self._person_namer()
        namer.plan(people.values())
        for eid in sorted(people):
            core, titled, _ = people[eid]
            self._titled[eid] = titled
            self._person(eid, core, titled)
        for eid in sorted(others):
            original, label = others[eid]
            self._other(eid, original, label)

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
            is a surname and gets a surname surrogate ("Mrs Okafor" -> "Mrs Bennett").

        Returns
        -------
        tuple of (str, str)
        """
        suffix = ""
        if label == "PERSON":  # "Kai's", "jaydens house": the ending stays after the mask
            original, suffix = split_possessive(original)
        eid = entity_id(self.secret, label, original)
        mode = self.config.mode
        if mode == "redact":
            return eid, self.config.redaction + suffix
        if mode == "tags":
            if eid not in self._by_id:
                carried = self._carried.get(eid)
                number = _TAG_NUMBER.search(carried[1]) if carried else None
                if number:
                    n = int(number.group(1))
                else:
                    n = self._counts[label] = self._counts.get(label, 0) + 1
                self._by_id[eid], self._labels[eid] = self._tag(label, n), label
            return eid, self._by_id[eid] + suffix
        # a surrogate is built from the text as the detectors read it: "Me\u0301lanie" (an
        # accent stored apart) is one word, "Jay\u200bden" one name, full-width letters plain
        shown = fold_text(original)
        if label == "PERSON":  # "J4ck" gets the surrogate of "Jack", in its case
            value = self._person(eid, _person_text(shown), after_title, occurrence=True)
        else:
            value = _match_case(self._other(eid, shown, label), shown)
        return eid, value + suffix

    def mapping(self) -> pd.DataFrame:
        """Every entity's replacement (this run's and those carried over), and in surrogates
        mode every name part's, as :data:`MAPPING_COLUMNS` (keyed hashes, no original text).

        Returns
        -------
        pandas.DataFrame
        """
        import pandas as pd

        rows = {eid: ("entity", eid, label, value) for eid, (label, value) in
                self._carried.items()}
        rows.update({eid: ("entity", eid, self._labels[eid], value)
                     for eid, value in self._by_id.items()})
        out = list(rows.values())
        parts, roles = dict(self._carried_parts), dict(self._carried_roles)
        if self._namer is not None:
            parts.update(self._namer.parts)
            roles.update(self._namer.roles_of)
        out.extend((roles[k], k, "PERSON", v) for k, v in parts.items())
        return pd.DataFrame(out, columns=list(MAPPING_COLUMNS), dtype=object)

    @property
    def redrawn(self) -> int:
        """How many entities of this run carried over from a previous wave got a surrogate
        other than the one they had (it had become a real name or word in the data)."""
        return sum(eid in self._by_id and self._by_id[eid] != value
                   for eid, (_, value) in self._carried.items())

    # -- internals ---------------------------------------------------------------------------
    def _tag(self, label: str, n: int) -> str:
        if self.config.tag_style == "words":
            return f"[{TAG_WORDS.get(label, label.title())} {n}]"
        return f"[{label}_{n}]"

    def _fake(self) -> Any:
        if self._faker is None:
            from faker import Faker

            self._faker = Faker(self.config.locale)
        return self._faker

    def _person_namer(self) -> Any:
        if self._namer is None:
            from .surrogates import PersonNamer

            self._namer = PersonNamer(self.secret, avoid=self._avoid, used=self._used,
                                      carried=self._carried_parts)
        return self._namer

    def _person(self, eid: str, core: str, after_title: bool, *, occurrence: bool = False
                ) -> str:
        """A person's surrogate: the carried one if it is still free of the data's names, else
        built part by part; in the case of ``core`` when ``occurrence``."""
        namer = self._person_namer()
        after_title = after_title or self._titled.get(eid, False)
        if eid not in self._by_id:
            carried = self._carried.get(eid)
            value = carried[1] if carried else None
            if value is not None and any(w.casefold() in self._avoid
                                         for w in _WORD.findall(value)):
                value = None  # now a real name or word in the data: drawn again
            if value is None:
                value = namer.compose(_capitalised(core), after_title=after_title)
                self._used.add(value.casefold())
            self._by_id[eid], self._labels[eid] = value, "PERSON"
            self._titled[eid] = after_title
        if not occurrence:
            return self._by_id[eid]
        if eid in self._carried and self._by_id[eid] == self._carried[eid][1]:
            return _match_case(self._by_id[eid], core)  # as the earlier wave had it
        return namer.compose(core, after_title=after_title)

    def _other(self, eid: str, original: str, label: str) -> str:
        if eid in self._by_id:
            return self._by_id[eid]
        carried = self._carried.get(eid)
        value = carried[1] if carried else None
        if value is not None and not self._free_of_data(value, original):
            value = None  # now a real name or word in the data: drawn again
        if value is None:
            value = self._surrogate(eid, original, label)
            self._used.add(value.casefold())
        self._by_id[eid], self._labels[eid] = value, label
        return value

    def _free_of_data(self, value: str, original: str) -> bool:
        """Whether ``value`` holds no word of an entity in the data (words it keeps from
        ``original``, such as "Lodge" or "Road", aside)."""
        kept = {w.casefold() for w in _WORD.findall(original)}
        return not any(w.casefold() in self._avoid and w.casefold() not in kept
                       for w in _WORD.findall(value))

    def _surrogate(self, eid: str, original: str, label: str) -> str:
        if label == "OTHER_SCRIPT":  # no surrogate made up in a script no one here reads
            return "[other script]"
        fake = self._fake()
        unique = label != "DATE"  # two dates may shift to one; two places may not be one
        for attempt in range(50):
            seed = int(eid[:16], 16) + attempt
            fake.seed_instance(seed)
            value = self._shape(fake, random.Random(seed), original, label)
            if _entity_key(label, value) == _entity_key(label, original):
                continue  # the original itself, also spaced or typed another way
            if unique and (value.casefold() in self._used
                           or not self._free_of_data(value, original)):
                continue
            return value
        # 50 draws taken (more phone numbers than the 1,000 of the drama range, say): a
        # numbered tag is unique and never the original
        self._counts[f"fallback:{label}"] = self._counts.get(f"fallback:{label}", 0) + 1
        return self._tag(label, self._counts[f"fallback:{label}"])

    @staticmethod
    def _shape(fake: Any, rng: random.Random, original: str, label: str) -> str:
        if label == "PERSON":  # pragma: no cover - people are built by _person
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
        # ID and anything else: same shape, other characters; a letter typed for a digit is
        # a digit ("cr 229I 0047" is drawn as "ab 1234 5678"), as the forms are grouped
        if label == "ID":
            original = reference_digits(original)
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
                  config: ReplaceConfig | None = None, replacer: Replacer | None = None,
                  plan: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    replacer : Replacer, optional
        A replacer to use (one that carries a previous wave's entities, say) instead of a new
        one made from ``secret`` and ``config``, which are then ignored.
    plan : bool, default True
        In surrogates mode, choose the surrogates from these comments' spans first
        (:meth:`Replacer.plan`). False only for a ``replacer`` already planned with the spans
        of a whole corpus (:func:`span_mentions`) that is replaced piece by piece, as the
        batch runner does: then every piece gets the surrogates of a run in one piece.

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
    replacer = replacer if replacer is not None else Replacer(as_secret(secret), config)
    out = comments.copy(deep=True)
    by_comment = _spans_by_comment(spans)
    ids = [str(c) for c in comments[COMMENT_ID].tolist()]
    unknown = sorted(set(by_comment) - set(ids))
    if unknown:
        raise InputError(f"The 'spans' frame names comments that are not in 'comments': "
                         f"{format_ids(unknown)}.")
    texts = comments[TEXT].tolist()
    if plan and replacer.config.mode == "surrogates":
        replacer.plan(_mentions(ids, texts, by_comment))
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
                after_title=after_title(text, start))
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


def span_mentions(comments: pd.DataFrame, spans: pd.DataFrame
                  ) -> list[tuple[str, str, bool, str, str]]:
    """Return the mentions :meth:`Replacer.plan` takes, of the spans of ``comments``.

    Planning a replacer with the mentions of every piece of a corpus, in the corpus's order,
    then replacing the pieces with ``replace_spans(..., replacer=r, plan=False)`` gives the
    surrogates of :func:`replace_spans` over the corpus in one piece.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Spans of these comments, with ``comment_id``, ``start``, ``end``, ``label``.

    Returns
    -------
    list of (str, str, bool, str, str)
        Each span's text, label, whether a title stands before it, and the text just before
        and after it (original text: keep it in memory only).

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["ask Mrs Okafor"]})
    >>> spans = pd.DataFrame({"comment_id": ["c1"], "start": [8], "end": [14],
    ...                       "label": ["PERSON"]})
    >>> span_mentions(comments, spans)
    [('Okafor', 'PERSON', True, 'ask Mrs ', '')]
    """
    by_comment = _spans_by_comment(spans)
    ids = [str(c) for c in comments[COMMENT_ID].tolist()]
    return list(_mentions(ids, comments[TEXT].tolist(), by_comment))


def _spans_by_comment(spans: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    """Each comment's spans as ``(start, end, label)``, keyed by ``comment_id`` as text."""
    by_comment: dict[str, list[tuple[int, int, str]]] = {}
    for cid, start, end, label in zip(spans[COMMENT_ID].map(str), spans["start"], spans["end"],
                                      spans["label"], strict=True):
        by_comment.setdefault(cid, []).append((int(start), int(end), str(label)))
    return by_comment


def _mentions(ids: list[str], texts: list[Any], by_comment: dict[str, list[tuple[int, int, str]]]
              ) -> Iterable[tuple[str, str, bool, str, str]]:
    """Every span's text, label, whether a title stands before it, and its surroundings."""
    for cid, value in zip(ids, texts, strict=True):
        found = by_comment.get(cid)
        if not found:
            continue
        text = as_text(value)
        for start, end, label in found:
            if 0 <= start < end <= len(text):
                yield (text[start:end], label,
                       after_title(text, start),
                       text[max(0, start - 40):start], text[end:end + 60])
