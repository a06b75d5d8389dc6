"""Realistic surrogate names: the pools they are drawn from, name parts, and gender cues.

A person's surrogate is built part by part: each first name of the corpus gets one surrogate
first name and each surname one surrogate surname, keyed by the project secret, so that "Sarah
Okafor", "Sarah" and "Ms Okafor" become "Amy Bennett", "Amy" and "Ms Bennett". Within a run the
maps are one-to-one (two names never share a surrogate part) and a surrogate is never a word of
any entity found in the data being pseudonymised; each part's surrogate is the first free name
in a sequence of candidates keyed by the secret and the part, and parts are served in the order
of their keyed hashes, not in the order the comments come in. Nothing here imports spaCy.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

__all__ = [
    "FEMALE_CUES",
    "MALE_CUES",
    "SURROGATE_LOCALES",
    "NamePools",
    "PersonNamer",
    "gender_from_context",
    "name_pools",
    "split_possessive",
]

#: Faker locales whose first names and surnames make up the surrogate pools; the British lists
#: (with carevoice's list of names common among children in England) are drawn from first, the
#: others only when those are used up.
SURROGATE_LOCALES: tuple[str, ...] = ("en_GB", "en_IE", "en_NZ", "en_US", "en")
_FIRST_TIER = ("en_GB",)

#: Words near a name that say a boy or man is meant ("my brother ...", "... said he").
MALE_CUES: frozenset[str] = frozenset(
    """he hes him his himself brother bro brothers son boy boyfriend bf dad daddy father uncle
    grandad granddad grandpa grandson nephew stepdad stepbrother mr lad husband""".split())
#: Words near a name that say a girl or woman is meant.
FEMALE_CUES: frozenset[str] = frozenset(
    """she shes her hers herself sister sis sisters daughter girl girlfriend gf mum mummy mam mom
    mother aunt auntie aunty nan nana nanna gran granny grandma granddaughter niece stepmum
    stepsister mrs ms wife""".split())

_NAME_SHAPE = re.compile(r"[A-Z][a-z]{2,11}")
#: A part of a name: letters, with an apostrophe inside ("O'Neill"); hyphens separate parts.
NAME_PART = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(['\u2019]s?)$", re.IGNORECASE)


class NamePools(NamedTuple):
    """Sorted surrogate pools: first names by gender, first names of either, surnames; each
    as ``(first tier, all)``."""

    male: tuple[tuple[str, ...], tuple[str, ...]]
    female: tuple[tuple[str, ...], tuple[str, ...]]
    either: tuple[tuple[str, ...], tuple[str, ...]]
    surnames: tuple[tuple[str, ...], tuple[str, ...]]


def _provider_names(attr: str, locales: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for locale in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):  # pragma: no cover - Faker version drift
            continue
        out.update(str(v) for v in (getattr(provider, attr, None) or ()))
    return {v for v in out if _NAME_SHAPE.fullmatch(v)}


@functools.cache
def name_pools() -> NamePools:
    """Return the surrogate pools (several thousand first names, a few thousand surnames).

    Names are Faker's for :data:`SURROGATE_LOCALES`, written as one capitalised word of 3 to
    12 plain letters, that are no common English word ("Hope", "Will"), role word, title or UK
    place; a name Faker lists for both sexes, or for neither, goes to ``either``. No surname is
    also a first name, so the two pools never share a surrogate. The first tier holds the
    British lists and the names common among children in England.

    Returns
    -------
    NamePools

    Examples
    --------
    >>> pools = name_pools()
    >>> len(pools.male[1]) > 1000 and len(pools.surnames[1]) > 1000
    True
    >>> set(pools.female[0]) <= set(pools.female[1])
    True
    """
    from ._words import TITLES
    from .lexicons import (
        NOT_NAMES,
        ROLE_WORDS,
        UK_CHILD_NAMES,
        WORD_NAMES,
        is_common_word,
        uk_places,
    )

    places = uk_places()

    def usable(name: str) -> bool:
        low = name.lower()
        return not (low in NOT_NAMES or low in ROLE_WORDS or low in WORD_NAMES or low in TITLES
                    or low in places or is_common_word(low, threshold=5_000))

    def names(attr: str, locales: tuple[str, ...]) -> set[str]:
        return {n for n in _provider_names(attr, locales) if usable(n)}

    male = names("first_names_male", SURROGATE_LOCALES)
    female = names("first_names_female", SURROGATE_LOCALES)
    other = names("first_names", SURROGATE_LOCALES) - male - female
    first = male | female | other
    last = names("last_names", SURROGATE_LOCALES) - first
    tier = (names("first_names", _FIRST_TIER) | names("first_names_male", _FIRST_TIER)
            | names("first_names_female", _FIRST_TIER)
            | {n.capitalize() for n in UK_CHILD_NAMES if usable(n.capitalize())})
    last_tier = names("last_names", _FIRST_TIER) - first

    def tiers(pool: set[str], first_tier: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(sorted(pool & first_tier)), tuple(sorted(pool))

    either = (male & female) | other | (tier - male - female)
    return NamePools(tiers(male - female, tier), tiers(female - male, tier),
                     tiers(either, tier), tiers(last, last_tier))


def split_possessive(original: str) -> tuple[str, str]:
    """Split a person span into the name and a possessive ending to keep after its surrogate.

    "Kai's" -> ("Kai", "'s"), "James'" -> ("James", "'"); "jaydens" -> ("jayden", "s") when
    the word is no known name and the word without its "s" is a first name.

    Parameters
    ----------
    original : str

    Returns
    -------
    tuple of (str, str)

    Examples
    --------
    >>> split_possessive("Kai's"), split_possessive("jaydens"), split_possessive("James")
    (('Kai', "'s"), ('jayden', 's'), ('James', ''))
    """
    m = _POSSESSIVE.search(original)
    if m and m.start() > 0:
        return original[:m.start()], m.group(1)
    words = original.split()
    last = words[-1] if words else ""
    if len(last) >= 4 and last[-1] in "sS" and last.isalpha():
        from .lexicons import first_names, surnames

        low = last.lower()
        if low not in first_names() and low not in surnames() and low[:-1] in first_names():
            return original[:-1], original[-1]
    return original, ""


def gender_from_context(contexts: Iterable[tuple[str, str]]) -> str | None:
    """Return ``"m"`` or ``"f"`` when the words around a name's mentions say so, else None.

    Parameters
    ----------
    contexts : iterable of (str, str)
        The text just before and just after each mention.

    Returns
    -------
    str or None

    Examples
    --------
    >>> gender_from_context([("me and my brother ", " went"), ("", " said he was")])
    'm'
    >>> gender_from_context([("my friend ", " is nice")]) is None
    True
    """
    male = female = 0
    for before, after in contexts:
        words = re.findall(r"[a-z]+", before.lower())[-3:] + re.findall(r"[a-z]+",
                                                                        after.lower())[:6]
        male += sum(w in MALE_CUES for w in words)
        female += sum(w in FEMALE_CUES for w in words)
    return "m" if male > female else ("f" if female > male else None)


def _hash(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def part_key(secret: bytes, role: str, part: str) -> str:
    """The keyed id of a name part in a role (``"given"`` or ``"surname"``)."""
    return _hash(secret, f"carevoice.name-part.v1\x1f{role}\x1f{part.casefold()}")


def _case_like(value: str, original: str) -> str:
    if original.islower():
        return value.lower()
    if original.isupper() and len(original) > 1:
        return value.upper()
    return value


class PersonNamer:
    """Map the parts of people's names to surrogate parts, one-to-one, keyed by the secret.

    Parameters
    ----------
    secret : bytes
    avoid : set of str
        Words (case-folded) no surrogate may be: every word of the entities in the data.
    used : set of str
        Surrogates (case-folded) already given; shared with the caller and added to.
    carried : dict of str to str, optional
        Part maps carried over from a previous wave (part key -> surrogate part); their values
        must be in ``used`` already.

    Examples
    --------
    >>> namer = PersonNamer(b"s" * 32, avoid={"sarah", "okafor"}, used=set())
    >>> namer.plan([("Sarah Okafor", False, []), ("Okafor", True, [])])
    >>> full, alone = namer.compose("Sarah Okafor"), namer.compose("okafor", after_title=True)
    >>> full.split()[1].lower() == alone and full.split()[0] == namer.compose("Sarah")
    True
    """

    def __init__(self, secret: bytes, *, avoid: set[str], used: set[str],
                 carried: dict[str, str] | None = None) -> None:
        self.secret = secret
        self.avoid = avoid
        self.used = used
        self.parts: dict[str, str] = {}
        #: the role of each part key in :attr:`parts` ("given" or "surname")
        self.roles_of: dict[str, str] = {}
        self.carried = dict(carried or {})
        self._surname_words: set[str] = set()
        self._given_words: set[str] = set()
        self._initials: dict[str, str] | None = None

    # -- roles -------------------------------------------------------------------------------
    def _words(self, core: str) -> list[list[tuple[int, int]]]:
        """The name's words, each a list of part offsets (hyphens join parts of one word)."""
        words: list[list[tuple[int, int]]] = []
        last_end = -1
        for m in NAME_PART.finditer(core):
            joined = last_end >= 0 and core[last_end:m.start()] in ("-", "\u2010", "\u2011")
            if joined and words:
                words[-1].append(m.span())
            else:
                words.append([m.span()])
            last_end = m.end()
        return words

    def roles(self, core: str, after_title: bool = False) -> list[tuple[int, int, str]]:
        """Each part's offsets and role: ``"given"``, ``"surname"``, ``"initial"`` or
        ``"keep"`` (a title)."""
        from ._words import TITLES
        from .lexicons import first_names, surnames

        words = self._words(core)
        out: list[tuple[int, int, str]] = []
        named = []
        for k, parts in enumerate(words):
            text = core[parts[0][0]:parts[-1][1]]
            if k == 0 and len(parts) == 1 and text.lower() in TITLES and len(words) > 1:
                out.append((*parts[0], "keep"))
                after_title = True
            elif len(parts) == 1 and len(text) == 1:
                out.append((*parts[0], "initial"))
            elif len(parts) == 1 and _initials_word(text):  # "JJ", "tj": initials
                out.extend((parts[0][0] + i, parts[0][0] + i + 1, "initial")
                           for i in range(len(text)))
            else:
                named.append(parts)
        for k, parts in enumerate(named):
            if len(named) == 1:
                low = core[parts[0][0]:parts[-1][1]].lower()
                surname = after_title or (low in self._surname_words
                                          and low not in self._given_words) or (
                    low in surnames() and low not in first_names())
                role = "surname" if surname else "given"
            else:
                role = "surname" if k == len(named) - 1 else "given"
            out.extend((s, e, role) for s, e in parts)
        return sorted(out)

    # -- planning ----------------------------------------------------------------------------
    def plan(self, people: Iterable[tuple[str, bool, list[tuple[str, str]]]]) -> None:
        """Choose the surrogate of every name part of a run up front.

        Parameters
        ----------
        people : iterable of (str, bool, list of (str, str))
            Each entity's text (without a possessive ending), whether a title stood before one
            of its mentions, and the text around its mentions.
        """
        people = list(people)
        for core, _, _ in people:
            words = self._words(core)
            if len(words) >= 2:
                first = core[words[0][0][0]:words[0][-1][1]].lower()
                self._given_words.add(first)
                self._surname_words.add(core[words[-1][0][0]:words[-1][-1][1]].lower())
        needs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for core, after_title, contexts in people:
            first_given = True
            for s, e, role in self.roles(core, after_title):
                if role in ("given", "surname"):
                    votes = needs.setdefault((role, core[s:e].casefold()), [])
                    if role == "given" and first_given:
                        votes.extend(contexts)
                        first_given = False
        ordered = sorted(needs, key=lambda rp: part_key(self.secret, *rp))
        for role, part in ordered:
            self._part(role, part, needs[(role, part)])

    def _part(self, role: str, part: str, contexts: list[tuple[str, str]] | None = None) -> str:
        key = part_key(self.secret, role, part)
        if key in self.parts:
            return self.parts[key]
        self.roles_of[key] = role
        value = self.carried.get(key)
        if value is not None and value.casefold() in self.avoid:
            value = None  # now a real name in the data: drawn again
        if value is None:
            value = self._draw(key, role, part, contexts or [])
            self.used.add(value.casefold())
        self.parts[key] = value
        return value

    def _taken(self, value: str) -> bool:
        low = value.casefold()
        return low in self.used or low in self.avoid

    def _draw(self, key: str, role: str, part: str, contexts: list[tuple[str, str]]) -> str:
        pools = name_pools()
        if role == "surname":
            choices = list(pools.surnames)
        else:
            gender = gender_from_context(contexts) or _listed_gender(part)
            anyone = [pools.male[t] + pools.female[t] + pools.either[t] for t in (0, 1)]
            if gender in ("m", "f"):
                own = pools.male if gender == "m" else pools.female
                choices = [own[0] + pools.either[0], own[1] + pools.either[1], anyone[1]]
            else:
                choices = anyone
        for pool in choices:
            found = _probe(self.secret, key, pool, self._taken)
            if found is not None:
                return found
        pool = choices[-1]
        for j in range(10**6):  # pragma: no cover - every pool full: double-barrelled names
            h = int(_hash(self.secret, f"{key}\x1fpair\x1f{j}")[:15], 16)
            value = f"{pool[h % len(pool)]}-{pool[(h // len(pool)) % len(pool)]}"
            if not self._taken(value):
                return value
        raise RuntimeError("no surrogate name is free")  # pragma: no cover

    def _initial(self, letter: str) -> str:
        if self._initials is None:
            order = sorted("abcdefghijklmnopqrstuvwxyz",
                           key=lambda c: _hash(self.secret, f"carevoice.initial.v1\x1f{c}"))
            self._initials = {c: order[(i + 1) % 26] for i, c in enumerate(order)}
        new = self._initials.get(letter.lower())
        if new is None:  # a letter outside a-z: keep its shape
            return letter
        return new.upper() if letter.isupper() else new

    # -- composing ---------------------------------------------------------------------------
    def compose(self, core: str, *, after_title: bool = False) -> str:
        """Return the surrogate of a name (without a possessive ending), in its case."""
        pieces, pos = [], 0
        for s, e, role in self.roles(core, after_title):
            pieces.append(core[pos:s])
            part = core[s:e]
            if role == "keep":
                pieces.append(part)
            elif role == "initial":
                pieces.append(self._initial(part))
            else:
                pieces.append(_case_like(self._part(role, part.casefold()), part))
            pos = e
        pieces.append(core[pos:])
        return "".join(pieces)


@functools.cache
def _gendered() -> tuple[frozenset[str], frozenset[str]]:
    from .lexicons import gendered_first_names

    return gendered_first_names()


def _listed_gender(part: str) -> str | None:
    """The gender a first-name list gives a name, or the name a pet form is made from
    ("deano": "dean")."""
    from ._tokens import pet_form_of
    from .lexicons import first_names

    male, female = _gendered()
    low = part.lower()
    if low not in male and low not in female:
        low = pet_form_of(low, first_names()) or low
    if low in male and low not in female:
        return "m"
    if low in female and low not in male:
        return "f"
    return None


def _initials_word(text: str) -> bool:
    """Whether a word of two or three letters is someone's initials, not a short name: in
    capitals or with no vowel, and in no name list ("JJ", "tj", "KT"; not "Jo", "ED", "mo")."""
    from .lexicons import NICKNAMES, first_names

    low = text.lower()
    return 2 <= len(text) <= 3 and text.isalpha() and (
        text.isupper() or not any(v in low for v in "aeiouy")) \
        and low not in first_names() and low not in NICKNAMES


def _probe(secret: bytes, key: str, pool: tuple[str, ...],
           taken: Callable[[str], bool]) -> str | None:
    """The first free name of ``pool`` in the sequence keyed by ``key``: 64 keyed draws, then
    every name in turn from a keyed start."""
    if not pool:
        return None
    n = len(pool)
    for j in range(64):
        value = pool[int(_hash(secret, f"{key}\x1f{j}")[:15], 16) % n]
        if not taken(value):
            return value
    start = int(key[:15], 16) % n
    for i in range(n):
        value = pool[(start + i) % n]
        if not taken(value):
            return value
    return None
