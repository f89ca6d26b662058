"""What ``facts check`` warns about: example questions that do not reach their own fact or ask what its answer
does not give, and synonym groups that share a word's stem.

A maintainer writes example questions so users who ask them get that fact. When
another fact wins one of them (two facts asked alike, a word shared with a
busier fact), users would see the wrong answer; asking every example question
once, as a user would, shows the collision before they do. An example asking
for a price, a date or a number its answer does not give reaches the fact word
for word only: reworded, it is declined. Likewise two of the maintainer's groups
holding words of one stem ("enrol" and "enrolment") cannot both have it: each
listed word is its own group's, but the first group takes every form not listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bot.answerer import Answerer
from bot.folding import tokenize
from bot.knowledge.model import LANGUAGES, Knowledge
from bot.matching import bilingual
from bot.matching.text import stem


@dataclass(frozen=True)
class Collision:
    """An example question of ``fact_id`` that gets ``winner`` instead (None: it is declined, or it is only
    ``small_talk``, which users mean as such: "Thanks?" listed for a fact about thanks)."""

    fact_id: str
    question: str
    winner: str | None
    small_talk: str | None = None


def collisions(answerer: Answerer) -> Iterator[Collision]:
    """Every example question whose reply neither answers with its fact nor offers it as a tied suggestion."""
    for fact in answerer.knowledge.facts:
        for lang in LANGUAGES:
            for question in fact.questions.get(lang, ()):
                reply = answerer.reply(question, lang=lang)
                if reply.fact_id != fact.id and (reply.fact_id is None or fact.id not in reply.suggestions):
                    small_talk = (
                        answerer.matcher.analyse(question, lang=lang).small_talk if reply.kind == "small_talk" else None
                    )
                    yield Collision(fact.id, question, reply.fact_id, small_talk)


@dataclass(frozen=True)
class MissingDetail:
    """An example question of ``fact_id`` that asks for ``details`` its answers do not give ("how much will the
    lights cost?" of an answer with no currency): the example itself reaches the fact, its rewordings cannot."""

    fact_id: str
    question: str
    details: tuple[str, ...]


def missing_details(answerer: Answerer) -> Iterator[MissingDetail]:
    """Every example question asking a detail (a price, a date, an hour, a year, a number, a name) that its own
    fact's answers do not give."""
    matcher = answerer.matcher
    for fact in answerer.knowledge.facts:
        for lang in LANGUAGES:
            for question in fact.questions.get(lang, ()):
                details = matcher.missing_details(fact.id, matcher.analyse(question, lang=lang))
                if details:
                    yield MissingDetail(fact.id, question, details)


@dataclass(frozen=True)
class SharedStem:
    """A word of one synonym group whose stem ``taken_by``, a word of an earlier group, holds: the matcher reads
    the word itself as its own group, but its forms the group does not list as ``taken_by``'s."""

    word: str
    taken_by: str


def repeated_synonyms(knowledge: Knowledge) -> Iterator[str]:
    """Each word a synonym group lists twice, whatever its case (not "lions club" beside "lions-club": that
    is how some users write it): harmless to the matcher, but a sign of a slip while editing, such as a word
    meant for another group."""
    for group in knowledge.synonyms:
        seen: set[str] = set()
        for member in group:
            key = member.strip().casefold()
            if key in seen:
                yield member
            seen.add(key)


def shared_stems(knowledge: Knowledge) -> Iterator[SharedStem]:
    """Each word of the knowledge's synonym groups whose stem an earlier group already holds, unless both
    groups are general ones a draft copied (``bot/matching/bilingual.txt``: the project's to keep apart), or
    its own group lists another form of it ("central, centrale": the maintainer has said which are its own)."""
    general = set(bilingual.GROUPS)
    owner: dict[str, tuple[int, str]] = {}
    for number, group in enumerate(knowledge.synonyms):
        keys = [stem(words[0]) if len(words := tokenize(member)) == 1 else None for member in group]
        for member, key in zip(group, keys, strict=True):
            if key is None:
                continue
            first = owner.setdefault(key, (number, member))
            copied = group in general and knowledge.synonyms[first[0]] in general
            if first[0] != number and not copied and keys.count(key) == 1:
                yield SharedStem(member, first[1])
