"""Keeping the bot token (and the webhook secret) out of every log line.

python-telegram-bot logs the API URL, which contains the token, at DEBUG; httpx
logs request URLs at INFO; and ``InvalidToken`` quotes the token. Rather than
chase each of them, a filter on the root handlers rewrites every record,
traceback included, before it is written.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from urllib.parse import quote

REDACTED = "[REDACTED]"


class Redactor:
    """Replaces secrets in text, in the forms they take in URLs too."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""))}
        self._forms = sorted(forms, key=len, reverse=True)  # longest first, so no half-replaced form is left

    def __call__(self, text: str) -> str:
        for form in self._forms:
            text = text.replace(form, REDACTED)
        return text


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, traceback and stack with the secrets replaced."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(level: int, secrets: Iterable[str]) -> Redactor:
    """``basicConfig`` for the entry points, with redaction on every root handler.

    httpx logs each request URL at INFO, so it stays at WARNING unless DEBUG is asked for.
    """
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    redact = Redactor(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter(redact))
    logging.getLogger("httpx").setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
    return redact
