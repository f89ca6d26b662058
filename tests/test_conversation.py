"""Follow-up questions: each chat's last question gives an elliptical message its topic, for a while."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import BOT_USERNAME, TOKEN, FakeBotApi, FakeRequest, group_chat, message_update, process, user
from fake_clock import Clock
from test_answerer import answerer_with

from bot.answerer import Answerer
from bot.cli import main
from bot.conversation import MAX_THREADS, Conversation, Topic, follow_up, recall, remember, reply_in_context
from bot.knowledge.reading import load
from bot.matching.text import stem
from bot.upkeep.evaluation import ANSWERABLE, evaluate_conversations, load_set

ARTICLE = """\
Maria Lopes of Portugal won the Lisbon marathon on Sunday.
The Lisbon marathon took place on Sunday 12 October.
The marathon started and finished on the Praça do Comércio.
About 30,000 runners from Kenya, Ethiopia and Portugal took part.
Maria Lopes said she had trained for two years.
"""
FACTS = """\
article: article.txt
facts:
  - id: winner
    en:
      answer: Maria Lopes of Portugal won the Lisbon marathon.
      questions: [Who won the Lisbon marathon?, Who is the winner?, Who won?]
    fr:
      answer: Maria Lopes, du Portugal, a gagné le marathon de Lisbonne.
      questions: [Qui a gagné le marathon de Lisbonne ?]
    source: [Maria Lopes of Portugal won the Lisbon marathon]
  - id: race-date
    en:
      answer: The Lisbon marathon took place on Sunday 12 October.
      questions: [When was the marathon?, What day was the race?]
    fr:
      answer: Le marathon de Lisbonne a eu lieu le dimanche 12 octobre.
      questions: [Quand a eu lieu le marathon ?]
    source: [The Lisbon marathon took place on Sunday 12 October.]
  - id: race-place
    en:
      answer: The marathon started and finished on the Praça do Comércio.
      questions: [Where did the race start?, Where was the finish?]
    fr:
      answer: La course est partie et arrivée place du Commerce.
      questions: [Où était le départ ?]
    source: [The marathon started and finished on the Praça do Comércio.]
  - id: runners
    en:
      answer: About 30,000 runners from Kenya, Ethiopia and Portugal took part.
      questions: [How many runners took part?, Which countries took part?, Did Kenya take part?]
    fr:
      answer: Environ 30 000 coureurs du Kenya, d'Éthiopie et du Portugal ont participé.
      questions: [Combien de coureurs ?]
    source: [About 30,000 runners from Kenya, Ethiopia and Portugal took part.]
  - id: statement
    en:
      answer: Maria Lopes said she had trained for two years.
      questions: [What did Maria Lopes say?, What did the winner say?]
    fr:
      answer: Maria Lopes a dit s'être entraînée pendant deux ans.
      questions: [Qu'a dit Maria Lopes ?]
    source: [Maria Lopes said she had trained for two years.]
"""


@pytest.fixture
def marathon(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    return path


@pytest.fixture
def answerer(marathon: Path) -> Answerer:
    return Answerer(load(marathon))


def chat_replies(answerer: Answerer, *turns: str, chat: Conversation | None = None) -> list[str | None]:
    chat = chat or Conversation(clock=lambda: 0.0)
    return [chat.reply(answerer, turn).fact_id for turn in turns]


def test_a_bare_question_word_asks_about_the_previous_question(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "and when?") == ["winner", "race-date"]
    assert chat_replies(answerer, "When was the marathon?", "et où ?") == ["race-date", "race-place"]
    assert answerer.reply("and when?").fact_id is None  # alone, it asks nothing


def test_a_pronoun_stands_for_the_previous_questions_subject(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "what did she say?")[1] == "statement"


def test_a_phrase_pointing_back_in_time_stands_for_the_previous_questions_subject(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "c'était quand, à l'époque ?")[1] == "race-date"
    assert chat_replies(answerer, "Where did the race start?", "et qui a gagné ce jour-là ?")[1] == "winner"
    assert "time" not in " ".join(answerer.matcher.analyse("who won at the time?").terms)  # it names nothing


def test_the_other_one_in_a_follow_up_points_back_like_a_pronoun(answerer: Answerer) -> None:
    # "other" is a word of its own in a question ("another outbreak"), not in a follow-up
    assert chat_replies(answerer, "Did Kenya take part?", "and the others?") == ["runners", "runners"]
    assert chat_replies(answerer, "Qui a gagné le marathon ?", "elle a dit quoi d'autre ?")[1] == "statement"


def test_what_about_swaps_the_subject_and_keeps_the_question(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Did Kenya take part?", "what about Ethiopia?") == ["runners", "runners"]


def answerer_of(tmp_path: Path, article: str, facts: str) -> Answerer:
    """An answerer for ``facts`` (the knowledge's synonyms and facts, as indented YAML) about ``article``."""
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("article: article.txt\n" + textwrap.dedent(facts), encoding="utf-8")
    return Answerer(load(tmp_path / "facts.yaml"))


def test_what_about_swaps_a_name_that_a_synonym_group_lists_with_its_article(tmp_path: Path) -> None:
    # reported by a maintainer: after a question on "La Tâche", "what about the Clos de Vougeot?" was read with
    # La Tâche still in it, and got La Tâche's answer again
    facts = """\
        synonyms:
          - [la tache, la tâche]
        facts:
          - id: top-lot
            en: {answer: The jeroboam of La Tâche has reached 42000 euros., questions: [La Tache jeroboam price?]}
            source: The jeroboam of La Tâche has reached 42000 euros.
          - id: vougeot
            en: {answer: Three bottles of Clos de Vougeot reached 13000 euros., questions: [The bottles?]}
            source: Three bottles of Clos de Vougeot reached 13000 euros.
        """
    answerer = answerer_of(
        tmp_path,
        "The jeroboam of La Tâche has reached 42000 euros.\nThree bottles of Clos de Vougeot reached 13000 euros.\n",
        facts,
    )
    matcher = answerer.matcher
    chat = Conversation(clock=lambda: 0.0)
    chat.reply(answerer, "How much is the La Tache jeroboam?")
    topic = chat.current(0.0)
    assert topic is not None
    readings = follow_up(matcher, matcher.analyse("what about the Clos de Vougeot?"), topic)
    (la_tache,) = matcher.analyse("la tâche").terms
    assert readings and all(la_tache not in reading.terms for reading in readings)


def test_a_question_of_one_word_that_names_nothing_is_read_with_the_topic(tmp_path: Path) -> None:
    facts = """\
        facts:
          - id: final
            en: {answer: The final was played at the stadium in Paris., questions: [Where was the final played?]}
            source: The final was played at the stadium in Paris.
          - id: concert
            en: {answer: The concert was held at the stadium in Lyon., questions: [Where was the concert held?]}
            source: The concert was held at the stadium in Lyon.
        """
    article = "The final was played at the stadium in Paris.\nThe concert was held at the stadium in Lyon.\n"
    answerer = answerer_of(tmp_path, article, facts)
    assert answerer.reply("which stadium?").kind != "answer"  # alone, it could be either
    assert chat_replies(answerer, "Where was the final played?", "which stadium?") == ["final", "final"]
    assert chat_replies(answerer, "Where was the concert held?", "which stadium?") == ["concert", "concert"]


def test_a_reading_with_the_context_that_lacks_the_messages_words_gives_way_to_a_surer_one_alone(
    answerer: Answerer,
) -> None:
    # "and did she say anything?" with the topic reads as the runners again (their fact lacks "say"); alone, it
    # is the statement, and surer
    assert chat_replies(answerer, "How many runners took part?", "and did she say anything?")[1] == "statement"
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "and did she say anything?")[1] == "statement"


def test_while_a_chat_stays_on_one_fact_the_topic_keeps_what_was_said_of_it(answerer: Answerer) -> None:
    chat = Conversation(clock=lambda: 0.0)
    assert chat_replies(answerer, "When was the Lisbon marathon?", "What day was the race?", chat=chat) == [
        "race-date",
        "race-date",
    ]
    assert chat.topic and {"lisbon", stem("race")} <= set(chat.topic.terms)  # the first question's "Lisbon" is kept
    assert chat_replies(answerer, "Where did the race start?", chat=chat) == ["race-place"]
    assert chat.topic and "lisbon" not in chat.topic.terms  # another fact: only what was asked of it


def test_a_complete_new_question_is_never_bent_by_the_context(answerer: Answerer) -> None:
    turns = ["Who won the Lisbon marathon?", "How many runners took part?", "Where did the race start?"]
    assert chat_replies(answerer, *turns) == [answerer.reply(turn).fact_id for turn in turns]
    assert chat_replies(answerer, *turns) == ["winner", "runners", "race-place"]


def test_between_two_nearly_tied_facts_the_one_the_chat_was_about_answers() -> None:
    tied = answerer_with(92.0, 88.0)
    topic = Topic(("topic",), (), (), "beta", 0.0)  # the fake reads every message as the one term "topic"
    assert reply_in_context(tied, "where were the drills?", topic, now=1.0)[0].fact_id == "beta"
    assert reply_in_context(tied, "where were the drills?", None, now=1.0)[0].fact_id == "alpha"


def test_who_said_that_after_an_answer_that_reports_someone_is_answered_by_that_answer(tmp_path: Path) -> None:
    article = "Maria Lopes said she had trained for two years. The mayor said the race was a success."
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        textwrap.dedent("""\
            article: article.txt
            facts:
              - id: training
                en: {answer: Maria Lopes said she had trained for two years., questions: [How long did she train?]}
                source: Maria Lopes said she had trained for two years.
              - id: success
                en: {answer: The mayor said the race was a success., questions: [Was the race a success?]}
                source: The mayor said the race was a success.
            """),
        encoding="utf-8",
    )
    two = Answerer(load(tmp_path / "facts.yaml"))
    for fact_id in ("training", "success"):
        topic = Topic(("~train",), (), (), fact_id, 0.0)
        assert reply_in_context(two, "who said that?", topic, now=1.0)[0].fact_id == fact_id
        assert reply_in_context(two, "qui l'a dit ?", topic, now=1.0)[0].fact_id == fact_id


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        # reported by a maintainer: after "8 to 10 cubic metres a year, according to Pierre Martin", "who said
        # that?" got another fact's quote
        (
            "According to Pierre Martin, 8 to 10 cubic metres a year.",
            "Selon Pierre Martin, 8 à 10 mètres cubes par an.",
        ),
        # reported by a maintainer: the same after an answer ending "plaisante-t-il"
        ("8 to 10 cubic metres a year, Pierre Martin explained.", "8 à 10 mètres cubes par an, ajoute Pierre Martin."),
    ],
)
def test_who_said_that_after_an_answer_that_reports_someone_without_quoting_is_answered_by_that_answer(
    tmp_path: Path, en: str, fr: str
) -> None:
    facts = f"""\
        facts:
          - id: volume
            en: {{answer: "{en}", questions: [How much?]}}
            fr: {{answer: "{fr}", questions: [Combien ?]}}
            source: Pierre Martin counts 8 to 10 cubic metres a year.
          - id: quote
            en: {{answer: "Robin said: it is shocking.", questions: [What did Robin say?]}}
            source: "Robin said: it is shocking."
        """
    article = "Pierre Martin counts 8 to 10 cubic metres a year.\nRobin said: it is shocking.\n"
    answerer = answerer_of(tmp_path, article, facts)
    topic = Topic(("~cubic",), (), (), "volume", 0.0)
    assert reply_in_context(answerer, "who said that?", topic, now=1.0)[0].fact_id == "volume"
    assert reply_in_context(answerer, "qui a dit ça ?", topic, now=1.0)[0].fact_id == "volume"
    assert reply_in_context(answerer, "according to whom?", topic, now=1.0)[0].fact_id == "volume"


def test_who_said_that_after_an_answer_that_reports_nobody_is_not_that_answer(answerer: Answerer) -> None:
    assert chat_replies(answerer, "How many runners took part?", "who said that?")[1] != "runners"


def test_a_follow_up_the_article_does_not_answer_is_declined(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "and how much prize money?")[1] is None


def test_small_talk_in_between_keeps_the_topic(answerer: Answerer) -> None:
    assert chat_replies(answerer, "Who won the Lisbon marathon?", "thanks!", "and when?")[2] == "race-date"


def test_the_topic_is_forgotten_after_the_memory(answerer: Answerer) -> None:
    clock = Clock()
    chat = Conversation(memory=60, clock=clock)
    assert chat.reply(answerer, "Who won the Lisbon marathon?").fact_id == "winner"
    clock.now += 61
    assert chat.reply(answerer, "and when?").fact_id is None
    assert chat_replies(answerer, "Who won?", "and when?", chat=Conversation(memory=0))[1] is None


def test_a_topic_survives_as_plain_data_and_a_damaged_record_is_no_topic() -> None:
    topic = Topic(("~marathon", "lisbon"), ("who",), ("lisbon",), "winner", 12.5)
    assert Topic.from_dict(json.loads(json.dumps(topic.as_dict()))) == topic
    assert Topic.from_dict({"terms": 3}) is None
    assert Topic.from_dict({}) is None


def test_a_chat_keeps_each_threads_topic_while_fresh_and_at_most_a_bounded_number() -> None:
    store: dict[str, Any] = {}
    topic = Topic(("race",), (), (), "winner", 100.0)
    remember(store, "ada", topic, now=100.0, memory=60)
    assert recall(store, "ada", now=150.0, memory=60) == topic
    assert recall(store, "ada", now=161.0, memory=60) is None
    assert recall(store, "bob", now=150.0, memory=60) is None
    for number in range(MAX_THREADS + 5):
        remember(store, str(number), topic, now=100.0, memory=60)
    assert len(store) == MAX_THREADS and "0" not in store
    remember(store, "late", Topic(("race",), (), (), "winner", 200.0), now=200.0, memory=60)  # stale ones go
    assert list(store) == ["late"]


def test_ask_conversation_carries_context_and_a_blank_line_starts_a_new_one(
    marathon: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Who won the Lisbon marathon?\nand when?\n\nand when?\n"))
    assert main(["ask", "--json", "--conversation", "--knowledge", str(marathon)]) == 0
    replies = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [reply["fact_id"] for reply in replies] == ["winner", "race-date", None]


def test_ask_without_conversation_reads_every_line_alone(
    marathon: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Who won the Lisbon marathon?\nand when?\n"))
    assert main(["ask", "--json", "--knowledge", str(marathon)]) == 0
    assert [json.loads(line)["fact_id"] for line in capsys.readouterr().out.splitlines()] == ["winner", None]


def test_the_console_chat_follows_up(marathon: Path) -> None:
    from bot.console import run_chat

    out = io.StringIO()
    run_chat(Answerer(load(marathon)), ["Who won the Lisbon marathon?", "and when?"], out, interactive=False)
    assert out.getvalue().splitlines()[-1] == "The Lisbon marathon took place on Sunday 12 October."


def test_a_conversation_file_counts_follow_ups_and_turns_the_context_bent(marathon: Path, answerer: Answerer) -> None:
    path = marathon.parent / "conversations.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            conversations:
              - - {q: "Who won the Lisbon marathon?", kind: en, expect: [[lopes]]}
                - {q: "and when?", kind: en, follow: true, expect: [[october]]}
                - {q: "and how much prize money?", kind: near, follow: true}
              - - {q: "Did Kenya take part?", kind: en, expect: [[kenya]]}
                - {q: "Where did the race start?", kind: en, expect: [[comercio]]}
            """
        ),
        encoding="utf-8",
    )
    evaluation = load_set(path)
    assert [len(turns) for turns in evaluation.conversations] == [3, 2] and evaluation.knowledge == marathon
    report = evaluate_conversations(answerer, evaluation.conversations)
    assert report.follow_count(ANSWERABLE) == (1, 1)
    assert report.follow_count(("near",)) == (1, 1)
    assert report.count(ANSWERABLE) == (4, 4) and not report.bent


def test_a_conversation_file_that_is_not_lists_of_turns_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "conversations.yaml"
    path.write_text("conversations: [{q: hi, kind: small}]\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    assert "must be a list of lists of turns" in capsys.readouterr().err


# -- Telegram (the ``app`` fixture answers from this module's ``answerer``: the marathon) -----------


async def test_in_telegram_a_private_chat_follows_up(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("Who won the Lisbon marathon?"))
    await process(app, message_update("and when?"))
    assert api.sent[-1].text.startswith("The Lisbon marathon took place on Sunday 12 October.")


async def test_in_a_group_each_member_has_their_own_thread(app: Any, api: FakeBotApi) -> None:
    group = group_chat()
    ada, bob = user(1), user(2, first_name="Bob")
    await process(app, message_update(f"@{BOT_USERNAME} Who won the Lisbon marathon?", chat=group, sender=ada))
    await process(app, message_update(f"@{BOT_USERNAME} and when?", chat=group, sender=bob))
    assert not api.sent[-1].text.startswith("The Lisbon marathon took place")
    await process(app, message_update(f"@{BOT_USERNAME} and when?", chat=group, sender=ada))
    assert api.sent[-1].text.startswith("The Lisbon marathon took place on Sunday 12 October.")


async def test_stale_chat_and_user_state_is_forgotten_so_it_stays_bounded(app: Any, api: FakeBotApi) -> None:
    import time

    from bot.telegram.flood import FloodGate
    from bot.telegram.handlers import tidy

    app.bot_data["flood"] = FloodGate(20, 60)
    await process(app, message_update("Who won the Lisbon marathon?", sender=user(5)))
    assert app.chat_data[5] and app.user_data[5]  # a topic, the question behind the answer, a flood window
    tidy(app, now=time.time())
    assert app.chat_data[5] and app.user_data[5]  # all fresh: kept
    tidy(app, now=time.time() + 2 * 86_400)
    assert 5 not in app.chat_data and 5 not in app.user_data


async def test_an_unreadable_state_file_is_moved_aside_and_the_bot_starts_afresh(
    api: FakeBotApi, answerer: Answerer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.telegram.app import build_application

    state = tmp_path / "bot-state.pickle"
    state.write_bytes(b"not a pickle at all")
    application = build_application(TOKEN, answerer, request=FakeRequest(api), persistence=state)
    async with application:
        await process(application, message_update("Who won the Lisbon marathon?"))
        await process(application, message_update("and when?"))
    assert api.sent[-1].text.startswith("The Lisbon marathon took place")
    assert (tmp_path / "bot-state.pickle.unreadable").read_bytes() == b"not a pickle at all"
    assert "could not be read" in caplog.text
    assert state.is_file()  # written again at shutdown, readable this time
