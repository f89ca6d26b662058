"""Builds the python-telegram-bot ``Application``, registers every handler in one place, and runs it.

Usage: ``python -m bot run`` with ``TELEGRAM_BOT_TOKEN`` set (long polling), plus
``WEBHOOK_URL`` for webhook mode; see the README's Telegram section.

Shared objects live in ``bot_data``: ``answerer`` (swapped by a reload), ``watcher``
(notices edits of the knowledge), ``unanswered`` (the log of declined questions,
or None), ``admins`` (the user ids of BOT_ADMIN_IDS) and ``flood`` (the per-user
flood control, or None).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
import weakref
from collections.abc import Awaitable, Iterable
from pathlib import Path
from typing import Any

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.answerer import Answerer
from bot.config import DEFAULT_MAX_RATE, Settings, Webhook
from bot.conversation import MEMORY_SECONDS
from bot.errors import KnowledgeError
from bot.knowledge.model import LANGUAGES
from bot.telegram import admin, handlers, texts
from bot.telegram.flood import FloodGate
from bot.telegram.limits import RetryingRateLimiter
from bot.telegram.persistence import FLUSH_SECONDS, pickle_persistence
from bot.telegram.redact import Redactor
from bot.telegram.updates import ReadableUpdates, readable
from bot.telegram.webhook import WebhookServer
from bot.upkeep.reload import KnowledgeWatcher
from bot.upkeep.stats import StatsLog
from bot.upkeep.unanswered import UnansweredLog

logger = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

MAX_CONCURRENT_UPDATES = 64
SEND_RETRIES = 3
"""How often a message Telegram refused with 429 (flood control) is retried, after the wait it asks for."""
RELOAD_TASK = "reload_task"
UPKEEP_TASK = "upkeep_task"
TIDY_SECONDS = 60.0
ALLOWED_UPDATES = ("message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "inline_query")


class PerChatOrder(BaseUpdateProcessor):
    """Updates run concurrently across chats but one at a time within a chat.

    A burst from many users is answered in parallel, while each user's answers
    keep the order of their questions.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _conversation(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up: locks are made per chat as updates arrive."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _conversation(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user else None


def file_url(base_url: str) -> str:
    """The file URL that goes with a Bot API URL: ``.../bot`` -> ``.../file/bot``."""
    head, sep, _ = base_url.rstrip("/").rpartition("/")
    return f"{head}/file/bot" if sep else base_url


def build_application(
    token: str,
    answerer: Answerer,
    *,
    base_url: str | None = None,
    request: BaseRequest | None = None,
    admins: Iterable[int] = (),
    unanswered: UnansweredLog | None = None,
    stats: StatsLog | None = None,
    reload_seconds: float = 0,
    flood: FloodGate | None = None,
    max_rate: float = DEFAULT_MAX_RATE,
    secrets: Iterable[str] = (),
    context_seconds: float = MEMORY_SECONDS,
    persistence: Path | None = None,
) -> AnyApplication:
    """The application with its handlers and shared objects in ``bot_data``; ``request`` replaces HTTP in tests.

    ``reload_seconds`` > 0 polls the knowledge file for edits while the application runs
    (``run_polling``/``run_webhook``); ``unanswered`` None keeps no log of declined questions and
    disputed answers, ``stats`` None counts nothing;
    ``flood`` None answers every question; ``max_rate`` caps messages per second overall (0: no cap);
    the token and ``secrets`` are redacted from everything sent; ``context_seconds`` is how long a chat
    remembers its last question for follow-ups (0: never); ``persistence`` is the file that keeps chats'
    and users' state (follow-up topics, /addfact in progress, flood windows) across restarts.
    """
    # Sent messages are paced to Telegram's limits (max_rate overall, 20 a minute per group) so that
    # a burst is spread out rather than refused; a 429 anyway is waited out and retried, and so is a
    # call the network lost.
    builder = (
        Application.builder()
        .token(token)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .concurrent_updates(PerChatOrder(MAX_CONCURRENT_UPDATES))
        .rate_limiter(
            RetryingRateLimiter(overall_max_rate=max_rate, max_retries=SEND_RETRIES, redact=Redactor([token, *secrets]))
        )
    )
    if persistence is not None:
        builder = builder.persistence(pickle_persistence(persistence))
    if base_url:
        builder = builder.base_url(base_url).base_file_url(file_url(base_url))
    if request:
        builder = builder.request(request)
    # an update the library cannot read is skipped, not asked for again and again (bot.telegram.updates)
    builder = builder.get_updates_request(ReadableUpdates(request or HTTPXRequest(connection_pool_size=1)))
    application: AnyApplication = builder.build()
    application.bot_data.update(
        answerer=answerer,
        watcher=KnowledgeWatcher(answerer.knowledge),
        unanswered=unanswered,
        stats=stats,
        admins=frozenset(admins),
        reload_seconds=reload_seconds,
        flood=flood,
        context_seconds=context_seconds,
    )
    add_handlers(application)
    return application


def add_handlers(application: AnyApplication) -> None:
    """Every handler, in order: within a group the first matching handler wins."""
    new_message = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS

    # Admins: /addfact (a conversation in a private chat), /unanswered and its buttons; others are refused
    application.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("addfact", admin.addfact)],
            states={
                admin.QUESTIONS: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.got_questions)],
                admin.ANSWER: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.got_answer)],
                admin.LANGUAGE: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.got_language)],
                admin.FACT_ID: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.got_id)],
                admin.SOURCE: [
                    CommandHandler("skip", admin.skip_source),
                    MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.got_source),
                ],
                admin.CONFIRM: [MessageHandler(private & filters.TEXT & ~filters.COMMAND, admin.confirm)],
            },
            fallbacks=[CommandHandler("cancel", admin.cancel)],
            allow_reentry=True,
            name="addfact",
            persistent=application.persistence is not None,  # a restart continues where the admin was
        )
    )
    application.add_handler(CommandHandler("unanswered", admin.unanswered_command))
    application.add_handler(CommandHandler("stats", admin.stats_command))
    application.add_handler(CallbackQueryHandler(admin.attach, pattern=f"^{admin.ATTACH}:"))

    # Commands, in any chat (in groups only those meant for this bot, as /help@botname)
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler("help", handlers.help_command))
    application.add_handler(CommandHandler("facts", handlers.facts_command))
    application.add_handler(CommandHandler("source", handlers.source_command))

    # Buttons and inline mode
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(InlineQueryHandler(handlers.inline_query))

    # Questions: every text in a private chat; in groups only messages addressed to the bot
    application.add_handler(MessageHandler(new_message & private & filters.TEXT & ~filters.COMMAND, handlers.answer))
    application.add_handler(
        MessageHandler(new_message & groups & filters.TEXT & ~filters.COMMAND, handlers.answer_in_group)
    )

    # Everything else gets a short note in private chats and silence elsewhere (groups, channels)
    application.add_handler(MessageHandler(new_message & private & filters.COMMAND, handlers.unknown_command))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, handlers.edited))
    application.add_handler(MessageHandler(new_message & private & ~filters.StatusUpdate.ALL, handlers.not_text))

    application.add_error_handler(handlers.error_handler)


async def post_init(application: AnyApplication) -> None:
    """Once the bot is connected: register the command menu, start watching the knowledge file and
    keeping the state (usage counts, chats' state) written and tidy."""
    await set_commands(application)
    seconds = float(application.bot_data.get("reload_seconds") or 0)
    if seconds > 0:
        task = asyncio.create_task(watch_knowledge(application, seconds), name="watch-knowledge")
        application.bot_data[RELOAD_TASK] = task
    application.bot_data[UPKEEP_TASK] = asyncio.create_task(keep_up(application), name="keep-up")


async def post_stop(application: AnyApplication) -> None:
    """Stop the regular upkeep and write the usage counts (shutting down writes the chats' state)."""
    await _cancel(application, UPKEEP_TASK)
    counts = application.bot_data.get("stats")
    if isinstance(counts, StatsLog):
        await asyncio.to_thread(counts.flush)


async def post_shutdown(application: AnyApplication) -> None:
    """Stop watching the knowledge file."""
    await _cancel(application, RELOAD_TASK)


async def _cancel(application: AnyApplication, name: str) -> None:
    task = application.bot_data.pop(name, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def keep_up(application: AnyApplication) -> None:
    """Every ``FLUSH_SECONDS``: write the usage counts tallied meanwhile and the chats' and users' state (a
    crash loses at most that much); every ``TIDY_SECONDS``, forget stale state (``handlers.tidy``)."""
    rounds = 0
    while True:
        await asyncio.sleep(FLUSH_SECONDS)
        rounds += 1
        try:
            counts = application.bot_data.get("stats")
            if isinstance(counts, StatsLog):
                await asyncio.to_thread(counts.flush)
            if rounds * FLUSH_SECONDS >= TIDY_SECONDS:
                rounds = 0
                handlers.tidy(application, now=time.time())
            if application.persistence is not None:
                await application.update_persistence()
                await application.persistence.flush()
        except Exception:  # the next round may succeed: the bot keeps answering meanwhile
            logger.exception("Writing or tidying the bot's state failed")


async def watch_knowledge(application: AnyApplication, seconds: float) -> None:
    """Check the knowledge file for edits every ``seconds`` until cancelled."""
    logger.info("Watching %s for edits every %gs", application.bot_data["watcher"].path, seconds)
    while True:
        await asyncio.sleep(seconds)
        try:
            await check_knowledge(application)
        except Exception:  # the next check may succeed: the bot keeps answering meanwhile
            logger.exception("Checking the knowledge file for edits failed")


async def check_knowledge(application: AnyApplication) -> None:
    """Answer from an edited knowledge file at once; a broken edit keeps the old one and is told to the admins."""
    watcher: KnowledgeWatcher = application.bot_data["watcher"]
    change = await asyncio.to_thread(watcher.poll)  # loading a big file must not stop the answers
    if isinstance(change, Answerer):
        application.bot_data["answerer"] = change
    elif isinstance(change, KnowledgeError):
        await admin.report_broken(application.bot, application.bot_data["admins"], change)


async def set_commands(application: AnyApplication) -> None:
    """Register the command menu in English (the default) and French at start-up."""
    for lang in LANGUAGES:
        commands = [BotCommand(command, description) for command, description in texts.COMMANDS[lang]]
        try:
            await application.bot.set_my_commands(commands, language_code=None if lang == "en" else lang)
        except TelegramError as error:  # the menu is a convenience: the bot answers without it
            logger.warning("Could not register the %s commands: %s", lang, error)


def run(settings: Settings, answerer: Answerer) -> None:
    """Run until SIGINT or SIGTERM: long polling, or a webhook server when WEBHOOK_URL is set."""
    if not settings.token:
        raise ValueError("run needs settings.token")
    application = build_application(
        settings.token,
        answerer,
        base_url=settings.api_base_url,
        admins=settings.admin_ids,
        unanswered=UnansweredLog(settings.unanswered_path),
        stats=StatsLog(settings.stats_path),
        reload_seconds=settings.reload_seconds,
        flood=FloodGate(settings.flood_limit, settings.flood_window),
        max_rate=settings.max_rate,
        secrets=settings.secrets(),
        context_seconds=60 * settings.context_minutes,
        persistence=settings.persistence_path,
    )
    if not settings.admin_ids:
        logger.info("BOT_ADMIN_IDS is not set: nobody can use /addfact or /unanswered")
    if settings.flood_limit and settings.flood_window:
        logger.info("Flood control: %d questions per user in %gs", settings.flood_limit, settings.flood_window)
    else:
        logger.info("Flood control is off (BOT_FLOOD_LIMIT or BOT_FLOOD_WINDOW is 0)")
    webhook = settings.webhook
    if webhook is None:
        logger.info("Starting the bot with long polling")
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    if webhook.secret_generated:
        logger.info("WEBHOOK_SECRET is not set: using a random secret for this run")
    logger.info("Starting the webhook server on %s:%s for %s", webhook.listen, webhook.port, webhook.url)
    asyncio.run(serve_webhook(application, webhook))


async def serve_webhook(application: AnyApplication, webhook: Webhook) -> None:
    """Run with the bot's own webhook server (``bot.telegram.webhook``) until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)

    async def deliver(data: dict[str, Any]) -> None:
        kept = readable(data)
        if kept is not None:
            await application.update_queue.put(Update.de_json(kept, application.bot))

    server = WebhookServer(path=webhook.path, secret=webhook.secret, deliver=deliver)
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        await server.start(webhook.listen, webhook.port)
        await application.bot.set_webhook(url=webhook.url, secret_token=webhook.secret, allowed_updates=ALLOWED_UPDATES)
        await application.start()
        await stop.wait()
        logger.info("Stopping: finishing the updates in hand")
    finally:
        await server.close()
        if application.running:
            await application.stop()
        if application.post_stop:
            await application.post_stop(application)
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
