"""Correcting typos and chat spellings against the words the bot knows (rapidfuzz).

A real word the bot does not know must stay unknown: corrected into a known word,
an off-topic question would get an answer. A word of the general vocabulary
(``bilingual.txt``, or a form of one of its words) is only read as another form of
itself, one an inflection's ending makes ("fini", "finir"), or a function word typed
with two letters swapped or one left out ("dose", "happend"), never as a known word one
letter away ("maire" is no "mairie", "film" no "fill", "season" no "reason").
Any other correction is conservative: it
keeps the first letter unless the word is long and one edit away or the letter
sounds the same ("corea"), it stays in the question's language ("commander" in
an English question is not the French "commencer"), and a short word or a
stopword is only reached by swapped, missing or extra letters ("waht", "wich",
"japn", "teh") or by a slip to a neighbouring key, another vowel or a letter that
sounds the same ("tokio"): "bring" is not a typo of "being", nor "live" of "liee".
A word spelt by ear that no edit explains ("travo", "mediatek") is read as the known
word that sounds the same, in French, where chat spells by ear, and for long English words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.matching import bilingual, lexicon
from bot.matching.text import stem

_CACHE_SIZE = 50_000
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn")
_VOWELS = frozenset("aeiouy")
_SOUND_ALIKE = (frozenset("ck"), frozenset("sz"), frozenset("iy"))  # "corea", "cremlin", "mongolya"
_INFLECTIONS = frozenset("s x e d r t es ed ee er ir re nt ent ing ees ly ment".split())
"""Endings that make another form of a word ("fini", "finir"; "price", "prices"), not another word ("pricey")."""
_INFLECTED_LAST = frozenset("srtxzde")  # last letters that forms of one word swap: "finis", "finit", "finir"


_RUN_ON_QUESTION_WORDS = ("where", "which", "what", "when", "who", "why", "how", "quand", "comment", "pourquoi")
_ELIDED = ("jusqu", "lorsqu", "puisqu", "qu", *"cdjlmnst")  # French words that lose their vowel: d'état, jusqu'à
_ASKING_WORDS = lexicon.QUESTION_WORDS | lexicon.KIND_WORDS
_FUNCTION_WORDS = _ASKING_WORDS | lexicon.STOPWORDS
_UNCORRECTED = lexicon.STOPWORDS | {stem(word) for word in lexicon.FRAME_WORDS}
_THREE_LETTER_CHOICES = sorted(_ASKING_WORDS | {word for word in lexicon.STOPWORDS if len(word) == 3})
"""Three-letter words are corrected to a word that asks ("hwo", "lng" in "how lng") or to a stopword with the same
letters in another order ("teh")."""


class Speller:
    """Corrects the words of questions; build once per knowledge."""

    def __init__(
        self,
        frequency: Counter[str],
        *,
        other_language: Mapping[str, frozenset[str]],
        names: Iterable[tuple[str, str]] = (),
    ) -> None:
        """``frequency`` counts every known word; ``other_language`` maps a language to the words of the other;
        ``names`` are the pairs of words that stand together in the knowledge's names ("steve", "hutt")."""
        self._frequency = frequency
        self._after: dict[str, set[str]] = {}
        self._before: dict[str, set[str]] = {}
        for first, second in names:
            self._after.setdefault(first, set()).add(second)
            self._before.setdefault(second, set()).add(first)
        self._choices = sorted(frequency)
        self._known_stems = frozenset(stem(word) for word in frequency if word not in lexicon.STOPWORDS)
        self._other_language = other_language
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._resembles: dict[str, bool] = {}
        self._skeletons: dict[str, list[str]] | None = None  # built when a chat spelling first needs them
        self._sounds: dict[str, list[str]] | None = None

    def correct(self, token: str, lang: str) -> str:
        """The known word a typo or a chat spelling most likely meant, or the token itself."""
        if token in lexicon.SHORTHAND:
            return lexicon.SHORTHAND[token]
        if lang == "en" and token in lexicon.ENGLISH_SHORTHAND:
            return lexicon.ENGLISH_SHORTHAND[token]
        if token in self._frequency or token.isdigit() or stem(token) in self._known_stems:
            return token
        if lang == "fr" and token in lexicon.FRENCH_SHORTHAND:
            return lexicon.FRENCH_SHORTHAND[token]
        if stem(token) in _UNCORRECTED:  # "talking": a form of a word that frames or says nothing, not a typo
            return token
        key = f"{lang}:{token}"
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        spoken = [said for said in (token.replace("k", "qu"), token.replace("k", "c")) if said in self._frequency]
        if spoken:  # only a token with a "k" changes, and an unknown token is not in the list
            corrected = spoken[0]  # French chat spelling: "inkiet", "pratike", "kombien"
        else:
            corrected = self._split(token, lang) or self._unvowelled(token, lang) or self._nearest(token, lang)
            if corrected == token:
                corrected = self._split(token, lang, known=bilingual.is_general) or self._sounded(token, lang) or token
        if bilingual.is_general(token) and not _inflected(token, corrected) and not _slipped(token, corrected):
            corrected = token  # "maire" is a word of its own, not a typo of "mairie"; "fini" may be "finir"
        self._cache[key] = corrected
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return corrected

    def in_names(self, tokens: list[str]) -> list[str]:
        """``tokens`` with each word no one knows that sits beside part of a name, one letter from the name's
        next part, read as that part ("steve hut" is Steve Hutt): too short to correct alone, the name
        beside it says what it is."""
        found = list(tokens)
        for index, token in enumerate(tokens):
            if len(token) < 2 or not token.isalpha() or token in self._frequency:
                continue
            beside = self._after.get(tokens[index - 1], set()) if index else set()
            if index + 1 < len(tokens):
                beside = beside | self._before.get(tokens[index + 1], set())
            close = [word for word in beside if word[0] == token[0] and OSA.distance(token, word) <= 1]
            if len(close) == 1:
                found[index] = close[0]
        return found

    def resembles(self, token: str) -> bool:
        """Whether an unknown word looks like a typo or a cut of a known one, though too far to correct safely
        ("charj", "benef"): unlike a real word the bot does not know ("weather"), it hints at a known topic."""
        if len(token) < 3 or not token.isalpha():
            return False
        cached = self._resembles.get(token)
        if cached is None:
            limit = 1 if len(token) <= 6 else 2
            close = process.extract(token, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=5)
            cached = any(word[0] == token[0] and word not in lexicon.STOPWORDS for word, _, _ in close) or any(
                word.startswith(token) for word in self._prefixed(token)
            )
            if len(self._resembles) < _CACHE_SIZE:
                self._resembles[token] = cached
        return cached

    def _prefixed(self, token: str) -> list[str]:
        """Known content words that begin with ``token``, when it is long enough to be a cut word."""
        if len(token) < 4:
            return []
        start = bisect_left(self._choices, token)
        found = []
        for word in self._choices[start : start + 3]:
            if word.startswith(token) and word not in lexicon.STOPWORDS:
                found.append(word)
        return found

    def _split(self, token: str, lang: str, *, known: Callable[[str], bool] | None = None) -> str | None:
        """Two words typed as one, as "first second": a question word and the next word ("whenis",
        "howmany"), or in French an elision without its apostrophe ("detat", "larticle", "sest"). The second
        word is one the knowledge uses, or, when no known word explains the token, one ``known`` accepts."""
        known = known or self._frequency.__contains__
        for word in _RUN_ON_QUESTION_WORDS:
            rest = token[len(word) :]
            if token.startswith(word) and len(rest) > 1 and known(rest):
                return f"{word} {rest}"
        for elided in _ELIDED:
            rest = token[len(elided) :]
            short = len(elided) <= 2  # "tour" is not "t our"; "jusqua" is jusqu'à
            if (
                lang == "fr"
                and token.startswith(elided)
                and known(rest)
                and (not short or (len(rest) > 1 and rest not in lexicon.ENGLISH_STOPWORDS))
            ):
                return f"{elided} {rest}"
        return None

    def _unvowelled(self, token: str, lang: str) -> str | None:
        """The known word a chat spelling without vowels stands for ("spd", "frm", "ppl"): the most frequent one
        whose letters, vowels aside, are the typed ones, in the question's language."""
        if len(token) < 3 or not token.isalpha() or not _VOWELS.isdisjoint(token[1:]):
            return None
        if self._skeletons is None:
            self._skeletons = {}
            for word in sorted(self._choices, key=lambda w: -self._frequency[w]):
                if word.isalpha() and len(skeleton := _skeleton(word)) >= 3 and skeleton != word:
                    self._skeletons.setdefault(skeleton, []).append(word)
        other = self._other_language.get(lang, frozenset())
        return next((word for word in self._skeletons.get(token, ()) if word not in other), None)

    def _sounded(self, token: str, lang: str) -> str | None:
        """The known word a spelling by ear stands for ("travo", "mediatek", "alafilipe"): the most frequent one
        that sounds the same, in the question's language. French chat spells by ear; a short English word that
        sounds like a known one is more often a real word ("cost" is no "cause", "reset" no "rest")."""
        if len(token) < (4 if lang == "fr" else 7) or not token.isalpha():
            return None
        if self._sounds is None:
            self._sounds = {}
            for word in sorted(self._choices, key=lambda w: -self._frequency[w]):
                if word.isalpha() and len(word) >= 4 and word not in lexicon.STOPWORDS:
                    self._sounds.setdefault(_sound(word), []).append(word)
        other = self._other_language.get(lang, frozenset())
        return next((word for word in self._sounds.get(_sound(token), ()) if word not in other), None)

    def _nearest(self, token: str, lang: str) -> str:
        size = len(token)
        if size < 3 or not token.isalpha():
            return token
        max_distance = 1 if size <= 6 else 2 if size <= 10 else 3
        choices = self._choices if size > 3 else _THREE_LETTER_CHOICES
        candidates = process.extract(token, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=10)
        acceptable = [
            (word, distance)
            for word, distance, _ in candidates
            if (word[0] == token[0] or (distance == 1 and (size >= 6 or _sound_alike(token[0], word[0]))))
            and (size > 3 or word in _ASKING_WORDS or sorted(word) == sorted(token))  # "teh", "adn"
            and word not in self._other_language.get(lang, ())
            and (
                (size > 5 and word not in lexicon.STOPWORDS)
                or len(word) > size
                or (len(word) < size and _extra_key(token, word))
                or (len(word) == size and sorted(word) == sorted(token))
                or (len(word) == size and word not in lexicon.STOPWORDS and _slip(token, word))
            )
        ]
        if not acceptable:
            return token
        best = min(
            acceptable,
            key=lambda c: (c[1], c[0][0] != token[0], not c[0].startswith(token), -self._frequency[c[0]]),
        )
        return str(best[0])


_SOUNDS = (  # spellings that sound alike, each replaced in turn by one spelling of its sound
    (re.compile(r"eaux?|aux?|ot$|os$"), "o"),
    (re.compile(r"qu|ck|c(?=[aou])|k"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"ai|ei|er$|ez$|et$"), "e"),
    (re.compile(r"[ae][nm](?=[^aeiouy]|$)"), "an"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=.)h"), ""),
    (re.compile(r"(?<=..)[tsxe]$"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def _slipped(word: str, function_word: str) -> bool:
    """Whether a general word is a function word typed with two letters swapped or one left out ("dose" for
    "does", "happend" for "happened"): another letter in its place, or one more, makes another word ("season"
    is no "reason", "wheat" no "what")."""
    if function_word not in _FUNCTION_WORDS or word == function_word:
        return False
    return sorted(word) == sorted(function_word) or (
        len(function_word) == len(word) + 1 and function_word[0] == word[0]
    )


def _sound(word: str) -> str:
    """A word as it sounds, roughly, in French as in English chat: "travaux" and "travo", "médiathèque" and
    "mediatek", "résultat" and "resulta" sound the same."""
    for spelling, sound in _SOUNDS:
        word = spelling.sub(sound, word)
    return word


def _skeleton(word: str) -> str:
    """A word as typed without its vowels, the first letter kept: "speed" is "spd", "people" is "ppl"."""
    return word[0] + "".join(letter for letter in word[1:] if letter not in _VOWELS)


def _extra_key(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with one more letter: a key hit twice or its neighbour ("whoo", "whio"),
    or the "t" English spelling puts before "ch" ("mutch").

    "stay" is not "say" with an extra "t": a short real word loses no letter to a correction.
    """
    for index, extra in enumerate(typed):
        if typed[:index] + typed[index + 1 :] == meant:
            beside = typed[max(index - 1, 0) : index] + typed[index + 1 : index + 2]
            if any(extra == letter or _neighbours(extra, letter) for letter in beside):
                return True
            if typed[index : index + 3] == "tch":  # spelt as it sounds: "mutch", "wich" is already one edit
                return True
    return False


def _neighbours(a: str, b: str) -> bool:
    return any(abs(row.index(a) - row.index(b)) == 1 for row in _KEYBOARD_ROWS if a in row and b in row)


def _slip(typed: str, meant: str) -> bool:
    """Whether two same-length words differ by one letter that a finger slip explains."""
    differ = [(a, b) for a, b in zip(typed, meant, strict=True) if a != b]
    if len(differ) != 1:
        return False
    a, b = differ[0]
    return (a in _VOWELS and b in _VOWELS) or _sound_alike(a, b) or _neighbours(a, b)


def _sound_alike(a: str, b: str) -> bool:
    return any(a in letters and b in letters for letters in _SOUND_ALIKE)


def _inflected(word: str, other: str) -> bool:
    """Whether two words differ only in an inflection's ending, as forms of one word do ("fini", "finir";
    "finis", "finit"), not as "film" and "fill" do."""
    short, long = sorted((word, other), key=len)
    if long.startswith(short):
        return long[len(short) :] in _INFLECTIONS
    return len(word) > 3 and word[:-1] == other[:-1] and {word[-1], other[-1]} <= _INFLECTED_LAST
