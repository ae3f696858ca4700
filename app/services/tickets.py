"""Ticket use cases (SPEC 4): read, list, edit, move through the lifecycle.

Raising a case is in `ticket_intake`."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

from app.db.models import Ticket
from app.db.repositories.pagination import Page
from app.db.repositories.tickets import TicketFilters
from app.domain.preconditions import Precondition, unconditional

__all__ = [
    "TicketFilters",
    "apply_transition",
    "events",
    "get",
    "list_tickets",
    "move",
    "request_channel",
    "transition",
    "update",
]
from app.db.session import UnitOfWork
from app.domain import comments, lifecycle, process_rules, ticket_fields
from app.domain.actors import Actor, Side
from app.domain.contracts import ContractTerms
from app.domain.errors import Forbidden, InvalidField
from app.schemas.tickets import TicketPatch, TransitionIn
from app.services import notifications, ticket_changes, ticket_clocks
from app.services.context import ServiceContext
from app.services.ticket_changes import Change, request_channel, ticket_data


async def get(uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID) -> Ticket:
    return await uow.tickets.ticket(ticket_id, actor.scope)


async def events(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Any]:
    await uow.tickets.ticket(ticket_id, actor.scope)
    # Customers and partners never learn of internal notes, here either (SPEC 4).
    staff = actor.side is Side.STAFF
    return await uow.tickets.events(ticket_id, limit, cursor, include_internal=staff)


async def list_tickets(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    filters: TicketFilters,
    sort: str | None,
    limit: int,
    cursor: str | None,
) -> Page[Ticket]:
    filters = replace(filters, now=ctx.now(), search_internal=comments.sees_internal(actor))
    return await uow.tickets.tickets(actor.scope, filters, sort, limit, cursor)


async def update(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    body: TicketPatch,
    precondition: Precondition = unconditional,
) -> Ticket:
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    precondition(ticket)
    changes = body.changes()
    if "chargeable" in changes:
        process_rules.mark_chargeable(actor, emergency=ticket.emergency)
    if "assignee_id" in changes and actor.side is not Side.STAFF:
        raise Forbidden("only staff assign cases")
    if "assignee_id" in changes and changes["assignee_id"] is not None:
        assignee = await uow.accounts.user_by_id(changes["assignee_id"])
        if assignee is None or assignee.customer_id or assignee.partner_id:
            raise InvalidField("assignee_id", "assign the case to a vendor engineer")
    if "external_ref" in changes and actor.partner_id != ticket.partner_id:
        raise Forbidden("only the partner helpdesk that raised the case sets its reference")
    before = {k: getattr(ticket, k) for k in changes}
    for name, value in changes.items():
        if value is None and name in {"subject", "description", "chargeable"}:
            raise InvalidField(name, f"{name} may not be null")
        if name == "subject":
            value = ticket_fields.check_subject(value)
        setattr(ticket, name, value)
    now = ctx.now()
    await ticket_changes.record(
        uow,
        Change.UPDATED,
        ticket,
        actor,
        now,
        before=before,
        after=changes,
        data=ticket_data(ticket, {"changed": sorted(changes)}),
    )
    await uow.commit()
    return ticket


async def transition(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    body: TransitionIn,
    precondition: Precondition = unconditional,
) -> Ticket:
    """Moves the case (SPEC 4 states) and stops, pauses or resumes its clocks (SPEC 3.1)."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    precondition(ticket)
    await move(
        uow,
        ctx,
        actor,
        ticket,
        lifecycle.parse_status(body.to),
        channel=request_channel(actor),
        outcome=lifecycle.parse_outcome(body.outcome),
        outcome_detail=body.outcome_detail,
        reason=body.reason,
    )
    await uow.commit()
    return ticket


async def first_response(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket: Ticket, channel: str
) -> None:
    """A public staff update on a `new` case is the first response: it acknowledges the
    case and meets `reaction` (SPEC 4). Every public staff update restarts `update`."""
    if ticket.status == lifecycle.TicketStatus.NEW.value:
        await move(
            uow,
            ctx,
            actor,
            ticket,
            lifecycle.TicketStatus.ACKNOWLEDGED,
            channel=channel,
            reason="first public response",
        )
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    await ticket_clocks.restart_update(uow, ticket, terms, now)
    ticket.updated_at = now


async def move(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket: Ticket,
    target: lifecycle.TicketStatus,
    *,
    channel: str,
    outcome: lifecycle.Outcome | None = None,
    outcome_detail: str | None = None,
    reason: str | None = None,
) -> lifecycle.TransitionPlan:
    """The one way a person changes a loaded (locked) case's state: the lifecycle rules,
    then `apply_transition`, in the caller's transaction (the caller commits)."""
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    plan = lifecycle.plan_transition(
        lifecycle.TicketStatus(ticket.status),
        target,
        actor,
        now=now,
        severity=ticket.severity,
        reopen_window=timedelta(days=terms.reopen_window_days),
        outcome=outcome,
        outcome_detail=outcome_detail,
        resolved_at=ticket.resolved_at,
        closed_at=ticket.closed_at,
        is_own_request=actor.side is not Side.STAFF,
    )
    return await apply_transition(
        uow, ctx, actor, ticket, plan, channel=channel, reason=reason, terms=terms
    )


async def apply_transition(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor | None,
    ticket: Ticket,
    plan: lifecycle.TransitionPlan,
    *,
    channel: str,
    reason: str | None,
    terms: ContractTerms,
) -> lifecycle.TransitionPlan:
    """A planned state change applied: the case's fields, its clocks, and the change
    recorded (audit, the customer's e-mail, the webhook). `move` plans a person's; the
    SLA monitor plans the auto-close (`actor=None`)."""
    now = ctx.now()
    before = ticket.status
    for name, value in plan.changes.items():
        setattr(ticket, name, value.value if hasattr(value, "value") else value)
    await ticket_clocks.apply_plan(uow, ticket, terms, plan)
    await ticket_clocks.apply_patch_commitment(uow, ticket, terms, plan)
    await ticket_changes.record(
        uow,
        Change.STATE_CHANGED,
        ticket,
        actor,
        now,
        channel=channel,
        before={"status": before},
        after=dict(plan.changes),
        reason=reason,
        data=ticket_data(ticket, {"from": before, "to": ticket.status}),
        notices=[notifications.state_changed(ticket, before, ticket.outcome)],
    )
    return plan
