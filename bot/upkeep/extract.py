"""A draft knowledge file from an article: one fact per sentence, for a maintainer to complete.

With nothing but the draft the bot already answers many questions on the next
article's first day: each fact quotes its sentence, names its content words as
keywords, and carries generated example questions, one per kind of question
the sentence can answer (a date answers "when", a number "how many"), because
the matcher marks down facts that answer no question of the kind asked.
Maintainers then rewrite the answers and questions by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.folding import fold, tokenize
from bot.knowledge.model import id_problem
from bot.matching import lexicon
from bot.matching.text import detect_language
from bot.upkeep import bilingual

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=[\"“«(]?[A-ZÀ-ÖØ-Þ])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ID_WORDS = 4
_MAX_HEADLINE_WORDS = 20
_BOILERPLATE = re.compile(  # lines of a web page around the article, not the article's facts
    r"^\W*(?:also read|read also|read more|related|see also|lire aussi|à lire aussi|voir aussi)\b"
    r"|^\W*(?:by|par)\s+\w+(?:\s+\w+){0,4}\W*$"
    r"|^\W*(?:photo|photograph|image|picture|illustration|crédit|credit|source)s?\b.{0,120}$"
    r"|©|\bgetty images\b"
    r"|^\W*\(?[A-Z]{2,6}\)?\W*$",
    re.IGNORECASE,
)
_SENTENCE_FINAL = re.compile(r"[.!?…:;][\"”»’)]*$")
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    monday tuesday wednesday thursday friday saturday sunday
    lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
)
_TIME = re.compile(r"\b\d{1,2}\s?h\s?\d{0,2}\b|\b\d{1,2}:\d{2}\b|\b(?:1[89]|20)\d{2}\b")
_NUMBER = re.compile(r"\b\d+\b")
_ORDINALS = frozenset("first second third premier premiere deuxieme deuxiemes troisieme".split())
_REASON = frozenset("because since objective goal aim order afin parce pour objectif but".split())
_QUESTIONS = {
    "en": {
        "what": "What about {topic}?",
        "when": "When: {topic}?",
        "quantity": "How many: {topic}?",
        "times": "How many times: {topic}?",
        "who": "Who: {topic}?",
        "where": "Where: {topic}?",
        "why": "Why: {topic}?",
    },
    "fr": {
        "what": "Quoi sur {topic} ?",
        "when": "Quand : {topic} ?",
        "quantity": "Combien : {topic} ?",
        "times": "Combien de fois : {topic} ?",
        "who": "Qui : {topic} ?",
        "where": "Où : {topic} ?",
        "why": "Pourquoi : {topic} ?",
    },
}


@dataclass(frozen=True)
class Draft:
    """One draft fact: a sentence of the article and what the matcher needs to find it."""

    id: str
    lang: str
    sentence: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]


def sentences(article: str) -> list[str]:
    """The article's sentences, verbatim: each line is split after ., ! or ? followed by a capital."""
    found = []
    for line in article.splitlines():
        for part in _SENTENCE_END.split(line.strip()):
            if part.strip():
                found.append(part.strip())
    return found


def keywords(sentence: str) -> tuple[str, ...]:
    """The sentence's content words and names, as written, without stopwords or repeats."""
    words: dict[str, str] = {}
    for word in _WORD.findall(sentence):
        folded = fold(word)
        parts = tokenize(word)
        if not parts or all(part in lexicon.STOPWORDS or (len(part) < 3 and not part.isdigit()) for part in parts):
            continue
        words.setdefault(folded, word)
    return tuple(words.values())


def kinds(sentence: str) -> tuple[str, ...]:
    """The kinds of question the sentence may answer, judged from what it contains."""
    tokens = set(_tokens(sentence))
    found = ["what"]
    if tokens & _MONTHS or _TIME.search(sentence):
        found.append("when")
    if _NUMBER.search(sentence):
        found.append("quantity")
    if tokens & _ORDINALS:
        found.append("times")
    names = [word for word in _WORD.findall(sentence)[1:] if word[0].isupper()]
    if names:
        found += ["who", "where"]
    if tokens & _REASON:
        found.append("why")
    return tuple(found)


def drafts(article: str) -> list[Draft]:
    """One draft per sentence of ``article`` that states something: headlines, bylines, credits and
    "also read" lines are left out, and a sentence repeated (as scraped pages often do) is drafted once."""
    result = []
    used: set[str] = set()
    asked: set[str] = set()
    seen: set[str] = set()
    for sentence in sentences(article):
        key = fold(sentence)
        if not states_something(sentence) or key in seen:
            continue
        seen.add(key)
        lang = detect_language(sentence, _tokens(sentence))
        words = keywords(sentence)
        topic = " ".join(words[:8]) or sentence
        questions = [_QUESTIONS[lang][kind].format(topic=topic) for kind in kinds(sentence)]
        questions = [question for question in questions if fold(question) not in asked]
        asked.update(fold(question) for question in questions)
        result.append(Draft(_unique_id(words or (sentence,), used), lang, sentence, words, tuple(questions)))
    return result


def headline(article: str) -> str | None:
    """The article's first line when it reads as a headline (no sentence ending), for the draft's title."""
    for line in article.splitlines():
        if line.strip():
            line = line.strip()
            return line if not _SENTENCE_FINAL.search(line) and not _BOILERPLATE.search(line) else None
    return None


def states_something(sentence: str) -> bool:
    """Whether a sentence of the article is worth a fact: it ends like a sentence and is no page furniture."""
    if _BOILERPLATE.search(sentence):
        return False
    return bool(_SENTENCE_FINAL.search(sentence)) or len(sentence.split()) > _MAX_HEADLINE_WORDS


def synonyms(article: str) -> list[tuple[str, ...]]:
    """The starter synonym groups (bot.upkeep.bilingual) with at least one member in ``article``."""
    text = f" {' '.join(_tokens(article))} "
    return [group for group in bilingual.GROUPS if any(f" {' '.join(tokenize(word))} " in text for word in group)]


def _tokens(text: str) -> list[str]:
    """``tokenize`` word by word: it cuts long texts, as it is made for questions."""
    return [token for word in text.split() for token in tokenize(word)]


def _unique_id(words: Iterable[str], used: set[str]) -> str:
    slug = "-".join("-".join(tokenize(word)) for word in list(words)[:_ID_WORDS]) or "fact"
    slug = "-".join(part for part in slug.split("-") if part) or "fact"
    if id_problem(slug):  # words without Latin letters make no valid slug, and numbering cannot fix that
        slug = "fact"
    candidate, number = slug, 2
    while candidate in used or id_problem(candidate):
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate


def render(
    items: Iterable[Draft],
    *,
    article: str,
    origin: str,
    synonyms: Iterable[tuple[str, ...]] = (),
    title: str | None = None,
) -> str:
    """The draft as a knowledge file; ``article`` is the article's path relative to the draft's folder."""
    lines = [
        f"# Draft knowledge made by `python -m bot extract {origin}` on {date.today().isoformat()}.",
        "# One fact per sentence of the article. To finish it, for each fact: rewrite the answer as a",
        "# clean sentence, add it in the other language, replace the generated questions with how people",
        "# really ask, merge facts that belong together, and run `python -m bot facts check`.",
        "",
        *([f"title: {_quote(title)}"] if title else []),
        f"article: {_quote(article)}",
        "",
        "# Words users may use for one another: general English/French groups found in the article.",
        "synonyms:",
        *(f"  - [{', '.join(_quote(word) for word in group)}]" for group in synonyms),
        "",
        "facts:",
    ]
    for item in items:
        lines += [
            f"  - id: {item.id}",
            f"    {item.lang}:",
            f"      answer: {_quote(item.sentence)}",
            "      questions:" + ("" if item.questions else " []"),
            *(f"        - {_quote(question)}" for question in item.questions),
            f"    keywords: [{', '.join(_quote(word) for word in item.keywords)}]",
            "    source:",
            f"      - {_quote(item.sentence)}",
            "",
        ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), keeping accents readable."""
    return json.dumps(text, ensure_ascii=False)
