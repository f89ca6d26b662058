"""Matching a question to the fact that answers it: an index over the facts, then scoring.

A question becomes canonical terms (typos corrected by ``bot.matching.spelling``, words
stemmed, synonyms and multi-word names folded to one term) plus the kinds it
asks for (who, when, where, ...). An inverted index picks the facts sharing a
term; each is scored 0-100 on how much of the question it explains (coverage,
weighted by how rare each term is) and on how close the question is to its
nearest example question. A fact is marked down when it does not answer the
kind of question asked, shares only generic words with it, or lacks a name the
question mentions. Below ``score_cutoff`` the answer is "the article doesn't
say". The weights below were chosen on the evaluation sets in knowledge/
(``python -m bot eval --sweep``).
"""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from bot.folding import normalize, tokenize
from bot.knowledge.bulk import paused_gc
from bot.knowledge.model import LANGUAGES, Fact, Knowledge
from bot.matching import lexicon
from bot.matching.index import Index
from bot.matching.spelling import Speller
from bot.matching.text import PhraseTable, acronyms, clauses, detect_language, question_kinds, stem

SCORE_CUTOFF = 55.0
"""Below this score the best fact does not answer the question (see ``python -m bot eval --sweep``)."""

_UNKNOWN_WEIGHT = 2.5  # a word no fact knows counts like a rare word the fact lacks
_GENERIC_WEIGHT = 0.6  # generic words (hour, day) count little, however rare, and never decide alone
_KIND_MISMATCH = 0.55  # "how many soldiers" against a fact that answers no "how many"
_NOTHING_SPECIFIC = 0.3  # a question ("what time is it?") with only generic words in common with the fact
_ENTITY_MISSING = 0.75  # the question names someone or something the fact never mentions
_KIND_WEIGHT = 2.0  # a question kind counts like a term when comparing to examples
_COVERAGE_SHARE = 0.8  # coverage of the question, against closeness to the nearest example question
_RESCORED = 8  # facts compared example by example, after the coverage ranking
_CANDIDATE_POSTINGS = 1000  # a term in more facts than this only scores candidates, it does not add any
_TOPIC_SHARE = 0.5  # a term in this share of the facts is the article's topic, implied by every fact
_IMPLIED = 0.5  # how much a fact that does not mention the topic still covers it
_FIELD_WEIGHTS = {"question": 1.0, "keyword": 1.0, "answer": 0.75, "source": 0.5}
_SMALL_TALK = tuple(
    (category, PhraseTable(phrase.split() for phrase in phrases)) for category, phrases in lexicon.SMALL_TALK
)
_FILLER = PhraseTable(lexicon.FILLER_PHRASES)
_SMALL_TALK_WORDS = frozenset(word for _, phrases in lexicon.SMALL_TALK for p in phrases for word in p.split())
_LEXICON_WORDS = (
    lexicon.STOPWORDS
    | lexicon.QUESTION_WORDS
    | lexicon.GENERIC
    | _SMALL_TALK_WORDS
    | frozenset(lexicon.SHORTHAND.values())
    | frozenset(word for phrase in lexicon.FILLER_PHRASES for word in phrase)
    | lexicon.KIND_WORDS
)


@dataclass(frozen=True)
class Query:
    """A question as the matcher sees it."""

    text: str
    tokens: tuple[str, ...]
    terms: tuple[str, ...]
    kinds: frozenset[str]
    lang: str
    small_talk: str | None = None
    """The small-talk category when the message is nothing but small talk."""


@dataclass(frozen=True)
class Match:
    """A fact and how well it answers a query, 0-100."""

    fact: Fact
    score: float


class Matcher:
    """Finds the fact that answers a question; build once per knowledge, then query many times."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        score_cutoff: float = SCORE_CUTOFF,
    ) -> None:
        self.knowledge = knowledge
        self.score_cutoff = score_cutoff
        self._canonical: dict[str, str] = {}
        phrases: dict[tuple[str, ...], str] = {}
        for group in knowledge.synonyms:
            canonical = "~" + "_".join(stem(word) for word in tokenize(group[0]))
            for member in group:
                stems = tuple(stem(word) for word in tokenize(member))
                if len(stems) == 1:
                    self._canonical.setdefault(stems[0], canonical)
                elif stems:
                    phrases[stems] = canonical
        self._phrases = phrases
        self._phrase_table = PhraseTable(phrases)
        self._generic = frozenset(self._canonical.get(stem(word), stem(word)) for word in lexicon.GENERIC)
        with paused_gc():
            self._build_index(knowledge.facts)

    # -- building -------------------------------------------------------------

    def _build_index(self, facts: Sequence[Fact]) -> None:
        surface: Counter[str] = Counter()
        lang_words: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        entities: set[str] = set()
        kinds_seen: dict[frozenset[str], frozenset[str]] = {}
        self._kinds: list[frozenset[str]] = []
        self._index = index = Index()
        for fact in facts:
            weights: dict[str, float] = {}
            examples: list[list[str]] = []
            kinds: set[str] = set()
            fields: list[tuple[str, str, str | None]] = [("keyword", k, None) for k in fact.keywords]
            fields += [("source", s, None) for s in fact.sources]
            for lang in LANGUAGES:
                fields += [("question", q, lang) for q in fact.questions.get(lang, ())]
                if lang in fact.answers:
                    fields.append(("answer", fact.answers[lang], lang))
            for field_name, text, text_lang in fields:
                if field_name in ("answer", "keyword"):
                    entities.update(self._terms(tokenize(" ".join(_capitalised(text)))))
                tokens = tokenize(text)
                surface.update(tokens)
                if text_lang:
                    lang_words[text_lang].update(tokens)
                question_kind, used = self._question_kinds(tokens)
                terms = self._terms(tokens, used)
                weight = _FIELD_WEIGHTS[field_name]
                for term in terms:
                    if field_name == "keyword" or term not in self._generic:
                        weights[term] = max(weights.get(term, 0.0), weight)
                if field_name == "question":
                    kinds |= question_kind
                    examples.append([*terms, *("?" + kind for kind in question_kind)])
            index.add(weights, examples)
            frozen = frozenset(kinds)
            self._kinds.append(kinds_seen.setdefault(frozen, frozen))

        count = len(facts)
        self._idf = array("d", [_UNKNOWN_WEIGHT] * len(index.ids))
        topic = set()
        for term, term_id in index.ids.items():
            holding = index.frequency(term_id)
            if holding:
                self._idf[term_id] = math.log(1 + count / holding)
                if count >= 4 and holding >= _TOPIC_SHARE * count:
                    topic.add(term)
        self._topic = frozenset(topic)
        index.finish(lambda feature: _KIND_WEIGHT if feature.startswith("?") else self._term_weight(feature))
        synonyms = {word for group in self.knowledge.synonyms for member in group for word in tokenize(member)}
        self._entities = frozenset(entities - self._generic)
        self._fr_words = frozenset(lang_words["fr"] - lang_words["en"])
        self._en_words = frozenset(lang_words["en"] - lang_words["fr"])
        french = self._fr_words | lexicon.FRENCH_MARKERS | lexicon.FRENCH_STOPWORDS
        english = self._en_words | lexicon.ENGLISH_MARKERS | lexicon.ENGLISH_STOPWORDS
        frequency = Counter(dict.fromkeys(_LEXICON_WORDS | synonyms, 0))
        frequency.update(surface)
        self._speller = Speller(frequency, other_language={"en": french - english, "fr": english - french})

    def _terms(self, tokens: Sequence[str], used: Iterable[int] = (), *, keep: Collection[int] = ()) -> list[str]:
        """Canonical content terms of tokens, skipping the positions in ``used``; ``keep`` ones are never stopwords."""
        stems = [stem(token) for token in tokens]
        skip = set(used)
        found: list[str] = []
        for start, end, phrase in self._phrase_table.find(stems, taken=skip):
            found.append(self._phrases[phrase])
            skip.update(range(start, end))
        for index, token in enumerate(tokens):
            if index in skip:
                continue
            if token in lexicon.ASKER:
                found.append("~asker")
                continue
            if index not in keep and (token in lexicon.STOPWORDS or stems[index] in lexicon.STOPWORDS):
                continue
            if len(token) < 2 and not token.isdigit():
                continue
            found.append(sys.intern(self._canonical.get(stems[index], stems[index])))
        return list(dict.fromkeys(found))

    def _specific(self, terms: Sequence[str], fact_terms: Collection[str]) -> bool:
        """Whether a question shares more than generic words with a fact (``fact_terms``: those it holds).

        With a generic word in the question ("what's the time in Moscow?") the
        article's topic words do not count either: they are in every fact.
        """
        ignored = self._generic | self._topic if any(t in self._generic for t in terms) else self._generic
        return any(t not in ignored and t in fact_terms for t in terms)

    def _candidates(self, term_ids: Iterable[int]) -> set[int]:
        """The facts worth scoring: those sharing a term, found through the rarest terms first.

        A term in thousands of facts says little on its own; it only adds
        candidates when no rarer term found any, which keeps a query on a large
        knowledge from visiting most of it.
        """
        found: set[int] = set()
        for term_id in sorted(term_ids, key=self._index.frequency):
            postings = self._index.postings(term_id)
            if found and len(postings) > _CANDIDATE_POSTINGS:
                break
            found.update(postings)
        return found

    def _question_kinds(self, tokens: Sequence[str]) -> tuple[frozenset[str], frozenset[int]]:
        """The kinds a question asks for; "how many X" also names X ("count:~troop").

        A fact that counts hours does not answer how many soldiers, though both
        are "how many" questions.
        """
        kinds, used = question_kinds(tokens)
        used = frozenset(i for i in used if tokens[i] not in lexicon.GENERIC)  # "what time": time stays a term
        if "quantity" not in kinds:
            return kinds, used
        for index, token in enumerate(tokens):
            if token in lexicon.COUNT_WORDS:
                following = [t for t in tokens[index + 1 : index + 5] if t not in ("of", "de", "d", "des")]
                counted = self._terms(following[:3])
                if counted:
                    return kinds | {"count:" + counted[0]}, used
        return kinds, used

    def _term_weight(self, term: str) -> float:
        if term in self._generic:
            return _GENERIC_WEIGHT
        term_id = self._index.ids.get(term)
        return _UNKNOWN_WEIGHT if term_id is None else self._idf[term_id]

    # -- analysing a question -------------------------------------------------

    def analyse(self, question: str, *, lang: str | None = None) -> Query:
        """Turn a raw question into a Query; ``lang`` forces the answer language."""
        raw = tokenize(question)
        guess = detect_language(question, raw, fr_words=self._fr_words, en_words=self._en_words)
        tokens = " ".join(self._speller.correct(token, guess) for token in raw).split()  # a correction can be two words
        if lang is None:  # corrections can reveal the language ("ki participe"): detect again only then
            lang = (
                guess
                if tokens == raw
                else detect_language(question, tokens, fr_words=self._fr_words, en_words=self._en_words)
            )
        small_talk, chatter = _small_talk(tokens)
        for start, end, _ in _FILLER.find(tokens, taken=chatter):
            chatter.update(range(start, end))
        kinds, used = self._question_kinds([("" if i in chatter else t) for i, t in enumerate(tokens)])
        meant, common = acronyms(question, tokens)
        if "where" in kinds:
            meant |= {i for i, token in enumerate(tokens) if token in lexicon.PRECISION_WORDS}
        terms = self._terms(tokens, chatter | used | common, keep=meant)
        return Query(
            text=question,
            tokens=tuple(tokens),
            terms=tuple(terms),
            kinds=kinds,
            lang=lang,
            small_talk=small_talk if not terms else None,
        )

    def asking_parts(self, question: str, *, lang: str) -> list[Query]:
        """The parts of a message of several (sentences, clauses) that say what they ask: who, when, where...

        People tell a story before they ask ("I saw it on the news this morning,
        so who else is going?"). Read whole, the story's words count against
        every fact; the part that asks can be answered alone. A part that does
        not say what it asks ("which region?") is not taken for the question.
        """
        parts = clauses(question)
        analysed = [self.analyse(part, lang=lang) for part in parts] if len(parts) > 1 else []
        return [query for query in analysed if query.kinds and query.terms]

    # -- scoring --------------------------------------------------------------

    def extract(self, query: str | Query, *, limit: int = 3) -> list[Match]:
        """The best facts for a query, best first, with no cutoff."""
        if isinstance(query, str):
            query = self.analyse(query)
        if not query.terms:
            return []
        weights = {term: self._term_weight(term) for term in query.terms}
        total = sum(weights.values())
        ids = {term: self._index.ids[term] for term in weights if term in self._index.ids}
        coverage = dict.fromkeys(self._candidates(ids.values()), 0.0)
        held: dict[str, dict[int, float]] = {}  # by term: the candidates holding it, with its field weight
        for term, weight in weights.items():
            held[term] = self._index.weights(ids[term], coverage) if term in ids else {}
            implied = _IMPLIED if term in self._topic else 0.0
            for index in coverage:
                coverage[index] += weight * (held[term].get(index) or implied)
        ranked = heapq.nlargest(_RESCORED, coverage, key=coverage.__getitem__)
        asked = [*weights.items(), *(("?" + kind, _KIND_WEIGHT) for kind in query.kinds)]
        features = [(self._index.ids[name], weight) for name, weight in asked if name in self._index.ids]
        query_weight = total + _KIND_WEIGHT * len(query.kinds)
        matches = []
        for index in ranked:
            similarity = self._index.best_similarity(index, features, query_weight)
            score = _COVERAGE_SHARE * coverage[index] / total + (1 - _COVERAGE_SHARE) * similarity
            if not _kinds_agree(query.kinds, self._kinds[index]):
                score *= _KIND_MISMATCH
            fact_terms = {term for term in query.terms if index in held[term]}
            if query.kinds and not self._specific(query.terms, fact_terms):
                score *= _NOTHING_SPECIFIC
            if any(t in self._entities and t not in fact_terms and t not in self._topic for t in query.terms):
                score *= _ENTITY_MISSING
            matches.append(Match(self.knowledge.facts[index], round(100 * score, 1)))
        matches.sort(key=lambda match: match.score, reverse=True)
        return matches[:limit]


def _small_talk(tokens: Sequence[str]) -> tuple[str | None, set[int]]:
    """The first small-talk category and the positions of small talk around the question.

    Greetings and thanks open or close a message ("hi! when is Vostok? thanks");
    in the middle they are what is asked about ("how do you say hello in
    Chinese?"), so they stay part of the question.
    """
    spans: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for category, table in _SMALL_TALK:
        for start, end, _ in table.find(tokens, taken=taken):
            spans.append((start, end, category))
            taken.update(range(start, end))

    def filler(positions: range) -> bool:
        return all(i in taken or tokens[i] in lexicon.STOPWORDS for i in positions)

    kept = sorted(
        (start, end, category)
        for start, end, category in spans
        if filler(range(start)) or filler(range(end, len(tokens)))
    )
    chatter = {i for start, end, _ in kept for i in range(start, end)}
    return (kept[0][2] if kept else None), chatter


def _kinds_agree(asked: frozenset[str], answered: frozenset[str]) -> bool:
    """Whether a fact whose examples ask ``answered`` can answer a question asking ``asked``."""
    if not asked:
        return True
    counts = {kind for kind in asked if kind.startswith("count:")}
    if counts and not counts & answered:
        return False
    return bool((asked - counts) & answered)


def _capitalised(text: str) -> list[str]:
    """Words written with a capital, names mostly; question words and articles aside."""
    return [word for word in text.split() if word[:1].isupper() and normalize(word) not in lexicon.STOPWORDS]
