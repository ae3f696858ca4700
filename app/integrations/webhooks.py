"""Webhook delivery over HTTP: sign, POST, report the attempt (SPEC 6).

Deliveries follow the Standard Webhooks specification (https://www.standardwebhooks.com),
so receivers verify them with its libraries: `webhook-id` (the delivery id, the same on
every retry and, for a change, every replay), `webhook-timestamp` (unix seconds of this
attempt) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`,
one per signing secret, space-separated).

The sender knows HTTP only. What a subscription is, and what a failed attempt means for
it, is the business of a `DeliveryLog` (the service layer hands the worker one).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.webhooks import (
    DeliveryAttempt,
    WebhookTarget,
    check_target_addresses,
    is_legacy_secret,
    literal_address,
    signing_key,
)
from app.settings import Settings

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
EVENT_HEADER = "X-SupportDesk-Event"  # a convenience for routing; the body has `type` too
# Sent only to subscriptions whose secret predates Standard Webhooks, until it is rotated,
# so receivers written for the old scheme keep working while they move to the standard.
LEGACY_SIGNATURE_HEADER = "X-SupportDesk-Signature"
LEGACY_DELIVERY_HEADER = "X-SupportDesk-Delivery"
USER_AGENT = "SupportDesk-Webhooks/1.0"
RESOLVE_TIMEOUT_SECONDS = 5.0


def signature(secrets: Sequence[str], message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: `v1,<base64 HMAC-SHA256(key, "<id>.<t>.<body>")>`
    for each secret, space-separated (two during a rotation's overlap)."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    return " ".join(
        "v1," + base64.b64encode(hmac.new(signing_key(s), signed, hashlib.sha256).digest()).decode()
        for s in secrets
    )


def legacy_signature(secret: str, timestamp: int, body: bytes) -> str:
    """The pre-standard `t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


async def resolve_host(host: str, port: int | None) -> list[str]:
    """Every address a host name resolves to (empty when it does not resolve)."""
    if literal_address(host) is not None:
        return [host.strip("[]")]
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
            infos = await loop.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError):
        return []
    return sorted({str(info[4][0]) for info in infos})


Resolver = Callable[[str, int | None], Awaitable[list[str]]]


class WebhookDeliveryFailed(Exception):
    """Raised after the attempt is logged, so the outbox retries with back-off."""


class _TargetRefused(Exception):
    """The target now resolves to an address that is not allowed."""


class DeliveryLog(Protocol):
    async def target(self, subscription_id: uuid.UUID) -> WebhookTarget | None:
        """Where to deliver, or None when the subscription is gone or disabled."""
        ...

    async def record(self, attempt: DeliveryAttempt) -> None: ...


class WebhookSender:
    """The outbox sender for `webhook` messages."""

    def __init__(
        self, settings: Settings, clock: Clock, log: DeliveryLog, resolve: Resolver | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.log = log
        self.resolve: Resolver = resolve or resolve_host

    async def send(self, payload: dict[str, Any], message_id: str) -> None:
        target = await self.log.target(uuid.UUID(payload["subscription_id"]))
        if target is None:
            return  # deleted or disabled since: nothing to deliver
        # A change's event names its delivery (the same when replayed); a ping is its message.
        delivery = payload.get("delivery_id") or message_id
        body = payload["body"].encode()
        started = time.perf_counter()
        status: int | None = None
        error: str | None = None
        try:
            status = await self._post(target, body, payload["event_type"], delivery)
            if not 200 <= status < 300:
                error = f"the receiver answered HTTP {status}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        except TimeoutError:
            error = f"no answer within {self.settings.webhooks_timeout_seconds:g} s"
        except _TargetRefused as exc:
            error = str(exc)
        attempt = DeliveryAttempt(
            subscription_id=target.subscription_id,
            delivery_id=uuid.UUID(delivery),
            event_id=uuid.UUID(payload["event_id"]),
            event_type=payload["event_type"],
            status_code=status,
            error=error,
            duration_ms=round((time.perf_counter() - started) * 1000),
            attempted_at=self.clock.now(),
        )
        await self.log.record(attempt)
        if error is not None:
            raise WebhookDeliveryFailed(error)

    async def _post(self, target: WebhookTarget, body: bytes, event: str, delivery: str) -> int:
        parts = urlsplit(target.url)
        host = parts.hostname or ""
        address = await self._checked_address(host, parts.port)
        timestamp = int(self.clock.now().timestamp())
        headers = {
            "Host": parts.netloc.rsplit("@", 1)[-1],  # as the receiver knows itself
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            ID_HEADER: delivery,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: signature(target.secrets, delivery, timestamp, body),
            EVENT_HEADER: event,
        }
        current = target.secrets[0]
        if is_legacy_secret(current):
            headers[LEGACY_DELIVERY_HEADER] = delivery
            headers[LEGACY_SIGNATURE_HEADER] = legacy_signature(current, timestamp, body)
        # Connect to the address that was checked, not to whatever a second lookup
        # answers (DNS rebinding); TLS still names and verifies the host (SNI).
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        timeout = self.settings.webhooks_timeout_seconds
        # Redirects are not followed: they could lead anywhere, past the address check.
        async with (
            asyncio.timeout(timeout),  # the whole attempt, however slowly the bytes trickle
            httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client,
            client.stream(
                "POST",
                pinned_url(target.url, address),
                content=body,
                headers=headers,
                extensions=extensions,
            ) as response,
        ):
            return response.status_code

    async def _checked_address(self, host: str, port: int | None) -> str:
        """One lookup, judged: public only (unless private targets are allowed) and an
        address a receiver can listen on."""
        try:
            return check_target_addresses(
                host,
                await self.resolve(host, port),
                allow_private=self.settings.webhooks_allow_private_targets,
            )
        except DomainError as exc:
            raise _TargetRefused(exc.detail) from exc


def pinned_url(url: str, address: str) -> str:
    """`url` with its host replaced by `address` (bracketed when IPv6)."""
    parts = urlsplit(url)
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))
