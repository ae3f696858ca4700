"""Verifies a delivery as a receiver does: with the official `standardwebhooks` library.

The library refuses a `webhook-timestamp` more than 5 minutes from the receiver's clock.
The receiver's clock here is the test's clock (a ControllableClock moves our clock by
days): `verify` runs the library with its notion of "now" set to `at`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import pytest
import standardwebhooks.webhooks as library
from standardwebhooks import Webhook


@contextmanager
def _receiver_clock(at: dt.datetime) -> Iterator[None]:
    class ReceiverDatetime(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> ReceiverDatetime:
            moment = at.astimezone(tz or dt.UTC)
            return cls.fromtimestamp(moment.timestamp(), tz=tz)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library, "datetime", ReceiverDatetime)
        yield


def verify(secret: str, headers: Mapping[str, str], body: bytes, at: dt.datetime) -> Any:
    """The parsed body when the signature holds for `secret` at `at`; raises
    `WebhookVerificationError` when it does not."""
    with _receiver_clock(at):
        return Webhook(secret).verify(body, dict(headers))


def verifies(secret: str, headers: Mapping[str, str], body: bytes, at: dt.datetime) -> bool:
    try:
        verify(secret, headers, body, at)
    except library.WebhookVerificationError:
        return False
    return True
