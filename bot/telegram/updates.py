"""Updates python-telegram-bot cannot read are skipped, once each, instead of stopping the bot.

An update whose message lacks ``date``, a callback query without ``id``...:
python-telegram-bot fails to parse the whole batch, never confirms it, and asks
for the same batch again, hundreds of times a second, logging every user's data
at CRITICAL. Here each update of a batch is tried on its own; one that does not
parse is replaced by an empty update with the same id, which no handler answers
and which moves the offset past it. Only its id and the kind of error are logged.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

logger = logging.getLogger(__name__)


def readable(data: Any) -> Any:
    """The update as Telegram sent it when python-telegram-bot can read it, else an empty one with its id."""
    try:
        Update.de_json(dict(data), None)
        return data
    except Exception as error:
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            logger.warning("Skipped an update without an id that cannot be read (%s)", type(error).__name__)
            return None
        logger.warning("Skipped update %d: it cannot be read (%s)", update_id, type(error).__name__)
        return {"update_id": update_id}


class ReadableUpdates(BaseRequest):
    """The request getUpdates goes through, with every unreadable update replaced (see ``readable``)."""

    def __init__(self, inner: BaseRequest) -> None:
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        code, payload = await self.inner.do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if not url.endswith("/getUpdates") or code != HTTPStatus.OK:
            return code, payload
        try:
            answer = json.loads(payload)
        except ValueError:
            return code, payload  # the library reports what it cannot parse
        if isinstance(answer, dict) and isinstance(answer.get("result"), list):
            answer["result"] = [update for update in map(readable, answer["result"]) if update is not None]
            payload = json.dumps(answer).encode()
        return code, payload
