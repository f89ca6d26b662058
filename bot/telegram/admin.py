"""Admin commands: /addfact, a guided conversation, and /unanswered, with buttons that attach a question to a fact.

Admins are the numeric Telegram user ids of BOT_ADMIN_IDS (``bot_data["admins"]``):
ids, because usernames can be changed and then taken by someone else. Everyone
else, and admins in groups, gets a polite refusal and nothing changes. Every
write goes through ``bot.knowledge.store.add_fact`` (lock, validate, backup, atomic rename)
in a thread, then the knowledge is reloaded at once, so the next question is
answered from it. Each step of /addfact is checked as it is answered, so the
admin fixes that step rather than starting again.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any, cast

from telegram import Bot, InlineKeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes, ConversationHandler

from bot.answerer import Answerer
from bot.errors import BotError, KnowledgeError
from bot.folding import normalize
from bot.knowledge.model import LANGUAGES, Knowledge, answer_problem, id_problem, unquoted
from bot.knowledge.store import add_fact
from bot.matching.lexicon import STOPWORDS
from bot.telegram import texts
from bot.telegram.formatting import markup
from bot.telegram.handlers import answerer_of, is_admin, user_language
from bot.upkeep.reload import KnowledgeWatcher
from bot.upkeep.stats import StatsLog, last_days, table
from bot.upkeep.unanswered import DECLINED, DISPUTED, Group, UnansweredLog
from bot.upkeep.unanswered import attach as attach_question

logger = logging.getLogger(__name__)

QUESTIONS, ANSWER, LANGUAGE, FACT_ID, SOURCE, CONFIRM = range(6)
"""The steps of /addfact, in order."""
END = ConversationHandler.END
UNANSWERED_SHOWN = 10
DISPUTE_TARGETS = 2  # facts offered for a disputed question
STATS_DAYS = 7
STATS_FACTS = 15  # the busiest facts /stats lists, so the table fits one message
ATTACH = "attach"
"""Callback data ``attach:<token>``; the question itself waits in ``bot_data["pending_attach"]``."""
MAX_PENDING = 200  # attach buttons remembered, oldest forgotten first: bounded memory
_LABEL_CHARS = 40
_LISTED_CHARS = 200  # a listed question is cut here, so ten of them fit in one message
_SLUG_WORDS = 4
_REPORT_CHARS = 3000  # before escaping, so the message stays under Telegram's 4096


@dataclass
class Draft:
    """The fact being added, filled in step by step."""

    questions: list[str] = field(default_factory=list)
    answer: str = ""
    lang: str = "en"
    fact_id: str = ""
    source: str | None = None
    previewed: bool = False
    """Once the preview was shown, fixing a step goes straight back to it."""


@dataclass(frozen=True)
class Pending:
    """What an attach button adds: a declined question to a fact."""

    text: str
    fact_id: str


# -- who may ------------------------------------------------------------------------------------


async def refused(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Politely refuse anyone but an admin in a private chat; True when refused, and then nothing else happens."""
    lang = user_language(update)
    chat = update.effective_chat
    if not is_admin(update, context):
        text = texts.ADMIN_ONLY[lang]
    elif chat is not None and chat.type == ChatType.PRIVATE:
        return False
    else:
        text = texts.ADMIN_PRIVATE_ONLY[lang]
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_html(escape(text))
    return True


# -- checks of each step (the store checks them all again when writing) ------------------------------


def questions_problem(questions: list[str], knowledge: Knowledge) -> str | None:
    if not questions:
        return texts.NO_QUESTIONS
    for question in questions:
        other = knowledge.asking(question)
        if other is not None:
            return texts.QUESTION_TAKEN.format(question=question, fact_id=other.id)
    return None


def fact_id_problem(fact_id: str, knowledge: Knowledge) -> str | None:
    if id_problem(fact_id):
        return texts.BAD_ID.format(fact_id=fact_id)
    if knowledge.get(fact_id) is not None:  # the store would change that fact: /addfact only adds
        return texts.ID_TAKEN.format(fact_id=fact_id)
    return None


def source_problem(source: str | None, knowledge: Knowledge) -> str | None:
    if source is None or knowledge.quotes(source):
        return None
    return texts.NOT_VERBATIM.format(why=unquoted(source, knowledge.article))


def sentence(problem: str) -> str:
    """A problem the knowledge layer words as a clause ("the answer is empty; ..."), as a sentence."""
    return f"{problem[:1].upper()}{problem[1:]}."


def first_problem(draft: Draft, knowledge: Knowledge) -> tuple[int, str] | None:
    """The first step whose answer the knowledge no longer accepts (it may have changed since), and why."""
    checks = (
        (QUESTIONS, questions_problem(draft.questions, knowledge)),
        (ANSWER, answer_problem(draft.answer)),
        (FACT_ID, fact_id_problem(draft.fact_id, knowledge)),
        (SOURCE, source_problem(draft.source, knowledge)),
    )
    return next(((step, sentence(problem) if step == ANSWER else problem) for step, problem in checks if problem), None)


def suggested_id(question: str, knowledge: Knowledge) -> str:
    """A free id from the question's topic words, e.g. "How many seats does the new hall have?" -> many-seats-new."""
    words = [word for word in normalize(question).split() if word not in STOPWORDS and word.isalnum()]
    base = "-".join(words[:_SLUG_WORDS]) or "new-fact"
    if id_problem(base):
        base = "new-fact"
    candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, len(knowledge.facts) + 2))
    return next(slug for slug in candidates if knowledge.get(slug) is None)


def draft_of(context: ContextTypes.DEFAULT_TYPE) -> Draft:
    data = cast(dict[str, Any], context.user_data)
    return cast(Draft, data.setdefault("addfact", Draft()))


# -- /addfact -----------------------------------------------------------------------------------------


async def say(update: Update, text: str, keyboard: ReplyKeyboardMarkup | ReplyKeyboardRemove | None = None) -> None:
    if update.effective_message:
        await update.effective_message.reply_html(escape(text), reply_markup=keyboard)


def buttons(*labels: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup([list(labels)], one_time_keyboard=True, resize_keyboard=True)


def message_text(update: Update) -> str:
    message = update.effective_message
    return (message.text or "").strip() if message else ""


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE, step: int, *, problem: str | None = None) -> int:
    """Ask for ``step``, after the ``problem`` with the previous answer if any, and wait there."""
    draft = draft_of(context)
    keyboard: ReplyKeyboardMarkup | ReplyKeyboardRemove = ReplyKeyboardRemove()
    if step == QUESTIONS:
        text = texts.ASK_QUESTIONS
    elif step == ANSWER:
        text = texts.ASK_ANSWER
    elif step == LANGUAGE:
        detected = answerer_of(context).matcher.analyse(draft.answer).lang
        text = texts.ASK_LANGUAGE.format(language=texts.LANGUAGE_NAMES[detected])
        keyboard = buttons(*sorted(LANGUAGES, key=lambda code: code != detected))
    elif step == FACT_ID:
        text = texts.ASK_ID
        keyboard = buttons(
            texts.USE_ID.format(fact_id=suggested_id(draft.questions[0], answerer_of(context).knowledge))
        )
    elif step == SOURCE:
        text = texts.ASK_SOURCE
    else:
        draft.previewed = True
        text = preview(draft)
        keyboard = buttons(texts.CONFIRM, texts.CANCEL)
    await say(update, f"{problem}\n\n{text}" if problem else text, keyboard)
    return step


async def ask_next(update: Update, context: ContextTypes.DEFAULT_TYPE, step: int) -> int:
    """Ask for ``step``, or back to the preview when this answer fixed a step after it was shown."""
    return await ask(update, context, CONFIRM if draft_of(context).previewed else step)


def preview(draft: Draft) -> str:
    return texts.PREVIEW.format(
        fact_id=draft.fact_id,
        lang=draft.lang,
        questions="\n".join(f"• {question}" for question in draft.questions),
        answer=draft.answer,
        source=f"« {draft.source} »" if draft.source else texts.PREVIEW_NO_SOURCE,
    )


async def addfact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Start adding a fact (admins, in a private chat): ask for its questions."""
    if await refused(update, context):
        return END
    cast(dict[str, Any], context.user_data)["addfact"] = Draft()
    await say(update, f"{texts.ADD_FACT}\n\n{texts.ASK_QUESTIONS}", ReplyKeyboardRemove())
    return QUESTIONS


async def got_questions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Take the questions, one per line, unless another fact already asks one."""
    questions = list(dict.fromkeys(line.strip() for line in message_text(update).splitlines() if line.strip()))
    problem = questions_problem(questions, answerer_of(context).knowledge)
    if problem:
        await say(update, problem)
        return QUESTIONS
    draft_of(context).questions = questions
    return await ask_next(update, context, ANSWER)


async def got_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Take the answer if it can be sent, then offer the languages, the detected one first."""
    answer = message_text(update)
    problem = answer_problem(answer)
    if problem:
        await say(update, sentence(problem))
        return ANSWER
    draft_of(context).answer = answer
    return await ask_next(update, context, LANGUAGE)


async def got_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Take en or fr, then suggest an id."""
    lang = message_text(update).casefold()
    if lang not in LANGUAGES:
        return await ask(update, context, LANGUAGE, problem=texts.BAD_LANGUAGE)
    draft_of(context).lang = lang
    return await ask_next(update, context, FACT_ID)


async def got_id(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Take the suggested id or a typed one, if it is well formed and free."""
    fact_id = message_text(update).removeprefix(texts.USE_ID.format(fact_id="")).strip()
    problem = fact_id_problem(fact_id, answerer_of(context).knowledge)
    if problem:
        return await ask(update, context, FACT_ID, problem=problem)
    draft_of(context).fact_id = fact_id
    return await ask_next(update, context, SOURCE)


async def got_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Take the article's sentence, if it is verbatim in the article, then show the preview."""
    source = message_text(update)
    problem = source_problem(source, answerer_of(context).knowledge)
    if problem:
        await say(update, problem)
        return SOURCE
    draft_of(context).source = source
    return await ask(update, context, CONFIRM)


async def skip_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """No source: warn that facts should quote the article, then show the preview."""
    draft = draft_of(context)
    draft.source = None
    await say(update, texts.NO_SOURCE_WARNING)
    return await ask(update, context, CONFIRM)


async def confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Save the fact through the store and make it live, or cancel."""
    choice = message_text(update).casefold()
    if choice == texts.CANCEL.casefold():
        return await cancel(update, context)
    if choice != texts.CONFIRM.casefold():
        await say(update, texts.ASK_CONFIRM, buttons(texts.CONFIRM, texts.CANCEL))
        return CONFIRM
    draft = draft_of(context)
    knowledge = answerer_of(context).knowledge
    problem = first_problem(draft, knowledge)
    if problem:  # the knowledge changed since that step was answered
        step, message = problem
        return await ask(update, context, step, problem=message)
    try:
        added = await asyncio.to_thread(
            add_fact,
            knowledge.path,
            draft.fact_id,
            lang=draft.lang,
            answer=draft.answer,
            questions=draft.questions,
            source=draft.source,
        )
    except BotError as error:  # FactRejected, or KnowledgeError when the file on disk is broken
        await say(update, texts.NOT_SAVED_RETRY.format(error=error), buttons(texts.CONFIRM, texts.CANCEL))
        return CONFIRM
    not_live = await reload_now(context)
    if not_live:
        await say(update, texts.SAVED_NOT_LIVE.format(fact_id=added.fact_id, error=not_live), ReplyKeyboardRemove())
    else:
        text = texts.SAVED.format(fact_id=added.fact_id, backup=added.backup.name, question=draft.questions[0])
        await say(update, text, ReplyKeyboardRemove())
    cast(dict[str, Any], context.user_data).pop("addfact", None)
    return END


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Stop adding a fact; nothing was written."""
    cast(dict[str, Any], context.user_data).pop("addfact", None)
    await say(update, texts.CANCELLED, ReplyKeyboardRemove())
    return END


async def reload_now(context: ContextTypes.DEFAULT_TYPE) -> KnowledgeError | None:
    """Swap in the knowledge just written, without waiting for the watcher; the error when it fails to load."""
    watcher = cast(KnowledgeWatcher, context.bot_data["watcher"])
    try:
        context.bot_data["answerer"] = await asyncio.to_thread(watcher.reload)
    except KnowledgeError as error:
        logger.warning("The knowledge written from Telegram did not reload:\n%s", error)
        return error
    return None


# -- /unanswered ---------------------------------------------------------------------------------------


def still_declined(groups: Iterable[Group], answerer: Answerer) -> Iterator[Group]:
    """Groups whose question the bot still declines, or still answers with the disputed fact: one attached
    or added since is no longer listed."""
    for group in groups:
        reply = answerer.reply(group.text)
        still = reply.kind == "decline" if group.kind == DECLINED else reply.fact_id == group.candidate
        if still:
            yield group


def shorten(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def targets(group: Group, answerer: Answerer) -> list[str]:
    """The facts an admin may attach the group's question to: the closest one for a declined question, the
    next best ones (not the disputed fact) for a disputed answer."""
    if group.kind == DECLINED:
        return [group.candidate] if group.candidate and answerer.knowledge.get(group.candidate) else []
    matches = answerer.matcher.extract(group.text, limit=DISPUTE_TARGETS + 1)
    return [match.fact.id for match in matches if match.fact.id != group.candidate][:DISPUTE_TARGETS]


async def unanswered_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the most frequent declined questions and disputed answers, each with buttons to attach the
    question to a fact that may answer it."""
    if await refused(update, context):
        return
    log = cast(UnansweredLog | None, context.bot_data.get("unanswered"))
    if log is None:
        await say(update, texts.NO_LOG)
        return
    groups = await asyncio.to_thread(log.groups)
    answerer = answerer_of(context)
    shown = list(itertools.islice(still_declined(groups, answerer), UNANSWERED_SHOWN))
    if not shown:
        await say(update, texts.NOTHING_DECLINED)
        return
    pending = cast(dict[str, Pending], context.bot_data.setdefault("pending_attach", {}))
    lines, rows = [texts.DECLINED], []
    for number, group in enumerate(shown, start=1):
        lang = group.langs[0] if group.langs else "en"
        langs = ", ".join(group.langs) or "?"
        listed = shorten(group.text, _LISTED_CHARS)
        facts = [fact for fact_id in targets(group, answerer) if (fact := answerer.knowledge.get(fact_id))]
        if group.kind == DISPUTED:
            given = answerer.knowledge.get(group.candidate or "")
            gave = given.first_question(lang) if given else group.candidate or "?"
            lines.append(texts.DISPUTED_LINE.format(number=number, text=listed, count=group.count, gave=gave))
        elif facts:
            closest = facts[0].first_question(lang)
            lines.append(
                texts.DECLINED_LINE.format(number=number, text=listed, count=group.count, langs=langs, closest=closest)
            )
        else:
            lines.append(texts.DECLINED_NO_CANDIDATE.format(number=number, text=listed, count=group.count, langs=langs))
        for fact in facts:
            token = secrets.token_urlsafe(8)
            pending[token] = Pending(group.text, fact.id)
            label = texts.ATTACH_BUTTON.format(number=number, closest=shorten(fact.first_question(lang)))
            rows.append([InlineKeyboardButton(label, callback_data=f"{ATTACH}:{token}")])
    for old in list(pending)[: max(0, len(pending) - MAX_PENDING)]:
        del pending[old]
    lines.append(texts.DECLINED_HINT)
    if update.effective_message:
        await update.effective_message.reply_html(escape("\n".join(lines)), reply_markup=markup(rows))


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answered, declined, disputed and liked questions of the last days, per fact and per day (admins only)."""
    if await refused(update, context):
        return
    log = cast(StatsLog | None, context.bot_data.get("stats"))
    if log is None:
        await say(update, texts.NO_STATS)
        return
    counts = await asyncio.to_thread(log.counts, days=last_days(STATS_DAYS))
    if not counts.by_day:
        await say(update, texts.NOTHING_COUNTED.format(days=STATS_DAYS))
        return
    by_fact = dict(sorted(counts.by_fact.items(), key=lambda item: -sum(item[1].values()))[:STATS_FACTS])
    text = "\n".join(
        [
            texts.STATS_HEADING.format(days=STATS_DAYS),
            *table(by_fact, heading="fact"),
            "",
            *table(counts.by_day, heading="day", by_name=True),
        ]
    )
    if update.effective_message:
        await update.effective_message.reply_html(f"<pre>{escape(text)}</pre>")


async def attach(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Add a declined question to its closest fact as one more way to ask it (admins only)."""
    query = update.callback_query
    if query is None or await refused(update, context):
        return
    token = (query.data or "").removeprefix(f"{ATTACH}:")
    pending = cast(dict[str, Pending], context.bot_data.get("pending_attach", {}))
    item = pending.get(token)
    answerer = answerer_of(context)
    fact = answerer.knowledge.get(item.fact_id) if item else None
    if item is None or fact is None:
        await query.answer(texts.ATTACH_EXPIRED, show_alert=True)
        return
    try:
        added = await asyncio.to_thread(attach_question, answerer, item.text, fact.id)
    except BotError as error:
        await query.answer()
        await say(update, texts.ATTACH_FAILED.format(error=error))
        return
    await query.answer()
    not_live = await reload_now(context)
    if not_live:
        await say(update, texts.SAVED_NOT_LIVE.format(fact_id=fact.id, error=not_live))
    elif added.questions_added:
        await say(update, texts.ATTACHED.format(text=item.text, fact_id=fact.id, lang=added.lang))
    else:
        await say(update, texts.ALREADY_ATTACHED.format(text=item.text, fact_id=fact.id))


# -- live reload -------------------------------------------------------------------------------------


async def tell_admins(bot: Bot, admins: Iterable[int], text: str) -> None:
    """Send ``text`` to every admin who has a chat with the bot; the others are logged and skipped."""
    html = escape(text[:_REPORT_CHARS])
    for admin in sorted(admins):
        try:
            await bot.send_message(admin, html, parse_mode="HTML")
        except TelegramError as error:  # an admin who never started the bot cannot be messaged
            logger.warning("Could not tell admin %s about the knowledge: %s", admin, error)


async def report_broken(bot: Bot, admins: Iterable[int], error: KnowledgeError) -> None:
    """Tell the admins why an edit of the knowledge is not used."""
    await tell_admins(bot, admins, texts.KNOWLEDGE_BROKEN.format(problems=error))
