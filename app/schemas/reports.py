"""The SLA compliance report (SPEC 7): JSON here, CSV as documented on the route."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field

from app.domain.reports import SlaFigures, SlaReport
from app.domain.sla_policy import Metric

CSV_EXAMPLE = (
    "severity,metric,total,met,breached,running,compliance,median_seconds,p90_seconds\r\n"
    "1,reaction,12,9,2,1,0.8182,840,1512.5\r\n"
    "1,restore,12,6,3,3,0.6667,5400,7020\r\n"
)


class MetricTotals(BaseModel):
    """One metric's targets: counts, compliance and the times of those whose event happened."""

    metric: Metric
    total: int = Field(description="Every clock of this metric")
    met: int = Field(description="The event happened at or before `due_at`")
    breached: int = Field(description="The event was late, or the clock ran past `due_at`")
    running: int = Field(description="Running or paused: not judged yet")
    compliance: float | None = Field(
        description="met / (met + breached), to 4 decimals; null when nothing was judged"
    )
    median_seconds: float | None = Field(
        description="Median counted clock time from start to the event (met or late), to the "
        "millisecond; linear interpolation as `percentile_cont`; null without such an event"
    )
    p90_seconds: float | None = Field(description="90th percentile of the same times")

    @classmethod
    def of(cls, f: SlaFigures) -> Self:
        return cls(
            metric=Metric(f.metric),
            total=f.total,
            met=f.met,
            breached=f.breached,
            running=f.running,
            compliance=f.compliance,
            median_seconds=f.median_seconds,
            p90_seconds=f.p90_seconds,
        )


class SeverityFigures(MetricTotals):
    """One severity × metric."""

    severity: int

    @classmethod
    def of(cls, f: SlaFigures) -> Self:
        return cls.model_validate({**MetricTotals.of(f).model_dump(), "severity": f.severity})


class SlaReportOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
        json_schema_extra={
            "example": {
                "from": "2027-01-01T00:00:00Z",
                "to": "2027-04-01T00:00:00Z",
                "customer_id": None,
                "contract_id": None,
                "generated_at": "2027-04-01T06:00:00Z",
                "by_severity": [
                    {
                        "severity": 1,
                        "metric": "reaction",
                        "total": 12,
                        "met": 9,
                        "breached": 2,
                        "running": 1,
                        "compliance": 0.8182,
                        "median_seconds": 840.0,
                        "p90_seconds": 1512.5,
                    }
                ],
                "totals": [
                    {
                        "metric": "reaction",
                        "total": 12,
                        "met": 9,
                        "breached": 2,
                        "running": 1,
                        "compliance": 0.8182,
                        "median_seconds": 840.0,
                        "p90_seconds": 1512.5,
                    }
                ],
            }
        },
    )

    created_from: datetime = Field(
        alias="from", description="Tickets created at or after this instant (UTC)"
    )
    created_to: datetime = Field(alias="to", description="… and before this one (UTC)")
    customer_id: uuid.UUID | None = Field(description="The one customer reported on, if any")
    contract_id: uuid.UUID | None = Field(description="The one contract reported on, if any")
    generated_at: datetime
    by_severity: list[SeverityFigures] = Field(
        description="Per severity × metric with at least one clock; severity 1 first"
    )
    totals: list[MetricTotals] = Field(description="Per metric over every severity")

    @classmethod
    def of(cls, report: SlaReport) -> SlaReportOut:
        c = report.criteria
        return cls(
            created_from=c.created_from,
            created_to=c.created_to,
            customer_id=c.customer_id,
            contract_id=c.contract_id,
            generated_at=report.generated_at,
            by_severity=[SeverityFigures.of(f) for f in report.by_severity],
            totals=[MetricTotals.of(f) for f in report.totals],
        )
