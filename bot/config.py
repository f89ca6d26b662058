"""Settings from environment variables and an optional ``.env`` file, read once at start-up.

The variable names are a contract (automated checks and deployments set them):
``TELEGRAM_BOT_TOKEN``, ``TELEGRAM_API_BASE_URL``, ``BOT_KNOWLEDGE``, ``LOG_LEVEL``,
``WEBHOOK_URL``, ``WEBHOOK_LISTEN``, ``WEBHOOK_PORT``, ``WEBHOOK_SECRET``; and for maintenance
``BOT_ADMIN_IDS``, ``BOT_UNANSWERED_LOG``, ``BOT_STATS_LOG``, ``BOT_RELOAD_SECONDS``; and against abuse
``BOT_FLOOD_LIMIT``, ``BOT_FLOOD_WINDOW`` (per user) and ``BOT_MAX_RATE`` (messages sent per second, overall);
and for conversations ``BOT_CONTEXT_MINUTES`` (how long follow-up questions refer back) and
``BOT_PERSISTENCE`` (the file that keeps chats' state across restarts, or ``off``).
The environment wins over ``.env``, so a deployment can override a developer's file.
Nothing here runs at import: ``load_settings`` is called by the commands that need it.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import BotError
from bot.knowledge.model import DEFAULT_PATH, local_or_packaged, packaged
from bot.upkeep.stats import DEFAULT_PATH as DEFAULT_STATS_PATH
from bot.upkeep.unanswered import DEFAULT_PATH as DEFAULT_UNANSWERED_PATH

ENV_FILE = Path(".env")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_WEBHOOK_LISTEN = "127.0.0.1"
DEFAULT_WEBHOOK_PORT = 8080
DEFAULT_RELOAD_SECONDS = 2.0
DEFAULT_FLOOD_LIMIT = 20
DEFAULT_FLOOD_WINDOW = 60.0
DEFAULT_CONTEXT_MINUTES = 5.0
PERSISTENCE_FILE = "bot-state.pickle"
DEFAULT_MAX_RATE = 30.0
"""Telegram's documented limit for a bot's messages across all chats, per second."""
_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as a webhook secret token
_TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


class ConfigError(BotError):
    """A setting is missing or malformed; the message names the variable and how to fix it."""


@dataclass(frozen=True)
class Webhook:
    """Where the webhook server listens and what Telegram is told to call."""

    url: str
    listen: str
    port: int
    secret: str = field(repr=False)
    secret_generated: bool = False
    """True when WEBHOOK_SECRET was not set and a random one was made for this run."""

    @property
    def path(self) -> str:
        """The path of WEBHOOK_URL, which the local server serves (a proxy forwards it unchanged)."""
        return urlsplit(self.url).path.lstrip("/")


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment."""

    token: str | None = field(default=None, repr=False)
    api_base_url: str | None = None
    knowledge_path: Path = DEFAULT_PATH
    log_level: str = "INFO"
    webhook: Webhook | None = None
    admin_ids: frozenset[int] = frozenset()
    """Telegram user ids allowed to change the knowledge from the chat (ids, never usernames, which change hands)."""
    unanswered_path: Path = DEFAULT_UNANSWERED_PATH
    stats_path: Path = DEFAULT_STATS_PATH
    persistence_path: Path | None = None
    """Where chats' and users' state is kept across restarts (BOT_PERSISTENCE); None: not kept."""
    """Where answered, declined, disputed and liked questions are counted, per fact and day."""
    reload_seconds: float = DEFAULT_RELOAD_SECONDS
    """How often the running bot looks for edits to the knowledge file; 0 turns live reload off."""
    flood_limit: int = DEFAULT_FLOOD_LIMIT
    """Questions one user may ask per ``flood_window`` seconds; 0 turns flood control off."""
    flood_window: float = DEFAULT_FLOOD_WINDOW
    max_rate: float = DEFAULT_MAX_RATE
    """Messages the bot sends per second across all chats (Telegram allows about 30); 0 turns the pacing off."""
    context_minutes: float = DEFAULT_CONTEXT_MINUTES
    """How long a chat remembers its last question for follow-ups ("and when?"); 0 turns follow-ups off."""

    @property
    def log_level_number(self) -> int:
        """The ``logging`` level for LOG_LEVEL."""
        return logging.getLevelNamesMapping()[self.log_level]

    def secrets(self) -> tuple[str, ...]:
        """Values that must never appear in logs or messages."""
        values = [self.token] if self.token else []
        if self.webhook:
            values.append(self.webhook.secret)
        return tuple(values)


def read_env_file(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a .env file; ``#`` comments, ``export`` and quotes allowed.

    A dozen lines rather than a dependency: the bot needs nothing fancier.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path} ({error}); fix or delete it") from error
    values: dict[str, str] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key.isidentifier():
            raise ConfigError(f"{path}:{number}: expected KEY=value")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key] = value
    return values


def load_settings(environ: Mapping[str, str], *, env_file: Path | None = ENV_FILE) -> Settings:
    """Settings from ``environ`` over ``env_file``; raises ConfigError naming the bad variable."""
    values = {**(read_env_file(env_file) if env_file else {}), **environ}

    def get(name: str) -> str | None:
        return values.get(name, "").strip() or None

    token = get("TELEGRAM_BOT_TOKEN")
    if token and not _TOKEN_PATTERN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters); "
            "copy it again from @BotFather"
        )
    api_base_url = get("TELEGRAM_API_BASE_URL")
    if api_base_url and urlsplit(api_base_url).scheme not in ("http", "https"):
        raise ConfigError("TELEGRAM_API_BASE_URL must start with http:// or https://, e.g. http://127.0.0.1:8081/bot")
    knowledge_path = Path(get("BOT_KNOWLEDGE") or local_or_packaged())
    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {_quoted(log_level)}")
    return Settings(
        token=token,
        api_base_url=api_base_url,
        knowledge_path=knowledge_path,
        log_level=log_level,
        webhook=_webhook(get),
        admin_ids=_admin_ids(get("BOT_ADMIN_IDS")),
        unanswered_path=Path(get("BOT_UNANSWERED_LOG") or DEFAULT_UNANSWERED_PATH),
        stats_path=Path(get("BOT_STATS_LOG") or DEFAULT_STATS_PATH),
        persistence_path=_persistence(get("BOT_PERSISTENCE"), knowledge_path),
        reload_seconds=_number(
            "BOT_RELOAD_SECONDS", get, DEFAULT_RELOAD_SECONDS, expected="a number of seconds (0 turns live reload off)"
        ),
        flood_limit=_flood_limit(get("BOT_FLOOD_LIMIT")),
        flood_window=_number(
            "BOT_FLOOD_WINDOW", get, DEFAULT_FLOOD_WINDOW, expected="a number of seconds (0 turns flood control off)"
        ),
        max_rate=_number(
            "BOT_MAX_RATE",
            get,
            DEFAULT_MAX_RATE,
            expected="a number of messages per second (Telegram allows 30; 0 turns the pacing off)",
        ),
        context_minutes=_number(
            "BOT_CONTEXT_MINUTES",
            get,
            DEFAULT_CONTEXT_MINUTES,
            expected="a number of minutes (0 turns follow-up questions off)",
        ),
    )


def _persistence(text: str | None, knowledge_path: Path) -> Path | None:
    """BOT_PERSISTENCE: 'off', a file, or by default ``bot-state.pickle`` beside the knowledge file (in the
    current folder for the packaged knowledge: nothing is written into the installed package)."""
    if text is not None and text.lower() == "off":
        return None
    if text:
        return Path(text)
    return Path(PERSISTENCE_FILE) if packaged(knowledge_path) else knowledge_path.parent / PERSISTENCE_FILE


def _whole(text: str) -> int | None:
    """A whole number written with ASCII digits, of at most 18 of them; None for anything else."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _quoted(text: str) -> str:
    """A value as an error message quotes it: cut, since a value can be a whole file."""
    return repr(text if len(text) <= 40 else text[:40] + "...")


def _admin_ids(text: str | None) -> frozenset[int]:
    ids = set()
    for item in (text or "").split(","):
        item = item.strip()
        if not item:
            continue
        number = _whole(item)
        if number is None:
            raise ConfigError(
                f"BOT_ADMIN_IDS must be numeric Telegram user ids separated by commas, e.g. 12345678,87654321, "
                f"not {_quoted(item)} (usernames can change hands; @userinfobot tells you your id)"
            )
        ids.add(number)
    return frozenset(ids)


def _number(name: str, get: Callable[[str], str | None], default: float, *, expected: str) -> float:
    """A finite number >= 0; ``expected`` says what it means, for the error."""
    text = get(name)
    if text is None:
        return default
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not 0 <= number < float("inf"):
        raise ConfigError(f"{name} must be {expected}, not {_quoted(text)}")
    return number


def _flood_limit(text: str | None) -> int:
    if text is None:
        return DEFAULT_FLOOD_LIMIT
    number = _whole(text)
    if number is None:
        raise ConfigError(
            f"BOT_FLOOD_LIMIT must be a whole number of questions per BOT_FLOOD_WINDOW, e.g. 20 "
            f"(0 turns flood control off), not {_quoted(text)}"
        )
    return number


def _webhook(get: Callable[[str], str | None]) -> Webhook | None:
    url = get("WEBHOOK_URL")
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("WEBHOOK_URL must be a full URL, e.g. https://bot.example.org/telegram/webhook")
    port_text = get("WEBHOOK_PORT") or str(DEFAULT_WEBHOOK_PORT)
    port = _whole(port_text)
    if port is None or not 0 < port < 65536:
        raise ConfigError(f"WEBHOOK_PORT must be a port number (1-65535), not {_quoted(port_text)}")
    secret = get("WEBHOOK_SECRET")
    if secret and not _SECRET_PATTERN.match(secret):
        raise ConfigError("WEBHOOK_SECRET may only use letters, digits, '_' and '-' (1-256 characters)")
    return Webhook(
        url=url,
        listen=get("WEBHOOK_LISTEN") or DEFAULT_WEBHOOK_LISTEN,
        port=port,
        secret=secret or secrets.token_urlsafe(32),
        secret_generated=secret is None,
    )
