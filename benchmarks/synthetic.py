"""Deterministic synthetic knowledge of any size, for measuring how matching scales.

A real knowledge file has one article's worth of facts; to see what 1,000 to
100,000 facts cost, the facts are generated. They look like real ones where it
matters to the matcher: content words follow a Zipf distribution (a few topics
everywhere, most words rare), the real article's vocabulary is mixed with a
pool of pseudo-words that grows with the size (as vocabularies do), questions
use real English and French question words and stopwords, and some test
questions carry typos or ask about nothing the knowledge knows.
Everything comes from one seeded ``random.Random``: same size, same facts.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.folding import normalize, tokenize
from bot.knowledge.model import Fact, Knowledge
from bot.matching import lexicon

SEED = 20240830
_ARTICLE_SENTENCES = 200  # facts cite these: an article of a long report's length, whatever the fact count
_ZIPF_EXPONENT = 1.07
_CONSONANTS = "bcdfghklmnprstvz"
_VOWELS = "aeiou"
_VERBS = (
    ("signed", "sign", "signé"),
    ("opened", "open", "ouvert"),
    ("announced", "announce", "annoncé"),
    ("built", "build", "construit"),
    ("approved", "approve", "approuvé"),
    ("launched", "launch", "lancé"),
    ("rejected", "reject", "rejeté"),
    ("funded", "fund", "financé"),
    ("visited", "visit", "visité"),
    ("hosted", "host", "accueilli"),
    ("cancelled", "cancel", "annulé"),
    ("delayed", "delay", "retardé"),
)
_MONTHS = ("January February March April May June July August September October November December").split()
_OFF_TOPIC = (
    "what is the weather like today",
    "who won the football match yesterday",
    "how do I cook pasta",
    "quel temps fait il demain",
    "recommend me a good film",
    "what time is it",
    "c'est quoi la capitale de l'australie",
)


@dataclass(frozen=True)
class TestQuestion:
    """A question to time, and the fact it was derived from (None for an off-topic one)."""

    text: str
    fact_id: str | None


@dataclass(frozen=True)
class Synthetic:
    """Generated knowledge, its article, and questions to ask it."""

    knowledge: Knowledge
    questions: tuple[TestQuestion, ...]


class _Zipf:
    """Draws words with Zipf frequencies: the word of rank r with weight 1 / r**s."""

    def __init__(self, words: Sequence[str], rng: random.Random) -> None:
        self.words = list(words)
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1 / rank**_ZIPF_EXPONENT for rank in range(1, len(words) + 1)))

    def draw(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]


def _pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Pronounceable made-up words (2-4 syllables), none a real word already in ``taken``."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.3:
            word += rng.choice("nrst")
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def _vocabulary(base: Knowledge | None, rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """(nouns, names): the base article's content words first (the commonest), then pseudo-words."""
    real: list[str] = []
    if base is not None:
        texts = [base.article, *(answer for fact in base.facts for answer in fact.answers.values())]
        seen = dict.fromkeys(
            word
            for text in texts
            for word in tokenize(text)
            if word.isalpha() and len(word) > 3 and word not in lexicon.STOPWORDS
        )
        real = list(seen)
    taken = set(real) | set(lexicon.STOPWORDS)
    nouns = real + _pseudo_words(rng, 1500 + size // 2, taken)
    names = [word.capitalize() for word in _pseudo_words(rng, 300 + size // 3, taken)]
    return nouns, names


def generate(size: int, *, base: Knowledge | None = None, questions: int = 500, seed: int = SEED) -> Synthetic:
    """``size`` facts of five example questions each, and ``questions`` test questions.

    ``base`` (the real knowledge) lends its vocabulary and synonyms, so the
    synthetic facts use the words and spellings the matcher meets in practice.
    """
    rng = random.Random(seed)
    nouns, names = _vocabulary(base, rng, size)
    noun, name = _Zipf(nouns, rng), _Zipf(names, rng)
    article = [_sentence(rng, noun, name) for _ in range(_ARTICLE_SENTENCES)]
    seen: set[str] = set()
    facts = []
    for index in range(size):
        entity = name.draw() if rng.random() < 0.7 else f"{name.draw()} {name.draw()}"
        topic = (noun.draw(), noun.draw())
        verb = rng.choice(_VERBS)
        place = name.draw()
        date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(1990, 2024)}"
        count = f"{rng.randint(2, 90)},{rng.randint(100, 999)}"
        en = f"{entity} {verb[0]} the {topic[0]} {topic[1]} in {place} on {date}."
        if rng.random() < 0.5:
            en += f" About {count} {noun.draw()} took part, according to the {noun.draw()} {noun.draw()}."
        answers = {"en": en}
        asked = [
            f"When did {entity} {verb[1]} the {topic[0]} {topic[1]}?",
            f"Where was the {topic[0]} {topic[1]} {verb[0]}?",
            f"Who {verb[0]} the {topic[0]} {topic[1]}?",
            f"What is the {topic[1]} of {entity}?",
            f"{entity} {topic[0]}?",
        ]
        lang_questions: dict[str, tuple[str, ...]] = {"en": ()}
        if rng.random() < 0.5:
            answers["fr"] = f"{entity} a {verb[2]} le {topic[0]} {topic[1]} à {place} le {date}."
            asked[rng.randrange(5)] = f"Quand {entity} a-t-il {verb[2]} le {topic[0]} {topic[1]} ?"
        for question in asked:
            while normalize(question) in seen:  # each question in one fact only, as load() requires
                question = question.rstrip("?").rstrip() + f" {noun.draw()}?"
            seen.add(normalize(question))
            lang = "fr" if question.startswith("Quand") else "en"
            lang_questions[lang] = (*lang_questions.get(lang, ()), question)
        facts.append(
            Fact(
                id=f"fact-{index}",
                answers=answers,
                questions=lang_questions,
                sources=(article[index % _ARTICLE_SENTENCES],),
                keywords=(topic[0],),
            )
        )
    synonyms = base.synonyms if base is not None else ()
    knowledge = Knowledge(Path("synthetic.yaml"), Path("article.txt"), "\n".join(article), tuple(facts), synonyms)
    return Synthetic(knowledge, tuple(_test_questions(rng, facts, questions)))


def _sentence(rng: random.Random, noun: _Zipf, name: _Zipf) -> str:
    return f"{name.draw()} said the {noun.draw()} {noun.draw()} would {rng.choice(_VERBS)[1]} the {noun.draw()}."


def _test_questions(rng: random.Random, facts: Sequence[Fact], count: int) -> list[TestQuestion]:
    """Paraphrases of example questions (a word dropped, swapped, or a typo), and one in five off topic."""
    found = []
    for _ in range(count):
        if rng.random() < 0.2:
            found.append(TestQuestion(rng.choice(_OFF_TOPIC), None))
            continue
        fact = rng.choice(facts)
        question = rng.choice([q for qs in fact.questions.values() for q in qs])
        words = question.rstrip(" ?").split()
        change = rng.random()
        if change < 0.3 and len(words) > 3:
            del words[rng.randrange(1, len(words))]
        elif change < 0.6:
            position = rng.randrange(len(words))
            word = words[position]
            if len(word) > 4:
                cut = rng.randrange(1, len(word) - 2)
                words[position] = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
        found.append(TestQuestion(" ".join(words).lower() + " ?", fact.id))
    return found


def write(synthetic: Synthetic, directory: Path) -> Path:
    """Write the knowledge file and its article under ``directory``; returns the file's path."""
    knowledge = synthetic.knowledge
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "article.txt").write_text(knowledge.article, encoding="utf-8")
    facts = []
    for fact in knowledge.facts:
        item: dict[str, object] = {"id": fact.id}
        for lang, answer in fact.answers.items():
            item[lang] = {"answer": answer, "questions": list(fact.questions.get(lang, ()))}
        item["keywords"] = list(fact.keywords)
        item["source"] = list(fact.sources)
        facts.append(item)
    document = {"article": "article.txt", "synonyms": [list(group) for group in knowledge.synonyms], "facts": facts}
    path = directory / "facts.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
