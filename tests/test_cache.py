"""The answerer cache: large knowledge files load from it, any edit rebuilds, and it can never break loading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import bot.cache
from bot.cache import load_answerer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(load_cache_folder: Path) -> Path:
    """The folder conftest points BOT_CACHE_DIR to."""
    return load_cache_folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every knowledge file actually parsed and indexed (not taken from the cache)."""
    built: list[Path] = []
    real_build = bot.cache._build

    def recording_build(path: Path, score_cutoff: float | None) -> bot.cache.Answerer:
        built.append(path)
        return real_build(path, score_cutoff)

    monkeypatch.setattr(bot.cache, "_build", recording_build)
    return built


def test_knowledge_loads_from_the_cache_the_second_time(knowledge_copy: Path, cache: Path, builds: list[Path]) -> None:
    first = load_answerer(knowledge_copy)
    second = load_answerer(knowledge_copy)
    assert len(builds) == 1 and len(list(cache.glob("*.pickle"))) == 1
    assert second.reply("When is Vostok?").answer == first.reply("When is Vostok?").answer


def test_an_edit_to_the_knowledge_or_the_article_rebuilds(
    knowledge_copy: Path, cache: Path, builds: list[Path]
) -> None:
    load_answerer(knowledge_copy)
    text = knowledge_copy.read_text(encoding="utf-8")
    knowledge_copy.write_text(text.replace("6:38", "6.38 am"), encoding="utf-8")
    assert "6.38 am" in load_answerer(knowledge_copy).reply("When was the article published?").answer
    article = knowledge_copy.parent.parent / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_answerer(knowledge_copy)
    assert len(builds) == 3


def test_a_corrupt_cache_file_is_rebuilt(knowledge_copy: Path, cache: Path, builds: list[Path]) -> None:
    load_answerer(knowledge_copy)
    for cached in cache.glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert load_answerer(knowledge_copy).reply("When is Vostok?").fact_id == "vostok-dates"
    assert len(builds) == 2


def test_bot_cache_dir_off_disables_the_cache(
    knowledge_copy: Path, builds: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BOT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_answerer(knowledge_copy)
    load_answerer(knowledge_copy)
    assert len(builds) == 2 and not (tmp_path / "xdg").exists()


def test_an_identical_copy_elsewhere_is_loaded_as_itself_not_as_the_original(
    knowledge_copy: Path, cache: Path, tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "knowledge" / "facts.yaml"
    other.parent.mkdir(parents=True)
    other.write_bytes(knowledge_copy.read_bytes())
    (tmp_path / "elsewhere" / "seeds").mkdir()
    article = knowledge_copy.parent.parent / "seeds" / "article.txt"
    (tmp_path / "elsewhere" / "seeds" / "article.txt").write_bytes(article.read_bytes())

    assert load_answerer(knowledge_copy).knowledge.path == knowledge_copy
    assert load_answerer(other).knowledge.path == other  # the file a live reload watches and /addfact writes


def test_an_article_change_is_seen_whatever_the_article_line_looks_like(
    knowledge_copy: Path, cache: Path, builds: list[Path]
) -> None:
    text = knowledge_copy.read_text(encoding="utf-8")
    knowledge_copy.write_text(
        text.replace("article: ../seeds/article.txt", "article: '../seeds/article.txt'   # the article"),
        encoding="utf-8",
    )
    load_answerer(knowledge_copy)
    article = knowledge_copy.parent.parent / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
    load_answerer(knowledge_copy)
    assert len(builds) == 2


def test_the_cache_cleans_up_only_its_own_files(knowledge_copy: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    foreign = cache / "someone-elses.pickle"
    foreign.write_bytes(b"not ours")
    interrupted = cache / ".bot-cache-abc123.tmp"
    interrupted.write_bytes(b"half a pickle")
    old = 1_000_000_000
    for path in (foreign, interrupted):
        os.utime(path, (old, old))
    for n in range(5):  # five versions: the oldest cached builds go, the foreign file stays
        text = knowledge_copy.read_text(encoding="utf-8")
        knowledge_copy.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        load_answerer(knowledge_copy)
    assert foreign.exists()
    assert not interrupted.exists()
    assert len(list(cache.glob("*.pickle"))) == 3 + 1


def test_a_cache_folder_others_can_write_to_is_never_read(
    knowledge_copy: Path, cache: Path, builds: list[Path]
) -> None:
    load_answerer(knowledge_copy)
    os.chmod(cache, 0o777)
    load_answerer(knowledge_copy)
    load_answerer(knowledge_copy)
    assert len(builds) == 3


def test_every_file_the_matcher_reads_is_part_of_the_cache_key() -> None:
    """An edit to the general synonyms or a learned decision changes what a cached answerer would answer."""
    package = ROOT / "bot"
    matching = {
        path.relative_to(package).as_posix()
        for path in (package / "matching").iterdir()
        if path.suffix in (".py", ".txt", ".json") and path.name != "__init__.py"
    }
    assert matching <= set(bot.cache._CODE)
