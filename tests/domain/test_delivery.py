"""Outbox delivery rules: lanes, attempts inside their lease, back-off, retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.delivery import (
    LeasePolicy,
    RetentionPolicy,
    RetryPolicy,
    destination_of,
    next_attempt_at,
    retention_cutoffs,
)

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def test_every_email_shares_one_lane_and_each_webhook_receiver_has_its_own() -> None:
    assert destination_of("email", {"to": ["a@acme.com"]}) == "email"
    assert destination_of("email", {"to": ["b@other.com"]}) == "email"
    a = destination_of("webhook", {"subscription_id": "a1"})
    b = destination_of("webhook", {"subscription_id": "b2"})
    assert a != b and "email" not in (a, b)


def test_an_attempt_ends_well_inside_its_lease() -> None:
    policy = LeasePolicy(timedelta(seconds=120))
    assert policy.attempt_deadline == timedelta(seconds=90)
    assert policy.attempt_deadline < policy.lease


def test_failed_attempts_back_off_exponentially_then_give_up() -> None:
    policy = RetryPolicy(max_attempts=4, backoff=timedelta(seconds=30))
    delays = [next_attempt_at(n, NOW, policy) for n in (1, 2, 3, 4)]
    assert delays[:3] == [NOW + timedelta(seconds=s) for s in (30, 60, 120)]
    assert delays[3] is None


def test_retention_horizons_count_back_from_now() -> None:
    policy = RetentionPolicy(
        outbox=timedelta(days=30),
        webhook_deliveries=timedelta(days=14),
        expired_tokens=timedelta(days=7),
    )
    cut = retention_cutoffs(NOW, policy)
    assert cut.outbox_finished_before == NOW - timedelta(days=30)
    assert cut.deliveries_attempted_before == NOW - timedelta(days=14)
    assert cut.tokens_expired_before == NOW - timedelta(days=7)
    assert cut.idempotency_expired_before == NOW  # a key carries its own expiry
