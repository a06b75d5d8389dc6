"""What a column's header and answers say about it: free text, a name, or a closed question.

Internal helpers of :func:`carevoice._answers.free_text_columns`. A header is read with ``_``
and ``-`` as spaces (``anything_else``, ``worker-note``), so SPSS short names and question
wordings are read alike, and CamelCase is read as words too (Qualtrics' ``RecipientFirstName``
as "Recipient First Name", ``IPAddress`` as "IP Address"). Three kinds of wording ask for more
than a closed answer:

- free text, always ("Other (please specify)", "Anything else?", ``placement_other``,
  Qualtrics' ``Q5_6_TEXT``, ``gender_self``);
- a name or contact details ("First name", ``yp_name``, "Name of school", "Contact number");
  a survey platform's record of who was sent the survey or where it was answered from
  (``IPAddress``, ``LocationLatitude``, ``RecipientEmail``, ``ExternalReference``) is one
  whatever its answers look like (:func:`platform_identifier`);
- an open question that closed questions also use ("Why?", "Details", "Please describe",
  "Notes", "Remarks", "Other support"): free text unless every answer repeats;
- a lead-in that closed questions use too ("Please tell us ...", as in a Qualtrics matrix
  question "Please tell us how much you agree with these - I feel safe"): free text unless
  the answers are a closed list's labels (:func:`closed_labels`).

Wordings of closed questions that share these words are not read as asking for free text:
"Which of these best *describes* ...", "How would you *describe* your health?", "Has anyone
*explained why* ...", ``know_why_care``, "*Other children* living in your home". An answer
set of replies only ("Yes", "No", "Don't know") holds no name, whatever the wording.
"""

from __future__ import annotations

import re

import pandas as pd

FREE_TEXT = "its question asks for free text"
IDENTIFIER = "its question asks for a name or contact details"
PLATFORM_IDENTIFIER = "it records who answered, or where from"

# Wordings that ask for free text whatever the answers look like.
_FREE_TEXT_QUESTION = re.compile(
    r"specify|anything else|what else|comment|own words|free ?text|\bwrite ?in\b|"
    r"\bself ?(?:describ|defin|identif)|\bself\s*$|\btext\s*$|"
    r"^\s*oth(?:er)?\s*(?:$|[(:/])|\b(?:oth|other)\s*$|^\s*oth\b", re.IGNORECASE)
# A lead-in that open and closed questions share ("Please tell us what you think", "Please
# tell us how much you agree with these - I feel safe"): free text unless the answers are
# a closed list's (:func:`closed_labels`).
_LEAD_IN = re.compile(r"\btell us\b", re.IGNORECASE)
# A capitalised word inside an answer (a name), besides "I" and its contractions.
_INNER_CAPITAL = re.compile(r"(?<=\s)(?!I\b|I['\u2019])[A-Z\u00C0-\u00DE]")
# Wordings that ask for a person's name, a named school or home, or contact details.
_PEOPLE = (r"first|last|sur|fore|given|family|full|middle|nick|child'?s?|young person'?s?|your|"
           r"carer'?s?|worker'?s?|school|college|home|placement|respondent'?s?|participant'?s?|"
           r"pupil'?s?|yp|cyp|sw|pa|iro|user|f|l")
_IDENTIFIER_QUESTION = re.compile(
    rf"\b(?:{_PEOPLE}) ?names?\b|^\s*names?\b|"
    r"\be ?mail\b|\b(?:tel(?:ephone)?|phone|mobile|contact) ?(?:no|number)\b|"
    r"^\s*(?:tel(?:ephone)?|phone|mobile)\s*$|\bcontact (?:details|info)|"
    r"\baddress(?:es)?\b|\bpost ?codes?\b|date of birth|\bdob\b|\bbirth ?date\b|"
    r"\bnhs (?:no|number)\b|national insurance", re.IGNORECASE)
# A survey platform's columns that identify who answered, or where from, whatever the answers
# (the same IP address and location for every young person in one children's home).
_PLATFORM_IDENTIFIER = re.compile(
    r"\bip ?address(?:es)?\b|^\s*ip\s*$|\blatitude\b|\blongitude\b|"
    r"\blocation (?:lat|long|accuracy)|\bexternal (?:data )?ref(?:erence)?\b|\brecipient\b",
    re.IGNORECASE)
# Wordings of open questions that closed questions share: free text unless answers repeat.
_OPEN_QUESTION = re.compile(
    r"\bexplain\b|(?:^|\bplease |\band |\bor |[,:(]\s*)describe\b|\bwhy\b|\bdetails?\b|"
    r"\bnotes?\b|\bremarks?\b|\bfeedback\b|\bsuggestions?\b|^\s*other\b", re.IGNORECASE)
# Closed questions worded with those words: read without them.
_CLOSED_PHRASES = re.compile(
    r"\b(?:know|knows|explained|understand|understood|told(?: you)?)\s+(?:\w+\s+)?why\b|"
    r"^\s*other\s+(?:children|kids|young people|people|adults|siblings|brothers|sisters|"
    r"family|relatives|carers|residents|pupils|students|boys|girls)\b", re.IGNORECASE)
# Headers of closed questions whose answers are proper names from a list: places, groups.
_CATEGORY_QUESTION = re.compile(
    r"\b(?:council|local authority|la|authority|borough|region|area|district|county|ward|"
    r"nation|country|ethnic\w*|religion|faith|nationality|language)\b", re.IGNORECASE)
# Answers that are replies, not words of one's own: an answer set of these holds no name.
_REPLIES = frozenset({
    "yes", "no", "y", "n", "don't know", "dont know", "do not know", "i don't know", "dk",
    "not sure", "unsure", "maybe", "sometimes", "prefer not to say", "rather not say",
    "n/a", "na", "not applicable", "none", "true", "false"})
_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?|"
    r"\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?(?: \d{1,2}:\d{2}(?::\d{2})?)?")
# A range such as "8-10" as Excel shows it once it has made it a date: "08-Oct", "8-Oct",
# "Oct-10", "08/10/2026", or a date cell of an XLSX file read as "2026-10-08".
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_EXCEL_DATE = re.compile(
    rf"\d{{1,2}}[-/ ]{_MONTHS}(?:[-/ ]\d{{2,4}})?|{_MONTHS}[-/ ]\d{{1,4}}|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00)?)?|\d{1,2}/\d{1,2}/\d{2,4}", re.IGNORECASE)
# A list label: starts with a capital or a digit, does not end as a sentence, <= 10 words.
_LABEL = re.compile(r"[A-Z0-9\u00C0-\u00DE].*(?<![.!?])", re.DOTALL)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def header_text(column: object) -> str:
    """A header as the patterns read it: ``_`` and ``-`` as spaces."""
    return re.sub(r"[_\-]+", " ", str(column))


def camel_words(text: str) -> str:
    """CamelCase split into words: ``RecipientFirstName`` -> "Recipient First Name",
    ``IPAddress`` -> "IP Address" (runs of capitals stay together: ``NHSNumber`` -> "NHS
    Number").

    Examples
    --------
    >>> camel_words("RecipientFirstName"), camel_words("IPAddress"), camel_words("Q5_6_TEXT")
    ('Recipient First Name', 'IP Address', 'Q5_6_TEXT')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)


def header_texts(column: object) -> list[str]:
    """The ways the patterns read a header: :func:`header_text`, and the same with CamelCase
    split into words when that differs (``DoB`` is read as it is and as "Do B").

    Examples
    --------
    >>> header_texts("RecipientEmail"), header_texts("first_name")
    (['RecipientEmail', 'Recipient Email'], ['first name'])
    """
    plain = header_text(column)
    return list(dict.fromkeys([plain, header_text(camel_words(str(column)))]))


def platform_identifier(header: str) -> bool:
    """Whether a header (as :func:`header_texts` reads it) names a survey platform's record
    of who answered or where from: an IP address, a location, a recipient, an external
    reference.

    Examples
    --------
    >>> [platform_identifier(h) for h in ("IP Address", "Location Latitude",
    ...  "External Data Reference", "Recipient First Name", "How long have you lived here?")]
    [True, True, True, True, False]
    """
    return bool(_PLATFORM_IDENTIFIER.search(header))


def question_asks(header: str) -> tuple[str, str]:
    """What a header asks for: ``(reason, how_firmly)``; ``("", "")`` for nothing.

    ``how_firmly`` is ``"always"`` (free text or a name whatever the answers), ``"open"`` (an
    open question that closed questions also use, "Why?": free text unless every answer
    repeats) or ``"lead_in"`` ("Please tell us ...": free text unless the answers are a
    closed list's labels, :func:`closed_labels`).

    Examples
    --------
    >>> question_asks("Other (please specify)")
    ('its question asks for free text', 'always')
    >>> question_asks("Why?"), question_asks("know why care")
    (('its question asks for free text', 'open'), ('', ''))
    >>> question_asks("Please tell us how much you agree - I feel safe")
    ('its question asks for free text', 'lead_in')
    >>> question_asks("Which of these best describes your gender?")
    ('', '')
    """
    if _FREE_TEXT_QUESTION.search(header):
        return FREE_TEXT, "always"
    if _IDENTIFIER_QUESTION.search(header):
        return IDENTIFIER, "always"
    if _OPEN_QUESTION.search(_CLOSED_PHRASES.sub(" ", header)):
        return FREE_TEXT, "open"
    if _LEAD_IN.search(header):
        return FREE_TEXT, "lead_in"
    return "", ""


def answer_keys(present: pd.Series) -> pd.Series:
    """Answers as compared: spaces collapsed, any case, any apostrophe."""
    return present.map(lambda v: re.sub(r"\s+", " ", v.strip()).casefold()
                       .translate(_APOSTROPHES))


def replies_only(keys: pd.Series) -> bool:
    """Whether every answer is a reply such as "Yes", "No", "Don't know" (from
    :func:`answer_keys`)."""
    return bool(keys.str.rstrip(".!").isin(_REPLIES).all())


def repeated_short(present: pd.Series, once: pd.Series) -> bool:
    """Few short answers, each given by two respondents or more: a closed question's."""
    return not once.any() and bool((present.str.split().str.len() <= 8).all())


def closed_labels(present: pd.Series, once: pd.Series) -> bool:
    """Whether answers are the labels of a closed list: ten or fewer, each chosen by two
    respondents or more, each of six words or fewer, starting with a capital or a digit, not
    ending as a sentence, and with no capitalised word inside but "I" (a name): "Agree a
    lot", "Not sure", "Foster care", not "My dog Biscuit", "my nan", "It is ok.".

    Examples
    --------
    >>> answers = pd.Series(["Agree a lot", "Not sure", "I don't know"] * 2)
    >>> closed_labels(answers, pd.Series([False] * 6))
    True
    >>> answers = pd.Series(["My dog Biscuit", "Nothing"] * 2)
    >>> closed_labels(answers, pd.Series([False] * 4))
    False
    """
    stripped = present.str.strip()
    return (not once.any() and stripped.str.casefold().nunique() <= 10
            and bool(stripped.map(lambda v: bool(_LABEL.fullmatch(v)) and len(v.split()) <= 6
                                  and not _INNER_CAPITAL.search(v)).all()))


def written_like(answer: str, *, lower_case: bool = True) -> bool:
    """Whether a short answer reads as words of one's own rather than a list's label: more
    than six words, a sentence, a capitalised word inside but "I" (a name), an e-mail
    address or six digits or more (a phone number), or, when ``lower_case``, a small letter
    first ("fishing with Tariq", "Seeing Nan Rose", "my mate", not "Youth club").

    Examples
    --------
    >>> [written_like(a) for a in ("Youth club", "fishing with Tariq", "Seeing Nan Rose",
    ...                            "I go to the park.", "Sport")]
    [False, True, True, True, False]
    >>> written_like("drawing", lower_case=False)
    False
    """
    text = answer.strip()
    if not text:
        return False
    return (len(text.split()) > 6 or bool(re.search(r"[.!?]$", text))
            or bool(_INNER_CAPITAL.search(text)) or "@" in text
            or len(re.findall(r"\d", text)) >= 6
            or (lower_case and not _LABEL.fullmatch(text)))


def all_dates(present: pd.Series) -> bool:
    """Whether every answer is a date, or a date and time (ISO or day/month/year)."""
    return bool(present.str.strip().str.fullmatch(_DATE).all())


def excel_dates(present: pd.Series) -> pd.Series:
    """Which answers look like a date Excel made of a range ("8-10" as "08-Oct", "8-Oct",
    "Oct-10", "08/10/2026", or a date cell, "2026-10-08").

    Examples
    --------
    >>> excel_dates(pd.Series(["08-Oct", "11-13", "2026-10-08", "3-Feb-26"])).tolist()
    [True, False, True, True]
    """
    return present.str.strip().str.fullmatch(_EXCEL_DATE).fillna(False).astype(bool)


def names_a_list(header: str) -> bool:
    """Whether a header names a list of places or groups (a council, a country, an ethnic
    group, a language), whose labels may be spelt as names are ("Jordan", "Georgia").

    Examples
    --------
    >>> names_a_list("Country of birth"), names_a_list("Who do you live with?")
    (True, False)
    """
    return bool(_CATEGORY_QUESTION.search(header))


def closed_list(header: str, present: pd.Series, once: pd.Series) -> bool:
    """Whether answers that mostly differ are still the labels of a closed list.

    True when the header names a list of places or groups (a council, an ethnic group) and
    every answer is a short label, or when most answers repeat (fewer than half are given by
    one respondent) and those given once are short labels: "Leeds", "Kingston upon Hull",
    not "my nan in leeds".
    """
    labels = present.map(lambda v: bool(_LABEL.fullmatch(v.strip()))
                         and len(v.split()) <= 10)
    if names_a_list(header) and labels.all():
        return True
    return bool(once.sum() < 0.5 * len(present) and labels[once].all())
