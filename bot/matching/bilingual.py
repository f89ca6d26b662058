"""General English/French synonyms for news articles: the groups an article uses join its knowledge's own.

A question rarely uses the article's words: "cut" where it says "reduced",
"tué" for "killed", French about an English sentence. The matcher adds the
groups with a word in the knowledge's article to the maintainer's synonyms
(which win where they differ), and ``extract`` writes them into drafts. Only
the groups the article uses: a group about a subject the article never
mentions would only bring off-topic questions closer to its facts.

The groups (``bilingual.txt`` beside this module) are general news vocabulary
(countries, the calendar, how events are scheduled, announced and reported),
not one article's: groups that helped only the first article's draft were
taken out, and the second part (politics, economy, crime and accidents,
health, science, sport, culture, weather, transport, common verbs), the
third (about 1,100 nouns, verbs and adjectives of news questions: length,
cost, link, reduce...), the fourth (about 1,150 groups for the 6,000 most
frequent English and French words of a word-frequency list: visitor, lack,
remain, hear...) and the fifth (about 2,750 groups for the next 10,000:
stunned, collector, shade...) were written by people who had seen none of the
project's articles, one meaning per group, with words of two meanings left out
("ete", "an", "vol"), and the last three reviewed for such words by others.
Up to the fourth part, a word written in two groups merged them. A word a
group lists is read as that group's even when another group holds its stem
("statement" is no "state"); its forms the group does not list go by their
stem. An article uses a group when it writes a member, or, for a word no
group lists, another form of one ("réunis": "réuni"; "increasing":
"increase"). Members are written as ``tokenize`` reads words: lower case, no
accents.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.folding import tokenize
from bot.matching import lexicon

GROUPS_PATH = Path(__file__).with_name("bilingual.txt")
_OPENING_MARKS = "([«“\"'‘"


def _read(path: Path) -> tuple[tuple[str, ...], ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split(", ")) for line in lines if line and not line.startswith("#"))


GROUPS: tuple[tuple[str, ...], ...] = _read(GROUPS_PATH)
WORDS = frozenset(member for group in GROUPS for member in group)
"""Every member of every group: general vocabulary, words of the language rather than names."""


_PHRASES = tuple((number, member) for number, group in enumerate(GROUPS) for member in group if " " in member)
"""The members of several words, with their group's number: the only ones a set of an article's words cannot
hold."""


_ENDINGS = ("ing", "ees", "ed", "es", "ee", "s", "x", "e", "d")
"""Endings of plurals, participles and French feminines, longest first: "réunis" is a form of "réuni"."""
_MIN_FORM_KEY = 5  # a shorter word is only ever its own form: "bon" is no "bone"


def form_key(word: str) -> str | None:
    """What the forms of one word share ("increasing", "increased" and "increase" are "increas"), or
    ``None`` for a word too short to tell. Only inflections: the stemmer's derivations join other meanings
    ("shoulder" and "should", "frais" and "fraise")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_FORM_KEY:
            return word[: -len(ending)]
    return word if len(word) >= _MIN_FORM_KEY else None


@cache
def _members() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The groups' one-word members and their form keys, each with the numbers of the groups that hold it
    (built once, in a few hundredths of a second: a cached answerer never needs it)."""
    listed: dict[str, dict[int, None]] = {}
    forms: dict[str, dict[int, None]] = {}
    for number, group in enumerate(GROUPS):
        for member in group:
            if " " not in member:
                listed.setdefault(member, {})[number] = None
                if key := form_key(member):
                    forms.setdefault(key, {})[number] = None
    return {k: tuple(v) for k, v in listed.items()}, {k: tuple(v) for k, v in forms.items()}


def is_general(word: str) -> bool:
    """Whether ``word`` is general vocabulary: a member of a group, or another form of one ("recette" of the
    listed "recettes")."""
    if word in WORDS:
        return True
    key = form_key(word)  # the forms sharing it are few: no need to build the table of every member's key
    return key is not None and any(
        form in WORDS and form_key(form) == key for form in (key, *(key + ending for ending in _ENDINGS))
    )


def used_in(article: str) -> list[tuple[str, ...]]:
    """The groups with a member in ``article`` (members are written as ``tokenize`` reads words), or, for a
    word no group lists, a form of one ("réunis" uses the group of "réuni"), in the table's order."""
    return [GROUPS[number] for number in sorted(_first_uses(*_tokens(article)[::2]))]


def _tokens(article: str) -> tuple[list[str], list[int], frozenset[int]]:
    """The article's words as ``tokenize`` reads them, each with the number of the word it comes from, and
    the places of those written as names (capitalised inside a sentence); a word written as a common word
    where a group lists an acronym ("enable us", not the US) is left blank."""
    tokens: list[str] = []
    owners: list[int] = []
    named: set[int] = set()
    number = 0
    for line in article.splitlines():
        before = "."
        for word in line.split():
            letters = word.lstrip(_OPENING_MARKS)
            name = letters[:1].isupper() and not word.isupper() and not before.endswith(lexicon.SENTENCE_OPENERS)
            for token in tokenize(word):
                if name:
                    named.add(len(tokens))
                tokens.append("" if token in lexicon.ACRONYMS and not word.isupper() else token)
                owners.append(number)
            before, number = word, number + 1
    return tokens, owners, frozenset(named)


def _first_uses(words: list[str], named: frozenset[int] = frozenset()) -> dict[int, tuple[int, int]]:
    """Each group the article's words use, with where its first use starts and ends among them. A stopword
    is only ever itself: "these" is no form of "theses"; nor is a name ("Renaud" is no "renaux", "Landes" no
    "landed")."""
    listed, forms = _members()
    found: dict[int, tuple[int, int]] = {}
    for at, word in enumerate(words):
        key = form_key(word) if word not in lexicon.STOPWORDS and at not in named else None
        for number in listed.get(word) or (forms.get(key, ()) if key else ()):
            found.setdefault(number, (at, at + 1))
    known = set(words)
    text = f" {' '.join(words)} "
    for number, member in _PHRASES:
        if member.partition(" ")[0] in known and (start := text.find(f" {member} ")) >= 0:
            at = text.count(" ", 0, start)
            if at < found.get(number, (len(words), 0))[0]:
                found[number] = (at, at + len(member.split()))
    return found


def where_used(article: str, *, context: int = 4) -> list[tuple[tuple[str, ...], str]]:
    """Each group ``used_in`` the article, with the article's words around the first member it uses: what a
    maintainer reads to see whether the group takes that word in the article's sense ("operations" of a zoo
    is no surgery)."""
    words = article.split()
    tokens, owners, named = _tokens(article)
    found = []
    for number, (first, last) in sorted(_first_uses(tokens, named).items()):
        start, end = owners[first], owners[last - 1] + 1
        snippet = " ".join(words[max(0, start - context) : end + context])
        found.append((GROUPS[number], f"{'…' * (start > context)}{snippet}{'…' * (end + context < len(words))}"))
    return found
