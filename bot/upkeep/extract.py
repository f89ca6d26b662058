"""A draft knowledge file from an article: one fact per sentence, for a maintainer to complete.

With nothing but the draft the bot already answers some questions on the next
article's first day: each fact quotes its sentence, names its content words as
keywords, and carries generated example questions, one per kind of question
the sentence can answer (a date answers "when", a number "how many"), because
the matcher marks down facts that answer no question of the kind asked. The
questions are the sentence's own words with the date, place, name or number
replaced by the question word, so they read as questions when users see them
as suggestions. Maintainers then rewrite the answers and questions by hand.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bot.folding import fold, tokenize
from bot.knowledge.model import Knowledge, id_problem
from bot.knowledge.reading import load
from bot.matching import bilingual, lexicon
from bot.matching.text import detect_language

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=[\"“«(]?\s?[A-ZÀ-ÖØ-Þ])")  # "« Nous": French quotes space
_ABBREVIATION = re.compile(  # a full stop that ends a title, an initial or "p.m.", not a sentence
    r"(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mme|Mlle|Me|St|Ste|ST|STE|Mt|Prof|Gen|Gén|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Insp|Jr|Sr|No"
    r"|Nos|vs"
    r"|etc|approx|[ap]\.m|[A-Z]|[A-Z]\.[A-Z])\.$"
)
_AGENCY = re.compile(r"^\((?:[A-Z][\w.&-]*\s?){1,3}\)\s+(?=\S)")  # "(Belga) Le Français..." -> "Le Français..."
_ATTRIBUTION = re.compile(r"^[-–—]\s+[A-ZÀ-ÖØ-Þ]")  # "- Renaud Lagrave, vice-président...": who said it
_LIST_ITEM = re.compile(r"^(?:[•▪◦●‣∙·*–—-]|\d{1,2}[.)])\s+(?=\S)")  # "• ", "- ", "1. ": an item of a list
_WORD = re.compile(r"\d[\d.,\u00a0\u202f]*\d|[^\W_]+(?:[-'’][^\W_]+)*")  # "2,298" is one word, as tokenize reads it
_ID_WORDS = 4
_KEYWORD_QUESTION_WORDS = 5
"""A draft's last question is its first keywords, as people type a bare search ("marathon winner?")."""
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
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"”»’)]*$")
_MONTHS = frozenset(lexicon.MONTHS + lexicon.WEEKDAYS)  # "when" words, as tokenize reads them
_TIME = re.compile(
    rf"\b\d{{1,2}}\s?h\s?\d{{0,2}}\b|\b\d{{1,2}}:\d{{2}}\b|\b{lexicon.YEAR}\b|\b\d{{1,2}}\s?[ap]\.?m\b", re.IGNORECASE
)
_HOUR = re.compile(  # "vers 16 heures", "entre 10 heures et 18 heures": a time of day, not hours counted
    r"\b(?:" + "|".join(word.replace("'", "['’]") for word in lexicon.HOUR_OPENERS) + ")"
    r"\s+\d{1,2}\s?heures?\b(?:\s+et\s+\d{1,2}\s?heures?\b)?",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\b\d+\b")
_UNITS_OF_TIME = r"(?:hours?|days?|weeks?|months?|years?|minutes?|heures?|jours?|semaines?|mois|ann[ée]es?)"
_AGE = re.compile(r"\b\d+[\s-]years?[\s-]old\b|\b[âa]g[ée]e?s?\s+de\s+\d+\s+ans\b|\baged\s+\d+", re.IGNORECASE)
_DURATION = re.compile(  # "a 22-hour journey", "pendant 8 heures", "depuis 3 ans": how long ("64 ans" is an age)
    rf"\b\d+(?:[.,]\d+)?[\s-]?{_UNITS_OF_TIME}\b"
    rf"|\b(?:depuis|since|for|pendant|durant)\s+(?:\w+\s+){{0,2}}(?:{_UNITS_OF_TIME}|ans)\b",
    re.IGNORECASE,
)
_TIME_COUNTED = re.compile(  # "for the second time", "c'est la troisième fois que": how many times
    r"(?:\b(?:it\s+is|it\s+was|it['’]s|this\s+is|c['’]est|c['’][ée]tait|ce\s+sera)\s+|\b(?:for|pour)\s+)?"
    r"\b(?:the|a|la|une)\s+"
    r"(?:first|second|third|fourth|fifth|premi[eè]re|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)"
    r"\s+(?:time|fois)\b(?:\s+(?:that|que)\b|\s+qu['’])?",
    re.IGNORECASE,
)
_MODAL_MAY = re.compile(r"\bmay\b")  # the month is written "May": "which may close" says no date
_REASON = {  # words that give a reason in each language: the English "but" and "pour" give none
    "en": frozenset("because since objective goal aim order".split()),
    "fr": frozenset("afin parce pour objectif but".split()),
}
_DAY_WORDS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_YEAR = rf"{lexicon.YEAR}\b"
_WHEN = re.compile(  # a date or time with the words that introduce it, which the question replaces
    r"(?:\b(?:on|in|at|from|since|by|until|before|after|about|around|next|last|this|early|late|le|en|depuis"
    r"|d[eè]s|jusqu'(?:au|en)|d'ici(?: le mois de)?|au mois de|vers|avant|apr[eè]s)\s+)*"
    r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+)?"
    rf"(?:\b(?:{_DAY_WORDS})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th|er)?\b)?(?:,?\s+{_YEAR})?"
    r"(?:\s+(?:morning|afternoon|evening|night|matin|après-midi|soir))?"
    r"|\d{1,2}\s?[:h]\s?\d{2}\b|\b"
    + _YEAR
    + rf"|\b\d{{1,2}}(?::\d\d)?\s?[ap]\.?m\b\.?(?:\s+(?:on\s+)?(?:{_DAY_WORDS})\b)?)"
    + "|"
    + _HOUR.pattern,
    re.IGNORECASE,
)
_NAME = r"[A-ZÀ-ÖØ-Þ][^\W_]*(?:[-'’][^\W_]+)*"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mme|Mlle|Prof|Pr|Gen|Sen|Gov|Lt|Col|Capt|M)\.\s+(?=[A-ZÀ-ÖØ-Þ]))"
"""A title the name after it keeps: "Dr. Warren Breidenbach" is one name, not "Dr" and another."""
_NAMES = re.compile(rf"{_TITLE}?{_NAME}(?:\s+(?:(?:of|de|du|des|van|von|den|der|and|et)\s+)?{_TITLE}?{_NAME})*")
_PLACE = re.compile(
    r"\b(?:in|at|near|from|to|into|across|en|à|au|aux|dans|près de|vers)\s+(?:(?:the|la|le|les|l')\s*)?"
    + _NAMES.pattern
)
_NUMBER_WORD = rf"\b(?:{'|'.join(sorted(lexicon.COUNTING_WORDS, key=len, reverse=True))})\b"
_COUNT = re.compile(  # "2,298", "19", "dix-neuf", "twenty-five": a count the question replaces with "how many"
    r"(?<![\w:.,-])\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?(?![-\w:]|\.\w)(?!\s?[:h]\s?\d)(?!\s?[ap]\.?m\b)"
    rf"|{_NUMBER_WORD}(?:-(?:et-)?{_NUMBER_WORD})*",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*(?:,(?!\d)|[;()«»“”\"]|:\s|(?:^|\s)[-–—]\s)\s*")  # "2,298" is one number
_QUESTION_WORDS = 16
"""The longest generated question, in words: enough to say which fact it is about."""
_CONTEXT_WORDS = 10
_MIN_QUESTION_WORDS = 3
_ASK = {
    "en": {"when": "when", "where": "where", "who": "who", "quantity": "how many", "share": "how much"},
    "fr": {"when": "quand", "where": "où", "who": "qui", "quantity": "combien", "share": "combien"},
}
_WHO_IS = {"en": "Who is {name}?", "fr": "Qui est {name} ?"}
_WHY = {"en": "Why {clause}?", "fr": "Pourquoi {clause} ?"}
_TIMES = {"en": "How many times {clause}?", "fr": "Combien de fois {clause} ?"}
_AFTER = {  # a question word after the sentence's main clause, for what no pattern puts in place
    "en": {"duration": "{clause}, how long?", "age": "{clause}, how old?"},
    "fr": {"duration": "{clause}, combien de temps ?", "age": "{clause}, quel âge ?"},
}
_DETERMINERS = frozenset("a an the le la les l un une des".split())
_OF = frozenset("of de des du d au aux".split())
"""After the name that opens a clause, a sign it was no subject: "Depuis des mois", "Beyond the city"."""
_NO_VERB = _OF | frozenset("et and ou or mais but avec with pour for par by sur on dans in at to".split())
"""After a name, a sign that it is no subject followed by its verb: "Stéphane Pépin-Bonet et de quelques élus"."""
_MODALS = frozenset({"may", "might", "must"})
"""English auxiliaries the yes/no openers leave out."""
_AUXILIARIES = (
    lexicon.YES_NO_OPENERS
    | _MODALS
    | frozenset(
        "a ont est sont etait etaient sera seront avait avaient aura auront va vont fut doit doivent peut peuvent"
        " shall also still then already never aussi ensuite deja jamais".split()
    )
)
"""Function words that are verbs, or come before one: after a name, "Graduation Alliance will provide", "Jewish
Hospital also performed" go on with its verb."""
_DEMONSTRATIVES = frozenset("this that these those its his her their our".split())
_SUBJECTS = (
    _DETERMINERS
    | _DEMONSTRATIVES
    | frozenset(
        "he she it they we you i my il elle ils elles on nous vous je j ce c cet cette ces son sa ses leur leurs"
        " notre nos mon ma mes".split()
    )
)
"""Function words a clause may open with before its verb: it names what the clause is about."""
_INVERTIBLE = lexicon.YES_NO_OPENERS - {"do", "does", "did"} | _MODALS
"""English auxiliaries that go before the subject in a question ("Will the route have 35 stops?")."""
_RELATIVE = frozenset("who which that whose whom where when".split())
_SUBJECT_WORDS = 6  # a subject longer than this is more likely a clause of its own
_STARTERS = frozenset(
    "avant apres prenons selon ainsi mais pourtant however but yet also lorsque lorsqu puisque tandis alors when"
    " while after before since during until despite following pendant durant depuis malgre".split()
)
"""Words that open a sentence before its subject: "Lorsque nous sommes arrivés" names nobody."""
_NO_NAME = _DETERMINERS | lexicon.STOPWORDS | _STARTERS | lexicon.OTHERS  # capitalised only for opening a clause
_REFERS_BACK = frozenset(
    "he she it they this that these those such his her its their "
    "il elle ils elles ce c cela ca ceci ces cet cette celui celle ceux celles son sa ses leur leurs".split()
)
"""Words that open a sentence about what the sentence before said ("Ce sont les premiers mots de..."): such a
sentence joins the fact before it, in the same paragraph, so the answer says what "ce" is."""
_MAX_JOINED = 3  # sentences in one fact at most
_PRONOUN_SAYING = re.compile(  # after a comma or a closing quote: "Becki said he heard" is no attribution
    r"[,\"”»]\s*(?:(?:he|she|they)\s+([a-z]+)|a-t-(?:il|elle)\s+(\w+)|(\w+)-(?:t-)?(?:il|elle|ils|elles)\b)"
    r"|[\"”»],?\s*([a-z]+)\s+(?:he|she)\b"  # '"...," said he', but not "Goshulak, a resident, said he let"
)
_FRAGMENT_WORDS = 8
_FRAGMENT_OPENERS = frozenset("un une des du a an".split())
"""Words that open a verbless sentence spelling out the one before ("...fermer deux classes. Une classe de
cinquième et une de quatrième."): with no verb, it joins the fact before it, the answer it completes."""
_FINITE = re.compile(r"(?:ait|aient|ent|ons|ez|era|eront|erait|ed)$")
"""Endings of a conjugated verb ("moment" is none, but a sentence with it is seldom a fragment)."""
_VERBS = _AUXILIARIES | lexicon.SAYING | frozenset(lexicon.IRREGULAR_FORMS)  # "mort", "vu": a verb all the same


@dataclass(frozen=True)
class Draft:
    """One draft fact: a sentence of the article and what the matcher needs to find it."""

    id: str
    lang: str
    sentence: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    sources: tuple[str, ...]
    """The article's verbatim text behind it: the sentence, or a list's introducing line and the item."""


def sentences(article: str) -> list[str]:
    """The article's sentences, verbatim: each line is split after ., ! or ? followed by a capital, except
    after a title, an initial or "a.m."; a leading agency tag ("(AFP)") is left out, and so is the marker
    of a list item ("• ")."""
    return [sentence for sentence, _, _ in _passages(article)]


def _passages(article: str) -> list[tuple[str, str | None, int]]:
    """Each sentence, with the line that introduces it when it is an item of a list ("Sont prévus :") or the
    paragraph after a line ending in a colon ("Cr Sarah Mansfield, Chair:"), or with the quote a lone dashed
    line attributes ("On cherche à mieux desservir..." then "- Renaud Lagrave, vice-président"); and the
    number of its line (its paragraph)."""
    found: list[tuple[str, str | None, int]] = []
    lines = [(number, line.strip()) for number, line in enumerate(article.splitlines()) if line.strip()]
    intro: str | None = None
    for at, (number, text) in enumerate(lines):
        before = lines[at - 1][1] if at else None
        listed_before = before is not None and bool(_LIST_ITEM.match(before))
        if item := _LIST_ITEM.match(text):
            alone = at + 1 == len(lines) or not _LIST_ITEM.match(lines[at + 1][1])
            if before and at > 1 and alone and not listed_before and _ATTRIBUTION.match(text) and _unended(before):
                found.append((text, before, number))  # who said the line before: one fact with it
            else:
                found.append((text[item.end() :], intro, number))
            continue
        said_by = before if before is not None and not listed_before and before.endswith(":") else None
        intro = text if text.endswith(":") else None
        start = 0
        for end in _SENTENCE_END.finditer(text):
            if not _ABBREVIATION.search(text[start : end.start()]):  # "Dr. Smith", "7 p.m. Tuesday" go on
                found.append((text[start : end.start()], said_by, number))
                start = end.end()
        found.append((text[start:], said_by, number))
    return [(_AGENCY.sub("", sentence), intro, number) for sentence, intro, number in found if sentence.strip()]


def _unended(line: str) -> bool:
    """Whether a line is one sentence without its ending, as a quote set apart from the text often is."""
    return not _SENTENCE_FINAL.search(line) and not any(_SENTENCE_END.finditer(line))


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


def kinds(sentence: str, lang: str) -> tuple[str, ...]:
    """The kinds of question the sentence may answer, judged from what it contains."""
    tokens = set(_tokens(_MODAL_MAY.sub(" ", sentence)))
    found = ["what"]
    if tokens & _MONTHS or _TIME.search(sentence) or _HOUR.search(sentence):
        found.append("when")
    if _DURATION.search(_HOUR.sub(" ", _AGE.sub(" ", sentence))):  # "a 77-year-old" is no duration
        found.append("duration")
    if _AGE.search(sentence):
        found.append("age")
    if _NUMBER.search(sentence) or tokens & lexicon.COUNTING_WORDS:
        found.append("quantity")
    if _TIME_COUNTED.search(sentence):  # not "the third quarter", "First Call", "the world's first"
        found.append("times")
    if any(word[0].isupper() for word in _WORD.findall(sentence)[1:]):
        found += ["who", "where"]
    if tokens & _REASON[lang]:
        found.append("why")
    return tuple(found)


def drafts(article: str) -> list[Draft]:
    """One draft per sentence of ``article`` that states something: headlines, bylines, credits and
    "also read" lines are left out, a sentence repeated (as scraped pages often do) is drafted once, and one
    that refers back to the sentence before it joins that one's draft."""
    result: list[Draft] = []
    used: set[str] = set()
    asked: set[str] = set()
    seen: set[str] = set()
    passages = _passages(article)
    title = _headline(article)
    if title and len(title[1].split()) <= _MAX_HEADLINE_WORDS:  # a longer one is the lede too: it states something
        passages = [passage for passage in passages if passage[2] != title[0]]
    introducing = {intro for _, intro, _ in passages if intro}
    paragraph = -1  # of the last fact
    for number, (item, intro, line) in enumerate(passages):
        sentence = f"{intro} {item}" if intro else item
        key = fold(sentence)
        opens_line = number == 0 or passages[number - 1][2] != line
        if item in introducing or key in seen or not (intro or states_something(sentence, opens_line=opens_line)):
            continue  # "Sont prévus :" says something only with each item of its list
        seen.add(key)
        lang = detect_language(sentence, _tokens(sentence))
        words = keywords(sentence)
        questions = [question for kind in kinds(sentence, lang) if (question := ask(sentence, kind, lang))]
        if words:
            questions.append(" ".join(words[:_KEYWORD_QUESTION_WORDS]) + ("?" if lang == "en" else " ?"))
        questions = [question for question in questions if fold(question) not in asked]
        asked.update(fold(question) for question in questions)
        sources = (intro, item) if intro else (item,)
        said = _said_by_pronoun(item)  # '"...," he said': often a paragraph of its own after the speaker's
        before = result[-1] if result and (line == paragraph or said) and not intro else None
        if before and len(before.sources) < _MAX_JOINED and (_refers_back(item) or _fragment(item) or said):
            result[-1] = replace(
                before,
                sentence=f"{before.sentence} {sentence}",
                keywords=tuple({fold(word): word for word in (*before.keywords, *words)}.values()),
                questions=(*before.questions, *questions),
                sources=(*before.sources, *sources),
            )
            continue
        paragraph = line
        result.append(Draft(_unique_id(words or (sentence,), used), lang, sentence, words, tuple(questions), sources))
    return result


def _refers_back(sentence: str) -> bool:
    """Whether a sentence opens on what the one before said ("Ce sont...", "He said...")."""
    return next(iter(_tokens(sentence)), "") in _REFERS_BACK


def _said_by_pronoun(sentence: str) -> bool:
    """Whether a sentence quotes someone it names only by a pronoun ('"...," he said', "« ... », dit-il",
    "..., a-t-elle précisé"): the sentence before names the speaker, so the quote joins that one's draft and
    "what did Brulé say?" finds both."""
    return any(
        fold(next(filter(None, found.groups()))) in lexicon.SAYING for found in _PRONOUN_SAYING.finditer(sentence)
    )


def _fragment(sentence: str) -> bool:
    """Whether a sentence is a short verbless one that spells out the sentence before it."""
    words = _tokens(sentence)
    return (
        0 < len(words) <= _FRAGMENT_WORDS
        and words[0] in _FRAGMENT_OPENERS
        and not any(word in _VERBS or _FINITE.search(word) for word in words[1:])
    )


def headline(article: str) -> str | None:
    """The article's first line when it reads as a headline, for the draft's title."""
    found = _headline(article)
    return found[1] if found else None


def _headline(article: str) -> tuple[int, str] | None:
    """The number and text of the article's first line when it reads as a headline: no sentence ending, or cut
    short ("Essay. Le boudin blanc sacré au concours national...", as scraped pages store it) with lines after."""
    lines = [(number, line.strip()) for number, line in enumerate(article.splitlines()) if line.strip()]
    if not lines or _BOILERPLATE.search(text := lines[0][1]):
        return None
    cut_short = _TRUNCATED.search(text) and len(lines) > 1 and len(text.split()) <= _MAX_HEADLINE_WORDS
    return lines[0] if cut_short or not _SENTENCE_FINAL.search(text) else None


def states_something(sentence: str, *, opens_line: bool = True) -> bool:
    """Whether a sentence of the article is worth a fact: it ends like a sentence, or follows another on its
    line (a quote's last sentence often lacks its full stop: no headline is that), and is no page furniture."""
    if _BOILERPLATE.search(sentence):
        return False
    return not opens_line or bool(_SENTENCE_FINAL.search(sentence)) or len(sentence.split()) > _MAX_HEADLINE_WORDS


def ask(sentence: str, kind: str, lang: str) -> str | None:
    """A question of ``kind`` that ``sentence`` answers, made of its own words: the date, place or number
    it gives is replaced by the question word ("The drill ends on 5 September" -> "The drill ends when?"),
    which reads like a question in either language without a parser; ``None`` when it finds none."""
    parts = [part for part in _CLAUSE.split(_ended(sentence)) if len(part.split()) > 1]
    if not parts:
        return None
    end_mark = "?" if lang == "en" else " ?"
    longest = max(parts, key=lambda part: len(part.split()))
    main = _clip(_lowered(_with_subject(sentence, longest)).split(), 0, capital=True)
    if kind == "what":  # the longest clause, not "Au quotidien," that opens the sentence
        return (_inverted(main) if lang == "en" else main) + end_mark
    if kind == "why":  # what comes before "because", "in order to"... is what it explains
        words = _ended(sentence).split()
        cut = next((i for i, word in enumerate(words) if set(tokenize(word)) & _REASON[lang]), 0)
        clause = _lowered(_CLAUSE.split(" ".join(words[:cut]))[-1]).split()
        if cut > 1 and _states(clause, lang):
            return _WHY[lang].format(clause=_clip(clause, len(clause)))
        clause = _lowered(_with_subject(sentence, longest)).split()  # "malgré tout, pour être sûrs": the main one
        opens = tokenize(clause[0])[:1] if clause else []
        if cut == 0 or set(_tokens(" ".join(clause))) & _REASON[lang] or not (opens and opens[0] in _SUBJECTS):
            return None  # not "Pourquoi également ?", nor "Pourquoi au contraire en faveur de... ?"
        return _WHY[lang].format(clause=_clip(clause, 0))
    if kind == "times":
        counted = _TIME_COUNTED.sub(" ", _ended(sentence))  # "How many times ...?" says "for the second time"
        kept = [part for part in _CLAUSE.split(counted) if len(part.split()) > 1]
        if not kept:
            return None
        return _TIMES[lang].format(clause=_clip(_lowered(max(kept, key=lambda part: len(part.split()))).split(), 0))
    if kind == "who":
        return _who(sentence, parts, lang)
    if kind in _AFTER[lang]:  # "how long", "how old": the sentence says it in hours or days, in years of age
        return _AFTER[lang][kind].format(clause=main)
    pattern = {"when": _WHEN, "where": _PLACE, "quantity": _COUNT}[kind]
    for part in parts:
        for found in pattern.finditer(part):
            if kind == "when" and _MODAL_MAY.fullmatch(found.group().split()[-1]):
                continue  # "the branch, which may close" gives no date
            if kind != "when" and any(_overlaps(found, date) for date in _WHEN.finditer(part)):
                continue  # the 30 of "August 30" counts nothing, and no month is a place
            if kind == "quantity" and any(_overlaps(found, age) for age in _AGE.finditer(part)):
                continue  # an age is asked "how old"
            start, end = found.span()
            before = part[:start].split()
            if before and fold(before[-1]) in _DETERMINERS:
                before.pop()
            after = part[end:].split()
            if kind == "when" and after[:1] and after[0][:2] in ("'s", "’s"):  # "Tuesday's trading": ask after it
                dateless = _clip([*before, *filter(None, [after[0][2:], *after[1:]])], 0, capital=True)
                return f"{dateless}, {_ASK[lang]['when']}{end_mark}" if len(dateless.split()) > 1 else None
            word = _ASK[lang]["share" if kind == "quantity" and after[:1] == ["%"] else kind]
            if kind == "quantity" and lang == "fr" and after and after[0][:1].isalpha() and not _function(after[0]):
                if fold(after[0]) in ("an", "ans"):  # "une femme de 64 ans" -> "une femme de quel âge"
                    word, after = "quel âge", after[1:]
                elif fold(after[0][:1]) in "aeiouh":
                    after[0] = f"d'{after[0]}"
                else:
                    word += " de"
            if len(before) + len(after) + 1 >= _MIN_QUESTION_WORDS:
                return _clip([*before, word, *after], len(before), capital=True) + end_mark
    return None


def names(sentence: str) -> list[str]:
    """The names of ``sentence`` (capitalised words), without those capitalised only by starting it or a
    quote, and without the places."""
    places = {fold(found.group()) for found in _PLACE.finditer(sentence)}
    found: list[str] = []
    for part in _CLAUSE.split(sentence):
        for match in _NAMES.finditer(part):
            words = match.group().split()
            if match.start() == 0 and fold(words[0]) in _NO_NAME:
                words = words[1:]
            if match.start() == 0 and len(words) == 1 and part is not sentence and not words[0].isupper():
                continue
            if match.start() == 0 and len(words) == 1 and fold(" ".join(part[match.end() :].split()[:1])) in _OF:
                continue  # "Depuis des mois": an opening word, not a name
            name = re.sub(r"['’]s$", "", " ".join(words))  # "the Isle of Wight's south coast"
            placed = any(fold(name) in place for place in places) or _WHEN.fullmatch(name)
            if len(name) > 1 and name != "I" and fold(name) not in lexicon.STOPWORDS and not placed:  # "On", "Les"
                found.append(name)
    return list(dict.fromkeys(found))


def _who(sentence: str, parts: list[str], lang: str) -> str | None:
    """ "Who ...?" when a clause starts with a name (its subject) and goes on with a verb, else "Who is NAME?"."""
    end_mark = "?" if lang == "en" else " ?"
    for part in parts:
        match = _NAMES.match(part)
        rest = part[match.end() :].split() if match else []
        opening = fold(match.group().split()[0]) if match else ""
        subject_goes_on = len(rest) > 2 and fold(rest[1]) in _AUXILIARIES and fold(rest[0]) not in _AUXILIARIES
        if (  # not "Motorway traffic will be diverted": the subject goes on before its verb
            match
            and opening not in _NO_NAME
            and len(rest) > 1
            and not subject_goes_on
            and _verb_follows(match.group(), rest[0])
        ):
            return _clip([_ASK[lang]["who"], *rest], 0, capital=True) + end_mark
    found = [
        name
        for name in names(sentence)
        if " ".join(tokenize(name)) not in bilingual.WORDS
        and not any(character.isdigit() for character in name)  # "A63" is a road
        and lexicon.PLACE_HEADS.isdisjoint(tokenize(name))  # "Livingstone Road", "la rue Nationale"
    ]
    return _WHO_IS[lang].format(name=found[0]) if found else None


def _inverted(clause: str) -> str:
    """An English statement as a yes/no question, its auxiliary before its subject ("The route will have 35
    stops" -> "Will the route have 35 stops"), when its subject is plainly one: a name ("Washington is...") or
    words after a determiner ("the 2,298 km route"); as it was otherwise."""
    words = clause.split()
    for index, word in enumerate(words[1 : _SUBJECT_WORDS + 1], start=1):
        if fold(word) not in _INVERTIBLE:
            continue
        subject, rest = words[:index], words[index + 1 :]
        if not rest or any(not w[:1].isalnum() or w.endswith((",", ".", ";", ":")) for w in subject):
            return clause
        determined = fold(subject[0]) in _DETERMINERS | _DEMONSTRATIVES and len(subject) > 1
        named = (
            all(w[:1].isupper() for w in subject)
            and fold(subject[0]) not in lexicon.STOPWORDS | lexicon.ASKER | _STARTERS
        )
        if not (determined or named) or any(fold(w) in _RELATIVE for w in subject):
            return clause  # "But the project has...", "The man who was...", "Mr Hutt believes the..."
        if fold(word) in ("has", "have", "had") and not rest[0].endswith(("ed", "en", "wn", "ne")):
            return clause  # "had his hands" is no "had lost"
        if determined or (len(subject) == 1 and subject[0].endswith("s")):  # "Trains will...": no name
            subject = [subject[0].lower(), *subject[1:]]
        return " ".join([word.capitalize(), *subject, *rest])
    return clause


def _states(clause: list[str], lang: str) -> bool:
    """Whether a clause reads as a statement to ask "why" of: three words or more, opening with its subject
    (a name, a determiner, a pronoun), not with a verb or a linking word ("ont collaboré", "mais le coup")."""
    if len(clause) < _MIN_QUESTION_WORDS:
        return False
    first = tokenize(clause[0])[:1]
    subjects = _SUBJECTS - {"a"} if lang == "fr" else _SUBJECTS  # the French "a" is a verb ("a également ajouté")
    return bool(first) and (clause[0][:1].isupper() or first[0] in subjects or first[0] not in lexicon.STOPWORDS)


def _verb_follows(name: str, word: str) -> bool:
    """Whether ``word``, after the capitalised ``name`` that opens a clause, may be its verb: no function word
    ("of", "ce", "que", "all") unless an auxiliary, and ``name`` no elided pronoun ("J'ai vu")."""
    first = tokenize(name.split()[0])
    if len(first) > 1 and len(first[0]) == 1 and first[0] not in ("l", "d"):
        return False  # "J'espère que...", "C'est ce que...": a pronoun, capitalised for opening the sentence
    following = tokenize(word)[:1]
    if not following or fold(word) in _NO_VERB:
        return False
    return following[0] not in lexicon.STOPWORDS or following[0] in _AUXILIARIES


def _with_subject(sentence: str, clause: str) -> str:
    """``clause`` with the name that opens the sentence before it when the clause starts with its verb:
    "Panavi, le boulanger industriel, veut fermer son usine" asks "Panavi veut fermer son usine ?"."""
    first = _CLAUSE.split(sentence.strip(), maxsplit=1)[0].split()
    if first and fold(first[0]) in _NO_NAME:
        first = first[1:]  # "Et Manitou (matériel de manutention) ferme son site"
    opening = clause.split()[0]
    if (
        sentence.strip().startswith(clause)
        or not first
        or not _NAMES.fullmatch(" ".join(first))
        or not opening[:1].islower()
        or fold(opening) in _NO_NAME | _NO_VERB
    ):
        return clause
    return f"{' '.join(first)} {clause}"


def _ended(sentence: str) -> str:
    """The sentence without what ends it, a closing quote too ("...facility.\"" asks "...facility?")."""
    return sentence.strip().rstrip('.!?…"”»’ ').rstrip(".!?…")


def _function(word: str) -> bool:
    """A word like "a", "est", "ont": after a number it is a verb, not what is counted ("combien de litres")."""
    return fold(word) in lexicon.STOPWORDS


def _overlaps(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


def _clip(words: list[str], focus: int, *, capital: bool = False) -> str:
    """At most ``_QUESTION_WORDS`` words, keeping up to ``_CONTEXT_WORDS`` before position ``focus``; a
    question cut short does not end on "of the"."""
    start = max(0, focus - _CONTEXT_WORDS)
    kept = words[start : start + _QUESTION_WORDS]
    if start + _QUESTION_WORDS < len(words):
        while len(kept) > focus - start + 1 and fold(kept[-1]) in lexicon.STOPWORDS:
            kept.pop()
    text = " ".join(kept)
    return f"{text[:1].upper()}{text[1:]}" if capital else text


def _lowered(text: str) -> str:
    """``text`` with its first word in lower case unless it is a name, to follow "Why"."""
    first, _, rest = text.strip().partition(" ")
    name = first[:1].isupper() and fold(first) not in lexicon.STOPWORDS | _STARTERS
    keep = (first.isupper() and len(first) > 1) or name
    return f"{first if keep else first.lower()} {rest}".strip()


def _tokens(text: str) -> list[str]:
    """``tokenize`` word by word: it cuts long texts, as it is made for questions."""
    return [token for word in text.split() for token in tokenize(word)]


def _unique_id(words: Iterable[str], used: set[str]) -> str:
    slug = "-".join("-".join(re.findall(r"[a-z0-9]+", fold(word))) for word in list(words)[:_ID_WORDS]) or "fact"
    slug = "-".join(part for part in slug.split("-") if part) or "fact"
    if id_problem(slug):  # words without Latin letters make no valid slug, and numbering cannot fix that
        slug = "fact"
    candidate, number = slug, 2
    while candidate in used or id_problem(candidate):
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate


def draft(article: str, items: Iterable[Draft], *, path: str, origin: str) -> str:
    """The draft knowledge file of ``article`` from its ``drafts``; ``path`` is the article's, relative to the
    draft's folder."""
    return render(items, article=path, origin=origin, synonyms=bilingual.where_used(article), title=headline(article))


def draft_knowledge(article: str) -> Knowledge | None:
    """The knowledge an unedited draft of ``article`` holds (None when it has no sentence): what ``eval --drafts``
    measures."""
    items = drafts(article)
    if not items:
        return None
    with tempfile.TemporaryDirectory(prefix="draft-") as folder:
        (Path(folder) / "article.txt").write_text(article, encoding="utf-8")
        path = Path(folder) / "draft.yaml"
        path.write_text(draft(article, items, path="article.txt", origin="article.txt"), encoding="utf-8")
        return load(path)


def render(
    items: Iterable[Draft],
    *,
    article: str,
    origin: str,
    synonyms: Iterable[tuple[tuple[str, ...], str]] = (),
    title: str | None = None,
) -> str:
    """The draft as a knowledge file; ``article`` is the article's path relative to the draft's folder, and each
    synonym group comes with the article's words that brought it in."""
    groups = list(synonyms)
    lines = [
        f"# Draft knowledge made by `python -m bot extract {origin}` on {date.today().isoformat()}.",
        '# One fact per sentence of the article (a sentence that refers back, "He said...", joins the one',
        "# before). To finish it, for each fact: rewrite the answer as a clean sentence, add it in the other",
        "# language, replace the generated questions with how people really ask, merge facts that belong",
        "# together, and run `python -m bot facts check`.",
        "",
        *([f"title: {_quote(title)}"] if title else []),
        f"article: {_quote(article)}",
        "",
        "# Words users may use for one another: general English/French groups found in the article, each",
        "# with the article's words that use it. When a group takes the article's word in another sense",
        '# ("operations" of a zoo as surgery), put that word in a group of your own, with its translation.',
        "synonyms:" + ("" if groups else " []"),
        *(f"  - [{', '.join(_quote(word) for word in group)}]  # {where}" for group, where in groups),
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
            *(f"      - {_quote(source)}" for source in item.sources),
            "",
        ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), keeping accents readable."""
    return json.dumps(text, ensure_ascii=False)
