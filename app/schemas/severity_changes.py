"""Severity changes: proposals, answers, disputes and decisions (SPEC 4.1.1)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32


class SeverityChangeIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"to_level": 3, "reason": "Only one extension is affected; a workaround exists."},
                {
                    "to_level": 3,
                    "reason": "Service is up for every user; one feature is degraded.",
                    "reclassify": True,
                },
            ]
        },
    )

    to_level: Int32 = Field(ge=1, description="The proposed severity (1 the most severe)")
    reason: str = Field(default="", max_length=4000, description="Required: why")
    reclassify: bool = Field(
        default=False,
        description="Managers: reclassify a Severity 1 case that does not meet the criteria, "
        "at once, with a written reason. The customer is notified and may dispute it.",
    )


class SeverityAnswerIn(BaseModel):
    """Accepting may give a reason; rejecting and disputing must."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=4000)


class SeverityDecisionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"level": 2, "reason": "Half of the sites are affected: severity 2."}
        },
    )

    level: Int32 = Field(ge=1, description="The severity the case keeps or takes (final)")
    reason: str = Field(default="", max_length=4000)


class SeverityChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_id: uuid.UUID
    from_level: int
    to_level: int
    kind: Literal["proposal", "reclassification"]
    status: Literal["applied", "pending", "accepted", "disputed", "decided"] = Field(
        description="`applied`: took effect at once; `pending`: awaits the other side; "
        "`disputed`: awaits the regional operations manager; `accepted`/`decided`: settled"
    )
    reason: str
    proposed_by: uuid.UUID | None
    proposed_side: Literal["customer", "partner", "staff"]
    answered_by: uuid.UUID | None
    answered_at: datetime | None
    answer_reason: str | None
    decided_by: uuid.UUID | None
    decided_level: int | None
    decided_at: datetime | None
    decision_reason: str | None
    created_at: datetime
