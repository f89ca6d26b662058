"""The Telegram handlers: each turns one kind of update into a reply from the shared ``Answerer``.

The answerer is read from ``context.bot_data["answerer"]`` on every update, never
captured, so a knowledge reload can swap it while the bot runs. Replies use HTML
built only by ``bot.telegram.formatting``, which escapes every piece of text.
Declined questions go to the unanswered log in ``context.bot_data["unanswered"]``
(None keeps no log), after the reply is sent.

Flood control (``context.bot_data["flood"]``, a ``FloodGate``; absent means none):
every handler that answers a user counts one question for that user, buttons and
commands included, since each costs a message; an empty inline query (examples
only) does not. Admins are not counted: they are few, known by id, and reviewing
/unanswered or adding a fact takes many messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from html import escape
from typing import Any, cast

from telegram import CallbackQuery, InlineQueryResultsButton, Message, MessageEntity, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, ContextTypes

from bot import replies
from bot.answerer import Answerer, Reply
from bot.conversation import MEMORY_SECONDS, forget_stale, recall, remember, reply_in_context
from bot.folding import MAX_QUESTION_CHARS, without_mentions
from bot.knowledge.model import LANGUAGES
from bot.telegram import texts
from bot.telegram.flood import FloodGate, Verdict
from bot.telegram.formatting import (
    DISLIKE,
    FEEDBACK,
    SOURCE,
    fact_choices,
    fact_html,
    fact_message,
    facts_message,
    help_html,
    inline_result,
    markup,
    parse_callback,
    question_buttons,
    reply_message,
    source_html,
    sources_html,
    without_feedback,
    without_sources,
)
from bot.upkeep.stats import StatsLog
from bot.upkeep.unanswered import UnansweredLog

logger = logging.getLogger(__name__)

INLINE_CACHE_SECONDS = 60  # short, so a knowledge reload shows in inline results soon
TOPICS = "topics"  # chat_data key: each thread's last question, for follow-ups (bot.conversation)
ASKED = "asked"  # chat_data key: the question behind each recent answer, for 👎
ASKED_KEPT = 50
ASKED_SECONDS = 86_400.0  # a 👎 on an older answer is logged without its question
FLOOD = "flood"  # user_data key: the user's flood-control window (bot.telegram.flood)


def answerer_of(context: ContextTypes.DEFAULT_TYPE) -> Answerer:
    """The current answerer (a reload may have replaced it since the last update)."""
    return cast(Answerer, context.bot_data["answerer"])


def user_language(update: Update) -> str:
    """French for users whose Telegram is in French, else English."""
    user = update.effective_user
    return "fr" if user and (user.language_code or "").lower().startswith("fr") else "en"


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the sender's user id is in BOT_ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in cast(frozenset[int], context.bot_data.get("admins", frozenset()))


async def allowed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Count this question against the sender's flood limit; over it, say so once, then stay silent.

    False means the update is dealt with and the handler must do nothing more.
    """
    gate = cast(FloodGate | None, context.bot_data.get("flood"))
    user = update.effective_user
    if gate is None or user is None or is_admin(update, context):
        return True
    data = context.user_data
    verdict = gate.check(user.id, saved=data.get(FLOOD) if data is not None else None)
    if data is not None:  # kept with the user's data, so a restart does not reset the window
        window = gate.saved(user.id)
        if window:
            data[FLOOD] = window
        else:
            data.pop(FLOOD, None)
    if verdict is Verdict.ANSWER:
        return True
    lang = user_language(update)
    notice = verdict is Verdict.NOTICE
    if notice:
        logger.info("Flood control: a user is over %d questions in %gs", gate.limit, gate.window)
    if update.callback_query:  # the spinner must stop either way; a notice shows as a toast
        await update.callback_query.answer(texts.FLOODED[lang] if notice else None)
    elif update.inline_query:
        if notice:
            button = InlineQueryResultsButton(texts.FLOODED_SHORT[lang], start_parameter=lang)
            await update.inline_query.answer([], cache_time=0, button=button)
    elif update.effective_message and notice:
        await update.effective_message.reply_html(escape(texts.FLOODED[lang]))
    return False


def command_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language of the words after a command when there are any, else the user's Telegram language."""
    args = context.args or []
    if len(args) == 1 and args[0] in LANGUAGES:  # a deep link such as t.me/bot?start=fr
        return args[0]
    if args:
        return answerer_of(context).reply(" ".join(args)).lang
    return user_language(update)


def addressed_question(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The question in a group message meant for the bot, without the mention; None when not addressed.

    A message is addressed when it mentions the bot or replies to one of its messages.
    """
    mention = f"@{bot_username}".casefold()
    mentions = {text for text in message.parse_entities([MessageEntity.MENTION]).values() if text.casefold() == mention}
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    if not mentions and not to_bot:
        return None
    question = message.text or ""
    for text in mentions:
        question = question.replace(text, " ")
    return " ".join(question.split())


async def record_reply(reply: Reply, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Keep a declined question for the maintainers, its text only, nothing about who asked; and count
    answers and declines per fact for ``stats``."""
    log = cast(UnansweredLog | None, context.bot_data.get("unanswered"))
    if reply.kind == "decline" and log is not None:
        await asyncio.to_thread(log.record, reply)  # never raises: losing a log line never costs an answer
    counts = cast(StatsLog | None, context.bot_data.get("stats"))
    if counts is not None and reply.kind in ("answer", "decline"):
        event = "answered" if reply.kind == "answer" else "declined"
        counts.tally(event, reply.fact_id or reply.candidate)  # in memory: written every few seconds


def remember_question(sent: Message, reply: Reply, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Keep the question an answer replied to, so a 👎 on it can tell the maintainers what was asked;
    only the last ``ASKED_KEPT`` per chat."""
    if reply.kind != "answer" or context.chat_data is None:
        return
    asked = context.chat_data.setdefault(ASKED, {})
    asked[sent.message_id] = (without_mentions(reply.question)[:MAX_QUESTION_CHARS], time.time())
    while len(asked) > ASKED_KEPT:
        del asked[next(iter(asked))]


async def send_reply(message: Message, question: str, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer ``question`` under ``message`` (quoted in groups, where several people talk)."""
    answerer = answerer_of(context)
    reply = answer_in_thread(message, question, context)
    text, keyboard = reply_message(reply, answerer.knowledge)
    sent = await message.reply_html(text, reply_markup=keyboard)
    remember_question(sent, reply, context)
    await record_reply(reply, context)


def answer_in_thread(message: Message, question: str, context: ContextTypes.DEFAULT_TYPE) -> Reply:
    """The reply to ``question`` read with the last question of its thread (the chat, or in a group the
    asker's own exchange with the bot) so that "and when?" follows on; the chat's data keeps the topic."""
    answerer = answerer_of(context)
    memory = float(context.bot_data.get("context_seconds", MEMORY_SECONDS))
    if memory <= 0 or context.chat_data is None:
        return answerer.reply(question)
    store = context.chat_data.setdefault(TOPICS, {})
    thread = str(message.from_user.id if message.from_user else message.chat_id)
    now = time.time()
    reply, topic = reply_in_context(answerer, question, recall(store, thread, now=now, memory=memory), now=now)
    remember(store, thread, topic, now=now, memory=memory)
    return reply


def tidy(application: Application[Any, Any, Any, Any, Any, Any], *, now: float) -> None:
    """Forget what chats and users keep once it is stale (follow-up topics, questions behind old answers,
    flood windows), and drop the chats and users left with nothing: the library keeps a record for every
    chat and user it has seen, and the persisted state would grow with them."""
    memory = float(application.bot_data.get("context_seconds", MEMORY_SECONDS))
    gate = cast(FloodGate | None, application.bot_data.get("flood"))
    window = gate.window if gate else 0.0
    for chat_id, data in list(application.chat_data.items()):
        forget_stale(data.get(TOPICS, {}), now=now, memory=memory)
        asked = data.get(ASKED, {})
        for message_id in [key for key, kept in asked.items() if not _fresh(kept, now)]:
            del asked[message_id]
        for key in [key for key in (TOPICS, ASKED) if not data.get(key)]:
            data.pop(key, None)
        if not data:
            application.drop_chat_data(chat_id)
    for user_id, data in list(application.user_data.items()):
        flood = data.get(FLOOD)
        if isinstance(flood, dict) and all(now - moment >= window for moment in flood.get("answered", ())):
            del data[FLOOD]
        if not data:
            application.drop_user_data(user_id)


def _fresh(kept: object, now: float) -> bool:
    """Whether a kept (question, time) is younger than ``ASKED_SECONDS``."""
    return isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], float) and now - kept[1] <= ASKED_SECONDS


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user, say what the bot knows, and offer example questions as buttons."""
    message = update.effective_message
    if message is None or not await allowed(update, context):
        return
    lang = command_language(update, context)
    user = update.effective_user
    name = f", {user.first_name}" if user and user.first_name and message.chat.type == ChatType.PRIVATE else ""
    facts = answerer_of(context).examples
    buttons = question_buttons(fact_choices(facts, lang), lang)
    subject = replies.about(answerer_of(context).knowledge.subject(lang), lang)
    await message.reply_html(escape(texts.START[lang].format(name=name, about=subject)), reply_markup=markup(buttons))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, in private, in groups and inline."""
    if update.effective_message and await allowed(update, context):
        lang = command_language(update, context)
        await update.effective_message.reply_html(help_html(lang, context.bot.username))


async def facts_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the topics the bot can answer, as buttons."""
    if update.effective_message and await allowed(update, context):
        text, keyboard = facts_message(answerer_of(context).knowledge, command_language(update, context))
        await update.effective_message.reply_html(text, reply_markup=keyboard)


async def source_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say which article the answers come from, its main facts, and that answers quote it."""
    if update.effective_message and await allowed(update, context):
        answerer = answerer_of(context)
        lang = command_language(update, context)
        await update.effective_message.reply_html(source_html(answerer.knowledge, lang, answerer.examples))


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question sent in a private chat."""
    message = update.effective_message
    if message and message.text and await allowed(update, context):
        await send_reply(message, message.text, context)


async def answer_in_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message addressed to the bot; stay silent on everything else."""
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is not None and await allowed(update, context):
        await send_reply(message, question, context)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help when a private chat sends a command the bot does not have."""
    if update.effective_message and await allowed(update, context):
        await update.effective_message.reply_html(escape(texts.UNKNOWN_COMMAND[user_language(update)]))


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for a text question when a private chat sends a photo, sticker, voice, file or location."""
    if update.effective_message and await allowed(update, context):
        await update.effective_message.reply_html(escape(texts.NOT_TEXT[user_language(update)]))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask to send the question again when a private message is edited."""
    if update.effective_message and await allowed(update, context):
        await update.effective_message.reply_html(escape(texts.EDITED[user_language(update)]))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a pressed button: a suggested question gets its answer, Source shows the article's sentence."""
    query = update.callback_query
    if query is None or not await allowed(update, context):
        return
    parsed = parse_callback(query.data)
    knowledge = answerer_of(context).knowledge
    fact = knowledge.get(parsed[1]) if parsed else None
    if parsed is None or fact is None:  # a button from before a reload, or not ours
        await query.answer(texts.FACT_GONE[user_language(update)])
        return
    action, _, lang = parsed
    message = query.message if isinstance(query.message, Message) else None
    if action in FEEDBACK:
        await feedback(query, message, fact.id, lang, action, context)
        return
    await query.answer()
    if action == SOURCE:
        shown = message.text_html if message and message.text else fact_html(fact, lang)
        try:
            await query.edit_message_text(
                f"{shown}\n\n{sources_html(fact, lang)}",
                parse_mode=ParseMode.HTML,
                reply_markup=without_sources(message.reply_markup if message else None),
            )
        except BadRequest as error:
            if "not modified" not in error.message.lower():  # pressed twice: the source is already shown
                raise
        return
    text, keyboard = fact_message(fact, lang)
    if message:
        await message.chat.send_message(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    else:  # a button under an inline-mode message: there is no chat to send to, only that message
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def feedback(
    query: CallbackQuery,
    message: Message | None,
    fact_id: str,
    lang: str,
    action: str,
    context: ContextTypes.DEFAULT_TYPE,
) -> None:
    """A user's 👍 (counted for the fact) or 👎 (the question and the fact given go to the maintainers'
    log as a disputed answer, and are counted); both buttons then leave the message."""
    counts = cast(StatsLog | None, context.bot_data.get("stats"))
    if action == DISLIKE:
        asked = context.chat_data.get(ASKED, {}) if context.chat_data is not None else {}
        kept = asked.pop(message.message_id, None) if message else None
        question = kept[0] if isinstance(kept, tuple) else None
        log = cast(UnansweredLog | None, context.bot_data.get("unanswered"))
        if log is not None:
            await asyncio.to_thread(log.dispute, question or texts.QUESTION_NOT_KEPT, fact_id, lang)
    if counts is not None:
        counts.tally("disputed" if action == DISLIKE else "liked", fact_id)
    await query.answer((texts.DISLIKED if action == DISLIKE else texts.LIKED)[lang])
    if message is not None:
        with contextlib.suppress(BadRequest):  # pressed twice, or the message is too old to edit
            await query.edit_message_reply_markup(reply_markup=without_feedback(message.reply_markup))


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the answer to ``@botname question`` in any chat; examples when the question is empty."""
    query = update.inline_query
    if query is None:
        return
    answerer = answerer_of(context)
    knowledge = answerer.knowledge
    question = query.query.strip()
    if question and not await allowed(update, context):
        return
    if question:
        # Not logged when declined: Telegram sends a query per pause in typing, so the log would fill with
        # fragments ("how many sol") that outnumber the questions people finish.
        reply = answerer.reply(question)
        lang = reply.lang
        ids = ([reply.fact_id] if reply.fact_id else []) + list(reply.suggestions)
        facts = [fact for fact in map(knowledge.get, ids) if fact]
    else:
        lang = user_language(update)
        facts = list(answerer.examples)
    results = [inline_result(fact, lang) for fact in facts]
    await query.answer(
        results,
        cache_time=INLINE_CACHE_SECONDS,
        button=None if results else InlineQueryResultsButton(texts.INLINE_NOTHING[lang], start_parameter=lang),
    )


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and apologise to the user: one bad update never stops the bot."""
    logger.error("Exception while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    lang = user_language(update)
    chat = update.effective_chat
    try:
        if update.callback_query:
            try:
                await update.callback_query.answer(texts.APOLOGY[lang])
                return
            except BadRequest:  # already answered before the error: say it in the chat instead
                pass
        if chat and chat.type != ChatType.CHANNEL:
            await chat.send_message(escape(texts.APOLOGY[lang]), parse_mode=ParseMode.HTML)
    except TelegramError as error:
        logger.warning("Could not apologise for the error: %s", error)
