"""The local console chat: the same replies as in Telegram, with suggestions as numbered choices.

It lets anyone try the bot on a fresh machine with no Telegram account, and it
is what ``python -m bot run`` falls back to when no token is set. Declined
questions go to the unanswered log, as in Telegram; the chat's own commands and
menu numbers never do. Like the running bot, it picks up edits of the knowledge
file between two questions, and when a person types, readline gives line editing
and history.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from bot import replies
from bot.answerer import Answerer, Choice
from bot.conversation import MEMORY_SECONDS, Conversation
from bot.errors import KnowledgeError
from bot.upkeep.reload import KnowledgeWatcher
from bot.upkeep.unanswered import UnansweredLog

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN set. To chat in Telegram, get a token from @BotFather (https://t.me/BotFather, /newbot),\n"
    "then run TELEGRAM_BOT_TOKEN=<token> python -m bot run (or put it in .env). Meanwhile, chat here:"
)
WELCOME = (
    "Ask me about the article{about}, in English or French. "
    "Type a number to pick a suggestion, /help for help, /quit to leave."
)
HELP = (
    "Type a question about the article, in English or French, and press Enter.\n"
    "When I suggest questions, type a number to pick one.\n"
    "/why     the article's sentence behind the last answer (the Source button in Telegram)\n"
    "/source  the article my answers come from\n"
    "/wrong   tell the maintainers the last answer was wrong (👎 in Telegram)\n"
    "/help    this help\n"
    "/quit    leave (Ctrl-D works too)"
)
NO_ANSWER_YET = "Ask a question first: /why then shows the article's sentence behind the answer."
NOTHING_TO_DISPUTE = "Ask a question first: /wrong then tells the maintainers its answer was wrong."
DISPUTED = "Thanks, noted: the maintainers will look at this answer (python -m bot unanswered lists it)."
NO_SOURCE = "That reply quotes no sentence of the article."
NO_SUCH_CHOICE = "There is no suggestion {number}: type a question, or one of the numbers shown."
UNKNOWN_COMMAND = "I don't know that command. Type /help to see what I can do."
RELOADED = "(The knowledge file changed: I now answer from the new version.)"
BROKEN = "(The knowledge file changed but does not load; I still answer from the last good version:\n{problems})"
PROMPT = "you> "
_EXAMPLES = 3


class ConsoleChat:
    """One conversation: remembers the last suggestions and answer, so '2' and /why mean something."""

    def __init__(
        self,
        answerer: Answerer,
        *,
        unanswered: UnansweredLog | None = None,
        watcher: KnowledgeWatcher | None = None,
        conversation: Conversation | None = None,
    ) -> None:
        self.answerer = answerer
        self.conversation = conversation or Conversation()
        self.unanswered = unanswered
        self.watcher = watcher
        self.choices: tuple[Choice, ...] = ()
        self.lang = "en"
        self.fact_id: str | None = None
        self.asked: str | None = None
        """The question the last answer replied to, for /wrong."""

    def respond(self, line: str) -> str | None:
        """What the bot says to one line; None means the user left."""
        text = line.strip()
        command = text.casefold()
        if command in ("/quit", "/exit"):
            return None
        notice = self._reload()
        answer = self._answer(text, command)
        return f"{notice}\n{answer}" if notice else answer

    def _answer(self, text: str, command: str) -> str:
        if command == "/help":
            return HELP
        if command == "/source":
            return self._article()
        if command == "/why":
            return self._why()
        if command == "/wrong":
            return self._wrong()
        if command.startswith("/"):
            return UNKNOWN_COMMAND
        if text.isascii() and text.isdigit():
            if len(text) <= 3 and 1 <= int(text) <= len(self.choices):
                return self._choose(self.choices[int(text) - 1])
            return NO_SUCH_CHOICE.format(number=text[:10])
        reply = self.conversation.reply(self.answerer, text)
        if reply.kind == "decline" and self.unanswered is not None:
            self.unanswered.record(reply)  # never raises: a full disk costs a log line, not the answer
        self.choices, self.lang, self.fact_id = reply.choices, reply.lang, reply.fact_id
        self.asked = text if reply.fact_id else None
        numbered = [f"  {number}. {choice.question}" for number, choice in enumerate(reply.choices, start=1)]
        return "\n".join([reply.body, *numbered])

    def _reload(self) -> str | None:
        """Answer from an edited knowledge file from now on, as the running bot does; a broken edit is told."""
        if self.watcher is None:
            return None
        change = self.watcher.poll()
        if isinstance(change, Answerer):
            self.answerer, self.choices, self.fact_id = change, (), None
            return RELOADED
        if isinstance(change, KnowledgeError):
            return BROKEN.format(problems=change)
        return None

    def _choose(self, choice: Choice) -> str:
        fact = self.answerer.knowledge.get(choice.fact_id)
        self.choices, self.asked = (), None  # a suggestion picked is the knowledge's own question
        if fact is None:
            return NO_ANSWER_YET
        self.fact_id = fact.id
        return f"{choice.question}\n{fact.answer(self.lang)}"

    def _wrong(self) -> str:
        """The console's 👎: the last question and the fact that answered it go to the log as disputed."""
        if self.asked is None or self.fact_id is None:
            return NOTHING_TO_DISPUTE
        if self.unanswered is not None:
            self.unanswered.dispute(self.asked, self.fact_id, self.lang)
        self.asked = None
        return DISPUTED

    def _why(self) -> str:
        fact = self.answerer.knowledge.get(self.fact_id) if self.fact_id else None
        if fact is None:
            return NO_ANSWER_YET
        if not fact.sources:
            return NO_SOURCE
        return "\n".join(f"  « {source} »" for source in fact.sources)

    def _article(self) -> str:
        """The article, as /source shows it in Telegram: its subject, where it was published, how it begins."""
        knowledge = self.answerer.knowledge
        lang = self.lang
        opening = next((line.strip() for line in knowledge.article.splitlines() if line.strip()), "")
        lines = [f"I answer from one news article{replies.about(knowledge.subject('en'), 'en')}. It begins:"]
        lines.append(f"  « {opening} »")
        lines += [f"Published: {replies.readable_date(knowledge.published, 'en')}"] if knowledge.published else []
        lines += [knowledge.where_from] if knowledge.where_from else []
        lines.append("Its main facts:")
        lines += [f"  • {fact.answer(lang)}" for fact in knowledge.facts[:_EXAMPLES]]
        return "\n".join(lines)


def typed_lines() -> Iterator[str]:
    """Lines a person types at the prompt, with readline's line editing and history; ends at Ctrl-D."""
    import readline  # noqa: F401 - importing it gives input() editing and history

    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            return


def run_chat(
    answerer: Answerer,
    lines: Iterable[str],
    out: TextIO,
    *,
    interactive: bool,
    unanswered: UnansweredLog | None = None,
    watch: bool = False,
    memory: float = MEMORY_SECONDS,
) -> int:
    """Chat until /quit or the end of input; a person typing gets a welcome and readline's editing.

    Declines are recorded in ``unanswered``, by default the log at $BOT_UNANSWERED_LOG;
    ``watch`` picks up edits of the knowledge file between two lines; a follow-up ("and when?") refers
    to the last question for ``memory`` seconds.
    """
    watcher = KnowledgeWatcher(answerer.knowledge) if watch else None
    chat = ConsoleChat(
        answerer, unanswered=unanswered or UnansweredLog(), watcher=watcher, conversation=Conversation(memory=memory)
    )
    if interactive:
        out.write(WELCOME.format(about=replies.about(answerer.knowledge.subject("en"), "en")) + "\n")
        out.flush()
    source: Iterator[str] = iter(typed_lines() if interactive else lines)
    for line in source:
        response = chat.respond(line)
        if response is None:
            break
        out.write(response + "\n" + ("\n" if interactive else ""))
        out.flush()
    return 0
