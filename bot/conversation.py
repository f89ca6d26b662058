"""Follow-up questions: each chat remembers its last question for a few minutes.

People chat: after "who is taking part?" they type "and when?", "what about
India?", "what did he say?". Such a message is elliptical: a bare question word,
an opener ("and", "what about", "et pour") before a subject, or a pronoun that
stands for something of the previous question. It is read with the previous
question's topic: the new question word replaces the old one ("and when?"), the
new name replaces the old names ("what about India?"), or the new words join the
old ones ("what did he say?"). A message that is none of these is always read
alone, so a complete new question is never bent by the context; and when the
widened reading finds nothing, or a fact that lacks the message's own words, the
message alone is tried too. One question is about the previous answer itself: "who said that?" after
an answer that quotes or reports someone is answered by that answer, which names who.

What is remembered (``Topic``) is plain data, so a front end can keep it across
restarts (python-telegram-bot's persistence pickles it).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from typing import Any

from bot.answerer import Answerer, Reply
from bot.folding import tokenize
from bot.matching import lexicon
from bot.matching.matcher import Matcher, Query
from bot.matching.text import PhraseTable, stem

MEMORY_SECONDS = 300.0
"""How long a chat remembers its last question by default: a follow-up comes within minutes."""
MAX_THREADS = 1000
"""Topics one chat keeps at most (a big group's members each have one); the oldest go first."""
_MAX_FOLLOW_UP_TERMS = 3  # a message naming more than this is a question of its own
_SURE = 85.0
"""A reading with the context whose fact lacks the message's own words still answers when this likely (0-100)."""
_OPENERS = PhraseTable(lexicon.FOLLOW_UP_OPENERS)
_BACK_REFERENCES = PhraseTable(lexicon.BACK_REFERENCES)
_OTHERS = frozenset(stem(word) for word in lexicon.OTHERS)
_SAYING = lexicon.SAYING | lexicon.REPORTED_BY  # "who said that?", "according to whom?"
_ASKING = lexicon.QUESTION_WORDS | lexicon.FOLLOW_UP_PRONOUNS
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
"""A French subject pronoun after its verb: "Pourquoi Washington est-il inquiet ?" names its own subject."""


@dataclass(frozen=True)
class Topic:
    """What a chat remembers of its last answered question."""

    terms: tuple[str, ...]
    kinds: tuple[str, ...]
    names: tuple[str, ...]
    """The terms that are names: what "what about X?" swaps for X."""
    fact_id: str
    """The fact that answered it; empty when it was declined."""
    at: float
    """When it was asked (seconds since the epoch, so it means the same after a restart)."""

    def as_dict(self) -> dict[str, Any]:
        """Plain data for persistence."""
        return {
            "terms": list(self.terms),
            "kinds": list(self.kinds),
            "names": list(self.names),
            "fact_id": self.fact_id,
            "at": self.at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Topic | None:
        """The topic ``as_dict`` wrote, or ``None`` for anything else (an older or damaged record)."""
        try:
            return cls(
                tuple(str(t) for t in data["terms"]),
                tuple(str(k) for k in data["kinds"]),
                tuple(str(n) for n in data["names"]),
                str(data["fact_id"]),
                float(data["at"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


def follow_up(matcher: Matcher, query: Query, topic: Topic) -> list[Query]:
    """``query`` read with ``topic`` when it is elliptical, in the readings worth trying, best first; none
    when it is a question of its own."""
    if query.small_talk:
        return []
    query = replace(query, terms=tuple(term for term in query.terms if term not in _OTHERS))  # "and the others?"
    opens = any(start <= 1 for start, _, _ in _OPENERS.find(list(query.tokens)))  # after "ok", "so"...
    if not query.terms:  # "and when?", "pourquoi ?", "what's his job?": the new question, the old topic
        if not (query.kinds or opens or not _ASKING.isdisjoint(query.tokens)):
            return []
        subjects = [topic.names] if topic.names and len(topic.names) < len(topic.terms) else []
        return [replace(query, terms=terms) for terms in (topic.terms, *subjects)]  # ...or only what it named
    if len(query.terms) > _MAX_FOLLOW_UP_TERMS:
        return []
    names = matcher.names(query.terms)
    if opens:  # "what about India?": the same question about another subject
        kept = [term for term in topic.terms if not (names and term in topic.names)]
        terms = tuple(dict.fromkeys([*kept, *query.terms]))
        return [replace(query, terms=terms, kinds=query.kinds or frozenset(topic.kinds))]
    refers = any(token in lexicon.FOLLOW_UP_PRONOUNS for token in query.tokens) or bool(
        _BACK_REFERENCES.find(list(query.tokens))
    )
    asks = query.kinds or not _ASKING.isdisjoint(query.tokens)
    # "on which platform?", "in which town?": a question of one word and no name is likely about the topic
    one_word = len(query.terms) == 1 and not names and asks and not set(topic.terms) <= set(query.terms)
    if (refers and not (names and _INVERTED.search(query.text))) or one_word:
        return [replace(query, terms=tuple(dict.fromkeys([*topic.terms, *query.terms])))]
    return []


def reply_in_context(
    answerer: Answerer, question: str, topic: Topic | None, *, lang: str | None = None, now: float
) -> tuple[Reply, Topic | None]:
    """The reply to ``question`` in a chat whose last question was ``topic``, and what to remember next:
    the question, with the fact that answered it, or without one when it was declined (a follow-up may
    still make it answerable: "where is the race?" declined, then "when?")."""
    matcher = answerer.matcher
    query = matcher.analyse(question, lang=lang)
    if topic and topic.fact_id and _asks_who_said(query) and _quotes(answerer, topic.fact_id):
        said = answerer.answer_with(topic.fact_id, question, query.lang)  # "who said that?" after a quote
        if said is not None:
            return said, replace(topic, at=now)
    readings = follow_up(matcher, query, topic) if topic else []
    prefer = topic.fact_id if topic else None
    declined: Reply | None = None
    for reading in readings:
        reply = answerer.reply_to(reading, question)
        if reply.kind == "answer":
            if len(matcher.held(reply.fact_id or "", query.terms)) == len(query.terms):
                return reply, _topic(matcher, reading, reply, now, topic)  # it holds what the message adds
            if reply.score >= _SURE:  # a sure one, unless the message alone is surer ("and did she say anything?")
                alone = answerer.reply_to(query, question, prefer=prefer)
                if alone.kind == "answer" and alone.score >= reply.score:
                    return alone, _topic(matcher, query, alone, now, topic)
                return reply, _topic(matcher, reading, reply, now, topic)
        declined = declined or (reply if reply.kind == "decline" else None)
    reply = answerer.reply_to(query, question, prefer=prefer)
    if reply.kind == "answer" or not readings:
        return reply, _topic(matcher, query, reply, now, topic) if query.terms else topic
    return declined or reply, topic  # the decline about the topic suggests what it can tell about it


def _asks_who_said(query: Query) -> bool:
    """Whether a message only asks who said something: "who said that?", "qui l'a dit ?"."""
    return (
        "who" in query.kinds
        and any(token in _SAYING for token in query.tokens)
        and all(
            token in _SAYING or token in lexicon.STOPWORDS or token in lexicon.FOLLOW_UP_PRONOUNS
            for token in query.tokens
        )
    )


def _quotes(answerer: Answerer, fact_id: str) -> bool:
    """Whether the fact's answer quotes or reports someone: it says who said it."""
    fact = answerer.knowledge.get(fact_id)
    texts = fact.answers.values() if fact else ()
    return any(
        any(mark in text for mark in ("«", "“", '"')) or not _SAYING.isdisjoint(tokenize(text)) for text in texts
    )


def _topic(matcher: Matcher, query: Query, reply: Reply, now: float, before: Topic | None = None) -> Topic:
    """What to remember of a question: the words of it that its answer holds (the others did not lead
    there, and would pull the next follow-up elsewhere), or all of them when it holds none or was declined.
    While the chat stays on one fact, what was said of it before is kept too ("the May drills", then "where
    were the drills?": the next "how long did they last?" is still about the May drills)."""
    terms = (matcher.held(reply.fact_id, query.terms) if reply.fact_id else ()) or query.terms
    if before and reply.fact_id and before.fact_id == reply.fact_id:
        terms = tuple(dict.fromkeys([*before.terms, *terms]))
    return Topic(terms, tuple(sorted(query.kinds)), matcher.names(terms), reply.fact_id or "", now)


class Conversation:
    """One chat's thread with the bot (the console, ``ask --conversation``): its topic and memory."""

    def __init__(self, *, memory: float = MEMORY_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self.memory = memory
        self.clock = clock
        self.topic: Topic | None = None

    def reply(self, answerer: Answerer, question: str, *, lang: str | None = None) -> Reply:
        """The reply to the next message of the chat; ``answerer`` may change between messages (a reload)."""
        now = self.clock()
        reply, self.topic = reply_in_context(answerer, question, self.current(now), lang=lang, now=now)
        return reply

    def current(self, now: float) -> Topic | None:
        """The topic, while it is younger than the memory."""
        if self.topic is None or self.memory <= 0 or now - self.topic.at > self.memory:
            return None
        return self.topic

    def forget(self) -> None:
        """Start a new conversation."""
        self.topic = None


def recall(store: Mapping[str, Any], thread: str, *, now: float, memory: float = MEMORY_SECONDS) -> Topic | None:
    """The topic ``remember`` kept for ``thread`` (a chat, or one member's thread in a group), while fresh."""
    data = store.get(thread)
    topic = Topic.from_dict(data) if isinstance(data, Mapping) else None
    return topic if topic is not None and 0 <= now - topic.at <= memory else None


def remember(
    store: MutableMapping[str, Any], thread: str, topic: Topic | None, *, now: float, memory: float = MEMORY_SECONDS
) -> None:
    """Keep ``topic`` for ``thread`` in ``store`` as plain data (a persisted chat's data); forget it when
    ``None``. At most ``MAX_THREADS`` are kept: past that, stale topics go first, then the oldest (the
    running bot also drops stale ones every minute, so answering does not scan a big group's threads)."""
    store.pop(thread, None)
    if topic is not None and memory > 0:
        store[thread] = topic.as_dict()
    if len(store) > MAX_THREADS:
        forget_stale(store, now=now, memory=memory)
    while len(store) > MAX_THREADS:
        del store[next(iter(store))]


def forget_stale(store: MutableMapping[str, Any], *, now: float, memory: float = MEMORY_SECONDS) -> None:
    """Drop the topics of ``store`` older than ``memory`` (and any record that is no topic)."""
    for key in [key for key in store if recall(store, key, now=now, memory=memory) is None]:
        del store[key]
