"""State that survives a restart: python-telegram-bot's PicklePersistence, of chats' and users' data only.

What a chat or a user is in the middle of lives in their data: the topic a follow-up refers to
(``chat_data``), an admin's ``/addfact`` draft and its step, the questions behind recent answers
for 👎, and each user's flood-control window (``user_data``). The bot's shared objects
(the answerer, the logs) are rebuilt at start and never pickled. The file is written every
``FLUSH_SECONDS`` and when the bot stops; a crash loses at most that much.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

from telegram.ext import PersistenceInput, PicklePersistence

from bot.errors import BotError

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 10.0


def pickle_persistence(path: Path) -> PicklePersistence[Any, Any, Any]:
    """The persistence for ``path``: chat and user data, and conversations (``/addfact``), written in
    one file on ``flush`` rather than once per changed chat. A file that cannot be read (damaged, or
    from another program) is moved aside, with a warning, rather than stopping the bot from starting."""
    if not readable(path):
        aside = path.with_name(path.name + ".unreadable")
        try:
            os.replace(path, aside)
        except OSError as error:
            raise BotError(
                f"the state file {path} cannot be read, nor moved aside ({error.strerror or error}): "
                "delete it, or set BOT_PERSISTENCE to another file or to off"
            ) from None
        logger.warning("The state file %s could not be read: moved to %s; starting with no saved state", path, aside)
    return PicklePersistence(
        path,
        store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=True, callback_data=False),
        on_flush=True,
        update_interval=FLUSH_SECONDS,
    )


class _Reader(pickle.Unpickler):
    """Reads a state file as the library wrote it, without a bot to put back in (``persistent_id``)."""

    def persistent_load(self, pid: Any) -> None:
        return None


def readable(path: Path) -> bool:
    """Whether ``path`` is missing (a first start) or holds the library's state (chat, user and
    conversation data)."""
    try:
        with path.open("rb") as stream:
            data = _Reader(stream).load()
    except FileNotFoundError:
        return True
    except Exception:  # whatever unpickling a damaged file raises
        return False
    return isinstance(data, dict) and {"user_data", "chat_data", "conversations"} <= data.keys()
