"""From a question to the reply a user sees: matching, small talk, declines, suggestions.

Every front end (``ask``, the console chat, Telegram) goes through ``Answerer.reply``,
so they all answer alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from bot import replies
from bot.knowledge import Knowledge
from bot.matcher import SCORE_CUTOFF, TIE_MARGIN, Match, Matcher

ReplyKind = Literal["answer", "decline", "small_talk", "empty"]
_HINTS = 3
_RELATED_SHARE = 0.5  # a declined question's candidates this close to the cutoff are offered as hints


@dataclass(frozen=True)
class Reply:
    """What the bot says to one question, and why."""

    question: str
    answer: str
    fact_id: str | None
    score: float
    lang: str
    suggestions: tuple[str, ...]
    kind: ReplyKind
    candidate: str | None = None
    """The best-scoring fact even when it did not answer: what the unanswered log records."""

    def as_json(self) -> dict[str, Any]:
        """The ``ask --json`` object."""
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data


class Answerer:
    """Answers questions from one knowledge; cheap to call, build once."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        score_cutoff: float = SCORE_CUTOFF,
        tie_margin: float = TIE_MARGIN,
    ) -> None:
        self.knowledge = knowledge
        self.matcher = Matcher(knowledge, score_cutoff=score_cutoff, tie_margin=tie_margin)

    def reply(self, question: str, *, lang: str | None = None) -> Reply:
        """The reply to one question; ``lang`` forces the answer language."""
        query = self.matcher.analyse(question, lang=lang)
        lang = query.lang
        if not query.terms and not query.kinds:
            hints = self.questions(self._default_hints(), lang)
            if query.small_talk:
                text = replies.small_talk(query.small_talk, lang, hints)
                return Reply(question, text, None, 0.0, lang, (), "small_talk")
            return Reply(question, replies.empty(lang, hints), None, 0.0, lang, (), "empty")
        matches = self.matcher.extract(query, limit=_HINTS + 1)
        cutoff = self.matcher.score_cutoff
        if matches and matches[0].score >= cutoff:
            best = matches[0]
            tied = [m for m in matches[1:] if m.score >= max(cutoff, best.score - self.matcher.tie_margin)]
            text = replies.answer(best.fact.answer(lang), lang, self.questions(tied, lang))
            return Reply(question, text, best.fact.id, best.score, lang, _ids(tied), "answer", best.fact.id)
        related = [m for m in matches if m.score >= cutoff * _RELATED_SHARE][:_HINTS]
        hints = self.questions(related or self._default_hints(), lang)
        score, candidate = (matches[0].score, matches[0].fact.id) if matches else (0.0, None)
        text = replies.decline(lang, hints)
        return Reply(question, text, None, score, lang, _ids(related), "decline", candidate)

    def questions(self, matches: list[Match], lang: str) -> list[str]:
        """One example question per matched fact, to show as a suggestion."""
        return [match.fact.first_question(lang) for match in matches]

    def _default_hints(self) -> list[Match]:
        return [Match(fact, 0.0) for fact in self.knowledge.facts[:_HINTS]]


def _ids(matches: list[Match]) -> tuple[str, ...]:
    return tuple(match.fact.id for match in matches)
