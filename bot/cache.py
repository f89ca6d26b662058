"""Loading an answerer, with a cache that makes a large knowledge file load in seconds.

Parsing and indexing 100,000 facts takes about 30 s; unpickling the result takes
0.7 s. Even the article's own knowledge loads in 4 ms from the cache against 25 ms
parsed, which is most of what ``ask`` spends before its first answer. The cache
file is named by a hash of the knowledge file's path and bytes and of the code
that reads and indexes them, and holds the article's path (as the reader
resolved it) and hash beside the answerer: any edit to either rebuilds it.
A cache folder that others can write to is never read, since unpickling runs
what the file says; only the bot's own files there are ever deleted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import re
import stat
import time
from pathlib import Path

import bot
from bot.answerer import Answerer
from bot.knowledge import files
from bot.knowledge.bulk import paused_gc

logger = logging.getLogger(__name__)

_KEPT = 3  # cached builds kept: the current knowledge and a couple of recent versions
_OWN = re.compile(r"^[0-9a-f]{32}\.pickle$")  # the bot's cache files; anything else in the folder is left alone
_TEMP_PREFIX = ".bot-cache-"
_STALE_SECONDS = 600  # a temporary file this old was left by a write that never finished
_CODE = (
    "answerer.py",
    "folding.py",
    "matching/index.py",
    "knowledge/model.py",
    "matching/lexicon.py",
    "matching/matcher.py",
    "knowledge/nodes.py",
    "knowledge/reading.py",
    "matching/bilingual.py",
    "matching/bilingual.txt",
    "matching/decision.json",
    "matching/decision-sparse.json",
    "matching/decision.py",
    "replies.py",
    "matching/spelling.py",
    "matching/text.py",
)


def cache_dir() -> Path | None:
    """``$BOT_CACHE_DIR`` (``off`` disables the cache), else the user's cache folder."""
    configured = os.environ.get("BOT_CACHE_DIR")
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "article-bot"


def load_answerer(path: str | os.PathLike[str], *, score_cutoff: float | None = None) -> Answerer:
    """The answerer for a knowledge file, from the cache when the file and its article are unchanged."""
    path = Path(path)
    folder = _private(cache_dir())
    if folder is None or not path.is_file():
        return _build(path, score_cutoff)
    cached = folder / f"{_key(path, score_cutoff)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        with paused_gc(), cached.open("rb") as stream:
            article_path, article_hash, answerer = pickle.load(stream)
        if isinstance(answerer, Answerer) and _hash(Path(article_path)) == article_hash:
            return answerer
    answerer = _build(path, score_cutoff)
    article = answerer.knowledge.article_path.resolve()
    _store(folder, cached, (str(article), _hash(article), answerer))
    return answerer


def _private(folder: Path | None) -> Path | None:
    """The cache folder, made if needed; None when others could write to it (its files would be trusted)."""
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError as error:
        logger.info("not using the knowledge cache in %s: %s", folder, error)
        return None
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        logger.warning("not using the knowledge cache in %s: other users can write to it (chmod 700 it)", folder)
        return None
    return folder


def _build(path: Path, score_cutoff: float | None) -> Answerer:
    from bot.knowledge.reading import load  # parsing imports yaml: a load from the cache does without

    knowledge = load(path)
    if score_cutoff is None:
        return Answerer(knowledge)
    return Answerer(knowledge, score_cutoff=score_cutoff)


def _key(path: Path, score_cutoff: float | None) -> str:
    """A hash of everything the built answerer depends on but its article (checked when loading)."""
    import hashlib

    # the path too: a copy of the same file elsewhere must not be answered as (and watched at) the original
    digest = hashlib.sha256(f"{bot.__version__}:{score_cutoff}:{path.resolve()}".encode())
    digest.update(path.read_bytes())
    package = Path(bot.__file__).parent
    for name in _CODE:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:32]


def _hash(article: Path) -> str:
    """The article's content hash; a changed, missing or unreadable article never matches a cached one."""
    import hashlib

    try:
        return hashlib.sha256(
            files.read_text(article, limit=files.MAX_ARTICLE_BYTES, what="the article").encode()
        ).hexdigest()
    except (OSError, files.Refused):
        return ""


def _store(folder: Path, cached: Path, entry: tuple[str, str, Answerer]) -> None:
    """Write the cache atomically; a cache that cannot be written is only a slower next start."""
    import tempfile  # here, not at the top: only a first load writes, and `ask` starts faster

    try:
        _clean(folder)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=_TEMP_PREFIX, suffix=".tmp", delete=False) as stream:
            try:
                pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                os.unlink(stream.name)
                raise
        os.replace(stream.name, cached)
        own = [p for p in folder.glob("*.pickle") if _OWN.match(p.name)]
        for stale in sorted(own, key=lambda p: p.stat().st_mtime)[:-_KEPT]:
            stale.unlink()
    except OSError as error:
        logger.info("could not write the knowledge cache in %s: %s", folder, error)


def _clean(folder: Path) -> None:
    """Remove temporary files an interrupted write left (a full disk, a killed process)."""
    now = time.time()
    for leftover in folder.glob(f"{_TEMP_PREFIX}*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                leftover.unlink()
