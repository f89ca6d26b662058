"""The files a knowledge file names, and the knowledge file itself, are read only when they are what they
claim: a regular UTF-8 text file of bounded size, and for the article, beside the knowledge."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge.files import article_roots, within
from bot.knowledge.reading import check

ROOT = Path(__file__).resolve().parent.parent
FACT = """\
article: {article}
facts:
  - id: opening
    en:
      answer: It opens on Monday.
      questions: [When does it open?]
    source: opens on Monday
"""


def knowledge_with(tmp_path: Path, article: str) -> Path:
    folder = tmp_path / "site" / "knowledge"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "facts.yaml"
    path.write_text(FACT.format(article=article), encoding="utf-8")
    return path


def problems(path: Path) -> str:
    return "\n".join(str(problem) for problem in check(path))


def test_an_article_in_the_folder_above_the_knowledge_is_read(tmp_path: Path) -> None:
    path = knowledge_with(tmp_path, "../seeds/article.txt")
    (tmp_path / "site" / "seeds").mkdir()
    (tmp_path / "site" / "seeds" / "article.txt").write_text("The shop opens on Monday.\n", encoding="utf-8")
    assert check(path) == []


@pytest.mark.parametrize("article", ["/proc/self/environ", "/etc/passwd", "../../../../../../etc/hostname"])
def test_an_article_outside_the_knowledges_folder_is_refused_with_its_line(tmp_path: Path, article: str) -> None:
    found = check(knowledge_with(tmp_path, article))
    assert found and found[0].line == 1
    assert "outside" in found[0].message and "BOT_ARTICLE_DIRS" in found[0].message


def test_a_knowledge_file_one_folder_below_the_root_reaches_no_system_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """For ``/tmp/facts.yaml`` or a project copied to ``/``, the folder above the knowledge's folder is ``/``: its
    articles may be anywhere but in the system's folders."""
    monkeypatch.delenv("BOT_ARTICLE_DIRS", raising=False)
    assert not within(Path("/etc/passwd"), article_roots(Path("/tmp/facts.yaml")))
    assert not within(Path("/proc/self/environ"), article_roots(Path("/knowledge/facts.yaml")))
    assert within(Path("/seeds/article.txt"), article_roots(Path("/knowledge/facts.yaml")))  # a project at /
    assert within(Path("/srv/site/seeds/article.txt"), article_roots(Path("/srv/site/knowledge/facts.yaml")))


def test_a_symlink_to_a_file_outside_is_refused_like_the_file(tmp_path: Path) -> None:
    path = knowledge_with(tmp_path, "article.txt")
    (path.parent / "article.txt").symlink_to("/etc/hostname")
    assert "outside" in problems(path)


def test_a_folder_named_by_bot_article_dirs_is_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "article.txt").write_text("The shop opens on Monday.\n", encoding="utf-8")
    path = knowledge_with(tmp_path, str(shared / "article.txt"))
    assert "outside" in problems(path)
    monkeypatch.setenv("BOT_ARTICLE_DIRS", str(shared))
    assert check(path) == []


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.mkdir(), "not a regular file"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
        (lambda p: p.write_bytes(b"\xff\xfe not utf-8 \x80"), "UTF-8"),
        (lambda p: p.write_bytes(b"opens on Monday\x00 and more"), "NUL"),
        (lambda p: p.write_bytes(b"opens on Monday. " * 70_000), "larger than"),
    ],
    ids=["directory", "fifo", "device", "binary", "nul", "huge"],
)
def test_an_article_that_is_no_small_text_file_is_refused_without_being_read(
    tmp_path: Path, make: object, says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_ARTICLE_DIRS", "/dev")  # so that a device is refused for what it is
    path = knowledge_with(tmp_path, "article.txt")
    make(path.parent / "article.txt")  # type: ignore[operator]
    assert says in problems(path)


@pytest.mark.parametrize(
    "make",
    [lambda p: p.mkdir(), lambda p: p.symlink_to("/dev/urandom"), lambda p: os.mkfifo(p)],
    ids=["directory", "device", "fifo"],
)
def test_ask_and_check_refuse_a_knowledge_path_that_is_no_regular_file_in_one_line(
    tmp_path: Path, make: object
) -> None:
    path = tmp_path / "facts.yaml"
    make(path)  # type: ignore[operator]
    for command in (["ask", "--knowledge", str(path), "when?"], ["facts", "check", "--knowledge", str(path)]):
        done = subprocess.run(
            [sys.executable, "-m", "bot", *command], capture_output=True, text=True, timeout=30, cwd=ROOT
        )
        assert done.returncode == 1, done
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
