"""A fake Telegram Bot API that records what the bot asks, for in-process and end-to-end tests.

One fake, two transports: ``FakeRequest`` hands python-telegram-bot's requests to
it in process, and ``FakeBotApi.serve()`` puts it behind real HTTP on 127.0.0.1
for the ``python -m bot run`` process. It answers with Telegram-shaped JSON,
serves queued updates through ``getUpdates`` (offsets, long polling), can be
told to fail (429 with ``retry_after``, 5xx), and records any method it does not
know in ``unexpected`` so that an unplanned call fails the test. Like Telegram, it
refuses HTML it cannot parse (``html_problems``). Over HTTP it can also answer
late (a client timeout), answer with a proxy's HTML error page, or go down for a
few seconds (connections cut and refused) and come back on the same port.

The ``*_update`` functions build Telegram-shaped update dictionaries.
"""

from __future__ import annotations

import itertools
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from telegram import Update
from telegram.request import BaseRequest, RequestData

TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl"
BOT_ID = 123456789
BOT_USERNAME = "vostok_test_bot"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Vostok bot",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
Json = dict[str, Any]

_ids = itertools.count(1)


# -- updates, shaped like Telegram's ---------------------------------------------------------------


def user(user_id: int, *, first_name: str = "Ada", language_code: str | None = "en") -> Json:
    data: Json = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        data["language_code"] = language_code
    return data


def private_chat(chat_id: int) -> Json:
    return {"id": chat_id, "type": "private", "first_name": "Ada"}


def group_chat(chat_id: int = -100123) -> Json:
    return {"id": chat_id, "type": "supergroup", "title": "Vostok readers"}


def message(
    text: str | None = None,
    *,
    chat: Json | None = None,
    sender: Json | None = None,
    reply_to: Json | None = None,
    **content: Any,
) -> Json:
    """A message; ``content`` holds non-text parts (photo=..., sticker=...); commands and mentions get entities."""
    sender = sender or user(1)
    data: Json = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": chat or private_chat(sender["id"]),
        "from": sender,
        **content,
    }
    if text is not None:
        data["text"] = text
        entities = _entities(text)
        if entities:
            data["entities"] = entities
    if reply_to is not None:
        data["reply_to_message"] = reply_to
    return data


def _entities(text: str) -> list[Json]:
    entities = []
    for offset, word in _words(text):
        if word.startswith("/") and offset == 0:
            entities.append({"type": "bot_command", "offset": offset, "length": _utf16_len(word)})
        elif word.startswith("@") and len(word) > 1:
            entities.append({"type": "mention", "offset": offset, "length": _utf16_len(word)})
    return entities


def _words(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for part in text.split(" "):
        stripped = part.rstrip(",.!?:;")
        if stripped:
            yield offset, stripped
        offset += _utf16_len(part) + 1


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def message_update(text: str | None = None, **kwargs: Any) -> Json:
    return {"message": message(text, **kwargs)}


def edited_message_update(text: str, **kwargs: Any) -> Json:
    data = message(text, **kwargs)
    data["edit_date"] = data["date"]
    return {"edited_message": data}


def channel_post_update(text: str) -> Json:
    chat = {"id": -100999, "type": "channel", "title": "Vostok news"}
    return {"channel_post": {"message_id": next(_ids), "date": int(time.time()), "chat": chat, "text": text}}


def callback_update(data: str, *, sent: Json | None = None, sender: Json | None = None) -> Json:
    """A button press under ``sent`` (a message the bot sent), or under an inline-mode message when None."""
    sender = sender or user(1)
    query: Json = {"id": str(next(_ids)), "from": sender, "chat_instance": "42", "data": data}
    if sent is None:
        query["inline_message_id"] = f"inline-{next(_ids)}"
    else:
        query["message"] = sent
    return {"callback_query": query}


def inline_update(query: str, *, sender: Json | None = None) -> Json:
    return {"inline_query": {"id": str(next(_ids)), "from": sender or user(1), "query": query, "offset": ""}}


NON_TEXT_CONTENT: dict[str, Json] = {
    "photo": {"photo": [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]},
    "sticker": {
        "sticker": {
            "file_id": "s1",
            "file_unique_id": "u2",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
    },
    "voice": {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 2}},
    "document": {"document": {"file_id": "d1", "file_unique_id": "u4", "file_name": "article.pdf"}},
    "location": {"location": {"latitude": 43.1, "longitude": 131.9}},
}


# -- the fake API ------------------------------------------------------------------------------------


@dataclass
class Sent:
    """A message the bot sent or edited, as Telegram would show it."""

    chat_id: int | None
    message_id: int
    html: str
    parse_mode: str | None
    reply_markup: Json | None
    reply_to: int | None = None
    inline_message_id: str | None = None

    @property
    def text(self) -> str:
        """The text a user reads: HTML tags removed, entities decoded."""
        return _strip_html(self.html) if self.parse_mode == "HTML" else self.html

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(button["text"], button.get("callback_data", "")) for row in rows for button in row]


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeBotApi:
    """The Bot API's state: queued updates, and everything the bot did."""

    token: str = TOKEN
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    edits: list[Sent] = field(default_factory=list)
    callback_answers: list[dict[str, str]] = field(default_factory=list)
    inline_answers: list[Json] = field(default_factory=list)
    commands: dict[str, list[Json]] = field(default_factory=dict)
    webhook: dict[str, str] | None = None

    def __post_init__(self) -> None:
        self._condition = threading.Condition()
        self._updates: list[Json] = []
        self._next_update_id = 1
        self._message_ids = itertools.count(10_000)
        self._chats: dict[int, Json] = {}
        self._failures: dict[str, list[Failure]] = {}
        self._answered_queries: set[str] = set()
        self._messages: dict[tuple[int | None, int], Sent] = {}
        # HTTP only: faults of the transport, and the server's life (see serve and outage_on_next)
        self._stalls: dict[str, list[float]] = {}
        self._proxy_errors: dict[str, int] = {}
        self._outages: dict[str, float] = {}
        self._server: ThreadingHTTPServer | None = None
        self._port = 0
        self._generation = 0  # a connection opened before the last outage is dead
        self._down = False
        self._closed = False
        self._idle: set[socket.socket] = set()  # connections waiting for their next request

    # -- what the tests do

    def push(self, update: Json) -> Json:
        """Queue an update for getUpdates; returns it with its update_id."""
        with self._condition:
            update = {"update_id": self._next_update_id, **update}
            self._next_update_id += 1
            for part in update.values():
                if isinstance(part, dict) and isinstance(part.get("chat"), dict):
                    self._chats[part["chat"]["id"]] = part["chat"]
            self._updates.append(update)
            self._condition.notify_all()
            return update

    def fail_next(self, method: str, status: int, *, retry_after: int | None = None, times: int = 1) -> None:
        """Make the next ``times`` calls of ``method`` fail like Telegram does."""
        description = {
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }.get(status, "Error")
        with self._condition:
            self._failures.setdefault(method, []).extend([Failure(status, description, retry_after)] * times)

    def stall_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Over HTTP, answer the next ``times`` calls of ``method`` ``seconds`` late, once done.

        A slow Telegram: the client times out although the message went out.
        """
        with self._condition:
            self._stalls.setdefault(method, []).extend([seconds] * times)

    def proxy_error_next(self, method: str, *, times: int = 1) -> None:
        """Over HTTP, answer the next ``times`` calls of ``method`` with a proxy's 502 page echoing the URL."""
        with self._condition:
            self._proxy_errors[method] = self._proxy_errors.get(method, 0) + times

    def outage_on_next(self, method: str, seconds: float) -> None:
        """The next HTTP call of ``method`` finds the server going down for ``seconds``, then back on the same port.

        That call is dropped unanswered and not done; idle connections are cut at once, busy ones
        after their answer (a long poll: without it, its updates kept for the next one); the port
        refuses connections meanwhile. Updates pushed during the outage wait for the bot.
        """
        with self._condition:
            self._outages[method] = seconds

    @property
    def down(self) -> bool:
        with self._condition:
            return self._down

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 20.0) -> bool:
        """Wait until ``predicate`` holds (checked on every call the bot makes); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._condition.wait(min(remaining, 0.2))
            return True

    def messages_to(self, chat_id: int) -> list[Sent]:
        with self._condition:
            return [sent for sent in self.sent if sent.chat_id == chat_id]

    def called(self, method: str) -> list[dict[str, str]]:
        with self._condition:
            return [params for name, params in self.calls if name == method]

    @property
    def pending_updates(self) -> int:
        with self._condition:
            return len(self._updates)

    # -- what the bot does

    def handle(self, token: str, method: str, params: dict[str, str]) -> tuple[int, Json]:
        """One Bot API call: params are strings, as in a form (JSON values for non-strings)."""
        with self._condition:
            try:
                if token != self.token:
                    return _error(401, "Unauthorized")
                failures = self._failures.get(method)
                if failures:
                    failure = failures.pop(0)
                    extra = {"parameters": {"retry_after": failure.retry_after}} if failure.retry_after else {}
                    return _error(failure.status, failure.description, **extra)
                handler = getattr(self, f"_api_{method}", None)
                if handler is None:
                    self.unexpected.append(method)
                    return _error(404, "Not Found: method not found")
                self.calls.append((method, params))
                if method == "getUpdates":
                    return 200, self._api_getUpdates(params)
                return 200, {"ok": True, "result": handler(params)}
            finally:
                self._condition.notify_all()

    def _api_getUpdates(self, params: dict[str, str]) -> Json:
        if self.webhook is not None:
            return {
                "ok": False,
                "error_code": 409,
                "description": "Conflict: can't use getUpdates method while webhook is active",
            }
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [update for update in self._updates if update["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._updates and time.monotonic() < deadline and not self._down:
            self._condition.wait(deadline - time.monotonic())
        limit = int(params.get("limit") or 100)
        return {"ok": True, "result": self._updates[:limit]}

    def _api_getMe(self, params: dict[str, str]) -> Json:
        return BOT_USER

    def _api_sendMessage(self, params: dict[str, str]) -> Json:
        chat_id = int(params["chat_id"])
        _check_html(params["text"], params.get("parse_mode"))
        reply = _json(params.get("reply_parameters"))
        sent = Sent(
            chat_id=chat_id,
            message_id=next(self._message_ids),
            html=params["text"],
            parse_mode=params.get("parse_mode"),
            reply_markup=_json(params.get("reply_markup")),
            reply_to=reply.get("message_id") if reply else None,
        )
        self.sent.append(sent)
        self._messages[(chat_id, sent.message_id)] = sent
        return self._message_json(sent)

    def _api_editMessageText(self, params: dict[str, str]) -> Json | bool:
        _check_html(params["text"], params.get("parse_mode"))
        inline_id = params.get("inline_message_id")
        key = (None, 0) if inline_id else (int(params["chat_id"]), int(params["message_id"]))
        old = self._messages.get(key)
        edited = Sent(
            chat_id=key[0],
            message_id=key[1],
            html=params["text"],
            parse_mode=params.get("parse_mode"),
            reply_markup=_json(params.get("reply_markup")),
            inline_message_id=inline_id,
        )
        if old and (old.html, old.reply_markup) == (edited.html, edited.reply_markup):
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup of the message",
            )
        self.edits.append(edited)
        if inline_id:
            return True
        self._messages[key] = edited
        return self._message_json(edited)

    def _api_editMessageReplyMarkup(self, params: dict[str, str]) -> Json | bool:
        key = (int(params["chat_id"]), int(params["message_id"]))
        old = self._messages.get(key)
        if old is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        markup = _json(params.get("reply_markup"))
        if markup == old.reply_markup:
            raise _ApiError(400, "Bad Request: message is not modified")
        edited = Sent(old.chat_id, old.message_id, old.html, old.parse_mode, markup, old.reply_to)
        self.edits.append(edited)
        self._messages[key] = edited
        return self._message_json(edited)

    def _api_answerCallbackQuery(self, params: dict[str, str]) -> bool:
        query_id = params["callback_query_id"]
        if query_id in self._answered_queries:
            raise _ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self._answered_queries.add(query_id)
        self.callback_answers.append(params)
        return True

    def _api_answerInlineQuery(self, params: dict[str, str]) -> bool:
        for result in _json(params["results"]):
            content = result.get("input_message_content") or {}
            _check_html(content.get("message_text", ""), content.get("parse_mode"))
        self.inline_answers.append(
            {
                "inline_query_id": params["inline_query_id"],
                "results": _json(params["results"]),
                "cache_time": params.get("cache_time"),
                "button": _json(params.get("button")),
            }
        )
        return True

    def _api_setMyCommands(self, params: dict[str, str]) -> bool:
        self.commands[params.get("language_code", "")] = _json(params["commands"])
        return True

    def _api_setWebhook(self, params: dict[str, str]) -> bool:
        self.webhook = params
        return True

    def _api_deleteWebhook(self, params: dict[str, str]) -> bool:
        self.webhook = None
        return True

    def _api_sendChatAction(self, params: dict[str, str]) -> bool:
        return True

    def _message_json(self, sent: Sent) -> Json:
        chat = self._chats.get(sent.chat_id or 0) or private_chat(sent.chat_id or 0)
        data: Json = {"message_id": sent.message_id, "date": int(time.time()), "chat": chat, "from": BOT_USER}
        data["text"] = sent.text
        if sent.reply_markup and "inline_keyboard" in sent.reply_markup:  # as Telegram: reply keyboards are not echoed
            data["reply_markup"] = sent.reply_markup
        return data

    # -- real HTTP

    @contextmanager
    def serve(self) -> Iterator[str]:
        """Serve the API on 127.0.0.1 (a free port); yields the base URL for TELEGRAM_API_BASE_URL."""
        server = self._listen(0)
        with self._condition:
            self._server, self._port, self._closed = server, int(server.server_address[1]), False
        try:
            yield f"http://127.0.0.1:{self._port}/bot"
        finally:
            with self._condition:
                self._closed = True
                server = self._server or server
            server.shutdown()
            server.server_close()
            with self._condition:
                self._condition.notify_all()

    def _listen(self, port: int) -> ThreadingHTTPServer:
        server = _QuietServer(("127.0.0.1", port), _handler_class(self))
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name="fake-bot-api", daemon=True)
        thread.start()
        return server

    # -- the transport's faults, for the HTTP handler (each takes the lock itself)

    def _serving(self, generation: int) -> bool:
        with self._condition:
            return not self._down and generation == self._generation

    def _take(self, method: str) -> tuple[float | None, bool, float | None]:
        """(outage seconds, proxy error, stall seconds) for this call of ``method``."""
        with self._condition:
            outage = self._outages.pop(method, None)
            proxy = self._proxy_errors.get(method, 0) > 0
            if proxy:
                self._proxy_errors[method] -= 1
            stalls = self._stalls.get(method)
            stall = stalls.pop(0) if stalls else None
            return outage, proxy, stall

    def _go_down(self, seconds: float) -> None:
        """Stop listening and cut idle connections now; listen again on the same port after ``seconds``."""
        with self._condition:
            self._down = True
            self._generation += 1
            server = self._server
            for connection in self._idle:
                with suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
            self._idle.clear()
            self._condition.notify_all()  # a waiting long poll returns, and is cut

        def outage() -> None:
            if server is not None:
                server.shutdown()
                server.server_close()
            time.sleep(seconds)
            with self._condition:
                if self._closed:
                    return
                self._server = self._listen(self._port)
                self._down = False
                self._condition.notify_all()

        threading.Thread(target=outage, name="fake-bot-api-outage", daemon=True).start()

    def _connection_idle(self, connection: socket.socket, generation: int) -> bool:
        """Mark a connection idle between requests; False when it belongs to a server gone down since."""
        with self._condition:
            if self._down or generation != self._generation:
                return False
            self._idle.add(connection)
            return True

    def _connection_busy(self, connection: socket.socket) -> None:
        with self._condition:
            self._idle.discard(connection)


class _QuietServer(ThreadingHTTPServer):
    """A client that hung up (it timed out, or the server went down) is no error worth a traceback."""

    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _ApiError(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _error(status: int, description: str, **extra: Any) -> tuple[int, Json]:
    return status, {"ok": False, "error_code": status, "description": description, **extra}


def _json(value: str | None) -> Any:
    return json.loads(value) if value else None


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


TELEGRAM_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre",
    "blockquote",
}  # fmt: skip
TELEGRAM_ENTITIES = {"lt", "gt", "amp", "quot"}


class _TelegramHtml(HTMLParser):
    """Why Telegram would refuse a message's HTML: a tag it does not know, an unbalanced one, a bare < > or &."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"tag <{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        self.problems.extend(f"bare {char!r}" for char in "<>&" if char in data)

    def handle_entityref(self, name: str) -> None:
        if name not in TELEGRAM_ENTITIES:
            self.problems.append(f"entity &{name};")


def html_problems(html: str) -> list[str]:
    """What makes ``html`` unacceptable to Telegram's HTML parse mode; empty when it is fine."""
    parser = _TelegramHtml()
    parser.feed(html)
    parser.close()
    unclosed = [f"unclosed <{tag}>" for tag in parser.open]
    leftover = [f"unparsed {parser.rawdata!r}"] if parser.rawdata else []
    return parser.problems + unclosed + leftover


MAX_MESSAGE_CHARS = 4096
"""Telegram's limit on a message's text, counted once the HTML is parsed."""


def _check_html(text: str, parse_mode: str | None) -> None:
    """Refuse bad HTML and over-long texts as Telegram does, so that every test sending a text checks them."""
    problems = html_problems(text) if parse_mode == "HTML" else []
    if problems:
        raise _ApiError(400, f"Bad Request: can't parse entities: {'; '.join(problems)}")
    shown = _strip_html(text) if parse_mode == "HTML" else text
    if len(shown) > MAX_MESSAGE_CHARS:
        raise _ApiError(400, "Bad Request: message is too long")


def _strip_html(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _form(body: bytes, content_type: str) -> dict[str, str]:
    """Request parameters as strings, whatever the encoding PTB chose (form, multipart or JSON)."""
    if content_type.startswith("application/json"):
        data = json.loads(body or b"{}")
        return {key: value if isinstance(value, str) else json.dumps(value) for key, value in data.items()}
    if content_type.startswith("multipart/form-data"):
        parsed = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        params = {}
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            if isinstance(name, str) and isinstance(payload, bytes):
                params[name] = payload.decode()
        return params
    return dict(parse_qsl(body.decode(), keep_blank_values=True))


def _handler_class(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in two writes: with Nagle's algorithm the body waits for the client's
        # delayed ACK, adding ~40 ms to every call, which real Telegram does not (seen by python -m bot bench).
        disable_nagle_algorithm = True

        generation = 0

        def setup(self) -> None:
            super().setup()
            self.generation = api._generation
            api._connection_idle(self.connection, self.generation)

        def finish(self) -> None:
            api._connection_busy(self.connection)
            super().finish()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            params = _form(body, self.headers.get("Content-Type", ""))
            params.update(parse_qsl(urlsplit(self.path).query))
            self._answer(params)

        def do_GET(self) -> None:
            self._answer(dict(parse_qsl(urlsplit(self.path).query)))

        def _answer(self, params: dict[str, str]) -> None:
            path = urlsplit(self.path).path
            _, bot_token, method = path.rsplit("/", 2) if path.count("/") >= 2 else ("", "", "")
            token = bot_token.removeprefix("bot")
            api._connection_busy(self.connection)
            outage, proxy, stall = api._take(method)
            if outage is not None:
                api._go_down(outage)
            if not api._serving(self.generation):  # the server went down: no answer, nothing done
                self.close_connection = True
                return
            if proxy:
                page = f"<html><body><h1>502 Bad Gateway</h1><p>No answer for POST {self.path}</p></body></html>"
                self._send(502, "text/html", page.encode())
            else:
                try:
                    status, payload = api.handle(token, method, params)
                except _ApiError as error:
                    status, payload = _error(error.status, error.description)
                if method == "getUpdates" and not api._serving(self.generation):
                    self.close_connection = True  # cut mid-poll: the updates wait for the next one
                    return
                if stall is not None:
                    time.sleep(stall)
                self._send(status, "application/json", json.dumps(payload).encode())
            if not api._connection_idle(self.connection, self.generation):
                self.close_connection = True

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read what the fake recorded, not its access log."""

    return Handler


class FakeRequest(BaseRequest):
    """python-telegram-bot's HTTP layer replaced by a direct call into a FakeBotApi."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        _, bot_token, api_method = url.rsplit("/", 2)
        params = dict(request_data.json_parameters) if request_data else {}
        try:
            status, payload = self.api.handle(bot_token.removeprefix("bot"), api_method, params)
        except _ApiError as error:
            status, payload = _error(error.status, error.description)
        return status, json.dumps(payload).encode()


async def process(app: Any, update: Json) -> None:
    """Feed one Telegram-shaped update through an application, as polling would."""
    await app.process_update(Update.de_json({"update_id": 1, **update}, app.bot))
