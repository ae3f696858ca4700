"""Recording a critical bug's patch (SPEC 4; issue 13.9): the `patch` clock stops, met
or late, and the customer and webhook subscribers hear of it, in one transaction."""

from __future__ import annotations

import uuid

from app.db.session import UnitOfWork
from app.domain.actors import Actor
from app.schemas.tickets import ClockOut, PatchIn
from app.services import audit, notifications, ticket_clocks, tickets
from app.services.context import ServiceContext


async def record(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, body: PatchIn
) -> ClockOut:
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)  # 404 first (SPEC 1)
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    clock = await ticket_clocks.record_patch(uow, ticket, terms, actor, now)
    ticket.updated_at = now
    facts = {"reference": body.reference, "due_at": clock.due_at, "state": clock.state}
    audit.record(
        uow,
        ticket.id,
        actor,
        tickets.request_channel(actor),
        "patch_recorded",
        now,
        after=facts,
        reason=body.note,
    )
    notifications.send(
        uow,
        now,
        [await notifications.requester(uow, ticket)],
        notifications.TICKET_UPDATES,
        notifications.ticket_subject(ticket, f"Patch available: {body.reference}"),
        f"The patch for case {ticket.tracking_number} ({ticket.subject}) is available: "
        f"{body.reference}." + (f"\n\n{body.note}" if body.note else ""),
    )
    await tickets.publish(
        uow, now, ticket, "ticket.updated", {"changed": ["patch"], "patch": facts}
    )
    await uow.commit()
    return clock
