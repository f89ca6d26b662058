"""Admins in Telegram, in process: /addfact, /unanswered and its buttons, refusals, declines logged, reload reports.

Each test works on a tmp copy of the knowledge (``knowledge_copy``) and a tmp unanswered log,
with the real application and handlers in front of the fake Bot API.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import expected
import pytest
from fake_bot_api import (
    TOKEN,
    FakeBotApi,
    FakeRequest,
    Json,
    Sent,
    callback_update,
    group_chat,
    message_update,
    process,
    user,
)

from bot.answerer import Answerer
from bot.knowledge.reading import load
from bot.telegram import texts
from bot.telegram.app import build_application, check_knowledge
from bot.upkeep.unanswered import UnansweredLog

ADMIN = 42
READER = 987654
GROUP = group_chat()
NEW_QUESTION = "How many soldiers will China send?"
NEW_ANSWER = "The article does not say how many soldiers China will send."
SOURCE = "Pékin will send troupes to Russia to participate in joint military exercises at the end of the month"


@pytest.fixture
def log(tmp_path: Path) -> UnansweredLog:
    return UnansweredLog(tmp_path / "declined.jsonl")


async def running(api: FakeBotApi, knowledge_path: Path, log: UnansweredLog) -> Any:
    return build_application(
        TOKEN, Answerer(load(knowledge_path)), request=FakeRequest(api), admins={ADMIN}, unanswered=log
    )


@pytest.fixture
async def app(api: FakeBotApi, knowledge_copy: Path, log: UnansweredLog) -> AsyncIterator[Any]:
    """The application over a tmp copy of the knowledge, with ADMIN as its only admin."""
    application = await running(api, knowledge_copy, log)
    async with application:
        yield application


async def send(app: Any, text: str, *, sender: int = ADMIN, chat: Json | None = None) -> None:
    await process(app, message_update(text, sender=user(sender, first_name="Zelda"), chat=chat))


def last(api: FakeBotApi, chat_id: int = ADMIN) -> Sent:
    return api.messages_to(chat_id)[-1]


def keyboard(sent: Sent) -> list[str]:
    """The labels of a reply keyboard (the buttons that send their label as a message)."""
    rows = (sent.reply_markup or {}).get("keyboard", [])
    return [button["text"] for row in rows for button in row]


def as_received(sent: Sent, chat: Json) -> Json:
    """A message the bot sent, as Telegram shows it under a pressed button."""
    return {
        "message_id": sent.message_id,
        "date": 1,
        "chat": chat,
        "text": sent.text,
        "reply_markup": sent.reply_markup,
    }


async def press(app: Any, sent: Sent, data: str, *, sender: int = ADMIN, chat: Json | None = None) -> None:
    chat = chat or {"id": sent.chat_id, "type": "private", "first_name": "Zelda"}
    await process(app, callback_update(data, sent=as_received(sent, chat), sender=user(sender)))


def answered_fact(app: Any, question: str) -> str | None:
    return app.bot_data["answerer"].reply(question).fact_id  # type: ignore[no-any-return]


# -- /addfact ----------------------------------------------------------------------------------------


async def test_addfact_walks_through_each_step_writes_the_fact_and_answers_it_at_once(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    await send(app, "/addfact")
    assert last(api).text.endswith(texts.ASK_QUESTIONS)
    await send(app, f"{NEW_QUESTION}\nHow many Chinese soldiers?")
    assert last(api).text == texts.ASK_ANSWER
    await send(app, NEW_ANSWER)
    assert keyboard(last(api)) == ["en", "fr"]
    assert "English" in last(api).text
    await send(app, "en")
    assert keyboard(last(api)) == ["use many-soldiers-china-send"]
    await send(app, "use many-soldiers-china-send")
    assert last(api).text == texts.ASK_SOURCE
    await send(app, SOURCE)
    preview = last(api)
    assert keyboard(preview) == [texts.CONFIRM, texts.CANCEL]
    assert all(part in preview.text for part in ("many-soldiers-china-send", NEW_QUESTION, NEW_ANSWER, SOURCE))

    await send(app, texts.CONFIRM)

    assert last(api).text.startswith("Saved fact 'many-soldiers-china-send'")
    assert last(api).reply_markup == {"remove_keyboard": True}
    fact = load(knowledge_copy).get("many-soldiers-china-send")
    assert fact is not None
    assert fact.answers == {"en": NEW_ANSWER}
    assert fact.questions["en"] == (NEW_QUESTION, "How many Chinese soldiers?")
    assert fact.sources == (SOURCE,)
    assert knowledge_copy.with_name("facts.yaml.bak").exists()
    await send(app, NEW_QUESTION)
    assert last(api).text.startswith(NEW_ANSWER)
    assert answered_fact(app, NEW_QUESTION) == "many-soldiers-china-send"


async def test_cancel_at_any_step_writes_nothing_and_questions_are_answered_again(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    before = knowledge_copy.read_bytes()
    await send(app, "/addfact")
    await send(app, "Combien de soldats la Chine envoie-t-elle ?")
    await send(app, "L'article ne dit pas combien de soldats la Chine envoie.")
    assert keyboard(last(api)) == ["fr", "en"]  # the detected language first

    await send(app, "/cancel")

    assert last(api).text == texts.CANCELLED
    assert knowledge_copy.read_bytes() == before
    await send(app, "When is Vostok?")
    assert last(api).text == expected.answer("vostok-dates")


async def test_a_source_not_in_the_article_is_rejected_and_the_fixed_one_accepted(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    for text in ("/addfact", NEW_QUESTION, NEW_ANSWER, "en", "use many-soldiers-china-send"):
        await send(app, text)

    await send(app, "China will send ten thousand soldiers to Russia.")
    assert last(api).text.startswith("That is not word for word in the article")
    assert "closest passage" in last(api).text

    await send(app, SOURCE)
    assert keyboard(last(api)) == [texts.CONFIRM, texts.CANCEL]
    await send(app, texts.CONFIRM)
    fact = load(knowledge_copy).get("many-soldiers-china-send")
    assert fact is not None and fact.sources == (SOURCE,)


async def test_a_question_another_fact_asks_and_a_taken_id_are_refused_at_their_step(app: Any, api: FakeBotApi) -> None:
    await send(app, "/addfact")
    await send(app, "When is Vostok?")
    assert "'vostok-dates'" in last(api).text

    for text in (NEW_QUESTION, NEW_ANSWER, "en", "vostok-dates"):
        await send(app, text)
    assert last(api).text.startswith(texts.ID_TAKEN.format(fact_id="vostok-dates"))
    assert keyboard(last(api)) == ["use many-soldiers-china-send"]

    await send(app, "Not An Id")
    assert last(api).text.startswith(texts.BAD_ID.format(fact_id="Not An Id"))


async def test_skipping_the_source_warns_that_facts_should_quote_the_article_and_still_saves(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    for text in ("/addfact", NEW_QUESTION, NEW_ANSWER, "en", "troop-numbers", "/skip"):
        await send(app, text)

    assert texts.NO_SOURCE_WARNING in [sent.text for sent in api.messages_to(ADMIN)]
    await send(app, texts.CONFIRM)
    fact = load(knowledge_copy).get("troop-numbers")
    assert fact is not None and fact.sources == ()


@pytest.mark.parametrize("command", ["/addfact", "/unanswered"])
async def test_a_non_admin_is_refused_politely_and_nothing_starts(
    app: Any, api: FakeBotApi, knowledge_copy: Path, command: str
) -> None:
    before = knowledge_copy.read_bytes()

    await send(app, command, sender=READER)
    assert last(api, READER).text == texts.ADMIN_ONLY["en"]
    await send(app, "When is Vostok?", sender=READER)  # answered as a question, not taken as a step

    assert last(api, READER).text == expected.answer("vostok-dates")
    assert knowledge_copy.read_bytes() == before


@pytest.mark.parametrize("command", ["/addfact", "/unanswered"])
@pytest.mark.parametrize(("sender", "refusal"), [(ADMIN, texts.ADMIN_PRIVATE_ONLY), (READER, texts.ADMIN_ONLY)])
async def test_admin_commands_in_a_group_are_refused(
    app: Any, api: FakeBotApi, command: str, sender: int, refusal: dict[str, str]
) -> None:
    await send(app, command, sender=sender, chat=GROUP)
    await send(app, NEW_QUESTION, sender=sender, chat=GROUP)  # not addressed to the bot: silence, no step taken

    (sent,) = api.messages_to(GROUP["id"])
    assert sent.text == refusal["en"]


# -- declines logged, /unanswered ----------------------------------------------------------------------


async def test_a_declined_question_is_logged_without_who_asked_and_an_answer_is_not(
    app: Any, log: UnansweredLog
) -> None:
    await send(app, NEW_QUESTION, sender=READER)
    await send(app, "When is Vostok?", sender=READER)
    await send(app, "@vostok_test_bot what colour are the Chinese uniforms?", sender=READER, chat=GROUP)

    raw = log.path.read_text(encoding="utf-8")
    entries = [json.loads(line) for line in raw.splitlines()]
    assert [entry["text"] for entry in entries] == [NEW_QUESTION, "what colour are the Chinese uniforms?"]
    assert all(set(entry) == {"time", "kind", "text", "lang", "candidate", "score"} for entry in entries)
    assert entries[0]["candidate"] == "china-sends-troops" and entries[0]["lang"] == "en"
    assert str(READER) not in raw and "Zelda" not in raw


async def test_a_log_that_cannot_be_written_never_costs_the_answer(
    api: FakeBotApi, knowledge_copy: Path, tmp_path: Path
) -> None:
    application = await running(api, knowledge_copy, UnansweredLog(tmp_path))  # a folder: every write fails
    async with application:
        await send(application, NEW_QUESTION, sender=READER)

    (sent,) = api.messages_to(READER)
    assert sent.text == application.bot_data["answerer"].reply(NEW_QUESTION).body


async def test_unanswered_lists_grouped_declines_and_a_button_attaches_one_so_it_is_answered(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    for question in (NEW_QUESTION, "how many soldiers will China send", NEW_QUESTION, "What colour are the uniforms?"):
        await send(app, question, sender=READER)

    await send(app, "/unanswered")

    listing = last(api)
    lines = listing.text.splitlines()
    assert lines[0] == texts.DECLINED
    assert lines[1].startswith(f"1. “{NEW_QUESTION}” ×3 (en), closest: “Is China sending troops to Russia?”")
    assert lines[2].startswith("2. “What colour are the uniforms?” ×1")
    first_button = listing.buttons[0]
    assert first_button[0] == "1. attach to “Is China sending troops to Russia?”"
    assert len(first_button[1].encode()) <= 64

    await press(app, listing, first_button[1])

    assert last(api).text == texts.ATTACHED.format(text=NEW_QUESTION, fact_id="china-sends-troops", lang="en")
    fact = load(knowledge_copy).get("china-sends-troops")
    assert fact is not None and NEW_QUESTION in fact.questions["en"]
    assert answered_fact(app, NEW_QUESTION) == "china-sends-troops"
    await send(app, "/unanswered")
    assert NEW_QUESTION not in last(api).text


@pytest.mark.parametrize("where", ["private", "group"])
async def test_a_non_admin_pressing_an_attach_button_is_refused_and_nothing_changes(
    app: Any, api: FakeBotApi, knowledge_copy: Path, where: str
) -> None:
    await send(app, NEW_QUESTION, sender=READER)
    await send(app, "/unanswered")
    listing = last(api)
    before = knowledge_copy.read_bytes()

    await press(app, listing, listing.buttons[0][1], sender=READER, chat=GROUP if where == "group" else None)

    assert api.callback_answers[-1]["text"] == texts.ADMIN_ONLY["en"]
    assert knowledge_copy.read_bytes() == before
    assert answered_fact(app, NEW_QUESTION) is None


async def test_an_admin_pressing_an_attach_button_in_a_group_is_told_to_use_a_private_chat(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    await send(app, NEW_QUESTION, sender=READER)
    await send(app, "/unanswered")
    listing = last(api)
    before = knowledge_copy.read_bytes()

    await press(app, listing, listing.buttons[0][1], chat=GROUP)

    assert api.callback_answers[-1]["text"] == texts.ADMIN_PRIVATE_ONLY["en"]
    assert knowledge_copy.read_bytes() == before


async def test_a_hostile_declined_question_is_listed_escaped(app: Any, api: FakeBotApi) -> None:
    hostile = "<script>alert(1)</script> & <b>how many soldiers will China send"
    await send(app, hostile, sender=READER)

    await send(app, "/unanswered")  # the fake refuses HTML that Telegram could not parse

    listing = last(api)
    assert listing.text.splitlines()[1].startswith(f"1. “{hostile}”")
    assert "<script>" not in listing.html and "&lt;script&gt;" in listing.html


async def test_an_attach_button_from_before_a_restart_says_it_expired(app: Any, api: FakeBotApi) -> None:
    await send(app, NEW_QUESTION, sender=READER)
    await send(app, "/unanswered")
    app.bot_data["pending_attach"].clear()

    await press(app, last(api), last(api).buttons[0][1])

    assert api.callback_answers[-1]["text"] == texts.ATTACH_EXPIRED


# -- live reload, told to the admins -------------------------------------------------------------------


async def test_a_broken_edit_is_told_to_the_admins_once_and_the_last_good_knowledge_keeps_answering(
    app: Any, api: FakeBotApi, knowledge_copy: Path
) -> None:
    good = knowledge_copy.read_text(encoding="utf-8")
    knowledge_copy.write_text(good.replace("  - id: vostok-dates\n", "  - id: Vostok Dates Broken\n"), encoding="utf-8")

    await check_knowledge(app)
    await check_knowledge(app)

    (report,) = api.messages_to(ADMIN)
    assert report.text.startswith("The edited knowledge file has problems") and "Vostok Dates Broken" in report.text
    assert answered_fact(app, "When is Vostok?") == "vostok-dates"

    knowledge_copy.write_text(good.replace("according to Moscow;", "according to the Kremlin;"), encoding="utf-8")
    await check_knowledge(app)
    assert "according to the Kremlin" in app.bot_data["answerer"].reply("When is Vostok?").body


async def test_addfact_refuses_an_answer_longer_than_telegram_can_show(app: Any, api: FakeBotApi) -> None:
    await send(app, "/addfact")
    await send(app, NEW_QUESTION)
    await send(app, "word " * 810)
    assert "4,000 characters" in last(api).text
    await send(app, NEW_ANSWER)
    assert keyboard(last(api)) == ["en", "fr"]
