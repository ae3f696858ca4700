"""Escalation use cases (SPEC 5): escalate a case in writing, the managers' queue,
acknowledge and resolve; and the automatic escalations other use cases open inside
their own transaction (`open_sla_breach`, `open_severity_dispute`).

Every escalation is a recorded change of its ticket (`ticket_changes.record`): the audit
event, the e-mail to the addressed level, the feed row and the webhook, in the same
transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from app.db.models import Escalation, Ticket
from app.db.repositories.escalations import EscalationFilters
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import escalation as rules
from app.domain.actors import Actor, Role, Scope, ScopeKind
from app.domain.changes import Recipients
from app.domain.errors import NotFound
from app.domain.escalation import EscalationState, Reason
from app.domain.ids import new_id
from app.domain.lifecycle import OPEN_STATES, TicketStatus
from app.domain.sla import add_clock_time
from app.schemas.escalations import AcknowledgeIn, EscalationIn, ResolveIn
from app.services import notifications, ticket_changes, ticket_clocks, tickets
from app.services.context import ServiceContext
from app.services.notifications import Notice
from app.services.ticket_changes import Change

__all__ = [
    "EscalationFilters",
    "acknowledge",
    "create",
    "for_ticket",
    "get",
    "open_severity_dispute",
    "open_sla_breach",
    "open_written",
    "queue",
    "resolve",
]

ALL = Scope(ScopeKind.ALL)
# Every escalation counts towards the level a ticket reached (app/domain/escalation.py).
ALL_REASONS = [r.value for r in Reason]


async def create(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, body: EscalationIn
) -> Escalation:
    """A customer (or its partner, or staff) escalates an open case of that customer."""
    ticket = await _ticket_to_escalate(uow, actor, ticket_id)
    escalation = await open_written(
        uow,
        ctx,
        ticket,
        actor,
        Reason(body.reason),
        body.business_impact,
        body.progress_to_date,
        body.related_cases,
    )
    await uow.commit()
    return escalation


async def open_written(
    uow: UnitOfWork,
    ctx: ServiceContext,
    ticket: Ticket,
    actor: Actor,
    reason: Reason,
    business_impact: str | None,
    progress_to_date: str | None,
    related_cases: list[str],
    *,
    mailbox: str | None = None,
    reply: Callable[[Escalation], Notice | None] | None = None,
) -> Escalation:
    """The written escalation of a person (SPEC 5): an open case, statements, related
    cases of the same customer; at the next level, or at `mailbox`'s level. Does not
    commit: the caller does."""
    rules.require_open_ticket(ticket.status, ticket.tracking_number)
    impact = rules.statement("business_impact", business_impact)
    progress = rules.statement("progress_to_date", progress_to_date)
    numbers = [n.strip().upper() for n in related_cases]
    found = await uow.escalations.customers_of_cases(numbers)
    related = rules.check_related_cases(related_cases, found, ticket.customer_id)
    escalation = await _open(
        uow,
        ticket,
        actor,
        ctx.now(),
        reason=reason,
        business_impact=impact,
        progress_to_date=progress,
        related_cases=related,
        mailbox=mailbox,
        reply=reply,
    )
    assert escalation is not None  # only keyed (automatic) escalations can be skipped
    return escalation


async def open_sla_breach(
    uow: UnitOfWork,
    ctx: ServiceContext,
    ticket: Ticket,
    clock_id: uuid.UUID,
    metric: str,
    now: datetime,
) -> Escalation | None:
    """Opens the `sla_breach` escalation of a breached clock at the ticket's next level
    (SPEC 5). Idempotent per clock; None when it exists already, the case is no longer
    open, or the chain is exhausted. Does not commit: the caller does."""
    return await _open_automatic(
        uow,
        ticket,
        now,
        reason=Reason.SLA_BREACH,
        source_key=f"sla_breach:{clock_id}",
        business_impact=(
            f"The {metric} target of this severity {ticket.severity} case is breached: the "
            "service level the contract promises was not met."
        ),
        progress_to_date=(
            f"Opened automatically when the {metric} target was breached; the case's SLA "
            "clocks and audit trail show the history."
        ),
    )


async def open_severity_dispute(
    uow: UnitOfWork, ctx: ServiceContext, ticket: Ticket, change_id: uuid.UUID, now: datetime
) -> Escalation | None:
    """Opens the `severity_dispute` escalation of a rejected severity proposal, addressed
    to the level of the contract's chain that decides it (SPEC 4.1.1, 5).
    Idempotent per change; None when it exists already or the case is no longer open.
    Does not commit: the caller does."""
    change = await uow.tickets.severity_change(ticket.id, change_id)
    proposal = f" (severity {change.from_level} to {change.to_level})" if change is not None else ""
    return await _open_automatic(
        uow,
        ticket,
        now,
        reason=Reason.SEVERITY_DISPUTE,
        source_key=f"severity_dispute:{change_id}",
        business_impact=(
            f"The customer and support disagree on the severity of this case{proposal}; "
            "its SLA targets depend on the decision."
        ),
        progress_to_date=(
            f"Severity change {change_id} was proposed and rejected, and became a dispute. "
            "The manager this escalation is addressed to decides; the decision is final."
        ),
    )


async def get(uow: UnitOfWork, actor: Actor, escalation_id: uuid.UUID) -> Escalation:
    return await uow.escalations.escalation(escalation_id, actor.scope)


async def for_ticket(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Escalation]:
    """A ticket's escalations, oldest first: how customers follow their own."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope)
    filters = EscalationFilters(ticket_id=ticket.id)
    return await uow.escalations.escalations(actor.scope, filters, limit, cursor)


async def queue(
    uow: UnitOfWork,
    actor: Actor,
    filters: EscalationFilters,
    limit: int,
    cursor: str | None,
    *,
    mine: bool = False,
) -> Page[Escalation]:
    """The managers' queue (staff only); `mine` keeps what the caller may answer."""
    rules.require_queue_access(actor)
    if mine:
        roles = [r.value for r in rules.answerable_roles(actor)]
        wanted = [r for r in filters.addressed_role or roles if r in roles]
        filters = EscalationFilters(
            state=filters.state,
            level=filters.level,
            addressed_role=wanted or ["-"],  # nothing the caller may answer
            customer_id=filters.customer_id,
            updated_since=filters.updated_since,
        )
    return await uow.escalations.escalations(actor.scope, filters, limit, cursor)


async def acknowledge(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    escalation_id: uuid.UUID,
    body: AcknowledgeIn,
) -> Escalation:
    """The addressed manager takes the escalation on (its acknowledgement target stops)."""
    row = await uow.escalations.escalation(escalation_id, actor.scope, lock=True)
    rules.require_may_answer(actor, Role(row.addressed_role))
    row.state = rules.acknowledge(EscalationState(row.state)).value
    now = ctx.now()
    row.acknowledged_by, row.acknowledged_at = actor.user_id, now
    await _updated(uow, actor, row, now, Change.ESCALATION_ACKNOWLEDGED, note=body.note)
    await uow.commit()
    return row


async def resolve(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, escalation_id: uuid.UUID, body: ResolveIn
) -> Escalation:
    """The addressed manager answers the escalation; an open one is acknowledged too."""
    row = await uow.escalations.escalation(escalation_id, actor.scope, lock=True)
    rules.require_may_answer(actor, Role(row.addressed_role))
    row.state = rules.resolve(EscalationState(row.state)).value
    resolution = rules.statement("resolution", body.resolution)
    now = ctx.now()
    if row.acknowledged_at is None:
        row.acknowledged_by, row.acknowledged_at = actor.user_id, now
    row.resolved_by, row.resolved_at, row.resolution = actor.user_id, now, resolution
    await _updated(uow, actor, row, now, Change.ESCALATION_RESOLVED, note=resolution)
    await uow.commit()
    return row


async def _ticket_to_escalate(uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID) -> Ticket:
    try:
        return await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    except NotFound:
        raise NotFound(
            f"ticket {ticket_id} was not found: an escalation needs an existing case; raise "
            "a ticket first, then escalate it"
        ) from None


async def _open_automatic(
    uow: UnitOfWork,
    ticket: Ticket,
    now: datetime,
    *,
    reason: Reason,
    source_key: str,
    business_impact: str,
    progress_to_date: str,
) -> Escalation | None:
    if TicketStatus(ticket.status) not in OPEN_STATES:
        return None
    await uow.tickets.ticket(ticket.id, ALL, lock=True)  # one level computation at a time
    if await uow.escalations.by_source_key(source_key) is not None:
        return None
    try:
        return await _open(
            uow,
            ticket,
            None,
            now,
            reason=reason,
            business_impact=business_impact,
            progress_to_date=progress_to_date,
            related_cases=[],
            source_key=source_key,
        )
    except (rules.EscalationTopLevelReached, rules.NoEscalationChain):
        return None


async def _open(
    uow: UnitOfWork,
    ticket: Ticket,
    actor: Actor | None,
    now: datetime,
    *,
    reason: Reason,
    business_impact: str,
    progress_to_date: str,
    related_cases: list[str],
    source_key: str | None = None,
    mailbox: str | None = None,
    reply: Callable[[Escalation], Notice | None] | None = None,
) -> Escalation | None:
    """Addresses the next level (or `mailbox`'s), stores the escalation, audits, e-mails
    and publishes."""
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    reached = await uow.escalations.highest_level(ticket.id, ALL_REASONS)
    if mailbox is not None:
        addressee = rules.mailbox_level(terms.escalation_chain, mailbox, reached)
    else:
        addressee = rules.next_level(terms.escalation_chain, reached, reason)
    ack_window = timedelta(minutes=rules.ACKNOWLEDGE_MINUTES)
    row = Escalation(
        id=new_id(),
        ticket_id=ticket.id,
        customer_id=ticket.customer_id,
        level=addressee.level,
        addressed_role=addressee.role.value,
        contacts=[{"name": c.name, "email": c.email, "phone": c.phone} for c in addressee.contacts],
        reason=reason.value,
        business_impact=business_impact,
        progress_to_date=progress_to_date,
        related_cases=related_cases,
        state=EscalationState.OPEN.value,
        automatic=actor is None,
        source_key=source_key,
        created_by=actor.user_id if actor else None,
        created_at=now,
        updated_at=now,
        acknowledge_due_at=add_clock_time(terms.calendar, rules.ACKNOWLEDGE_CLOCK, now, ack_window),
    )
    if source_key is None:
        uow.escalations.add(row)
    elif not await uow.escalations.add_once(row):
        return None  # a concurrent monitor opened it first
    await ticket_changes.record(
        uow,
        Change.ESCALATION_OPENED,
        ticket,
        actor,
        now,
        channel="email" if mailbox else tickets.request_channel(actor),
        after=_facts(row),
        data=_data(ticket, row),
        notices=[await _opened_notice(uow, ticket, row)]
        + [n for n in [reply(row) if reply else None] if n is not None],
    )
    return row


async def _updated(
    uow: UnitOfWork,
    actor: Actor,
    row: Escalation,
    now: datetime,
    change: Change,
    *,
    note: str | None,
) -> None:
    row.updated_at = now
    ticket = await uow.tickets.ticket(row.ticket_id, ALL)
    await ticket_changes.record(
        uow,
        change,
        ticket,
        actor,
        now,
        after={"escalation_id": row.id, "level": row.level, "state": row.state},
        reason=note,
        data=_data(ticket, row),
        notices=[await _updated_notice(uow, ticket, row, note)],
    )


def _facts(row: Escalation) -> dict[str, Any]:
    return {
        "escalation_id": row.id,
        "level": row.level,
        "addressed_role": row.addressed_role,
        "reason": row.reason,
        "state": row.state,
        "automatic": row.automatic,
        "related_cases": row.related_cases,
        "acknowledge_due_at": row.acknowledge_due_at,
    }


def _data(ticket: Ticket, row: Escalation) -> dict[str, Any]:
    """An escalation's webhook and feed data."""
    return _facts(row) | {
        "ticket_id": ticket.id,
        "tracking_number": ticket.tracking_number,
        "created_at": row.created_at,
        "acknowledged_at": row.acknowledged_at,
        "resolved_at": row.resolved_at,
    }


def subject_of(ticket: Ticket, row: Escalation) -> str:
    reason = row.reason.replace("_", " ")
    return notifications.ticket_subject(ticket, f"Escalation level {row.level}: {reason}")


async def _opened_notice(uow: UnitOfWork, ticket: Ticket, row: Escalation) -> Notice:
    """The level's named contacts, and every active user holding the addressed role."""
    related = ", ".join(row.related_cases) or "none"
    text = (
        f"Case {ticket.tracking_number} ({ticket.subject}, severity {ticket.severity}) is "
        f"escalated to level {row.level} ({row.addressed_role}).\n\n"
        f"Reason: {row.reason}\n\nBusiness impact: {row.business_impact}\n\n"
        f"Progress to date: {row.progress_to_date}\n\nRelated cases: {related}\n\n"
        f"Please acknowledge by {row.acknowledge_due_at:%Y-%m-%d %H:%M} UTC."
    )
    contacted = {c["email"].lower() for c in row.contacts if c.get("email")}
    managers = await uow.accounts.users_with_role(Role(row.addressed_role))
    others = tuple(u for u in managers if u.email.lower() not in contacted)
    return Notice(
        Recipients.ESCALATION_LEVEL,
        subject_of(ticket, row),
        text,
        people=others,
        addresses=tuple(sorted(contacted)),
    )


async def _updated_notice(
    uow: UnitOfWork, ticket: Ticket, row: Escalation, note: str | None
) -> Notice:
    """Whoever escalated (else the case's requester) hears it was acknowledged or resolved."""
    escalated_by = await uow.accounts.user_by_id(row.created_by) if row.created_by else None
    recipient = escalated_by or await notifications.requester(uow, ticket)
    text = f"The level {row.level} escalation of case {ticket.tracking_number} is {row.state}."
    if note:
        text += f"\n\n{note}"
    return Notice(Recipients.ESCALATED_BY, subject_of(ticket, row), text, people=(recipient,))
