"""The SLA monitor (SPEC 3.1, 5): warnings at 80 %, breaches, automatic escalations of
Severity 1 and 2 breaches, and the auto-close of resolved cases.

It finds work through indexed due instants, never by scanning every ticket, and
handles each item in its own transaction that starts with an atomic claim, so two
monitors, or a re-run after a crash, never double a warning, escalation or e-mail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.db.models import Ticket, TicketClock
from app.db.session import Database, UnitOfWork
from app.domain import lifecycle
from app.domain.actors import Scope, ScopeKind
from app.services import escalations, notifications, ticket_changes, ticket_clocks, tickets
from app.services.context import ServiceContext
from app.services.ticket_changes import Change, ticket_data

ALL = Scope(ScopeKind.ALL)
AUTO_ESCALATED_SEVERITIES = frozenset({1, 2})  # SPEC 5: Severity 1 or 2 breaches


@dataclass
class MonitorRun:
    warnings: int = 0
    breaches: int = 0
    escalations: int = 0
    closed: int = 0

    @property
    def total(self) -> int:
        return self.warnings + self.breaches + self.closed


class SlaMonitor:
    def __init__(self, db: Database, ctx: ServiceContext, batch: int = 100) -> None:
        self.db = db
        self.ctx = ctx
        self.batch = batch

    async def run_once(self) -> MonitorRun:
        run = MonitorRun()
        now = self.ctx.now()
        async with self.db.unit_of_work() as uow:
            to_warn = await uow.monitor.clocks_to_warn(now, self.batch)
            to_breach = await uow.monitor.clocks_to_breach(now, self.batch)
            to_close = await uow.monitor.resolved_before(now, self.batch)
        for clock_id in to_warn:
            run.warnings += await self._warn(clock_id)
        for clock_id in to_breach:
            breached, escalated = await self._breach(clock_id)
            run.breaches += breached
            run.escalations += escalated
        for ticket_id in to_close:
            run.closed += await self._auto_close(ticket_id)
        return run

    async def _warn(self, clock_id: uuid.UUID) -> int:
        async with self.db.unit_of_work() as uow:
            now = self.ctx.now()
            clock = await uow.monitor.claim_warning(clock_id, now)
            if clock is None:
                return 0
            await self._alert(uow, clock, now, breached=False)
            await uow.commit()
            return 1

    async def _breach(self, clock_id: uuid.UUID) -> tuple[int, int]:
        async with self.db.unit_of_work() as uow:
            now = self.ctx.now()
            clock = await uow.monitor.claim_breach(clock_id, now)
            if clock is None:
                return 0, 0
            ticket = await self._alert(uow, clock, now, breached=True)
            escalated = None
            if ticket.severity in AUTO_ESCALATED_SEVERITIES:
                escalated = await escalations.open_sla_breach(
                    uow, self.ctx, ticket, clock.id, clock.metric, now
                )
            await uow.commit()
            return 1, int(escalated is not None)

    async def _alert(
        self, uow: UnitOfWork, clock: TicketClock, now: datetime, *, breached: bool
    ) -> Ticket:
        """What a claimed warning or breach does: audit, e-mail, webhook (no commit)."""
        assert clock.due_at is not None  # only running clocks (with a due time) are claimed
        ticket = await uow.tickets.ticket(clock.ticket_id, ALL)
        facts = {"metric": clock.metric, "due_at": clock.due_at, "warn_at": clock.warn_at}
        await ticket_changes.record(
            uow,
            Change.SLA_BREACHED if breached else Change.SLA_WARNING,
            ticket,
            None,
            now,
            after=facts,
            data=ticket_data(ticket, facts),
            notices=[
                notifications.sla_alert(ticket, clock.metric, clock.due_at, breached=breached)
            ],
        )
        return ticket

    async def _auto_close(self, ticket_id: uuid.UUID) -> int:
        async with self.db.unit_of_work() as uow:
            now = self.ctx.now()
            ticket = await uow.tickets.ticket(ticket_id, ALL)
            if ticket.resolved_at is None:
                return 0
            terms = await ticket_clocks.terms_of_ticket(uow, ticket)
            plan = lifecycle.plan_auto_close(
                lifecycle.TicketStatus(ticket.status),
                now=now,
                resolved_at=ticket.resolved_at,
                auto_close_after=timedelta(days=terms.auto_close_days),
            )
            if plan is None or not await uow.monitor.claim_auto_close(ticket.id, now):
                return 0
            await uow.tickets.reload(ticket)
            await tickets.apply_transition(
                uow,
                self.ctx,
                None,
                ticket,
                plan,
                channel="system",
                reason=f"closed automatically after {terms.auto_close_days} days",
                terms=terms,
            )
            await uow.commit()
            return 1
