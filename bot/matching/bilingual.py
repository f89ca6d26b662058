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
stem. Members are written as ``tokenize`` reads words: lower case, no accents.
"""

from __future__ import annotations

from pathlib import Path

from bot.folding import tokenize

GROUPS_PATH = Path(__file__).with_name("bilingual.txt")


def _read(path: Path) -> tuple[tuple[str, ...], ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split(", ")) for line in lines if line and not line.startswith("#"))


GROUPS: tuple[tuple[str, ...], ...] = _read(GROUPS_PATH)


_PHRASES = tuple((number, member) for number, group in enumerate(GROUPS) for member in group if " " in member)
"""The members of several words, with their group's number: the only ones a set of an article's words cannot
hold."""


def used_in(article: str) -> list[tuple[str, ...]]:
    """The groups with at least one member in ``article`` (members are written as ``tokenize`` reads words),
    in the table's order."""
    return _used_by([token for word in article.split() for token in tokenize(word)])


def _used_by(words: list[str]) -> list[tuple[str, ...]]:
    """``used_in`` for an article already read into ``tokenize``'s words."""
    known = set(words)
    found = {number for number, group in enumerate(GROUPS) if not known.isdisjoint(group)}
    text = f" {' '.join(words)} "
    found.update(
        number
        for number, member in _PHRASES
        if number not in found and member.partition(" ")[0] in known and f" {member} " in text
    )
    return [GROUPS[number] for number in sorted(found)]


def where_used(article: str, *, context: int = 4) -> list[tuple[tuple[str, ...], str]]:
    """Each group ``used_in`` the article, with the article's words around the first member it uses: what a
    maintainer reads to see whether the group takes that word in the article's sense ("operations" of a zoo
    is no surgery)."""
    words = article.split()
    tokens: list[str] = []
    owners: list[int] = []  # the word each token comes from
    for number, word in enumerate(words):
        for token in tokenize(word):
            tokens.append(token)
            owners.append(number)
    text = f" {' '.join(tokens)} "
    found = []
    for group in _used_by(tokens):
        for member in group:
            at = text.find(f" {member} ")
            if at < 0:
                continue
            first = text.count(" ", 0, at)  # the token the member starts at
            start, end = owners[first], owners[first + len(member.split()) - 1] + 1
            snippet = " ".join(words[max(0, start - context) : end + context])
            found.append((group, f"{'…' * (start > context)}{snippet}{'…' * (end + context < len(words))}"))
            break
    return found
