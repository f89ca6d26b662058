"""Loading an answerer, with a cache that makes a large knowledge file load in seconds.

Parsing and indexing 100,000 facts takes about 32 s; unpickling the result takes
0.6 s. Even the article's own knowledge loads in 4 ms from the cache against 25 ms
parsed, which is most of what ``ask`` spends before its first answer. The cache
key is a hash of the knowledge file's path and bytes, its article and the code
that reads and indexes them, so any edit to either rebuilds it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
from pathlib import Path

import bot
from bot.answerer import Answerer
from bot.knowledge.bulk import paused_gc

logger = logging.getLogger(__name__)

_KEPT = 3  # cached builds kept: the current knowledge and a couple of recent versions
_CODE = (
    "answerer.py",
    "folding.py",
    "matching/index.py",
    "knowledge/model.py",
    "matching/lexicon.py",
    "matching/matcher.py",
    "knowledge/nodes.py",
    "knowledge/reading.py",
    "matching/decision.json",
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
    return Path(base) / "vostok-article-bot"


def load_answerer(path: str | os.PathLike[str], *, score_cutoff: float | None = None) -> Answerer:
    """The answerer for a knowledge file, from the cache when the file and its article are unchanged."""
    path = Path(path)
    folder = cache_dir()
    if folder is None or not path.is_file():
        return _build(path, score_cutoff)
    cached = folder / f"{_key(path, score_cutoff)}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        with paused_gc(), cached.open("rb") as stream:
            answerer = pickle.load(stream)
        if isinstance(answerer, Answerer):
            return answerer
    answerer = _build(path, score_cutoff)
    _store(folder, cached, answerer)
    return answerer


def _build(path: Path, score_cutoff: float | None) -> Answerer:
    from bot.knowledge.reading import load  # parsing imports yaml: a load from the cache does without

    knowledge = load(path)
    if score_cutoff is None:
        return Answerer(knowledge)
    return Answerer(knowledge, score_cutoff=score_cutoff)


def _key(path: Path, score_cutoff: float | None) -> str:
    """A hash of everything the built answerer depends on."""
    import hashlib

    # the path too: a copy of the same file elsewhere must not be answered as (and watched at) the original
    digest = hashlib.sha256(f"{bot.__version__}:{score_cutoff}:{path.resolve()}".encode())
    digest.update(path.read_bytes())
    digest.update(_article_bytes(path))
    package = Path(bot.__file__).parent
    for name in _CODE:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:32]


def _article_bytes(path: Path) -> bytes:
    """The article a knowledge file names (its top-level ``article:`` line), read without parsing the file."""
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            if line.startswith("article:"):
                relative = line.partition(":")[2].strip().strip("'\"")
                with contextlib.suppress(OSError):
                    return (path.parent / relative).read_bytes()
                break
    return b""


def _store(folder: Path, cached: Path, answerer: Answerer) -> None:
    """Write the cache atomically; a cache that cannot be written is only a slower next start."""
    import tempfile  # here, not at the top: only a first load writes, and `ask` starts faster

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as stream:
            pickle.dump(answerer, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, cached)
        for stale in sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)[:-_KEPT]:
            stale.unlink()
    except OSError as error:
        logger.info("could not write the knowledge cache in %s: %s", folder, error)
