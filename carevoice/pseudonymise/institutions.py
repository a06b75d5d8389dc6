"""Patterns for the places and organisations children name: schools, colleges, children's homes,
councils and their children's services, hospitals, prisons, youth projects, employers; the
nicknames of towns ("the toon"); and families called by their surname.

Part of :data:`carevoice.pseudonymise.patterns.PATTERNS`. Lower-case names are accepted only when
they are no English word, a UK place, or words homes are named by (trees, birds, flowers).
The patterns' validators are in ``_institution_names``; :func:`organisations_after_people` and
:func:`homes_in_a_row`, read after all detectors, are in :mod:`carevoice.pseudonymise.neighbours`
and imported here too.
"""

from __future__ import annotations

from ._institution_names import (
    _CARE_PLACE_KINDS,
    CHILDREN_SERVICE_KINDS,
    SAINTS_SECOND_NAMES,
    _agency_lower_ok,
    _bishop_ok,
    _break_place_ok,
    _called_name_ok,
    _care_place_ok,
    _club_by_age_ok,
    _club_ok,
    _club_played_for_ok,
    _council_ok,
    _employer_ok,
    _faith_place_ok,
    _family_plural_ok,
    _firm_ok,
    _for_children_ok,
    _home_at_ok,
    _home_compound_ok,
    _home_name_ok,
    _home_named_ok,
    _initials_ok,
    _institution_ok,
    _lower_council_ok,
    _lower_employer_ok,
    _lower_place_ok,
    _masjid_ok,
    _named_by_place_ok,
    _named_group_ok,
    _named_place_ok,
    _named_then_kind_ok,
    _named_workplace_ok,
    _no_word_name_ok,
    _place_institution_ok,
    _place_service_ok,
    _project_ok,
    _pru_ok,
    _saint_in_full_ok,
    _shouted_institution_ok,
    _street_home_ok,
    _surgery_ok,
    _team_plural_ok,
    _two_word_school_ok,
    _university_of_place_ok,
)
from ._pattern import Pattern
from ._place_names import HOME_NAME_WORDS, house_lower_ok, unlisted_place_ok
from .neighbours import homes_in_a_row, organisations_after_people

__all__ = ["GROUP_HEADS", "INSTITUTION_PATTERNS", "homes_in_a_row", "organisations_after_people"]


#: A lower-case word of a place's name: not a preposition or determiner ("on saturdays for
#: moorside juniors" names "moorside juniors").
_LOWER_NAME_WORD = r"(?!(?:for|on|at|in|to|the|and|with|of|my|our|from|by|is|was)\b)[a-z]{3,}"

_HOME_WORDS = "|".join(sorted(HOME_NAME_WORDS))


#: A lower-case word of a name after "called" (not a word that ends the name: "called kindred
#: care or something", "a place called the anchorage in scunthorpe").
_CALLED_WORD = (r"(?!(?:or|and|in|on|at|for|to|but|so|who|which|that|was|is|with|from|because|"
                r"cos|coz|then|where|when|like|near|by|now|i|we|they|he|she|it|or|something|"
                r"sumthing|summat|innit|lol)\b)[a-z][a-z'\u2019]{2,}")


#: Kinds of institution a lower-case name is followed by ("riverside pru", "haven youth
#: project"); the word before them is a name whatever it is, unless it is generic.
_INSTITUTION_KINDS = (r"pru|yoi|stc|housing|homes|advocacy|drop[\s-]?in|dropin|"
                      r"youth\s+(?:club|project|centre|center|service|hub)|"
                      r"family\s+centre|contact\s+centre|children'?s\s+centre|foyer")

#: Institutions known by name across England and Wales where a child's stay identifies them:
#: youth custody (young offender institutions, secure training centres, secure schools) and
#: children's hospitals, in the forms people write them.
_KNOWN_INSTITUTIONS = (
    r"cookham\s+wood|werrington(?:\s+yoi)?|feltham(?:\s+yoi)?|wetherby\s+yoi|"
    r"hmyoi\s+parc|parc\s+yoi|oakhill\s+stc|rainsbrook|medway\s+stc|"
    r"alder\s+hey|great\s+ormond\s+st(?:reet)?|gosh|evelina(?:\s+london)?|"
    r"sheffield\s+children'?s(?:\s+hospital)?|birmingham\s+children'?s(?:\s+hospital)?|"
    r"royal\s+manchester\s+children'?s(?:\s+hospital)?|bristol\s+children'?s(?:\s+hospital)?"
)


#: Words before "kings" or "queens" that make them people, not a school's namesake: "the drama
#: queens school play", "burger kings".
_NOT_ROYALTY = (r"(?<!drama\s)(?<!drag\s)(?<!prom\s)(?<!beauty\s)(?<!burger\s)(?<!three\s)"
                r"(?<!wise\s)(?<!disney\s)")


#: When someone works, between "work" and where: "works weekends at ...".
_WORK_TIMES = (r"mornings|evenings|nights|weekends|days|saturdays|sundays|part[\s-]time|"
               r"full[\s-]time")
#: Kinds of business named after a word: "millers bakery", "castle carpets", "baker brothers".
_TRADES = (r"bakery|bakers|cafe|caf\u00e9|garage|barbers|salon|takeaway|chippy|diner|kitchen|"
           r"stores|warehouse|nursery|kennels|stables|motors|carwash|garden\s+centre|carpets|"
           r"tyres|builders|joinery|removals|logistics|recruitment|cleaning|catering|"
           r"scaffolding|landscaping|roofing|flooring|furniture|brothers|bros|farm\s+shop")


_NAME_WORD = r"(?:St\.?\s+)?[A-Z][A-Za-z'\u2019-]+"

#: Plurals that English homes and houses are named by: "at the willows", "the beeches".
_HOUSE_PLURAL_WORDS = (r"(?:willows|meadows|beeches|laurels|limes|oaks|elms|poplars|cedars|firs|"
                       r"pines|hollies|maples|larches|birches|hawthorns|rowans|chestnuts|sycamores|"
                       r"gables|conifers|briars|heathers|junipers|lindens|yews|acorns|orchards|"
                       r"spinney|paddocks|robins|wrens|swallows|larks|herons|kestrels|swifts|"
                       r"finches|martins|brambles|ferns|thistles|bluebells|foxgloves|hazels|"
                       r"alders|aspens|lilacs|magnolias|laburnums|cherries|hollyhocks)")

_HOUSE_PLURALS = rf"the\s+{_HOUSE_PLURAL_WORDS}"


#: What the people of a place are, or live in, before "at" and the place's own name: "the kids
#: at hilltop", "the manager at lighthouse", "a room at brambles".
_AT_A_HOME = (r"staff|kids|manager|managers|room|bedroom|girls|boys|lads|carers|workers|"
              r"everyone|placed|living|lived|live|lives")
#: Words after such a name: a verb, a conjunction, a pronoun or the end of a clause.
_AFTER_A_HOME = (r"(?=\s*(?:[,.!?;)]|$)|\s+(?:are|is|was|were|never|always|and|but|so|cos|coz|"
                 r"they|she|he|who|dont|do|does|did|has|have|had|said|lent|gave|let|n|on|for|"
                 r"with)\b)")


#: Club words after a name: "phoenix abc" (amateur boxing club), "wool united", "hyde fc".
_CLUB_WORDS = (r"abc|afc|jfc|fc|rfc|united|utd|rovers|athletic|wanderers|albion|rangers|harriers|"
               r"rugby")


#: Verbs before a club's name, never part of it: "takes me to watch barking fc".
_FOLLOWING_A_CLUB = (r"(?:watch|watches|watching|watched|support|supports|supporting|play|plays|"
                     r"playing|played|join|joined|love|loves|for|and)")


#: Places of worship and community centres, after the words that name them: "the sri murugan
#: temple", "guru nanak gurdwara", "salaam community centre", "st dimitrie romanian church".
_FAITH_KINDS = (r"temple|gurdwara|gurudwara|mandir|kovil|mosque|masjid|synagogue|shul|church|"
                r"chapel|cathedral|madrassa|madrasa|madrasah|(?:community|cultural|islamic)\s+"
                r"(?:centre|center)|(?:saturday|sunday|supplementary)\s+school")


#: Last words of the names of groups and services for children and families, after
#: capitalised words: "the Rainbow Base" (a school's unit), "Brightside Support Circle", "the
#: Hedgehog Den", "Oakwood Parents Network", "Harbour Haven", "the Wolf Pack Crew".
GROUP_HEADS = r"Circle|Base|Den|Nest|Haven|Forum|Collective|Network|Crew|Squad"

#: The first word of a capitalised name: not a determiner, pronoun or preposition.
_NOT_A_NAME_START = (r"The|My|Our|Your|Their|His|Her|This|That|A|An|In|At|To|From|And|But|Or|"
                     r"When|If|So|Then|Me|We|They|He|She|It|I")

#: Religious dedications schools are named by, with no word saying it is a school: "holy
#: family", "sacred heart", "notre dame", "corpus christi", "our lady of lourdes", "christ the
#: king", "all saints". A bishop's or cardinal's name is read with a validator.
_DEDICATIONS = (
    r"holy\s+(?:family|trinity|cross|rosary|spirit|ghost|name|redeemer|innocents|child|souls|"
    r"angels|apostles|saviour|savior|martyrs|ghost)|sacred\s+hearts?|notre\s+dame|"
    r"corpus\s+christi|christ\s+(?:the\s+(?:king|saviour|redeemer)|church)|"
    r"our\s+lady(?:['\u2019]?s)?(?:\s+(?:of|and)(?:\s+the)?(?:\s+(?!(?:in|at|for|till|until|"
    r"now|then|and|but|when|school|primary|high|rc|ce)\b)[a-z]{3,}){1,2}|\s+(?:immaculate|queen|"
    r"star|help|mount|victories|grace|lourdes|fatima|walsingham))?|"
    r"immaculate\s+(?:conception|heart)|blessed\s+(?:sacrament|trinity|hugh\s+faringdon|"
    r"edward\s+oldcorne|george\s+napier|william\s+howard|robert\s+sutton|john\s+henry\s+newman|"
    r"[a-z]{3,}\s+[a-z]{3,}(?=\s+(?:rc|catholic)))|all\s+(?:saints|souls|hallows)|"
    r"english\s+martyrs|precious\s+blood|good\s+shepherd|la\s+sainte\s+union|de\s+la\s+salle|"
    r"(?:st|saint|sts|ss)\.?\s+[a-z]{3,}(?:['\u2019]?s)?(?:\s+(?:and|&)\s+(?:st\.?\s+)?[a-z]{3,})?"
    r"(?=\s+(?:rc|r\.c\.?|ce|c\s+of\s+e|catholic)\b)"
)

#: What a Catholic or church school adds to its name: "rc", "ce", "c of e", "catholic" and the
#: kind of school.
_CHURCH_SCHOOL_TAIL = (r"(?:\s+(?:rc|r\.c\.?|ce|c\s+of\s+e|c\.?e\.?|catholic|"
                       r"church\s+of\s+england))?(?:\s+(?:primary|high|school|academy|college|juniors|infants|secondary|"
                       r"grammar|sixth\s+form|comp|comprehensive)(?:\s+school)?)?")

#: A churchman a school is named after: "bishop vesey", "cardinal newman".
_BISHOP = r"(?:arch)?bishop|cardinal|pope|canon|father"

#: Words before a school's name: "went to", "i go", "at", "in year 9 at", "excluded from".
_SCHOOL_CUES = (r"(?:go|goes|going|gone|went|attend|attends|attended|attending|started|start|"
                r"join|joined|left|leave|leaving|moved|move|excluded|expelled|at|to|from|in)")

#: A school year after a name: "notre dame in year 9", "in yr 10".
_IN_A_YEAR = r"(?=\s+(?:now\s+)?in\s+(?:year|yr|y)\s?\d{1,2}\b)"

#: What a name is said to be: "is a good school", "was my primary".
_IS_A_SCHOOL = (r"\s+(?:is|was)\s+(?:a|an|the|my|our)\s+(?:[a-z]+\s+){0,2}"
                r"(?:school|primary|academy|college|secondary)\b")

#: Words of a Welsh, Gaelic or Irish school's name after "ysgol", "sgoil", "scoil": not an
#: English word that ends the name.
_CELTIC_NAME_WORD = (r"(?!(?:in|at|for|and|but|now|then|till|until|is|was|were|are|i|we|he|she|"
                     r"they|it|my|when|cos|coz|so|with|on|to|from|where|which|that|the|a|"
                     r"because|since|last|this|next|year|yr|school|primary|but)\b)"
                     r"[a-z\u00c0-\u017f'\u2019-]{1,}")

#: A home's people and staff after its name: "the fernlea manager", "the brookview kids".
_HOME_PEOPLE = (r"staff|manager|managers|kids|children|workers|carers|residents|girls|boys|lads|"
                r"team|deputy|key\s*workers?|night\s+staff|lot")

#: The institutions patterns, in the order they are tried.
INSTITUTION_PATTERNS: tuple[Pattern, ...] = (
    Pattern("faith_place", "ORG",
            rf"\b(?P<pii>(?:(?:st|saint)\.?\s+)?(?:{_LOWER_NAME_WORD}\s+){{1,3}}"
            rf"(?:{_FAITH_KINDS}))\b",
            score=0.5, validate=_faith_place_ok, trigger=rf"\b(?:{_FAITH_KINDS})\b"),
    Pattern("our_lady", "ORG",  # a Catholic church or school: "Our Lady of Lourdes", "Our Lady's"
            r"\b(?P<pii>Our\s+Lady(?:['\u2019]s)?(?:\s+(?:of|and)(?:\s+the)?\s+|\s+)"
            r"(?:(?:St\.?|Saint)\s+)?[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){0,2})",
            score=0.6, flags=0, trigger=r"our\s+lady"),
    Pattern("dedication_school", "ORG",  # "i used to go holy family", "at sacred heart"
            rf"\b{_SCHOOL_CUES}(?:\s+to)?\s+(?:the\s+)?(?P<pii>(?:{_DEDICATIONS}){_CHURCH_SCHOOL_TAIL})"
            r"(?![\w'\u2019-])",
            score=0.6),
    Pattern("dedication_school_named", "ORG",  # "notre dame is a good school", "holy cross
            # primary", "corpus christi in year 10": a dedication with a school word or year
            rf"\b(?P<pii>(?:{_DEDICATIONS})(?:(?=\s+(?:rc|r\.c\.?|ce|c\s+of\s+e|catholic|primary|high|"
            rf"school|academy|college|juniors|infants|secondary|grammar)\b){_CHURCH_SCHOOL_TAIL}|"
            rf"{_CHURCH_SCHOOL_TAIL}(?={_IS_A_SCHOOL}|{_IN_A_YEAR})))(?![\w'\u2019-])",
            score=0.6),
    Pattern("bishop_school", "ORG",  # "i go bishop vesey now in year 9", "at cardinal newman"
            rf"\b(?:{_SCHOOL_CUES})(?:\s+to)?\s+(?P<pii>(?:{_BISHOP})\s+[a-z]{{3,}}"
            rf"{_CHURCH_SCHOOL_TAIL})(?![\w'\u2019-])",
            score=0.55, validate=_bishop_ok),
    Pattern("celtic_school", "ORG",  # "ysgol bro morgannwg", "gaelscoil na mara", "sgoil"
            rf"\b(?P<pii>(?:ysgol|sgoil|scoil|gaelscoil|gaelcholáiste|gaelcholaiste|coláiste|"
            rf"colaiste)\s+{_CELTIC_NAME_WORD}(?:\s+{_CELTIC_NAME_WORD}){{0,3}})",
            score=0.6, trigger=r"scoil|sgoil|ysgol|gaelch|col[aá]iste"),
    Pattern("home_compound_people", "ORG",  # "the fernlea manager", "the brookview kids"
            rf"\bthe\s+(?P<pii>[a-z]{{6,}})\s+(?:{_HOME_PEOPLE})\b",
            score=0.5, flags=0, validate=_home_compound_ok),
    Pattern("masjid_named", "ORG",  # "masjid al-noor", "masjid e noor"
            r"\b(?P<pii>masjid\s+(?:(?:al|an|ar|as|e|ul|un)[\s-])?[a-z]{3,})\b",
            score=0.5, validate=_masjid_ok, trigger=r"masjid"),
    # a home known by one rare word: "the kids at hilltop are alright", "staff at the anchorage"
    Pattern("home_at_lower", "ORG",
            rf"\b(?:{_AT_A_HOME})\s+at\s+(?P<pii>(?:the\s+)?[a-z]{{4,}}){_AFTER_A_HOME}",
            score=0.5, flags=0, validate=_home_at_ok),
    # a sports club: "boxing at phoenix abc", "i play for wool united", "supports hull city"
    Pattern("club_lower", "ORG",
            rf"\b(?:the\s+)?(?P<pii>(?:(?!{_FOLLOWING_A_CLUB}\b)[a-z]{{3,}}\s+){{1,2}}"
            rf"(?:{_CLUB_WORDS}))\b", score=0.5,
            flags=0, validate=_club_ok, trigger=rf"\b(?:{_CLUB_WORDS})\b"),
    # a project named by a word: "mark and ginny at the bridge project", "the springboard
    # project in shaw helped me" (not "the youth project", "my science project")
    Pattern("project_named_lower", "ORG",
            r"\b(?:at|from|with|to|by)\s+the\s+(?P<pii>[a-z]{4,}\s+project)\b",
            score=0.5, flags=0, validate=_project_ok, trigger=r"project"),
    Pattern("project_named_first", "ORG",
            r"(?:^|(?<=[.!?,]))\s*the\s+(?P<pii>[a-z]{4,}\s+project)(?=\s+(?:in|helped|got|"
            r"gave|took|runs|ran|is|was|sorted|paid)\b)",
            score=0.5, flags=0, validate=_project_ok, trigger=r"project"),
    Pattern("club_plural_played_for", "ORG",  # "i play for the hawks under 16s"
            r"\bplay(?:s|ed|ing)?\s+for\s+the\s+(?P<pii>[a-z]{3,}s)\b",
            score=0.5, flags=0, validate=_team_plural_ok, trigger=r"play"),
    Pattern("club_played_for", "ORG",  # "i play for moss lane rangers"
            rf"\b(?:play(?:s|ed|ing)?\s+for|supports?|supporting|signed\s+for)\s+(?:the\s+)?"
            rf"(?P<pii>(?:[a-z]{{3,}}\s+){{1,2}}(?:{_CLUB_WORDS}))\b",
            score=0.5, flags=0, validate=_club_played_for_ok),
    Pattern("club_age_group", "ORG",  # "we play for swifts under 16s every sunday"
            r"\bplay(?:s|ed|ing)?\s+for\s+(?:the\s+)?(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?)"
            r"(?=\s+(?:under[\s-]?|u)\d{1,2}'?s?\b)",
            score=0.5, flags=0, validate=_club_by_age_ok, trigger=r"under|u\d"),
    Pattern("club_followed", "ORG",
            r"\b(?:play(?:s|ed|ing)?\s+for|supports?|supporting|fan\s+of|season\s+ticket\s+"
            r"(?:for|at))\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+(?:city|town|county))\b",
            score=0.5, flags=0, validate=_club_ok),
    Pattern("council", "ORG",
            r"\b(?:(?!(?:The|My|Our|Your|Their|This|That|A|An)\b)[A-Z][A-Za-z'\u2019-]+\s+){1,3}"
            r"(?:(?:City|County|Borough|District|Metropolitan\s+Borough|Town)\s+)?[Cc]ouncil\b",
            score=0.85, flags=0, validate=_council_ok),
    Pattern("named_place", "ORG",
            rf"\b(?:(?!(?:The|My|Our|Your|Their|His|Her|This|That|A|An|In|At|To|From|And|But|Or|"
            rf"When|If|So|Then|Me|We|They|He|She|It|I)\b){_NAME_WORD}\s+(?:(?:and|&)\s+)?){{1,3}}"
            r"(?:Academy|College|School|High|Primary|Juniors?|Infants|Grammar|Sixth\s+Form|"
            r"University|Uni|House|Lodge|Hall|Court|Grange|Manor|View|Centre|Center|Farm|Cottage|"
            r"Children'?s\s+Home|(?:Parent|Mother|Mum)\s+and\s+Baby\s+(?:Unit|Home|Centre)|"
            r"Unit|Hub|Project|Trust|Foundation|Advocacy|Housing|Homes|Hospital|Surgery|Clinic|"
            r"FC|Motors|Place|Gardens|Grove|Park|Rescue|Sanctuary|Stables)\b",
            score=0.8, flags=0, validate=_named_place_ok),
    Pattern("named_group", "ORG",  # "the Rainbow Base", "Nans and Grans Support Circle"
            rf"\b(?:(?!(?:{_NOT_A_NAME_START})\b){_NAME_WORD}\s+(?:(?:and|&)\s+)?){{1,3}}"
            rf"(?:{GROUP_HEADS})\b",
            score=0.7, flags=0, validate=_named_group_ok, trigger=rf"\b(?:{GROUP_HEADS})\b"),
    Pattern("named_place_upper", "ORG",  # in capitals: "AT THORNBRIDGE ACADEMY", "HULL COUNCIL"
            r"\b(?P<pii>(?:[A-Z][A-Z'\u2019-]{2,}\s+){1,2}(?:ACADEMY|COLLEGE|SCHOOL|HIGH|PRIMARY|"
            r"JUNIORS|INFANTS|UNIVERSITY|HOSPITAL|INFIRMARY|YOI|HOUSE|LODGE|GRANGE|COUNCIL))\b",
            score=0.6, flags=0, validate=_shouted_institution_ok, trigger=r"[A-Z]{3}"),
    Pattern("named_business", "ORG",  # "Hamid's Grill", "Tony's Barbers"
            r"\b[A-Z][a-z]+['\u2019]s\s+(?:Grill|Cafe|Caf\u00e9|Kitchen|Takeaway|Barbers?|Salon|"
            r"Garage|Bakery|Diner|Pizza|Chippy|Fish\s+Bar|Kebabs?|Deli|Stores?|Mini\s+Market|"
            r"Car\s+Wash|Nails|Gym)\b",
            score=0.8, flags=0, trigger=r"['\u2019]s\s"),
    # a school named after a king, queen or prince, in lower case: "kings college", "queens
    # school" (not "the drama queens school play"; the Prince's Trust, a national charity, is
    # no school)
    Pattern("royal_school_lower", "ORG",
            rf"{_NOT_ROYALTY}\b(?P<pii>(?:kings|queens|princes|princess|"
            r"(?:king|queen|prince|princess)['\u2019]s)\s+(?:(?:rc|ce|catholic|c\s+of\s+e)\s+)?"
            r"(?:college|school|academy|high|primary|grammar|juniors|infants|sixth\s+form|"
            r"university|uni|hospital))\b",
            score=0.7, trigger=r"kings|queens|prince|king['\u2019]s|queen['\u2019]s"),
    # a saint named in full, in any case: "st thomas more" (not only "st thomas"), "saint john
    # fisher", "st john the baptist" (not "st helens more than once")
    Pattern("saint_in_full", "ORG",
            rf"\b(?P<pii>(?:st\.?|saint)\s+[a-z]{{3,}}\s+(?:{SAINTS_SECOND_NAMES}))\b"
            r"(?!\s+(?:than|often|times|and\s+more)\b)",
            score=0.7, validate=_saint_in_full_ok, trigger=r"\b(?:st|saint)\b"),
    # a council's children's services named by its place: "stoke social services",
    # "sunderland childrens services", "wigan childrens", "leeds cs"; one span, as the council
    Pattern("place_childrens_services", "ORG",
            r"\b(?P<pii>(?:[a-z][a-z'\u2019-]*\s+){0,2}[a-z][a-z'\u2019-]+\s+"
            rf"(?:{CHILDREN_SERVICE_KINDS}))\b",
            score=0.6, validate=_place_service_ok,
            trigger=r"social\s+(?:services|care)|children|\bcsc?\b"),
    # a company or trust that runs a council's children's services, with no place in its name
    # (:func:`_for_children_ok`): "Achieving for Children", "Together for Children"
    Pattern("children_company", "ORG",
            r"\b(?:(?i:achieving\s+for\s+children)|(?:Together|Brighter\s+Futures)\s+for\s+"
            r"Children)\b", score=0.8, flags=0, trigger=r"for\s+children"),
    Pattern("children_company_lower", "ORG",  # "together for children are useless"
            r"\b(?P<pii>(?:together|brighter\s+futures)\s+for\s+children)(?=\s+(?:are|is|was|"
            r"were|said|say|says|have|has|had|moved|took|take|put|placed|sent|gave|give|pay|paid|"
            r"wont|won't|dont|don't|didnt|didn't|never|look|looks|looked|run|runs|ran|did|do|"
            r"does|will|would|should|could|can|cant|can't|still|just)\b)",
            score=0.6, trigger=r"for\s+children"),
    Pattern("for_children_named", "ORG",  # "Partners for Children" (not "Action for Children")
            r"\b(?P<pii>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+\s+for\s+Children)\b"
            r"(?!['\u2019]s|\s+(?:in\s+[Cc]are|and\s+[Yy]oung|[Ll]ooked)\b)",
            score=0.6, flags=0, validate=_for_children_ok, trigger=r"for\s+Children"),
    # a university named "of" its place: "uni of salford", "university of the west of england"
    Pattern("university_of_place", "ORG",
            r"\b(?P<pii>(?:uni|university)\s+of\s+(?:the\s+)?(?:(?:north|south|east|west|central|"
            r"mid)(?:\s+of)?\s+)?[a-z]+(?:\s+upon\s+[a-z]+)?)\b",
            score=0.7, validate=_university_of_place_ok, trigger=r"uni"),
    # what young people call a town, as its name: "the toon" (Newcastle), "the big smoke"
    # (London), "the 'boro" (Middlesbrough); "the smoke" only where someone lives or goes
    # (not "the smoke alarm"). "brum", "manny", "donny", "pompey" are in the gazetteer.
    Pattern("town_nickname", "LOCATION",
            r"\b(?P<pii>the\s+(?:toon|big\s+smoke|['\u2019]?boro))\b(?!-)",
            score=0.7, trigger=r"toon|smoke|boro"),
    Pattern("town_nickname_smoke", "LOCATION",
            r"\b(?:(?:mov(?:e|es|ed|ing)|went|go|goes|going|gone|back|up|down|over|trip|train|"
            r"coach)\s+to|(?:live[sd]?|living|born|raised|grew\s+up)\s+in|"
            r"mov(?:e|es|ed|ing)\s+(?:(?:back|down|up)\s+)?from)\s+(?P<pii>the\s+smoke)\b(?!\s+(?:alarm|alarms|detector|detectors|machine|bomb|"
            r"bombs|break|breaks|signal|signals|damage|and\s+mirrors)\b)",
            score=0.6, trigger=r"smoke"),
    Pattern("saint_place", "ORG", r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:'s|\u2019s|s)\b",
            score=0.9, flags=0),
    Pattern("saint_place_lower", "ORG",
            r"(?:\b(?:at|to|from|in|of|went|go|goes|attend|attended|school|primary|college)\s+|^\s*|"
            r"(?<=[.!?])\s+)"
            r"(?P<pii>(?:st\.?|saint)\s+[a-z]{3,}"
            r"(?:'s|\u2019s|s)(?:\s+(?:(?:rc|ce|catholic|c\s+of\s+e)\s+)?(?:high|primary|"
            r"academy|college|school|juniors|infants|hospital|hospice|surgery|church|hall|"
            r"house|drop[\s-]?in|centre|center))?)\b",
            score=0.6, flags=0),
    Pattern("employer", "ORG",
            rf"(?i:\b(?:work(?:s|ing|ed)?(?:\s+(?:shifts|{_WORK_TIMES}))?|job|shifts?|"
            r"apprenticeship|placement|hired|employed|"
            r"interview|manager|boss|supervisor|colleagues?|co-?workers?|"
            r"workmates?)\s+(?:at|for|in|with)\s+)(?P<pii>(?:[A-Z][\w'\u2019&-]*)"
            r"(?:\s+(?:(?!(?:I|And|Or|But|So|Then|Is|Am|Was|In|At|To|With)\b)"
            r"[A-Z][\w'\u2019&-]*|&))*)",
            score=0.6, flags=0, validate=_employer_ok),
    Pattern("firm_and_sons", "ORG",  # "an apprenticeship at brook and sons"
            r"\b(?P<pii>[A-Za-z][a-z']{2,}\s+(?:and|&|n)\s+sons?)\b",
            score=0.6, validate=_firm_ok, trigger=r"\bsons?\b"),
    Pattern("pru_named", "ORG",  # "then i went to the bridge pru"
            r"\b(?:the\s+)?(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+pru)\b",
            score=0.5, flags=0, validate=_pru_ok, trigger=r"pru"),
    Pattern("surgery_lower", "ORG",  # "my gp is at parkside surgery"
            r"\b(?:at|to|from|with|gp\s+is)\s+(?:the\s+)?"
            r"(?P<pii>(?:[a-z][a-z']{2,}\s+){1,3}(?:surgery|medical\s+(?:centre|center|practice)|"
            r"health\s+(?:centre|center)))\b",
            score=0.5, flags=0, validate=_surgery_ok, trigger=r"surgery|medical|health"),
    Pattern("employer_lower", "ORG",  # "a job at millers bakery", "works at smiths garage"
            r"\b(?:job|jobs|work|works|working|worked|shifts?|apprenticeship|trial|hired|"
            rf"employed)(?:\s+(?:{_WORK_TIMES}))?\s+(?:at|for|in)\s+(?:the\s+)?"
            rf"(?P<pii>(?:[a-z][a-z'\u2019]{{2,}}\s+){{1,2}}(?:{_TRADES}))\b",
            score=0.5, flags=0, validate=_lower_employer_ok, trigger=_TRADES),
    Pattern("workplace_named_lower", "ORG",  # "my job at the green bean": a cafe or pub named
            r"\b(?:job|jobs|work|works|working|worked|shifts?|apprenticeship|trial|hired|"
            rf"employed)(?:\s+(?:{_WORK_TIMES}))?\s+at\s+the\s+"  # in two ordinary words
            r"(?P<pii>[a-z]{3,}\s+[a-z]{3,})\b",
            score=0.5, flags=0, validate=_named_workplace_ok,
            trigger=r"(?:job|work|shift|apprentice|trial|hired|employed)\w*\s+(?:\w+\s+)?at\s+the\s"),
    Pattern("business_at", "ORG",  # "cos im at bells bakery": a trade named by a word, anywhere
            rf"\bat\s+(?P<pii>[a-z][a-z'\u2019]{{2,}}\s+(?:{_TRADES}))\b",
            score=0.5, flags=0, validate=_lower_employer_ok, trigger=_TRADES),
    Pattern("named_place_lower", "ORG",
            rf"\b(?:{_LOWER_NAME_WORD}\s+){{1,3}}(?:lodge|academy|grange|manor|juniors|infants)\b",
            score=0.5, flags=0, validate=_lower_place_ok),
    Pattern("house_name_lower", "ORG",
            rf"\b(?:at|in|on|to|from|of|then|called|named|left|leave|leaving|about|since|"
            rf"outside|behind|opposite|near|"
            rf"(?:home|house|placement|unit)\s+(?:is|was))\s+(?P<pii>{_HOUSE_PLURALS}|"
            rf"the\s+(?:grange|manor|priory))\b",
            score=0.6),
    Pattern("house_name_home", "ORG",  # "the beeches childrens home was the best"
            rf"\bthe\s+(?P<pii>{_HOUSE_PLURAL_WORDS})(?=\s+(?:child(?:ren)?'?s'?|kids|care)\s+home\b)",
            score=0.6, flags=0),
    Pattern("home_named_lower", "ORG",  # "the orchard care home", "the oakfield home"
            r"\bthe\s+(?P<pii>[a-z]{4,})(?=\s+(?:(?:child(?:ren)?'?s'?|kids|care)\s+)?home\b"
            r"(?!\s+alone\b))",  # not "the film home alone"
            score=0.5, flags=0, validate=_home_named_ok, trigger=r"home"),
    Pattern("unit_named_lower", "ORG",  # "the meadowview unit took my phone"
            r"\bthe\s+(?P<pii>[a-z]{5,})(?=\s+unit\b)",
            score=0.5, flags=0, validate=_no_word_name_ok, trigger=r"unit"),
    Pattern("home_named_by_street", "ORG",  # "the number for north lane childrens home"
            r"\b(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}\s+(?:lane|road|street|avenue|drive|close|"
            r"way|grove|terrace|crescent))(?=\s+(?:child(?:ren)?'?s'?|kids|care)\s+home\b)",
            score=0.5, flags=0, validate=_street_home_ok, trigger=r"home"),
    Pattern("house_name_bare", "ORG",  # "holly at cedars let me paint my room"
            rf"\b(?:at|to|from)\s+(?P<pii>{_HOUSE_PLURAL_WORDS})\b",
            score=0.5, flags=0),
    # a plural naming one place takes a singular verb: "the willows was the worst home" (not
    # "the willows down by the river are ...")
    Pattern("house_name_initial", "ORG",
            rf"(?:^|(?<=[.!?,]))\s*(?P<pii>(?:the\s+)?{_HOUSE_PLURAL_WORDS})(?=\s+(?:was|is|has)\b)",
            score=0.6),
    # a place known by its initials: "born at qmc", "kicked out of hhs in year 9"
    Pattern("initials_place_lower", "ORG",
            r"\b(?:at|from|in|into|to|of|outside|left)\s+(?:the\s+)?(?P<pii>[b-df-hj-np-tv-xz]{3,4})\b(?!\.\w)",
            score=0.45, flags=0, validate=_initials_ok),
    # a family by its surname: "the carters are my carers", "i stay with the foxes at weekends"
    Pattern("family_plural", "PERSON",
            r"\bthe\s+(?P<pii>[a-z]{3,}s)(?=\s+(?:are|were|r)\s+(?:my|our)\s+"
            r"(?:(?:new|old|foster|respite|kinship|emergency)\s+)*(?:carers|parents|family|"
            r"foster|neighbours)\b)",
            score=0.5, validate=_family_plural_ok, trigger=r"\b(?:are|were|r)\s+(?:my|our)\b"),
    Pattern("family_plural_with", "PERSON",
            r"\b(?:stay|stays|stayed|staying|live|lives|lived|living|placed|respite)\s+"
            r"(?:(?:at|with)\s+)the\s+(?P<pii>[a-z]{3,}s)\b",
            score=0.5, validate=_family_plural_ok),
    # a home named by a tree or bird, as the subject at a sentence's start: "ivy house is ok"
    Pattern("house_name_subject", "ORG",
            rf"(?:^|(?<=[.!?]))\s*(?P<pii>(?:the\s+)?(?:{_HOME_WORDS})\s+"
            rf"(?:house|lodge|court|grange|hall))(?=\s+(?:was|is|has|had)\b)",
            score=0.5),
    Pattern("council_lower", "ORG",
            r"\b(?P<pii>(?:[a-z]{4,}\s+(?:and|with)\s+)?(?:(?:north|south|east|west|city\s+of)\s+)?"
            r"[a-z]{4,}(?:\s+[a-z]{4,})?(?:\s+(?:city|county|borough|district))?\s+council)\b",
            score=0.5, flags=0, validate=_lower_council_ok, trigger=r"council"),
    Pattern("council_abbreviation", "ORG",
            r"\b(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+(?:cc|ccc|mbc|bc|dc))\b",
            score=0.6, validate=_named_by_place_ok, trigger=r"\b(?:cc|ccc|mbc|bc|dc)\b"),
    Pattern("borough_of", "ORG",
            r"\b(?P<pii>(?:(?:london|royal)\s+)?borough\s+of\s+[a-z]{3,}"
            r"(?:\s+and\s+[a-z]{3,}|\s+(?:hamlets|forest|upon\s+thames))?)\b",
            score=0.6, validate=_named_by_place_ok, trigger=r"borough\s+of"),
    Pattern("institution_lower", "ORG",
            rf"\b(?:the\s+)?(?P<pii>[a-z][a-z']{{2,}}(?:\s+[a-z][a-z']{{2,}})?\s+"
            rf"(?:{_INSTITUTION_KINDS}))\b",
            score=0.5, validate=_institution_ok,
            trigger=rf"\b(?:{_INSTITUTION_KINDS})\b"),
    Pattern("place_institution_lower", "ORG",
            r"\b(?P<pii>[A-Za-z][a-z]{2,}(?:\s+[a-z]{3,})?\s+(?:city\s+)?(?:college|university|uni|"
            r"hospital|infirmary|general(?:\s+hospital)?|academy|high|sixth\s+form))\b",
            score=0.6, flags=0, validate=_place_institution_ok,
            trigger=r"college|uni|hospital|infirmary|general|academy|high|sixth"),
    Pattern("fostering_agency_lower", "ORG",  # "holly from rainbow fostering"
            r"\b(?:from|with|by|at|through|for|via|joined|left|agency\s+is|agency\s+was|"
            r"called)\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?\s+fostering)\b",
            score=0.5, flags=0, validate=_agency_lower_ok, trigger=r"fostering"),
    Pattern("care_place_named", "ORG",  # "the jessop wing", "castlegate police station"
            rf"\b(?P<pii>(?:[A-Za-z][a-z'\u2019]{{2,}}\s+){{1,2}}(?:{_CARE_PLACE_KINDS}))\b",
            score=0.5, validate=_care_place_ok, trigger=_CARE_PLACE_KINDS),
    Pattern("ward_numbered", "ORG",  # "two nights on ward 32", "Ward 4B at the royal", "ward
            # c3": a hospital ward by its number narrows where a child stayed (England's council
            # wards have names, so a ward by number is a hospital's); not "on the ward 3 days"
            r"\bward\s*(?:\d{1,3}[a-z]?|[a-z]\d{1,2}[a-z]?)\b(?![.,/:-]?\d)"
            r"(?!\s*(?:x\b|times|days?|nights?|weeks?|months?|years?|yrs?|hours?|hrs?|mins?|"
            r"minutes?|people|patients|kids|children|beds?|nurses|staff|of|or|and\s+a\s+half)\b)",
            score=0.6, trigger=r"ward\s*[a-z]?\d"),
    Pattern("break_place_lower", "ORG",  # "i go to the lantern for short breaks"
            r"\b(?:to|at|from|in)\s+the\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?)\s+(?:for|on)\s+"
            r"(?:my\s+|our\s+|his\s+|her\s+|a\s+)?(?:short[\s-]+breaks?|respite)\b",
            score=0.5, flags=0, validate=_break_place_ok, trigger=r"short[\s-]+break|respite"),
    Pattern("named_after_called", "ORG",  # "a foster agency called kindred care"
            r"\b(?:agency|agencies|charity|company|organisation|organization|group|project|"
            r"service|place|hostel|unit|home|school|college|club|centre|center)\s+(?:was\s+|is\s+)?"
            rf"called\s+(?:the\s+)?(?P<pii>{_CALLED_WORD}(?:\s+{_CALLED_WORD}){{0,2}})",
            score=0.5, flags=0, validate=_called_name_ok, trigger=r"called"),
    Pattern("school_two_words_lower", "ORG",  # "im yr 10 at hope park academy"
            r"\b(?:at|from|to|attend|attended|attends|joined|left|leave|leaving|behind|then|"
            r"school)\s+"
            r"(?P<pii>[a-z]{3,}\s+[a-z]{3,}\s+(?:academy|high|primary|school|college))\b",
            score=0.5, flags=0, validate=_two_word_school_ok,
            trigger=r"academy|high|primary|school|college"),
    Pattern("school_then_name_lower", "ORG",  # "my old school parkway high"
            r"\b(?:my|old|new|last|first)\s+school\s+(?:is\s+|was\s+|were\s+)?"
            r"(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}\s+(?:academy|high|primary))\b",
            score=0.5, flags=0, validate=_two_word_school_ok,
            trigger=r"academy|high|primary"),
    Pattern("known_institution", "ORG",
            rf"\b(?:{_KNOWN_INSTITUTIONS})\b", score=0.8),
    Pattern("home_predicate", "ORG",  # "acorns is the best home ive been in"
            r"(?:^|(?<=[.!?,]))\s*(?:honestly\s+|tbh\s+)?(?:the\s+)?"
            r"(?P<pii>[a-z]{4,}(?:\s+[a-z]{3,})?)\s+"
            r"(?:is|was)\s+(?:the|my|a)\s+(?:[a-z]+\s+){0,2}(?:home|placement|unit|hostel)\b",
            score=0.5, flags=0, validate=_home_name_ok),
    Pattern("house_lower_initial", "ORG",
            r"(?:^|(?<=[.!?])\s+)(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{4,}\s+(?:house|court|hall|"
            r"grange|lodge|view))\b",
            score=0.5, flags=0, validate=house_lower_ok),
    Pattern("prison", "ORG", r"\b(?:HMP|HMYOI|HMP/YOI|YOI)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?",
            score=0.9, flags=0, trigger=r"\b(?:HMP|HMYOI|YOI)"),
    Pattern("house_lower", "ORG",
            r"\b(?:at|to|from|in|into|of|left|leave|leaving|near|outside|then|since|about)"
            r"\s+(?:the\s+)?"
            r"(?P<pii>(?:[a-z]{3,}\s+)?[a-z]{3,}\s+(?:house|centre|center|"
            r"court|hall|grange|lodge|view|cottage|cottages|farm|high|primary|nursery|"
            r"family\s+centre|school|college))\b",
            score=0.5, flags=0, validate=house_lower_ok),
    Pattern("named_then_kind", "ORG",  # "now im at the bridge which is a pru"
            r"\b(?:at|to|from|of|in|into)\s+the\s+(?P<pii>[a-z]{3,}(?:\s+[a-z]{3,})?),?\s+"
            r"(?:which|that|thats|that's|its|it's)\s+(?:is\s+|was\s+)?an?\s+(?:[a-z]+\s+)?"
            r"(?:pru|school|college|academy|unit|hostel|refuge|foyer|children'?s\s+home|"
            r"kids\s+home|care\s+home|home|project|charity|youth\s+club|club|centre|center)\b",
            score=0.5, flags=0, validate=_named_then_kind_ok,
            trigger=r"\b(?:which|that|its|it's)\b"),
    Pattern("excluded_from_lower", "ORG",
            r"\b(?:kicked\s+out\s+of|excluded\s+from|expelled\s+from)\s+"
            r"(?P<pii>[a-z]{4,}(?:\s+(?:high|academy|primary|college|school))?)\b",
            score=0.5, flags=0, validate=unlisted_place_ok),
    Pattern("named_school_or_home", "ORG",
            r"\b(?:(?:st|saint)\.?\s+)?[A-Za-z][a-z]{2,}(?:'s|\u2019s)?\s+(?:primary|high|college|"
            r"academy|child(?:ren)?'?s'?\s+home|kids\s+home)\b",
            score=0.5, flags=0, validate=unlisted_place_ok),
)
