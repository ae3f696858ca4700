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
from app.domain.contracts import Channel
from app.domain.errors import Forbidden, InvalidField
from app.schemas.tickets import TicketPatch, TransitionIn
from app.services import audit, notifications, ticket_clocks, webhooks
from app.services.context import ServiceContext


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
    ticket.updated_at = now
    audit.record(
        uow, ticket.id, actor, request_channel(actor), "updated", now, before=before, after=changes
    )
    await publish(uow, now, ticket, "ticket.updated", {"changed": sorted(changes)})
    await uow.commit()
    return ticket


async def publish(
    uow: UnitOfWork, now: Any, ticket: Ticket, event_type: str, data: dict[str, Any]
) -> None:
    """Webhook subscribers hear of the change in the same transaction (SPEC 6)."""
    await webhooks.publish(
        uow,
        now,
        customer_id=ticket.customer_id,
        event_type=event_type,
        data={
            "ticket_id": ticket.id,
            "tracking_number": ticket.tracking_number,
            "severity": ticket.severity,
            **data,
        },
    )


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


def request_channel(actor: Actor | None) -> str:
    """The channel of a change: `api` for API keys, `portal` for people, `system` for the
    worker (no actor)."""
    if actor is None:
        return "system"
    return Channel.API.value if actor.api_key_id else Channel.PORTAL.value


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
    """The one way a loaded (locked) case changes state: the lifecycle rules, its clocks,
    the audit event, the customer's e-mail and the webhook, in the caller's transaction
    (the caller commits)."""
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
    before = ticket.status
    for name, value in plan.changes.items():
        setattr(ticket, name, value.value if hasattr(value, "value") else value)
    ticket.updated_at = now
    await ticket_clocks.apply_plan(uow, ticket, terms, plan)
    await ticket_clocks.apply_patch_commitment(uow, ticket, terms, plan)
    audit.record(
        uow,
        ticket.id,
        actor,
        channel,
        "state_changed",
        now,
        before={"status": before},
        after=dict(plan.changes),
        reason=reason,
    )
    await notifications.state_changed(uow, now, ticket, before, ticket.outcome)
    await publish(uow, now, ticket, "ticket.state_changed", {"from": before, "to": ticket.status})
    return plan
