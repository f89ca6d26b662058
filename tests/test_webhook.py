"""The webhook server refuses what is not Telegram's early and cheaply, and passes Telegram's updates on."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.telegram.webhook import WebhookServer

SECRET = "s3cret-Token_1"


class Server:
    """A running WebhookServer on a free port of 127.0.0.1, and the updates it delivered."""

    def __init__(self, **limits: Any) -> None:
        self.delivered: list[dict[str, Any]] = []
        self.server = WebhookServer(path="hook", secret=SECRET, deliver=self._deliver, **limits)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])

    async def _deliver(self, update: dict[str, Any]) -> None:
        self.delivered.append(update)

    async def request(self, head: str, body: bytes = b"", *, wait: float = 5.0) -> bytes:
        """Send a raw request; what the server answered before closing (b"" when it only closed)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(head.encode() + body)
        await writer.drain()
        try:
            return await asyncio.wait_for(reader.read(), wait)
        except ConnectionResetError:  # closed with the request unread
            return b""
        finally:
            writer.close()


def post(body: bytes, *, secret: str | None = SECRET, length: int | None = None, path: str = "/hook") -> str:
    lines = [f"POST {path} HTTP/1.1", "Host: bot", "Content-Type: application/json"]
    lines.append(f"Content-Length: {len(body) if length is None else length}")
    if secret is not None:
        lines.append(f"X-Telegram-Bot-Api-Secret-Token: {secret}")
    return "\r\n".join(lines) + "\r\n\r\n"


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer else 0


@pytest.fixture
async def served(request: pytest.FixtureRequest) -> AsyncIterator[Server]:
    server = Server(**getattr(request, "param", {}))
    await server.server.start("127.0.0.1", server.port)
    yield server
    await server.server.close()


async def test_an_update_with_the_secret_is_delivered(served: Server) -> None:
    body = json.dumps({"update_id": 5, "message": {"text": "hi"}}).encode()
    assert status(await served.request(post(body), body)) == 200
    assert served.delivered == [{"update_id": 5, "message": {"text": "hi"}}]


@pytest.mark.parametrize("secret", [None, "wrong", SECRET.upper()])
async def test_without_the_secret_a_huge_body_is_refused_before_it_is_read(served: Server, secret: str | None) -> None:
    # only the head is sent: an answer proves the server never waited for the 90 MB it announces
    answer = await served.request(post(b"", secret=secret, length=90_000_000), wait=2)
    assert status(answer) == 403 and served.delivered == []


async def test_with_the_secret_a_body_over_the_limit_is_refused_before_it_is_read(served: Server) -> None:
    assert status(await served.request(post(b"", length=2_000_000), wait=2)) == 413


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe\x00garbage", b"[" * 100_000 + b"]" * 100_000, b"[1, 2]", b'{"no": "update_id"}'],
    ids=["malformed", "not utf-8", "deeply nested", "not an object", "no update id"],
)
async def test_a_body_that_is_no_update_is_a_400(served: Server, body: bytes) -> None:
    assert status(await served.request(post(body), body)) == 400
    assert served.delivered == []


@pytest.mark.parametrize(
    ("head", "code"),
    [("GET /hook HTTP/1.1\r\n\r\n", 405), ("POST /other HTTP/1.1\r\n\r\n", 404), ("garbage\r\n\r\n", 400)],
)
async def test_other_paths_methods_and_garbage_are_refused(served: Server, head: str, code: int) -> None:
    assert status(await served.request(head)) == code


@pytest.mark.parametrize("served", [{"header_timeout": 0.3}], indirect=True)
async def test_a_connection_that_trickles_its_headers_is_closed(served: Server) -> None:
    answer = await served.request("POST /hook HTTP/1.1\r\nHost: b", wait=3)
    assert answer == b""


@pytest.mark.parametrize("served", [{"header_timeout": 0.5, "max_connections": 3}], indirect=True)
async def test_connections_over_the_cap_are_closed_and_an_update_gets_through_once_idle_ones_time_out(
    served: Server,
) -> None:
    idle = [await asyncio.open_connection("127.0.0.1", served.port) for _ in range(3)]
    await asyncio.sleep(0.1)
    body = json.dumps({"update_id": 9}).encode()
    assert await served.request(post(body), body) == b""  # refused: three are open
    await asyncio.sleep(0.7)  # the idle ones time out
    assert status(await served.request(post(body), body)) == 200
    for _, writer in idle:
        writer.close()
    assert served.delivered == [{"update_id": 9}]


async def test_a_load_balancer_gets_200_from_healthz_without_the_secret(served: Server) -> None:
    assert status(await served.request("GET /healthz HTTP/1.1\r\nHost: b\r\n\r\n")) == 200
    assert served.delivered == []
