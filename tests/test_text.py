"""Normalisation, stemming, question kinds and language detection."""

from __future__ import annotations

import pytest

from bot.folding import MAX_QUESTION_CHARS, normalize, tokenize
from bot.matching.text import acronyms, clauses, detect_language, hearsay, question_kinds, stem


def test_normalize_folds_case_accents_ligatures_and_curly_apostrophes() -> None:
    assert normalize("MANŒUVRES à l’Élysée, Pékin") == "manoeuvres a l elysee pekin"


def test_normalize_drops_mentions_emoji_punctuation_and_extra_spaces() -> None:
    assert normalize("@vostok_bot   when is Vostok?!! 🇨🇳🔥") == "when is vostok"


def test_normalize_keeps_email_like_text_from_being_read_as_a_mention() -> None:
    assert "example" in normalize("ned@example.org")


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("2,298 km", ["2298", "km"]),
        ("2 298 km", ["2298", "km"]),
        ("186\u202f000 habitants", ["186000", "habitants"]),
        ("$4.92 billion", ["4", "4d92", "billion"]),
        ("4,92 milliards", ["4", "4d92", "milliards"]),
        ("in 2019 100 people", ["in", "2019", "100", "people"]),
        ("3, 4 and 5", ["3", "4", "and", "5"]),
    ],
)
def test_a_number_is_one_word_however_its_thousands_and_decimals_are_written(written: str, tokens: list[str]) -> None:
    """A question typing "2 298" finds an answer writing "2,298", and "$3.17" holds no 17."""
    assert tokenize(written) == tokens


def test_wont_is_will_not_not_the_won_of_win() -> None:
    assert tokenize("Our food won’t spoil, WON'T it?") == ["our", "food", "will", "not", "spoil", "will", "not", "it"]
    assert tokenize("Who won?") == ["who", "won"]


def test_a_percent_sign_is_the_word_percent() -> None:
    assert tokenize("quel % du CA ?") == ["quel", "percent", "du", "ca"]
    assert tokenize("30% of sales, 12 % des ventes") == "30 percent of sales 12 percent des ventes".split()


def test_tokenize_splits_french_elisions() -> None:
    assert tokenize("Jusqu'à quand l'Inde participe ?") == ["jusqu", "a", "quand", "l", "inde", "participe"]


@pytest.mark.parametrize(
    "forms",
    [
        ["participate", "participating", "participants", "participation", "participeront", "participer"],
        ["announced", "announcement", "announces"],
        ["armies", "army"],
    ],
)
def test_stem_gives_english_and_french_forms_one_key(forms: list[str]) -> None:
    assert len({stem(form) for form in forms}) == 1


@pytest.mark.parametrize(
    "forms",
    [
        ["rise", "rises", "rising", "rose", "risen"],
        ["take", "took", "taken", "taking"],
        ["child", "children"],
        ["vendre", "vend", "vendent", "vendu", "vendue", "vendus"],
        ["attendre", "attend", "attendu"],
        ["prendre", "prend", "pris", "prise", "prennent"],
        ["ouvrir", "ouvre", "ouvert", "ouverte"],
        ["vote", "votes", "voted", "voting"],
        ["plan", "plans", "planned", "planning"],
        ["stop", "stopped", "stopping"],
        ["national", "nationale", "nationaux", "nationales"],
        ["sportif", "sportive", "sportifs", "sportives"],
        ["dangereux", "dangereuse", "dangereuses"],
    ],
)
def test_irregular_forms_share_their_base_words_key(forms: list[str]) -> None:
    assert len({stem(form) for form in forms}) == 1


def test_a_form_that_is_also_another_word_keeps_its_own_key() -> None:
    assert stem("sent") != stem("send")  # French "il sent"
    assert stem("lives") == stem("live") != stem("life")
    assert stem("left") != stem("leave")
    assert stem("court") != stem("courir") and stem("part") != stem("partir")
    assert stem("care") != stem("car")  # French "car" (because) is a stopword: no key of "care" may be it
    assert stem("speed") == stem("speeding") != stem("spe")


def test_stem_leaves_short_words_and_numbers_alone() -> None:
    assert [stem(word) for word in ("may", "30", "6h38", "belarus")] == ["may", "30", "6h38", "belarus"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("when is vostok", "when"),
        ("who is in vostok", "who"),
        ("where is vostok", "where"),
        ("why is china taking part", "why"),
        ("how many soldiers", "quantity"),
        ("how old is ned price", "age"),
        ("c est quand vostok", "when"),
        ("qui participe", "who"),
        ("ou se deroule vostok", "where"),
        ("vostok c est ou", "where"),
        ("c etait ou la course", "where"),  # "ou" after a form of "être" is "où" typed without its accent
        ("la mairie se trouve ou exactement", "where"),
        ("combien de temps durent les exercices", "when"),
        ("pourquoi", "why"),
        ("where was he born", "where"),  # "born" asks no age: a place here, a count below
        ("how many foals were born", "quantity"),
    ],
)
def test_question_kinds_tell_what_is_asked(question: str, kind: str) -> None:
    assert question_kinds(question.split())[0] == {kind}


@pytest.mark.parametrize(
    "question", ["chine ou russie", "les pays qui participent", "vostok dates", "c etait a lyon ou a paris"]
)
def test_question_kinds_ignore_ou_and_qui_that_do_not_ask(question: str) -> None:
    assert question_kinds(question.split())[0] == frozenset()


@pytest.mark.parametrize(
    "question",
    [
        "What happened when the ribbon was cut?",
        "How did the family react when donor hands were found?",
        "Qu'est-ce qui s'est passé quand le ruban a été coupé ?",
    ],
)
def test_when_after_a_question_already_asked_joins_a_clause_and_asks_nothing(question: str) -> None:
    # reported by a maintainer: the example "What happened when the ribbon was cut?" made its fact answer
    # "when did they cut the ribbon?"
    assert "when" not in question_kinds(tokenize(question))[0]


@pytest.mark.parametrize(
    "question", ["When was the ribbon cut?", "Where and when is it?", "Since when is it open?", "Jusqu'à quand ?"]
)
def test_when_that_opens_or_follows_and_or_since_asks_when(question: str) -> None:
    assert "when" in question_kinds(tokenize(question))[0]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Quels sont les pays participants ?", "fr"),
        ("qui participe a vostok", "fr"),
        ("Où est Vostok", "fr"),
        ("Which countries take part?", "en"),
        ("peut on venir a 5h", "fr"),  # a French verb of asking outweighs "on", also an English word
        ("vostok", "en"),
        ("", "en"),
    ],
)
def test_detect_language_reads_french_and_defaults_to_english(question: str, lang: str) -> None:
    assert detect_language(question, tokenize(question)) == lang


def test_very_long_questions_are_cut_before_matching() -> None:
    assert len(normalize("vostok " * 5000)) <= MAX_QUESTION_CHARS


@pytest.mark.parametrize(
    ("question", "meant", "common"),
    [
        ("Is the EU worried?", {2}, set()),
        ("tell us when it starts", set(), {1}),
        ("is the us worried", {2}, set()),  # lower case, but "the us" is the country
        ("WHAT DOES THE US THINK", {3}, set()),  # all in capitals: "the" still tells
        ("TELL US WHEN", set(), {1}),
        ("Il y a eu un exercice", set(), {3, 4}),
        ("Que dit l'ONU et l'UE ?", set(), set()),  # not short words anyone writes in lower case
    ],
)
def test_acronyms_are_told_from_common_words_by_capitals_or_the(
    question: str, meant: set[int], common: set[int]
) -> None:
    assert acronyms(question, tokenize(question)) == (meant, common)


def test_an_ou_written_with_its_accent_asks_where_wherever_it_stands() -> None:
    asked = "Et où exactement ?"
    assert question_kinds(tokenize(asked))[0] == frozenset()  # read without its accent, "ou" there is "or"
    assert question_kinds(tokenize(asked), text=asked)[0] == {"where"}
    either = "la Chine ou la Russie, où ça ?"  # both written: only the usual rules tell
    assert question_kinds(tokenize(either), text=either)[0] == frozenset()


def test_qui_after_removed_small_talk_still_asks_who() -> None:
    blanked = ["", "", "", "", "", "qui", "participe", "a", "vostok"]  # "salut ! tu peux me dire" taken out
    assert "who" in question_kinds(blanked)[0]


def test_clauses_split_sentences_and_commas_but_not_times_and_keep_what_ends_them() -> None:
    assert clauses("I saw it on TV, so who else? Thanks! Published at 6:38 - ok") == [
        "I saw it on TV,",
        "so who else?",  # a part that ends with a question mark asks
        "Thanks!",
        "Published at 6:38",
        "ok",
    ]


def test_a_letter_that_decomposes_into_a_ligature_is_folded_like_it() -> None:
    assert normalize("ǽ") == normalize(normalize("ǽ")) == "ae"


def test_who_after_those_or_people_is_a_relative_pronoun_not_a_question() -> None:
    assert "who" not in question_kinds(tokenize("what does China tell those who link it to the war"))[0]
    assert "who" in question_kinds(tokenize("and who takes part"))[0]


@pytest.mark.parametrize(
    "question",
    [
        "Is the programme open to kids who are still learning English?",  # a yes/no question
        "What is the name of the archaeologist who found the flute?",  # a question word came first
        "Does it suit students who work at night?",
    ],
)
def test_who_after_a_noun_in_a_question_already_asked_is_a_relative_pronoun(question: str) -> None:
    assert "who" not in question_kinds(tokenize(question))[0]


@pytest.mark.parametrize(
    "question",
    [
        "Besides China, who else takes part?",  # the comma is gone once tokenized: no question came before
        "Can you tell us who is taking part?",
        "Do you know who won the race?",
        "Who is the mayor?",
    ],
)
def test_who_that_opens_what_is_asked_asks_who(question: str) -> None:
    assert "who" in question_kinds(tokenize(question))[0]


def test_an_accent_alone_makes_a_question_french() -> None:
    assert detect_language("Pékin ?", ["pekin"]) == "fr"
    assert detect_language("Pekin?", ["pekin"]) == "en"


def test_french_spacing_before_a_question_mark_tips_a_question_of_no_language_to_french() -> None:
    # reported by a maintainer: "Tortues ?" was read as English
    assert detect_language("Tortues ?", ["tortues"]) == "fr"
    assert detect_language("Tortues?", ["tortues"]) == "en"
    assert detect_language("what ?", ["what"]) == "en"  # a word of a language outweighs the spacing


@pytest.mark.parametrize(("word", "other"), [("journal", "journee"), ("journaux", "journees"), ("signal", "signer")])
def test_a_word_whose_al_ending_is_its_root_is_not_stemmed_into_another_word(word: str, other: str) -> None:
    # reported by a maintainer: "quel journal ?" got the fact about the season's first "journée"
    assert stem(word) != stem(other)
    assert stem("journaux") == stem("journal")


def test_a_feminine_noun_in_ee_keeps_its_ending_when_stemmed() -> None:
    assert stem("armee") != stem("arme")  # armée (army) is not arme (weapon): folding took the accent
    assert stem("armees") == stem("armee")


@pytest.mark.parametrize(
    ("message", "teller"),
    [
        ("A friend told me the pool is closed", "a friend told me"),
        ("Someone at work said the storm was on Thursday", "someone at work said"),
        ("My neighbour keeps telling me Belarus takes part", "my neighbour keeps telling me"),
        ("Ma voisine m'a dit que le zoo a eu dix faons", "ma voisine m a dit"),
        ("On m'a dit que le crédit faisait 6 millions", "on m a dit"),
        ("What did the minister say about it?", ""),  # someone of the article: what they said is asked
        ("The mayor said what about the pool?", ""),
        ("Who said that?", ""),
        ("Quelqu'un m'a dit que le zoo a eu dix faons", "quelqu un m a dit"),
        ("Qu'est-ce que le père a dit ?", ""),  # the father may be the article's: only "my father" told the asker
        ("My teacher said the quake was 7.1", "my teacher said"),  # anyone of the asker's
        ("A spokesman said the quake was 7.1", ""),  # "a friend", but not anyone after "a"
    ],
)
def test_hearsay_is_who_told_the_asker_and_their_verb_not_someone_the_article_quotes(message: str, teller: str) -> None:
    tokens = tokenize(message)
    assert " ".join(tokens[i] for i in sorted(hearsay(tokens))) == teller


@pytest.mark.parametrize(
    ("imperfect", "other"), [("trouvait", "trouve"), ("trouvaient", "trouver"), ("attendait", "attendre")]
)
def test_a_french_imperfect_is_a_form_of_its_verb(imperfect: str, other: str) -> None:
    assert stem(imperfect) == stem(other)
