"""Reading the files a knowledge names, and the knowledge file itself, only when they are what they claim.

A knowledge file is edited by maintainers and reloaded live, and its article is
shown to any user through /source: so ``article:`` must name a small regular
UTF-8 text file beside the knowledge (the folder that holds the knowledge's
folder, or one ``BOT_ARTICLE_DIRS`` names), never ``/proc/self/environ`` or a
device. Everything is checked on the file's metadata before a byte is read, so
a FIFO cannot hang a reader and ``/dev/zero`` cannot fill the memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

MAX_ARTICLE_BYTES = 1_000_000
MAX_KNOWLEDGE_BYTES = 200_000_000
"""A knowledge of 100,000 facts takes about 50 MB."""
ARTICLE_DIRS_VARIABLE = "BOT_ARTICLE_DIRS"


class Refused(Exception):
    """A file that must not be read; the message says why and how to fix it."""


def regular_file(path: Path, *, limit: int, what: str) -> int:
    """The size of ``path`` (symlinks followed) when it is a regular file of at most ``limit`` bytes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise Refused(f"cannot read {what} {path} (no such file)") from None
    except OSError as error:
        raise Refused(f"cannot read {what} {path} ({error.strerror or error})") from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"{what} {path} is not a regular file (a folder, a device or a pipe); name a text file")
    if info.st_size > limit:
        raise Refused(f"{what} {path} is larger than {limit:,} bytes")
    return info.st_size


_SYSTEM = tuple(Path(folder) for folder in ("/etc", "/proc", "/sys", "/dev", "/boot", "/run", "/root"))
"""The system's folders: an article found through the file system's root (``/tmp/facts.yaml``, or a project
copied to ``/``) is never in one of them."""


def article_roots(knowledge_path: Path) -> list[Path]:
    """Where a knowledge's article may be: the folder holding the knowledge's folder, and ``BOT_ARTICLE_DIRS``."""
    roots = [knowledge_path.resolve().parent.parent]
    extra = os.environ.get(ARTICLE_DIRS_VARIABLE, "")
    roots += [Path(folder).resolve() for folder in extra.split(os.pathsep) if folder.strip()]
    return roots


def within(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``path`` lies inside one of ``roots`` (the folders an article may be in), links resolved; through
    the file system's root, never inside a system folder (``/etc/passwd``, ``/proc/self/environ``)."""
    resolved = path.resolve()
    system = any(resolved.is_relative_to(folder) for folder in _SYSTEM)
    return any(resolved.is_relative_to(root) and not (system and root == root.parent) for root in roots)


def read_article(path: Path, roots: Sequence[Path]) -> str:
    """The article's text, once it proved a small UTF-8 text file inside one of ``roots``."""
    resolved = path.resolve()
    if not within(resolved, roots):
        allowed = ", ".join(str(root) for root in roots)
        raise Refused(
            f"the article {path} is outside the folders an article may be in ({allowed}); move it there, "
            f"or name its folder in {ARTICLE_DIRS_VARIABLE}"
        )
    return read_text(resolved, limit=MAX_ARTICLE_BYTES, what="the article")


def read_text(path: Path, *, limit: int, what: str) -> str:
    """A regular UTF-8 text file of at most ``limit`` bytes, without NUL bytes."""
    regular_file(path, limit=limit, what=what)
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"{what} {path} is larger than {limit:,} bytes")
    if b"\x00" in data:
        raise Refused(f"{what} {path} holds NUL bytes: it is not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(f"{what} {path} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
