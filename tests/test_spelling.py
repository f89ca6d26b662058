"""Typo correction: typos are fixed, real words the bot does not know are left alone."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.matching.spelling import Speller

KNOWN = Counter(
    "tokyo japan participating vostok which when where being liee commencer comments announced happening korea "
    "say taking inquiet combien is etat est article our much".split()
)


@pytest.fixture
def speller() -> Speller:
    return Speller(KNOWN, other_language={"en": frozenset({"commencer", "liee"}), "fr": frozenset({"being"})})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tokio", "tokyo"),
        ("japn", "japan"),
        ("wich", "which"),
        ("partisipating", "participating"),
        ("vostock", "vostok"),
        ("anounced", "announced"),
        ("hapening", "happening"),
        ("wen", "when"),
        ("ki", "qui"),
        ("teh", "the"),  # three letters: only a question word, or a stopword with two letters swapped
        ("adn", "and"),
        ("corea", "korea"),  # a first letter that sounds the same
        ("sayy", "say"),  # a key hit twice
        ("inkiet", "inquiet"),  # French chat spelling: k for qu
        ("kombien", "combien"),  # or for c
        ("mutch", "much"),  # spelt as it sounds
        ("tix", "tickets"),  # chat spellings
        ("sed", "said"),
        ("pcq", "parce que"),
        ("wil", "will"),
        ("tho", "though"),  # not "the"
        ("tps", "temps"),  # reported by a maintainer: "combien de tps pour aller a bordeaux" was declined
        ("tjrs", "toujours"),
    ],
)
def test_typos_and_chat_spellings_become_the_word_meant(speller: Speller, typed: str, meant: str) -> None:
    assert speller.correct(typed, "en") == meant


@pytest.mark.parametrize(
    "word", ["bring", "live", "commander", "monnaie", "right", "history", "cat", "tax", "stay", "talking"]
)
def test_real_words_the_bot_does_not_know_stay_unknown(speller: Speller, word: str) -> None:
    assert speller.correct(word, "en") == word


def test_a_general_word_one_letter_from_a_known_one_stays_itself() -> None:
    speller = Speller(Counter(["mairie", "paying", "finir"]), other_language={})
    assert speller.correct("maire", "fr") == "maire"  # the mayor, not the town hall
    assert speller.correct("parking", "en") == "parking"
    assert speller.correct("mairei", "fr") == "mairie"  # a typo is still corrected
    assert speller.correct("fini", "fr") == "finir"  # another form of a known word is that word


def test_a_general_word_is_no_known_word_with_two_letters_swapped() -> None:
    # reported by a maintainer: "sont ils mariés ?" was read as "maire" and answered with the deputy mayor
    speller = Speller(Counter(["maires"]), other_language={})
    assert speller.correct("maries", "fr") == "maries"
    assert speller.correct("mairse", "fr") == "maires"  # a typo is still corrected


def test_a_general_word_is_no_form_of_a_known_word_that_only_shares_its_start() -> None:
    speller = Speller(Counter(["fill", "pricey", "recolte", "suffi", "unusually"]), other_language={})
    assert speller.correct("film", "en") == "film"  # not "fill": m and l make no inflection
    assert speller.correct("price", "en") == "price"  # "pricey" is another word, not a form of it
    assert speller.correct("recette", "fr") == "recette"  # general as a form of the listed "recettes"
    assert speller.correct("suffit", "fr") == "suffi"  # forms of one word still are
    assert speller.correct("unusual", "en") == "unusually"


def test_a_typo_is_only_corrected_within_its_language(speller: Speller) -> None:
    assert speller.correct("commencerr", "en") == "commencerr"
    assert speller.correct("commencerr", "fr") == "commencer"


@pytest.mark.parametrize(
    ("typed", "lang", "meant"),
    [
        ("whenis", "en", "when is"),  # a question word run into the next
        ("detat", "fr", "d etat"),  # a French elision without its apostrophe
        ("sest", "fr", "s est"),
        ("larticle", "fr", "l article"),
        ("tour", "fr", "tour"),  # not "t our": an English word after the letter is no French elision
    ],
)
def test_two_words_typed_as_one_are_split(speller: Speller, typed: str, lang: str, meant: str) -> None:
    assert speller.correct(typed, lang) == meant


def test_an_elision_typed_as_one_word_splits_onto_a_general_word_the_knowledge_lacks(speller: Speller) -> None:
    assert speller.correct("largent", "fr") == "l argent"  # "argent" (money) is general vocabulary, not known here
    assert speller.correct("largent", "en") == "largent"  # no French elision in an English question
    assert speller.correct("lastuce", "fr") == "lastuce"  # "astuce" is no word of the general groups either


def test_words_typed_without_their_vowels_become_the_word_meant() -> None:
    known = Counter({"speed": 3, "spade": 1, "people": 2, "from": 5, "length": 1, "vitesse": 1})
    speller = Speller(known, other_language={"en": frozenset({"vitesse"}), "fr": frozenset()})
    assert speller.correct("spd", "en") == "speed"  # the more frequent of speed and spade
    assert speller.correct("ppl", "en") == "people"
    assert speller.correct("frm", "en") == "from"
    assert speller.correct("lngth", "en") == "length"
    assert speller.correct("vtss", "en") == "vtss"  # "vitesse" is a French word: not in an English question
    assert speller.correct("vtss", "fr") == "vitesse"
    assert speller.correct("xyz", "en") == "xyz"


def test_a_short_typo_beside_part_of_a_name_is_read_as_the_names_next_part() -> None:
    speller = Speller(Counter({"steve": 1, "hutt": 1, "curator": 1}), other_language={}, names=[("steve", "hutt")])
    assert speller.correct("hut", "en") == "hut"  # alone, three letters are too few to correct
    assert speller.in_names(["who", "is", "steve", "hut"]) == ["who", "is", "steve", "hutt"]
    assert speller.in_names(["who", "is", "the", "hut"]) == ["who", "is", "the", "hut"]  # no name beside it
    assert speller.in_names(["stev", "hutt"]) == ["steve", "hutt"]  # the part before the name too


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("travo", "travaux"), ("mediatek", "mediatheque"), ("nivo", "niveau"), ("komansement", "commencement")],
)
def test_a_french_word_spelt_by_ear_becomes_the_word_it_sounds_like(typed: str, meant: str) -> None:
    known = Counter("travaux mediatheque niveau commencement cause rest".split())
    speller = Speller(known, other_language={"en": frozenset(), "fr": frozenset()})
    assert speller.correct(typed, "fr") == meant


@pytest.mark.parametrize("typed", ["cost", "reset"])
def test_a_short_english_word_that_sounds_like_a_known_one_stays_itself(typed: str) -> None:
    """ "How much did the damage cost?" is not about a cause; "reset my phone" is no rest."""
    known = Counter("cause rest".split())
    speller = Speller(known, other_language={"en": frozenset(), "fr": frozenset()})
    assert speller.correct(typed, "en") == typed


def test_a_general_word_is_no_question_word_with_another_letter_in_its_place() -> None:
    # reported by a maintainer: "when did the season start" was read as "reason" and got a fact
    speller = Speller(Counter(["reason", "start", "what", "does"]), other_language={})
    assert speller.correct("season", "en") == "season"
    assert speller.correct("wheat", "en") == "wheat"
    assert speller.correct("dose", "en") == "does"  # two letters swapped still make the function word


@pytest.mark.parametrize(("typed", "meant"), [("quest", "qu est"), ("quon", "qu on"), ("quil", "qu il")])
def test_a_french_question_word_typed_without_its_apostrophe_is_read_as_its_words(
    speller: Speller, typed: str, meant: str
) -> None:
    # reported by a maintainer: "quest ce quon trouve au marché ?" was declined
    assert speller.correct(typed, "fr") == meant


@pytest.mark.parametrize(("typed", "meant"), [("dos", "does"), ("enuf", "enough")])
def test_a_chat_spelling_that_is_a_french_word_is_read_as_meant_in_an_english_question(typed: str, meant: str) -> None:
    # reported by maintainers: "how much dos the commune pay" and "is there enuf staff" were declined; the
    # knowledge wrote "dos" in its French answers
    speller = Speller(Counter(["dos", "inn", "pay"]), other_language={"en": frozenset(), "fr": frozenset()})
    assert speller.correct(typed, "en") == meant
    if typed == "dos":
        assert speller.correct(typed, "fr") == typed  # "le dos"


def test_quest_stays_an_english_word_in_english_and_where_the_knowledge_writes_it(speller: Speller) -> None:
    assert speller.correct("quest", "en") != "qu est"
    quest = Speller(Counter(["quest", "grail"]), other_language={"en": frozenset(), "fr": frozenset()})
    assert quest.correct("quest", "fr") == "quest"
