"""SLA due times, phone calls, pauses and policy documents (SPEC 3, 3.1, Appendix A).

Calendars are in UTC+07 (Ho Chi Minh City) or Europe/London in winter (UTC+0), so the
arithmetic in the comments stays short.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from app.domain.business_time import Period, calendar_from_document
from app.domain.errors import InvalidField, InvalidSlaPolicy
from app.domain.sla import (
    ClockKind,
    DueTime,
    Metric,
    PhoneCallRule,
    Rating,
    Severity,
    SlaPolicy,
    Target,
    compute_due,
    counted_time,
    due_with_pauses,
    policy_from_document,
    policy_to_document,
    preview,
    validate_policy,
)

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
BUSINESS, CONTINUOUS = ClockKind.BUSINESS, ClockKind.CONTINUOUS
REACTION, RESTORE, UPDATE = Metric.REACTION, Metric.RESTORE, Metric.UPDATE

AARENET = calendar_from_document(
    {
        "name": "Aarenet HCMC",
        "shifts": [
            {
                "name": "HCMC",
                "timezone": "Asia/Ho_Chi_Minh",
                "hours": [{"days": WEEKDAYS, "start": "08:00", "end": "18:00"}],
                "holidays": {"country": "VN", "subdivision": None},
                "closed_dates": ["2026-12-24"],
            }
        ],
    }
)
# Whole working days (iPass-like): BH on working days, NBH2 on weekends and holidays.
IPASS = calendar_from_document(
    {
        "name": "iPass",
        "shifts": [
            {
                "name": "EMEA",
                "timezone": "Europe/London",
                "hours": [{"days": WEEKDAYS, "start": "00:00", "end": "24:00"}],
                "holidays": {"country": "GB"},
            }
        ],
    }
)
IPASS_POLICY = policy_from_document(
    {
        "name": "iPass",
        "severities": [
            {
                "level": 1,
                "name": "High",
                "definition": "Authentication infrastructure down: no user can connect",
            }
        ],
        "targets": [
            {
                "severity": 1,
                "metric": "reaction",
                "minutes": 60,
                "clock": "continuous",
                "after_phone_call": {"minutes": 15, "by_period": {"NBH2": 60}},
            }
        ],
    }
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def target(
    minutes: int, clock: ClockKind = BUSINESS, metric: Metric = REACTION, **extra: Any
) -> Target:
    return Target(1, metric, minutes, clock, **extra)


def policy_document(**change: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": "p",
        "severities": [{"level": 1, "name": "Critical"}, {"level": 2, "name": "Major"}],
        "targets": [{"severity": 1, "metric": "reaction", "minutes": 30, "clock": "business"}],
    }
    return document | change


def full_matrix(**overrides: int) -> list[dict[str, Any]]:
    return [
        {"urgency": u, "impact": i, "severity": overrides.get(f"{u}_{i}", 1 if u == i else 2)}
        for u in ("high", "medium", "low")
        for i in ("high", "medium", "low")
    ]


def test_appendix_a_preview() -> None:
    policy = policy_from_document(policy_document())
    period, due_times = preview(AARENET, policy, 1, at("2026-12-31T17:45:00+07:00"))
    assert period is Period.BH
    assert due_times == [DueTime(REACTION, 30, BUSINESS, at("2027-01-04T01:15:00Z"))]


def test_preview_lists_every_target_of_the_severity_and_updates_run_from_creation() -> None:
    policy = SlaPolicy(
        "p",
        (Severity(1, "Critical"), Severity(2, "Major")),
        (
            target(30),
            target(120, metric=RESTORE),
            target(240, CONTINUOUS, metric=UPDATE),
            Target(2, REACTION, 999, BUSINESS),
        ),
    )
    # Fri 8 Jan 17:00+07 = 10:00Z. Reaction 30 -> 17:30+07. Restore 120: 60 Fri, Mon 08:00
    # + 60 -> 09:00+07 = 02:00Z. Update 240 continuous -> 14:00Z.
    period, due_times = preview(AARENET, policy, 1, at("2027-01-08T17:00:00+07:00"))
    assert period is Period.BH
    assert [(d.metric, d.due_at) for d in due_times] == [
        (REACTION, at("2027-01-08T10:30:00Z")),
        (RESTORE, at("2027-01-11T02:00:00Z")),
        (UPDATE, at("2027-01-08T14:00:00Z")),
    ]


def test_preview_of_a_severity_not_in_the_policy_names_the_field() -> None:
    with pytest.raises(InvalidField) as refused:
        preview(AARENET, IPASS_POLICY, 4, at("2027-01-04T09:00:00+07:00"))
    assert refused.value.field == "severity"


@pytest.mark.parametrize(
    ("tgt", "start", "due"),
    [
        # class 3 restore, 5 working days = 3000: Mon 10:00 -> Mon 18:00 (480) + Tue..Fri
        # (2400) = 2880, + 120 on Mon 11 -> 10:00+07 = 03:00Z
        (target(3000, metric=RESTORE), "2027-01-04T10:00:00+07:00", "2027-01-11T03:00:00Z"),
        # class 4 resolution, 1 month = 30 continuous days: 10:45Z + 30 d
        (target(30 * 1440, CONTINUOUS), "2026-12-31T17:45:00+07:00", "2027-01-30T10:45:00Z"),
        # zero minutes: continuous -> at the start
        (target(0, CONTINUOUS), "2027-01-09T10:00:00+07:00", "2027-01-09T03:00:00Z"),
        # zero minutes: business, open -> at the start
        (target(0), "2027-01-04T10:00:00+07:00", "2027-01-04T03:00:00Z"),
        # zero minutes: business, Saturday -> next opening Mon 08:00+07 = 01:00Z
        (target(0), "2027-01-09T10:00:00+07:00", "2027-01-11T01:00:00Z"),
        # by_period NBH1 = 90: Mon 20:00 is NBH1 -> Tue 08:00 + 90 -> 09:30+07 = 02:30Z
        (
            target(30, by_period={Period.NBH1: 90}),
            "2027-01-04T20:00:00+07:00",
            "2027-01-05T02:30:00Z",
        ),
        # by_period without the start's period -> minutes: Mon 10:00 + 30 -> 03:30Z
        (
            target(30, by_period={Period.NBH1: 90}),
            "2027-01-04T10:00:00+07:00",
            "2027-01-04T03:30:00Z",
        ),
    ],
)
def test_compute_due_on_aarenet(tgt: Target, start: str, due: str) -> None:
    assert compute_due(AARENET, tgt, at(start)).due_at == at(due)


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        ("2027-01-06T10:00:00Z", 15, "2027-01-06T10:15:00Z"),  # Wednesday: BH -> 15
        ("2027-01-09T10:00:00Z", 60, "2027-01-09T11:00:00Z"),  # Saturday: NBH2 -> 60
        ("2027-01-01T10:00:00Z", 60, "2027-01-01T11:00:00Z"),  # New Year (GB): NBH2 -> 60
    ],
)
def test_by_period_reads_the_period_at_the_start(start: str, minutes: int, due: str) -> None:
    sev1 = target(15, CONTINUOUS, by_period={Period.NBH2: 60})
    assert compute_due(IPASS, sev1, at(start)) == DueTime(REACTION, minutes, CONTINUOUS, at(due))


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # no call: created Wed 10:00Z + 60 -> 11:00Z
        (None, DueTime(REACTION, 60, CONTINUOUS, at("2027-01-06T11:00:00Z"))),
        # call 10:05Z (BH) + 15 -> 10:20Z, sooner: the call's due time and its minutes
        (
            "2027-01-06T10:05:00Z",
            DueTime(REACTION, 15, CONTINUOUS, at("2027-01-06T10:20:00Z"), from_phone_call=True),
        ),
        # call 10:45Z + 15 -> 11:00Z, a tie: the creation-based one is reported
        ("2027-01-06T10:45:00Z", DueTime(REACTION, 60, CONTINUOUS, at("2027-01-06T11:00:00Z"))),
        # call 10:50Z + 15 -> 11:05Z, later: creation wins
        ("2027-01-06T10:50:00Z", DueTime(REACTION, 60, CONTINUOUS, at("2027-01-06T11:00:00Z"))),
    ],
)
def test_after_phone_call_the_earlier_due_time_wins(call: str | None, expected: DueTime) -> None:
    sev1 = IPASS_POLICY.targets[0]
    phone_call_at = None if call is None else at(call)
    assert compute_due(IPASS, sev1, at("2027-01-06T10:00:00Z"), phone_call_at) == expected


def test_after_phone_call_reads_by_period_at_the_call() -> None:
    sev1 = IPASS_POLICY.targets[0]
    # created Fri 23:50Z (BH) + 60 -> Sat 00:50Z. The call at Sat 00:05Z is NBH2, so it
    # gives 60 (-> 01:05Z), not 15 (-> 00:20Z): creation wins.
    due = compute_due(IPASS, sev1, at("2027-01-08T23:50:00Z"), at("2027-01-09T00:05:00Z"))
    assert due == DueTime(REACTION, 60, CONTINUOUS, at("2027-01-09T00:50:00Z"))
    # created Sat 00:00Z with NBH2 240 -> 04:00Z; call 01:00Z (NBH2) + 60 -> 02:00Z wins
    weekend = target(
        60,
        CONTINUOUS,
        by_period={Period.NBH2: 240},
        after_phone_call=PhoneCallRule(15, {Period.NBH2: 60}),
    )
    due = compute_due(IPASS, weekend, at("2027-01-09T00:00:00Z"), at("2027-01-09T01:00:00Z"))
    assert due == DueTime(REACTION, 60, CONTINUOUS, at("2027-01-09T02:00:00Z"), True)


def test_a_tie_on_a_business_clock_reports_the_creation_based_minutes() -> None:
    # created Fri 23:00Z (BH) + 120 business: Fri 23-24 (60), Mon 00:00 + 60 -> Mon 01:00Z.
    # call Sat 10:00Z (NBH2 -> 60 business) counts from Mon 00:00 -> Mon 01:00Z: a tie.
    tgt = target(120, after_phone_call=PhoneCallRule(15, {Period.NBH2: 60}))
    due = compute_due(IPASS, tgt, at("2027-01-08T23:00:00Z"), at("2027-01-09T10:00:00Z"))
    assert due == DueTime(REACTION, 120, BUSINESS, at("2027-01-11T01:00:00Z"))


def test_a_phone_call_before_the_case_is_refused() -> None:
    with pytest.raises(InvalidField) as refused:
        compute_due(IPASS, IPASS_POLICY.targets[0], at("2027-01-06T10:00Z"), at("2027-01-06T09Z"))
    assert refused.value.field == "phone_call_at"
    no_call_rule = policy_from_document(policy_document())
    with pytest.raises(InvalidField) as refused:
        preview(AARENET, no_call_rule, 1, at("2027-01-06T10:00Z"), at("2027-01-06T09Z"))
    assert refused.value.field == "phone_call_at"


TEN = at("2027-01-06T10:00:00Z")


@pytest.mark.parametrize(
    ("pauses", "due"),
    [
        ([], "2027-01-06T12:00:00Z"),  # 10:00 + 120
        ([("10:30", "11:00")], "2027-01-06T12:30:00Z"),  # 30 min lost
        ([("10:30", "11:00"), ("10:45", "11:15")], "2027-01-06T12:45:00Z"),  # merged: 45 lost
        ([("09:00", "10:30")], "2027-01-06T12:30:00Z"),  # only 10:00-10:30 after the start
        ([("12:30", "13:00")], "2027-01-06T12:00:00Z"),  # after the due time: no effect
        ([("12:00", None)], "2027-01-06T12:00:00Z"),  # reached as the pause begins
        ([("12:30", None)], "2027-01-06T12:00:00Z"),  # already breached when paused
        ([("11:00", None)], None),  # paused now, target not reached: unknown
    ],
)
def test_pauses_extend_a_continuous_due_time(
    pauses: list[tuple[str, str | None]], due: str | None
) -> None:
    spans = [
        (at(f"2027-01-06T{a}Z"), None if b is None else at(f"2027-01-06T{b}Z")) for a, b in pauses
    ]
    result = due_with_pauses(IPASS, CONTINUOUS, TEN, timedelta(minutes=120), spans)
    assert result == (None if due is None else at(due))


def test_pauses_extend_a_business_due_time_by_the_counted_time_lost() -> None:
    start = at("2027-01-04T08:00:00+07:00")  # Mon 01:00Z
    pause = (at("2027-01-04T09:00:00+07:00"), at("2027-01-05T09:00:00+07:00"))
    # 60 counted before the pause (08-09), 60 left from Tue 09:00 -> 10:00+07 = 03:00Z.
    # (lost: Mon 09-18 + Tue 08-09 = 10 business hours after Mon 10:00 -> Tue 10:00.)
    due = due_with_pauses(AARENET, BUSINESS, start, timedelta(minutes=120), [pause])
    assert due == at("2027-01-05T03:00:00Z")
    # counted by Tue 10:00+07: Mon 08-09 + Tue 09-10 = 120 min
    assert counted_time(AARENET, BUSINESS, start, due, [pause]) == timedelta(minutes=120)
    # a pause over the weekend loses no business time
    weekend = (at("2027-01-08T18:00:00+07:00"), at("2027-01-11T08:00:00+07:00"))
    friday = at("2027-01-08T17:00:00+07:00")
    # Fri 17-18 (60), Mon 08:00 + 60 -> 09:00+07 = 02:00Z, with or without the pause
    assert due_with_pauses(AARENET, BUSINESS, friday, timedelta(hours=2), [weekend]) == at(
        "2027-01-11T02:00:00Z"
    )


def test_counted_time_excludes_pauses_and_runs_an_open_pause_to_now() -> None:
    start = at("2027-01-04T01:00:00Z")  # Mon 08:00+07
    now = at("2027-01-05T03:00:00Z")  # Tue 10:00+07
    open_pause = [(at("2027-01-04T02:00:00Z"), None)]
    # only Mon 08-09 counts before the pause, still open at now
    assert counted_time(AARENET, BUSINESS, start, now, open_pause) == timedelta(minutes=60)
    assert due_with_pauses(AARENET, BUSINESS, start, timedelta(hours=2), open_pause) is None
    # continuous: 10:00 .. 12:00 minus 10:30-11:00 = 90 min
    pauses = [(at("2027-01-06T10:30Z"), at("2027-01-06T11:00Z"))]
    assert counted_time(IPASS, CONTINUOUS, TEN, at("2027-01-06T12:00Z"), pauses) == timedelta(
        minutes=90
    )
    assert counted_time(IPASS, CONTINUOUS, TEN, at("2027-01-06T09:00Z"), pauses) == timedelta(0)


def test_a_pause_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="pause"):
        due_with_pauses(IPASS, CONTINUOUS, TEN, timedelta(hours=1), [(TEN, TEN - timedelta(1))])


@pytest.mark.parametrize(
    ("document", "field"),
    [
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": 30, "clock": "business"},
                    {"severity": 1, "metric": "reaction", "minutes": 60, "clock": "continuous"},
                ]
            ),
            "targets[1]",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": 30, "clock": "business"},
                    {"severity": 1, "metric": "restore", "minutes": 30, "clock": "business"},
                    {"severity": 3, "metric": "reaction", "minutes": 30, "clock": "business"},
                ]
            ),
            "targets[2].severity",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": -1, "clock": "business"},
                ]
            ),
            "targets[0].minutes",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": "30", "clock": "business"},
                ]
            ),
            "targets[0].minutes",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": True, "clock": "business"},
                ]
            ),
            "targets[0].minutes",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reply", "minutes": 30, "clock": "business"},
                ]
            ),
            "targets[0].metric",
        ),
        (
            policy_document(
                targets=[
                    {"severity": 1, "metric": "reaction", "minutes": 30, "clock": "wall"},
                ]
            ),
            "targets[0].clock",
        ),
        (
            policy_document(
                targets=[
                    {
                        "severity": 1,
                        "metric": "reaction",
                        "minutes": 30,
                        "clock": "business",
                        "by_period": {"WEEKEND": 60},
                    },
                ]
            ),
            "targets[0].by_period.WEEKEND",
        ),
        (
            policy_document(
                targets=[
                    {
                        "severity": 1,
                        "metric": "reaction",
                        "minutes": 30,
                        "clock": "business",
                        "by_period": {"NBH2": -5},
                    },
                ]
            ),
            "targets[0].by_period.NBH2",
        ),
        (
            policy_document(
                targets=[
                    {
                        "severity": 1,
                        "metric": "reaction",
                        "minutes": 30,
                        "clock": "business",
                        "after_phone_call": {"minutes": -15},
                    },
                ]
            ),
            "targets[0].after_phone_call.minutes",
        ),
        (
            policy_document(
                targets=[
                    {
                        "severity": 1,
                        "metric": "reaction",
                        "minutes": 30,
                        "clock": "business",
                        "after_phone_call": {"minutes": 15, "by_period": {"XX": 1}},
                    },
                ]
            ),
            "targets[0].after_phone_call.by_period.XX",
        ),
        (policy_document(severities=[]), "severities"),
        (
            policy_document(severities=[{"level": 1, "name": "a"}, {"level": 1, "name": "b"}]),
            "severities[1].level",
        ),
        (
            policy_document(severities=[{"level": 1, "name": "a"}, {"level": 3, "name": "c"}]),
            "severities",
        ),
        (policy_document(severities=[{"level": 1}]), "severities[0].name"),
        (policy_document(priority_matrix=full_matrix()[:8]), "priority_matrix"),
        (policy_document(priority_matrix=full_matrix(high_high=7)), "priority_matrix[0].severity"),
        (policy_document(priority_matrix=[*full_matrix(), full_matrix()[0]]), "priority_matrix[9]"),
        (
            policy_document(
                priority_matrix=[{"urgency": "urgent", "impact": "low", "severity": 1}]
            ),
            "priority_matrix[0].urgency",
        ),
    ],
)
def test_bad_policy_documents_name_the_field(document: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidSlaPolicy) as refused:
        policy_from_document(document)
    assert refused.value.field == field
    assert refused.value.detail


def test_policies_built_in_code_are_validated_too() -> None:
    sev = (Severity(1, "Critical"),)
    with pytest.raises(InvalidSlaPolicy) as refused:
        validate_policy(SlaPolicy("p", sev, (target(-1),)))
    assert refused.value.field == "targets[0].minutes"
    with pytest.raises(InvalidSlaPolicy) as refused:
        # a mapping built in code with a key that is not a Period
        unknown: dict[Any, int] = {"WEEKEND": 1}
        validate_policy(SlaPolicy("p", sev, (target(5, by_period=unknown),)))
    assert refused.value.field == "targets[0].by_period.WEEKEND"


def test_priority_matrix_gives_the_level() -> None:
    policy = policy_from_document(policy_document(priority_matrix=full_matrix(high_low=1)))
    assert policy.level_for("high", "low") == 1
    assert policy.level_for(Rating.LOW, Rating.HIGH) == 2
    assert policy.level_for("medium", "medium") == 1


def test_policy_documents_round_trip() -> None:
    document = policy_document(
        priority_matrix=full_matrix(),
        targets=[
            {
                "severity": 1,
                "metric": "reaction",
                "minutes": 15,
                "clock": "continuous",
                "by_period": {"NBH2": 60},
                "after_phone_call": {"minutes": 15, "by_period": {"NBH2": 60}},
            },
            {"severity": 2, "metric": "update", "minutes": 240, "clock": "business"},
        ],
    )
    policy = policy_from_document(document)
    assert policy_from_document(policy_to_document(policy)) == policy
    assert policy.targets[0].by_period == {Period.NBH2: 60}
