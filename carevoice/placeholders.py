"""carevoice's own placeholders: how to recognise them, and how the models read them.

The pseudonymiser writes tags in two styles, numbered per label (``[PERSON_3]``,
``[Person 3]``), or a redaction mark (``[REDACTED]``). The number only says which tag is which
inside one run: it depends on the order of the comments, on the chunk a batch run read them in
and on an earlier wave's key (``--previous-key`` continues the numbers). So the text a model
sees (the theme coder's embeddings and wording features, discovery's embeddings, quote
selection's embeddings) is :func:`model_text`: every placeholder replaced by one number-free
form per label ("someone" for a person, one town's name for a place...), whatever its
number or style; discovery's keywords leave placeholders out altogether. Outputs keep the tags
as written: only the models' reading changes. The one exception is a published quote, whose tags
are numbered again within the quote (:func:`renumber_tags`), so that the numbers never link
quotes of different young people. Nothing here imports more than :mod:`re`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .schema import PII_LABELS

__all__ = [
    "FURTHER_FORMS",
    "MODEL_FORMS",
    "PLACEHOLDER",
    "TAG_WORDS",
    "model_text",
    "model_texts",
    "placeholder_label",
    "renumber_tags",
]

#: The words of the ``"words"`` tag style ("[Person 1]"), by label.
TAG_WORDS: dict[str, str] = {
    "PERSON": "Person", "LOCATION": "Place", "ORG": "Organisation", "PHONE": "Phone",
    "EMAIL": "Email", "HANDLE": "Handle", "DATE": "Date", "ADDRESS": "Address",
    "POSTCODE": "Postcode", "ID": "ID", "OTHER_SCRIPT": "Other script",
}

_LABELS = "|".join(sorted({re.escape(w) for w in (*PII_LABELS, *TAG_WORDS.values())},
                          key=lambda w: -len(w)))
#: carevoice's own placeholders: tags in either style ("[PERSON_1]", "[Person 1]", "[PERSON]"),
#: the default redaction mark and the surrogate of text in another script.
PLACEHOLDER = re.compile(rf"\[(?:(?:{_LABELS})(?:[_ ]\d+)?|REDACTED|other script)\]",
                         re.IGNORECASE)

#: The label of each tag word, in lower case ("place" -> "LOCATION").
_LABEL_OF = {**{label.lower(): label for label in PII_LABELS},
             **{word.lower(): label for label, word in TAG_WORDS.items()},
             "redacted": "REDACTED", "other script": "OTHER_SCRIPT"}

#: What the models read for a placeholder of each label: a plain word or phrase for a person
#: ("someone") and for the rarer kinds, and a fixed fictional-looking name for a place and an
#: organisation (``REDACTED``, whose label is unknown, reads as a person: most redacted spans
#: are names). The names are absent from the coder's training texts, so that the wording model
#: has learnt nothing about them. Chosen by measurement on the development set, the theme
#: probe and the demo corpus (see ``docs/themes.md``): a fixed first name coded as well but
#: made discovery group comments by the name they share; names that the training texts use
#: ("Leeds", "Sam") brought their training themes with them.
MODEL_FORMS: dict[str, str] = {
    "PERSON": "someone", "LOCATION": "Kettering", "ORG": "Elmwood", "PHONE": "a phone number",
    "EMAIL": "an email address", "HANDLE": "a username", "DATE": "a date",
    "ADDRESS": "an address", "POSTCODE": "a postcode", "ID": "a reference number",
    "OTHER_SCRIPT": "something", "REDACTED": "someone",
}

#: The forms of the second, third... different place or organisation *within one comment*, so
#: that "moved from [LOCATION_1] to [LOCATION_2]" still reads as a move between two places
#: ("Kettering to Corby"), not as "Kettering to Kettering". Which tag gets which form follows the
#: order in which the tags first appear in the comment, not their numbers, so the reading still
#: does not depend on how the tags were numbered. A person stays "someone" whatever their number
#: (a fixed first name made discovery group comments by it). The names are absent from the
#: coder's training texts, as the first forms are; after the last one the forms start again.
FURTHER_FORMS: dict[str, tuple[str, ...]] = {
    "LOCATION": ("Corby", "Daventry", "Oundle", "Rushden"),
    "ORG": ("Birchfield", "Oakridge", "Thornleigh", "Westcroft"),
}


def placeholder_label(tag: str) -> str | None:
    """The label of one placeholder, or None when ``tag`` is not one.

    Parameters
    ----------
    tag : str
        A whole placeholder, brackets included.

    Returns
    -------
    str or None
        One of :data:`carevoice.schema.PII_LABELS`, or ``"REDACTED"``.

    Examples
    --------
    >>> placeholder_label("[PERSON_12]"), placeholder_label("[Place 3]")
    ('PERSON', 'LOCATION')
    >>> placeholder_label("[REDACTED]"), placeholder_label("[mum]")
    ('REDACTED', None)
    """
    if not PLACEHOLDER.fullmatch(tag):
        return None
    inner = re.sub(r"[_ ]\d+$", "", tag[1:-1]).lower()
    return _LABEL_OF.get(inner)


#: A numbered tag, in either style: its words, the separator and the number.
_NUMBERED = re.compile(r"\[(.*?)([_ ])(\d+)\]")


def _first_appearance() -> Callable[[str, str], int]:
    """For one text: the 0-based order in which each tag (label, number) first appears in it,
    counted per label, so that the same tag always gets the same order."""
    seen: dict[str, dict[str, int]] = {}

    def order(label: str, number: str) -> int:
        mine = seen.setdefault(label, {})
        return mine.setdefault(number, len(mine))

    return order


def _reader() -> Callable[[re.Match[str]], str]:
    """A substitution function for one text: each placeholder's form, in order of appearance."""
    order = _first_appearance()

    def word(match: re.Match[str]) -> str:
        tag = match.group(0)
        label = placeholder_label(tag)
        if label is None:
            return tag
        further = FURTHER_FORMS.get(label)
        numbered = _NUMBERED.fullmatch(tag)
        if not further or numbered is None:  # an unnumbered tag cannot be told from another
            return MODEL_FORMS[label]
        forms = (MODEL_FORMS[label], *further)
        return forms[order(label, numbered[3]) % len(forms)]

    return word


def model_text(text: str) -> str:
    """The text as carevoice's models read it: placeholders without their numbers.

    Every carevoice placeholder, in either tag style and any number (``[PERSON_3]``,
    ``[Person 12]``, ``[person_1]``), and the default redaction mark ``[REDACTED]``, becomes
    the form of its label in :data:`MODEL_FORMS`, so that a comment is coded, clustered
    and quoted the same whatever numbers its tags got. A second (third...) different place or
    organisation in the same comment reads as the next form in :data:`FURTHER_FORMS`, by order
    of appearance. Other text is left exactly as it is; applying it twice changes nothing more.

    Parameters
    ----------
    text : str
        A comment, pseudonymised or not.

    Returns
    -------
    str

    Examples
    --------
    >>> model_text("i miss [PERSON_3] and [Person 12] in [LOCATION_1]")
    'i miss someone and someone in Kettering'
    >>> model_text("ring [PHONE_2] or [REDACTED]") == model_text("ring [Phone 9] or [REDACTED]")
    True
    >>> model_text("moved from [LOCATION_7] to [LOCATION_2], back to [LOCATION_7]")
    'moved from Kettering to Corby, back to Kettering'
    """
    if "[" not in text:
        return text
    return PLACEHOLDER.sub(_reader(), text)


def model_texts(texts: Iterable[str] | Sequence[str]) -> list[str]:
    """:func:`model_text` of each text.

    Parameters
    ----------
    texts : iterable of str

    Returns
    -------
    list of str

    Examples
    --------
    >>> model_texts(["[ORG_1] was ok", "[Organisation 4] was ok"])
    ['Elmwood was ok', 'Elmwood was ok']
    """
    return [model_text(t) for t in texts]


def renumber_tags(text: str) -> str:
    """The text with its numbered tags counted again from 1, within this text alone.

    A published quote keeps its tags, but the numbers a run gave them (``[PERSON_73]``) are
    the same in every comment that names the same person: two quotes that both say
    ``[PERSON_73]`` would tell a reader that two young people know the same carer, or live
    in the same household. Here each label's tags are numbered 1, 2... in the order they
    first appear in ``text``, in the tag's own style (``[PERSON_73]`` becomes ``[PERSON_1]``,
    ``[Person 12]`` becomes ``[Person 1]``); the same tag twice keeps one number, so a quote
    still reads "[PERSON_1] and [PERSON_2] ... [PERSON_1]". Unnumbered tags, the redaction
    mark and every other character are left as they are.

    Parameters
    ----------
    text : str
        A pseudonymised comment.

    Returns
    -------
    str

    Examples
    --------
    >>> renumber_tags("[PERSON_160] and [PERSON_73] foster me, [PERSON_73] is kind")
    '[PERSON_1] and [PERSON_2] foster me, [PERSON_2] is kind'
    >>> renumber_tags("from [Place 9] to [Place 4] with [Person 9]")
    'from [Place 1] to [Place 2] with [Person 1]'
    >>> renumber_tags("[REDACTED] said no")
    '[REDACTED] said no'
    """
    if "[" not in text:
        return text
    order = _first_appearance()

    def renumber(match: re.Match[str]) -> str:
        tag = match.group(0)
        label = placeholder_label(tag)
        numbered = _NUMBERED.fullmatch(tag)
        if label is None or numbered is None:
            return tag
        prefix, sep, number = numbered.groups()
        return f"[{prefix}{sep}{order(label, number) + 1}]"

    return PLACEHOLDER.sub(renumber, text)
