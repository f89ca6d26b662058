"""Every call the bot makes, except polling: made safe to send, paced to Telegram's limits, retried when lost.

python-telegram-bot's ``AIORateLimiter`` paces the calls (overall, and 20 a minute
in each group, Telegram's documented limits) and retries a 429 after the wait
Telegram asks for. It does not retry a call lost to the network (connection
refused or cut, a timeout, a 5xx), and neither does the rest of the library
outside polling, so the answer to a question would be lost: this subclass retries
those a few times with growing pauses. A 400 (``BadRequest``) is never retried:
it would fail the same way.

At least once, not exactly once: a call that never reached Telegram (connection
refused) is sent once, but one that timed out or was cut while Telegram answered
may have been done, and its retry then shows the message twice. Telegram offers
no way to ask whether a message went out, and for this bot a repeated answer is
better than a lost one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

from bot.telegram import outgoing
from bot.telegram.redact import Redactor

logger = logging.getLogger(__name__)

RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
"""Pauses before each retry of a call the network lost: together they ride out about 7 s of outage."""

Result = bool | dict[str, Any] | list[dict[str, Any]]


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's rate limits, plus bounded retries of calls lost to the network.

    ``overall_max_rate`` is messages per second across all chats (0: no pacing); groups keep
    Telegram's 20 a minute; ``max_retries`` is for 429s, ``retry_delays`` for network failures.
    """

    def __init__(
        self,
        *,
        overall_max_rate: float,
        max_retries: int,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        redact: Redactor | None = None,
    ) -> None:
        super().__init__(overall_max_rate=overall_max_rate, max_retries=max_retries)
        self.retry_delays = tuple(retry_delays)
        self.redact = redact

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Pace and send the call, its texts redacted; after a network failure, send it again a few times."""
        outgoing.prepare(endpoint, data, self.redact)
        attempt = 0
        while True:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as error:  # TimedOut is one; BadRequest is one too, but a retry cannot help it
                if isinstance(error, BadRequest) or attempt >= len(self.retry_delays):
                    raise
                delay = self.retry_delays[attempt]
                attempt += 1
                logger.warning("%s failed (%s): retry %d in %gs", endpoint, error, attempt, delay)
                await asyncio.sleep(delay)
