"""The context rules that qualify a cue: negation, past and over, a worry about someone else,
and talk about a topic rather than a disclosure.

Each works on the normal form (:func:`carevoice.safeguarding._text.normalise`) and on the
sentence around a cue's match, so "he never hit me" cancels the cue, "before I came into care
my dad used to hit me, I'm safe now" makes it ``review``, and "we had a talk about county lines
at school" is no cue at all.
"""

from __future__ import annotations

import functools
import re

from .rules._shared import expand as _expand

__all__ = ["after_contrast", "is_generic", "is_negated", "is_past", "is_worry_about_other",
           "names_an_exception", "sentence_span"]

_NEGATORS = frozenset({
    "never", "not", "no", "nobody", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt",
    "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "aint", "nothing", "neither", "nor",
    "noone", "shouldnt", "couldnt", "mustnt"})
#: Words that end the reach of a negation looking back from a cue.
_BREAKS = frozenset({
    ".", ",", "but", "because", "and", "so", "when", "if", "then", "that", "which", "though",
    "although", "until", "till", "after", "before", "or", "who", "since", "cause", "like",
    # a verb between the negation and the cue takes the negation ("nobody knows he hits me")
    "know", "knows", "knew", "realise", "realises", "realised", "notice", "notices", "noticed",
    "believe", "believes", "believed", "care", "cares", "listen", "listens", "listened", "see",
    "sees", "saw", "tell", "tells", "told", "say", "says", "said", "think", "thinks", "ask",
    "asks", "asked", "mind", "understand", "understands", "bother", "bothers", "help", "helps",
    "stop", "stops", "matter", "do", "does", "did", "want", "wants", "feel"})
_LOOKBACK = 4
#: The words of :data:`_BREAKS` that start a clause: a match that starts with one ("and my dad
#: hits me", a rule's subject) is no longer in the clause before it.
_CONJUNCTIONS = frozenset({
    "but", "because", "and", "so", "when", "if", "then", "that", "which", "though", "although",
    "until", "till", "after", "before", "or", "nor", "who", "since", "cause"})
#: Words that join a list of acts under one negation ("nobody hits me or threatens me"):
#: "or" and "nor" carry any negation, "and" and a comma only "nobody" and "no one" (a subject
#: negation: "he never feeds me and hits me" says he hits).
_OR_JOINERS = frozenset({"or", "nor"})
_AND_JOINERS = frozenset({"and", ","})
#: Words that may stand between a list's joiner and its next act ("or even threatens me").
_LIST_ADVERBS = frozenset({"ever", "even", "really", "also", "just", "ive", "has", "have"})
#: The acts a negated list holds: a word of harm right after its joiner, not a new subject
#: ("i cant tell anyone or he will hurt me" is no list: "or" means otherwise there).
_LIST_ACT = (r"(?:{HIT}|threaten\w*|touch\w*|shouts?|shouted|bull(?:y|ies|ied)|harms?|"
             r"harmed|picks?|picked|scares?|scared|calls?|called|makes?|made|locks?|locked|"
             r"swears?|swore|hurt\w*|kicks?|grabs?|follows?|followed|messages?|messaged|"
             r"sends?|sent|stalks?|stalked)")
#: After a negated cue: someone it excepts ("nobody hurts me except my stepdad", "he never hits
#: me unless he's drunk"): the cue stands.
_EXCEPTION = (r"^ (?:, )?(?:\w+ ){0,4}?(?:except|apart from|other than|besides|but (?:my|his|"
              r"her|him|them|someone|somebody|the|when|if)|only (?:my|his|her|him|them|"
              r"someone|when|if)|"
              r"unless (?:he|she|they|my|someone|somebody|hes|shes|theyre|im|i|we)|in front of|"
              # "never hits me when the social worker is there", "where it shows": it happens
              # out of sight; "they say they never hit me but they do"
              r"when (?:\w+ ){0,3}(?:is|are|isnt|arent|was|were|s) (?:there|around|about|here|"
              r"in|watching|looking|home|in the room)|where (?:it|people|anyone|someone|they|"
              r"staff|you) (?:\w+ )?(?:shows?|sees?|can see|could see|notices?|notice)|but "
              r"(?:he|she|they|it) (?:really |actually |still |sometimes )?(?:do|does|did)"
              r"(?= (?:\.|,|really|sometimes|tho|though|lol|honestly)|\s*$))\b")
#: A contrast that starts a new claim: what comes before it (a joke, play, an accident) does not
#: qualify what follows ("she was joking but she grabbed my throat").
_CONTRAST = (r"\b(?:but|then|except|until|till|though|tho|although|however|apart from|"
             r"only this time|now)\b")

_PAST = (r"\b(?:used to|use to|usto|before (?:i|we) (?:came|come|went|was put|got put|was "
         r"taken|got taken|was moved|got moved|moved) (?:in|into|to) (?:care|foster|this "
         r"placement|my placement)|before (?:care|i was in care|i was fostered|i got "
         r"fostered|i was adopted)|when (?:i|we) (?:was|were|lived) (?:little|younger|small|"
         r"a kid|kids|a baby|a child|at home|with (?:my )?(?:mum|dad|birth|parents|family|"
         r"them|him|her))|years ago|a year ago|in the past|back then|(?:im|i am|i "
         r"feel|feel|we are|were) (?:\w+ )?(?:safe|ok|fine|happy|better|settled|happier|loved|"
         r"looked after) now|now (?:im|i am|i feel|we are|were) (?:\w+ )?(?:safe|ok|fine|happy|"
         r"better|settled|looked after)|(?:doesnt|dont|does not|do not|cant|wont) (?:happen|"
         r"hurt me|hit me|touch me|do that|get to me) (?:any more|no more|now)|not any more|"
         r"no more|no longer|(?:have|got|in) (?:my own|a) (?:flat|place|home|house) now|(?:its|"
         r"it is|things are|everything is) (?:\w+ )?(?:fine|ok|better|good) now|(?:its|it is|"
         r"that is|thats|all|it was|that was) (?:all )?"
         r"(?:over|stopped|behind me|in the past|a long time ago|ages ago)|(?<!cant )"
         r"(?<!couldnt )(?<!never )(?<!not )\b(?:stopped|quit|got help and stopped)\b|"
         r"(?:my |the )?(?:old|last|previous|first|other) (?:placement|foster|home|carers?|"
         r"family|children home|childrens home|kids home|area)|got (?:me |us )?(?:out|away)|"
         r"took (?:me|us) (?:out|away)|(?:was|were|got) (?:moved|taken|removed|rescued) "
         r"(?:out|away|from|into care)|been (?:clean|clear|free|sober) (?:for|since)|"
         r"(?:helped|got) (?:me|us) through|as a (?:teenager|kid|child|young teenager)|"
         r"(?:im|i am|i got|got) out (?:of it )?now|in a (?:better|good|safe|much better) place|"
         r"had (?:\w+ ){0,2}help since|(?<!dont )(?<!not )(?<!never )(?<!didnt )(?<!cant )(?:i|and "
         r"i|now i) feel (?:\w+ )?(?:safe|settled|happy|loved)\b(?! (?:to|with|at school|when|"
         r"if|going|around))|when i first (?:came|arrived|moved|got)|(?:things are|everything is|"
         r"its|life is|it is|all) (?:\w+ )?(?:better|good|fine|ok|sorted|settled)\b(?! than)|"
         r"sorted now|got (?:it|my \w+|everything|things) (?:\w+ )?sorted|havent (?:\w+ ){0,2}"
         r"since\b|in a (?:stable|good|safe|settled|new|lovely|nice) (?:placement|home|place|"
         r"foster \w+) now|havent (?:\w+ ){0,2}(?:for|since) (?:\d+|a|an|"
         r"two|three|four|over a|over two) (?:years?|months?))\b")
_CURRENT = (r"\b(?:still|again|keeps?|keeping|every (?:day|night|week|time|weekend|morning)|"
            r"right now|tonight|at the moment|atm|currently|this (?:week|morning|weekend|"
            r"month)|yesterday|last (?:night|week|weekend)|today|now (?:he|she|they|my|its|it)|"
            r"started (?:again|up again)|recently|lately|these days|nowadays|most (?:days|"
            r"nights)|if i tell)\b")
_WORRY = (r"\b(?:worr(?:y|ied|ies|ying)|scared|afraid|frightened|concerned|fear|fears|think|"
          r"thinks|reckon|might|maybe|wonder|suspect|feel like|not sure|dont want (?:\w+ )?to "
          r"get)\b")
_OTHER = (r"\b(?:my|our|a|her|his|the) (?:little |big |younger |older |baby |half |step |best "
          r"|)(?:brother|sister|bro|sis|siblings?|friends?|mates?|cousins?|bestie|bestfriend|"
          r"boyfriends? mate|girl|boy|kid|lad)\b|\b(?:a |one of the |some |the other |other )"
          r"(?:girls?|boys?|kids|lads|young people|children) (?:at|in|from|on|here)\b"
          r"|\bthere(?:s| is) (?:a|this) (?:girl|boy|kid|lad)\b|\bsomeone "
          r"(?:i know|at|in my)\b|\b(?:he|she|they) (?:is|are|might|could|may) be (?:being )?\b")
_SELF = r"\b(?:me|us|myself|my self|i|im|ive|id|my (?:arms?|wrists?|legs?|face|body))\b"
_POLICY = (r"\b(?:to help|help (?:kids|children|young people|people|others)|training|"
           r"awareness|aware of|learn|learnt|learned|learning|lessons?|taught|"
           r"teach|teaches|teaching|workshops?|leaflets?|posters?|information|info|(?:a|the|"
           r"gave us|gave|had|did|some|these) talks?|(?:came|come|comes|in|school|class|"
           r"college|us) to talk|talked to (?:us|the class|everyone)|"
           r"assembl(?:y|ies)|asking about|asks about|asked about|ask about|questions? "
           r"about|on about|going on about|mentions?|pshe|rshe|signs of|how to spot|know about|"
           r"knowing about|"
           r"educat\w*|campaign|film about|video about|support for|help for|services for|"
           r"charity|charities|research|project about|documentary|news about|articles?|"
           r"should (?:know|learn|be told|be taught|understand))\b")
#: A noun right after a cue that makes it the name of an event or material about the topic
#: ("a knife crime workshop", "self harm awareness", "a county lines assembly").
_EVENT_AFTER = (r"^ (?:workshops?|talks?|lessons?|assembl(?:y|ies)|sessions?|awareness|training|"
                r"campaigns?|courses?|leaflets?|posters?|projects?|programmes?|documentar(?:y|"
                r"ies)|classes|presentations?)\b")
_PEOPLE_WHO = (r"\b(?:people|kids|young people|children|those|anyone|someone|girls|boys|"
               r"lads|care leavers|young carers|others|friends|teenagers|teens) (?:who|that|"
               r"going through|in)\b")
_FUTURE = (r"\b(?:will|ill|might|going to|end up|when (?:i|we) (?:leave|turn|am|get|hit|move)|"
           r"at 18|after (?:i|18|care)|in the future|one day)\b")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.cache
def _list_act() -> re.Pattern[str]:
    return re.compile(rf"^{_expand(_LIST_ACT)}$")


def sentence_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (between ``.`` tokens) that holds ``norm[start:end]``.

    Examples
    --------
    >>> norm = " i am fine . he hits me . "
    >>> a, b = sentence_span(norm, 13, 23); norm[a:b]
    ' he hits me '
    """
    left = norm.rfind(" . ", 0, start + 2)
    right = norm.find(" . ", end)
    return (0 if left < 0 else left + 2, len(norm) if right < 0 else right + 1)


def is_negated(norm: str, start: int, end: int) -> bool:
    """Whether a negation in the match or just before it (same clause) cancels it.

    A negation reaches over a list of acts joined by "or" ("he never hits me or shouts at
    me"), and a "nobody" or "no one" over one joined by "and" or commas too ("no one hurts me,
    shouts at me or touches me"); not over a new subject ("nobody listens and he hits me"), nor
    past a word that ends its reach ("nobody hits me but he threatens me", "nobody believes me
    that he hits me").

    Examples
    --------
    >>> is_negated(" my carers never hit me ", 4, 23), is_negated(" he hit me ", 1, 10)
    (True, False)
    >>> is_negated(" nobody hits me or threatens me ", 19, 31)
    True
    >>> is_negated(" im not happy and my dad hits me ", 14, 32)
    False
    """
    inside = norm[start:end].split()
    if any(w in _NEGATORS for w in inside) and not (
            "no one" in norm[start:end] and inside[:1] != ["no"]):
        return True
    words = norm[:end].split()
    first = len(norm[:start].split())  # the index of the match's first word
    # a match that starts with a word ending a negation's reach ("and my dad hits me") is read
    # from that word
    last = first if inside and inside[0] in _CONJUNCTIONS else first - 1
    joiners: set[str] = set()
    count = 0
    for j in range(last, -1, -1):
        word = words[j]
        if word in _OR_JOINERS | _AND_JOINERS:
            act = [w for w in words[j + 1:] if w not in _LIST_ADVERBS][:1]
            if not act or not _list_act().match(act[0]):
                return False
            joiners.add(word)
            count = 0
            continue
        if word in _BREAKS or count == _LOOKBACK:
            return False
        if word in _NEGATORS:
            subject = word == "nobody" or words[j:j + 2] == ["no", "one"]
            return joiners <= _OR_JOINERS or subject
        count += 1
    return False


def names_an_exception(after: str) -> bool:
    """Whether the words after a negated cue name someone it excepts: the cue stands.

    Examples
    --------
    >>> names_an_exception(" except my stepdad when hes drunk . ")
    True
    >>> names_an_exception(" at all . ")
    False
    """
    return bool(_compiled(_EXCEPTION).match(after))


def after_contrast(norm: str, before_end: int, cue_end: int) -> bool:
    """Whether a contrast word ("but", "then", "until") stands between ``norm[:before_end]`` and
    the end of a cue's match: a joke, play or an accident told before it does not reach the cue.

    Examples
    --------
    >>> norm = " she was joking but she grabbed my throat "
    >>> after_contrast(norm, 15, 41), after_contrast(" she was joking and grabbed me ", 15, 30)
    (True, False)
    """
    return bool(_compiled(_CONTRAST).search(norm, before_end, cue_end))


def is_past(norm: str, sentence: str) -> bool:
    """Whether the comment says the harm is past and over, and nothing says it goes on.

    Examples
    --------
    >>> s = " before i came into care my dad used to hit me , im safe now . "
    >>> is_past(s, s), is_past(" he still hits me . ", " he still hits me . ")
    (True, False)
    """
    if not _compiled(_PAST).search(norm):
        return False
    return not _compiled(_CURRENT).search(sentence) and not _compiled(
        r"\b(?:still (?:does|do|happens|hits|hurts|comes|goes|is|are|keeps|sends|messages|texts|"
        r"owe|want|wants|lives|live|happening|doing|at|with|in)|again|right now|tonight|at the "
        r"moment|currently)\b").search(norm)


def is_worry_about_other(sentence: str, match: str) -> bool:
    """Whether the sentence is a worry about another young person, not a disclosure by the writer.

    Examples
    --------
    >>> is_worry_about_other(" i worry my little brother isnt safe at home ", " isnt safe at home ")
    True
    """
    if not _compiled(_WORRY).search(sentence) or not _compiled(_OTHER).search(sentence):
        return False
    if _compiled(r"\b(?:im|i am|i might be|i could be|ill be|me|we are|were) next\b|\bafter "
                 r"(?:me|us)\b").search(sentence):
        return False  # a fear for the writer too
    return not _compiled(r"\b(?:me|us|myself)\b").search(match)


def is_worry_about_future(sentence: str) -> bool:
    """Whether the sentence is a fear of what may happen later ("scared I'll end up homeless").

    Examples
    --------
    >>> is_worry_about_future(" im scared ill end up homeless when i leave care ")
    True
    """
    return bool(_compiled(_WORRY).search(sentence) and _compiled(_FUTURE).search(sentence))


def is_generic(norm: str, start: int, end: int, sentence_start: int) -> str | None:
    """Whether the cue is talk about a topic: ``"topic"`` (a lesson, a campaign: no cue),
    ``"people"`` (about people who ..., a review) or None.

    Examples
    --------
    >>> norm = " we had a talk about county lines at school "
    >>> is_generic(norm, 21, 34, 0)
    'topic'
    >>> is_generic(" we did a knife crime workshop ", 10, 21, 0)
    'topic'
    """
    match = norm[start:end]
    if _compiled(r"\b(?:me|us|myself|my)\b").search(match):
        return None
    before = norm[sentence_start:start].split()[-8:]
    window = " " + " ".join(before) + " "
    if _compiled(_POLICY).search(window) or _compiled(_EVENT_AFTER).search(norm[end:]):
        return "topic"
    if _compiled(_PEOPLE_WHO).search(" " + " ".join(before[-4:]) + " "):
        return "people"
    return None


def self_anchored(sentence: str) -> bool:
    """Whether the sentence speaks of the writer (I, me, my)."""
    return bool(_compiled(_SELF).search(sentence))
