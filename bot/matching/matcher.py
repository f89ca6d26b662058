"""Matching a question to the facts that may answer it: an index over the facts, a ranking, then the decision.

A question becomes canonical terms (typos corrected by ``bot.matching.spelling``, words
stemmed, synonyms and multi-word names folded to one term) plus the kinds it
asks for (who, when, where, ...). An inverted index picks the facts sharing a
term; each is ranked on how much of the question it explains (coverage,
weighted by how rare each term is) and on how close the question is to its
nearest example question, marked down when it does not answer the kind of
question asked or lacks a name the question mentions. What was measured goes
to ``bot.matching.decision``, whose learned probability is each match's score.
``python -m bot eval --ablate`` shows what each weight below changes on each
article of the corpus.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.folding import fold, normalize, tokenize
from bot.knowledge.bulk import paused_gc
from bot.knowledge.model import LANGUAGES, Fact, Knowledge
from bot.matching import bilingual, lexicon
from bot.matching.decision import EXACT, SPARSE_EXAMPLES, Decision, runner_up_rankings
from bot.matching.decision import for_examples as decision_for
from bot.matching.index import Index, Questions
from bot.matching.spelling import Speller
from bot.matching.text import (
    PhraseTable,
    acronyms,
    clauses,
    detect_language,
    hearsay,
    question_kinds,
    stem,
    without_names,
)

_UNKNOWN_WEIGHT = 2.5  # a word no fact knows counts like a rare word the fact lacks
_KIND_MISMATCH = 0.55  # "how many soldiers" against a fact that answers no "how many"
_ENTITY_MISSING = 0.75  # the question names someone or something the fact never mentions
_KIND_WEIGHT = 2.0  # a question kind counts like a term when comparing to examples
_COVERAGE_SHARE = 0.8  # coverage of the question, against closeness to the nearest example question
_RESCORED = 8  # facts compared example by example, after the coverage ranking
_MORE_TIED = 64  # facts tied with the last of those compared too, at most ("where is the club?", all name the club)
_SUBJECT_SHARE = 0.6  # a draft's fact is about its headline's words (or lede's) even where it does not say them
_TIED = 0.01  # facts this close at the top are told apart by the wording of their examples
_CANDIDATE_POSTINGS = 1000  # a term in more facts than this only scores candidates, it does not add any
_FIELD_WEIGHTS = {"question": 1.0, "keyword": 1.0, "answer": 0.75, "source": 0.5}
_SMALL_TALK = tuple(
    (category, PhraseTable(phrase.split() for phrase in phrases)) for category, phrases in lexicon.SMALL_TALK
)
_FILLERS = lexicon.FILLER_PHRASES + lexicon.CONFIRMATIONS + lexicon.BACK_REFERENCES  # what adds nothing to match
_FILLER = PhraseTable(_FILLERS)
_CONFIRMATIONS = frozenset(map(tuple, lexicon.CONFIRMATIONS))
_ASKER = frozenset({"~asker"})
_COUNTED_OF = frozenset({"of", "de", "d", "des"})
_NOT_COUNTED = _COUNTED_OF | lexicon.STOPWORDS  # "how many of the soldiers", "combien de soldats"
_PRICED = lexicon.PRICE_WORDS | lexicon.PRICE_WITH_COMBIEN
_NAME_IDIOMS = PhraseTable(phrase.split() for phrase in lexicon.NAME_IDIOMS)
_DETAILS = tuple(
    (detail, PhraseTable(phrase.split() for phrase in phrases))
    for detail, phrases in (*lexicon.DETAIL_PHRASES, ("price", lexicon.PRICE_PHRASES))
)
_YEAR = re.compile(lexicon.YEAR)
_CALENDAR = frozenset(lexicon.MONTHS + lexicon.WEEKDAYS)
_MONTHS = frozenset(lexicon.MONTHS) - {"may"}  # "may" is a verb as often
_MONTH = "|".join(lexicon.MONTHS)
_DAY = rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:{_MONTH})\b|\b(?:{_MONTH})\s+\d{{1,2}}\b"  # "26 December", "May 3"
_CLOCK = r"\b\d{1,2}(?:[:h.]\d\d|\s?(?:am|pm|h)\b|\s?[ap]\.m\.)"  # "09:40", "16h30", "4 pm"
_DATED = _MONTHS | frozenset(lexicon.WEEKDAYS)  # words that date an answer: "on Monday", "in December"
_UNITS_OF_TIME = r"(?:years?|months?|weeks?|days?|hours?|ans?|annees?|mois|semaines?|jours?|heures?)"
_SEASONS = (
    r"(?:week|weekend|month|year|summer|winter|spring|autumn|night|semaine|mois|an|annee|ete|hiver|printemps|automne)"
)
_TIMED = re.compile(  # a time of day, or a time counted from now: "16h30", "vers 16 heures", "two years ago",
    # "il y a un an", "in two to three months", "last summer", "hier"
    rf"{_CLOCK}|\b(?:{'|'.join(' '.join(tokenize(word)) for word in lexicon.HOUR_OPENERS)}) \d{{1,2}} heures?\b"
    rf"|\bago\b|\bil y a (?:\w+ ){{1,2}}{_UNITS_OF_TIME}\b"
    rf"|\b(?:in|within|dans|d ici) (?:\w+ ){{1,4}}{_UNITS_OF_TIME}\b"
    rf"|\b(?:last|next) {_SEASONS}\b|\b{_SEASONS} (?:dernier|derniere|prochain|prochaine)\b"
    rf"|\b(?:yesterday|tomorrow|hier|demain)\b"
)
_DETAIL_IN_ANSWER = {  # searched in an answer folded to lower case without accents
    "year": re.compile(rf"\b{_YEAR.pattern}\b"),
    "date": re.compile(rf"{_DAY}|\b(?:{'|'.join(lexicon.WEEKDAYS + lexicon.NEAR_DAYS)})\b"),
    "day": re.compile(_DAY),
    "moment": re.compile(rf"{_DAY}|{_CLOCK}"),
    "hour": re.compile(rf"{_CLOCK}|\b\d{{1,2}}\s?heures?(?!\s+d)\b|\bo.clock\b|\b(?:{'|'.join(lexicon.DAY_PARTS)})\b"),
    "number": re.compile(rf"\d|\b(?:{'|'.join(lexicon.NUMBER_WORDS)})\b"),
    "price": re.compile(rf"[$£€¥%]|\b(?:{'|'.join(lexicon.CURRENCIES)})\b"),
}
_PHONE = re.compile(r"(?:\+\d|(?<![\d.,])0[1-9])(?:[ .-]?\d){7,12}(?!\d)")
"""A telephone number ("04 74 63 37 98", "01568 610636", "+33 6 12 34 56 78"): no number a question asks."""
_SMALL_TALK_WORDS = frozenset(word for _, phrases in lexicon.SMALL_TALK for p in phrases for word in p.split())
_ABOUT_THE_ARTICLE = lexicon.ARTICLE_WORDS.union(*(words for _, words in lexicon.HEADER_WORDS))
_LEXICON_WORDS = (
    lexicon.STOPWORDS
    | lexicon.QUESTION_WORDS
    | _SMALL_TALK_WORDS
    | frozenset(lexicon.SHORTHAND.values())
    | frozenset(word for phrase in _FILLERS for word in phrase)
    | lexicon.KIND_WORDS
    | _ABOUT_THE_ARTICLE
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
    misspelt: frozenset[str] = frozenset()
    """Terms of words no fact knows that look like a typo of a known word (the speller dared not correct them)."""
    details: frozenset[str] = frozenset()
    """The precise things it asks for ("name", "year", "date", "hour", "number"): a fact whose answer gives none
    cannot say."""
    strangers: frozenset[str] = frozenset()
    """Terms of the names it writes that the knowledge never mentions ("Who wrote Les Misérables?")."""


@dataclass(frozen=True)
class Evidence:
    """What the matcher measured between a query and one fact: what the decision weighs."""

    coverage: float
    """Share of the question's term weight the fact holds (0-1)."""
    similarity: float
    """Weighted Jaccard similarity to the fact's closest example question (0-1)."""
    kinds_agree: bool
    """The fact answers the kind of question asked (or the question asks no kind)."""
    counts_agree: bool
    """The fact counts what a "how many" question counts (or the question counts nothing)."""
    asks_kind: bool
    entity_missing: bool
    """The question names something the knowledge knows as a name, which this fact never mentions."""
    unknown: float
    """Share of the question's term weight in words no fact knows, and that are no typo of a word it knows."""
    misspelt: float
    """Share of the question's term weight in unknown words that look like a typo of a known one."""
    missing: float
    """Share of the question's term weight in words other facts know and this one lacks."""
    heaviest_missing: float
    """The rarest word this fact lacks, as a share of the rarest possible (0-1)."""
    asker: bool
    """The question is about the asker ("how do I...")."""
    ranking: float
    """The score facts are ranked by (0-1): coverage blended with similarity, marked down for each mismatch."""


@dataclass(frozen=True)
class Match:
    """A fact and how likely it answers a query, 0-100 (the learned decision's probability, in percent)."""

    fact: Fact
    score: float
    evidence: Evidence | None = None


class Matcher:
    """Finds the fact that answers a question; build once per knowledge, then query many times."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        score_cutoff: float | None = None,
        decision: Decision | None = None,
    ) -> None:
        """``score_cutoff`` (0-100) overrides the decision's threshold: ``eval --sweep`` tries several."""
        self.knowledge = knowledge
        examples = sum(len(questions) for fact in knowledge.facts for questions in fact.questions.values())
        per_fact = examples / max(1, len(knowledge.facts))
        self.decision = decision or decision_for(per_fact)
        # a maintainer's examples are worded as people ask, and say what their fact counts ("how many rocks
        # fell?" is no question for a fact counting sheep); a draft's are made from the sentence and say less,
        # and its answer may count in words not read as counted ("nearly a thousand islands")
        self._dense = per_fact >= SPARSE_EXAMPLES
        self._tied = _TIED if self._dense else 0.0
        self.score_cutoff = 100 * self.decision.threshold if score_cutoff is None else score_cutoff
        self._canonical: dict[str, str] = {}  # a stem -> its group's term
        self._exact: dict[str, str] = {}  # a word a group lists -> its group's term, before its stem's group
        self._forms: dict[str, str] = {}  # a form key of a word a group lists -> its group's term, after its stem's
        self._positions: dict[str, int] = {}  # fact id -> its number, built when first needed
        self._worded: dict[int, tuple[list[str], ...]] = {}  # fact number -> its example questions' tokens, as needed
        phrases: dict[tuple[str, ...], str] = {}
        self._synonyms = (*knowledge.synonyms, *bilingual.used_in(knowledge.article))  # the maintainer's first
        own_stems: set[str] = set()  # a general group's word whose stem the maintainer's groups hold is theirs
        self._own_words: set[str] = set()  # the maintainer's words: never ignored for sharing a stopword's stem
        for number, group in enumerate(self._synonyms):
            canonical = "~" + "_".join(stem(word) for word in tokenize(group[0]))
            own = number < len(knowledge.synonyms)
            for member in group:
                words = tokenize(member)
                stems = tuple(stem(word) for word in words)
                if len(stems) == 1:
                    if own:
                        own_stems.add(stems[0])
                        self._own_words.add(words[0])
                    if own or stems[0] not in own_stems:
                        self._exact.setdefault(words[0], canonical)
                    self._canonical.setdefault(stems[0], canonical)
                    if key := bilingual.form_key(words[0]):
                        self._forms.setdefault(key, canonical)
                elif stems:
                    phrases.setdefault(stems, canonical)
        self._phrases = phrases
        self._phrase_table = PhraseTable(phrases)
        self._publisher = frozenset(  # "c'est TF1 ?", "is this from CBS?": the publisher's own name asks for it
            word
            for word in tokenize(knowledge.publisher or "")
            if len(word) > 1 and not word.isdigit() and word not in _LEXICON_WORDS and not bilingual.is_general(word)
        )
        self._article_words = _ABOUT_THE_ARTICLE | self._publisher
        self._header_terms = frozenset({"~asker", *self._own_terms(self._article_words)})
        self._header_words = tuple(
            (field, words | self._publisher if field == "source" else words) for field, words in lexicon.HEADER_WORDS
        )
        self._header_alone = lexicon.HEADER_ALONE | self._publisher
        self.article_terms = frozenset(self._term(word, stem(word)) for word in lexicon.ARTICLE_WORDS)
        """The terms of the words for the article itself ("article", "story"), which name no fact's topic."""
        with paused_gc():
            self._build_index(knowledge.facts)
        # A publisher named in general words ("France Bleu", "The Times") asks for the source only as a whole.
        # "Alençon maville (Ouest-France)": the name in brackets is the publisher's name too
        publisher = knowledge.publisher or ""
        names = [publisher, *re.split(r"[()\[\]]", publisher)]
        self._publisher_names = tuple(dict.fromkeys(name for n in names if len(name := tuple(tokenize(n))) > 1))
        self._publisher_terms = frozenset(
            term for name in self._publisher_names for term in self.analyse(" ".join(name)).terms
        )
        # A draft's fact is one sentence, and a sentence rarely repeats what the article is about: "when did the
        # fire start?" asks the fact that gives the time, though only the headline says "fire". Without a
        # headline, the words of the first sentence that others repeat say it; its own details do not. A
        # maintainer's facts say it in their example questions.
        self._subject_terms: frozenset[str] = frozenset()
        if not self._dense:
            header = [*knowledge.title.values(), *knowledge.about.values()]
            lede = [source for fact in knowledge.facts[:1] for source in fact.sources[:1]]
            self._subject_terms = frozenset(
                term
                for text in header or lede
                for term in self.analyse(text).terms
                if term in self._index.ids and (header or self._index.frequency(self._index.ids[term]) > 1)
            )

    # -- building -------------------------------------------------------------

    def _build_index(self, facts: Sequence[Fact]) -> None:
        surface: Counter[str] = Counter()
        lang_words: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        entities: set[str] = set()
        name_pairs: set[tuple[str, str]] = set()
        joined_names: set[tuple[str, ...]] = set()
        kinds_seen: dict[frozenset[str], frozenset[str]] = {}
        self._kinds: list[frozenset[str]] = []
        self._index = index = Index()
        self._questions = questions = Questions()
        self._kind_only: dict[frozenset[str], list[int]] = {}  # facts with an example that is only a kind: "When?"
        for number, fact in enumerate(facts):
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
                tokens = tokenize(text)
                if field_name in ("answer", "keyword"):
                    entities.update(self._names_in(text, tokens))
                    name_pairs.update(_name_pairs(text))
                    joined_names.update(name for word in _named(text) if len(name := tuple(tokenize(word))) > 1)
                surface.update(tokens)
                if text_lang:
                    lang_words[text_lang].update(tokens)
                question_kind, used = self._question_kinds(tokens, text=text)
                if field_name == "question":
                    used = used | _name_words(tokens)
                terms = self._terms(tokens, used, lang=text_lang)
                weight = _FIELD_WEIGHTS[field_name]
                for term in terms:
                    weights[term] = max(weights.get(term, 0.0), weight)
                if field_name == "answer" and text_lang:
                    kinds |= _answer_kinds(text, tokens, text_lang, sparse=not self._dense) | self._counted(tokens)
                if field_name == "question":
                    questions.add(" ".join(tokens), number)
                    kinds |= question_kind
                    if question_kind and not terms:
                        self._kind_only.setdefault(question_kind, []).append(number)
                    examples.append([*terms, *("?" + kind for kind in question_kind)])
            index.add(weights, examples)
            frozen = frozenset(kinds)
            self._kinds.append(kinds_seen.setdefault(frozen, frozen))

        count = len(facts)
        self._idf = array("d", [_UNKNOWN_WEIGHT] * len(index.ids))
        for term_id in index.ids.values():
            holding = index.frequency(term_id)
            if holding:
                self._idf[term_id] = math.log(1 + count / holding)
        questions.finish()
        index.finish(lambda feature: _KIND_WEIGHT if feature.startswith("?") else self._term_weight(feature))
        # The speller corrects towards the knowledge's own groups, not the general ones: among a thousand groups'
        # words, a real word one letter from one of them ("recette", "recente") would be misread.
        synonyms = {word for group in self.knowledge.synonyms for member in group for word in tokenize(member)}
        # the names of the title and of what it is about are the article's subject: every fact is about them,
        # whether its answer names them or not
        header = [*self.knowledge.title.values(), *self.knowledge.about.values()]
        subject = {name for text in header for name in self._names_in(text, tokenize(text))}
        self._entities = frozenset(entities) - subject
        # the years of the article and of its header (its address too: ".../2021/10/06/...") are its time
        knowledge = self.knowledge
        dated = " ".join([knowledge.article, knowledge.published or "", knowledge.url or "", *knowledge.title.values()])
        self._years = frozenset(_DETAIL_IN_ANSWER["year"].findall(dated))
        self._money_terms = frozenset(self._term(word, stem(word)) for word in (*_PRICED, *lexicon.CURRENCIES))
        self._joined_names = PhraseTable(joined_names)  # "Mont-de-Marsan": its "de" says nothing of the language
        self._fr_words = frozenset(lang_words["fr"] - lang_words["en"])
        self._en_words = frozenset(lang_words["en"] - lang_words["fr"])
        french = self._fr_words | lexicon.FRENCH_MARKERS | lexicon.FRENCH_STOPWORDS
        english = self._en_words | lexicon.ENGLISH_MARKERS | lexicon.ENGLISH_STOPWORDS
        frequency = Counter(dict.fromkeys(_LEXICON_WORDS | synonyms, 0))
        frequency.update(surface)
        self._speller = Speller(
            frequency, other_language={"en": french - english, "fr": english - french}, names=name_pairs
        )

    def _own_terms(self, words: Collection[str]) -> set[str]:
        """The terms of ``words``, but not a group that lists none of them and takes one only by its stem: "vient"
        (comes) is no word of a group listing the English "venue", though both are forms of "venir"."""
        listing = {self._exact[word] for word in words if word in self._exact}
        terms = {self._term(word, stem(word)) for word in words}
        return {term for term in terms if not term.startswith("~") or term in listing}

    def _term(self, token: str, token_stem: str) -> str:
        """The term of a word: the group that lists it, else the group of its stem, else the group of one of its
        forms, else its stem."""
        found = self._exact.get(token) or self._canonical.get(token_stem)
        if found is None and (key := bilingual.form_key(token)):  # "réunis", a form of the listed "réuni"
            found = self._forms.get(key)
        return found or token_stem

    def _terms(
        self, tokens: Sequence[str], used: Iterable[int] = (), *, keep: Collection[int] = (), lang: str | None = None
    ) -> list[str]:
        """Canonical content terms of tokens, skipping the positions in ``used``; ``keep`` ones are never stopwords,
        and the stopwords of ``lang`` alone are too ("but" in English, where it is no French goal)."""
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
            # "shows" is "show", a stopword; "truce" is no "truc" when a group of the maintainer's lists it
            stopword = (
                token in lexicon.STOPWORDS
                or (stems[index] in lexicon.STOPWORDS and token not in self._own_words)
                or (lang == "en" and token in lexicon.ENGLISH_ONLY_STOPWORDS)
            )
            if stopword and index not in keep and not (lang == "en" and token in lexicon.MEANINGFUL_IN_ENGLISH):
                continue
            if len(token) < 2 and not token.isdigit():
                continue
            found.append(sys.intern(self._term(token, stems[index])))
        return list(dict.fromkeys(found))

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

    def _question_kinds(self, tokens: Sequence[str], *, text: str = "") -> tuple[frozenset[str], frozenset[int]]:
        """The kinds a question asks for; "how many X" also names X ("count:~troop"), each word of it when it has
        several ("how many Chinese soldiers": a fact counting soldiers or Chinese ones answers).

        A fact that counts hours does not answer how many soldiers, though both
        are "how many" questions.
        """
        kinds, used = question_kinds(tokens, text=text)
        if "quantity" not in kinds:
            return kinds, used
        for index, token in enumerate(tokens):
            if token in lexicon.COUNT_WORDS:
                if token in lexicon.COUNTS_WITH_DE and lexicon.COUNT_DE.isdisjoint(tokens[index + 1 : index + 2]):
                    continue  # "combien pesait-il ?": a verb, not what is counted
                following = list(
                    itertools.takewhile(lambda t: t not in lexicon.COUNT_ENDS, tokens[index + 1 : index + 5])
                )
                named = itertools.takewhile(
                    lambda t: t not in _NOT_COUNTED, itertools.dropwhile(lambda t: t in _NOT_COUNTED, following)
                )
                counted = self._terms(list(named)[:3])  # "how many millimetres of rain": millimetres
                if counted:
                    return kinds | {"count:" + term for term in counted}, used
        return kinds, used

    def _untied(self, query: Query, measured: list[tuple[int, Evidence]]) -> list[tuple[int, Evidence]]:
        """The facts tied at the top (within a point) ordered by how close the question's whole wording is to
        their example questions, "how" and "comment" included: "comment le chien a été sauvé" is the rescue's
        example, though the dog's name lists "quel chien a été sauvé ?" with the same terms."""
        if len(measured) < 2 or measured[1][1].ranking < measured[0][1].ranking - self._tied:
            return measured
        tied = [pair for pair in measured if pair[1].ranking >= measured[0][1].ranking - self._tied]
        tied.sort(key=lambda pair: self._wording(query, pair[0]), reverse=True)
        return tied + measured[len(tied) :]

    def _wording(self, query: Query, index: int) -> float:
        """How close the question is to the nearest example question of fact number ``index``, word by word and in
        order (the examples are tokenized once, when first compared)."""
        examples = self._worded.get(index)
        if examples is None:
            questions = self.knowledge.facts[index].questions.values()
            examples = self._worded[index] = tuple(tokenize(question) for asked in questions for question in asked)
        return max((fuzz.ratio(query.tokens, example) for example in examples), default=0.0)

    def _kind_nouns(
        self, tokens: Sequence[str], terms: list[str], *, skip: Collection[int]
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The kinds and details asked by nouns no fact uses ("festival dates?", "la raison ?"), taken out of
        ``terms``: a draft asks "When ...?", not "what are the dates", and the word would count against every fact."""
        kinds: set[str] = set()
        details: set[str] = set()
        for index, token in enumerate(tokens):
            kind = lexicon.KIND_NOUNS.get(token)
            if not kind or index in skip:
                continue
            term = self._term(token, stem(token))
            if term in terms and term not in self._index.ids:
                terms.remove(term)
                kinds.add(kind)
                details.update(lexicon.NOUN_DETAILS.get(token, ()))
        return frozenset(kinds), frozenset(details)

    def _counted(self, tokens: Sequence[str]) -> set[str]:
        """What an answer counts ("587 pupils", "trois boulangers"): it answers how many of those, whatever its
        examples ask ("count:~pupil")."""
        return {
            "count:" + term
            for index, token in enumerate(tokens)
            if (token.isdigit() or token in lexicon.COUNTING_WORDS) and not _aged(tokens, index)
            for term in self._terms([t for t in tokens[index + 1 : index + 4] if t not in _COUNTED_OF][:2])
        }

    def _names_in(self, text: str, tokens: Sequence[str]) -> list[str]:
        """The terms of the names a text (whose ``tokens`` these are) writes, with the groups that list a name whole
        with its article ("La Tâche", "Le Mans"): the capitalised words alone, without "La", would miss that group."""
        capitalised = tokenize(" ".join(_capitalised(text)))
        within = [
            self._phrases[phrase]
            for start, end, phrase in self._phrase_table.find([stem(token) for token in tokens])
            if not set(tokens[start:end]).isdisjoint(capitalised)
        ]
        return list(dict.fromkeys([*self._terms(capitalised), *within]))

    def _gives(self, index: int, detail: str, terms: Collection[str]) -> bool:
        """Whether the fact's answers give the ``detail`` a question asks: a name it does not already give, a
        year, a date, an hour, a number (worked out only for the few facts such a question ranks best)."""
        answers = self.knowledge.facts[index].answers.values()
        if detail == "name":
            return any(
                name not in terms for answer in answers for name in self._terms(tokenize(" ".join(_named(answer))))
            )
        return any(_DETAIL_IN_ANSWER[detail].search(_PHONE.sub(" ", fold(answer))) for answer in answers)

    def _language(self, question: str, tokens: Sequence[str]) -> str:
        """The question's language, from its words outside its capitalised names and the names the knowledge
        writes with a hyphen."""
        plain = without_names(question)
        if plain != question:
            named = set(tokenize(question)) - set(tokenize(plain))
            question, tokens = plain, [token for token in tokens if token not in named]
        inside = {i for start, end, _ in self._joined_names.find(tokens) for i in range(start, end)}
        words = [token for i, token in enumerate(tokens) if i not in inside]
        return detect_language(question, words, fr_words=self._fr_words, en_words=self._en_words)

    def _knows_any(self, terms: Iterable[str]) -> bool:
        return any(term in self._index.ids for term in terms)

    def _term_weight(self, term: str) -> float:
        term_id = self._index.ids.get(term)
        return _UNKNOWN_WEIGHT if term_id is None else self._idf[term_id]

    # -- analysing a question -------------------------------------------------

    def analyse(self, question: str, *, lang: str | None = None) -> Query:
        """Turn a raw question into a Query; ``lang`` forces the answer language."""
        raw = tokenize(question)
        guess = self._language(question, raw)
        tokens = " ".join(self._speller.correct(token, guess) for token in raw).split()  # a correction can be two words
        tokens = self._speller.in_names(tokens)
        tokens = _uncontracted(tokens)
        tokens = _chat_prepositions(tokens)
        if lang is None:  # corrections can reveal the language ("ki participe"): detect again only then
            lang = guess if tokens == raw else self._language(question, tokens)
        small_talk, chatter = _small_talk(tokens)
        for start, end, _ in _FILLER.find(tokens, taken=chatter):
            chatter.update(range(start, end))
        chatter.update(hearsay(tokens))
        chatter.update(  # "c'était où déjà ?"
            i
            for i, token in enumerate(tokens)
            if token in lexicon.AGAIN_AFTER_QUESTION_WORD and i and tokens[i - 1] in lexicon.QUESTION_WORDS
        )
        stems = [stem(token) for token in tokens]  # a name of the synonyms is no chatter: "Oui care" is no "yes"
        chatter.difference_update(i for start, end, _ in self._phrase_table.find(stems) for i in range(start, end))
        kinds, used = self._question_kinds([("" if i in chatter else t) for i, t in enumerate(tokens)], text=question)
        meant, common = acronyms(question, tokens)
        named = _name_words(tokens)
        terms = self._terms(tokens, chatter | used | common | named, keep=meant, lang=lang)
        noun_kinds, noun_details = self._kind_nouns(tokens, terms, skip=chatter)
        kinds |= noun_kinds
        if "when" in kinds and _position(tokens, ("how", "long")) is not None and "ago" not in tokens:
            kinds |= {"distance"}  # "how long was the creature?" asks a length as often as a time
        framing = {self._term(t, stem(t)) for t in tokens if t in lexicon.FRAME_WORDS}
        names = {tokens[i] for i in meant}
        terms = [  # a frame word, a word of two letters ("da") but a name (EU), or the article's own year ("the
            # 2017 opening", of an article published in 2017), that no fact knows, says nothing
            term
            for term in terms
            if term in self._index.ids
            or (term not in framing and term not in self._years and (len(term) > 2 or term.isdigit() or term in names))
        ]
        misspelt = frozenset(
            term
            for token in tokens
            if (term := self._term(token, stem(token))) in terms
            and term not in self._index.ids
            and self._speller.resembles(token)
        )
        strangers = frozenset(
            term
            for word in _named_in_question(question)
            for token in tokenize(word)
            if len(token) > 2
            and token not in bilingual.WORDS
            and (term := self._term(token, stem(token))) in terms
            and term not in self._index.ids
            and term not in misspelt
        )
        return Query(
            text=question,
            tokens=tuple(tokens),
            terms=tuple(terms),
            kinds=kinds,
            lang=lang,
            small_talk=small_talk if not terms else None,
            misspelt=misspelt,
            details=_details(
                tokens,
                kinds,
                {t for t in tokens if t in _PRICED and self._term(t, stem(t)) in self._entities},
                asks_name=bool(named),
                counts_other=any(k.startswith("count:") and k[6:] not in self._money_terms for k in kinds),
            )
            | noun_details,
            strangers=strangers,
        )

    def _index_of(self, fact_id: str) -> int | None:
        """Where the fact ``fact_id`` is in the knowledge (``None``: no such fact)."""
        if not self._positions:
            self._positions.update((fact.id, number) for number, fact in enumerate(self.knowledge.facts))
        return self._positions.get(fact_id)

    def held(self, fact_id: str, terms: Iterable[str]) -> tuple[str, ...]:
        """The ``terms`` that the fact ``fact_id`` holds (in its answers, questions, keywords or sources)."""
        number = self._index_of(fact_id)
        ids = self._index.ids
        return tuple(
            term
            for term in terms
            if number is not None and term in ids and number in self._index.weights(ids[term], (number,))
        )

    def missing_details(self, fact_id: str, query: Query) -> tuple[str, ...]:
        """The details ``query`` asks for ("price", "date"...) that the answers of ``fact_id`` do not give: asked
        in other words than its example questions, the fact cannot answer it."""
        number = self._index_of(fact_id)
        return () if number is None else self._missing(number, query)

    def _missing(self, index: int, query: Query) -> tuple[str, ...]:
        """The details ``query`` asks for that the answers of the fact at ``index`` do not give."""
        return tuple(sorted(d for d in query.details if not self._gives(index, d, query.terms)))

    def names(self, terms: Iterable[str]) -> tuple[str, ...]:
        """The ``terms`` that the knowledge writes as names (capitalised in an answer or a keyword)."""
        return tuple(term for term in terms if term in self._entities)

    def header_request(self, query: Query) -> str | None:
        """The header field ("title", "source", "published", "about") that a question about the article itself asks
        for ("when was this article published?", "what is it about?"), or None when it asks anything else."""
        spoken = (_position(query.tokens, name) for name in self._publisher_names)
        said = min((at for at in spoken if at is not None), default=None)
        # the words about the article are its own, whatever group their stem falls in ("d'où vient l'article ?")
        own = {self._term(token, stem(token)) for token in query.tokens if token in self._article_words}
        if not self._header_terms.issuperset(
            set(query.terms) - own - (self._publisher_terms if said is not None else set())
        ):
            return None
        tokens = set(query.tokens)
        article = said is not None or not tokens.isdisjoint(lexicon.ARTICLE_WORDS | self._header_alone)
        named = [  # the field named first is the one asked: "which newspaper published it", "what date was it posted"
            (min(query.tokens.index(word) for word in tokens & words), field)
            for field, words in self._header_words
            if (article and tokens & words) or tokens & words & self._header_alone
        ] + ([(said, "source")] if said is not None else [])
        asked = [field for _, field in sorted(named)]
        field = next(iter(asked), None)
        if not asked and not query.kinds and not tokens.isdisjoint(lexicon.ARTICLE_WORDS):
            field = "about"  # "c'est quoi, cet article ?", "this article?": what it is about
        dated = "when" in query.kinds or any(_YEAR.fullmatch(token) for token in query.tokens)
        own_year = not query.terms and not tokens.isdisjoint(self._years)  # "is it in 2019?", of a 2019 article
        if dated and (field in ("source", "published") or (not asked and (article or own_year))):
            field = "published"  # "what year is the article from?", "c'est de quand, l'article ?", "from 2023?"
        if field == "published" and query.kinds & {"who", "where"}:  # "who published it?" asks for the publisher
            return None if tokens & lexicon.HEADER_WRITTEN else "source"
        about_whom = article and query.kinds == {"who"} and tokens.isdisjoint(lexicon.HEADER_SPOKEN)
        if field == "about" and query.kinds and not about_whom:  # "who talks?", "when about?", "qui parle ?"
            return None
        return field

    def example(self, query: Query) -> Match | None:
        """The fact that lists the question itself among its examples (normalised, or once its typos and chat
        spellings are read: "wat happend" is "what happened"), as a certain match."""
        for key in dict.fromkeys((normalize(query.text), " ".join(query.tokens))):
            for index in self._questions.find(key):
                fact = self.knowledge.facts[index]
                examples = (q for questions in fact.questions.values() for q in questions)
                if any(key in (normalize(q), " ".join(tokenize(q))) for q in examples):
                    return Match(fact, 100.0)
        return None

    def other_readings(self, question: str, *, lang: str) -> list[Query]:
        """Narrower readings of a message of several sentences or clauses, for when it matches nothing whole.

        People tell a story before they ask ("I saw it on the news this morning,
        so who else is going?"). Read whole, the story's words count against
        every fact. So the message is also read as its asking parts (those that
        say what they ask, or end with a question mark) with the story's words
        that the knowledge knows, and each asking part alone when it names
        something ("which region?" does not), or two things when it asks no kind
        ("Does India take part?"). When its question names only what no fact
        knows ("... Any idea?", "Are there shuttles?"), the story is what it
        asks, so there is no narrower reading.
        """
        parts = clauses(question)
        if len(parts) < 2:
            return []
        analysed = [(part, self.analyse(part, lang=lang)) for part in parts]
        asking = [
            query
            for part, query in analysed
            if (query.kinds or part.endswith("?")) and query.tokens not in _CONFIRMATIONS
        ]  # "Is that true?" asks whether the story is so: the story is what it asks
        if not any(q.kinds for q in asking) and any(q.terms and not self._knows_any(q.terms) for q in asking):
            return []  # "...any idea?", "il y a des navettes ?": what it asks, no fact knows
        if not asking or len(asking) == len(analysed):
            return [query for query in asking if query.kinds and query.terms]
        story = [term for _, query in analysed if query not in asking for term in query.terms]
        known = [term for term in story if term in self._index.ids]
        terms = [*dict.fromkeys([*(t for query in asking for t in query.terms), *known])]
        focused = Query(
            text=" ".join(query.text for query in asking),
            tokens=tuple(token for query in asking for token in query.tokens),
            terms=tuple(terms),
            kinds=frozenset(kind for query in asking for kind in query.kinds),
            lang=lang,
        )
        return [focused, *(query for query in asking if len(query.terms) >= (1 if query.kinds else 2))]

    # -- scoring --------------------------------------------------------------

    def _kind_only_matches(self, query: Query, limit: int) -> list[Match]:
        """A question that names nothing ("and when?", "how old is it?") reaches the facts whose examples ask
        just that: the knowledge says which fact such a question is about, unless it cannot give the detail asked
        ("what year?" of an answer that gives a day)."""
        facts = [
            index for index in dict.fromkeys(self._kind_only.get(query.kinds, ())) if not self._missing(index, query)
        ]
        return [_certain(self.knowledge.facts[index]) for index in facts[:limit]]

    def extract(self, query: str | Query, *, limit: int = 3) -> list[Match]:
        """The best facts for a query, best first, with no cutoff."""
        if isinstance(query, str):
            query = self.analyse(query)
        if not query.terms:
            return self._kind_only_matches(query, limit)
        weights = {term: self._term_weight(term) for term in query.terms}
        total = sum(weights.values())
        ids = {term: self._index.ids[term] for term in weights if term in self._index.ids}
        subject = self._subject_terms.intersection(weights)
        # a headline's word lends itself to every fact, so every fact is a candidate, as many as a common term finds
        count = len(self.knowledge.facts)
        found = range(count) if subject and count <= _CANDIDATE_POSTINGS else self._candidates(ids.values())
        coverage = dict.fromkeys(found, 0.0)
        held: dict[str, dict[int, float]] = {}  # by term: the candidates holding it, with its field weight
        for term, weight in weights.items():
            held[term] = self._index.weights(ids[term], coverage) if term in ids else {}
            lent = _SUBJECT_SHARE if term in subject else 0.0
            for index in coverage:
                coverage[index] += weight * held[term].get(index, lent)
        ranked = heapq.nlargest(_RESCORED, coverage, key=coverage.__getitem__)
        if len(ranked) == _RESCORED:  # facts tied with the last are compared too: the closest may be among them
            tied = coverage[ranked[-1]]
            kept = set(ranked)
            ranked += [index for index in coverage if coverage[index] == tied and index not in kept][:_MORE_TIED]
        asked = [*weights.items(), *(("?" + kind, _KIND_WEIGHT) for kind in query.kinds)]
        features = [(self._index.ids[name], weight) for name, weight in asked if name in self._index.ids]
        query_weight = total + _KIND_WEIGHT * len(query.kinds)
        measured: list[tuple[int, Evidence]] = []
        misspelt = sum(weight for term, weight in weights.items() if term not in ids and term in query.misspelt)
        unknown = sum(weight for term, weight in weights.items() if term not in ids) - misspelt
        rarest = math.log(1 + len(self.knowledge.facts))
        for index in ranked:
            similarity = self._index.best_similarity(index, features, query_weight)
            score = _COVERAGE_SHARE * coverage[index] / total + (1 - _COVERAGE_SHARE) * similarity
            if query.details and self._missing(index, query):
                continue  # "at what time?" and an answer with no hour in it: whatever else it says, it cannot say
            plain, counts = _kinds_agree(query.kinds, self._kinds[index])
            agree = plain and counts
            if not agree:
                score *= _KIND_MISMATCH
            fact_terms = {term for term in query.terms if index in held[term]} | subject
            if fact_terms <= _ASKER and similarity < EXACT:  # "my", "je" alone say nothing of what is asked
                continue
            entity_missing = any(t in self._entities and t not in fact_terms for t in query.terms)
            if entity_missing:
                score *= _ENTITY_MISSING
            if similarity >= EXACT and agree:  # one of the fact's own example questions: what its maintainer promised
                score = 1.0
            lacking = [weights[t] for t in ids if t not in fact_terms]
            evidence = Evidence(
                coverage=coverage[index] / total,
                similarity=similarity,
                kinds_agree=plain,
                counts_agree=counts,
                asks_kind=bool(query.kinds),
                entity_missing=entity_missing,
                unknown=unknown / total,
                misspelt=misspelt / total,
                missing=sum(lacking) / total,
                heaviest_missing=max(lacking, default=0.0) / rarest if rarest else 0.0,
                asker="~asker" in weights,
                ranking=score,
            )
            measured.append((index, evidence))
        measured.sort(key=lambda pair: round(100 * pair[1].ranking, 1), reverse=True)
        measured = self._untied(query, measured)
        runner_ups = runner_up_rankings([evidence.ranking for _, evidence in measured])
        # A year or a month the knowledge never mentions ("the 2018 edition", "rain in August" of an article about
        # September) asks about another time than the article's, and a name it never mentions ("Who wrote Les
        # Misérables?") about something else.
        months = [token for token in query.tokens if token in _MONTHS]
        elsewhere = (
            bool(query.strangers)
            or any(_YEAR.fullmatch(term) for term in query.terms if term not in ids)
            or any(term in query.terms and term not in ids for term in (self._term(t, stem(t)) for t in months))
        )
        return [
            Match(
                self.knowledge.facts[index],
                0.0
                if elsewhere or (self._dense and not evidence.counts_agree)
                else round(100 * self.decision.probability(evidence, runner_up), 1),
                evidence,
            )
            for (index, evidence), runner_up in zip(measured[:limit], runner_ups, strict=False)
        ]


def _uncontracted(tokens: Sequence[str]) -> list[str]:
    """English contractions as their words: the "s" of "what's" is "is" ("what's the article about?" is the
    example it spells), the "don" of "don't" is "do", not a word no fact knows."""
    found = list(tokens)
    for index, token in enumerate(tokens[1:], start=1):
        before = tokens[index - 1]
        if token == "s" and before in lexicon.IS_CONTRACTED:
            found[index] = "is"
        elif token == "t" and before in lexicon.NOT_CONTRACTED:
            found[index - 1 : index + 1] = [lexicon.NOT_CONTRACTED[before], "not"]
    return found


def _chat_prepositions(tokens: Sequence[str]) -> list[str]:
    """Chat digits before an English determiner as the prepositions they stand for ("2 the ferry")."""
    return [
        lexicon.CHAT_PREPOSITIONS.get(token, token) if following in lexicon.CHAT_PREPOSITION_BEFORE else token
        for token, following in itertools.pairwise([*tokens, ""])
    ]


def _certain(fact: Fact) -> Match:
    """A fact that lists the question's very form among its examples."""
    evidence = Evidence(
        coverage=1.0,
        similarity=1.0,
        kinds_agree=True,
        counts_agree=True,
        asks_kind=True,
        entity_missing=False,
        unknown=0.0,
        misspelt=0.0,
        missing=0.0,
        heaviest_missing=0.0,
        asker=False,
        ranking=1.0,
    )
    return Match(fact, 100.0, evidence)


def _details(
    tokens: Sequence[str],
    kinds: Collection[str],
    names: Collection[str],
    *,
    asks_name: bool = False,
    counts_other: bool = False,
) -> frozenset[str]:
    """The precise things a question asks for: a name, a year, a date, an hour, a number ("how many", "how old"),
    a price ("how much", with a word of price that is none of the knowledge's ``names``, or of one thing: "how
    much is a ticket?"), unless it ``counts_other`` things than money ("combien d'artisans ont reçu un prix ?").
    A price is a number enough: "free" answers "how much does it cost?". Asked "exactly", a date is a day of a
    month, and "when" a day of a month or a clock time."""
    found = {detail for detail, table in _DETAILS if table.find(tokens)}
    if asks_name and "why" not in kinds:  # "why is it called Anna?" asks why, the name is given
        found.add("name")
    priced = _PRICED if "combien" in tokens else lexicon.PRICE_WORDS
    if "quantity" in kinds and not counts_other and any(token in priced and token not in names for token in tokens):
        found.add("price")  # "how much does it cost?"; not a surname, nor a price that is the topic ("the price cap?")
    elif ("quantity" in kinds or "age" in kinds) and "price" not in found:
        found.add("number")
    if not lexicon.EXACT_WORDS.isdisjoint(tokens):  # "the exact date?" is no "on Tuesday", "when exactly?" no "in May"
        if "date" in found:
            found = found - {"date"} | {"day"}
        elif "when" in kinds:
            found.add("moment")
    return frozenset(found)


def _name_words(tokens: Sequence[str]) -> frozenset[int]:
    """Where a question says it asks for a name ("what is the mayor's name?"): a detail asked, not a topic;
    not "au nom de" ("on behalf of")."""
    idioms = {i for start, end, _ in _NAME_IDIOMS.find(tokens) for i in range(start, end)}
    return frozenset(i for i, token in enumerate(tokens) if token in lexicon.NAME_WORDS and i not in idioms)


def _small_talk(tokens: Sequence[str]) -> tuple[str | None, set[int]]:
    """The first small-talk category and the positions of small talk around the question.

    Greetings and thanks open or close a message ("hi! when does it open? thanks");
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

    def fills(start: int, end: int, category: str) -> bool:
        """It opens or closes the message, or, for a category of ``SMALL_TALK_ALONE``, is all of it."""
        before, after = filler(range(start)), filler(range(end, len(tokens)))
        return (before and after) or (category not in lexicon.SMALL_TALK_ALONE and (before or after))

    kept = sorted((start, end, category) for start, end, category in spans if fills(start, end, category))
    chatter = {i for start, end, _ in kept for i in range(start, end)}
    said = [  # "is it good?" asks something, though "good" alone acknowledges an answer
        category
        for start, _, category in kept
        if category != "ack" or lexicon.YES_NO_OPENERS.isdisjoint(tokens[:start])
    ]
    return next(iter(said), None), chatter


def _answer_kinds(text: str, tokens: Sequence[str], lang: str, *, sparse: bool = False) -> set[str]:
    """The kinds an answer plainly gives whatever its examples ask: a reason ("because", "pour être sûrs",
    "to commemorate"), a frequency ("regularly"), an age ("a 45-year-old"), a distance or a size ("205 km"), a
    place ("in Leeds"), who did it ("opened by MP Jane Doe") and a date or a time ("en 2008", "at 16h30", "two
    years ago"). Maintainers rarely think of a "why?" example, and a draft's few examples miss most of them: a
    fact is then declined for it. In a draft (``sparse``), a fact that names someone ("said Jane Doe") answers
    "who" too: a maintainer's examples say whether their fact tells who, a draft's do not."""
    words = set(tokens) | {" ".join(pair) for pair in itertools.pairwise(tokens)}
    kinds = set()
    if (
        words & lexicon.REASON_MARKERS[lang]
        or (lang == "fr" and any(first == "pour" and _infinitive(then) for first, then in itertools.pairwise(tokens)))
        or (lang == "en" and any(normalize(verb) not in _PURPOSE_STOPS for verb in _PURPOSE.findall(text)))
    ):
        kinds.add("why")
    if words & lexicon.FREQUENCY_MARKERS:
        kinds.add("frequency")
    if any(token.isdigit() and _aged(tokens, index) for index, token in enumerate(tokens)):
        kinds.add("age")
    if any(_measured(tokens, index) for index in range(len(tokens))):
        kinds.add("distance")
    if _names_a_place(text):
        kinds.add("where")
    agents = (normalize(found.group(1)) for found in _AGENT.finditer(text))
    if any(agent not in _CALENDAR for agent in agents) or (sparse and _names_someone(text)):
        kinds.add("who")
    if (
        not _DATED.isdisjoint(tokens)
        or any(_YEAR.fullmatch(token) for token in tokens)
        or _TIMED.search(" ".join(tokens))
    ):
        kinds.add("when")
    return kinds


_PURPOSE = re.compile(r"(?<![\w-])(?<!\bup )(?<!\bdue )(?<!\baccording )(?<!\bgoing )to ([a-z][\w'-]*)")
"""An English infinitive of purpose: "to commemorate the birth", "to write off" (not "to Leeds", "to 300", "up to")."""
_PURPOSE_STOPS = lexicon.STOPWORDS | _CALENDAR


_PLACE = re.compile(  # a word of place, then a name: "in Leeds", "à Alès", "au Bono"
    r"\b(?:in|at|near|from|into|en|à|au|aux|dans|près de)\s+(?:(?:the|la|le|les|l')\s*)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)[\w-]*\s+)?([A-ZÀ-ÖØ-Þ][\w'’-]*)"
)


_AGENT = re.compile(  # who did it, after a passive verb: "opened by MP Jane Doe", "organisé par la Ligue"
    r"\b(?:\w+ed|\w+en|\w+é|\w+ée|\w+és|\w+ées)(?:\s+(?:out|up|off|down|over))?\s+(?:by|par)\s+"
    r"(?:(?:the|la|le|les|l')\s*)?([A-ZÀ-ÖØ-Þ][\w'’-]*)"
)


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
_SOMEONE = re.compile(  # after a word, so not the capital that opens a sentence
    rf"(?<=[\w,;:)] )(?:(?:Mr|Mrs|Ms|Dr|Pr|Mme|M)\.? {_NAME_WORD}|{_NAME_WORD}(?: {_NAME_WORD})+)"
)


def _names_someone(text: str) -> bool:
    """Whether a text names someone inside a sentence: two capitalised words ("said Jane Doe"), or one after a
    title ("Mr Hutt"); not a date ("Sunday September 3") nor a place by its kind ("Jewish Hospital")."""
    for found in _SOMEONE.finditer(text):
        words = {normalize(word) for word in found.group().split()}
        if words.isdisjoint(_CALENDAR) and words.isdisjoint(_PLACE_KINDS):
            return True
    return False


_PLACE_HEAD = re.compile(  # a place by its kind: "at Jewish Hospital", "dans toute la rue", "to the school"
    r"\b(?:[A-Z][\w'’-]*\s+([A-Z][\w-]*)|(?:in|at|near|from|into|to|à|au|aux|dans|du|de la|de l'|sur|près de)\s+"
    r"(?:(?:the|la|le|les|l'|toute la|tout le)\s*)?([\w-]+)(?:\s+([\w-]+))?)"
)

_PLACE_KINDS = lexicon.PLACE_HEADS - {"place", "way"}  # "put in place", "on the way" name no place


def _names_a_place(text: str) -> bool:
    """Whether a text names a place after a word of place (a month or a day is none: "in May"), or a place by
    its kind ("Jewish Hospital", "dans la rue")."""
    return any(normalize(found.group(1)) not in _CALENDAR for found in _PLACE.finditer(text)) or any(
        not _PLACE_KINDS.isdisjoint(normalize(word) for word in found.groups() if word)
        for found in _PLACE_HEAD.finditer(text)
    )


def _measured(tokens: Sequence[str], index: int) -> bool:
    """Whether the token at ``index`` is a distance or a size: a number with a unit of length or area ("205 km",
    "huit mètres", "12ft")."""
    token, unit = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else ""
    if token[:1].isdigit():
        return token.endswith(lexicon.MEASURE_SUFFIXES) or unit in lexicon.MEASURES
    return token in lexicon.COUNTING_WORDS and unit in lexicon.MEASURES


def _aged(tokens: Sequence[str], index: int) -> bool:
    """Whether the number at ``index`` is someone's age ("seven-year-old Noah", "aged 45", "âgée de 45 ans"): an
    answer giving one answers "how old?", and counts no years ("how many years has it been running?")."""
    return (
        tokens[index + 2 : index + 3] == ["old"]
        or tokens[index - 1 : index] == ["aged"]
        or (
            tokens[index - 1 : index] == ["de"]
            and tokens[index - 2 : index - 1] in (["age"], ["agee"], ["ages"], ["agees"])
        )
    )


def _infinitive(word: str) -> bool:
    """Whether a French word after "pour" opens an infinitive clause of purpose ("pour être", "pour s'assurer")."""
    return word.endswith(("er", "ir", "re", "oir")) or word in lexicon.INFINITIVE_OPENERS


def _position(tokens: Sequence[str], words: Sequence[str]) -> int | None:
    """Where ``words`` stand together in ``tokens``, or None."""
    return next(
        (i for i in range(len(tokens) - len(words) + 1) if tuple(tokens[i : i + len(words)]) == tuple(words)), None
    )


def _kinds_agree(asked: frozenset[str], answered: frozenset[str]) -> tuple[bool, bool]:
    """Whether a fact whose examples ask ``answered`` answers the kind of question asked (who, how many...),
    and whether it counts what the question counts ("how many soldiers" against a fact that counts hours)."""
    if not asked:
        return True, True
    counts = {kind for kind in asked if kind.startswith("count:")}
    counted = bool(counts & answered)  # an answer that counts what is asked answers "how many" of it
    return bool((asked - counts) & answered) or (counted and asked - counts <= {"quantity"}), not counts or counted


def _named(text: str) -> list[str]:
    """The names a text writes: capitalised words inside its sentences, months and days aside."""
    words = text.split()
    return [
        word
        for before, word in zip([".", *words], words, strict=False)
        if word[:1].isupper() and not before.endswith(lexicon.SENTENCE_OPENERS) and normalize(word) not in _CALENDAR
    ]


def _name_pairs(text: str) -> list[tuple[str, str]]:
    """The pairs of words that stand next to each other in the names a text writes ("Steve Hutt")."""
    pairs = []
    for first, second in itertools.pairwise(text.split()):
        if not (first[:1].isupper() and second[:1].isupper()) or first.endswith((".", ",", ":", ";", "'s", "’s")):
            continue
        one, two = tokenize(first), tokenize(second)
        if one and two and all(len(w) > 2 and w not in lexicon.STOPWORDS for w in (one[-1], two[0])):
            pairs.append((one[-1], two[0]))
    return pairs


def _named_in_question(text: str) -> list[str]:
    """The words a question writes as names: capitalised inside a sentence, stopwords aside; none when every
    word is capitalised (a title or a shout says nothing of names)."""
    words = [word for word in text.split() if any(character.isalpha() for character in word)]
    if all(word[:1].isupper() for word in words):
        return []
    return [word for word in _named(text) if normalize(word) not in lexicon.STOPWORDS]


def _capitalised(text: str) -> list[str]:
    """Words written with a capital, names mostly; question words and articles aside."""
    return [word for word in text.split() if word[:1].isupper() and normalize(word) not in lexicon.STOPWORDS]
