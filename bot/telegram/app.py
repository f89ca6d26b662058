"""Builds the python-telegram-bot ``Application``, registers every handler in one place, and runs it.

Usage: ``python -m bot run`` with ``TELEGRAM_BOT_TOKEN`` set (long polling), plus
``WEBHOOK_URL`` for webhook mode; see the README's Telegram section.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable
from typing import Any

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.answerer import Answerer
from bot.config import Settings
from bot.telegram import handlers, texts

logger = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

MAX_CONCURRENT_UPDATES = 64
SEND_RETRIES = 3
"""How often a message Telegram refused with 429 (flood control) is retried, after the wait it asks for."""
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
) -> AnyApplication:
    """The application with its handlers and the answerer in ``bot_data``; ``request`` replaces HTTP in tests."""
    # Telegram's flood control answers 429 with the wait it wants; the rate limiter honours it and
    # retries. The overall 30 messages/s pre-throttle is off: these are replies, not broadcasts.
    builder = (
        Application.builder()
        .token(token)
        .post_init(set_commands)
        .concurrent_updates(PerChatOrder(MAX_CONCURRENT_UPDATES))
        .rate_limiter(AIORateLimiter(overall_max_rate=0, max_retries=SEND_RETRIES))
    )
    if base_url:
        builder = builder.base_url(base_url).base_file_url(file_url(base_url))
    if request:
        builder = builder.request(request).get_updates_request(request)
    application: AnyApplication = builder.build()
    application.bot_data["answerer"] = answerer
    add_handlers(application)
    return application


def add_handlers(application: AnyApplication) -> None:
    """Every handler, in order: within a group the first matching handler wins."""
    new_message = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS

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


async def set_commands(application: AnyApplication) -> None:
    """Register the command menu in English (the default) and French at start-up."""
    for lang in texts.LANGUAGES:
        commands = [BotCommand(command, description) for command, description in texts.COMMANDS[lang]]
        try:
            await application.bot.set_my_commands(commands, language_code=None if lang == "en" else lang)
        except TelegramError as error:  # the menu is a convenience: the bot answers without it
            logger.warning("Could not register the %s commands: %s", lang, error)


def run(settings: Settings, answerer: Answerer) -> None:
    """Run until SIGINT or SIGTERM: long polling, or a webhook server when WEBHOOK_URL is set."""
    if not settings.token:
        raise ValueError("run needs settings.token")
    application = build_application(settings.token, answerer, base_url=settings.api_base_url)
    webhook = settings.webhook
    if webhook is None:
        logger.info("Starting the bot with long polling")
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    if webhook.secret_generated:
        logger.info("WEBHOOK_SECRET is not set: using a random secret for this run")
    logger.info("Starting the webhook server on %s:%s for %s", webhook.listen, webhook.port, webhook.url)
    application.run_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=webhook.path,
        webhook_url=webhook.url,
        secret_token=webhook.secret,
        allowed_updates=ALLOWED_UPDATES,
    )
