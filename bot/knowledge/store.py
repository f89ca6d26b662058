"""Changing the knowledge file safely: lock, round-trip edit, validate, back up, rename.

Maintainers edit the file by hand and admins add facts from Telegram, maybe both
at once, so every change holds an exclusive lock for its whole read-modify-write,
edits the YAML round-trip (comments, folded answers and flow lists survive),
validates the result with the same checks as ``facts check``, keeps the previous
version as ``<file>.bak``, and renames a complete temporary file into place so a
reader never sees half a file. Everything here blocks: call it from async code
with ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import io
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.errors import BotError, KnowledgeError, Problem
from bot.knowledge.model import (
    LANGUAGES,
    Knowledge,
    answer_problem,
    id_problem,
    packaged,
    question_key,
    same_text,
    taken_problem,
    unquoted,
)
from bot.knowledge.reading import check, load

Validator = Callable[[Path], list[Problem]]
Shared = TypeVar("Shared", CommentedMap, CommentedSeq)
Done = TypeVar("Done")
_STALE_SECONDS = 600  # a temporary file this old was left by a write that never finished
_ATTEMPTS = 5  # reads of a file that keeps being edited by hand before giving up


class FactRejected(BotError):
    """A fact that would make the knowledge file invalid; nothing was written."""


class Changed(Exception):
    """The file changed (a hand edit) since it was read; the change was not written over."""


class WriteFailed(BotError):
    """The disk refused the write (full, read-only, no permission); the old file is intact."""


@dataclass(frozen=True)
class Added:
    """What ``add_fact`` changed, so the caller can tell the user."""

    fact_id: str
    lang: str
    created: bool
    questions_added: tuple[str, ...]
    answer_replaced: bool
    source_added: bool
    backup: Path


def lock_path(path: Path) -> Path:
    """The sidecar file locked while ``path`` changes (the file itself is replaced, so it cannot hold the lock)."""
    return path.with_name(path.name + ".lock")


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + ".bak")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` against every other process and thread that uses this function."""
    with open(lock_path(path), "a", encoding="utf-8") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_atomic(
    path: Path,
    text: str,
    *,
    validate: Validator | None = None,
    like: Path | None = None,
    unchanged: bytes | None = None,
) -> None:
    """Replace ``path`` with ``text`` in one rename, after ``validate`` found no problem in it.

    The temporary file sits beside ``path`` so the rename stays on one file
    system and relative paths inside it (``article:``) resolve the same way.
    It gets the permissions of ``like`` (default: ``path``), else 0644. With
    ``unchanged``, the file must still hold those bytes at the last moment, or
    Changed is raised and nothing is written: a hand edit is never lost.
    """
    _remove_leftovers(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = os.stat(like or path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(temp, mode)
        if validate is not None:
            problems = validate(temp)
            if problems:
                raise KnowledgeError([dataclasses.replace(p, path=path) if p.path == temp else p for p in problems])
        if unchanged is not None and path.read_bytes() != unchanged:
            raise Changed(path)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _remove_leftovers(path: Path) -> None:
    """Temporary files that a write of ``path`` (or of its backup) left when it was killed, or the disk full."""
    now = time.time()
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                leftover.unlink()


def add_fact(
    path: str | os.PathLike[str],
    fact_id: str,
    *,
    lang: str,
    answer: str | None = None,
    questions: tuple[str, ...] | list[str] = (),
    source: str | None = None,
) -> Added:
    """Add fact ``fact_id``, or give an existing fact this language's answer and more questions.

    An existing answer in ``lang`` is replaced (the backup keeps the old one), or
    kept when ``answer`` is None; questions are appended unless the fact already
    asks them. Raises FactRejected, or KnowledgeError when the file is already broken.
    """
    fact_id, answer = fact_id.strip(), answer.strip() if answer is not None else None
    questions = tuple(dict.fromkeys(q.strip() for q in questions if q.strip()))
    source = source.strip() if source and source.strip() else None
    _check_input(fact_id, lang, answer)
    target = _target(Path(path))

    def change(knowledge: Knowledge, facts: CommentedSeq, old_text: str) -> Added:
        _check_against(knowledge, fact_id, questions, source)
        node = next((item for item in facts if str(item.get("id", "")).strip() == fact_id), None)
        if node is None:
            if answer is None:
                raise FactRejected(f"there is no fact '{fact_id}' yet: give its answer (--answer) to create it")
            facts.append(_new_fact(fact_id, lang, answer, questions, source))
            if not old_text.endswith("\n\n"):
                facts.yaml_set_comment_before_after_key(len(facts) - 1, before="\n")
            return Added(fact_id, lang, True, questions, False, source is not None, backup_path(target))
        added, replaced = _update_language(node, fact_id, lang, answer, questions)
        return Added(fact_id, lang, False, added, replaced, _add_source(node, source), backup_path(target))

    return _edit(target, change)


def add_questions(path: str | os.PathLike[str], fact_id: str, by_language: Mapping[str, Sequence[str]]) -> list[Added]:
    """Give the existing fact ``fact_id`` more questions in several languages at once: one write and one backup,
    so the backup is the file as it was before, not half changed."""
    fact_id = fact_id.strip()
    asked = {
        lang: tuple(dict.fromkeys(q.strip() for q in questions if q.strip())) for lang, questions in by_language.items()
    }
    for lang in asked:
        _check_input(fact_id, lang, None)
    target = _target(Path(path))

    def change(knowledge: Knowledge, facts: CommentedSeq, old_text: str) -> list[Added]:
        node = next((item for item in facts if str(item.get("id", "")).strip() == fact_id), None)
        if node is None:
            raise FactRejected(f"there is no fact '{fact_id}' yet: give its answer (--answer) to create it")
        done = []
        for lang, questions in asked.items():
            _check_against(knowledge, fact_id, questions, None)
            added, _ = _update_language(node, fact_id, lang, None, questions)
            done.append(Added(fact_id, lang, False, added, False, False, backup_path(target)))
        return done

    return _edit(target, change)


def remove_fact(path: str | os.PathLike[str], fact_id: str) -> Path:
    """Take fact ``fact_id`` out of the file, safely like ``add_fact``; returns where the previous version is."""
    fact_id = fact_id.strip()
    target = _target(Path(path))

    def change(knowledge: Knowledge, facts: CommentedSeq, old_text: str) -> Path:
        index = next((i for i, item in enumerate(facts) if str(item.get("id", "")).strip() == fact_id), None)
        if index is None:
            raise FactRejected(f"there is no fact '{fact_id}'; python -m bot facts list shows the ids")
        if len(facts) == 1:
            raise FactRejected(f"'{fact_id}' is the only fact: a knowledge file needs at least one")
        del facts[index]
        return backup_path(target)

    return _edit(target, change)


def _target(path: Path) -> Path:
    """The file to change: through a symlink, the file it points to; never the copy inside the package."""
    if packaged(path):
        raise FactRejected(
            f"{path} is the copy shipped inside the installed package: copy it and its article first, e.g. "
            f"mkdir -p knowledge seeds && cp {path} knowledge/ && cp {path.parent.parent / 'seeds' / 'article.txt'} "
            "seeds/, then change it there (run from that folder, or set BOT_KNOWLEDGE)"
        )
    return path.resolve()


def _edit(path: Path, change: Callable[[Knowledge, CommentedSeq, str], Done]) -> Done:
    """Change the file's facts as one step: under the lock, from what the file holds now, validated, backed up,
    replaced in one rename; read again and changed again when a hand edit came meanwhile."""
    try:
        for _ in range(_ATTEMPTS):
            with contextlib.suppress(Changed), locked(path):  # edited by hand meanwhile: read it again
                old_bytes = path.read_bytes()
                knowledge = load(path)
                old_text = old_bytes.decode("utf-8")
                yaml = _round_trip()
                data = yaml.load(old_text)
                done = change(knowledge, data["facts"], old_text)
                stream = io.StringIO()
                yaml.dump(data, stream)
                if stream.getvalue() == old_text:  # nothing new: no write, and the last backup stays
                    return done
                write_atomic(backup_path(path), old_text, like=path)
                write_atomic(path, stream.getvalue(), validate=check, unchanged=old_bytes)
                return done
        raise WriteFailed(f"{path} kept changing while it was being changed; nothing was written, try again")
    except OSError as error:
        reason = error.strerror or str(error)
        raise WriteFailed(f"cannot write {path}: {reason}; the knowledge file is unchanged") from error


def _round_trip() -> YAML:
    """A round-trip YAML set up like knowledge/facts.yaml, so untouched parts are written back byte for byte."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _check_input(fact_id: str, lang: str, answer: str | None) -> None:
    bad_id = id_problem(fact_id)
    if bad_id:
        raise FactRejected(bad_id)
    if lang not in LANGUAGES:
        raise FactRejected(f"language {lang!r} is not supported; use one of: {', '.join(LANGUAGES)}")
    bad_answer = answer_problem(answer) if answer is not None else None
    if bad_answer:
        raise FactRejected(bad_answer)


def _check_against(knowledge: Knowledge, fact_id: str, questions: tuple[str, ...], source: str | None) -> None:
    """The checks ``facts check`` would fail on, told in terms of the command's options."""
    if source is not None and not knowledge.quotes(source):
        raise FactRejected(
            f"the source is {unquoted(source, knowledge.article)} ({knowledge.article_path}); "
            "copy the sentence from the article exactly"
        )
    for question in questions:
        other = knowledge.asking(question)
        if other is not None and other.id != fact_id:
            raise FactRejected(taken_problem(question, other.id))


def _new_fact(fact_id: str, lang: str, answer: str, questions: tuple[str, ...], source: str | None) -> CommentedMap:
    node = CommentedMap()
    node["id"] = fact_id
    node[lang] = _language_block(answer, questions)
    node["source"] = CommentedSeq([DoubleQuotedScalarString(source)] if source else [])
    return node


def _language_block(answer: str, questions: tuple[str, ...]) -> CommentedMap:
    block = CommentedMap()
    block["answer"] = answer
    block["questions"] = CommentedSeq(questions)
    return block


def _update_language(
    node: CommentedMap, fact_id: str, lang: str, answer: str | None, questions: tuple[str, ...]
) -> tuple[tuple[str, ...], bool]:
    """Set the answer (None: keep it) and append new questions; the questions added, and whether an answer
    was replaced."""
    block: Any = node.get(lang)
    if isinstance(block, CommentedMap):
        block = node[lang] = _unshared(block)
    if not isinstance(block, CommentedMap):
        if answer is None:
            raise FactRejected(f"fact '{fact_id}' has no {lang} answer yet: give it (--answer) with the questions")
        keys = list(node.keys())
        after = max((keys.index(code) for code in LANGUAGES if code in node), default=keys.index("id"))
        node.insert(after + 1, lang, _language_block(answer, questions))
        return questions, False
    old = block.get("answer")
    replaced = answer is not None and old is not None and " ".join(str(old).split()) != " ".join(answer.split())
    if answer is not None and (replaced or old is None):
        block["answer"] = answer
    existing = block.get("questions")
    existing = block["questions"] = _unshared(existing) if isinstance(existing, CommentedSeq) else CommentedSeq()
    known = {question_key(str(q)) for q in existing}
    added = tuple(q for q in questions if question_key(q) not in known)
    existing.extend(added)
    return added, replaced


def _add_source(node: CommentedMap, source: str | None) -> bool:
    """Append ``source`` to the fact's sources unless it is already there; whether it was added."""
    if source is None:
        return False
    sources: Any = node.get("source")
    if not isinstance(sources, CommentedSeq):
        sources = CommentedSeq([DoubleQuotedScalarString(str(sources))] if sources else [])
    sources = node["source"] = _unshared(sources)
    if any(same_text(source, str(existing)) for existing in sources):
        return False
    sources.append(DoubleQuotedScalarString(source))
    return True


def _unshared(container: Shared) -> Shared:
    """The mapping or list itself, or a copy of it when it carries an anchor: another fact may share it
    through an alias, and a change to this fact must not change that one."""
    anchor = getattr(container, "anchor", None)
    if anchor is None or anchor.value is None:
        return container
    copy = type(container)()
    if isinstance(container, CommentedSeq) and isinstance(copy, CommentedSeq):
        copy.extend(container)
    elif isinstance(container, CommentedMap) and isinstance(copy, CommentedMap):
        copy.update(container)
    if container.fa.flow_style():
        copy.fa.set_flow_style()
    return copy
