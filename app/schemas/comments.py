"""Comments on a case: public (the customer sees them) or internal (SPEC 4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Visibility = Literal["public", "internal"]


class CommentIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "body": "We reproduced the failure on trunk 2 and are checking the carrier.",
                "visibility": "public",
            }
        },
    )

    body: str = Field(min_length=1, max_length=100_000)
    visibility: Visibility = Field(
        default="public",
        description="`internal` notes are for support staff only; customers and partners "
        "write public comments.",
    )


class CommentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_id: uuid.UUID
    author_id: uuid.UUID | None
    author_role: str
    visibility: Visibility
    channel: str
    body: str
    created_at: datetime
