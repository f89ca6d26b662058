"""State that survives a restart: python-telegram-bot's PicklePersistence, of chats' and users' data only.

What a chat or a user is in the middle of lives in their data: the topic a follow-up refers to
(``chat_data``), an admin's ``/addfact`` draft and its step, the questions behind recent answers
for 👎, and each user's flood-control window (``user_data``). The bot's shared objects
(the answerer, the logs) are rebuilt at start and never pickled. The file is written every
``FLUSH_SECONDS`` and when the bot stops; a crash loses at most that much.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram.ext import PersistenceInput, PicklePersistence

FLUSH_SECONDS = 10.0


def pickle_persistence(path: Path) -> PicklePersistence[Any, Any, Any]:
    """The persistence for ``path``: chat and user data, and conversations (``/addfact``), written in
    one file on ``flush`` rather than once per changed chat."""
    return PicklePersistence(
        path,
        store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=True, callback_data=False),
        on_flush=True,
        update_interval=FLUSH_SECONDS,
    )
