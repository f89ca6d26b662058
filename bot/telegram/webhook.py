"""The webhook server: Telegram's updates over HTTP, refused early and cheaply when they are not Telegram's.

python-telegram-bot's own server reads every request body before it looks at
the secret, keeps idle connections for an hour, and answers malformed JSON with
a 500. This one, on asyncio streams, checks each request as soon as it can:
headers within ``header_timeout`` (at most 16 KB), then the path, the method and
the secret (compared in constant time) before a byte of the body is read, then
a declared body of at most ``max_body`` bytes within ``body_timeout``, then JSON
(400 when it is not). At most ``max_connections`` are open at once; the next is
closed at once. ``GET /healthz`` answers 200 for a load balancer, without the
secret. Refusals are logged at DEBUG only: a flood of them is not a
flood of the log. A reverse proxy in front (HTTPS, its own limits) is still the
first line of defence.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000
"""Telegram's updates are a few kilobytes; anything near this is not one."""
MAX_HEADER_BYTES = 16_384
HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
MAX_CONNECTIONS = 256
SECRET_HEADER = "x-telegram-bot-api-secret-token"
HEALTH_PATH = "/healthz"

Deliver = Callable[[dict[str, Any]], Awaitable[None]]


class Refusal(Exception):
    """A request answered with an error status (or, for ``None``, a connection simply closed)."""

    def __init__(self, status: HTTPStatus | None, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class WebhookServer:
    """Serves ``POST /<path>`` for Telegram, handing each update (a JSON object) to ``deliver``."""

    def __init__(
        self,
        *,
        path: str,
        secret: str,
        deliver: Deliver,
        max_body: int = MAX_BODY_BYTES,
        header_timeout: float = HEADER_TIMEOUT,
        body_timeout: float = BODY_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self.path = "/" + path.lstrip("/")
        self._secret = secret.encode()
        self._deliver = deliver
        self.max_body = max_body
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout
        self.max_connections = max_connections
        self._open = 0
        self._server: asyncio.Server | None = None
        self._handling: set[asyncio.Task[Any]] = set()

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._connection, host, port, limit=MAX_HEADER_BYTES)

    async def close(self) -> None:
        """Stop listening and drop the connections still open."""
        if self._server is not None:
            self._server.close()
        for task in list(self._handling):
            task.cancel()
        await asyncio.gather(*self._handling, return_exceptions=True)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._open >= self.max_connections:
            writer.close()  # no answer: answering costs what the cap is there to save
            return
        self._open += 1
        task = asyncio.current_task()
        if task is not None:
            self._handling.add(task)
        try:
            status, body = await self._answer(reader)
            writer.write(_response(status, body))
            await asyncio.wait_for(writer.drain(), self.body_timeout)
        except Refusal as refusal:
            logger.debug("webhook request refused: %s", refusal)
            if refusal.status is not None:
                with contextlib.suppress(Exception):
                    writer.write(_response(refusal.status, b""))
                    await asyncio.wait_for(writer.drain(), self.body_timeout)
        except (ConnectionError, TimeoutError, asyncio.IncompleteReadError) as error:
            logger.debug("webhook connection lost: %r", error)
        finally:
            self._open -= 1
            if task is not None:
                self._handling.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1)

    async def _answer(self, reader: asyncio.StreamReader) -> tuple[HTTPStatus, bytes]:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.header_timeout)
        except TimeoutError:
            raise Refusal(None, "headers too slow") from None
        except (asyncio.LimitOverrunError, ValueError):
            raise Refusal(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers too large") from None
        method, target, headers = _parse_head(head)
        if target.split("?", 1)[0] == HEALTH_PATH and method in ("GET", "HEAD"):
            return HTTPStatus.OK, b'{"ok": true}'  # for a load balancer: the server is up and taking requests
        if target.split("?", 1)[0] != self.path:
            raise Refusal(HTTPStatus.NOT_FOUND, f"path {target[:80]!r}")
        if method != "POST":
            raise Refusal(HTTPStatus.METHOD_NOT_ALLOWED, f"method {method[:10]!r}")
        if not hmac.compare_digest(headers.get(SECRET_HEADER, "").encode(), self._secret):
            raise Refusal(HTTPStatus.FORBIDDEN, "no or wrong secret token")
        if "transfer-encoding" in headers:
            raise Refusal(HTTPStatus.LENGTH_REQUIRED, "a chunked body")
        length_text = headers.get("content-length", "")
        if not (length_text.isascii() and length_text.isdigit()) or len(length_text) > 12:
            raise Refusal(HTTPStatus.LENGTH_REQUIRED, "no length")
        if int(length_text) > self.max_body:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a body of {length_text} bytes")
        try:
            body = await asyncio.wait_for(reader.readexactly(int(length_text)), self.body_timeout)
        except TimeoutError:
            raise Refusal(None, "body too slow") from None
        try:
            update = json.loads(body)
        except (ValueError, RecursionError):
            raise Refusal(HTTPStatus.BAD_REQUEST, "not JSON") from None
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            raise Refusal(HTTPStatus.BAD_REQUEST, "not an update")
        await self._deliver(update)
        return HTTPStatus.OK, b"{}"


def _parse_head(head: bytes) -> tuple[str, str, dict[str, str]]:
    """The method, target and headers (names in lower case) of a request's head."""
    try:
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
    except ValueError:
        raise Refusal(HTTPStatus.BAD_REQUEST, "not HTTP") from None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return method, target, headers


def _response(status: HTTPStatus, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body
