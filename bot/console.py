"""The local console chat: the same replies as in Telegram, with suggestions as numbered choices.

It lets anyone try the bot on a fresh machine with no Telegram account, and it
is what ``python -m bot run`` falls back to when no token is set. Declined
questions go to the unanswered log, as in Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from bot.answerer import Answerer, Choice
from bot.upkeep.unanswered import UnansweredLog

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN set. To chat in Telegram, get a token from @BotFather (https://t.me/BotFather, /newbot),\n"
    "then run TELEGRAM_BOT_TOKEN=<token> python -m bot run (or put it in .env). Meanwhile, chat here:"
)
WELCOME = (
    "Ask me about the article, in English or French. "
    "Type a number to pick a suggestion, /help for help, /quit to leave."
)
HELP = (
    "Type a question about the article, in English or French, and press Enter.\n"
    "When I suggest questions, type a number to pick one.\n"
    "/source  the article's sentence behind the last answer\n"
    "/help    this help\n"
    "/quit    leave (Ctrl-D works too)"
)
NO_ANSWER_YET = "Ask a question first: /source then shows the article's sentence behind the answer."
NO_SOURCE = "That reply quotes no sentence of the article."
PROMPT = "you> "


class ConsoleChat:
    """One conversation: remembers the last suggestions and answer, so '2' and /source mean something."""

    def __init__(self, answerer: Answerer, *, unanswered: UnansweredLog | None = None) -> None:
        self.answerer = answerer
        self.unanswered = unanswered
        self.choices: tuple[Choice, ...] = ()
        self.lang = "en"
        self.fact_id: str | None = None

    def respond(self, line: str) -> str | None:
        """What the bot says to one line; None means the user left."""
        text = line.strip()
        command = text.casefold()
        if command in ("/quit", "/exit"):
            return None
        if command == "/help":
            return HELP
        if command == "/source":
            return self._source()
        if text.isascii() and text.isdigit() and len(text) <= 3 and 1 <= int(text) <= len(self.choices):
            return self._choose(self.choices[int(text) - 1])
        reply = self.answerer.reply(text)
        if reply.kind == "decline" and self.unanswered is not None:
            self.unanswered.record(reply)  # never raises: a full disk costs a log line, not the answer
        self.choices, self.lang, self.fact_id = reply.choices, reply.lang, reply.fact_id
        numbered = [f"  {number}. {choice.question}" for number, choice in enumerate(reply.choices, start=1)]
        return "\n".join([reply.body, *numbered])

    def _choose(self, choice: Choice) -> str:
        fact = self.answerer.knowledge.get(choice.fact_id)
        self.choices = ()
        if fact is None:
            return NO_ANSWER_YET
        self.fact_id = fact.id
        return f"{choice.question}\n{fact.answer(self.lang)}"

    def _source(self) -> str:
        fact = self.answerer.knowledge.get(self.fact_id) if self.fact_id else None
        if fact is None:
            return NO_ANSWER_YET
        if not fact.sources:
            return NO_SOURCE
        return "\n".join(f"  « {source} »" for source in fact.sources)


def run_chat(
    answerer: Answerer,
    lines: Iterable[str],
    out: TextIO,
    *,
    interactive: bool,
    unanswered: UnansweredLog | None = None,
) -> int:
    """Chat until /quit or the end of input; prompts only when a person is typing.

    Declines are recorded in ``unanswered``, by default the log at $BOT_UNANSWERED_LOG.
    """
    chat = ConsoleChat(answerer, unanswered=unanswered or UnansweredLog())
    if interactive:
        out.write(WELCOME + "\n")
    source: Iterator[str] = iter(lines)
    while True:
        if interactive:
            out.write(PROMPT)
            out.flush()
        line = next(source, None)
        if line is None:
            break
        response = chat.respond(line)
        if response is None:
            break
        out.write(response + "\n" + ("\n" if interactive else ""))
        out.flush()
    return 0
