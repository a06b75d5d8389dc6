"""The similarity path of the safeguarding screen: comments that read like a disclosure.

The rules of :mod:`.cues` miss disclosures worded in ways they do not list. This path embeds
each sentence of a comment with the packaged sentence-transformers model (offline) and compares
it with short fictional disclosures per category (:mod:`.prototypes`) and with ordinary
comments. A sentence at least ``threshold`` similar to a disclosure, and ``margin`` more similar
to it than any sentence of the comment is to an ordinary comment, flags the comment at level
``review`` in the category of the closest disclosure. (Comparing with the comment's most
ordinary-looking sentence, not the same sentence's, halved the flags on the long answers of the
demo corpus at the same recall on the development sets.) Deterministic for a given model; no
text leaves the machine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from .prototypes import NEGATIVES, PROTOTYPES

__all__ = ["readable_sentences", "similar_categories", "split_sentences"]

_SPLIT = re.compile(r"[.!?;\n]+|,\s+(?:but|and|so)\s+")
_SENTENCES = re.compile(r"[.!?;\n]+")
_JOINS = re.compile(r",\s+(but|and|so)\s+")
_LETTERS = re.compile(r"[a-z]{2,}")
#: A denial's negation (over the normal form), and "not me" ("not me but my mate gets hit").
_NEGATED = re.compile(r"\b(?:nobody|no one|never|not|dont|doesnt|didnt|wont|wouldnt|cant|"
                      r"isnt|arent|wasnt|werent|havent|hasnt|aint)\b")
_NOT_ME = re.compile(r"\bnot (?:me|us|to me)\b")
#: The end of a clause whose verb is left out ("my brother does", "my sister is too").
_ELLIPSIS = re.compile(r"\b(?:does|do|did|is|are|was|were|has|have|had|gets it|got it|get it)"
                       r"(?: (?:too|as well|though|tho|sometimes|a lot|loads|all the time|"
                       r"lol|still))*$")
_MIN_WORDS = 3

# Over the normal form (:func:`._text.normalise`) of a whole clause (between commas): one that
# is nothing but the writer saying, in their own voice, that they are not harmed ("nobody ever
# threatens me", "no one here has ever hurt me", "my carers never hit me", "staff dont grab me
# or restrain me here") is no disclosure; the model reads the words of harm in it all the
# same. Not one that goes on ("nobody hits me except ...", "he doesnt hit me any more but
# ...", "they never hit me where it shows", "he never hits me when mum is in"), one that
# someone else says ("he says he never hits me", "i have to tell them nobody hurts me"), nor
# one that denies an intent, not the harm ("i dont think he meant to hurt me"): anything
# outside the denial but a few words of emphasis or place ("honestly", "here", "at all")
# keeps the clause read, and so does a next clause that qualifies it ("nobody hits me,
# except my stepdad").
_HARM_VERB = (r"(?:hit|hits|hurt|hurts|harm|harms|harmed|threaten|threatens|threatened|touch|"
              r"touches|touched|grab|grabs|grabbed|restrain|restrains|restrained|push|pushes|"
              r"pushed|shove|shoves|shoved|slap|slaps|slapped|kick|kicks|kicked|punch|punches|"
              r"punched|beat|beats|smack|smacks|smacked|batter|batters|battered|bully|bullies|"
              r"bullied|abuse|abuses|abused|hold|holds|held|pin|pins|pinned|shout at|shouts at|"
              r"shouted at|scream at|screams at|screamed at|yell at|yells at|yelled at|pick on|"
              r"picks on|picked on|lay a finger on|lays a finger on|laid a finger on|mess with|"
              r"messes with|messed with)")
_ACT = _HARM_VERB + r" (?:me|us|my (?:stuff|things))(?: down| about| around)?"
#: Words that make what follows someone else's claim ("my carers say they never hit me").
_SAYS = (r"(?:say|says|said|saying|tell|tells|told|claim|claims|claimed|swear|swears|swore|"
         r"promise|promises|promised|reckon|reckons|think|thinks|thought|pretend|pretends|"
         r"make|makes|made|lie|lies|lied|insist|insists|want|wants|know|knows)")
_NEGATION = (r"(?:dont|doesnt|didnt|do not|does not|did not|never|wont|wouldnt|would never|"
             r"will never|have never|has never|havent ever|hasnt ever|had never)")
_WHO = (r"(?:nobody|no one)(?: (?:here|else|at (?:home|school|the home|my placement)|in (?:my|"
        r"this|the) (?:house|home|placement|unit)))?(?: (?:has|have|had|does|did|would|will))?"
        r"(?: (?:ever|even|really|actually))?|(?:he|she|they|someone|staff|people|people here|"
        r"the staff|(?:my|our|the)(?: (?!" + _SAYS + r"\b)\w+){1,4}) " + _NEGATION
        + r"(?: (?:ever|even|really|actually))?")
#: More acts after the first, and a few words of emphasis or place ("or restrain me here").
_MORE_ACTS = (r"(?:(?: ,)?(?: or| and| nor| ,) (?:" + _NEGATION + r" )?(?:ever )?" + _ACT + r")*"
              r"(?: (?:here|there|at all|ever|either|at home|in any way|or anything|"
              r"or anything like that|or owt|in (?:this|my|the) (?:house|home|placement|flat|unit|"
              r"school)|at (?:this|my|the) (?:house|home|placement|school|unit)|thankfully|"
              r"luckily|honestly|tbh|lol|really|,))*")
_NO_HARM = re.compile(
    r"(?:(?:honestly|tbh|to be honest|thankfully|luckily|also|and|but|so|,|i feel safe and|"
    r"im safe and|i feel safe here and) )*"
    r"(?:" + _WHO + r") " + _ACT + _MORE_ACTS)
#: A clause that goes on with a denial's list after a comma ("no one hurts me, shouts at me or
#: touches me").
_NO_MORE_HARM = re.compile(r"(?:(?:or|and|nor) )?(?:" + _NEGATION + r" )?(?:ever )?" + _ACT
                           + _MORE_ACTS)
_CLAUSES = re.compile(r"\s*,\s*")
#: The end of a clause that makes the next one someone's words ("he told me to say, ...").
_SAID = re.compile(r"\b" + _SAYS + r"(?: \w+){0,2}$")
#: The start of a clause that qualifies a denial before it: an exception, a contrast, a time.
_GOES_ON = re.compile(r"(?:except|apart|but|unless|only|when|where|if|other than|any more|"
                      r"no more|now|until|till|though|tho|although|however|yet|not|since|"
                      r"these days|in front)\b")
# What the writer says, in their own voice, was a joke, banter or play ("she was joking", "its
# just banter", "play fighting"): it and what came before it in the comment are not read; not
# where someone else says so ("he says hes only joking"), and its reach ends at a contrast or a
# new sentence ("she was joking but she grabbed my throat", "it was banter. then he hit me").
_NOT_SERIOUS = re.compile(
    r"\b(?:(?:was|were|is|its|just|only|all) (?:(?:just|only) )?(?:joking|a joke|banter|"
    r"messing about|messing around|mucking about|having a laugh|play fighting|playfighting)"
    r"|play ?fight\w*)\b")
# Whoever says it: running away to join the circus is a child's fantasy, not a plan.
_FANTASY = re.compile(r"\b(?:run|runs|running|ran) away (?:and|to) join (?:the|a) circus\b")
_BEFORE_CONTRAST = re.compile(r"(?i)(?=\b(?:but|then|except|until|till|though|tho|although|"
                              r"however|apart from|now)\b)")
_SAID_BY_OTHERS = re.compile(r"\b(?:say|says|said|saying|claims?|claimed|claiming|pretends?|"
                             r"pretended|pretending|makes? out|made out|reckons?|calls? it|"
                             r"called it|tells? me|told me)(?: \w+){0,2} $")


#: Idioms of a word of harm the model reads as the harm, read as what they mean (the rules
#: leave them too): a try at something, picking at food.
_PLAIN = (
    (re.compile(r"(?i)\b(a|another|one more) stab at\b"), r"\1 go at"),
    (re.compile(r"(?i)\bstab(?:s|bed|bing)? at (?=(?:my|his|her|their|our|the|your) (?:\w+ )?"
                r"(?:food|plate|dinner|tea|breakfast|lunch|peas|chips|beans|salad|pasta|cereal|"
                r"veg|vegetables|potatoes|sprouts|meal)\b)"), "picked at "),
)


def _plain(sentence: str) -> str:
    """The sentence with the idioms of :data:`_PLAIN` read as what they mean.

    Examples
    --------
    >>> _plain("i had a stab at the quiz, he stabbed at his peas")
    'i had a go at the quiz, he picked at his peas'
    """
    for idiom, meaning in _PLAIN:
        sentence = idiom.sub(meaning, sentence)
    return sentence


def _not_serious(norm: str) -> bool:
    """Whether the writer calls this sentence a joke or play, in their own voice, and no
    contrast after it in the sentence goes on to something else."""
    from .context import after_contrast

    return any(not _SAID_BY_OTHERS.search(norm[:match.start()])
               and not after_contrast(norm, match.end(), len(norm))
               for match in _NOT_SERIOUS.finditer(norm))


def readable_sentences(text: str) -> list[str]:
    """The sentences of a comment the similarity path reads: none up to the last one its writer
    calls a joke or play (a new sentence or a contrast after it is read), and not a sentence
    or clause that is nothing but the writer saying, in their own voice, that they are not
    harmed ("my carers never hit me"; not "they never hit me where it shows", "he doesnt hit
    me any more", "he says he never hits me").

    Examples
    --------
    >>> readable_sentences("nobody ever hurts me here. i just miss my mum")
    ['i just miss my mum']
    >>> readable_sentences("staff dont grab me or restrain me here, i just want more trips")
    ['i just want more trips']
    >>> readable_sentences("they never hit me where it shows")
    ['they never hit me where it shows']
    >>> readable_sentences("my carer said shed kill me if i was late haha she was joking")
    []
    >>> readable_sentences("he says hes only joking when he pins me down")
    ['he says hes only joking when he pins me down']
    >>> readable_sentences("it was just banter at first. now he makes me hold stuff for him")
    ['now he makes me hold stuff for him']
    """
    from ._text import normalise

    if _FANTASY.search(normalise(text)):
        return []
    # sentences, each cut before a contrast ("then he punched me")
    parts = [c.strip(" ,") for p in _SPLIT.split(text) for c in _BEFORE_CONTRAST.split(p)]
    jokes = [i for i, part in enumerate(parts) if _not_serious(normalise(part))]
    if jokes:
        parts = [p for p in parts[jokes[-1] + 1:] if len(p.split()) >= _MIN_WORDS]
    else:
        parts = split_sentences(text)
    return [kept for kept in map(_without_denials, parts) if kept]


def _without_denials(sentence: str) -> str | None:
    """The sentence without its clauses (between commas) that deny harm in the writer's own
    voice (:data:`_NO_HARM`); None when nothing else of three words or more is left. A denial
    whose next clause goes on ("nobody hits me, except my stepdad") is kept."""
    from ._text import normalise

    parts = _CLAUSES.split(sentence)
    forms = [normalise(part).strip(" .,") for part in parts]
    # each clause's denial (a number per denial, its list's clauses sharing it) or None
    denial: list[int | None] = []
    for i, form in enumerate(forms):
        if _NO_HARM.fullmatch(form) and not (i and _SAID.search(forms[i - 1])):
            denial.append(i)  # not what the clause before says to say ("he told me to say, ...")
        elif i and denial[-1] is not None and _NO_MORE_HARM.fullmatch(form):
            denial.append(denial[-1])
        else:
            denial.append(None)
    # a denial whose next clause qualifies it is read, all of it ("nobody hits me, kicks me,
    # except my stepdad")
    qualified = {denial[i] for i in range(len(parts) - 1)
                 if denial[i] is not None and denial[i + 1] != denial[i]
                 and _GOES_ON.match(forms[i + 1])}
    kept = [part for part, d in zip(parts, denial, strict=True)
            if d is None or d in qualified]
    if len(kept) == len(parts):
        return sentence
    rest = ", ".join(kept)
    return rest if len(rest.split()) >= _MIN_WORDS else None


def _denies(clause: str) -> bool:
    """Whether a clause's normal form denies harm to the writer: a negation and a word of harm
    ("nobody hits me", "i never get hit", "not me")."""
    from ._text import normalise

    words = normalise(clause).split()
    return bool(_NOT_ME.search(" ".join(words))) or (
        bool(_NEGATED.search(" ".join(words))) and any(
            w in _harm_words() for w in words))


def _names_someone_else(clause: str) -> bool:
    """Whether a clause after a denial's contrast says someone else is harmed or harms: a word
    of harm in it, or a verb left out that the denial supplies ("but my brother does")."""
    from ._text import normalise

    form = normalise(clause).strip(" .,")
    return bool(_ELLIPSIS.search(form)) or any(w in _harm_words() for w in form.split())


@functools.cache
def _harm_words() -> frozenset[str]:
    """The words of harm a denial and its contrast are read by: the verbs of
    :data:`_HARM_VERB` and the screen's vocabulary of harm."""
    from .vocabulary import HARM_WORDS

    return frozenset(_LETTERS.findall(_HARM_VERB)) | HARM_WORDS


def _contrasts_kept(sentence: str) -> list[str]:
    """The sentence cut at ", but", ", and", ", so", except that a contrast after a denial that
    goes on to someone else being harmed or harming stays with it, the denial giving the
    harm its verb: "nobody hits me, but my brother does" is read whole, not as "my brother
    does"; "nobody hits me, but i want more trips" is cut as before."""
    pieces = _JOINS.split(sentence)
    out = [pieces[0]]
    for joiner, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if joiner == "but" and _denies(_CLAUSES.split(out[-1])[-1]) and _names_someone_else(
                piece):
            out[-1] = f"{out[-1]}, {joiner} {piece}"
        else:
            out.append(piece)
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of a comment that the similarity path compares (3 words or more).

    A contrast after a denial that goes on to someone else being harmed or harming is read
    with the denial (:func:`_contrasts_kept`).

    Examples
    --------
    >>> split_sentences("ok. my dad hits me, but its fine now! x")
    ['my dad hits me', 'its fine now']
    >>> split_sentences("nobody hits me, but my brother does")
    ['nobody hits me, but my brother does']
    """
    parts = [p.strip() for sentence in _SENTENCES.split(text)
             for p in _contrasts_kept(sentence)]
    kept = [p for p in parts if len(p.split()) >= _MIN_WORDS]
    return kept or ([text.strip()] if text.strip() else [])


def similar_categories(texts: Sequence[object], embedder: Any, *, threshold: float,
                       margin: float) -> list[tuple[str, float] | None]:
    """For each text, the category of the disclosure it reads most like, or None.

    Parameters
    ----------
    texts : sequence
        Comments; anything that is not a string is skipped (None).
    embedder : Embedder
        ``encode(texts)`` with L2-normalised rows (the packaged model by default in
        :func:`carevoice.safeguarding.screen_comments`).
    threshold : float
        The least cosine similarity to a disclosure.
    margin : float
        How much closer to the disclosure than to the closest ordinary comment.

    Returns
    -------
    list
        ``(category, similarity)`` or None per text.
    """
    categories = list(PROTOTYPES)
    examples = [t for c in categories for t in PROTOTYPES[c]]
    owner = np.array([c for c in categories for _ in PROTOTYPES[c]])
    vectors = np.asarray(embedder.encode(examples + list(NEGATIVES)), dtype=np.float32)
    positive, negative = vectors[:len(examples)], vectors[len(examples):]
    sentences: list[str] = []
    spans: list[tuple[int, int]] = []
    for text in texts:
        parts = readable_sentences(text) if isinstance(text, str) else []
        spans.append((len(sentences), len(sentences) + len(parts)))
        sentences.extend(map(_plain, parts))
    if not sentences:
        return [None] * len(texts)
    embedded = np.asarray(embedder.encode(sentences), dtype=np.float32)
    to_positive = embedded @ positive.T
    to_negative = (embedded @ negative.T).max(axis=1)
    out: list[tuple[str, float] | None] = []
    for start, end in spans:
        best: tuple[str, float] | None = None
        # Rounded to 1e-3: the model's last digits can differ from run to run with the
        # number of threads, and a flag must not.
        ordinary = round(float(to_negative[start:end].max()), 3) if end > start else 0.0
        for row in range(start, end):
            i = int(np.argmax(to_positive[row]))
            score = round(float(to_positive[row, i]), 3)
            if score >= threshold and round(score - ordinary, 3) >= margin and (
                    best is None or score > best[1]):
                best = (str(owner[i]), score)
        out.append(best)
    return out
