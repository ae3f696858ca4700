"""Escalations: the written request, the addressed level, acknowledgement and resolution."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.domain import escalation as rules
from app.domain.actors import Role
from app.domain.escalation import EscalationState, Reason

Statement = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        min_length=rules.MIN_STATEMENT_LENGTH,
        max_length=rules.MAX_STATEMENT_LENGTH,
    ),
]
CaseNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]

ESCALATION_EXAMPLE: dict[str, Any] = {
    "reason": "inadequate_solution",
    "business_impact": "All outbound PSTN calls of our 400 agents fail; the call centre is idle.",
    "progress_to_date": "Workaround via the backup trunk failed twice; no answer for 3 hours.",
    "related_cases": ["SD-2026-000117"],
}


class EscalationIn(BaseModel):
    """An escalation is in writing (SPEC 5): why, the impact, the progress so far."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": ESCALATION_EXAMPLE})

    reason: Reason
    business_impact: Statement = Field(description="What the problem costs the business")
    progress_to_date: Statement = Field(description="What was done so far, and by whom")
    related_cases: list[CaseNumber] = Field(
        default_factory=list,
        max_length=rules.MAX_RELATED_CASES,
        description="Tracking numbers of other cases of the same customer",
    )


class AcknowledgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=rules.MAX_STATEMENT_LENGTH)


class ResolveIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"resolution": "Carrier trunk replaced; a senior engineer owns the case."}
        },
    )

    resolution: Statement = Field(description="How the escalation was answered")


class ContactOut(BaseModel):
    name: str
    email: str | None = None
    phone: str | None = None


class EscalationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_id: uuid.UUID
    customer_id: uuid.UUID
    level: int = Field(description="The level of the contract's escalation chain addressed")
    addressed_role: Role
    contacts: list[ContactOut] = Field(description="The level's named contacts, when opened")
    reason: Reason
    business_impact: str
    progress_to_date: str
    related_cases: list[str]
    state: EscalationState
    automatic: bool = Field(description="Opened by the service (SLA breach, severity dispute)")
    created_by: uuid.UUID | None
    created_at: datetime
    acknowledge_due_at: datetime = Field(description="The escalation's acknowledgement target")
    acknowledge_breached: bool = Field(
        description="Acknowledged late, or still unacknowledged past `acknowledge_due_at`"
    )
    acknowledged_by: uuid.UUID | None
    acknowledged_at: datetime | None
    resolved_by: uuid.UUID | None
    resolved_at: datetime | None
    resolution: str | None
    updated_at: datetime = Field(
        description="When it was opened, acknowledged or resolved: the latest"
    )

    @classmethod
    def of(cls, row: Any, now: datetime) -> EscalationOut:
        breached = rules.acknowledge_breached(row.acknowledge_due_at, row.acknowledged_at, now)
        return cls.model_validate(
            {
                name: getattr(row, name)
                for name in cls.model_fields
                if name != "acknowledge_breached"
            }
            | {"acknowledge_breached": breached}
        )
