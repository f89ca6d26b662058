"""Sending: calls lost to the network are retried a bounded number of times; refused ones are not."""

from __future__ import annotations

from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot.telegram.limits import RetryingRateLimiter


class Flaky:
    """A Bot API call that fails with the given errors, in order, then succeeds; it records each attempt."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.attempts = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> bool:
        self.attempts += 1
        if self.errors:
            raise self.errors.pop(0)
        return True


async def send(limiter: RetryingRateLimiter, call: Flaky) -> Any:
    return await limiter.process_request(
        callback=call, args=("sendMessage", {}), kwargs={}, endpoint="sendMessage", data={"chat_id": 1},
        rate_limit_args=None,
    )  # fmt: skip


@pytest.fixture
def limiter() -> RetryingRateLimiter:
    return RetryingRateLimiter(overall_max_rate=0, max_retries=0, retry_delays=(0, 0, 0))


async def test_calls_lost_to_the_network_are_retried_until_one_goes_through(limiter: RetryingRateLimiter) -> None:
    call = Flaky(NetworkError("httpx.ConnectError: refused"), TimedOut(), NetworkError("Internal Server Error"))

    assert await send(limiter, call) is True
    assert call.attempts == 4


async def test_retries_are_bounded_and_the_last_error_is_raised(limiter: RetryingRateLimiter) -> None:
    call = Flaky(*[NetworkError(f"down {n}") for n in range(10)])

    with pytest.raises(NetworkError, match="down 3"):
        await send(limiter, call)
    assert call.attempts == 4


@pytest.mark.parametrize("error", [BadRequest("Bad Request: message text is empty"), Forbidden("bot was blocked")])
async def test_a_refused_call_is_not_retried(limiter: RetryingRateLimiter, error: Exception) -> None:
    call = Flaky(error)

    with pytest.raises(type(error)):
        await send(limiter, call)
    assert call.attempts == 1


def test_a_cut_text_keeps_its_html_valid_and_its_entities_whole() -> None:
    from fake_bot_api import html_problems

    from bot.telegram.outgoing import fit_html

    text = "<b>Q?</b>\n" + "a &amp; b " * 30
    cut = fit_html(text, limit=25)
    assert cut.endswith("…") and not html_problems(cut)
    assert cut.count("&amp;") == cut.count("&")
    assert fit_html("<b>short</b>", limit=25) == "<b>short</b>"
    assert not html_problems(fit_html("<b>" + "x" * 100 + "</b>", limit=10))
