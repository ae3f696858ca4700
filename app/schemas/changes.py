"""The change feed (issue 10): every recorded change to a case, in commit order."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_CHANGE: dict[str, Any] = {
    "seq": 1042,
    "id": "0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7",
    "type": "state_changed",
    "occurred_at": "2027-01-05T09:02:10Z",
    "ticket_id": "0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51",
    "customer_id": "0190c3d2-6a10-7c2e-8b4f-1d2e3f405162",
    "tracking_number": "SD-2027-000123",
    "external_ref": "PH-88231",
    "actor": {
        "role": "agent",
        "user_id": "0190c3d2-7020-7b4c-9d5e-6f70819a2b3c",
        "api_key_id": None,
    },
    "data": {
        "ticket_id": "0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51",
        "tracking_number": "SD-2027-000123",
        "severity": 2,
        "from": "new",
        "to": "acknowledged",
    },
}


class ChangeActor(BaseModel):
    role: str = Field(description="The actor's role, or `system` for the SLA monitor")
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None


class ChangeOut(BaseModel):
    """One recorded change; `id` is also its webhook's `id` and its audit event's id."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"example": _CHANGE})

    seq: int = Field(description="Strictly increasing in commit order; the feed's position")
    id: uuid.UUID
    type: str = Field(description="The kind of change (`created`, `state_changed`, …)")
    occurred_at: datetime
    ticket_id: uuid.UUID
    customer_id: uuid.UUID
    tracking_number: str
    external_ref: str | None = Field(description="The partner's own reference, when set")
    actor: ChangeActor
    data: dict[str, Any] = Field(description="What changed; the body its webhook carries")


class ChangePage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"example": {"items": [_CHANGE], "next_cursor": "1042"}}
    )

    items: list[ChangeOut]
    next_cursor: str = Field(
        description="Pass as `after` to poll for what follows; present even on an empty page"
    )
