"""Reading a knowledge file: YAML nodes (``bot.knowledge.nodes``) validated into facts, every problem with its line.

The file is validated from nodes rather than from plain Python values, so every
problem carries its line, duplicate keys are caught (plain YAML loading silently
keeps the last one), and scalars keep the text the maintainer wrote (``yes``
stays the word "yes"). The facts are read one at a time as the parser reaches
them: the node tree of a 100,000-fact file made by PyYAML took 900 MB, while
loading that file now peaks at 280 MB (the facts themselves are most of it).
Kept apart from ``bot.knowledge.model`` so that loading a cached answerer does not
import yaml.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import yaml

from bot.errors import KnowledgeError, Problem
from bot.knowledge import files, nodes
from bot.knowledge.bulk import paused_gc
from bot.knowledge.model import (
    LANGUAGES,
    Fact,
    Knowledge,
    id_problem,
    question_key,
    quoting,
    taken_problem,
    unquoted,
)

_TOP_FIELDS = {"article", "synonyms", "facts", "title", "about", "url", "published", "publisher"}
_EXPANSION_SLACK = 10_000  # values a small file may stand for through its aliases, whatever its size
_OTHER_UNICODE = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # libyaml reads them, the round-trip writer does not
_FACT_FIELDS = {"id", "source", "keywords", *LANGUAGES}
_LANG_FIELDS = {"answer", "questions"}


def load(path: str | os.PathLike[str]) -> Knowledge:
    """Load and validate a knowledge file; raises KnowledgeError listing every problem."""
    knowledge, problems = read(Path(path))
    if problems or knowledge is None:
        raise KnowledgeError(problems)
    return knowledge


def check(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a knowledge file, each with its line; empty when it is valid."""
    return read(Path(path))[1]


def read(path: Path) -> tuple[Knowledge | None, list[Problem]]:
    """The knowledge in a file and every problem found in it (the knowledge is None when there is any)."""
    if not path.exists() and not path.is_symlink():
        return None, [Problem(path, 0, "file not found; pass --knowledge PATH or set BOT_KNOWLEDGE")]
    try:
        size = files.regular_file(path, limit=files.MAX_KNOWLEDGE_BYTES, what="the knowledge file")
        stream = path.open("rb")  # parsed as it is read: a 50 MB file is never in memory whole
        if stream.peek(4)[:4].startswith(_OTHER_UNICODE) or b"\x00" in stream.peek(4)[:4]:
            stream.close()
            raise files.Refused(f"the knowledge file {path} is UTF-16 or UTF-32 text; save it as UTF-8")
    except files.Refused as refused:
        return None, [Problem(path, 0, str(refused))]
    except OSError as error:
        return None, [Problem(path, 0, f"cannot read the file ({error})")]
    with stream, paused_gc():
        try:
            budget = _EXPANSION_SLACK + 2 * size  # aliases may at most double what the file writes out
            return _Reader(path).read(nodes.Events(stream, lazy_key="facts", budget=budget).document())
        except OSError as error:
            return None, [Problem(path, 0, f"cannot read the file ({error})")]
        except yaml.reader.ReaderError as error:
            return None, [Problem(path, 0, f"cannot read the file: it is not UTF-8 text (byte {error.position})")]
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else 0
            return None, [Problem(path, line, f"not valid YAML: {error.problem or error}{_hint(error.problem)}")]
        except nodes.Unreadable as error:
            return None, [Problem(path, error.line + 1, f"not valid YAML: {error}")]
        except yaml.YAMLError as error:
            return None, [Problem(path, 0, f"not valid YAML: {error}")]


_QUOTING_HINT = (
    '; a text holding ": " or opening with a quote must be written whole in double quotes, with \\" for a quote'
    ' inside: answer: "He added: \\"it works\\"."'
)
_UNQUOTED = ("mapping values are not allowed", "did not find expected", "expected <block end>")
"""How PyYAML (and libyaml) report a text that needed quotes."""


def _hint(problem: str | None) -> str:
    """How to fix the YAML mistake maintainers make most, which the parser reports in its own terms."""
    return _QUOTING_HINT if (problem or "").startswith(_UNQUOTED) else ""


class _Reader:
    """Walks the YAML node tree, building the knowledge and collecting problems."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: nodes.Node | nodes.LazyList | nodes.Top | None, message: str) -> None:
        self.problems.append(Problem(self.path, node.line + 1 if node else 1, message))

    def read(self, root: nodes.Node | nodes.Top | None) -> tuple[Knowledge | None, list[Problem]]:
        if not isinstance(root, nodes.Top):
            self.problem(root, "the file must be a mapping with 'article:' and 'facts:' (see knowledge/facts.yaml)")
            return None, self.problems
        top: dict[str, nodes.Node | nodes.LazyList] = {}
        article_path, article = self.path, None
        facts: list[Fact] | None = None
        for key_node, value in root.fields():
            key = self.field(key_node, top, _TOP_FIELDS, "the file")
            if key in top:  # a repeated field is a problem already; the first one is read
                continue
            top[key] = value
            if key == "article" and not isinstance(value, nodes.LazyList):
                article_path, article = self.article(value)
            elif key == "facts" and "article" in top:  # read as it is parsed
                facts = self.facts(value, article)
        for key in ("article", "facts"):
            if key not in top:
                self.problem(root, f"missing field '{key}' in the file")
        if facts is None:  # the facts came before the article: they were kept whole
            facts = self.facts(top.get("facts"), article)
        groups = top.get("synonyms")
        synonyms = self.synonyms(groups if not isinstance(groups, nodes.LazyList) else None)
        header = {key: value for key, value in top.items() if not isinstance(value, nodes.LazyList)}
        title, about = self.by_language(header.get("title"), "title"), self.by_language(header.get("about"), "about")
        url = self.text(header.get("url"), "'url'") if "url" in header else None
        published = self.text(header.get("published"), "'published'") if "published" in header else None
        publisher = self.text(header.get("publisher"), "'publisher'") if "publisher" in header else None
        if self.problems or article is None:
            return None, self.problems
        knowledge = Knowledge(
            self.path, article_path, article, tuple(facts), tuple(synonyms), title, about, url, published, publisher
        )
        return knowledge, []

    def by_language(self, node: nodes.Node | None, what: str) -> dict[str, str]:
        """A text for every language (``title: ...``), or one per language (``title: {en: ..., fr: ...}``)."""
        if node is None:
            return {}
        if isinstance(node, nodes.Mapping):
            fields = self.mapping(node, set(LANGUAGES), what=f"'{what}'")
            texts = {lang: self.text(value, f"the {lang} {what}") for lang, value in fields.items()}
            return {lang: text for lang, text in texts.items() if text}
        text = self.text(node, f"'{what}' (a text, or one per language: {{en: ..., fr: ...}})")
        return dict.fromkeys(LANGUAGES, text) if text else {}

    def mapping(
        self, node: nodes.Mapping, allowed: set[str], *, required: tuple[str, ...] = (), what: str = "the file"
    ) -> dict[str, nodes.Node]:
        fields: dict[str, nodes.Node] = {}
        for key_node, value_node in node.pairs():
            fields[self.field(key_node, fields, allowed, what)] = value_node
        for key in required:
            if key not in fields:
                self.problem(node, f"missing field '{key}' in {what}")
        return fields

    def field(self, key_node: nodes.Node, seen: Collection[str], allowed: set[str], what: str) -> str:
        """The name of a field, with a problem when it is repeated or unknown."""
        key = key_node.value if isinstance(key_node, nodes.Scalar) else "(a list or mapping)"
        if key in seen:
            self.problem(key_node, f"duplicate field '{key}' in {what}")
        elif key not in allowed:
            self.problem(key_node, f"unknown field '{key}' in {what}; allowed: {', '.join(sorted(allowed))}")
        return key

    def text(self, node: nodes.Node | None, what: str, *, required: bool = True) -> str | None:
        if node is None:
            return None
        if not isinstance(node, nodes.Scalar):
            self.problem(node, f"{what} must be text")
            return None
        value = "" if node.null else node.value.strip()
        if required and not value:
            self.problem(node, f"{what} is empty")
            return None
        return value

    def texts(self, node: nodes.Node | None, what: str) -> Iterator[tuple[nodes.Node, str]]:
        """Each text of a list (a single text is a list of one)."""
        if node is None or (isinstance(node, nodes.Scalar) and node.null):
            return
        items = node.value if isinstance(node, nodes.Sequence) else [node]
        for item in items:
            value = self.text(item, what)
            if value:
                yield item, value

    def article(self, node: nodes.Node | None) -> tuple[Path, str | None]:
        relative = self.text(node, "'article' (the path of the article, relative to this file)")
        article_path = (self.path.parent / relative) if relative else self.path
        if relative is None:
            return article_path, None
        try:
            return article_path, files.read_article(article_path, files.article_roots(self.path))
        except files.Refused as refused:
            self.problem(node, str(refused))
        except OSError as error:
            self.problem(node, f"cannot read the article {article_path} ({error.strerror or error})")
        return article_path, None

    def synonyms(self, node: nodes.Node | None) -> list[tuple[str, ...]]:
        if node is None:
            return []
        if not isinstance(node, nodes.Sequence):
            self.problem(node, "'synonyms' must be a list of lists, e.g. - [quake, earthquake, seisme]")
            return []
        groups = []
        for item in node.value:
            if not isinstance(item, nodes.Sequence):
                self.problem(item, "each synonym group must be a list, e.g. - [quake, earthquake, seisme]")
                continue
            group = tuple(value for _, value in self.texts(item, "a synonym"))
            if len(group) < 2:
                self.problem(
                    item,
                    "a synonym group needs at least two words; to keep a name out of the general groups, list it"
                    " with its full form first, e.g. [jermaine brown, brown]",
                )
            groups.append(group)
        return groups

    def facts(self, node: nodes.Node | nodes.LazyList | None, article: str | None) -> list[Fact]:
        if node is None:
            return []
        if not isinstance(node, (nodes.LazyList, nodes.Sequence)):
            self.problem(node, "'facts' must be a list of facts, each starting with '- id: ...'")
            return []
        facts: list[Fact] = []
        seen_ids: dict[str, int] = {}
        seen_questions: dict[str, tuple[str, int]] = {}
        quotes = quoting(article) if article is not None else None
        empty = True
        for item in node.items() if isinstance(node, nodes.LazyList) else node.value:
            empty = False
            fact = self.fact(item, quotes, article or "")
            if fact is None:
                continue
            if fact.id in seen_ids:
                self.problem(item, f"duplicate id '{fact.id}' (first used at line {seen_ids[fact.id]})")
                continue
            seen_ids[fact.id] = fact.line
            for questions in fact.questions.values():
                for question in questions:
                    key = question_key(question)
                    other = seen_questions.setdefault(key, (fact.id, fact.line)) if key else (fact.id, fact.line)
                    if other[0] != fact.id:
                        self.problem(item, f"{taken_problem(question, other[0])} (it is at line {other[1]})")
            facts.append(fact)
        if empty:
            self.problem(node, "'facts' is empty: add at least one fact")
        return facts

    def fact(self, node: nodes.Node, quotes: Callable[[str], bool] | None, article_text: str) -> Fact | None:
        """One fact; ``quotes`` tells whether a source is in the article (None: the article is unreadable)."""
        if not isinstance(node, nodes.Mapping):
            self.problem(node, "each fact must be a mapping starting with '- id: ...'")
            return None
        before = len(self.problems)
        fields = self.mapping(node, _FACT_FIELDS, required=("id", "source"), what="a fact")
        fact_id = self.text(fields.get("id"), "'id'")
        what = f"fact '{fact_id}'" if fact_id else "this fact"
        bad_id = id_problem(fact_id) if fact_id else None
        if bad_id:
            self.problem(fields["id"], bad_id)
        answers: dict[str, str] = {}
        questions: dict[str, tuple[str, ...]] = {}
        for lang in LANGUAGES:
            block = fields.get(lang)
            if block is None:
                continue
            if not isinstance(block, nodes.Mapping):
                self.problem(block, f"'{lang}' of {what} must be a mapping with 'answer:' and 'questions:'")
                continue
            parts = self.mapping(block, _LANG_FIELDS, required=("answer",), what=f"'{lang}' of {what}")
            answer = self.text(parts.get("answer"), f"the {lang} answer of {what}")
            if answer:
                answers[lang] = answer
            questions[lang] = tuple(value for _, value in self.texts(parts.get("questions"), "a question"))
        if not any(lang in fields for lang in LANGUAGES):
            self.problem(node, f"{what} has no answer: add 'en:' and/or 'fr:' with an 'answer:'")
        sources = []
        for source_node, source in self.texts(fields.get("source"), f"the source of {what}"):
            if quotes is not None and not quotes(source):
                self.problem(source_node, f"the source of {what} is {unquoted(source, article_text)}")
            sources.append(source)
        keywords = tuple(value for _, value in self.texts(fields.get("keywords"), "a keyword"))
        if len(self.problems) > before or not fact_id:
            return None
        return Fact(fact_id, answers, questions, tuple(sources), keywords, node.line + 1)
