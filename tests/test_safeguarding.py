"""The safeguarding screen's rules: each category, negation, idioms, ordinary senses, past and
over, worries about someone else, and the frame API. Every comment here is fictional."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.safeguarding import (
    CATEGORIES,
    FLAG_COLUMNS,
    SafeguardingConfig,
    flag_summary,
    screen_comments,
    screen_text,
)
from carevoice.safeguarding._text import normalise
from carevoice.safeguarding.cues import CUES, compiled_cues

from .conftest import block_network

RULES = SafeguardingConfig(similarity=False)


@pytest.mark.parametrize(("text", "category"), [
    ("i dont want to be here anymore", "self_harm"),
    ("wat is the point of living", "self_harm"),
    ("been cutting my arms again", "self_harm"),
    ("took too many tablets last week", "self_harm"),
    ("i keep thinking about killing myself", "self_harm"),
    ("sumtimes i wish i wasnt alive", "self_harm"),
    ("my foster carer hits me when im late", "abuse"),
    ("my uncle touches me and says its our secret", "abuse"),
    ("they lock us in our rooms at night", "abuse"),
    ("she calls me worthless", "abuse"),
    ("the fridge is locked and we go to bed hungry", "abuse"),
    ("some older lads give me weed and now they say i owe them", "exploitation"),
    ("a man i met on snap keeps asking me to send pics", "exploitation"),
    ("i go ots for days at a time", "exploitation"),
    ("they made me hold a package for them", "exploitation"),
    ("i ran away last week and slept at a mates", "missing"),
    ("keep going missing from my placement", "missing"),
    ("ive got nowhere safe to stay tonight", "missing"),
    ("been sofa surfing since my placement ended", "missing"),
    ("my bf takes my money and checks my phone", "domestic_abuse"),
    ("my mums boyfriend hits her and the police came round", "domestic_abuse"),
    ("some lads on my estate said theyll stab me", "violence"),
    ("got jumped on the way home from college", "violence"),
    ("my mate carries a knife", "violence"),
    ("havent eaten in 3 days", "destitution"),
    ("no gas or electric with my baby", "destitution"),
    ("got evicted and nowhere to go", "destitution"),
    # wider vocabulary and structures
    ("i scratch my skin till it bleeds when im wound up", "self_harm"),
    ("been stockpiling paracetamol in my drawer", "self_harm"),
    ("no one would even notice if i wasnt here", "self_harm"),
    ("they shut me in the cupboard as a punishment", "abuse"),
    ("an older lad at the home keeps climbing into my bed at night", "abuse"),
    ("mums partner slaps me when im round there", "abuse"),
    ("she tells me every single day that nobody would ever want me", "abuse"),
    ("my baby dad takes all my universal credit", "domestic_abuse"),
    ("if i grass theyll come for my little brother", "violence"),
    ("some lads are out to get me after what happened", "violence"),
    ("they got me to use my bank account to move money for them", "exploitation"),
    ("i get paid in weed for taking parcels to people", "exploitation"),
    ("i sneak out the window when staff are asleep", "missing"),
    ("went awol from my placement on friday", "missing"),
    ("the bailiffs took my stuff and i have nothing", "destitution"),
    ("been living off pot noodles for a fortnight", "destitution"),
])
def test_each_category_is_flagged_at_priority(text, category):
    assert screen_text(text).get(category, (None,))[0] == "priority", screen_text(text)


@pytest.mark.parametrize(("text", "category"), [
    # kinds of wording the rules missed on the development rounds (written afresh here)
    ("i keep going missing loads cos the unit is so boring", "missing"),
    ("the coppers had to go out and find me again on sunday", "missing"),
    ("i wait till lights out then climb out after bedtime to see my mates", "missing"),
    ("im staying round at this lads flat and my social worker doesnt even know", "missing"),
    ("been sleeping in the back seat of my mates van", "missing"),
    ("kipped on night buses all weekend", "missing"),
    ("i walked round all night cos i couldnt face going back", "missing"),
    ("been street homeless since friday", "missing"),
    ("staff locked me out of the hostel and im outside with no phone", "missing"),
    ("my partner threatened to smash up the flat if i went out", "domestic_abuse"),
    ("my boyfriend says if i ever tell anyone about us hell leave me with nothing",
     "domestic_abuse"),
    ("my ex had all my cards and made me hand over my benefits", "domestic_abuse"),
    ("i used to hear my father strangle my mother in the kitchen", "domestic_abuse"),
    ("mums fella is always yelling at her", "domestic_abuse"),
    ("he throws things at me then always says hes sorry", "domestic_abuse"),
    ("looking up ways to overdose late at night", "self_harm"),
    ("the girl in the next room talks about ending her life most nights", "self_harm"),
    ("i honestly dont care whether i wake up tomorrow", "self_harm"),
    ("ive tried to drown myself twice this year", "self_harm"),
    ("my foster mum wants me to keep secrets from my social worker", "abuse"),
    ("the staff keep barging into my room whenever im getting changed", "abuse"),
    ("they wont let me eat with the rest of the family", "abuse"),
    ("my key worker pulled me across the room by my hair", "abuse"),
    ("he isnt actually my cousin but he picks me up from school", "exploitation"),
    ("i was forced to work in a nail bar", "exploitation"),
    ("my mate keeps getting used to sell for some older lads", "exploitation"),
    ("got picked up by police in a different city with bags that werent mine", "exploitation"),
    ("pay them or theyll share my pics with everyone", "exploitation"),
    ("some boys messaged that im dead when they catch me", "violence"),
    ("the electrics have been off all week", "destitution"),
    ("been surviving on dry cereal and tap water", "destitution"),
])
def test_wordings_missed_before_are_flagged(text, category):
    assert category in screen_text(text), screen_text(text)


@pytest.mark.parametrize("text", [
    "my earphones went missing on the coach",
    "i owe my mate a tenner for the cinema",
    "the older girls asked me to hold their coats while they played football",
    "we had to sleep on the floor when we went camping",
    "i stopped cutting my fringe myself",
    "my girlfriend threatened to break up with me if i forget her birthday again",
    "ending it all with my ex was the best thing i did",
    "my carers find me funny",
    "i read under the covers after lights out",
    "my boyfriend says hell take me to the seaside",
    "our hamster got out of his cage and went missing for a day",
    "a youth worker came into school to talk about knife crime",
])
def test_new_rules_keep_ordinary_senses_out(text):
    assert screen_text(text) == {}, screen_text(text)


@pytest.mark.parametrize(("text", "category"), [
    # kinds of wording the rules missed on rounds C and D (written afresh here, in other words)
    ("my brothers all be better off if i wasnt around", "self_harm"),
    ("some nights i plan out how i would end things", "self_harm"),
    ("if they split me and my sister up im going to swallow all of my tablets", "self_harm"),
    ("i always have a hoodie on so my carers cant see", "self_harm"),
    ("went up on the roof of the car park and sat there thinking about jumping", "self_harm"),
    ("my mate at the unit keeps saying shes going to kill herself", "self_harm"),
    ("his uncle always makes me sit on his knee when nobody else is in", "abuse"),
    ("my foster brother texts me about what he wants to do to me", "abuse"),
    ("she said ill get sent away if i tell my social worker", "abuse"),
    ("he says im nothing and i should be grateful", "abuse"),
    ("they shut me in the shed overnight", "abuse"),
    ("one of the staff slapped another lad in the lounge", "abuse"),
    ("my foster mum cooks tea only for her own kids", "abuse"),
    ("my baby brother is still there and nobody ever visits to check on him", "abuse"),
    ("i keep a 2nd phone for some lads", "exploitation"),
    ("i clean his van and dont get paid, he says i still owe him for the room", "exploitation"),
    ("my bf is 27 and im 13", "exploitation"),
    ("he reckons age is just a number", "exploitation"),
    ("the man downstairs says i can pay my share in other ways", "exploitation"),
    ("if i stop doing the drops they said theyll find my brother", "exploitation"),
    ("they know where my nan lives and said theyll come round", "violence"),
    ("someone chucked a brick through our window last week", "violence"),
    ("a lad on the estate flashed a blade at me", "violence"),
    ("been crashing at houses of people i dont even know", "missing"),
    ("one day im just going to walk out and not come back", "missing"),
    ("slept at the bus station last night", "missing"),
    ("she goes out till 3 and doesnt come home till morning", "missing"),
    ("he smashed my phone so i couldnt ring for help", "domestic_abuse"),
    ("my partner has taken over the money and i have to ask him before i buy anything",
     "domestic_abuse"),
    ("my ex takes whatever money i get on payday", "domestic_abuse"),
    ("got £2 to last till my next payment", "destitution"),
])
def test_kinds_missed_on_rounds_c_and_d_are_flagged(text, category):
    assert category in screen_text(text), screen_text(text)


@pytest.mark.parametrize("text", [
    "my mate ran off with my charger",
    "we did a self harm awareness session in pshe",
    "there was a knife crime workshop in the hall",
    "i take all my tablets every morning like the doctor said",
    "my foster mum says im nothing like my brother",
    "i dont get paid till friday",
    "nothing in the fridge i like",
    "i want to go travelling and never come back to this town",
    "my brother is 19 and im 12, he takes me to football",
    "my nan makes me sit on her knee for photos",
    "staff hit the roof when i came in late",
    "i wear long sleeves because of my eczema so people dont see it",
])
def test_rules_for_those_kinds_keep_everyday_senses_out(text):
    assert screen_text(text) == {}, screen_text(text)


def test_a_roof_lost_tonight_is_destitution_and_going_missing():
    """Blind writers label an eviction with nowhere to go tonight as both: a cue routed
    between the two categories flags both."""
    found = screen_text("got evicted this morning and have nowhere to go tonight")
    assert set(found) == {"destitution", "missing"}, found
    assert set(screen_text("i got evicted last year but i have my own flat now")) == {
        "destitution"}


@pytest.mark.parametrize("text", [
    "my carers never hit me",
    "nobody hurts me here, its the best placement",
    "i dont want to die, i just want to see my mum",
])
def test_negation_cancels_a_cue(text):
    assert screen_text(text) == {}


@pytest.mark.parametrize("text", [
    "i could kill for a pizza rn", "my phone died on the bus", "this homework is killing me",
    "dying to see my brother at contact", "i nearly died laughing",
    "i want to die my hair blue", "the ball hit me in the face in pe",
    "it really hit me when i turned 18", "my mates hit me up on snap",
    "my sister beat me at fifa", "i cut my hair myself lol",
])
def test_idioms_are_not_cues(text):
    assert screen_text(text) == {}, screen_text(text)


@pytest.mark.parametrize("text", [
    "i ran for the bus", "i go for a run every morning", "learning my lines for the play",
    "missing my mum loads", "my cat went missing for a week", "got a parcel from my nan",
    "the leaving care package is rubbish", "got kicked out of class for talking",
    "my foster mum gives me lifts to football", "i sold my old trainers on vinted",
    "we had a talk about county lines in pshe", "im starving when i get home from school",
    "theres a food bank at college i volunteer at", "knife and fork set for my flat",
    "my little sister gets in my bed when she has nightmares", "our dog went missing at the park",
    "im starving after football", "its a surprise party so its our secret",
])
def test_ordinary_senses_are_not_cues(text):
    assert screen_text(text) == {}, screen_text(text)


@pytest.mark.parametrize(("text", "category"), [
    ("before i came into care my dad used to hit me, im safe now", "abuse"),
    ("i used to cut myself but im ok now", "self_harm"),
    ("when i was 12 i used to run away loads", "missing"),
    ("i worry my little brother isnt safe at home", "abuse"),
    ("im scared ill end up homeless when i turn 18", "destitution"),
    ("he doesnt hit me any more", "abuse"),
])
def test_past_and_worries_are_review(text, category):
    assert screen_text(text) == {category: ("review", screen_text(text)[category][1])}


def test_current_beats_past():
    assert screen_text("my dad used to hit me and he still does")["abuse"][0] == "priority"


def test_text_speak_is_read():
    assert normalise("wen u dnt come hme 2nite") == " when you dont come home tonight "
    assert "missing" in screen_text("i didnt go hme 4 3 nites")  # misspelt nights
    assert screen_text("I DONT WANT TO BE HERE ANYMORE")["self_harm"][0] == "priority"


def test_cue_labels_are_rule_names_not_comment_words():
    labels = {c.label for c in CUES}
    assert len(labels) == len(CUES)
    assert {c.category for c in CUES} == set(CATEGORIES)
    assert len(compiled_cues()) == len(CUES)


def test_screen_comments_frame():
    comments = pd.DataFrame({
        "comment_id": ["a", "b", "c", "d"], "respondent_id": ["r1", "r2", "r3", None],
        "text": ["i could kill for a pizza", "used to cut myself but im safe now",
                 "my bf hits me and i havent eaten for days", None],
        "other": [1, 2, 3, 4]})
    before = comments.copy()
    flags = screen_comments(comments, RULES)
    pd.testing.assert_frame_equal(comments, before)  # the caller's frame is not changed
    assert list(flags.columns) == list(FLAG_COLUMNS)
    assert flags["level"].tolist() == ["priority", "priority", "review"]
    assert flags[["comment_id", "category"]].values.tolist() == [
        ["c", "domestic_abuse"], ["c", "destitution"], ["b", "self_harm"]]
    assert flags["respondent_id"].tolist() == ["r3", "r3", "r2"]
    cells = " ".join(flags.astype(str).values.ravel())
    assert not any(text in cells for text in comments["text"].dropna())


def test_screen_comments_without_respondents_and_config():
    comments = pd.DataFrame({"comment_id": [1, 2], "text": ["i ran away", "i used to run off"]})
    flags = screen_comments(comments, SafeguardingConfig(review=False, similarity=False))
    assert list(flags.columns) == ["comment_id", "category", "level", "cue"]
    assert flags["comment_id"].tolist() == ["1"]
    none = screen_comments(comments, SafeguardingConfig(categories=("self_harm",),
                                                        similarity=False))
    assert none.empty and list(none.columns) == ["comment_id", "category", "level", "cue"]
    summary = flag_summary(screen_comments(comments, RULES))
    assert summary.set_index("category").loc["missing"].tolist() == [1, 1]


@pytest.mark.parametrize(("kwargs", "word"), [
    ({"categories": ("self_harm", "bullying")}, "categories"),
    ({"categories": "self_harm"}, "categories"),
    ({"review": "yes"}, "review"),
    ({"similarity": 1}, "similarity"),
    ({"threshold": 1.5}, "threshold"),
    ({"margin": -0.1}, "margin"),
])
def test_config_errors_name_the_argument(kwargs, word):
    with pytest.raises(InputError, match=f"'{word}' argument of SafeguardingConfig"):
        SafeguardingConfig(**kwargs)


def test_errors_name_ids_never_text():
    secret = "my uncle hurts me"
    comments = pd.DataFrame({"comment_id": ["x1", "x1"], "text": [secret, secret]})
    with pytest.raises(InputError) as info:
        screen_comments(comments, RULES)
    assert "x1" in str(info.value) and secret not in str(info.value)
    with pytest.raises(InputError, match="'comments' argument"):
        screen_comments([secret])
    with pytest.raises(InputError, match="'config' argument of screen_comments"):
        screen_comments(pd.DataFrame({"comment_id": ["a"], "text": ["hi"]}), config={})


@pytest.mark.model
def test_similarity_path_flags_what_the_rules_miss_offline(monkeypatch):
    """The packaged model, with the network blocked: a disclosure worded in a way no rule
    lists is flagged for review; ordinary comments are not; the rules' flags stand."""
    attempts = block_network(monkeypatch)
    comments = pd.DataFrame({"comment_id": ["a", "b", "c", "d"], "text": [
        "honestly most days i feel like ending it",
        "i want to see my brother more often",
        "my bf takes my money n checks my phone",
        None]})
    flags = screen_comments(comments)
    assert attempts == []
    by_id = {r.comment_id: (r.category, r.level, r.cue) for r in flags.itertuples()}
    assert by_id["a"][:2] == ("self_harm", "review")
    assert by_id["a"][2] == "reads like a self harm disclosure"
    assert "b" not in by_id and "d" not in by_id
    assert by_id["c"][:2] == ("domestic_abuse", "priority")
    rules = screen_comments(comments, RULES)
    assert "a" not in set(rules["comment_id"])


@pytest.mark.model
def test_similarity_path_leaves_ordinary_answers_alone(monkeypatch):
    """Ordinary answers the similarity path used to read as disclosures (praise of a carer, a
    game lost, a childhood fear) are left alone, with the written examples of everyday life and
    the default threshold; disclosures the rules miss are still flagged for review."""
    block_network(monkeypatch)
    ordinary = [
        "i like living with [PERSON] because she listens to me properly",
        "[PERSON] my foster mum takes me swimming on saturdays",
        "my brother beat me at pool again, gutted",
        "i was scared of spiders when i was little",
        "we had a water fight in the garden and i got soaked",
        "i got knocked out of the chess club final but ill try again",
        "the staff at [PERSON] house are kind, i feel at home",
    ]
    disclosures = ["honestly most days i feel like ending it",
                   "theres no food in the flat and the baby is hungry"]
    texts = ordinary + disclosures
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts})
    flags = screen_comments(comments)
    flagged = set(flags["comment_id"])
    assert flagged == {f"c{i}" for i in range(len(ordinary), len(texts))}, flags


@pytest.mark.model
def test_similarity_path_reads_the_kinds_of_rounds_c_and_d(monkeypatch):
    """Kinds of disclosure no rule lists are flagged for review, and the kinds of everyday
    answer rounds C and D showed as false alarms are left alone (all written afresh here)."""
    block_network(monkeypatch)
    disclosures = [
        "the other kids get dinner made for them but i have to sort myself out",
        "my carer feeds her own children first and i get what is left",
        "a man who visits my foster home always wants me close to him and it feels wrong",
        "my mums new boyfriend is around my little sisters all the time and i dont trust him",
    ]
    ordinary = [
        "the lads at my house are always wrestling and play fighting for a laugh",
        "my parcel from amazon went missing and never turned up",
        "i sprained my wrist falling off my skateboard when i was ten",
        "im skint till payday but theres food in the fridge",
        "stopped over at my cousins on friday, my carer sorted it with my auntie",
        "our boiler packed in for a day but the landlord got it going again",
    ]
    texts = disclosures + ordinary
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts})
    assert all(screen_text(t) == {} for t in disclosures)  # the rules leave them to the model
    flags = screen_comments(comments)
    assert set(flags["comment_id"]) == {f"c{i}" for i in range(len(disclosures))}, flags
    assert set(flags["level"]) == {"review"}
