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
    max_attempts: int
    backoff: timedelta


def next_attempt_at(attempt: int, now: datetime, policy: RetryPolicy) -> datetime | None:
    """After failed attempt number `attempt` (1-based): exponential back-off (backoff,
    2×, 4×, …), or None when that was the last attempt allowed."""
    if attempt >= policy.max_attempts:
        return None
    doubling: int = 1 << max(attempt - 1, 0)
    return now + policy.backoff * doubling


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
