"""The bot presents the article of the knowledge it loaded, never Vostok's, and no article lives in the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import TOKEN, FakeBotApi, FakeRequest, message_update, process, user

from bot import replies
from bot.answerer import Answerer
from bot.console import ConsoleChat
from bot.knowledge.reading import load
from bot.telegram.app import build_application
from bot.telegram.formatting import source_html

ROOT = Path(__file__).resolve().parent.parent
CISCO = ROOT / "knowledge" / "corpus" / "cisco-q3-earnings" / "facts.yaml"
VOSTOK_WORDS = re.compile(r"\b(vostok|ned price|tajikistan|biden|china|chine|russia|russie)\b", re.I)


@pytest.fixture(scope="module")
def cisco() -> Answerer:
    return Answerer(load(CISCO))


@pytest.mark.parametrize(
    "message", ["hello", "bonjour", "how are you?", "ça va ?", "who are you?", "qui es-tu ?", "thanks", "?!"]
)
def test_small_talk_about_another_article_never_names_vostok(cisco: Answerer, message: str) -> None:
    reply = cisco.reply(message)
    assert reply.fact_id is None and not VOSTOK_WORDS.search(reply.answer), reply.answer


def test_the_console_never_names_vostok_for_another_article(cisco: Answerer) -> None:
    chat = ConsoleChat(cisco)
    for line in ("hello", "/help", "/source", "who are you?"):
        assert not VOSTOK_WORDS.search(chat.respond(line) or "")


async def test_telegram_texts_never_name_vostok_for_another_article(cisco: Answerer, api: FakeBotApi) -> None:
    application: Any = build_application(TOKEN, cisco, request=FakeRequest(api))
    async with application:
        for text in ("/start", "/help", "/source", "/facts", "hello", "how are you?"):
            await process(application, message_update(text, sender=user(5)))
    assert len(api.sent) == 6
    for sent in api.sent:
        assert not VOSTOK_WORDS.search(sent.text), sent.text


SHOP_HEADER = (
    "about:\n  en: a new shop in town\n  fr: une nouvelle boutique en ville\n"
    "title: {en: A shop opens, fr: Une boutique ouvre}\nurl: https://example.org/shop\npublished: 2026-11-30\n"
)
SHOP_FACTS = (
    "article: article.txt\nfacts:\n"
    "  - {id: opening, en: {answer: On Monday., questions: [When does it open?]}, source: opens on Monday}\n"
    "  - {id: owner, en: {answer: Ann Lee owns it and says it is about time., questions: [Who owns the shop?]},"
    " source: opens on Monday}\n"
)


def shop(tmp_path: Path, header: str = SHOP_HEADER, facts: str = SHOP_FACTS) -> Answerer:
    (tmp_path / "article.txt").write_text("The shop opens on Monday.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(header + facts, encoding="utf-8")
    return Answerer(load(tmp_path / "facts.yaml"))


def test_a_knowledge_with_a_title_and_about_is_presented_by_them(tmp_path: Path) -> None:
    answerer = shop(tmp_path)
    assert "a new shop in town" in answerer.reply("hello").answer
    assert "une nouvelle boutique en ville" in answerer.reply("bonjour").answer
    knowledge = answerer.knowledge
    assert (knowledge.title["en"], knowledge.url, knowledge.published) == (
        "A shop opens",
        "https://example.org/shop",
        "2026-11-30",
    )


@pytest.mark.parametrize(
    ("question", "fact_id", "said"),
    [
        ("What is this article about?", "~about", "The article is about a new shop in town."),
        ("what's it about?", "~about", "The article is about a new shop in town."),
        ("De quoi parle l'article ?", "~about", "Le sujet de l'article : une nouvelle boutique en ville."),
        ("summary please", "~about", "The article is about a new shop in town."),
        ("what is happening?", "~about", "The article is about a new shop in town."),
        ("que se passe-t-il ?", "~about", "Le sujet de l'article : une nouvelle boutique en ville."),
        ("What's the headline?", "~title", "The article's headline: “A shop opens”"),
        ("Quel est le titre de l'article ?", "~title", "Le titre de l'article : « Une boutique ouvre »"),
        ("When was this article published?", "~published", "The article's date: 30 November 2026."),
        ("publié quand ?", "~published", "Date de l'article : 30 novembre 2026."),
        ("Which newspaper published this story?", "~source", "The article comes from https://example.org/shop"),
        ("who published it?", "~source", "The article comes from https://example.org/shop"),
        ("which newspaper published this?", "~source", "The article comes from https://example.org/shop"),
        ("what date was the source published?", "~published", "The article's date: 30 November 2026."),
        ("what year is the article from?", "~published", "The article's date: 30 November 2026."),
        ("c'est de quand, l'article ?", "~published", "Date de l'article : 30 novembre 2026."),
        ("lien vers l'article ?", "~source", "L'article vient de https://example.org/shop"),
        ("what newspaper?", "~source", "The article comes from https://example.org/shop"),
        ("quel journal ?", "~source", "L'article vient de https://example.org/shop"),
        ("c quoi cet article", "~about", "Le sujet de l'article : une nouvelle boutique en ville."),
        # reported by a maintainer: the article's own year, alone, was read as an empty message
        ("is it in 2026?", "~published", "The article's date: 30 November 2026."),
        ("c'est en 2026 ?", "~published", "Date de l'article : 30 novembre 2026."),
    ],
)
def test_a_question_about_the_article_itself_is_answered_from_the_header(
    tmp_path: Path, question: str, fact_id: str, said: str
) -> None:
    reply = shop(tmp_path).reply(question)
    assert (reply.kind, reply.fact_id, reply.answer) == ("answer", fact_id, said)


def test_quel_journal_asks_for_the_source_though_a_fact_speaks_of_a_journee(tmp_path: Path) -> None:
    # reported by a maintainer: "journal" and "journée" had one stem, so the fact about the round answered
    round_fact = (
        "  - {id: round, fr: {answer: La première journée de la saison a eu lieu vendredi.,"
        " questions: [Quand a eu lieu la première journée ?]}, source: opens on Monday}\n"
    )
    reply = shop(tmp_path, facts=SHOP_FACTS + round_fact).reply("quel journal ?")
    assert (reply.fact_id, reply.answer) == ("~source", "L'article vient de https://example.org/shop")


def test_a_group_that_shares_a_stem_with_a_word_about_the_article_does_not_ask_for_the_source(tmp_path: Path) -> None:
    # reported by a maintainer: the English "venue" and the French "vient" (d'où vient l'article ?) are both forms
    # of "venir", so "is the Coliseum in Amiens?" named only words "about the article" and was given the source
    facts = SHOP_FACTS.replace("facts:\n", "synonyms:\n  - [coliseum, venue]\nfacts:\n") + (
        "  - {id: hall, en: {answer: The match is at the Coliseum., questions: [Where is the match?]},"
        " source: opens on Monday}\n"
    )
    answerer = shop(tmp_path, header="publisher: Amiens Métropole\n", facts=facts)
    assert answerer.reply("is the Coliseum in Amiens?").fact_id != "~source"
    assert answerer.reply("d'où vient l'article ?").fact_id != "hall"


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("publisher: The Shop Times\nurl: https://example.org/shop\n", "The Shop Times (https://example.org/shop)."),
        ("publisher: The Shop Times\n", "The Shop Times."),
        (  # reported by a maintainer: "The Times (Kent edition) (https://...)"
            "publisher: The Shop Times (Kent edition)\nurl: https://example.org/shop\n",
            "The Shop Times (Kent edition), https://example.org/shop",
        ),
    ],
)
def test_the_publisher_in_the_header_names_where_the_article_comes_from(tmp_path: Path, header: str, said: str) -> None:
    # reported by two maintainers: "which newspaper?" could only answer with the address; and by another, that
    # the answer naming the publisher had no full stop (none after a bare address, which a chat app would link)
    answerer = shop(tmp_path, header=header)
    assert answerer.reply("which newspaper published this?").answer == f"The article comes from {said}"
    assert answerer.reply("quel journal ?").answer == f"L'article vient de {said}"
    assert "The Shop Times" in (ConsoleChat(answerer).respond("/source") or "")
    assert "The Shop Times" in source_html(answerer.knowledge, "fr", answerer.knowledge.facts[:1])


@pytest.mark.parametrize("question", ["which channel?", "quelle chaîne ?", "c'est TF1 ?", "is this from TF1?"])
def test_a_channel_or_the_publishers_own_name_asks_where_the_article_comes_from(tmp_path: Path, question: str) -> None:
    # reported by a maintainer of a TV channel's report: "which channel?" and "c'est TF1 ?" were declined
    reply = shop(tmp_path, header="publisher: TF1\n").reply(question)
    assert (reply.fact_id, reply.answer.split(" de ")[-1].split(" from ")[-1].rstrip(".")) == ("~source", "TF1")


@pytest.mark.parametrize(
    "question", ["c'est France Bleu ?", "is it from france bleu", "quelle radio ?", "which radio?"]
)
def test_a_publisher_named_in_general_words_asks_where_the_article_comes_from_when_named_whole(
    tmp_path: Path, question: str
) -> None:
    # reported by a maintainer: "c'est France Bleu ?" was declined, "France" and "bleu" being general words
    reply = shop(tmp_path, header="publisher: France Bleu\n").reply(question)
    assert (reply.fact_id, reply.answer.split(" de ")[-1].split(" from ")[-1].rstrip(".")) == ("~source", "France Bleu")


@pytest.mark.parametrize("question", ["c'est ouest france ?", "is it from ouest-france", "alençon maville ?"])
def test_each_name_of_a_publisher_with_a_name_in_brackets_asks_where_the_article_comes_from(
    tmp_path: Path, question: str
) -> None:
    # reported by a maintainer: with "Alençon maville (Ouest-France)", "c'est ouest france ?" was declined
    reply = shop(tmp_path, header="publisher: Alençon maville (Ouest-France)\n").reply(question)
    assert reply.fact_id == "~source"


@pytest.mark.parametrize(
    ("publisher", "said"),
    [
        ("Alençon maville", "L'article vient d'Alençon maville."),
        ("Le Parisien", "L'article vient du Parisien."),
        ("Les Échos", "L'article vient des Échos."),
        ("La Voix du Nord", "L'article vient de La Voix du Nord."),
        ("France Bleu", "L'article vient de France Bleu."),
    ],
)
def test_the_french_source_answer_joins_de_to_the_publishers_name_as_french_does(
    tmp_path: Path, publisher: str, said: str
) -> None:
    # reported by a maintainer: "L'article vient de Alençon maville"
    assert shop(tmp_path, header=f"publisher: {publisher}\n").reply("quel journal ?").answer == said


def test_a_question_about_the_articles_date_is_declined_when_the_header_has_none(tmp_path: Path) -> None:
    # reported by a maintainer: "what year is the article from?" got the fact listing "When?", which gives no year
    facts = SHOP_FACTS.replace("[When does it open?]", "[When does it open?, When?]")
    answerer = shop(tmp_path, header="", facts=facts)
    assert answerer.reply("when?").fact_id == "opening"
    assert answerer.reply("what year is the article from?").kind == "decline"


@pytest.mark.parametrize("question", ["what is france like?", "c'est quoi le bleu ?", "bleu ?"])
def test_a_word_of_a_publisher_named_in_general_words_alone_does_not_ask_for_the_source(
    tmp_path: Path, question: str
) -> None:
    assert shop(tmp_path, header="publisher: France Bleu\n").reply(question).fact_id != "~source"


@pytest.mark.parametrize(
    "question", ["Who owns the shop?", "What is the shop owner's opinion about?", "when does it open?", "qui parle ?"]
)
def test_a_question_about_what_the_article_says_is_not_read_as_about_the_article(tmp_path: Path, question: str) -> None:
    assert not (shop(tmp_path).reply(question).fact_id or "").startswith("~")


@pytest.mark.parametrize(
    ("written", "en", "fr"),
    [
        ("2004-06-02", "2 June 2004", "2 juin 2004"),
        ("2020-01-01", "1 January 2020", "1er janvier 2020"),
        ("2021-08", "August 2021", "août 2021"),
        ("2021", "2021", "2021"),
        ("Wednesday 17 May", "Wednesday 17 May", "Wednesday 17 May"),
        ("2021-13-01", "2021-13-01", "2021-13-01"),
        ("March 2023", "March 2023", "mars 2023"),  # a maintainer's "March 2023" was read out in English in French
        ("mars 2023", "March 2023", "mars 2023"),
        ("August 17, 2022", "17 August 2022", "17 août 2022"),
        ("1er juin 2004", "1 June 2004", "1er juin 2004"),
    ],
)
def test_the_articles_date_reads_as_people_write_dates(written: str, en: str, fr: str) -> None:
    assert (replies.readable_date(written, "en"), replies.readable_date(written, "fr")) == (en, fr)


def test_without_a_header_field_a_question_about_it_goes_to_the_facts(tmp_path: Path) -> None:
    reply = shop(tmp_path, header="title: A shop opens\n").reply("When was the article published?")
    assert (reply.kind, reply.fact_id) == ("decline", None)
    assert shop(tmp_path, header="title: A shop opens\n").reply("what is it about?").fact_id == "~about"


@pytest.mark.parametrize(
    ("question", "about"), [("de quoi ça parle ?", True), ("ça parle de quoi", True), ("qui parle ?", False)]
)
def test_ca_parle_de_quoi_asks_what_the_article_is_about_as_what_is_it_about_does(
    tmp_path: Path, question: str, about: bool
) -> None:
    # reported by a maintainer: "de quoi ca parle" was declined while "what is it about?" got the header's answer
    assert (shop(tmp_path).reply(question).fact_id == "~about") is about


@pytest.mark.parametrize("question", ["le titre ?", "the headline?", "date de publication ?"])
def test_a_header_field_asked_alone_that_the_header_lacks_is_declined_not_taken_for_an_empty_message(
    tmp_path: Path, question: str
) -> None:
    # reported by a maintainer: "le titre ?" of a knowledge without a title got "Posez-moi une question..."
    reply = shop(tmp_path, header="about: a shop opening\n").reply(question)
    assert (reply.kind, reply.fact_id) == ("decline", None)


def test_a_maintainers_fact_about_the_publication_wins_over_the_header(tmp_path: Path) -> None:
    byline = (
        "  - {id: byline, en: {answer: Published at 6 pm in the Tribune., questions: [Which paper printed it?]},"
        " keywords: [newspaper, published, article], source: opens on Monday}\n"
    )
    reply = shop(tmp_path, facts=SHOP_FACTS + byline).reply("Which newspaper published this article?")
    assert reply.fact_id == "byline"


def test_a_fact_that_only_mentions_the_article_does_not_take_its_title_or_date(tmp_path: Path) -> None:
    # reported by a maintainer: an author fact ("L'article a été écrit par...") answered "quel est le titre de
    # l'article ?", and "is the article from 2023?" got the source
    author = (
        "  - {id: author, en: {answer: The article was written by Ann Lee., questions: [Who wrote the article?]},"
        " fr: {answer: L'article a été écrit par Ann Lee., questions: [Qui a écrit l'article ?]},"
        " source: opens on Monday}\n"
    )
    answerer = shop(tmp_path, facts=SHOP_FACTS + author)
    assert answerer.reply("quel est le titre de l'article").fact_id == "~title"
    assert answerer.reply("is the article from 2026?").fact_id == "~published"
    assert answerer.reply("qui a écrit l'article ?").fact_id == "author"


def test_no_article_lives_in_the_code() -> None:
    found = []
    for path in (ROOT / "bot").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if VOSTOK_WORDS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
