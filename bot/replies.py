"""The texts users see, in English and French, and how a reply is put together."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.folding import fold

DECLINE = {
    "en": "Sorry, the article doesn't say. It can tell you, for example:",
    "fr": "Désolé, l'article ne le dit pas. Il peut vous dire par exemple :",
}
EMPTY = {
    "en": "Ask me a question about the article, for example:",
    "fr": "Posez-moi une question sur l'article, par exemple :",
}
DID_YOU_MEAN = {"en": "Or did you mean:", "fr": "Ou vouliez-vous dire :"}
ONLY_IN = {  # said after an answer the knowledge has only in the other language
    "en": "(The article's facts give this answer in French only.)",
    "fr": "(Les faits de l'article ne donnent cette réponse qu'en anglais.)",
}
SMALL_TALK = {  # {about}: the article's subject, as the knowledge words it, after a colon (or nothing)
    "greeting": {
        "en": "Hello! I answer questions about one news article{about}. For example:",
        "fr": "Bonjour ! Je réponds aux questions sur un article de presse{about}. Par exemple :",
    },
    "how_are_you": {
        "en": "I'm fine, thank you! Ask me anything about the article{about}, for example:",
        "fr": "Très bien, merci ! Posez-moi une question sur l'article{about}, par exemple :",
    },
    "thanks": {
        "en": "You're welcome! Anything else about the article?",
        "fr": "Avec plaisir ! Autre chose sur l'article ?",
    },
    "bye": {
        "en": "Goodbye! Come back with more questions about the article.",
        "fr": "Au revoir ! Revenez quand vous voulez avec d'autres questions sur l'article.",
    },
    "identity": {
        "en": "I'm a bot that answers questions about one news article{about}. Every answer rests on the article. Try:",
        "fr": "Je suis un bot qui répond aux questions sur un article de presse{about}. "
        "Chaque réponse s'appuie sur l'article. Essayez :",
    },
    "ack": {
        "en": "Good. Ask me another question about the article whenever you like.",
        "fr": "Très bien. Posez-moi une autre question sur l'article quand vous voulez.",
    },
    "clock": {
        "en": "I can't tell the time or today's date: I only answer questions about one news article{about}.",
        "fr": "Je ne donne ni l'heure ni la date du jour : je réponds seulement aux questions sur un article de "
        "presse{about}.",
    },
}
SMALL_TALK_WITH_EXAMPLES = frozenset({"greeting", "how_are_you", "identity"})
ABOUT_THE_ARTICLE = {  # the answers to questions about the article itself, from the knowledge's header
    "title": {"en": "The article's headline: “{}”", "fr": "Le titre de l'article : « {} »"},
    "about": {"en": "The article is about {}.", "fr": "Le sujet de l'article : {}."},
    "published": {"en": "The article's date: {}.", "fr": "Date de l'article : {}."},
    "source": {"en": "The article comes from {}", "fr": "L'article vient {}"},
}
_ENDS_WITH_URL = re.compile(r"https?://[^\s)]+$")
_FRENCH_ARTICLES = {"le": "du", "les": "des"}
_VOWELS = frozenset("aeiou")


def header_answer(field: str, lang: str, value: str) -> str:
    """The answer to a question about the article itself, from its header's ``value`` for ``field``."""
    if field == "source" and lang == "fr":
        value = _from(value)
    answer = ABOUT_THE_ARTICLE[field][lang].format(value.rstrip("."))
    if field == "source" and not _ENDS_WITH_URL.search(answer):
        answer += "."  # a sentence, but no full stop that a chat app could take into a bare address
    return answer


def _from(name: str) -> str:
    """French "de" joined to a name as French writes it: "d'Alençon", "du Parisien", "des Échos", "de La Croix"."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in _FRENCH_ARTICLES:
        return f"{_FRENCH_ARTICLES[first.lower()]} {rest}"
    return f"d'{name}" if fold(name[:1]) in _VOWELS else f"de {name}"


_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
}
_ISO_DATE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_MONTH_NUMBERS = {fold(name): number for names in _MONTHS.values() for number, name in enumerate(names, start=1)}
_WRITTEN_DATE = re.compile(  # "March 2023", "mars 2023", "17 August 2022", "August 17, 2022", "1er juin 2004"
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th|er)?\s+)?({'|'.join(_MONTH_NUMBERS)})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(\d{{4}})"
)


def readable_date(value: str, lang: str) -> str:
    """A date the knowledge writes as ISO ("2004-06-02", "2004-06") or with a month's name in either language
    ("June 2004", "2 juin 2004") as people read it in ``lang`` ("2 June 2004", "2 juin 2004"); anything else as
    written ("2021", "Wednesday 17 May")."""
    written = _WRITTEN_DATE.fullmatch(fold(value.strip()))
    if written and not (written[1] and written[3]):
        day = written[1] or written[3]
        value = f"{written[4]}-{_MONTH_NUMBERS[written[2]]:02d}" + (f"-{int(day):02d}" if day else "")
    match = _ISO_DATE.fullmatch(value.strip())
    if not match or not 1 <= int(match[2]) <= 12 or (match[3] and not 1 <= int(match[3]) <= 31):
        return value
    month = _MONTHS[lang][int(match[2]) - 1]
    if not match[3]:
        return f"{month} {match[1]}"
    day = int(match[3])
    return f"{'1er' if lang == 'fr' and day == 1 else day} {month} {match[1]}"


def compose(body: str, questions: Sequence[str]) -> str:
    """The text a user reads: the body, then the offered questions as bullet lines."""
    if not questions:
        return body
    return body + "\n" + "\n".join(f"• {question}" for question in questions)


def small_talk(category: str, lang: str, subject: str | None = None) -> str:
    """A friendly reply to small talk, naming the article's ``subject`` when the knowledge gives one;
    greetings end by leading into example questions."""
    return SMALL_TALK[category][lang].format(about=about(subject, lang))


def about(subject: str | None, lang: str) -> str:
    """The article's subject after a colon, ready to follow "an article"; nothing when there is none."""
    if not subject:
        return ""
    return f" : {subject}" if lang == "fr" else f": {subject}"


def answer(text: str, lang: str, tied: bool, *, translated: bool = True) -> str:
    """An answer, saying so when it is not in the asker's language (``translated`` false), leading into the
    nearly tied questions when there are any."""
    if not translated:
        text = f"{text}\n{ONLY_IN[lang]}"
    return f"{text}\n\n{DID_YOU_MEAN[lang]}" if tied else text


# The fields of ``ask --json``, a contract for scripts; ``ask --help`` lists them. Kept in this light module
# so that building the command line's help does not import the matcher.
JSON_FIELDS = (
    ("question", "the question as received"),
    ("answer", "the whole text a user sees: the answer, or the decline or small talk, with suggestions"),
    (
        "fact_id",
        "the fact that answers, or null (a decline, small talk, an empty message); ~title, ~about, ~published or "
        "~source when the knowledge's header answers a question about the article itself",
    ),
    ("score", "how likely the best fact answers the question, 0-100"),
    ("lang", "the language of the reply: en or fr"),
    ("suggestions", "fact ids offered: nearly tied facts beside an answer, related facts with a decline"),
    ("kind", "answer, decline, small_talk or empty"),
    ("candidate", "the best-scoring fact even when it did not answer, or null"),
)
