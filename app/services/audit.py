"""The audit trail: every change to a ticket appends one event (SPEC 4). Never updated."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.db.models import TicketEvent
from app.db.session import UnitOfWork
from app.domain.actors import Actor
from app.domain.ids import new_id


def jsonable(value: Any) -> Any:
    """Datetimes, UUIDs and enums as JSON-ready values, recursively."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def record(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    actor: Actor | None,
    channel: str,
    kind: str,
    now: datetime,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> None:
    """Appends an event to the caller's transaction. `actor=None` is the system (worker)."""
    uow.tickets.add(
        TicketEvent(
            id=new_id(),
            ticket_id=ticket_id,
            at=now,
            kind=kind,
            actor_id=actor.user_id if actor else None,
            actor_api_key_id=actor.api_key_id if actor else None,
            actor_role=actor.role.value if actor else "system",
            channel=channel,
            before=jsonable(before) if before is not None else None,
            after=jsonable(after) if after is not None else None,
            reason=reason,
        )
    )
