"""The words of harm the safeguarding screen reads: no one's name, whatever a tagger says.

The pseudonymiser masks a capitalised word it does not know as a possible name ("Shaniqua
at school"), and its statistical taggers take some ordinary words for names too. Written at
the start of a sentence, or capitalised for weight, the words in which young people disclose
harm are such words: "Cuckooing happened to me in my first flat" came out of the pseudonymiser
as "[PERSON_1] happened to me ...", and a screen reading that text no longer saw the
disclosure. The pseudonymiser therefore never masks these words on their own
(:func:`carevoice.pseudonymise.harm.drop_harm_words`).

:data:`HARM_WORDS` holds the vocabulary of the screen's cue rules (:mod:`.cues`) and of its
categories: the words of criminal and sexual exploitation (county lines slang, grooming,
trafficking, sextortion), self-harm, abuse and neglect, going missing, domestic abuse, serious
violence and destitution, with the forms young people write them in; and every other word of
the cue rules that the pseudonymiser reads as no English word (apps, text-speak, slang). A
test keeps it in step with the cue rules and keeps every entry out of the name and place
lists: a word that is also someone's name, nickname or surname ("Rambo", "Shanks", "Stalker",
"Kipping") is left out (:data:`NAMES_TOO`), so it is still masked where it is written as a
name. :data:`HARM_PHRASES` holds the phrases whose words are ordinary on their own ("County
Lines", "Trap House").

Lower case, apostrophes removed. Nothing here is read or computed at import beyond the sets.
"""

from __future__ import annotations

__all__ = ["HARM_PHRASES", "HARM_WORDS", "NAMES_TOO"]

_EXPLOITATION = """
    cuckooing cuckooed cuckooer cuckooers trapping traphouse traphouses trapline
    traplines shotting plugging ots cunch olders
    grooming groomed groomer groomers exploitation exploited exploiting exploiter exploiters
    exploitative trafficking trafficked trafficker traffickers sextortion sextorted sextorting
    sextort blackmail blackmailed blackmailing blackmailer nudes selfies cse cce
    """
_SELF_HARM = """
    suicide suicides suicidal overdose overdosed overdoses overdosing selfharm selfharming
    noose paracetamol relapsed
    """
_ABUSE = """
    abuse abused abuser abusers abusing abusive neglect neglected neglecting neglectful rape
    raped rapist rapists molested molesting molester groped groping assaulted restrained
    restrains padlocked padlocks
    """
_MISSING = """
    misper mispers awol absconding absconded abscond absconds runaway runaways sofasurfing
    couchsurfing kipped
    """
_DOMESTIC_ABUSE = """
    coercive coercion stalking stalked strangled strangling strangulation
    throttled
    """
_VIOLENCE = """
    stabbed stabbing stabbings shanked shanking machete machetes opps glassed merked mugged
    knifed headbutt headbutted thumped bashes chucks
    """
_DESTITUTION = """
    bailiff bailiffs evicted eviction evictions homeless homelessness foodbank foodbanks
    destitute destitution freebies handouts
    """
#: The other words of the cue rules that the pseudonymiser reads as no English word: apps,
#: text-speak and slang of the rules' patterns (kept in step with the rules by a test).
_OTHER_CUE_WORDS = """
    app atm babys bnb cigs cutted dming dms electrics exs favours fiance fiancee grindr hed
    hoodie hoodies letterbox meds messaged nappies neighbour offs omegle owt pix postcode
    radiators randoms runnin sharpener smirks sofas starves stepdad stepmum tenancy texted
    texting themself theyd theyll tinder vapes vids wana womens youd youll
    """

#: Words that disclose harm, and the other words of the screen's cue rules, in lower case:
#: never a name on their own (see the module's docstring).
HARM_WORDS: frozenset[str] = frozenset(
    word for group in (_EXPLOITATION, _SELF_HARM, _ABUSE, _MISSING, _DOMESTIC_ABUSE, _VIOLENCE,
                       _DESTITUTION, _OTHER_CUE_WORDS) for word in group.split())

#: Words of the cue rules left out of :data:`HARM_WORDS` because they are also people's names,
#: nicknames or surnames: written capitalised, they are masked as names may be.
NAMES_TOO: frozenset[str] = frozenset(
    """rambo shanks kipping batters stalker stalkers shotter shotters burner burners elders
    favour""".split())

#: Phrases of harm whose words are ordinary on their own ("County Lines" is tagged as an
#: organisation), as tuples of lower-case words.
HARM_PHRASES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "county lines", "county line", "trap house", "trap houses", "trap phone", "trap line",
    "running lines", "going country", "going ots", "out country", "modern slavery",
    "debt bondage", "child sexual exploitation", "child criminal exploitation",
    "criminal exploitation", "sexual exploitation", "sexual abuse", "sexual assault",
    "domestic abuse", "domestic violence", "coercive control", "self harm", "self harming",
    "self harmed", "self injury", "self injuring", "sofa surfing", "couch surfing",
    "sleeping rough", "street homeless", "food bank", "food banks", "food parcel",
    "food parcels", "postcode war", "postcode wars", "knife crime", "missing from care",
    "missing person", "missing episode",
))
