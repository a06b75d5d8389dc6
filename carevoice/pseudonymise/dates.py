"""Patterns for dates, birthdays and years of birth, in figures and in words ("the ninth of march
two thousand and seven", "dob 14 07 09", "im a 2008 baby", "the 5th of the 9th 2010"), and the
month and year or the day of a month said of a birth ("born in march 2008", "my birthday is next
friday the 21st"). A month and year said of anything else is no exact date and is left.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`.
"""

from __future__ import annotations

import re

from ._pattern import Pattern

__all__ = ["DATE_PATTERNS"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def valid_date(value: str) -> float | bool:
    """Check that a matched date is a plausible calendar date.

    Parameters
    ----------
    value : str
        ``"4th January 2021"``, ``"22nd of june"``, ``"March 3rd"``, ``"14/03/2023"``...

    Returns
    -------
    float or bool

    Examples
    --------
    >>> valid_date("31/02/2020"), bool(valid_date("14/03/2023")), valid_date("45th May")
    (False, True, False)
    """
    low = value.lower()
    numbers = [int(n) for n in re.findall(r"\d+", low)]
    month_word = next((m for m in _MONTHS if re.search(rf"\b{m}", low)), None)
    if month_word is None:
        if len(numbers) != 3:
            return False
        a, b, _ = numbers
        day, month = (a, b) if b <= 12 else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= _month_days(month)):
            return False
        return 0.9
    month = _MONTHS.index(month_word) + 1
    days = [n for n in numbers if n <= 31]
    if not days or not 1 <= days[0] <= _month_days(month):
        return False
    # "12 may" without an ordinal, "of" or a year is too often "I was 12 may be".
    # (after a weekday too: "saturday 12 may be ok" is a time)
    bare = re.fullmatch(r"\d{1,2}\s+(may|mar|jan|jun|jul|sep|oct|dec)",
                        _WEEKDAY_BEFORE.sub("", low, count=1))
    if bare and value[-3:].islower():
        return False
    return 0.9


def _iso_date_ok(value: str) -> float | bool:
    """"2008-07-03": year, month, day."""
    _, month, day = (int(n) for n in re.findall(r"\d+", value))
    return 0.9 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _day_month_ok(value: str) -> float | bool:
    """A day and month without a year ("12/06"), day first as in the UK."""
    day, month = (int(n) for n in re.findall(r"\d+", value)[:2])
    return 0.9 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _packed_date_ok(value: str) -> float | bool:
    """"140709", "03092006": day, month and year run together, day first as in the UK."""
    day, month, year = int(value[:2]), int(value[2:4]), int(value[4:])
    if len(value) == 8 and not 1900 <= year <= 2099:
        return False
    return 0.85 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _month_days(month: int) -> int:
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
#: Ordinals as they are often misspelt: "twelth june 2006", "nineth of may".
_SPELT_RIGHT = {"fith": "fifth", "eigth": "eighth", "nineth": "ninth", "twelth": "twelfth",
                "ninteenth": "nineteenth"}

_DAY_WORDS = (r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|"
              r"eighth|ninth)|thirtieth|" + "|".join([*_ORDINALS, *_SPELT_RIGHT]) + ")")

_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[\s-]\w+)")

#: A year in words: "two thousand and ten", "twenty twelve", "nineteen ninety nine".
_YEAR_WORDS = (rf"(?:two\s+thousand(?:\s+(?:and|n|&))?(?:\s+{_NUMBER_WORDS})?|"
               r"twenty\s+(?:oh\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
               r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b|"
               r"nineteen\s+(?:eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|"
               r"nine))?)")


def _birthday_words_ok(value: str) -> float | bool:
    """"my birthday is the twelfth of march": after a birthday word any month will do."""
    return _day_words_ok(value, strict=False)


def _day_words_ok(value: str, strict: bool = True) -> float | bool:
    """"twenty third of october 2011", "the first of june": a day in words and a month.

    "first of may" and "second of march" without a year are too often other phrases, so those
    two months need the year.
    """
    low = value.lower()
    day = 0
    for word in re.findall(r"[a-z]+", low):
        for tens, base in (("twenty", 20), ("thirty", 30)):
            if word.startswith(tens):
                day, word = base, word[len(tens):]
        if word in ("twentieth", "thirtieth"):
            day = 20 if word == "twentieth" else 30
            break
        word = _SPELT_RIGHT.get(word, word)
        if word in _ORDINALS:
            day += _ORDINALS.index(word) + 1
            break
    month_word = next((m for m in _MONTHS if re.search(rf"\b{m}", low)), None)
    if month_word is None or not 1 <= day <= _month_days(_MONTHS.index(month_word) + 1):
        return False
    needs_year = strict and month_word in ("may", "mar")
    if needs_year and not re.search(r"(?:19|20)\d\d|thousand|nineteen|(?:may|march)\s+twenty",
                                    low):
        return False
    return 0.85


def _month_year_ok(value: str) -> float | bool:
    """"11/2008" after a birth word: a month (1 to 12) and a year."""
    month = int(re.findall(r"\d+", value)[0])
    return 0.85 if 1 <= month <= 12 else False


def _ordinal_numbers_ok(value: str) -> float | bool:
    """"5th of the 9th 2010", "21st of the 2nd": a day and a month both as ordinal numbers, the
    month at most 12 and the day one the month has."""
    day, month = (int(n) for n in re.findall(r"\d+", value)[:2])
    return 0.85 if 1 <= month <= 12 and 1 <= day <= _month_days(month) else False


def _day_of_month_ok(value: str) -> float | bool:
    """"next friday the 21st" after a birthday word: a day of a month (1 to 31)."""
    numbers = re.findall(r"\d+", value)
    if numbers:
        return 0.8 if 1 <= int(numbers[0]) <= 31 else False
    return 0.8  # a day in words after a weekday: "saturday the twenty first"


#: Words said of a birth that stand between it and its month and year: "born in early march
#: 2008", "my birthday is at the end of june 2011", "dob is like sept 2009".
_BIRTH_FILLERS = (r"(?:is|was|in|on|at|the|of|around|about|roughly|sometime|some|time|early|"
                  r"late|mid|middle|start|end|beginning|back|right|towards|like|i|think|um|erm|"
                  r"er|spring|summer|autumn|fall|winter|it|its|it's|me|yeah)")

#: What says a birth: "born", "dob", "date of birth", "birthday", and an age turned ("i turned 18
#: in may 2024" gives the month and year of a birth).
_BIRTH_CUE = (r"(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|bday|b-day|"
              r"turn(?:s|ed)?\s+\d{1,2})")

#: A month and a year: "march 2008", "feb '09", "sept of 2007", "june two thousand and ten".
_MONTH_YEAR = (rf"{_MONTH_RE}\.?(?:\s+of)?,?\s+(?:(?:19|20)\d\d|'\d\d|{_YEAR_WORDS})"
               r"(?![\d/.-]?\d)")

#: A day of the month as an ordinal number.
_ORDINAL_DAY = r"\d{1,2}(?:st|nd|rd|th)\b"

_WEEKDAY = r"(?:monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)"

#: A day of the month as a birthday may be given: "21st", "next friday the 21st", "this saturday
#: the 2nd", "friday the twenty first".
_BIRTHDAY_DAY = (rf"(?:(?:(?:next|this|last|coming|a)\s+)?{_WEEKDAY}\s+(?:the\s+)?"
                 rf"(?:{_ORDINAL_DAY}|{_DAY_WORDS}\b)|{_ORDINAL_DAY})")

#: What makes an ordinal no date: a rank or a count ("born 2nd of 5", "the 3rd youngest", "the
#: 1st of the 2nd years").
_NOT_A_DAY = (r"(?!\s+(?:of\s+(?:\d+\b(?!st|nd|rd|th)|two|three|four|five|six|seven|eight|nine|"
              r"ten|us|them|my|our|his|her|the\s+(?:kids|children|family|siblings|lot))|"
              r"out\s+of|youngest|oldest|eldest|child|kid|baby|born|birthday|time|in\s+line|"
              r"place|years?|yrs?|form(?:ers)?|grade|round|half|set|group|floor|team|class|"
              r"week|weeks|month|months|day|days|go|try|attempt|one)\b)")


#: Holidays named as dates ("christmas day 2009", "my birthday is on boxing day").
_HOLIDAYS = (r"christmas\s+(?:day|eve)|boxing\s+day|new\s+year'?s\s+(?:day|eve)|"
             r"valentine'?s\s+day|bonfire\s+night|halloween|st\.?\s+patrick'?s\s+day")

#: Holidays that a year makes a date ("xmas eve 2021", "easter sunday 2020", "eid 2019"): the
#: named days above, the short forms of christmas and the feasts that move with the calendar.
_HOLIDAYS_IN_A_YEAR = (rf"{_HOLIDAYS}|(?:xmas|x-mas|crimbo|chrimbo)(?:\s+(?:day|eve))?|"
                       r"christmas|easter(?:\s+(?:sunday|monday|day|weekend|holidays?))?|"
                       r"good\s+friday|eid(?:\s+al[- ]?(?:fitr|adha))?|diwali|hanukkah|"
                       r"mother'?s\s+day|father'?s\s+day")

#: A weekday, short forms too, before a day and month in figures: "wed 3/4", "thurs 12.5".
_WEEKDAY_SHORT = (r"(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|"
                  r"fri|friday|sat|saturday|sun|sunday)")


#: A weekday (and "the") before a day and month, part of the date it names: "tuesday the 9th of
#: april", "sat 3rd june", "friday, march 7th" (the day and month alone would leave the weekday
#: beside the placeholder).
_WEEKDAY_BEFORE_RE = rf"(?:{_WEEKDAY_SHORT}\.?,?\s+(?:the\s+)?)"
_WEEKDAY_BEFORE = re.compile(_WEEKDAY_BEFORE_RE)


#: The dates patterns, in the order they are tried.
DATE_PATTERNS: tuple[Pattern, ...] = (
    Pattern("date_day_month", "DATE",
            rf"\b{_WEEKDAY_BEFORE_RE}?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_RE}\b\.?"
            rf"(?:,?\s+(?:(?:19|20)\d\d|{_YEAR_WORDS}))?",  # "3rd march two thousand n eight"
            score=0.9, validate=valid_date, trigger=r"\d"),
    Pattern("date_day_words", "DATE",
            rf"\b(?:the\s+)?(?P<pii>{_WEEKDAY_BEFORE_RE}?{_DAY_WORDS}(?:\s+of)?\s+{_MONTH_RE}\b\.?"
            rf"(?:,?\s+(?:(?:19|20)\d\d|{_YEAR_WORDS}))?)",
            score=0.85, validate=_day_words_ok, trigger=_MONTH_RE),
    Pattern("date_month_day", "DATE",
            rf"\b(?:{_WEEKDAY_SHORT}\.?,?\s+)?{_MONTH_RE}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?:19|20)\d\d)?",
            score=0.9, validate=valid_date, trigger=r"\d"),
    Pattern("date_numeric", "DATE",
            r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-])",
            score=0.9, validate=valid_date, trigger=r"\d[/.-]\d"),
    Pattern("date_iso", "DATE",
            r"(?<![\d/.-])(?:19|20)\d\d([-./])\d{1,2}\1\d{1,2}(?![\d/-]|\.\d)",
            score=0.9, validate=_iso_date_ok, trigger=r"\d[-./]\d"),
    Pattern("date_birthday_holiday", "DATE",
            r"\b(?:birthday|bday|b-day|born)(?:'s)?\W{0,3}(?:(?:is|was|it's|its)\s+)?(?:on\s+)?"
            rf"(?P<pii>{_HOLIDAYS}|april\s+fool'?s\s+day)\b",
            score=0.8, trigger=r"birthday|bday|b-day|born"),
    Pattern("date_birthday_words", "DATE",
            rf"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date\s+of\s+birth)(?:'s)?\W{{0,3}}"
            rf"(?:(?:is|was|on|it's|its)\s+)?(?:on\s+)?(?:the\s+)?(?P<pii>{_DAY_WORDS}"
            rf"(?:\s+of)?\s+{_MONTH_RE})\b",
            score=0.85, validate=_birthday_words_ok, trigger=_MONTH_RE),
    Pattern("date_holiday_year", "DATE",
            rf"\b(?:{_HOLIDAYS_IN_A_YEAR})"
            r",?\s+(?:(?:in|of)\s+)?(?:19|20)\d\d\b",
            score=0.8, trigger=r"(?:19|20)\d\d"),
    Pattern("date_weekday_numeric", "DATE",  # "wed 3/4", "on friday the 9.6": the weekday
            # says the figures are a day and a month (no fraction, score or time)
            rf"\b{_WEEKDAY_SHORT}\.?,?\s+(?:the\s+)?\d{{1,2}}[/.]\d{{1,2}}(?![/.-]?\d)(?!\s+of\b)",
            score=0.85, validate=_day_month_ok, trigger=r"\d[/.]\d"),
    Pattern("date_birth_year", "DATE",  # "born in 2015", "born there in 2009", "yob 2011"
            r"\b(?:born(?:(?:\s+[a-z']+){1,3}?\s+in)?(?:\s+in)?(?:\s+the\s+year)?|"
            r"year\s+of\s+birth(?:\s+is)?|yob|dob)"
            r"\W{0,3}(?P<pii>(?:19|20)\d\d)\b(?![/.-]\d)",
            score=0.8, trigger=r"born|birth|yob|dob"),
    Pattern("date_year_baby", "DATE",  # "im a 2008 baby", "a millennium baby born 2000"
            r"\b(?:an?|im|i'm)\s+(?P<pii>(?:19|20)\d\d)\s+(?:baby|babe|kid|child)\b",
            score=0.7, trigger=r"(?:19|20)\d\d\s+(?:baby|babe|kid|child)"),
    # a birth year a record gets wrong, in a comment about being born: "i was born in 2008
    # but my file says 2009"
    Pattern("date_year_recorded", "DATE",
            r"\b(?:says|said|put|puts|wrote|writes|has|had|got|shows)\s+(?:it\s+(?:as|is)\s+|me\s+"
            r"(?:as\s+)?)?(?P<pii>(?:199\d|20[01]\d|202[0-5]))\b(?!\s*(?:quid|pounds|pound|p\b|%))",
            score=0.6, trigger=r"\b(?:born|dob|d\.o\.b|birthday|bday)\b"),
    Pattern("date_year_born", "DATE",  # "im 2006 born so i turn 18 soon", "my sis is 2011 born"
            r"\b(?:im|i'm|am|is|was|are|were|shes|hes|she's|he's)\s+(?:an?\s+)?"
            r"(?P<pii>(?:19|20)\d\d)\W{0,2}born\b",
            score=0.7, trigger=r"(?:19|20)\d\d\W{0,2}born"),
    Pattern("date_birth_month_year", "DATE",  # "born in march 2008", "my birthday is june
            # 2011", "born in leeds in feb '09", "i turned 18 in may 2024"
            rf"\b{_BIRTH_CUE}(?:'s)?(?:(?:\s+(?!(?:but|and|then|so|when|after|before|until|"
            rf"till|since)\b)[a-z']+){{0,3}}?\s+in\b)?(?:\W{{1,3}}{_BIRTH_FILLERS}\b)*\W{{1,3}}"
            rf"(?P<pii>{_MONTH_YEAR})",
            score=0.85, trigger=r"(?:19|20)\d\d|'\d\d|thousand|twenty|nineteen"),
    Pattern("date_month_year_then_birth", "DATE",  # the birth word after: "march 2008 is when
            # i was born", "june 2009 is my birth month", "2008 is the year i was born" (not
            # across "but", "and", "so": "march 2008 and then i was born again" is no birth)
            rf"\b(?P<pii>{_MONTH_YEAR}|(?:19|20)\d\d(?![\d/.-]))"
            r"(?:[^\w.!?]{1,3}(?!(?:but|and|then|so|after|before|until|till|since|because|cos|"
            r"coz)\b)[a-z']+){1,5}?[^\w.!?]{1,3}(?:born|birth\s*(?:month|year|date)|dob)\b",
            score=0.8, trigger=r"born|birth|dob"),
    Pattern("date_birth_season_year", "DATE",  # "born in the summer of 2008", "born early 2010"
            # (not after "birthday": "my birthday in 2020 was in lockdown" gives no birth year)
            rf"\b(?!birthday|bday|b-day){_BIRTH_CUE}(?:'s)?(?:\W{{1,3}}{_BIRTH_FILLERS}\b)+\W{{1,3}}"
            r"(?P<pii>(?:19|20)\d\d)\b(?![/.-]\d)",
            score=0.8, trigger=r"(?:19|20)\d\d"),
    Pattern("date_birth_month_year_numeric", "DATE",  # "DOB: 11/2008", "born 06-2009"
            rf"\b{_BIRTH_CUE}(?:'s)?\W{{0,3}}(?:(?:is|was|on|it's|its)\s+)?"
            r"(?P<pii>\d{1,2}[/.-](?:19|20)\d\d)(?![/.-]?\d)",
            validate=_month_year_ok, trigger=r"\d[/.-](?:19|20)\d\d"),
    Pattern("date_ordinal_numbers", "DATE",  # "the 5th of the 9th 2010", "on the 21st of the 2nd"
            rf"\b(?P<pii>{_ORDINAL_DAY}\s+of\s+(?:the\s+)?{_ORDINAL_DAY}{_NOT_A_DAY}"
            r"(?:,?\s+(?:(?:19|20)\d\d|'?\d\d)(?![\d/.-]))?|"
            rf"{_ORDINAL_DAY}\s+(?:the\s+)?{_ORDINAL_DAY},?\s+(?:(?:19|20)\d\d|'\d\d)(?![\d/.-]))",
            score=0.85, validate=_ordinal_numbers_ok, trigger=r"\d(?:st|nd|rd|th)"),
    Pattern("date_birthday_day", "DATE",  # "my birthday is next friday the 21st", "birthday on
            # the 30th", "born on the 27th"
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?)(?:'s)?"
            r"(?:\s+(?:is|was|will\s+be|on|it's|its|falls\s+on|lands\s+on|this\s+year))*"
            rf"\s+(?:the\s+)?(?P<pii>{_BIRTHDAY_DAY}){_NOT_A_DAY}",
            validate=_day_of_month_ok, trigger=r"\d(?:st|nd|rd|th)|day\s+the"),
    Pattern("date_day_birthday", "DATE",  # "the 21st is my birthday", "its my birthday this
            # saturday the 2nd" (above), "saturday the 2nd is her bday"
            rf"(?<!\bmy\s)(?<!\bhis\s)(?<!\bher\s)\b(?:the\s+)?(?P<pii>{_BIRTHDAY_DAY})\s+"
            r"(?:is|was|will\s+be|'s|it's|its)\s+(?:my|his|her|their|our|your|me|the)\s+"
            r"(?:birthday|bday|b-day)\b",
            validate=_day_of_month_ok, trigger=r"birthday|bday|b-day"),
    Pattern("date_birthday_numeric", "DATE",
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?)(?:'s)?\W{0,3}(?:(?:is|was|on|it's|its)\s+)?"
            r"(?:the\s+)?(?P<pii>\d{1,2}[/.-]\d{1,2})(?![/.-]?\d)",
            validate=_day_month_ok, trigger=r"\d[/.-]\d"),
    Pattern("date_birthday_spaced", "DATE",
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date\s+of\s+birth)(?:'s)?\W{0,3}"
            r"(?:(?:is|was|on|it's|its)\s+)?(?P<pii>\d{1,2}\s\d{1,2}\s(?:\d{4}|\d{2}))(?!\s?\d)",
            validate=valid_date, trigger=r"\d\s\d"),
    Pattern("date_solar_hijri", "DATE",  # a tazkira's date: "23 Hamal 1387", "5 saratan 1390"
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:hamal|sawr|sowr|jawza|saratan|asad|"
            r"sunbula|sonbola|mizan|aqrab|qaws|jadi|dalw|hut|hoot)\b,?\s+1[34]\d\d\b",
            score=0.85, trigger=r"1[34]\d\d"),
    Pattern("date_birthday_packed", "DATE",  # "dob 140709", "date of birth YP: 03092006"
            r"\b(?:birthday|bday|b-day|born|dob|d\.o\.b\.?|date\s+of\s+birth)(?:'s)?"
            r"(?:\W{1,3}(?:is|was|on|it's|its|um|erm|er|uh|yeah|[A-Za-z]{1,3}\d{0,2}:))*\W{1,3}"
            r"(?P<pii>\d{6}|\d{8})(?!\d)",
            validate=_packed_date_ok, trigger=r"\d{6}"),
)
