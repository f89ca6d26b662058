"""Shared fixtures: the real knowledge, a Telegram application wired to a fake Bot API, tricky knowledge."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import TOKEN, FakeBotApi, FakeRequest

from bot.answerer import Answerer
from bot.knowledge.model import Knowledge
from bot.knowledge.reading import load

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_PATH = ROOT / "knowledge" / "facts.yaml"


@pytest.fixture(autouse=True)
def unanswered_log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's default unanswered log is in its own tmp folder, never in the repository's knowledge folder."""
    path = tmp_path / "unanswered.jsonl"
    monkeypatch.setenv("BOT_UNANSWERED_LOG", str(path))
    return path


@pytest.fixture(autouse=True)
def load_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's load cache is in its own tmp folder, never in the user's ~/.cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of the real knowledge and its article, laid out alike so ``article: ../seeds/article.txt`` holds."""
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "article.txt", tmp_path / "seeds" / "article.txt")
    shutil.copy(KNOWLEDGE_PATH, tmp_path / "knowledge" / "facts.yaml")
    return tmp_path / "knowledge" / "facts.yaml"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load(KNOWLEDGE_PATH)


@pytest.fixture
def answerer(knowledge: Knowledge) -> Answerer:
    return Answerer(knowledge)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """The fake Bot API; a test fails if the bot called a method the fake does not know."""
    fake = FakeBotApi()
    yield fake
    assert fake.unexpected == [], f"unexpected Bot API calls: {fake.unexpected}"


@pytest.fixture
async def app(api: FakeBotApi, answerer: Answerer) -> AsyncIterator[Any]:
    """The real application (handlers, rate limiter, bot_data) talking to the fake API in process."""
    from bot.telegram.app import build_application

    application = build_application(TOKEN, answerer, request=FakeRequest(api))
    async with application:
        yield application


@pytest.fixture
def tricky_knowledge_path(tmp_path: Path) -> Path:
    """A knowledge file whose article and answers hold HTML's special characters."""
    (tmp_path / "article.txt").write_text(
        'Tom & Jerry signed the <treaty> on Monday.\nThe ceremony took place in "Paris" at noon.\n',
        encoding="utf-8",
    )
    path = tmp_path / "facts.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            article: article.txt
            facts:
              - id: treaty-signing
                en:
                  answer: Tom & Jerry signed the <treaty> on Monday.
                  questions: [Who signed the treaty?, When was the treaty signed?]
                fr:
                  answer: Tom & Jerry ont signé le <traité> lundi.
                  questions: [Qui a signé le traité ?]
                source:
                  - "Tom & Jerry signed the <treaty> on Monday."
              - id: ceremony-place
                en:
                  answer: The ceremony took place in "Paris" at noon.
                  questions: [Where was the ceremony?]
                fr:
                  answer: La cérémonie a eu lieu à « Paris » à midi.
                  questions: [Où était la cérémonie ?]
                source:
                  - The ceremony took place in "Paris" at noon.
            """
        ),
        encoding="utf-8",
    )
    return path
