"""What every call to Telegram carries, made safe to send: no secret in it, no text longer than Telegram takes.

The rate limiter hands each call's parameters here before sending (``bot.telegram.limits``),
so no handler can forget: a token quoted by a knowledge file is redacted, and an
answer longer than a message is cut to fit, its HTML kept valid, rather than
refused by Telegram and turned into an apology.
"""

from __future__ import annotations

import re
from typing import Any

from bot.telegram.redact import Redactor

MAX_MESSAGE_CHARS = 4096
"""Telegram's limit on a message's text, counted once the HTML is parsed."""
_CARRIES_THE_SECRET = frozenset({"setWebhook"})  # it tells Telegram the webhook secret: that one is meant
_TEXT_KEYS = ("text", "message_text")
_PIECE = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>|&[#a-zA-Z0-9]+;|.", re.DOTALL)


def prepare(endpoint: str, data: dict[str, Any], redact: Redactor | None) -> None:
    """Redact and fit the call's parameters in place (they are sent from this very dict)."""
    html = data.get("parse_mode") == "HTML"
    for key, value in data.items():
        if redact is not None and endpoint not in _CARRIES_THE_SECRET:
            value = redact.deep(value)
        data[key] = _fitted(value, html=html) if key in (*_TEXT_KEYS, "results") else value


def _fitted(value: Any, *, html: bool) -> Any:
    """Texts cut to ``MAX_MESSAGE_CHARS``, through the inline results' message contents too."""
    if isinstance(value, str):
        return fit_html(value) if html else _fit_plain(value)
    if isinstance(value, list):
        return [_fitted(item, html=html) for item in value]
    if isinstance(value, dict):
        inner = value.get("parse_mode") == "HTML"
        return {
            key: _fitted(item, html=inner) if key in (*_TEXT_KEYS, "input_message_content") else item
            for key, item in value.items()
        }
    return value


def _fit_plain(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fit_html(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut to at most ``limit`` shown characters, ending with "…", every tag it opened closed."""
    pieces = list(_PIECE.finditer(text))
    if sum(1 for piece in pieces if not piece.group(2)) <= limit:
        return text
    shown = 0
    opened: list[str] = []
    kept: list[str] = []
    for piece in pieces:
        closing, tag = piece.group(1), piece.group(2)
        if tag:
            if not closing:
                opened.append(tag.lower())
            elif opened and opened[-1] == tag.lower():
                opened.pop()
        elif shown == limit - 1:
            break
        else:
            shown += 1
        kept.append(piece.group(0))
    return "".join(kept) + "…" + "".join(f"</{tag}>" for tag in reversed(opened))
