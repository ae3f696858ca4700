"""The SLA report's rules without a database: percentiles, compliance, period, CSV (SPEC 7)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.actors import Actor, Role
from app.domain.errors import InvalidField
from app.domain.reports import (
    MEDIAN,
    P90,
    ReportCriteria,
    SlaFigures,
    SlaReport,
    check_period,
    compliance,
    csv_rows,
    in_report_order,
    percentile,
    render_csv,
    report_customer,
)

T0 = datetime(2027, 1, 1, tzinfo=UTC)


def test_percentile_interpolates_linearly_between_ranks() -> None:
    # position 0.5 × 3 = 1.5: halfway between 20 and 30.
    assert percentile([10, 20, 30, 40], MEDIAN) == 25.0
    # position 0.9 × 3 = 2.7: 30 + 0.7 × (40 − 30).
    assert percentile([10, 20, 30, 40], P90) == 37.0
    # odd count: the middle value; position 0.9 × 4 = 3.6 → 1800 + 0.6 × 600.
    assert percentile([600, 900, 1200, 1800, 2400], MEDIAN) == 1200.0
    assert percentile([600, 900, 1200, 1800, 2400], P90) == 2160.0


def test_percentile_of_one_value_and_of_none() -> None:
    assert percentile([1800], MEDIAN) == 1800.0
    assert percentile([1800], P90) == 1800.0
    assert percentile([], MEDIAN) is None


def test_percentile_is_rounded_to_the_millisecond() -> None:
    # position 0.9 × 2 = 1.8: 0 + 0.8 × 1 … exactly 1.8 once rounded, whatever the float noise.
    assert percentile([0, 0, 1], P90) == 0.8
    assert percentile([1, 2, 3, 4, 5, 6, 7], P90) == 6.4


@given(st.lists(st.integers(min_value=0, max_value=10**8), min_size=1, max_size=50))
def test_percentiles_lie_within_the_values_in_order(values: list[int]) -> None:
    ordered = sorted(values)
    median, p90 = percentile(ordered, MEDIAN), percentile(ordered, P90)
    assert median is not None and p90 is not None
    assert ordered[0] <= median <= p90 <= ordered[-1]


def test_compliance_is_the_share_of_judged_targets_met() -> None:
    assert compliance(4, 2) == 0.6667
    assert compliance(3, 0) == 1.0
    assert compliance(0, 5) == 0.0
    assert compliance(0, 0) is None


def test_the_period_needs_an_end_after_its_start_within_three_years() -> None:
    check_period(T0, T0 + timedelta(seconds=1))
    check_period(T0, datetime(2030, 1, 1, tzinfo=UTC))  # three calendar years
    for start, end in [
        (T0, T0),
        (T0, T0 - timedelta(days=1)),
        (T0, datetime(2030, 1, 1, 0, 0, 1, tzinfo=UTC)),
    ]:
        with pytest.raises(InvalidField) as err:
            check_period(start, end)
        assert err.value.field == "to"


def test_the_period_needs_offsets() -> None:
    with pytest.raises(InvalidField) as err:
        check_period(datetime(2027, 1, 1), T0 + timedelta(days=1))
    assert err.value.field == "from"
    check_period(datetime(2027, 1, 1, tzinfo=timezone(timedelta(hours=7))), T0)


def test_a_customer_report_is_of_its_own_company() -> None:
    own, other = uuid.uuid4(), uuid.uuid4()
    user = Actor(Role.CUSTOMER_USER, customer_id=own)
    assert report_customer(user, None) == own
    # A foreign id is kept: the visibility check answers 404 for it.
    assert report_customer(user, other) == other
    assert report_customer(Actor(Role.AGENT), None) is None
    assert report_customer(Actor(Role.PARTNER_AGENT, partner_id=own), None) is None


def figures(severity: int | None, metric: str, median: float | None = 90.5) -> SlaFigures:
    return SlaFigures(severity, metric, 5, 3, 1, 1, median, 120.0)


def test_report_order_is_severity_then_the_specs_metric_order() -> None:
    rows = [figures(2, "reaction"), figures(1, "update"), figures(1, "reaction")]
    rows += [figures(1, "resolution"), figures(1, "restore")]
    ordered = [(f.severity, f.metric) for f in in_report_order(rows)]
    assert ordered == [
        (1, "reaction"),
        (1, "restore"),
        (1, "resolution"),
        (1, "update"),
        (2, "reaction"),
    ]


def test_csv_has_a_header_and_one_row_per_severity_and_metric() -> None:
    report = SlaReport(
        criteria=ReportCriteria(T0, T0 + timedelta(days=31)),
        generated_at=T0,
        by_severity=[figures(1, "reaction"), figures(2, "restore", median=None)],
        totals=[figures(None, "reaction")],
    )
    assert csv_rows(report) == [
        [
            "severity",
            "metric",
            "total",
            "met",
            "breached",
            "running",
            "compliance",
            "median_seconds",
            "p90_seconds",
        ],
        ["1", "reaction", "5", "3", "1", "1", "0.75", "90.5", "120"],
        ["2", "restore", "5", "3", "1", "1", "0.75", "", "120"],
    ]
    assert render_csv(report).endswith("0.75,,120\r\n")  # RFC 4180: CRLF, empty for null
