"""Keeping the bot token (and the webhook secret) out of every log line, message and error.

python-telegram-bot logs the API URL, which contains the token, at DEBUG; httpx
logs request URLs at INFO; and ``InvalidToken`` quotes the token. Rather than
chase each of them, a filter on the root handlers rewrites every record,
traceback included, before it is written; every call to Telegram has its
texts redacted before it is sent (``bot.telegram.limits``); and the CLI
redacts the errors it prints.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

REDACTED = "[REDACTED]"
MAX_RECORD_CHARS = 4_000


class Redactor:
    """Replaces secrets in text, in any case and in the forms they take in URLs too.

    Case matters not: python-telegram-bot lower-cases some error messages ("Url
    /bot123456789:aafake.../getme is wrong"), and a token is as good in either.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""))}
        longest_first = sorted(forms, key=len, reverse=True)  # so that no half-replaced form is left
        self._pattern = (
            re.compile("|".join(re.escape(form) for form in longest_first), re.IGNORECASE) if forms else None
        )

    def __call__(self, text: str) -> str:
        return self._pattern.sub(REDACTED, text) if self._pattern else text

    def deep(self, value: Any) -> Any:
        """``value`` with every string in it redacted, through dicts, lists and Telegram objects."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {key: self.deep(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.deep(item) for item in value]
        to_dict = getattr(value, "to_dict", None)  # a Telegram object: a keyboard, an inline result
        return self.deep(to_dict()) if callable(to_dict) else value


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, traceback and stack with the secrets replaced."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if len(message) > MAX_RECORD_CHARS:  # one record must not flood the log, whatever it quotes
            message = message[:MAX_RECORD_CHARS] + f" ... ({len(message) - MAX_RECORD_CHARS:,} characters cut)"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class NetworkLoopFilter(logging.Filter):
    """python-telegram-bot's network loop logs each failure with a traceback, and its final abort too.

    Above DEBUG a failure is one line (the exception's text), and the abort is left
    out: the command then says in one line what went wrong and how to fix it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("telegram") or not record.getMessage().startswith("Network Retry Loop"):
            return True
        if "Aborting" in record.getMessage():
            return False
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.getMessage()}: {record.exc_info[1]!r}"
            record.args = None
        record.exc_info = None
        record.exc_text = None
        return True


def configure_logging(level: int, secrets: Iterable[str]) -> Redactor:
    """``basicConfig`` for the entry points, with redaction on every root handler.

    httpx logs each request URL at INFO, so it stays at WARNING unless DEBUG is asked for;
    above DEBUG, network failures are a line each, without their traceback.
    """
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    redact = Redactor(secrets)
    for handler in logging.getLogger().handlers:
        if level > logging.DEBUG:
            handler.addFilter(NetworkLoopFilter())
        handler.addFilter(RedactingFilter(redact))
    logging.getLogger("httpx").setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
    return redact
