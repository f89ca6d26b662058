"""The Telegram handlers, in process: real Application and handlers, a fake Bot API behind them.

Expected texts come from the same ``Answerer`` the bot uses, so these tests prove
the adapter (what is sent where, how, with which buttons), not the matcher.
"""

from __future__ import annotations

import logging
import textwrap
from html import escape
from pathlib import Path
from typing import Any

import expected
import pytest
from fake_bot_api import (
    BOT_ID,
    BOT_USERNAME,
    NON_TEXT_CONTENT,
    FakeBotApi,
    callback_update,
    channel_post_update,
    edited_message_update,
    group_chat,
    html_problems,
    inline_update,
    message,
    message_update,
    process,
    user,
)
from fake_clock import Clock

from bot.answerer import Answerer
from bot.knowledge.model import Knowledge
from bot.knowledge.reading import load
from bot.telegram import texts
from bot.telegram.app import set_commands
from bot.telegram.flood import FloodGate
from bot.telegram.formatting import callback_data, parse_callback

CHAT = 1
GROUP = group_chat()


def only_message(api: FakeBotApi, chat_id: int = CHAT) -> Any:
    sent = api.messages_to(chat_id)
    assert len(sent) == 1, [m.text for m in sent]
    return sent[0]


def sent_as_bot(api: FakeBotApi) -> dict[str, Any]:
    """A message the bot sent, shaped as Telegram returns it, to press its buttons."""
    sent = api.sent[-1]
    return {
        "message_id": sent.message_id,
        "date": 0 + 1,
        "chat": {"id": sent.chat_id, "type": "private", "first_name": "Ada"},
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Vostok bot", "username": BOT_USERNAME},
        "text": sent.text,
        "reply_markup": sent.reply_markup,
    }


# -- commands -------------------------------------------------------------------------------------


async def test_start_greets_in_french_for_a_french_telegram_with_example_question_buttons(
    app: Any, api: FakeBotApi, knowledge: Knowledge
) -> None:
    await process(app, message_update("/start", sender=user(CHAT, language_code="fr")))

    sent = only_message(api)
    assert sent.text.startswith("Bonjour, Ada !")
    examples = knowledge.facts[:3]
    assert sent.buttons == [(fact.first_question("fr"), f"fact:{fact.id}:fr") for fact in examples]
    assert sent.parse_mode == "HTML"


async def test_start_greets_in_english_when_telegram_has_no_language(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/start", sender=user(CHAT, language_code=None)))

    assert only_message(api).text.startswith("Hello, Ada!")


async def test_start_escapes_the_users_name(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/start", sender=user(CHAT, first_name="<b>Eve</b> & co")))

    assert "Hello, &lt;b&gt;Eve&lt;/b&gt; &amp; co!" in only_message(api).html


async def test_start_with_a_question_greets_in_the_questions_language(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/start quand commencent les exercices ?", sender=user(CHAT, language_code="en")))

    assert only_message(api).text.startswith("Bonjour")


async def test_help_explains_groups_and_inline_with_the_bots_name(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/help"))

    text = only_message(api).text
    assert f"@{BOT_USERNAME}" in text
    assert "/facts" in text and "/source" in text


async def test_facts_offers_every_fact_as_a_button(app: Any, api: FakeBotApi, knowledge: Knowledge) -> None:
    await process(app, message_update("/facts"))

    assert [data for _, data in only_message(api).buttons] == [f"fact:{fact.id}:en" for fact in knowledge.facts]


async def test_source_names_the_article_its_main_facts_and_that_answers_quote_it(
    app: Any, api: FakeBotApi, knowledge: Knowledge
) -> None:
    await process(app, message_update("/source", sender=user(CHAT, language_code="fr")))

    text = only_message(api).text
    opening = knowledge.article.strip().splitlines()[0]
    assert opening in text
    assert all(fact.answer("fr") in text for fact in knowledge.facts[:3])
    assert texts.QUOTES["fr"] in text


async def test_commands_are_registered_in_english_and_french(app: Any, api: FakeBotApi) -> None:
    await set_commands(app)

    assert [c["command"] for c in api.commands[""]] == ["start", "help", "facts", "source"]
    assert api.commands["fr"][0]["description"] == texts.COMMANDS["fr"][0][1]


async def test_an_unknown_command_in_private_points_to_help(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/weather"))

    assert only_message(api).text == texts.UNKNOWN_COMMAND["en"]


# -- questions ------------------------------------------------------------------------------------


async def test_a_question_gets_the_same_answer_as_ask_with_a_source_button(
    app: Any, api: FakeBotApi, answerer: Answerer
) -> None:
    reply = answerer.reply("When is Vostok?")
    assert reply.kind == "answer"

    await process(app, message_update("When is Vostok?"))

    sent = only_message(api)
    assert sent.html == escape(reply.body)
    assert sent.buttons[0] == (texts.SOURCE_BUTTON["en"], f"src:{reply.fact_id}:en")


async def test_a_french_question_is_answered_in_french(app: Any, api: FakeBotApi, answerer: Answerer) -> None:
    question = "Quand ont lieu les exercices Vostok ?"
    reply = answerer.reply(question)
    assert reply.lang == "fr"

    await process(app, message_update(question, sender=user(CHAT, language_code="en")))

    assert only_message(api).text == reply.body


async def test_near_ties_are_offered_as_did_you_mean_buttons(app: Any, api: FakeBotApi, knowledge: Knowledge) -> None:
    app.bot_data["answerer"] = Answerer(knowledge, tie_margin=100.0)
    reply = app.bot_data["answerer"].reply("Vostok China Russia")
    assert reply.suggestions

    await process(app, message_update("Vostok China Russia"))

    sent = only_message(api)
    suggested = [data for _, data in sent.buttons if data.startswith("fact:")]
    assert suggested == [f"fact:{fact_id}:en" for fact_id in reply.suggestions]
    assert "• " not in sent.text  # the suggestions are buttons, not bullet lines


async def test_a_question_the_article_does_not_answer_is_declined_with_suggestions(
    app: Any, api: FakeBotApi, answerer: Answerer
) -> None:
    reply = answerer.reply("What is the weather in Lisbon tomorrow?")
    assert reply.kind == "decline"

    await process(app, message_update("What is the weather in Lisbon tomorrow?"))

    sent = only_message(api)
    assert sent.text == reply.body
    assert sent.buttons and all(data.startswith("fact:") for _, data in sent.buttons)


async def test_small_talk_is_answered_like_ask(app: Any, api: FakeBotApi, answerer: Answerer) -> None:
    reply = answerer.reply("hello")
    assert reply.kind == "small_talk"

    await process(app, message_update("hello"))

    assert only_message(api).text == reply.body


async def test_answers_escape_html_in_knowledge_text(app: Any, api: FakeBotApi, tricky_knowledge_path: Any) -> None:
    app.bot_data["answerer"] = Answerer(load(tricky_knowledge_path))

    await process(app, message_update("Who signed the treaty?"))

    sent = only_message(api)
    assert sent.html.startswith("Tom &amp; Jerry signed the &lt;treaty&gt; on Monday.")
    assert sent.text.startswith("Tom & Jerry signed the <treaty> on Monday.")


async def test_each_update_uses_the_answerer_currently_in_bot_data(
    app: Any, api: FakeBotApi, tricky_knowledge_path: Any
) -> None:
    await process(app, message_update("Where was the ceremony?"))
    app.bot_data["answerer"] = Answerer(load(tricky_knowledge_path))
    await process(app, message_update("Where was the ceremony?"))

    first, second = api.messages_to(CHAT)
    assert "Paris" not in first.text
    assert second.text.startswith('The ceremony took place in "Paris" at noon.')


# -- buttons --------------------------------------------------------------------------------------


async def test_pressing_a_suggestion_answers_it_and_stops_the_spinner(
    app: Any, api: FakeBotApi, knowledge: Knowledge
) -> None:
    await process(app, message_update("/facts", sender=user(CHAT, language_code="fr")))
    fact = knowledge.facts[1]

    await process(app, callback_update(f"fact:{fact.id}:fr", sent=sent_as_bot(api)))

    assert len(api.callback_answers) == 1
    answer = api.messages_to(CHAT)[-1]
    assert answer.text == f"{fact.first_question('fr')}\n{fact.answer('fr')}"
    assert answer.buttons == [(texts.SOURCE_BUTTON["fr"], f"src:{fact.id}:fr")]


async def test_pressing_source_shows_the_verbatim_sentence_in_place(
    app: Any, api: FakeBotApi, answerer: Answerer
) -> None:
    await process(app, message_update("When is Vostok?"))
    answer = api.sent[-1]
    fact = answerer.knowledge.get(answerer.reply("When is Vostok?").fact_id or "")
    assert fact is not None

    await process(app, callback_update(f"src:{fact.id}:en", sent=sent_as_bot(api)))

    assert len(api.callback_answers) == 1
    (edit,) = api.edits
    assert (edit.chat_id, edit.message_id) == (CHAT, answer.message_id)
    assert edit.text.startswith(answer.text)
    assert all(source in edit.text for source in fact.sources)
    assert "<blockquote>" in edit.html
    assert not any(data.startswith("src:") for _, data in edit.buttons)


async def test_pressing_source_twice_is_not_an_error(app: Any, api: FakeBotApi, answerer: Answerer) -> None:
    await process(app, message_update("When is Vostok?"))
    pressed = sent_as_bot(api)
    data = pressed["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await process(app, callback_update(data, sent=pressed))
    api.sent[-1].html = api.edits[-1].html  # the message now shows the source
    api.sent[-1].reply_markup = api.edits[-1].reply_markup

    await process(app, callback_update(data, sent=pressed))

    assert len(api.callback_answers) == 2
    assert texts.APOLOGY["en"] not in [m.text for m in api.sent]


async def test_source_under_an_inline_message_edits_that_message(
    app: Any, api: FakeBotApi, knowledge: Knowledge
) -> None:
    fact = knowledge.facts[0]

    await process(app, callback_update(f"src:{fact.id}:en"))

    (edit,) = api.edits
    assert edit.inline_message_id is not None
    assert edit.text.startswith(fact.first_question("en"))
    assert fact.sources[0] in edit.text


async def test_a_button_for_a_fact_that_no_longer_exists_is_answered_with_a_note(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/facts"))

    await process(app, callback_update("fact:removed-fact:en", sent=sent_as_bot(api)))

    assert [a.get("text") for a in api.callback_answers] == [texts.FACT_GONE["en"]]
    assert len(api.sent) == 1


async def test_a_button_with_foreign_data_still_stops_the_spinner(app: Any, api: FakeBotApi) -> None:
    await process(app, callback_update("something-else"))

    assert len(api.callback_answers) == 1


def test_callback_data_never_exceeds_64_bytes() -> None:
    assert callback_data("fact", "x" * 57, "fr") is None
    data = callback_data("fact", "x" * 56, "fr")
    assert data is not None and len(data.encode()) == 64
    assert parse_callback(data) == ("fact", "x" * 56, "fr")


# -- groups ---------------------------------------------------------------------------------------


async def test_group_chatter_that_does_not_address_the_bot_gets_no_reply(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("When is Vostok?", chat=GROUP))
    await process(app, message_update("@someone_else when is Vostok?", chat=GROUP))

    assert api.calls == [("getMe", {})] or all(name == "getMe" for name, _ in api.calls)
    assert api.sent == []


async def test_a_mention_in_a_group_is_answered_without_the_mention(
    app: Any, api: FakeBotApi, answerer: Answerer
) -> None:
    update = message_update(f"@{BOT_USERNAME} When is Vostok?", chat=GROUP)

    await process(app, update)

    sent = only_message(api, GROUP["id"])
    assert sent.text == expected.answer("vostok-dates")
    assert sent.reply_to == update["message"]["message_id"]


async def test_a_reply_to_the_bot_in_a_group_is_answered(app: Any, api: FakeBotApi, answerer: Answerer) -> None:
    bots_message = message("Hello!", chat=GROUP, sender={"id": BOT_ID, "is_bot": True, "first_name": "Vostok bot"})

    await process(app, message_update("When is Vostok?", chat=GROUP, reply_to=bots_message))

    assert only_message(api, GROUP["id"]).text == expected.answer("vostok-dates")


async def test_a_reply_to_someone_else_in_a_group_is_ignored(app: Any, api: FakeBotApi) -> None:
    other = message("Any news?", chat=GROUP, sender=user(77))

    await process(app, message_update("When is Vostok?", chat=GROUP, reply_to=other))

    assert api.sent == []


async def test_a_command_for_the_bot_in_a_group_is_answered(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update(f"/help@{BOT_USERNAME}", chat=GROUP))

    assert f"@{BOT_USERNAME}" in only_message(api, GROUP["id"]).text


async def test_a_command_for_another_bot_in_a_group_is_ignored(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("/help@other_bot", chat=GROUP))

    assert api.sent == []


# -- inline mode ----------------------------------------------------------------------------------


async def test_an_inline_question_offers_its_answer(app: Any, api: FakeBotApi, answerer: Answerer) -> None:
    reply = answerer.reply("When is Vostok?")

    await process(app, inline_update("When is Vostok?"))

    (answered,) = api.inline_answers
    first = answered["results"][0]
    fact = answerer.knowledge.get(reply.fact_id or "")
    assert fact is not None
    assert first["title"] == fact.first_question("en")
    assert first["input_message_content"]["parse_mode"] == "HTML"
    assert escape(fact.answer("en")) in first["input_message_content"]["message_text"]


async def test_an_empty_inline_query_offers_examples(app: Any, api: FakeBotApi, knowledge: Knowledge) -> None:
    await process(app, inline_update(""))

    (answered,) = api.inline_answers
    assert [r["title"] for r in answered["results"]] == [f.first_question("en") for f in knowledge.facts[:3]]


async def test_an_inline_question_the_article_does_not_answer_offers_no_wrong_answer(
    app: Any, api: FakeBotApi, answerer: Answerer
) -> None:
    reply = answerer.reply("What is the weather in Lisbon tomorrow?")

    await process(app, inline_update("What is the weather in Lisbon tomorrow?"))

    (answered,) = api.inline_answers
    assert [r["id"].split(":")[0] for r in answered["results"]] == list(reply.suggestions)
    if not reply.suggestions:
        assert answered["button"]["start_parameter"] == "en"


# -- everything that is not a question ------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(NON_TEXT_CONTENT))
async def test_non_text_messages_in_private_get_a_polite_note(app: Any, api: FakeBotApi, kind: str) -> None:
    await process(app, message_update(None, sender=user(CHAT, language_code="fr"), **NON_TEXT_CONTENT[kind]))

    assert only_message(api).text == texts.NOT_TEXT["fr"]


@pytest.mark.parametrize("kind", sorted(NON_TEXT_CONTENT))
async def test_non_text_messages_in_groups_get_silence(app: Any, api: FakeBotApi, kind: str) -> None:
    await process(app, message_update(None, chat=GROUP, **NON_TEXT_CONTENT[kind]))

    assert api.sent == []


async def test_an_edited_message_in_private_gets_a_note(app: Any, api: FakeBotApi) -> None:
    await process(app, edited_message_update("When is Vostok?"))

    assert only_message(api).text == texts.EDITED["en"]


async def test_an_edited_message_in_a_group_gets_silence(app: Any, api: FakeBotApi) -> None:
    await process(app, edited_message_update(f"@{BOT_USERNAME} When is Vostok?", chat=GROUP))

    assert api.sent == []


async def test_a_channel_post_gets_silence(app: Any, api: FakeBotApi) -> None:
    await process(app, channel_post_update(f"@{BOT_USERNAME} When is Vostok?"))

    assert api.sent == []


async def test_every_message_is_sent_as_html(app: Any, api: FakeBotApi) -> None:
    for text in ("/start", "/help", "/facts", "/source", "When is Vostok?", "hello", "/nope"):
        await process(app, message_update(text))

    assert api.sent and all(sent.parse_mode == "HTML" for sent in api.sent)


# -- hostile text in, valid HTML out --------------------------------------------------------------

HOSTILE = "<b>bold <script>alert(1)</script> & <i>unbalanced"


def every_html(api: FakeBotApi) -> list[str]:
    """Every text the bot sent, edited or offered inline as HTML."""
    htmls = [m.html for m in api.sent + api.edits if m.parse_mode == "HTML"]
    for answered in api.inline_answers:
        htmls += [r["input_message_content"]["message_text"] for r in answered["results"]]
    return htmls


def test_the_html_checker_catches_what_telegram_refuses() -> None:
    assert html_problems("<b>ok</b> &lt;fine&gt; &amp; &#x27; <blockquote>q</blockquote>") == []
    for bad in (HOSTILE, "<script>x</script>", "a & b", "<b>open", "<i>x</b>", "x > y", "&nbsp;"):
        assert html_problems(bad), bad


@pytest.mark.parametrize("where", ["private", "group", "inline", "start name", "start question"])
async def test_hostile_user_text_is_sent_only_as_valid_escaped_html(app: Any, api: FakeBotApi, where: str) -> None:
    update = {
        "private": message_update(f"When is Vostok? {HOSTILE}"),
        "group": message_update(f"@{BOT_USERNAME} {HOSTILE} When is Vostok?", chat=GROUP),
        "inline": inline_update(f"Vostok {HOSTILE}"),
        "start name": message_update("/start", sender=user(CHAT, first_name=HOSTILE)),
        "start question": message_update(f"/start {HOSTILE}"),
    }[where]

    await process(app, update)

    sent = every_html(api)
    assert sent or api.inline_answers
    assert texts.APOLOGY["en"] not in [m.text for m in api.sent]  # no message refused for its HTML
    for html in sent:
        assert html_problems(html) == [], html
        assert "<script>" not in html and "<i>unbalanced" not in html
    if where == "start name":
        assert escape(HOSTILE) in sent[0]


@pytest.fixture
def hostile_knowledge(tmp_path: Path) -> Knowledge:
    """Knowledge whose article, questions and answers hold tags, a script and a bare ampersand."""
    article = "Tom & Jerry signed the <script>alert(1)</script> treaty on <i>Monday.\nThe </b>ceremony was long.\n"
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            article: article.txt
            facts:
              - id: treaty-signing
                en:
                  answer: "Tom & Jerry signed the <script>alert(1)</script> treaty on <i>Monday."
                  questions: ["Who signed the <b>treaty?"]
                fr:
                  answer: "Tom & Jerry ont signé le <script>alert(1)</script> traité <i>lundi."
                  questions: ["Qui a signé le <b>traité ?"]
                source:
                  - "Tom & Jerry signed the <script>alert(1)</script> treaty on <i>Monday."
              - id: ceremony
                en:
                  answer: "The </b>ceremony was long."
                  questions: ["How long was the </b>ceremony?"]
                source:
                  - "The </b>ceremony was long."
            """
        ),
        encoding="utf-8",
    )
    return load(path)


async def test_hostile_knowledge_text_is_sent_only_as_valid_escaped_html_on_every_path(
    app: Any, api: FakeBotApi, hostile_knowledge: Knowledge
) -> None:
    app.bot_data["answerer"] = Answerer(hostile_knowledge)
    fact = hostile_knowledge.facts[0]

    await process(app, message_update("Who signed the treaty?"))
    await process(app, callback_update(f"src:{fact.id}:en", sent=sent_as_bot(api)))
    for command in ("/start", "/facts", "/source", "/help"):
        await process(app, message_update(command))
    await process(app, callback_update(f"fact:{fact.id}:fr", sent=sent_as_bot(api)))
    await process(app, callback_update(f"src:{fact.id}:en"))  # under an inline message
    await process(app, inline_update("Who signed the treaty?"))
    await process(app, inline_update(""))

    sent = every_html(api)
    assert len(sent) >= 10
    assert texts.APOLOGY["en"] not in [m.text for m in api.sent]  # no message refused for its HTML
    for html in sent:
        assert html_problems(html) == [], html
        assert "<script>" not in html and "<i>" not in html and "</b>ceremony" not in html
    shown = "\n".join(sent)
    assert escape("Tom & Jerry signed the <script>alert(1)</script> treaty on <i>Monday.") in shown
    assert escape("<b>traité", quote=False) in shown


# -- flood control --------------------------------------------------------------------------------


@pytest.fixture
def clock(app: Any) -> Clock:
    """A flood limit of 2 questions a minute, on a clock the test moves."""
    clock = Clock()
    app.bot_data["flood"] = FloodGate(2, 60, clock=clock)
    return clock


async def test_a_user_over_the_flood_limit_gets_one_notice_then_silence_and_others_are_still_answered(
    app: Any, api: FakeBotApi, answerer: Answerer, clock: Clock
) -> None:
    for _ in range(5):
        await process(app, message_update("When is Vostok?", sender=user(CHAT, language_code="fr")))
    await process(app, message_update("When is Vostok?", sender=user(2)))

    answer = expected.answer("vostok-dates")
    assert [m.text for m in api.messages_to(CHAT)] == [answer, answer, texts.FLOODED["fr"]]
    assert [m.text for m in api.messages_to(2)] == [answer]


async def test_once_the_window_passes_the_flooding_user_is_answered_again(
    app: Any, api: FakeBotApi, answerer: Answerer, clock: Clock
) -> None:
    for _ in range(4):
        await process(app, message_update("When is Vostok?"))

    clock.now += 60
    await process(app, message_update("Where is Vostok?"))

    assert [m.text for m in api.messages_to(CHAT)][-1] == expected.answer("vostok-location")
    assert len(api.messages_to(CHAT)) == 4  # two answers, one notice, the new answer


async def test_group_mentions_commands_and_buttons_count_and_chatter_does_not(
    app: Any, api: FakeBotApi, knowledge: Knowledge, clock: Clock
) -> None:
    await process(app, message_update("just chatting", chat=GROUP))  # not for the bot: not counted
    await process(app, message_update(f"@{BOT_USERNAME} When is Vostok?", chat=GROUP))
    await process(app, message_update(f"/facts@{BOT_USERNAME}", chat=GROUP))

    await process(app, callback_update(f"fact:{knowledge.facts[0].id}:en", sent=sent_as_bot(api)))
    await process(app, callback_update(f"fact:{knowledge.facts[1].id}:en", sent=sent_as_bot(api)))

    assert len(api.messages_to(GROUP["id"])) == 2
    assert [a.get("text") for a in api.callback_answers] == [texts.FLOODED["en"], None]  # every spinner stops
    assert api.messages_to(CHAT) == []


async def test_inline_queries_over_the_limit_get_one_notice_button_then_no_answer(
    app: Any, api: FakeBotApi, clock: Clock
) -> None:
    await process(app, inline_update(""))  # examples only: not counted
    for _ in range(4):
        await process(app, inline_update("When is Vostok?"))

    assert [bool(a["results"]) for a in api.inline_answers] == [True, True, True, False]
    assert api.inline_answers[-1]["button"]["text"] == texts.FLOODED_SHORT["en"]


async def test_admins_are_not_flood_controlled(app: Any, api: FakeBotApi, clock: Clock) -> None:
    app.bot_data["admins"] = frozenset({CHAT})

    for _ in range(5):
        await process(app, message_update("When is Vostok?"))

    assert texts.FLOODED["en"] not in [m.text for m in api.messages_to(CHAT)]
    assert len(api.messages_to(CHAT)) == 5


# -- errors ---------------------------------------------------------------------------------------


class BrokenAnswerer:
    """An answerer whose matcher fails, as a bug in the core would."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def reply(self, question: str, *, lang: str | None = None) -> Any:
        raise RuntimeError("matcher bug")

    @property
    def matcher(self) -> Any:
        raise RuntimeError("matcher bug")


async def test_an_error_is_logged_and_the_user_gets_an_apology_then_the_bot_carries_on(
    app: Any, api: FakeBotApi, answerer: Answerer, caplog: pytest.LogCaptureFixture
) -> None:
    app.bot_data["answerer"] = BrokenAnswerer(answerer.knowledge)
    with caplog.at_level(logging.ERROR):
        await process(app, message_update("When is Vostok?", sender=user(CHAT, language_code="fr")))
    app.bot_data["answerer"] = answerer
    await process(app, message_update("When is Vostok?"))

    apology, answer = api.messages_to(CHAT)
    assert apology.text == texts.APOLOGY["fr"]
    assert answer.text == expected.answer("vostok-dates")
    assert any("matcher bug" in (record.exc_text or str(record.exc_info)) for record in caplog.records)


async def test_an_error_after_a_button_was_answered_apologises_in_the_chat(app: Any, api: FakeBotApi) -> None:
    await process(app, message_update("When is Vostok?"))
    pressed = sent_as_bot(api)
    api.fail_next("editMessageText", 400)  # refused for good: a 5xx would be retried and go through

    await process(app, callback_update(pressed["reply_markup"]["inline_keyboard"][0][0]["callback_data"], sent=pressed))

    assert len(api.callback_answers) == 1
    assert api.messages_to(CHAT)[-1].text == texts.APOLOGY["en"]


async def test_a_failing_inline_query_is_logged_and_answers_nothing(
    app: Any, api: FakeBotApi, answerer: Answerer, caplog: pytest.LogCaptureFixture
) -> None:
    app.bot_data["answerer"] = BrokenAnswerer(answerer.knowledge)

    with caplog.at_level(logging.ERROR):
        await process(app, inline_update("When is Vostok?"))

    assert api.inline_answers == [] and api.sent == []
    assert any(record.levelno == logging.ERROR for record in caplog.records)


async def test_the_token_never_reaches_a_user_even_when_the_knowledge_quotes_it(
    tmp_path: Path, api: FakeBotApi
) -> None:
    from fake_bot_api import TOKEN, FakeRequest

    from bot.telegram.app import build_application

    leaked = f"the code is bot{TOKEN.lower()} and {TOKEN}"
    (tmp_path / "article.txt").write_text(f"The vault opens with {leaked}.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "article: article.txt\nfacts:\n  - id: vault-code\n    en:\n"
        f"      answer: The vault code is {leaked}.\n      questions: [What is the vault code?]\n"
        f"    source: The vault opens with {leaked}.\n",
        encoding="utf-8",
    )
    application = build_application(TOKEN, Answerer(load(tmp_path / "facts.yaml")), request=FakeRequest(api))
    async with application:
        await process(application, message_update("What is the vault code?"))

    sent = only_message(api).text
    assert "[REDACTED]" in sent
    assert TOKEN.split(":")[1].casefold() not in sent.casefold()


async def test_an_answer_longer_than_a_message_is_cut_to_fit_not_refused(tmp_path: Path, api: FakeBotApi) -> None:
    from fake_bot_api import MAX_MESSAGE_CHARS, TOKEN, FakeRequest

    from bot.telegram.app import build_application

    long_answer = "The & symbol <here> " * 400  # 8,000 characters, with HTML to escape on the way
    (tmp_path / "article.txt").write_text("The report runs long.\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "article: article.txt\nfacts:\n  - id: report\n    en:\n"
        f"      answer: '{long_answer.strip()}'\n      questions: [How long is the report?]\n"
        "    source: The report runs long.\n",
        encoding="utf-8",
    )
    application = build_application(TOKEN, Answerer(load(tmp_path / "facts.yaml")), request=FakeRequest(api))
    async with application:
        await process(application, message_update("How long is the report?"))

    sent = only_message(api).text  # as users see it: the HTML parsed
    assert sent.startswith("The & symbol <here>") and sent.endswith("…")
    assert len(sent) == MAX_MESSAGE_CHARS
