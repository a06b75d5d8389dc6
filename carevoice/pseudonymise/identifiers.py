"""Patterns for contact details and identifiers: e-mail addresses, social media handles and gamer
tags, UK phone numbers, NHS and National Insurance numbers, case and reference numbers, postcodes.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`; each validator says why a match that
looks like an identifier is not one ("0113" alone, "look at google.com").
"""

from __future__ import annotations

import itertools
import re

from ._pattern import Pattern
from ._words import FUNCTION_WORDS, dictionary_word
from .lexicons import (
    NOT_PII,
    is_common_word,
)

__all__ = ["IDENTIFIER_PATTERNS", "LETTER_DIGITS", "identifier_key", "nhs_checksum_ok",
           "reference_digits"]


def nhs_checksum_ok(value: str) -> bool:
    """Check the modulus-11 check digit of an NHS number.

    Parameters
    ----------
    value : str
        Ten digits, spaces and dashes allowed.

    Returns
    -------
    bool

    Examples
    --------
    >>> nhs_checksum_ok("943 476 5919"), nhs_checksum_ok("943 476 5918")
    (True, False)
    """
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def valid_uk_phone(value: str) -> float | bool:
    """Validate a UK phone number with ``phonenumbers``.

    Parameters
    ----------
    value : str

    Returns
    -------
    float or bool
        0.95 for a valid number, 0.7 for a possible one, ``False`` otherwise.

    Examples
    --------
    >>> valid_uk_phone("07911 123456"), valid_uk_phone("07700 900123"), valid_uk_phone("0123")
    (0.95, 0.7, False)
    """
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return 0.95
    if phonenumbers.is_possible_number(number) and sum(c.isdigit() for c in value) >= 10:
        return 0.7
    return False


_NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number_ok(value: str) -> float | bool:
    """Check a National Insurance number's prefix rules.

    Specimen prefixes used in forms (such as ``QQ``) still count, with a lower score: when in
    doubt, mask.

    Parameters
    ----------
    value : str

    Returns
    -------
    float or bool

    Examples
    --------
    >>> ni_number_ok("AB 12 34 56 C"), ni_number_ok("QQ123456A"), ni_number_ok("GB123456A")
    (0.95, 0.8, False)
    """
    letters = re.sub(r"[^A-Za-z]", "", value).upper()
    prefix = letters[:2]
    if prefix in _NI_BAD_PREFIX:
        return False
    strict = prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV"
    return 0.95 if strict else 0.8


_PLATFORMS = frozenset(
    """snap snapchat sc insta instagram ig tiktok tt twitter discord fb facebook xbox psn
    gamertag username handle account me on it its""".split()
)

#: "on snapchat at 2am", "on insta till 11.30pm", "on tiktok 3rd": times and ordinals, not handles.
_TIME_OR_ORDINAL = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)|\d+(?:st|nd|rd|th)",
                              re.IGNORECASE)


def _not_common_word(value: str) -> bool:
    core = value.lstrip("@").strip("._")
    if core.lower() in _PLATFORMS or core.lower() in NOT_PII or _TIME_OR_ORDINAL.fullmatch(core):
        return False
    if re.search(r"[\d_.]", core):
        return True
    return not is_common_word(core, threshold=2_000) and len(core) >= 3


def _platform_handle_ok(value: str) -> float | bool:
    """"jadeyboo2007" before "on insta": three letters or more with digits, not a console
    ("ps5"), a time or an ordinal ("2am", "3rd")."""
    return sum(c.isalpha() for c in value) >= 3 and _not_common_word(value) \
        and not re.fullmatch(r"(?i)(?:ps|xbox|iphone|year|yr|y)\d+", value)


def _cued_shape_ok(value: str) -> float | bool:
    """"n1ghtfox", "ConnorBrady2008" where a platform is named: a handle as
    :func:`_platform_handle_ok` says, and no text-speak word ("h8ers", "gr8est", "l8ter")."""
    low = value.lower()
    parts = re.split(r"(\d)", low)
    if sum(p.isdigit() for p in parts) <= 3:
        choices = [_READ_AS.get(p, (p,)) if p.isdigit() else (p,) for p in parts]
        for reading in itertools.product(*choices):
            word = "".join(reading)
            if is_common_word(word, threshold=1) or is_common_word(word.removesuffix("s"),
                                                                    threshold=1):
                return False
    return _platform_handle_ok(value)


#: How a digit is read inside a word of text-speak or leetspeak.
_READ_AS = {"8": ("ate", "at", "a", "eat"), "4": ("for", "fore", "a"), "2": ("to", "too"),
            "0": ("o",), "1": ("i", "l"), "3": ("e",), "5": ("s",), "7": ("t",)}


#: Two to four lower-case words of a channel's name, up to a word that starts the next clause.
_CHANNEL_NAME = (r"[a-z][a-z'\u2019]+(?:\s+(?!(?:and|but|so|cos|coz|because|lol|which|where|i|we|"
                 r"it|its|got)\b)[a-z][a-z'\u2019]+){1,3}")


def _channel_name_ok(value: str) -> float | bool:
    """"zaks gaming corner", "nails by precious", "rio on the road": a channel's name that
    holds a name (a first name, or no dictionary word); not "about minecraft builds" or
    "mostly gaming stuff"."""
    from .lexicons import first_names

    words = value.lower().split()
    if words[0] in FUNCTION_WORDS or words[0] in NOT_PII:
        return False
    return any(w.removesuffix("s") in first_names() or w in first_names()
               or (len(w) >= 3 and not dictionary_word(w) and not is_common_word(w))
               for w in words if w not in FUNCTION_WORDS)


def _xx_framed_ok(value: str) -> float | bool:
    """"xxdarkvoidxx": three letters or more inside the frame (not kisses, "xxxxxxx")."""
    return sum(c.isalpha() and c != "x" for c in value) >= 3


def _handle_shape(value: str) -> float | bool:
    core = value.strip("._")
    letters = sum(c.isalpha() for c in core)
    if letters < 2 or re.fullmatch(r"[\d_.]+", core):
        return False
    return 0.6


def _spaced_at_handle_ok(value: str) -> float | bool:
    """"kai.xo", "kai_99", "kai99" after "@ "; not a word ("@ the park") or a time ("@ 5pm")."""
    if not re.search(r"[._]|[A-Za-z]{2,}\d", value):
        return False
    return _handle_shape(value)


_NOT_HANDLE_PARTS = frozenset({"com", "org", "net", "gov", "html", "jpg", "jpeg", "png", "pdf",
                               "doc", "docx", "txt", "co", "uk", "nhs", "ac", "edu"})


def _dotted_handle(value: str) -> float | bool:
    """``tyla.xoxo`` and ``leah.b.official`` are handles; ``ok.then`` (a missing space),
    ``bbc.co`` and ``www.gov.uk`` are not."""
    parts = value.lower().split(".")
    if any(p in _NOT_HANDLE_PARTS or p == "www" for p in parts):
        return False
    if len(parts) > 2:
        # three parts or more are no missing space: a name, an initial, a word
        return not all(is_common_word(p, threshold=20_000) for p in parts)
    left, right = parts
    if len(left) >= 4 and not is_common_word(left, threshold=1) and re.search(r"(.)\1\1", left):
        return True  # "ivyyy.rose": a letter typed three times is no word before a missing space
    if is_common_word(right, threshold=500) or is_common_word(left, threshold=20_000):
        return False
    return True


#: Words that fill the gap between a platform and a gamertag, not the tag's first word.
_TAG_FILLERS = frozenset({"is", "its", "it's", "name", "tag", "id", "on", "me", "my", "and",
                          "for", "at", "about", "every", "till", "til", "until", "from", "as",
                          "with", "called", "under"})


def _spaced_gamertag_ok(value: str) -> float | bool:
    """"frosty bean22": two words of a gamertag, the second with a letter and a digit; not
    "for 2hrs" or "till 10pm"."""
    first, second = value.lower().split()
    if first in _TAG_FILLERS or not re.search(r"[a-z]", second) \
            or re.fullmatch(r"\d+(?:am|pm|hrs?|hours?|mins?|s|th|st|nd|rd)", second):
        return False
    return 0.8


def _spelt_handle_ok(value: str) -> float | bool:
    """"rosegold underscore beatz": a handle spelt out, starting with no filler word."""
    return value.split()[0].lower() not in _TAG_FILLERS


def _spaced_digits_ok(value: str) -> float | bool:
    """Six to twelve digits in all, in groups: a number, not "2 or 3"."""
    return 6 <= sum(c.isdigit() for c in value) <= 12


def _id_shape(value: str) -> float | bool:
    digits = sum(c.isdigit() for c in value)
    if digits >= 4 or (digits >= 2 and sum(c.isalpha() for c in value) >= 2 and len(value) >= 5):
        return True
    return False


def _spaced_reference_ok(value: str) -> float | bool:
    """"MB 448 291" and "lcc 774102" are references; "the 12", "is 14" and "me 07" are not: the
    letters before the space are capitals, or no English word."""
    letters = value.split()[0]
    return letters.isupper() or not is_common_word(letters.lower())


#: Ten digits grouped any way, by spaces, dots or dashes ("4 0 1 0 2 3 2 1 3 7", "401-023-2137",
#: "4.0.1.0.2.3.2.1.3.7"), and no digit after them: an NHS number as it is typed.
_TEN_DIGITS = r"\d(?:\s?[.-]?\s?\d){9}(?!\s?[.-]?\s?\d)"


#: A UK phone number grouped as people usually write it: "07700 900123", "(0113) 496 0555".
_PHONE = (r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0044\s?|\(?0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?"
          r"\d{3,4}")


def _plus_missing_ok(value: str) -> float | bool:
    """A UK number written from its country code without the plus: "447700900555",
    "44 (0)7700 900555", "wa.me/447700900555"; valid as the number with a plus."""
    return valid_uk_phone("+" + value.strip())


#: Mail providers whose addresses are often written without their ending: "kai.b@gmail".
_MAIL_PROVIDERS = r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|live|msn|aol|" \
                  r"btinternet|sky|proton|protonmail)"


def _odd_grouping_ok(value: str) -> float | bool:
    """An eleven-digit number grouped some other way ("077009 00456"), a valid UK number; the
    usual groupings are the "phone" pattern's."""
    return False if re.fullmatch(_PHONE, value) else valid_uk_phone(value)


#: Letters typed for digits: O or o for 0, I, l or | for 1, S for 5, B for 8 ("O77OO 9OO I23"),
#: as :meth:`str.translate` reads them. The replacement step groups a number by the same reading
#: (:func:`carevoice.pseudonymise.replace.entity_id`).
LETTER_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5",
                                "B": "8"})
#: A digit or a letter typed for one (case-sensitive: "i", "s" and "b" stand for no digit).
_DIGIT_OR_LETTER = r"[0-9OoIl|SB]"


#: Separators inside a number as people type it: spaces, hyphens, dots, slashes, brackets.
_NUMBER_SEPARATORS = re.compile(r"[\s\-./()]+")
#: O typed for 0 opening a group of digits after a separator ("LAC OO43917", "CR-O291-0047").
_ZEROS_OPENING_DIGITS = re.compile(r"(?<=[\s\-./])[Oo]+(?=\d)")


def reference_digits(text: str) -> str:
    """``text`` with the letters typed for digits inside a reference read as the digits,
    separators kept: a run of such letters (:data:`LETTER_DIGITS`) with a real digit on each
    side, separators aside ("229I 0047", "9OO1"), and O typed for 0 opening a group of digits
    after a separator ("LAC OO43917"). Other letters at either end of a group stay letters
    ("SB-123456" is not "58-123456", nor "A1234BS" "A123485").

    Examples
    --------
    >>> reference_digits("cr 229I 0047"), reference_digits("lac OO43917")
    ('cr 2291 0047', 'lac 0043917')
    >>> reference_digits("SB-123456")
    'SB-123456'
    """
    chars = list(_ZEROS_OPENING_DIGITS.sub(lambda m: "0" * len(m.group(0)), text))
    at = [i for i, ch in enumerate(chars) if not _NUMBER_SEPARATORS.fullmatch(ch)]
    bare = "".join(chars[i] for i in at)
    for m in re.finditer(r"(?<=\d)[OoIl|SB]+(?=\d)", bare):
        for k in range(m.start(), m.end()):
            chars[at[k]] = chars[at[k]].translate(LETTER_DIGITS)
    return "".join(chars)

#: The labels :func:`identifier_key` reads as numbers.
NUMBER_LABELS: tuple[str, ...] = ("PHONE", "POSTCODE", "ID")


def identifier_key(label: str, text: str) -> str | None:
    """The one reading of a phone number, postcode or reference by which its forms are one.

    Separators and case go ("07700 900123", "07700900123" and "+44 7700 900123" are one
    number; "SW1A 1AA" and "sw1a1aa" one postcode); letters typed for digits are read as the
    digits (:data:`LETTER_DIGITS`): everywhere in a phone number ("O77OO 9OO123") or an NHS
    number ("943 476 59I9"), and in a reference where they stand between two digits ("CR-2291-0047"
    and "cr 229I 0047" are one reference; "SB-123456" and "58-123456" are two); a mobile
    without its 0 ("7700900123") is one with it, and an identifier said in words ("oh seven
    seven double oh ...", "l s six two z z") is one with its written form. The replacement step
    groups entities by this reading (:func:`carevoice.pseudonymise.replace.entity_id`) and the
    span step that carries an identifier to its other forms in a comment matches by it
    (:func:`carevoice.pseudonymise.propagate_spans`), so that the forms it masks are the forms
    that get one tag.

    Parameters
    ----------
    label : str
        ``"PHONE"``, ``"POSTCODE"`` or ``"ID"``; other labels have no such reading.
    text : str
        The identifier as written.

    Returns
    -------
    str or None
        Lower-case letters and digits, or ``None`` where ``text`` reads as no such identifier
        (no digit, or a label without a number's reading).

    Examples
    --------
    >>> identifier_key("ID", "CR-2291-0047") == identifier_key("ID", "cr 229I 0047")
    True
    >>> identifier_key("ID", "SB-123456"), identifier_key("PHONE", "+44 7700 9OO123")
    ('sb123456', '07700900123')
    """
    from .normalise import fold_text
    from .spoken import written_form

    if label not in NUMBER_LABELS:
        return None
    folded = " ".join(fold_text(text).split())
    forms = [folded]
    if re.search(r"[A-Za-z]{2}", folded):  # number words or spelt letters: "oh seven ..."
        forms.append(written_form(folded).text)
    for form in forms:
        bare = _NUMBER_SEPARATORS.sub("", form)
        if label == "PHONE":
            digits = bare.translate(LETTER_DIGITS)
            if re.fullmatch(r"\+?\d{9,15}", digits):
                digits = re.sub(r"^(?:\+|00)44", "0", digits).lstrip("+")
                return "0" + digits if re.fullmatch(r"7\d{9}", digits) else digits
            continue
        if label == "ID":
            digits = bare.translate(LETTER_DIGITS)
            if re.fullmatch(r"\d{10}", digits) and nhs_checksum_ok(digits):
                return digits  # an NHS number, whatever letters were typed for its digits
            bare = _NUMBER_SEPARATORS.sub("", reference_digits(form))
        low = bare.casefold()
        if re.fullmatch(r"[a-z0-9]+", low) and re.search(r"\d", low):
            return low
    return None


def _letter_digit_groups_ok(value: str) -> bool:
    """Whether a run of digit groups is digits typed with some letters: it has a letter for a
    digit, and each group with a letter other than O has a real digit too ("I23", not "ISO")."""
    if not re.search(r"[OoIl|SB]", value):
        return False  # plain digits are the other patterns'
    return all(re.search(r"\d", group) for group in re.split(r"[\s.-]+", value)
               if re.search(r"[Il|SB]", group))


def _letter_o_phone_ok(value: str) -> float | bool:
    """"o161 496 o372", "07700 9OO I23": a phone number typed with letters for digits (O or o
    for 0, I, l or | for 1, S for 5, B for 8)."""
    if not _letter_digit_groups_ok(value):
        return False
    return valid_uk_phone(value.translate(LETTER_DIGITS))


def _letter_nhs_ok(value: str) -> float | bool:
    """"943 476 59I9": an NHS number typed with letters for digits, its check digit right and
    at least seven real digits."""
    if not _letter_digit_groups_ok(value) or sum(c.isdigit() for c in value) < 7:
        return False
    return nhs_checksum_ok(value.translate(LETTER_DIGITS))


_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2",
           "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
           "nine": "9"}

_DIGIT_WORD = (r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|"
               r"hundred|\d+)")


def _phone_words_ok(value: str) -> float | bool:
    """"oh seven seven double oh nine ...", "... nine hundred 412": a phone number spelt out
    in words."""
    digits, repeat = [], 1
    for word in re.findall(r"[a-z]+|\d+", value.lower()):
        if word in ("double", "triple"):
            repeat = 2 if word == "double" else 3
            continue
        if word == "hundred":
            if not digits:
                return False
            digits[-1] += "00"  # "nine hundred" is 900
            continue
        digits.append(_DIGITS.get(word, word) * repeat)
        repeat = 1
    number = "".join(digits)
    if not any(w in _DIGITS for w in re.findall(r"[a-z]+", value.lower())):
        return False  # digits alone are the phone pattern's
    return 0.85 if valid_uk_phone(number) else False


def _mobile_without_zero_ok(value: str) -> float | bool:
    """"7700900733": a mobile number typed without its leading 0."""
    return 0.7 if valid_uk_phone("0" + value) else False


#: Words after " at " that make "look at this dot com" a phrase, not an e-mail address.
_NOT_MAIL_HOSTS = frozenset({"the", "this", "that", "my", "your", "our", "a", "an", "home",
                             "school", "work", "college", "it", "them", "him", "her", "me"})


def _word_at_email_ok(value: str) -> float | bool:
    """"kai-owusu at example.com" is an address; "look at google.com" is not: the part before
    " at " has a dot, hyphen, underscore or digit, or is no English word, and the host is no
    web site's."""
    local = value.split()[0]
    if not (re.search(r"[._\-\d]", local) or not is_common_word(local.lower(), threshold=1)):
        return False
    return _spelt_email_ok(value)


def _spelt_email_ok(value: str) -> float | bool:
    """"kez at example dot com", "kezia_x (at) example.net": an address written out. A host
    that starts with a common word ("at school dot com") counts only after a local part with a
    dot, underscore or digit, as no phrase has ("s.lark at school dot example dot net")."""
    parts = re.split(rf"{_AT_BRACKETED}|\s+at\s+|\s*@\s*", value, maxsplit=1,
                     flags=re.IGNORECASE)
    first = re.split(r"[\s.(\[{<]", parts[-1], maxsplit=1)[0].lower()
    return first not in _NOT_MAIL_HOSTS or (
        len(parts) == 2 and re.search(r"[._\d]", parts[0]) is not None)


# An e-mail address written out: "(at)", "[at]" or " at ", and "(dot)" or " dot ".
_AT_BRACKETED = r"\s*[\(\[{<]\s*at\s*[\)\]}>]\s*"

_DOT_SPELT = r"(?:\s*[\(\[{<]\s*dot\s*[\)\]}>]\s*|\s+dot\s+)"

_MAIL_TLD = r"(?:com|org|net|co|uk|ac|gov|nhs|sch|io|me|info|edu|biz)\b"

_MAIL_LOCAL = (r"(?<![\w.+-])[\w%+-]+(?:(?:\.|\s+dot\s+)[\w%+-]+)*"
               r"(?:\s+\d{1,4}(?=\s+at\s))?")  # "skye dot barker 09 at ..."

#: The UK's postcode areas (and the Crown dependencies'): the letters an outward code begins
#: with ("BD" Bradford, "M" Manchester, "SE" south-east London).
POSTCODE_AREAS = frozenset(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT "
    "DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA "
    "LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE "
    "SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV "
    "YO ZE".split())

#: The London areas whose one-digit districts take a letter too ("SW1A", "W1T", "EC2M").
_LETTERED_AREAS = frozenset({"E", "EC", "N", "NW", "SE", "SW", "W", "WC"})

#: An outward code alone, any case: the area letters, the district's one or two digits and, in
#: central London, a letter ("bd3", "SE15", "w1t").
_DISTRICT = r"[a-z]{1,2}[0-9]{1,2}[a-z]?"

#: Words after "in e4", "from b2" that make the code something else: a channel, a level, a
#: grade, a seat, a size.
_NOT_A_DISTRICT_AFTER = (r"level|grade|form|forms|class|set|group|room|block|paper|size|seat|row|"
                         r"tier|exam|exams|maths|english|music|french|spanish|german|bus|train|"
                         r"model|version|console|controller|game|games")

#: Words for the people of a place after "the" and a district: "the SE15 lot", "the bd7 boys".
_GROUPS_OF_A_PLACE = (r"lot|lads|boys|girls|gang|gangs|crew|man|mandem|youngers|olders|kids|"
                      r"people|side|area|end|estate|massive")

#: Codes in capitals shaped as outward codes that mean something else: a gas, a skate, a
#: television channel.
_NOT_DISTRICTS = frozenset({"CO2", "SK8", "CH4", "CH5", "NO2", "SO2", "PS4", "PS5"})


def postcode_district_ok(value: str) -> float | bool:
    """Whether ``value`` is shaped as a real UK outward code ("bd3", "SE15", "SW1A", "M14").

    The area letters must be a real postcode area (:data:`POSTCODE_AREAS`), the district a number
    from 0 to 99 (no leading zero but "0" itself), and a letter after it only in the central
    London areas, after one digit.

    Parameters
    ----------
    value : str

    Returns
    -------
    bool

    Examples
    --------
    >>> postcode_district_ok("bd3"), postcode_district_ok("y7"), postcode_district_ok("SW1A")
    (True, False, True)
    """
    m = re.fullmatch(r"([A-Za-z]{1,2})([0-9]{1,2})([A-Za-z]?)", value)
    if m is None:
        return False
    area, district, letter = m.group(1).upper(), m.group(2), m.group(3)
    if area not in POSTCODE_AREAS or (len(district) == 2 and district[0] == "0"):
        return False
    return not letter or (area in _LETTERED_AREAS and len(district) == 1)


def _capital_district_ok(value: str) -> float | bool:
    """An outward code in capitals with a two-letter area, not a code of something else."""
    return value not in _NOT_DISTRICTS and postcode_district_ok(value)


#: A UK postcode's outward code ("LS9", "SW1A") and inward code ("7QT"). The area's letters
#: may be any letters: a postcode mistyped ("LZ6 2QT") or made up for a form still places a
#: person, and no English word has this shape.
POSTCODE_OUTWARD = r"(?:[A-Z]{1,2}[0-9][0-9]?|[A-Z][0-9][A-HJKPSTUW]|[A-Z][A-Z][0-9][ABEHMNPRVWXY])"

POSTCODE_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"


#: The identifiers patterns, in the order they are tried.
IDENTIFIER_PATTERNS: tuple[Pattern, ...] = (
    Pattern("email", "EMAIL",
            r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
            score=0.99, trigger="@"),
    Pattern("email_provider_only", "EMAIL",  # "kai.b@gmail", "jade_x@hotmail": no ".com"
            rf"(?<![\w.+-])[A-Za-z0-9._%+-]+@{_MAIL_PROVIDERS}\b(?![.,]?[A-Za-z0-9-]*\.[a-z])",
            score=0.9, trigger="@"),
    Pattern("email_slipped", "EMAIL",  # "tyler.b123@example,com", "missy.k@example..org"
            r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.,]{1,2}[A-Za-z0-9-]+)*?"
            rf"(?:,|\.\.|\s\.\s?|\.\s){_MAIL_TLD}(?:[.,]{{1,2}}uk\b)?",
            score=0.85, trigger="@"),
    Pattern("email_at_word", "EMAIL",  # "its kai-owusu at example.com": " at " and a real dot
            r"(?<![\w.+-])(?P<pii>[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*\s+at\s+[A-Za-z0-9-]+"
            rf"(?:\.[A-Za-z0-9-]+)*\.{_MAIL_TLD}(?:\.uk\b)?)",
            score=0.8, validate=_word_at_email_ok, trigger=r"\sat\s+[A-Za-z0-9-]+\.[a-z]"),
    Pattern("email_spelt_bracketed", "EMAIL",
            rf"{_MAIL_LOCAL}{_AT_BRACKETED}[A-Za-z0-9-]+(?:(?:\.|{_DOT_SPELT})[A-Za-z0-9-]+)*?"
            rf"(?:\.|{_DOT_SPELT}){_MAIL_TLD}(?:(?:\.|{_DOT_SPELT})uk\b)?",
            score=0.9, validate=_spelt_email_ok, trigger=r"[\(\[{<]\s*at\s*[\)\]}>]"),
    Pattern("email_spelt", "EMAIL",
            rf"{_MAIL_LOCAL}(?:\s+at\s+|\s*@\s*)[A-Za-z0-9-]+(?:(?:\.|{_DOT_SPELT})[A-Za-z0-9-]+)*?"
            rf"{_DOT_SPELT}{_MAIL_TLD}(?:(?:\.|{_DOT_SPELT})uk\b)?",
            score=0.85, validate=_spelt_email_ok, trigger=r"\bdot\b"),
    Pattern("email_spaced", "EMAIL",
            r"(?<![\w.+-])[A-Za-z0-9_%+-]+(?:\s*\.\s*[A-Za-z0-9_%+-]+){0,4}\s*@\s*[A-Za-z0-9-]+"
            r"(?:\s*\.\s*[A-Za-z0-9-]+){0,3}?\s*\.\s*(?:com|org|net|co|uk|ac|gov|nhs|sch|io|me|"
            r"info|edu|biz)\b(?:\s*\.\s*uk\b)?",
            score=0.9, trigger=r"\s@|@\s"),
    Pattern("handle_at", "HANDLE",
            r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@]|\.[A-Za-z]{2,})",
            score=0.95, trigger="@"),
    Pattern("handle_at_spaced", "HANDLE",  # "snap is @ kai.xo": a space after the @
            r"(?<![\w@.])@[ \t]{1,2}(?P<pii>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_]))"
            r"(?![\w@]|\.[A-Za-z]{2,})",
            score=0.9, validate=_spaced_at_handle_ok, trigger="@"),
    Pattern("handle_context", "HANDLE",
            r"\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|discord|fb|facebook|"
            r"xbox|psn|ps\d?(?=\s+(?:name|id|tag|user\s?name|gamertag))|playstation|roblox|"
            r"steam|fortnite|twitch|youtube|yt|gamertag|gamer\s?tag|user\s?name|handle|"
            r"add\s+me|follow\s+me)\b"
            r"(?:\s+(?:is|its|it's|was|name|id|handle|account|username|user|tag|gt|channel|on|at|"
            r"as|me|now|new|still|gamer|gamertag|@|:|-|=)"
            r"\b){0,3}"
            r"(?:\s*[:=\-]\s*|\s+)(?P<pii>@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])"
            r"(?:#\d{4})?)",
            score=0.85, validate=_not_common_word),
    Pattern("handle_before_platform", "HANDLE",  # "or jadeyboo2007 on insta"
            r"(?<![\w@.])(?P<pii>[A-Za-z][A-Za-z0-9_.]{1,28}\d[A-Za-z0-9_]*|"
            # or joined by dots or underscores: "follow its.chloe.b on insta"
            r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+)\s+on\s+"
            r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|discord|fb|facebook|"
            r"xbox|psn|roblox|steam|twitch|youtube|yt)\b",
            score=0.8, validate=_platform_handle_ok, trigger=r"\d|\w[._]\w"),
    Pattern("handle_my_tag", "HANDLE",  # "my tag is silentbrook77", "my ign: wolfy_09"
            r"\b(?:my|his|her|their)\s+(?:(?:gaming|gamer|game|xbox|psn|online|discord|steam)\s+"
            r"(?:name|tag|id)|tag|ign|acc|account|user|username)\s*(?:is|its|it's|[:=\-])?\s*"
            r"(?P<pii>[A-Za-z][A-Za-z0-9_.]{1,28}\d[A-Za-z0-9_]*)\b",
            score=0.8, trigger=r"\d"),
    Pattern("handle_gamertag_spaced", "HANDLE",  # "add me on xbox its frosty bean22"
            r"\b(?:xbox|gamertag|gamer\s?tag|psn|steam|fortnite|roblox|discord)\b"
            r"(?:\s+(?:is|its|it's|name|tag|id|on|me))*\s*[:=\-]?\s*"
            r"(?P<pii>[A-Za-z][A-Za-z0-9]{1,15}\s[A-Za-z]*\d+[A-Za-z0-9]*)\b",
            score=0.8, validate=_spaced_gamertag_ok, trigger=r"\d"),
    Pattern("handle_spelt", "HANDLE",  # "its rosegold underscore beatz"
            r"\b(?P<pii>[a-z0-9]+(?:\s+(?:underscore|dot)\s+[a-z0-9]+)*\s+underscore\s+"
            r"[a-z0-9]+(?:\s+(?:underscore|dot)\s+[a-z0-9]+)*)\b",
            score=0.8, validate=_spelt_handle_ok, trigger=r"underscore"),
    Pattern("handle_shape", "HANDLE",
            r"(?<![\w@.])(?P<pii>[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9]|"
            r"[A-Za-z]{2,}[._][A-Za-z0-9_.]*\d[A-Za-z0-9._]*[A-Za-z0-9])(?![\w@])",
            score=0.6, flags=0, validate=_handle_shape, trigger=r"[A-Za-z][._][A-Za-z0-9]"),
    Pattern("handle_profile_link", "HANDLE",  # "facebook.com/tanya.hughes.2007"
            r"\b(?:(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|twitch|threads)"
            r"\.com/(?:add/|users?/|u/)?|linkedin\.com/in/|twitch\.tv/)"  # snapchat.com/add/x
            r"@?(?P<pii>[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,40}[A-Za-z0-9_])?)",
            score=0.9, trigger=r"\.com/|\.tv/"),
    Pattern("hashtag_for_someone", "PERSON",  # "#justiceforkai", "#FreeAmal", "#rip_jay"
            r"#(?:justice_?for|free|rip|long_?live|pray_?for|bring_?back|missing|find|"
            r"love_?you|miss_?you|team)_?(?P<pii>[A-Za-z][A-Za-z'-]{1,24})\b",
            score=0.8, trigger="#"),
    Pattern("handle_xx", "HANDLE",  # the gamer tag's frame: "xXsparkleqweenXx"
            r"(?<![\w@])(?P<pii>[xX]X[A-Za-z0-9_.]{2,}X[xX])(?![\w@])",
            score=0.8, flags=0, trigger=r"xx"),
    Pattern("handle_xx_lower", "HANDLE",  # the same frame typed in lower case: "xxdarkvoidxx"
            r"(?<![\w@])(?P<pii>xx[a-z0-9_.]{3,}xx)(?![\w@])",
            score=0.7, flags=0, validate=_xx_framed_ok, trigger=r"xx"),
    Pattern("handle_dotted", "HANDLE",
            r"(?<![\w@.])(?P<pii>[A-Za-z]{2,}(?:\.[A-Za-z]+){0,2}\.[A-Za-z]{3,})(?![\w@.])",
            score=0.5, flags=0, validate=_dotted_handle, trigger=r"[A-Za-z]\.[A-Za-z]"),
    Pattern("handle_cued_shape", "HANDLE",  # "my gamertag ... now its n1ghtfox", "ConnorBrady2008"
            r"(?<![\w@.])(?P<pii>[A-Za-z]+\d+[A-Za-z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z]*\d{2,4})"
            r"(?![\w@])",
            score=0.6, flags=0, validate=_cued_shape_ok,
            trigger=r"\b(?:gamertag|gamer\s?tag|psn|xbox|insta|instagram|snap|snapchat|tiktok|"
                    r"discord|roblox|steam|twitch|username|user\s?name|handle|ign)\b"),
    Pattern("channel_named", "HANDLE",  # "my channel is nails by precious", "a channel called
            # zaks gaming corner", "gonna call my channel rio on the road"
            r"\b(?:(?:channel|vlog|podcast)\s+(?:is\s+|was\s+)?(?:called\s+|named\s+|(?<=is\s)|"
            r"(?<=was\s))|call(?:ing)?\s+(?:my|the|our|his|her|their)\s+(?:channel|vlog|podcast)\s+)"
            rf"(?P<pii>{_CHANNEL_NAME})\b",
            score=0.5, flags=0, validate=_channel_name_ok, trigger=r"channel|vlog|podcast"),
    Pattern("wifi_address", "ADDRESS",  # "the wifi was called 27 ashgrove": a house's name
            r"\b(?:wi-?fi|network)\s+(?:name\s+)?(?:is\s+|was\s+)?(?:called|named|name\s+is)\s+"
            r"(?P<pii>\d{1,4}[a-z]?\s+[A-Za-z][a-z]+(?:\s+(?!(?:and|but|so|it|its|with|which|"
            r"that|lol|haha)\b)[A-Za-z][a-z]+)?)\b",
            score=0.7, trigger=r"wi-?fi|network"),
    Pattern("phone", "PHONE", rf"{_PHONE}(?![\d.]\d)",
            score=0.95, validate=valid_uk_phone, trigger=r"\d{3}"),
    Pattern("phone_plus_missing", "PHONE",  # "447700900555", "wa.me/4407700900555"
            r"(?<![\d+])(?:00)?44\s?\(?0?\)?\s?[1-37]\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])",
            score=0.9, validate=_plus_missing_ok, trigger=r"44"),
    Pattern("phone_any_grouping", "PHONE",  # "077009 00456", "0 7 7 0 0 9 ...": eleven
            r"(?<![\d+])0(?:\s?[.-]?\s?\d){10}(?![\d])",  # digits grouped any way
            score=0.9, validate=_odd_grouping_ok, trigger=r"\d[\s.-]?\d[\s.-]?\d"),
    Pattern("phone_letter_o", "PHONE",  # "O77OO 9OO123", "07700 9OO I23": letters for digits
            rf"(?<![\w+|])(?:\+44\s?|0044\s?)?[0Oo]\d{_DIGIT_OR_LETTER}{{1,3}}[\s-]?"
            rf"{_DIGIT_OR_LETTER}{{3,4}}[\s-]?{_DIGIT_OR_LETTER}{{3,4}}(?![\w|])",
            score=0.9, flags=0, validate=_letter_o_phone_ok, trigger=r"[oil|sb]\d|\d[oil|sb]"),
    Pattern("phone_words", "PHONE",
            rf"\b(?:{_DIGIT_WORD}[\s,-]+){{6,16}}{_DIGIT_WORD}\b",
            score=0.85, validate=_phone_words_ok, trigger=r"\b(?:oh|zero|nought|o)\b"),
    Pattern("phone_digits_then_words", "PHONE",
            rf"(?<![\d+])0\d{{3,4}}(?:[\s-]?\d{{1,3}})?(?:[\s,-]+{_DIGIT_WORD}){{2,8}}\b",
            score=0.85, validate=_phone_words_ok,
            trigger=r"\d\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double)"),
    Pattern("phone_in_two_parts", "PHONE",  # "starts with 07700 and then its 900 702"
            r"(?<![\d+])(?:07\d{3}|0\d{3,4})(?=\s+(?:and|then|n)\b[^\d]{0,25}?\d{3}\s?\d{3}\b)",
            score=0.7, trigger=r"\d{3}"),
    Pattern("phone_second_part", "PHONE",
            r"(?<![\d+])0\d{3,4}\s+(?:and|then|n)\b[^\d]{0,25}?(?P<pii>\d{3}\s?\d{3})(?![\d])",
            score=0.7, trigger=r"\d{3}"),
    Pattern("mobile_without_zero", "PHONE", r"(?<![\d+])7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?![\d-])",
            score=0.7, validate=_mobile_without_zero_ok, trigger=r"7\d{3}"),
    Pattern("nhs_number", "ID", r"(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])",
            score=0.9, validate=nhs_checksum_ok, trigger=r"\d{3}"),
    Pattern("nhs_number_letters", "ID",  # "943 476 59I9": letters typed for digits
            rf"(?<![\w|])(?:{_DIGIT_OR_LETTER}{{3}}[ -]?){{2}}{_DIGIT_OR_LETTER}{{4}}(?![\w|])",
            score=0.9, flags=0, validate=_letter_nhs_ok, trigger=r"[oil|sb]\d|\d[oil|sb]"),
    Pattern("nhs_context", "ID",  # ten digits grouped any way first: "4 0 1 0 2 3 2 1 3 7"
            rf"\bnhs\s*(?:no|number|num|#)?\.?\s*(?:is|was|:)?\s*(?P<pii>{_TEN_DIGITS}|"
            r"\d[\d -]{7,12}\d)",
            score=0.8, trigger="nhs"),
    Pattern("nhs_context_far", "ID",  # "my nhs number for the doctors form its 485 777 3456"
            r"\bnhs\s*(?:no|number|num)\b(?:\W+[a-z']+){0,8}?\W+"
            rf"(?P<pii>{_TEN_DIGITS})",
            score=0.75, trigger="nhs"),
    Pattern("nhs_number_any_grouping", "ID",  # "4 0 1 0 2 3 2 1 3 7", "40.10.23.21.37"
            rf"(?<!\d)(?<!\d[ .-]){_TEN_DIGITS}",
            score=0.8, validate=nhs_checksum_ok, trigger=r"\d[ .-]\d"),
    Pattern("nhs_grouped_mentioned", "ID",  # "my NHS number is ... and the babys is 999 617 2049"
            r"(?<![\d+])\d{3}[ -]\d{3}[ -]\d{4}(?![\d-])",  # grouped 3-3-4, as no phone is
            score=0.7, trigger=r"\bnhs\b"),
    Pattern("ni_number", "ID",
            # the six digits grouped any way: "AB 12 34 56 C", "jg 103 721 a", "AB123456C"
            # and every character apart: "j g 1 0 3 7 2 1 a", "JG-10-37-21-A", "J.G.1.0.3.7.2.1.A"
            r"\b[A-Z](?:[\s.-]?[A-Z])(?:[\s.-]{0,2}\d){6}[\s.-]{0,2}[A-D]\b",
            validate=ni_number_ok, trigger=r"\d"),
    Pattern("reference_context", "ID",
            r"\b(?:case|ref(?:erence)?|file|client|crn|upn|pupil|student|candidate|membership|"
            r"crime|police|claim|ticket|prison|prisoner|inmate|lac|mosaic|"
            r"account|acc|id)\.?\s*(?:number|no|num|nr|#|id)?\.?\s*(?:is|its|it's|was|:|=|-)?\s*"
            # letters before the number, with or without a space: "LAC 0043917", "CR/2019/4"
            r"(?P<pii>(?:(?-i:[A-Z]{2,4})\s)?[A-Z]{0,4}(?:[-/][A-Z]{1,4}){0,3}[-/]?\d[A-Z0-9]*"
            r"(?:[-/][A-Z0-9]+)*)",  # and letter groups first: "LCC-CL-30872", "HO-U-2023-58812"
            score=0.85, validate=_id_shape, trigger=r"\d"),
    Pattern("reference_digit_groups", "ID",  # "my case number 44 91 20 7": digits typed in groups
            r"\b(?:case|ref(?:erence)?|file|client|crn|upn|pupil|student|claim|account)\s+"
            r"(?:number|no|num|nr|#)\.?\s*(?:is|was|:|-)?\s*(?P<pii>\d{2,4}(?:\s\d{1,4}){1,4})\b",
            score=0.8, validate=_spaced_digits_ok, trigger=r"\d\s\d"),
    Pattern("reference_far", "ID",  # "my student number at college is 21004573"
            r"\b(?:case|ref(?:erence)?|file|client|pupil|student|claim|account|membership|lac|"
            r"mosaic)\s+(?:number|no|num|id|ref)\b(?:\s+[a-z]+){1,4}?\s+(?:is|was|are)\s+"
            r"(?P<pii>[A-Z]{0,4}[-/]?\d{5,}[A-Z]?)\b",
            score=0.75, trigger=r"\d{5}"),
    Pattern("reference_spaced", "ID",  # "case number was MB 448 291", "my reference is REF 00-77"
            r"\b(?:case|ref(?:erence)?|file|client|crn|upn|pupil|student|claim|account|id)\.?\s*"
            r"(?:(?:number|no|num|nr|id)\b|#)?\.?\s*(?:is|was|:|=|-)?\s*"
            # a letter after the number too, but not "a" or "i": "cr 20931 b"
            r"(?P<pii>[A-Z]{2,4}\s\d{2,}(?:[\s/-]\d{2,})*(?:\s(?![ai]\b)[A-Z](?![\w/-]))?)"
            r"(?![\w/-])",
            score=0.8, validate=_spaced_reference_ok, trigger=r"[A-Za-z]\s\d\d"),
    Pattern("prison_number", "ID",  # a prison number: one letter, four digits, two letters
            r"\b[A-Z]\d{4}[A-Z]{2}\b", score=0.75, flags=0, trigger=r"\d{4}[A-Z]"),
    Pattern("court_case_number", "ID",  # a family court's case number: "LS21C00417"
            r"\b[A-Z]{2}\d{2}[A-Z]\d{5}\b", score=0.75, flags=0, trigger=r"\d[A-Z]\d"),
    Pattern("sort_code", "ID",
            r"\bsort\s*code\s*(?:is|:|-)?\s*(?P<pii>\d{2}[-\s]?\d{2}[-\s]?\d{2})\b",
            score=0.9, trigger=r"sort\s*code"),
    Pattern("reference_shape", "ID",
            r"\b(?:[A-Z]{1,4}[-/]\d{2,4}[-/]\d{2,}(?:[-/][A-Z0-9]+)*|"
            r"[A-Z]{1,4}(?:[-/][A-Z]{1,4})+[-/]\d{3,}(?:[-/][A-Z0-9]+)*|"  # "SCC/CIC/30915"
            r"[A-Z]{1,4}[-/]?\d{5,}(?:[-/][A-Z0-9]+)*|"
            r"\d{2,6}[-/][A-Z]{2,4}[-/]\d{2,})\b",  # "2231/CIC/07": a case number, digits first
            score=0.75, flags=0, trigger=r"\d"),
    Pattern("postcode", "POSTCODE",
            rf"\b{POSTCODE_OUTWARD}(?:\s{{0,2}}|\s?-\s?){POSTCODE_INWARD}\b",
            score=0.9, trigger=r"\d"),
    Pattern("postcode_spelt_inward", "POSTCODE",  # "SW1A 1 A A": the inward code spelt out
            rf"\b{POSTCODE_OUTWARD}\s{{1,2}}[0-9]\s[ABD-HJLNP-UW-Z]\s[ABD-HJLNP-UW-Z]\b",
            score=0.85, trigger=r"\d\s\w\s\w\b"),
    Pattern("postcode_district", "POSTCODE",  # "live in bd3", "moved to ls6", "from N15"
            rf"\b(?:post\s?code|in|from|near|round|around|(?:moved?|moving|went|back|over)\s+to)"
            rf"\s+(?P<pii>{_DISTRICT})\b(?!\s?[0-9][A-Z]{{2}})(?!\s*(?:{_NOT_A_DISTRICT_AFTER})\b)",
            score=0.5, validate=postcode_district_ok, trigger=r"\d"),
    Pattern("postcode_district_group", "POSTCODE",  # "the SE15 lot", "the bd7 boys"
            rf"\bthe\s+(?P<pii>{_DISTRICT})\s+(?:{_GROUPS_OF_A_PLACE})\b",
            score=0.6, validate=postcode_district_ok, trigger=r"\d"),
    Pattern("postcode_district_capitals", "POSTCODE",  # "BD3 is rough", "SE15": a two-letter
            # area in capitals needs no cue; a one-letter area ("M6", "B2", "E4") does
            r"(?<![\w/.-])(?P<pii>(?-i:[A-Z]{2}[0-9]{1,2}|[A-Z]{2}[0-9][A-Z]))(?![\w/-]|\.\d)"
            rf"(?!\s?[0-9][A-Z]{{2}})(?!\s+(?i:{_NOT_A_DISTRICT_AFTER})\b)",
            score=0.55, flags=0, validate=_capital_district_ok, trigger=r"[A-Z]{2}\d"),
    Pattern("postcode_cue", "POSTCODE",
            r"\b(?:postcode|post\s?code)\s*(?:is|was|:|=|-)?\s*(?P<pii>[a-z]{1,2}\d{1,2}[a-z]?"
            r"(?:\s{1,2}|\s?-\s?)\d\s?[a-z]\s?[a-z])\b",
            score=0.85, trigger=r"post\s?code"),
)
