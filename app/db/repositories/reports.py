"""The SLA compliance report, aggregated in the database (SPEC 7).

PostgreSQL answers in one statement: `GROUPING SETS` gives each severity × metric and
each metric over every severity, `percentile_cont` the median and 90th percentile.
SQLite has neither, so it ranks the stopped clocks with window functions and
interpolates exactly as `percentile_cont` does (`app.domain.reports.percentile`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    text,
    tuple_,
    union_all,
)

from app.db.models import Ticket, TicketClock
from app.db.repositories.base import Repository
from app.db.repositories.scoping import visible
from app.domain.actors import Scope, ScopeKind
from app.domain.reports import MEDIAN, P90, ReportCriteria, SlaFigures, round_seconds

RUNNING_STATES = ("running", "paused")
REPORT_WORK_MEM = "32MB"
# A clock set aside by a severity change measured nothing; a breach it had keeps `breached`.
NOT_APPLICABLE = "not_applicable"


class ReportRepository(Repository):
    async def sla_figures(self, scope: Scope, criteria: ReportCriteria) -> list[SlaFigures]:
        """Per severity × metric, and per metric (`severity=None`), of the visible tickets."""
        if self.session.get_bind().dialect.name == "postgresql":
            # The percentiles sort each group's seconds: in memory, not spilled to disk
            # (a year at 1 M tickets: 0.58 → 0.48 s). For this transaction only.
            await self.session.execute(text(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'"))
            stmt = _postgresql(scope, criteria)
        else:
            stmt = _sqlite(scope, criteria)
        rows = (await self.session.execute(stmt)).all()
        return [
            SlaFigures(
                severity=row.severity,
                metric=row.metric,
                total=row.total,
                met=row.met,
                breached=row.breached,
                running=row.running,
                median_seconds=round_seconds(row.median_seconds),
                p90_seconds=round_seconds(row.p90_seconds),
            )
            for row in rows
        ]


def _clocks(scope: Scope, criteria: ReportCriteria) -> Select[Any]:
    """The clocks of the visible tickets created in the period, those not applicable left
    out; `seconds` only once stopped.

    The clocks carry their ticket's severity and creation instant (kept in step by the
    database, migration 0016), so the whole-vendor report reads `ticket_clocks` alone, in
    `ix_ticket_clocks_report`'s order; tenancy and the customer/contract filters, which
    need the ticket, narrow the clocks to their tickets' ids."""
    seconds = case((TicketClock.stopped_at.is_not(None), TicketClock.counted_seconds))
    stmt = select(
        TicketClock.ticket_severity.label("severity"),
        TicketClock.metric.label("metric"),
        TicketClock.state.label("state"),
        seconds.label("seconds"),
    ).where(
        TicketClock.ticket_created_at >= criteria.created_from,
        TicketClock.ticket_created_at < criteria.created_to,
        TicketClock.state != NOT_APPLICABLE,
    )
    unfiltered = criteria.customer_id is None and criteria.contract_id is None
    if scope.kind is ScopeKind.ALL and unfiltered:
        return stmt
    of_tickets = visible(
        select(Ticket.id).where(
            Ticket.created_at >= criteria.created_from, Ticket.created_at < criteria.created_to
        ),
        scope,
        Ticket.customer_id,
    )
    if criteria.customer_id is not None:
        of_tickets = of_tickets.where(Ticket.customer_id == criteria.customer_id)
    if criteria.contract_id is not None:
        of_tickets = of_tickets.where(Ticket.contract_id == criteria.contract_id)
    return stmt.where(TicketClock.ticket_id.in_(of_tickets))


def _counts(state: Any) -> list[ColumnElement[Any]]:
    return [
        func.count().label("total"),
        func.count().filter(state == "met").label("met"),
        func.count().filter(state == "breached").label("breached"),
        func.count().filter(state.in_(RUNNING_STATES)).label("running"),
    ]


def _postgresql(scope: Scope, criteria: ReportCriteria) -> Select[Any]:
    c = _clocks(scope, criteria).subquery("clocks")

    def percentile_cont(fraction: float) -> ColumnElement[Any]:
        # Nulls (clocks not stopped) are ignored by ordered-set aggregates.
        return func.percentile_cont(literal_column(repr(fraction), Float)).within_group(c.c.seconds)

    return select(
        c.c.severity,
        c.c.metric,
        *_counts(c.c.state),
        percentile_cont(MEDIAN).label("median_seconds"),
        percentile_cont(P90).label("p90_seconds"),
    ).group_by(func.grouping_sets(tuple_(c.c.severity, c.c.metric), tuple_(c.c.metric)))


def _sqlite(scope: Scope, criteria: ReportCriteria) -> Select[Any]:
    """The same figures with window functions only (SQLite: CAST to INTEGER truncates)."""
    clocks = _clocks(scope, criteria).cte("clocks")
    # Each clock once in its severity's group and once in its metric's (severity NULL).
    grouped = union_all(
        select(clocks.c.severity, clocks.c.metric, clocks.c.state, clocks.c.seconds),
        select(null().label("severity"), clocks.c.metric, clocks.c.state, clocks.c.seconds),
    ).subquery("grouped")
    group = (grouped.c.severity, grouped.c.metric)
    ranked = select(
        grouped,
        # 0-based rank among the stopped clocks: they sort first, in ascending seconds.
        (
            func.row_number().over(
                partition_by=group,
                order_by=(grouped.c.seconds.is_(None), grouped.c.seconds),
            )
            - 1
        ).label("rank"),
        func.count(grouped.c.seconds).over(partition_by=group).label("stopped"),
    ).subquery("ranked")

    def percentile_cont(fraction: float) -> ColumnElement[Any]:
        # position = fraction * (n - 1): interpolate between the ranks floor and ceil of it.
        position = literal(fraction, Float) * (ranked.c.stopped - 1)
        lower = cast(position, Integer)  # positions are >= 0: truncation is floor
        upper = lower + case((position > lower, 1), else_=0)
        lower_value = func.max(case((ranked.c.rank == lower, ranked.c.seconds)))
        upper_value = func.max(case((ranked.c.rank == upper, ranked.c.seconds)))
        return lower_value + (upper_value - lower_value) * func.max(
            case((ranked.c.seconds.is_not(None), position - lower))
        )

    return select(
        ranked.c.severity,
        ranked.c.metric,
        *_counts(ranked.c.state),
        percentile_cont(MEDIAN).label("median_seconds"),
        percentile_cont(P90).label("p90_seconds"),
    ).group_by(ranked.c.severity, ranked.c.metric)
