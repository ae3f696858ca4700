"""Outbox delivery rules (SPEC 6): where a message goes, how long one attempt may take
inside its lease, when a failed one is retried, and what retention may delete.

Pure: the worker, the repositories and the senders apply these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

EMAIL_DESTINATION = "email"


def destination_of(kind: str, payload: dict[str, Any]) -> str:
    """The lane a message travels in: every e-mail goes to the one SMTP relay, each webhook
    subscription is a receiver of its own, so a slow receiver only slows its own lane."""
    if kind == "webhook" and payload.get("subscription_id"):
        return f"webhook:{payload['subscription_id']}"
    return EMAIL_DESTINATION if kind == "email" else kind


@dataclass(frozen=True, slots=True)
class LeasePolicy:
    """A message is leased for `lease`; its attempt is cut off well before the lease ends,
    so no other worker can take it over while this one still talks to the receiver."""

    lease: timedelta

    @property
    def attempt_deadline(self) -> timedelta:
        # A quarter of the lease is left for the database round trips around the attempt.
        return self.lease * 3 / 4


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When a failed message is tried again, and when it is given up (status `dead`).

    The delay doubles from `backoff` (backoff, 2×, 4×, …) up to `max_backoff`; `jitter`
    takes up to that fraction off each delay at random, so the retries of many messages
    that failed together (a receiver that was down) do not come back at once. A message
    is given up after `max_attempts` attempts, or — with `retry_for` — after the first
    failed attempt at least `retry_for` after it was queued (so it is tried for at least
    that long, whatever the back-off)."""

    max_attempts: int | None
    backoff: timedelta
    max_backoff: timedelta | None = None
    retry_for: timedelta | None = None
    jitter: float = 0.0


# A doubling past this is longer than any cap we would set (2**30 × 1 s ≈ 34 years).
_MAX_DOUBLINGS = 30


def next_attempt_at(
    attempt: int,
    now: datetime,
    policy: RetryPolicy,
    *,
    queued_at: datetime | None = None,
    chance: float = 0.0,
) -> datetime | None:
    """After failed attempt number `attempt` (1-based) of a message queued at `queued_at`:
    when to try again, or None to give up. `chance` in [0, 1) is the random draw for the
    jitter (0: the full delay)."""
    if policy.max_attempts is not None and attempt >= policy.max_attempts:
        return None
    if (
        policy.retry_for is not None
        and queued_at is not None
        and now - queued_at >= policy.retry_for
    ):
        return None
    delay = policy.backoff * (1 << min(max(attempt - 1, 0), _MAX_DOUBLINGS))
    if policy.max_backoff is not None:
        delay = min(delay, policy.max_backoff)
    return now + delay * (1 - policy.jitter * min(max(chance, 0.0), 1.0))


def retry_policy(
    kind: str,
    *,
    max_attempts: int,
    backoff: timedelta,
    webhook_retry_for: timedelta,
    webhook_max_backoff: timedelta,
) -> RetryPolicy:
    """E-mail is tried `max_attempts` times; a webhook for at least `webhook_retry_for`
    (Standard Webhooks receivers expect days, not minutes: a partner's outage over a
    weekend loses nothing), its delays capped and jittered by half."""
    if kind == "webhook":
        return RetryPolicy(
            max_attempts=None,
            backoff=backoff,
            max_backoff=webhook_max_backoff,
            retry_for=webhook_retry_for,
            jitter=0.5,
        )
    return RetryPolicy(max_attempts=max_attempts, backoff=backoff)


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How long finished work is kept (issue 11): delivered or dead outbox messages,
    webhook delivery logs, and expired one-time links and refresh tokens."""

    outbox: timedelta
    webhook_deliveries: timedelta
    expired_tokens: timedelta


@dataclass(frozen=True, slots=True)
class RetentionCutoffs:
    """Rows older than these instants may be deleted."""

    outbox_finished_before: datetime
    deliveries_attempted_before: datetime
    tokens_expired_before: datetime
    idempotency_expired_before: datetime


def retention_cutoffs(now: datetime, policy: RetentionPolicy) -> RetentionCutoffs:
    """Idempotency keys carry their own expiry: once past it, a key is never consulted."""
    return RetentionCutoffs(
        outbox_finished_before=now - policy.outbox,
        deliveries_attempted_before=now - policy.webhook_deliveries,
        tokens_expired_before=now - policy.expired_tokens,
        idempotency_expired_before=now,
    )
