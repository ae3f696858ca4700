"""Reading the change feed (issue 10): what the caller may see, oldest first."""

from __future__ import annotations

from app.db.models import TicketChange
from app.db.session import UnitOfWork
from app.domain import comments
from app.domain.actors import Actor


async def read(
    uow: UnitOfWork, actor: Actor, after: int, limit: int
) -> tuple[list[TicketChange], int]:
    """The changes after `after` the caller's tenancy shows (internal notes to staff only),
    and the position to poll from next."""
    return await uow.changes.read(
        actor.scope, after, limit, include_internal=comments.sees_internal(actor)
    )
