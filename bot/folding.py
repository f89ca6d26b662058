"""The one comparable form of any text: case, accents, ligatures, punctuation, emoji and mentions folded away.

Questions, the knowledge's own texts and the unanswered log all compare texts in
this form, so it sits below every layer: it imports nothing of the bot.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUESTION_CHARS = 500
"""Longer messages are cut before matching: no real question is longer, and it bounds the work."""

_MENTION = re.compile(r"(?<![\w.])@\w+")
_NON_WORD = re.compile(r"[\W_]+")
_SEPARATED_DIGITS = re.compile(r"\d[\W_]+\d")
_DECIMAL = re.compile(r"(?<![\w.,])(\d+)[.,](\d{1,2}|\d{4,})(?![\w]|[.,]\d)")
_THOUSANDS = re.compile(r"\b\d{1,3}(?: \d{3})+\b")
"""Numbers are one word however they are written: "2,298", "2 298" and "2298" alike; "4.92" and "4,92" as
"4" (about 4) and "4d92", which no whole number reads as (not 92)."""
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'"})


_LATIN_ACCENTS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]"
)  # the combining marks French and most Latin-script accents decompose into


def fold(text: str) -> str:
    """Case, accents (NFKD), ligatures and curly apostrophes folded away."""
    text = text.translate(_LIGATURES)
    if text.isascii():
        return text.casefold()
    text = _LATIN_ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    if text.isascii():  # a regex pass instead of a Python loop over every character
        return text.casefold()
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text.translate(_LIGATURES)  # ǽ decomposes to æ and an accent: fold the æ too


def normalize(text: str) -> str:
    """The comparable form: folded, without mentions, punctuation, emoji or extra spaces; "%" is a word."""
    folded = fold(_MENTION.sub(" ", text[:MAX_QUESTION_CHARS])).replace("won't", "will not")  # not "won" of "win"
    folded = folded.replace("%", " percent ")  # "quel % du CA ?" asks what "30 %" and "30 percent" answer
    numbers = _SEPARATED_DIGITS.search(folded) is not None  # most texts have none: skip both passes
    if numbers:
        folded = _DECIMAL.sub(r"\1 \1d\2", folded)
    folded = " ".join(_NON_WORD.sub(" ", folded)[:MAX_QUESTION_CHARS].split())  # folding can expand (Æ, ﷺ)
    return _THOUSANDS.sub(lambda number: number.group().replace(" ", ""), folded) if numbers else folded


def tokenize(text: str) -> list[str]:
    """Words of the normalised text; elisions (l', qu', jusqu') become their own tokens."""
    return normalize(text).split()


def without_mentions(text: str) -> str:
    """The text, cut like a question, without ``@botname`` mentions and with single spaces."""
    return " ".join(_MENTION.sub(" ", text[:MAX_QUESTION_CHARS]).split())
