"""Settings: environment over .env, the contract's variable names, and clear errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, read_env_file
from bot.telegram.redact import REDACTED, RedactingFilter, Redactor

TOKEN = "123456:ABC-def_ghi"


def test_nothing_set_means_no_token_polling_and_the_default_knowledge(tmp_path: Path) -> None:
    settings = load_settings({}, env_file=tmp_path / ".env")

    assert settings.token is None
    assert settings.webhook is None
    assert settings.knowledge_path == Path("knowledge/facts.yaml")
    assert settings.log_level_number == logging.INFO


def test_the_environment_wins_over_the_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# settings\nexport TELEGRAM_BOT_TOKEN='111:fromfile'\nBOT_KNOWLEDGE=k.yaml  # a comment\nLOG_LEVEL=debug\n"
    )

    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=env_file)

    assert settings.token == TOKEN
    assert settings.knowledge_path == Path("k.yaml")
    assert settings.log_level == "DEBUG"


def test_the_env_file_reads_quotes_comments_and_export(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text('A="x # not a comment"\n\n# c\nexport B=y\nC=\n')

    assert read_env_file(env_file) == {"A": "x # not a comment", "B": "y", "C": ""}


def test_a_malformed_env_file_line_names_its_line(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("A=1\nthis is not a setting\n")

    with pytest.raises(ConfigError, match=r"\.env:2"):
        read_env_file(env_file)


def test_the_token_is_never_in_the_settings_repr() -> None:
    settings = load_settings(
        {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://x.org/h", "WEBHOOK_SECRET": "s3"}, env_file=None
    )

    assert TOKEN not in repr(settings) and "s3" not in repr(settings).replace("https", "")


def test_webhook_settings_default_to_localhost_and_serve_the_urls_path() -> None:
    settings = load_settings(
        {"WEBHOOK_URL": "https://bot.example.org/tg/hook", "WEBHOOK_SECRET": "abc_-1"}, env_file=None
    )

    assert settings.webhook is not None
    assert (settings.webhook.listen, settings.webhook.port) == ("127.0.0.1", 8080)
    assert settings.webhook.path == "tg/hook"
    assert settings.webhook.secret == "abc_-1"
    assert settings.secrets() == ("abc_-1",)


def test_a_webhook_without_a_secret_gets_a_random_one() -> None:
    first = load_settings({"WEBHOOK_URL": "https://x.org/h"}, env_file=None).webhook
    second = load_settings({"WEBHOOK_URL": "https://x.org/h"}, env_file=None).webhook

    assert first and second and first.secret_generated
    assert first.secret != second.secret and len(first.secret) >= 32


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_API_BASE_URL": "127.0.0.1:8081/bot"}, "TELEGRAM_API_BASE_URL"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"WEBHOOK_URL": "bot.example.org/hook"}, "WEBHOOK_URL"),
        ({"WEBHOOK_URL": "https://x.org/h", "WEBHOOK_PORT": "http"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_URL": "https://x.org/h", "WEBHOOK_SECRET": "has spaces"}, "WEBHOOK_SECRET"),
        ({"BOT_FLOOD_LIMIT": "twenty"}, "BOT_FLOOD_LIMIT"),
        ({"BOT_FLOOD_LIMIT": "-1"}, "BOT_FLOOD_LIMIT"),
        ({"BOT_FLOOD_LIMIT": "2.5"}, "BOT_FLOOD_LIMIT"),
        ({"BOT_FLOOD_WINDOW": "a minute"}, "BOT_FLOOD_WINDOW"),
        ({"BOT_FLOOD_WINDOW": "-60"}, "BOT_FLOOD_WINDOW"),
        ({"BOT_MAX_RATE": "fast"}, "BOT_MAX_RATE"),
        ({"BOT_MAX_RATE": "inf"}, "BOT_MAX_RATE"),
    ],
)
def test_a_bad_setting_is_an_error_naming_the_variable(variables: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(variables, env_file=None)


def test_redaction_covers_messages_arguments_and_tracebacks() -> None:
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s", (f"https://h/bot{TOKEN}/getMe",), None)
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected")
    except RuntimeError as error:
        record.exc_info = (type(error), error, error.__traceback__)

    RedactingFilter(Redactor([TOKEN])).filter(record)
    formatted = logging.Formatter().format(record)

    assert TOKEN not in formatted
    assert f"bot{REDACTED}/getMe" in formatted and "was rejected" in formatted


def test_redaction_covers_the_url_encoded_form() -> None:
    assert Redactor([TOKEN])(f"x={TOKEN.replace(':', '%3A')}") == f"x={REDACTED}"


@pytest.mark.parametrize(
    "text",
    [
        f"Url /bot{TOKEN.lower()}/getme is wrong",
        f"URL /BOT{TOKEN.upper()}/GETME",
        f"x={TOKEN.lower().replace(':', '%3a')}",
        f"x={TOKEN.upper().replace(':', '%3A')}",
    ],
    ids=["lower", "upper", "encoded lower", "encoded upper"],
)
def test_redaction_ignores_case_in_every_form(text: str) -> None:
    redacted = Redactor([TOKEN])(text)
    assert REDACTED in redacted
    assert TOKEN.split(":")[1].casefold() not in redacted.casefold()


def test_admin_ids_are_numbers_separated_by_commas_and_default_to_nobody() -> None:
    assert load_settings({}, env_file=None).admin_ids == frozenset()
    assert load_settings({"BOT_ADMIN_IDS": " 12345, 678 ,"}, env_file=None).admin_ids == {12345, 678}


@pytest.mark.parametrize("value", ["@ada", "12345,ada", "-5", "1.5"])
def test_an_admin_given_by_name_or_a_malformed_id_is_an_error_saying_to_use_numeric_ids(value: str) -> None:
    with pytest.raises(ConfigError, match="BOT_ADMIN_IDS must be numeric Telegram user ids"):
        load_settings({"BOT_ADMIN_IDS": value}, env_file=None)


def test_reload_every_two_seconds_by_default_zero_turns_it_off_and_nonsense_is_an_error() -> None:
    assert load_settings({}, env_file=None).reload_seconds == 2
    assert load_settings({"BOT_RELOAD_SECONDS": "0"}, env_file=None).reload_seconds == 0
    assert load_settings({"BOT_RELOAD_SECONDS": "0.5"}, env_file=None).reload_seconds == 0.5
    for bad in ("soon", "-1", "nan", "inf"):
        with pytest.raises(ConfigError, match="BOT_RELOAD_SECONDS"):
            load_settings({"BOT_RELOAD_SECONDS": bad}, env_file=None)


def test_the_unanswered_log_defaults_to_the_knowledge_folder_and_can_be_moved() -> None:
    assert load_settings({}, env_file=None).unanswered_path == Path("knowledge/unanswered.jsonl")
    assert load_settings({"BOT_UNANSWERED_LOG": "/var/log/q.jsonl"}, env_file=None).unanswered_path == Path(
        "/var/log/q.jsonl"
    )


def test_the_chats_state_is_kept_beside_the_knowledge_by_default_elsewhere_when_told_and_off_on_request(
    tmp_path: Path,
) -> None:
    knowledge = str(tmp_path / "kb" / "facts.yaml")
    assert load_settings({"BOT_KNOWLEDGE": knowledge}, env_file=None).persistence_path == tmp_path / "kb" / (
        "bot-state.pickle"
    )
    assert load_settings({"BOT_PERSISTENCE": "/srv/state.pickle"}, env_file=None).persistence_path == Path(
        "/srv/state.pickle"
    )
    assert load_settings({"BOT_PERSISTENCE": "OFF"}, env_file=None).persistence_path is None


def test_the_packaged_knowledge_keeps_its_state_in_the_current_folder_not_in_the_package() -> None:
    import bot

    inside = Path(bot.__file__).parent / "data" / "knowledge" / "facts.yaml"  # (a checkout links it elsewhere)
    settings = load_settings({"BOT_KNOWLEDGE": str(inside.parent / "another.yaml")}, env_file=None)
    assert settings.persistence_path == Path("bot-state.pickle")


def test_follow_ups_refer_back_five_minutes_by_default_zero_turns_them_off() -> None:
    assert load_settings({}, env_file=None).context_minutes == 5
    assert load_settings({"BOT_CONTEXT_MINUTES": "0"}, env_file=None).context_minutes == 0
    with pytest.raises(ConfigError, match="BOT_CONTEXT_MINUTES"):
        load_settings({"BOT_CONTEXT_MINUTES": "soon"}, env_file=None)


def test_usage_counts_default_to_the_knowledge_folder_and_can_be_moved() -> None:
    assert load_settings({}, env_file=None).stats_path == Path("knowledge/stats.jsonl")
    assert load_settings({"BOT_STATS_LOG": "/var/log/s.jsonl"}, env_file=None).stats_path == Path("/var/log/s.jsonl")


def test_flood_control_defaults_to_twenty_questions_a_minute_and_zero_turns_it_off() -> None:
    default = load_settings({}, env_file=None)
    assert (default.flood_limit, default.flood_window) == (20, 60)

    custom = load_settings({"BOT_FLOOD_LIMIT": "5", "BOT_FLOOD_WINDOW": "10.5"}, env_file=None)
    assert (custom.flood_limit, custom.flood_window) == (5, 10.5)
    assert load_settings({"BOT_FLOOD_LIMIT": "0"}, env_file=None).flood_limit == 0


def test_sending_is_paced_at_telegrams_thirty_messages_a_second_unless_told_otherwise() -> None:
    assert load_settings({}, env_file=None).max_rate == 30
    assert load_settings({"BOT_MAX_RATE": "0"}, env_file=None).max_rate == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BOT_ADMIN_IDS", "١٢٣٤"),
        ("BOT_ADMIN_IDS", "9" * 5000),
        ("BOT_FLOOD_LIMIT", "٢٠"),
        ("BOT_FLOOD_LIMIT", "9" * 5000),
        ("WEBHOOK_PORT", "٨٠٨٠"),
        ("WEBHOOK_PORT", "9" * 5000),
        ("BOT_FLOOD_WINDOW", "9" * 5000),
    ],
    ids=["admin arabic", "admin huge", "flood arabic", "flood huge", "port arabic", "port huge", "window huge"],
)
def test_numbers_in_other_scripts_or_thousands_of_digits_are_one_clear_error(name: str, value: str) -> None:
    variables = {"WEBHOOK_URL": "https://bot.example.org/hook", name: value}
    with pytest.raises(ConfigError, match=name) as caught:
        load_settings(variables, env_file=None)
    assert len(str(caught.value)) < 400


def test_a_log_record_is_cut_to_a_few_thousand_characters() -> None:
    record = logging.LogRecord("bot", logging.WARNING, __file__, 1, "problems: %s", ("x" * 100_000,), None)
    RedactingFilter(Redactor([TOKEN])).filter(record)
    assert len(record.getMessage()) < 5_000 and "characters cut" in record.getMessage()


def test_a_maintainer_in_an_articles_folder_gets_its_facts_yaml_not_the_packaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts.yaml").write_text("facts: []\n", encoding="utf-8")
    assert load_settings({}, env_file=None).knowledge_path == Path("facts.yaml")
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "facts.yaml").write_text("facts: []\n", encoding="utf-8")
    assert load_settings({}, env_file=None).knowledge_path == Path("knowledge/facts.yaml")  # the bot's layout first
