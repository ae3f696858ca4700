"""Report use cases: the SLA compliance report (SPEC 7). Read-only: nothing to commit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.db.session import UnitOfWork
from app.domain import reports as rules
from app.domain.actors import Actor
from app.domain.errors import InvalidField
from app.domain.reports import ReportCriteria, SlaReport
from app.services.context import ServiceContext


async def sla_report(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    created_from: datetime,
    created_to: datetime,
    *,
    customer_id: uuid.UUID | None = None,
    contract_id: uuid.UUID | None = None,
) -> SlaReport:
    """Met, breached and running targets and their times, of the tickets created in
    `[created_from, created_to)` that the caller may see (SPEC 1)."""
    rules.check_period(created_from, created_to)
    customer_id = rules.report_customer(actor, customer_id)
    if customer_id is not None:
        await uow.organisations.customer(customer_id, actor.scope)  # foreign: 404
    if contract_id is not None:
        contract = await uow.sla_config.contract(contract_id, actor.scope)
        if customer_id is not None and contract.customer_id != customer_id:
            raise InvalidField("contract_id", f"contract {contract_id} is not the customer's")
    criteria = ReportCriteria(
        created_from.astimezone(UTC), created_to.astimezone(UTC), customer_id, contract_id
    )
    figures = await uow.reports.sla_figures(actor.scope, criteria)
    return SlaReport(
        criteria=criteria,
        generated_at=ctx.now(),
        by_severity=rules.in_report_order([f for f in figures if f.severity is not None]),
        totals=rules.in_report_order([f for f in figures if f.severity is None]),
    )
