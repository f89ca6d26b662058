"""Stemming, question kinds, clauses, acronyms and language detection: pure functions over folded words.

Questions and knowledge go through the same functions (after ``bot.folding``), so
whatever a user types is read the same way as the knowledge's own texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.folding import MAX_QUESTION_CHARS
from bot.matching import lexicon


def _suffix_rules() -> tuple[tuple[str, str], ...]:
    plain = (
        "issements issement ements ement ations ation ateurs ateur atrice ements "
        "ments ment ingly ings ating ing ated ates ate ants ant ents ent "
        "eraient erait erons eront eras era aient ait ees ee ers er ez ed es e al"
    ).split()
    rules = [(suffix, "") for suffix in plain] + [("ied", "y"), ("dre", "d"), ("du", "d"), ("due", "d"), ("dus", "d")]
    rules += [("ale", ""), ("au", ""), ("tive", "tif"), ("sive", "sif"), ("euse", "eu")]  # French feminines, -aux
    return tuple(sorted(set(rules), key=lambda rule: -len(rule[0])))


_SUFFIX_RULES = _suffix_rules()
_MIN_STEM = 4


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer for English and French at once.

    Questions mix both languages, so one rule set serves both: it only has to
    map the forms of a word to one key (participate, participating,
    participants, participeront -> particip; vendre, vendu -> vend), not to produce real roots. English
    forms no suffix reaches ("rose", "children") go by their base word first.
    """
    if word in lexicon.OWN_ROOTS:
        return lexicon.OWN_ROOTS[word]
    word = lexicon.IRREGULAR_FORMS.get(word, word)  # "rose" is "rise", "children" "child"
    if len(word) <= 3 or not word.isalpha():
        return word
    if len(word) > _MIN_STEM:
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    for suffix, replacement in _SUFFIX_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            if suffix == "e" and word.endswith("ee"):
                break  # armée is not arme: folding took the accent, keep the ending
            return _undoubled(word[: -len(suffix)] + replacement, suffix)
    return _short(word)


def _undoubled(root: str, suffix: str) -> str:
    """ "planned", "stopping": the consonant English doubles before -ed and -ing is one ("plan", "stop")."""
    if suffix in ("ed", "ing", "ings") and len(root) > 3 and root[-1] == root[-2] and root[-1] in "bdgmnprt":
        return root[:-1]
    return root


def _short(word: str) -> str:
    """A short word's key without its -ing, -ed or -e, down to three letters ("voted", "vote": "vot";
    "asked": "ask"), unless that is a stopword ("care" is no "car") or a long e ("need", "speed")."""
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(("ee", "eed")):
            short = _undoubled(word[: -len(suffix)], suffix)
            return word if short in lexicon.STOPWORDS else short
    return word


class PhraseTable:
    """Finds multi-word phrases in a token list: the longest first where two overlap, else left to right."""

    def __init__(self, phrases: Iterable[Sequence[str]]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in {tuple(p) for p in phrases if p}:
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def find(self, tokens: Sequence[str], *, taken: Iterable[int] = ()) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every (start, end, phrase) found, none overlapping each other or the ``taken`` positions: in "l'opéra
        de Paris", "opera de paris" wins over "l opera", which would leave "paris" alone."""
        if self._by_first.keys().isdisjoint(tokens):
            return []
        blocked = set(taken)
        candidates = [
            (start, start + len(phrase), phrase)
            for start, token in enumerate(tokens)
            for phrase in self._by_first.get(token, ())
            if tuple(tokens[start : start + len(phrase)]) == phrase
        ]
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for start, end, phrase in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if blocked.isdisjoint(range(start, end)):
                found.append((start, end, phrase))
                blocked.update(range(start, end))
        return sorted(found)


_KIND_OF_PHRASE = {
    tuple(phrase.split()): kind for kind, phrases in reversed(lexicon.KIND_PHRASES) for phrase in phrases
}
_KIND_TABLE = PhraseTable(_KIND_OF_PHRASE)


def question_kinds(tokens: Sequence[str], *, text: str = "") -> tuple[frozenset[str], frozenset[int]]:
    """What a question asks for (who, when, where, why, quantity, age), and the token positions that say so.

    The kinds are empty for questions whose words do not say ("what", "quel",
    a bare keyword): then the topic alone decides. ``text``, the question as written, tells "où" from "ou"
    when its accent is there ("et où exactement ?").
    """
    accented = bool(_WHERE_ACCENTED.search(text)) and not _OR.search(text)
    kinds: set[str] = set()
    used: set[int] = set()
    for start, end, phrase in _KIND_TABLE.find(tokens):
        if phrase == ("who",) and start and _relative(tokens, start):
            continue  # "those who connect it": a relative pronoun asks nothing
        if phrase in _WHEN and _joins_a_clause(tokens, start):
            continue  # "how did they react when the ribbon was cut?" asks how
        kinds.add(_KIND_OF_PHRASE[phrase])
        used.update(range(start, end))
    before = ""  # the word before, skipping the blanks left where small talk was ("salut ! tu peux me dire qui")
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if token == "ou" and (accented or not before or last or before in lexicon.WHERE_OU_AFTER):
            kinds.add("where")
            used.add(index)
        elif token == "qui" and (not before or last or before in lexicon.WHO_QUI_AFTER):
            kinds.add("who")
            used.add(index)
        before = token or before
    return frozenset(kinds), frozenset(used)


_WHEN = (("when",), ("quand",))
_ASKING_FIRST = (lexicon.QUESTION_WORDS | {"qu"}) - {"when", "quand"}  # "qu'est-ce qui s'est passé quand...?"


def _joins_a_clause(tokens: Sequence[str], start: int) -> bool:
    """Whether the "when" at ``start`` is a conjunction: the question opened with another question word and
    "when" follows a word of its clause, not "and" or "since"."""
    words = [token for token in tokens[:start] if token]
    return len(words) >= 2 and words[-1] not in lexicon.WHEN_ASKS_AFTER and words[0] in _ASKING_FIRST


_WHERE_ACCENTED = re.compile(r"(?<!\w)où(?!\w)", re.IGNORECASE)
_OR = re.compile(r"(?<!\w)ou(?!\w)", re.IGNORECASE)


def _relative(tokens: Sequence[str], start: int) -> bool:
    """Whether the "who" at ``start`` opens a relative clause: after "those", "people"..., or after a noun in a
    question already asked ("What is the name of the archaeologist who...", "Is it open to kids who..."), but
    not after a comma's noun ("Besides the mayor, who else?") nor after "tell me" or "know"."""
    before = tokens[start - 1]
    if before in lexicon.WHO_RELATIVE_AFTER:
        return True
    if not before or before in lexicon.STOPWORDS or before == "us":  # "us" is no stopword only for the US
        return False
    asked = [token for token in tokens[:start] if token]
    return bool(asked) and (asked[0] in lexicon.YES_NO_OPENERS or not lexicon.QUESTION_WORDS.isdisjoint(asked[:-1]))


_HEARSAY_VERBS = PhraseTable(lexicon.HEARSAY_VERBS)


def hearsay(tokens: Sequence[str]) -> frozenset[int]:
    """The positions of who told the asker and their verb ("a friend at work said", "ma voisine m'a dit",
    "someone told me"): the story they told is the question, its teller is no part of it."""
    found: set[int] = set()
    for start, end, _ in _HEARSAY_VERBS.find(tokens):
        teller = list(tokens[:start])
        place = next((p for p in lexicon.HEARSAY_PLACES if _ends_with(teller, p)), ())  # "someone at work said"
        del teller[len(teller) - len(place) :]
        anyone = next((who for who in lexicon.HEARSAY_ANYONE if _ends_with(teller, who)), ())
        if anyone:
            found.update(range(len(teller) - len(anyone), end))
        elif teller[-2:-1] and (
            teller[-2] in lexicon.HEARSAY_ASKERS
            or (teller[-2] in lexicon.HEARSAY_DETERMINERS and teller[-1] in lexicon.HEARSAY_TELLERS)
        ):
            found.update(range(len(teller) - 2, end))
    return frozenset(found)


def _ends_with(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    return len(tokens) >= len(phrase) and tuple(tokens[len(tokens) - len(phrase) :]) == tuple(phrase)


_LETTERS = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r"[.!?;,:…]+(?=\s|$)|\s[-–—]\s|\n")


def clauses(text: str) -> list[str]:
    """The sentences and comma-separated parts of a message ("I saw it on the news, so who else is going?"),
    each with the punctuation that ends it: a part that ends with "?" asks."""
    text = text[:MAX_QUESTION_CHARS]
    ends = [match.end() for match in _CLAUSE_BREAK.finditer(text)]
    parts = [text[start:end].strip(" \t\n-–—") for start, end in zip([0, *ends], [*ends, len(text)], strict=True)]
    return [part for part in parts if any(character.isalnum() for character in part)]


def acronyms(question: str, tokens: Sequence[str]) -> tuple[frozenset[int], frozenset[int]]:
    """The positions of ``lexicon.ACRONYMS`` meant as acronyms (US, EU), and of those meant as common words.

    Capitals tell them apart, unless the whole message is written in capitals.
    """
    words = _LETTERS.findall(question[:MAX_QUESTION_CHARS])
    letters = sum(len(word) for word in words)
    shouting = sum(len(word) for word in words if word.isupper()) > 0.6 * letters
    capitals = set() if shouting else {word.casefold() for word in words if len(word) > 1 and word.isupper()}
    meant: set[int] = set()
    common: set[int] = set()
    for index, token in enumerate(tokens):
        if token in lexicon.ACRONYMS:
            is_acronym = token in capitals or (index > 0 and tokens[index - 1] == "the")
            (meant if is_acronym else common).add(index)
    return frozenset(meant), frozenset(common)


_FRENCH_SPACING = re.compile(r"\w[ \u00a0\u202f][?!;:]")


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_STARTS = re.compile(r"^|[.!?…:]\s+|[«“\"(]\s*")


def without_names(text: str) -> str:
    """``text`` without its capitalised names, whose words belong to no language ("did they beat La Fère?" is
    English): a capitalised word is a name unless it opens a sentence alone ("La fête ?", "When is it?")."""
    words = list(_WORD.finditer(text))
    starts = {found.end() for found in _SENTENCE_STARTS.finditer(text)}
    capitalised = [word.group()[0].isupper() for word in words] + [False]
    named = [capitalised[i] and (word.start() not in starts or capitalised[i + 1]) for i, word in enumerate(words)]
    if all(named):
        return text
    for word, name in reversed(list(zip(words, named, strict=True))):
        if name:
            text = f"{text[: word.start()]} {text[word.end() :]}"
    return text


def detect_language(
    text: str,
    tokens: Sequence[str],
    *,
    fr_words: frozenset[str] = frozenset(),
    en_words: frozenset[str] = frozenset(),
) -> str:
    """'fr' or 'en' (English when unsure), from function words, accents and known vocabulary."""
    french = english = 0.0
    for token in tokens:
        if token in lexicon.FRENCH_MARKERS:
            french += 1
        elif token in fr_words:
            french += 0.5
        if token in lexicon.ENGLISH_MARKERS:
            english += 1
        elif token in en_words:
            english += 0.5
    if any(c in "éèêàâçîôûùëïœ" for c in text.casefold()):
        french += 1
    if _FRENCH_SPACING.search(text):  # "Tortues ?": French typography, a tie-breaker for words of no language
        french += 0.5
    return "fr" if french > english else "en"
