"""From a question to the reply a user sees: matching, small talk, declines, suggestions.

Every front end (``ask``, the console chat, Telegram) goes through ``Answerer.reply``,
so they all answer alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot import replies
from bot.knowledge.model import LANGUAGES, Fact, Knowledge
from bot.matching import lexicon
from bot.matching.matcher import Match, Matcher, Query

ReplyKind = Literal["answer", "decline", "small_talk", "empty"]
TIE_MARGIN = 6.0
"""Facts within this many points of the best are offered as suggestions."""
EXAMPLES = 3
"""How many facts a reply offers as hints, and how many a front end shows as examples."""
_RELATED_COVERAGE = 0.5  # a declined question's candidates holding half of what it names are offered as hints
_WORDS_OF_A_QUESTION = 3  # besides its question word: "what is it made of?" asks something, "what is it?" not yet


@dataclass(frozen=True)
class Choice:
    """A question the reply offers to ask next, and the fact that answers it."""

    fact_id: str
    question: str


@dataclass(frozen=True)
class Reply:
    """What the bot says to one question, and why."""

    question: str
    answer: str
    """The whole text a user sees: ``body`` followed by the ``choices`` as bullet lines."""
    fact_id: str | None
    score: float
    lang: str
    suggestions: tuple[str, ...]
    kind: ReplyKind
    candidate: str | None = None
    """The best-scoring fact even when it did not answer: what the unanswered log records."""
    body: str = ""
    """The text without the offered questions, for front ends that show them as buttons."""
    choices: tuple[Choice, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The ``ask --json`` object, its fields as ``replies.JSON_FIELDS`` describes them."""
        return {
            "question": self.question,
            "answer": self.answer,
            "fact_id": self.fact_id,
            "score": self.score,
            "lang": self.lang,
            "suggestions": list(self.suggestions),
            "kind": self.kind,
            "candidate": self.candidate,
        }


class Answerer:
    """Answers questions from one knowledge; cheap to call, build once."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        score_cutoff: float | None = None,
        tie_margin: float = TIE_MARGIN,
    ) -> None:
        self.knowledge = knowledge
        self.matcher = Matcher(knowledge, score_cutoff=score_cutoff)
        self.tie_margin = tie_margin

    def reply(self, question: str, *, lang: str | None = None) -> Reply:
        """The reply to one question; ``lang`` forces the answer language."""
        return self.reply_to(self.matcher.analyse(question, lang=lang), question)

    def reply_to(self, query: Query, question: str, *, prefer: str | None = None) -> Reply:
        """The reply to ``question`` read as ``query``: its own reading, or one a conversation widened.

        ``prefer`` names a fact that wins when it is nearly tied with the best (the fact a conversation
        was about: "where were the drills?" after the May drills means those, not another exercise).
        """
        lang = query.lang
        example = None if query.small_talk in lexicon.COURTESIES else self.matcher.example(query)
        if example is not None:
            return self._certain(example, question, lang)
        requested = self.matcher.header_request(query)  # about the article itself
        header = self._header_fact(requested)
        if header is not None and not query.terms:
            return self._certain(Match(header, 100.0), question, lang)
        if requested is not None and not query.terms:  # "le titre ?", "what year is the article from?": no header
            return self._declined(question, [], lang)
        if not query.terms and not query.kinds:
            hints = self._default_hints()
            if query.small_talk:
                body = replies.small_talk(query.small_talk, lang, self.knowledge.subject(lang))
                shown = hints if query.small_talk in replies.SMALL_TALK_WITH_EXAMPLES else []
                return self._reply(question, body, shown, lang, kind="small_talk")
            if _asks_in_words(query.tokens):  # "what is it made of?": a question, only of words no fact needs
                return self._declined(question, [], lang)
            return self._reply(question, replies.EMPTY[lang], hints, lang, kind="empty")
        matches = self.matcher.extract(query, limit=EXAMPLES + 1)
        cutoff = self.matcher.score_cutoff
        if header is not None and not self._holds_all(query, matches):
            return self._certain(Match(header, 100.0), question, lang)
        if not matches or matches[0].score < cutoff:
            matches = self._asked_after_a_story(question, lang) or matches
        if matches and matches[0].score >= cutoff:
            best = matches[0]
            tied = [m for m in matches[1:] if m.score >= max(cutoff, best.score - self.tie_margin)]
            preferred = [m for m in tied if m.fact.id == prefer]
            if preferred:
                tied = [best, *(m for m in tied if m is not preferred[0])]
                best = preferred[0]
            body = replies.answer(best.fact.answer(lang), lang, bool(tied), translated=lang in best.fact.answers)
            return self._reply(
                question, body, tied, lang, kind="answer", best=best, suggestions=tied, candidate=best.fact.id
            )
        return self._declined(question, matches, lang)

    def _declined(self, question: str, matches: Sequence[Match], lang: str) -> Reply:
        """The article does not say: the facts that cover most of the question are suggested instead."""
        related = [m for m in matches if m.evidence and m.evidence.coverage >= _RELATED_COVERAGE][:EXAMPLES]
        candidate = matches[0] if matches else None
        return self._reply(
            question,
            replies.DECLINE[lang],
            related or self._default_hints(),
            lang,
            kind="decline",
            score=candidate.score if candidate else 0.0,
            suggestions=related,
            candidate=candidate.fact.id if candidate else None,
        )

    def answer_with(self, fact_id: str, question: str, lang: str) -> Reply | None:
        """The reply that answers ``question`` with the fact ``fact_id`` (one a conversation already settled on),
        or ``None`` when the knowledge has no such fact."""
        fact = self.knowledge.get(fact_id)
        return self._certain(Match(fact, 100.0), question, lang) if fact else None

    def _certain(self, match: Match, question: str, lang: str) -> Reply:
        """The answer of a fact that is sure to answer: no suggestion beside it."""
        body = replies.answer(match.fact.answer(lang), lang, False, translated=lang in match.fact.answers)
        return self._reply(question, body, [], lang, kind="answer", best=match, candidate=match.fact.id)

    def _reply(
        self,
        question: str,
        body: str,
        shown: list[Match],
        lang: str,
        *,
        kind: ReplyKind,
        best: Match | None = None,
        score: float = 0.0,
        suggestions: Sequence[Match] = (),
        candidate: str | None = None,
    ) -> Reply:
        choices = tuple(Choice(match.fact.id, match.fact.first_question(lang)) for match in shown)
        return Reply(
            question=question,
            answer=replies.compose(body, [choice.question for choice in choices]),
            fact_id=best.fact.id if best else None,
            score=best.score if best else score,
            lang=lang,
            suggestions=tuple(match.fact.id for match in suggestions),
            kind=kind,
            candidate=candidate,
            body=body,
            choices=choices,
        )

    def _header_fact(self, field: str | None) -> Fact | None:
        """What the knowledge's header says of the article (its headline, subject, date or address) as a fact
        with the id ``~field``; None when the header does not say it."""
        if field is None:
            return None
        answers = {}
        for lang in LANGUAGES:
            if value := self._header_value(field, lang):
                answers[lang] = replies.header_answer(field, lang, value)
        return Fact(f"~{field}", answers, {}, ()) if answers else None

    def _header_value(self, field: str, lang: str) -> str | None:
        """One field of the knowledge's header, in ``lang`` when it has one."""
        knowledge = self.knowledge
        if field == "about":
            return knowledge.subject(lang)
        if field == "title":
            return knowledge.title.get(lang) or next(iter(knowledge.title.values()), None)
        if field == "published":
            return replies.readable_date(knowledge.published, lang) if knowledge.published else None
        return knowledge.where_from

    def _holds_all(self, query: Query, matches: Sequence[Match]) -> bool:
        """Whether the best fact answers the question and holds all it names: a maintainer's fact about the
        article's publication says more than its header ("published at 6 pm in the Tribune")."""
        if not matches or matches[0].score < self.matcher.score_cutoff:
            return False
        held = self.matcher.held(matches[0].fact.id, query.terms)
        # "l'article a été écrit par..." holds "article", which says nothing of its title
        return len(held) == len(query.terms) and not self.matcher.article_terms.issuperset(held)

    def _asked_after_a_story(self, question: str, lang: str) -> list[Match]:
        """The best matches of the part of a long message that asks, when the whole message matches nothing."""
        best: list[Match] = []
        for part in self.matcher.other_readings(question, lang=lang):
            found = self.matcher.extract(part, limit=EXAMPLES + 1)
            if found and found[0].score >= self.matcher.score_cutoff and (not best or found[0].score > best[0].score):
                best = found
        return best

    @property
    def examples(self) -> tuple[Fact, ...]:
        """The facts offered when a message asks nothing in particular: the knowledge's first ones."""
        return self.knowledge.facts[:EXAMPLES]

    def _default_hints(self) -> list[Match]:
        return [Match(fact, 0.0) for fact in self.examples]


def _asks_in_words(tokens: Sequence[str]) -> bool:
    """Whether a message of common words alone still asks something: a question word and a few words more
    ("how did it happen?"), not a bare "what?" or "c'est quoi ?" that only asks how to ask."""
    asking = [token for token in tokens if token in lexicon.QUESTION_WORDS]
    return bool(asking) and len(tokens) - len(asking) >= _WORDS_OF_A_QUESTION
