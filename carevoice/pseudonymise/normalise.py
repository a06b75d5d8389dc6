"""A normalised view of a comment for detection, with offsets mapped back to the original.

Text typed on phones and in Word, or exported from survey platforms, carries forms a reader
does not see: decomposed accents ("Sine" + U+0301 + "ad"), narrow no-break and thin spaces,
en dashes and non-breaking hyphens in phone numbers, soft hyphens and zero-width spaces inside
words, full-width and "fancy font" letters, curly apostrophes, Cyrillic or Greek look-alike
letters inside Latin words. The detectors read a *view* of each comment in which these are
plain ASCII-like text (:func:`detection_view`); a span found in the view is mapped back to the
original characters it covers (:meth:`TextView.original_span`), so the comment itself is never
changed outside the masked spans and the re-identification round trip stays exact.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..schema import COMMENT_ID, TEXT

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TextView", "detection_frame", "detection_view", "fold_text", "map_spans_back"]

# Dashes, hyphens and minus signs read as "-"; apostrophes and quotes as straight ones; a middle
# dot between digit groups as a full stop.
_PUNCTUATION = {
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u00b4\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
    **dict.fromkeys("\u00b7\u2027\u30fb", "."),
}

# Cyrillic and Greek letters that look like Latin ones, read as Latin inside a word that has
# Latin letters too ("J\u0430ck", "\u039cia"); a word wholly in another script is left as it is.
_LOOK_ALIKES = {
    # Cyrillic
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0423": "Y",
    "\u0406": "I", "\u0408": "J", "\u0405": "S", "\u0430": "a", "\u0435": "e", "\u043e": "o",
    "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x", "\u0456": "i", "\u0458": "j",
    "\u0455": "s", "\u04bb": "h", "\u0501": "d", "\u051b": "q", "\u051d": "w", "\u0432": "b",
    "\u043a": "k", "\u043c": "m", "\u043d": "h", "\u0442": "t",
    # Greek
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X", "\u03bf": "o", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v",
    "\u03c1": "p", "\u03c5": "u", "\u03b1": "a",
}


@dataclass(frozen=True)
class TextView:
    """A comment's normalised view and, for each of its characters, the original range.

    Attributes
    ----------
    original : str
        The text as given.
    text : str
        The view the detectors read.
    starts, ends : tuple of int
        ``original[starts[i]:ends[i]]`` is what the view's character ``i`` was read from
        (several view characters may share one range: a ligature, a composed accent).
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def identity(self) -> bool:
        """Whether the view is the original text (offsets need no mapping)."""
        return self.starts is None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view's ``[start, end)`` to the original characters it covers.

        Parameters
        ----------
        start, end : int
            Offsets into :attr:`text`, ``0 <= start <= end <= len(text)``.

        Returns
        -------
        tuple of int
            Offsets into :attr:`original`, including the invisible characters and combining
            marks inside the span and those that follow its last character.

        Examples
        --------
        >>> view = detection_view("my friend Sine\\u0301ad is kind")
        >>> view.text[10:16]
        'Sinéad'
        >>> view.original_span(10, 16)
        (10, 17)
        """
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            point = self.starts[start] if start < len(self.starts) else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]


def _fold_char(char: str) -> str:
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if unicodedata.category(char) == "Zs":
        return " "
    return char


def _removed(char: str) -> bool:
    """Format characters (zero-width space/joiner, soft hyphen, bidi marks, BOM) and
    variation selectors: invisible, not part of the words."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def detection_view(text: str) -> TextView:
    """Return the view of ``text`` that the detectors read.

    NFKC (full-width and mathematical letters and digits as plain ones, compatibility spaces),
    accents composed with their letter, format characters (Unicode category Cf: soft hyphen,
    zero-width space/joiner/non-joiner, bidi marks) removed, every space separator read as
    " ", dash, hyphen and minus variants as "-", curly apostrophes and quotes as straight,
    combining marks left over after composition dropped (they belong to the letter before
    them), and Cyrillic/Greek look-alike letters inside otherwise Latin words read as Latin.
    ASCII text is its own view.

    Parameters
    ----------
    text : str

    Returns
    -------
    TextView

    Examples
    --------
    >>> detection_view("ring 07700\\u2013900\\u200b123").text
    'ring 07700-900123'
    >>> detection_view("\\uff2b\\uff41\\uff59 and J\\u0430ck O\\u2019Brien").text
    "Kay and Jack O'Brien"
    """
    if text.isascii():
        return TextView(text, text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    lead: int | None = None  # where invisible characters before the first letter began
    last = 0  # where the view characters of the last cluster begin
    while i < n:
        # a cluster: one character and the combining marks and invisible characters after it
        j = i + 1
        while j < n and text[j] >= "\x80" and (_is_mark(text[j]) or _removed(text[j])):
            j += 1
        if j == i + 1 and text[i] < "\x80":
            read = text[i]  # plain ASCII: read as it is
        elif text[i] in _PUNCTUATION:  # before NFKC, which reads an acute accent as a space
            read = _PUNCTUATION[text[i]]
        else:
            cluster = "".join(c for c in text[i:j] if not _removed(c))
            read = unicodedata.normalize("NFKC", cluster) if cluster else ""
            read = "".join(_fold_char(c) for c in read if not _is_mark(c) and not _removed(c))
        if read:
            last = len(out)
            out.extend(read)
            starts.extend([i if lead is None else lead] * len(read))
            ends.extend([j] * len(read))
            lead = None
        elif out:  # nothing to read: it belongs to the characters before it
            ends[last:] = [j] * (len(ends) - last)
        elif lead is None:
            lead = i
        i = j
    view = _fold_look_alikes("".join(out))
    return TextView(text, view, tuple(starts), tuple(ends))


def _fold_look_alikes(view: str) -> str:
    if not any(c in _LOOK_ALIKES for c in view):
        return view
    chars = list(view)
    n = len(chars)
    i = 0
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and chars[j].isalpha():
            j += 1
        word = chars[i:j]
        if (any(c in _LOOK_ALIKES for c in word)
                and any("a" <= c.lower() <= "z" for c in word)
                and all(c in _LOOK_ALIKES or c.isascii() for c in word)):
            chars[i:j] = [_LOOK_ALIKES.get(c, c) for c in word]
        i = j
    return "".join(chars)


def fold_text(text: str) -> str:
    """Return the view's text only (:func:`detection_view`), e.g. to compare two entities.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> fold_text("O\\u2019Brien") == fold_text("O'Brien")
    True
    """
    return detection_view(text).text


def detection_frame(comments: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, TextView]]:
    """Return the comments with each text replaced by its view, and the views that differ.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text`` (non-string cells are kept as they are).

    Returns
    -------
    frame : pandas.DataFrame
        A copy whose ``text`` is the view the detectors read.
    views : dict
        ``{comment_id (as str): TextView}`` for the comments whose view is not their text.
    """
    views: dict[str, TextView] = {}
    texts = []
    for cid, text in zip(comments[COMMENT_ID].tolist(), comments[TEXT].tolist(), strict=True):
        if isinstance(text, str) and not text.isascii():
            view = detection_view(text)
            if view.text != text or view.starts != tuple(range(len(text))):
                views[str(cid)] = view
            text = view.text
        texts.append(text)
    if not views:
        return comments, views
    frame = comments.copy()
    frame[TEXT] = texts
    return frame, views


def _emoji_part(char: str) -> bool:
    """A symbol (emoji), a skin-tone modifier, a variation selector, a zero-width joiner or a
    tag character: part of an emoji sequence, never of a name or number."""
    code = ord(char)
    return (unicodedata.category(char) in ("So", "Sk") or char == "\u200d"
            or "\ufe00" <= char <= "\ufe0f" or 0x1F3FB <= code <= 0x1F3FF
            or 0xE0020 <= code <= 0xE007F)


def _without_emoji(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the emoji sequences at its ends: the view drops the joiners between
    a name and an emoji ("Kayleigh" + ZWJ + heart), so a detector may run the two together;
    the name's span stops where the emoji begins, as it does in plain text."""
    s, e = start, end
    while e > s and _emoji_part(text[e - 1]):
        e -= 1
    while s < e and _emoji_part(text[s]):
        s += 1
    return (s, e) if e > s else (start, end)


def map_spans_back(spans: pd.DataFrame, views: dict[str, TextView]) -> pd.DataFrame:
    """Map spans found in the views (:func:`detection_frame`) to offsets in the original text.

    Parameters
    ----------
    spans : pandas.DataFrame
        With ``comment_id``, ``start`` and ``end`` into the views.
    views : dict
        As returned by :func:`detection_frame`.

    Returns
    -------
    pandas.DataFrame
        The same spans, with ``start`` and ``end`` into the original text.
    """
    if not views or not len(spans):
        return spans
    starts, ends = [], []
    for cid, start, end in zip(spans[COMMENT_ID].astype(str).tolist(), spans["start"].tolist(),
                               spans["end"].tolist(), strict=True):
        view = views.get(cid)
        if view is not None:
            start, end = _without_emoji(view.original, *view.original_span(int(start), int(end)))
        starts.append(int(start))
        ends.append(int(end))
    spans = spans.copy()
    spans["start"] = starts
    spans["end"] = ends
    return spans
