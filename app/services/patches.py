"""Recording a critical bug's patch (SPEC 4; issue 13.9): the `patch` clock stops, met
or late, and the customer and webhook subscribers hear of it, in one transaction."""

from __future__ import annotations

import uuid

from app.db.session import UnitOfWork
from app.domain.actors import Actor
from app.domain.changes import Recipients
from app.schemas.tickets import ClockOut, PatchIn
from app.services import notifications, ticket_changes, ticket_clocks
from app.services.context import ServiceContext
from app.services.notifications import Notice
from app.services.ticket_changes import Change, ticket_data


async def record(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, body: PatchIn
) -> ClockOut:
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)  # 404 first (SPEC 1)
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    clock = await ticket_clocks.record_patch(uow, ticket, terms, actor, now)
    facts = {"reference": body.reference, "due_at": clock.due_at, "state": clock.state}
    await ticket_changes.record(
        uow,
        Change.PATCH_RECORDED,
        ticket,
        actor,
        now,
        after=facts,
        reason=body.note,
        data=ticket_data(ticket, {"changed": ["patch"], "patch": facts}),
        notices=[
            Notice(
                Recipients.REQUESTER,
                notifications.ticket_subject(ticket, f"Patch available: {body.reference}"),
                f"The patch for case {ticket.tracking_number} ({ticket.subject}) is available: "
                f"{body.reference}." + (f"\n\n{body.note}" if body.note else ""),
            )
        ],
    )
    await uow.commit()
    return clock
