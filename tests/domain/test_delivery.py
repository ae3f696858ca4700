"""Outbox delivery rules: lanes, attempts inside their lease, back-off, retention."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.delivery import (
    LeasePolicy,
    RetentionPolicy,
    RetryPolicy,
    destination_of,
    next_attempt_at,
    retention_cutoffs,
    retry_policy,
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


def _webhook_policy(backoff_seconds: float = 30) -> RetryPolicy:
    return retry_policy(
        "webhook",
        max_attempts=8,
        backoff=timedelta(seconds=backoff_seconds),
        webhook_retry_for=timedelta(days=3),
        webhook_max_backoff=timedelta(hours=6),
    )


def _schedule(policy: RetryPolicy, chance: float) -> list[datetime]:
    """The attempts of a message that always fails, queued and first tried at NOW."""
    attempts = [NOW]
    while (
        at := next_attempt_at(len(attempts), attempts[-1], policy, queued_at=NOW, chance=chance)
    ) is not None:
        attempts.append(at)
        assert len(attempts) < 100
    return attempts


@pytest.mark.parametrize("backoff_seconds", [1, 30, 300])
@pytest.mark.parametrize("chance", [0.0, 0.5, 0.999])
def test_a_webhook_is_retried_for_at_least_three_days_then_given_up(
    backoff_seconds: float, chance: float
) -> None:
    attempts = _schedule(_webhook_policy(backoff_seconds), chance)
    assert attempts[-1] - NOW >= timedelta(days=3)  # the last attempt: 3 days on or later
    assert attempts[-2] - NOW < timedelta(days=3)  # it was not given up any earlier
    assert attempts[-1] - attempts[-2] <= timedelta(hours=6)  # nor long after
    delays = [b - a for a, b in itertools.pairwise(attempts)]
    assert max(delays) <= timedelta(hours=6)
    assert len(attempts) <= 40


def test_webhook_delays_double_up_to_the_cap_and_jitter_takes_off_up_to_half() -> None:
    policy = _webhook_policy(30)
    full = [next_attempt_at(n, NOW, policy, queued_at=NOW, chance=0.0) for n in (1, 2, 3, 20)]
    assert full == [NOW + timedelta(seconds=s) for s in (30, 60, 120, 6 * 3600)]
    jittered = next_attempt_at(3, NOW, policy, queued_at=NOW, chance=0.999)
    assert jittered is not None
    assert NOW + timedelta(seconds=60) < jittered < NOW + timedelta(seconds=61)
    spread = {next_attempt_at(3, NOW, policy, queued_at=NOW, chance=c) for c in (0.1, 0.4, 0.7)}
    assert len(spread) == 3  # failures at the same moment come back at different ones


def test_email_keeps_its_attempt_count_without_jitter() -> None:
    policy = retry_policy(
        "email",
        max_attempts=3,
        backoff=timedelta(seconds=30),
        webhook_retry_for=timedelta(days=3),
        webhook_max_backoff=timedelta(hours=6),
    )
    assert next_attempt_at(1, NOW, policy, queued_at=NOW, chance=0.9) == NOW + timedelta(seconds=30)
    assert next_attempt_at(3, NOW, policy, queued_at=NOW) is None


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
