"""Replies as Telegram messages: HTML text with every piece escaped, and inline keyboards.

Answers from the core are plain text; user and knowledge text may hold ``<`` or
``&``, so everything goes through ``html.escape`` here and nowhere else builds HTML.
Callback data is ``fact:<id>:<lang>`` (answer that fact), ``src:<id>:<lang>``
(show its source), or ``up:``/``down:<id>:<lang>`` (a user's 👍/👎 on that
fact's answer): the language travels with the button so the answer to a French
question's button is French.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import InlineKeyboardButtonLimit, ParseMode

from bot import replies
from bot.answerer import Choice, Reply
from bot.knowledge.model import LANGUAGES, Fact, Knowledge
from bot.telegram import texts

ANSWER = "fact"
SOURCE = "src"
LIKE = "up"
DISLIKE = "down"
FEEDBACK = (LIKE, DISLIKE)
_DESCRIPTION_CHARS = 120
_FEEDBACK_LABELS = ((texts.LIKE_BUTTON, LIKE), (texts.DISLIKE_BUTTON, DISLIKE))


def callback_data(action: str, fact_id: str, lang: str) -> str | None:
    """The data of a button, or None when it would exceed Telegram's 64 bytes."""
    data = f"{action}:{fact_id}:{lang}"
    return data if len(data.encode()) <= InlineKeyboardButtonLimit.MAX_CALLBACK_DATA else None


def parse_callback(data: str | None) -> tuple[str, str, str] | None:
    """(action, fact id, language) from a button's data, or None if it is not one of ours."""
    parts = (data or "").split(":")
    if len(parts) != 3 or parts[0] not in (ANSWER, SOURCE, *FEEDBACK) or parts[2] not in LANGUAGES:
        return None
    return parts[0], parts[1], parts[2]


def question_buttons(choices: Iterable[Choice], lang: str) -> list[list[InlineKeyboardButton]]:
    """One row per suggested question; pressing it answers that question."""
    rows = []
    for choice in choices:
        data = callback_data(ANSWER, choice.fact_id, lang)
        if data:
            rows.append([InlineKeyboardButton(choice.question, callback_data=data)])
    return rows


def fact_choices(facts: Iterable[Fact], lang: str) -> list[Choice]:
    """Each fact as a choice labelled with its first question."""
    return [Choice(fact.id, fact.first_question(lang)) for fact in facts]


def source_row(fact: Fact | None, lang: str) -> list[list[InlineKeyboardButton]]:
    """The Source button of an answer, when the fact quotes the article."""
    data = callback_data(SOURCE, fact.id, lang) if fact and fact.sources else None
    return [[InlineKeyboardButton(texts.SOURCE_BUTTON[lang], callback_data=data)]] if data else []


def markup(rows: Sequence[list[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    return InlineKeyboardMarkup(rows) if rows else None


def feedback_buttons(fact: Fact, lang: str) -> list[InlineKeyboardButton]:
    """👍 and 👎 for an answer, so users can tell the maintainers whether it answered them."""
    found = [(label, callback_data(action, fact.id, lang)) for label, action in _FEEDBACK_LABELS]
    return [InlineKeyboardButton(label, callback_data=data) for label, data in found if data]


def reply_message(reply: Reply, knowledge: Knowledge) -> tuple[str, InlineKeyboardMarkup | None]:
    """An answer, decline or small talk: its text, one row with Source, 👍 and 👎 under an answer, and its
    suggestions as buttons."""
    fact = knowledge.get(reply.fact_id) if reply.fact_id else None
    first = [*(source_row(fact, reply.lang) or [[]])[0], *feedback_buttons(fact, reply.lang)] if fact else []
    rows = ([first] if first else []) + question_buttons(reply.choices, reply.lang)
    return escape(reply.body), markup(rows)


def fact_html(fact: Fact, lang: str) -> str:
    """A fact's question in bold, then its answer: a button press or an inline result shows no question."""
    return f"<b>{escape(fact.first_question(lang))}</b>\n{escape(fact.answer(lang))}"


def fact_message(fact: Fact, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer of one fact, as when a suggestion button is pressed."""
    return fact_html(fact, lang), markup(source_row(fact, lang))


def sources_html(fact: Fact, lang: str) -> str:
    """The article's verbatim sentences behind a fact, quoted."""
    if not fact.sources:
        return f"<i>{escape(texts.NO_SOURCE[lang])}</i>"
    quotes = "\n".join(f"<blockquote>{escape(source)}</blockquote>" for source in fact.sources)
    return f"<b>{escape(texts.FROM_THE_ARTICLE[lang])}</b>\n{quotes}"


def without_sources(keyboard: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard minus the Source button, once the source is shown."""
    return without(keyboard, (SOURCE,))


def without_feedback(keyboard: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard minus 👍 and 👎, once one was pressed."""
    return without(keyboard, FEEDBACK)


def without(keyboard: InlineKeyboardMarkup | None, actions: Sequence[str]) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    rows = [
        [button for button in row if str(button.callback_data or "").split(":")[0] not in actions]
        for row in keyboard.inline_keyboard
    ]
    return markup([row for row in rows if row])


def help_html(lang: str, username: str) -> str:
    return escape(texts.HELP[lang].format(mention=f"@{username}"))


def facts_message(knowledge: Knowledge, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """Every topic, as buttons."""
    return escape(texts.FACTS[lang]), markup(question_buttons(fact_choices(knowledge.facts, lang), lang))


def source_html(knowledge: Knowledge, lang: str, headlines: Sequence[Fact]) -> str:
    """Which article, its main facts, and that answers quote it."""
    opening = next((line.strip() for line in knowledge.article.splitlines() if line.strip()), "")
    facts = "\n".join(f"• {escape(fact.answer(lang))}" for fact in headlines)
    heading = escape(texts.SOURCE[lang].format(about=replies.about(knowledge.subject(lang), lang)))
    details = []
    if knowledge.published:
        details.append(escape(texts.PUBLISHED[lang].format(published=replies.readable_date(knowledge.published, lang))))
    if knowledge.where_from:
        details.append(escape(knowledge.where_from))
    where = "\n".join(details) + "\n" if details else ""
    return (
        f"{heading}\n<blockquote>{escape(opening)}</blockquote>\n{where}\n"
        f"<b>{escape(texts.HEADLINES[lang])}</b>\n{facts}\n\n{escape(texts.QUOTES[lang])}"
    )


def inline_result(fact: Fact, lang: str) -> InlineQueryResultArticle:
    """A fact offered in inline mode: the question as title, the answer as the message sent."""
    question, answer = fact.first_question(lang), fact.answer(lang)
    description = answer if len(answer) <= _DESCRIPTION_CHARS else answer[: _DESCRIPTION_CHARS - 1] + "…"
    return InlineQueryResultArticle(
        id=f"{fact.id}:{lang}"[:64],
        title=question,
        description=description,
        input_message_content=InputTextMessageContent(fact_html(fact, lang), parse_mode=ParseMode.HTML),
        reply_markup=markup(source_row(fact, lang)),
    )
