"""A webhook event without a case, for delivery tests: what `ticket_changes.record`
queues for a change, through the same fan-out (`webhooks.publish`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.db.session import UnitOfWork
from app.domain.ids import new_id
from app.domain.webhooks import EventType
from app.services import webhooks


async def queue_event(
    uow: UnitOfWork,
    now: datetime,
    *,
    customer_id: uuid.UUID | None,
    event_type: str,
    data: dict[str, Any],
    seq: int = 1,
) -> None:
    fanout = await webhooks.publish(
        uow,
        now,
        event_id=new_id(),
        event_type=EventType(event_type),
        customer_id=customer_id,
        case={"ticket_id": None, "tracking_number": "SD-2026-000042", "external_ref": None},
        data=data,
    )
    for kind, payload in fanout(seq) if fanout else ():
        uow.outbox.enqueue(kind, payload, now)
