"""The SLA compliance report's rules: its period, percentiles, compliance, CSV (SPEC 7).

Pure: the repository computes the figures in SQL with exactly the definitions below
(`percentile` is PostgreSQL's `percentile_cont`), so SQLite and PostgreSQL agree.
"""

from __future__ import annotations

import csv
import io
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.actors import Actor, Side
from app.domain.errors import InvalidField
from app.domain.sla_policy import Metric

MEDIAN = 0.5
P90 = 0.9
# Three calendar years hold at most one 29 February.
MAX_PERIOD = timedelta(days=3 * 365 + 1)
SECONDS_DECIMALS = 3  # percentiles to the millisecond
COMPLIANCE_DECIMALS = 4
METRIC_ORDER = {m.value: i for i, m in enumerate(Metric)}
CSV_COLUMNS = (
    "severity",
    "metric",
    "total",
    "met",
    "breached",
    "running",
    "compliance",
    "median_seconds",
    "p90_seconds",
)


@dataclass(frozen=True, slots=True)
class ReportCriteria:
    """Tickets created in `[created_from, created_to)`, optionally of one customer/contract."""

    created_from: datetime
    created_to: datetime
    customer_id: uuid.UUID | None = None
    contract_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class SlaFigures:
    """One metric's clocks, of one severity (`severity=None`: every severity).

    `running` counts running and paused clocks; the percentiles are over the counted
    seconds of the clocks whose event happened (met or late), `None` when there is none.
    """

    severity: int | None
    metric: str
    total: int
    met: int
    breached: int
    running: int
    median_seconds: float | None
    p90_seconds: float | None

    @property
    def compliance(self) -> float | None:
        return compliance(self.met, self.breached)


@dataclass(frozen=True, slots=True)
class SlaReport:
    criteria: ReportCriteria
    generated_at: datetime
    by_severity: list[SlaFigures]
    totals: list[SlaFigures]


def check_period(created_from: datetime, created_to: datetime) -> None:
    """`to` after `from`, at most three years apart; both with an offset (SPEC 8)."""
    for field, value in (("from", created_from), ("to", created_to)):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidField(field, f"`{field}` needs a UTC offset, e.g. 2027-01-01T00:00:00Z")
    if created_to <= created_from:
        raise InvalidField("to", "`to` must be after `from`")
    if created_to - created_from > MAX_PERIOD:
        raise InvalidField("to", "a report covers at most three years: narrow `from`..`to`")


def report_customer(actor: Actor, customer_id: uuid.UUID | None) -> uuid.UUID | None:
    """A customer's report is always of its own company (SPEC 1); others choose."""
    if actor.side is Side.CUSTOMER and customer_id is None:
        return actor.customer_id
    return customer_id


def percentile(ordered: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks, as PostgreSQL's `percentile_cont`:
    position `fraction * (n - 1)` in the ascending values, `None` for no value."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    lower = math.floor(position)
    upper = math.ceil(position)
    value = float(ordered[lower])
    if upper > lower:
        value = value + (float(ordered[upper]) - value) * (position - lower)
    return round_seconds(value)


def round_seconds(value: float | None) -> float | None:
    return None if value is None else round(value, SECONDS_DECIMALS)


def compliance(met: int, breached: int) -> float | None:
    """The share of judged targets that were met; `None` when none was judged yet."""
    judged = met + breached
    return None if judged == 0 else round(met / judged, COMPLIANCE_DECIMALS)


def in_report_order(figures: list[SlaFigures]) -> list[SlaFigures]:
    """Severity 1 first, then the metrics in the SPEC's order."""
    return sorted(
        figures,
        key=lambda f: (f.severity or 0, METRIC_ORDER.get(f.metric, len(METRIC_ORDER)), f.metric),
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_rows(report: SlaReport) -> list[list[str]]:
    """The header and one row per severity × metric."""
    rows = [list(CSV_COLUMNS)]
    for f in report.by_severity:
        values = (f.severity, f.metric, f.total, f.met, f.breached, f.running)
        rows.append([_cell(v) for v in (*values, f.compliance, f.median_seconds, f.p90_seconds)])
    return rows


def render_csv(report: SlaReport) -> str:
    """RFC 4180: CRLF line ends, fields quoted only when they need it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(csv_rows(report))
    return out.getvalue()
