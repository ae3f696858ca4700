"""Tickets: the case, its lifecycle, its SLA clocks and its audit trail (SPEC 4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.domain.contracts import Channel
from app.domain.lifecycle import Outcome, TicketStatus
from app.domain.sla_policy import Rating
from app.domain.ticket_fields import Category, CustomerType
from app.domain.ticket_fields import HowWidespread as Widespread
from app.schemas.common import Instant, Int32

TICKET_EXAMPLE: dict[str, Any] = {
    "subject": "PBX – not able to dial PSTN destinations",
    "description": "Since 09:10 no outbound call to PSTN numbers connects; internal calls work.",
    "category": "incident",
    "severity": 2,
    "product_area": "SIP trunking",
    "a_number": "+41 44 668 18 00",
    "b_number": "+41 58 280 11 11",
    "failed_call_at": "2027-01-05T09:12:00+01:00",
    "failure_reason": "503 Service Unavailable from the carrier",
    "reproducible": True,
    "reproduction_steps": "Dial any PSTN number from extension 201.",
    "how_widespread": "all_users",
    "test_calls_allowed": True,
}


class CallerVerification(BaseModel):
    """The caller's e-mail and the code they read out on the phone (SPEC 4.1.2)."""

    caller_email: EmailStr
    code: str = Field(min_length=4, max_length=20)


class TicketCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": TICKET_EXAMPLE})

    customer_id: uuid.UUID | None = Field(
        default=None, description="Required for staff and partners; a customer's own otherwise"
    )
    subject: str = Field(min_length=1, max_length=300)
    description: str = Field(min_length=1, max_length=100_000)
    category: Category
    severity: Int32 | None = Field(
        default=None, ge=1, description="The proposed severity (1 the most severe)"
    )
    urgency: Rating | None = Field(default=None, description="With a priority matrix")
    impact: Rating | None = Field(default=None, description="With a priority matrix")
    product_area: str | None = Field(default=None, max_length=200)
    a_number: str | None = Field(default=None, max_length=40, description="Calling number")
    b_number: str | None = Field(default=None, max_length=40, description="Called number")
    failed_call_at: Instant | None = None
    failure_reason: str | None = Field(default=None, max_length=2000)
    reproducible: bool | None = None
    reproduction_steps: str | None = Field(default=None, max_length=10_000)
    how_widespread: Widespread | None = None
    test_calls_allowed: bool | None = None
    customer_type: CustomerType | None = Field(
        default=None, description="Defaults to the customer's type"
    )
    about_calls: bool | None = Field(
        default=None,
        description="The incident is about calls; then A-number, B-number and call time are "
        "required. Assumed true when any of them is given. `false` exempts an incident "
        "from the contract's `required_facts`.",
    )
    emergency: bool = Field(
        default=False, description="At least half of the customer's calls fail (SPEC 4.1.4)"
    )
    failing_call_share: float | None = Field(
        default=None, ge=0, le=1, description="Share of calls failing, for an emergency"
    )
    channel: Channel | None = Field(
        default=None,
        description="Staff only: the channel the case came in by (phone, chat, e-mail). "
        "Customers are `portal`, API keys `api`.",
    )
    caller: CallerVerification | None = Field(
        default=None, description="Staff acting for a phone caller: the verified caller"
    )
    external_ref: str | None = Field(
        default=None, max_length=200, description="The partner helpdesk's own reference"
    )


class TicketPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str | None = Field(default=None, min_length=1, max_length=300)
    description: str | None = Field(default=None, min_length=1, max_length=100_000)
    product_area: str | None = Field(default=None, max_length=200)
    assignee_id: uuid.UUID | None = None
    external_ref: str | None = Field(default=None, max_length=200)
    chargeable: bool | None = Field(
        default=None, description="Managers: an emergency that was not one is chargeable"
    )

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class TicketOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    tracking_number: str = Field(examples=["SD-2026-000123"])
    customer_id: uuid.UUID
    contract_id: uuid.UUID
    partner_id: uuid.UUID | None
    external_ref: str | None
    requester_id: uuid.UUID | None
    channel: Channel
    category: Category
    subject: str
    description: str
    severity: int
    proposed_severity: int
    urgency: Rating | None
    impact: Rating | None
    product_area: str | None
    facts: dict[str, Any]
    status: TicketStatus
    outcome: Outcome | None
    outcome_detail: str | None
    patch_due_at: datetime | None
    emergency: bool
    chargeable: bool
    assignee_id: uuid.UUID | None
    operations_centre: str | None
    phone_call_at: datetime | None
    created_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None
    restored_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    withdrawn_at: datetime | None


class TransitionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"to": "resolved", "outcome": "fixed"}},
    )

    to: TicketStatus = Field(description="The target state")
    outcome: Outcome | None = Field(default=None, description="Required to resolve")
    outcome_detail: str | None = Field(default=None, max_length=10_000)
    reason: str | None = Field(default=None, max_length=2000)


class PatchIn(BaseModel):
    """The patch of a critical bug, delivered (SPEC 4, support charter)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"reference": "PBX 7.4.2-hotfix1 (BUG-4711)", "note": "Apply tonight."}
        },
    )
    reference: str = Field(
        min_length=1, max_length=300, description="The patch or release that fixes the bug"
    )
    note: str | None = Field(default=None, max_length=10_000)


class PauseOut(BaseModel):
    start: datetime
    end: datetime | None
    reason: str


class ClockOut(BaseModel):
    metric: str
    minutes: int
    clock: str
    state: Literal["running", "paused", "met", "breached", "not_applicable"] = Field(
        description="not_applicable: the case's severity has no target for this metric now"
    )
    started_at: datetime
    due_at: datetime | None = Field(description="Null while paused or not applicable")
    warn_at: datetime | None
    stopped_at: datetime | None
    breached_at: datetime | None
    counted_seconds: int
    remaining_seconds: int | None = Field(description="Null once stopped; negative when late")
    from_phone_call: bool
    pauses: list[PauseOut]
    not_applicable_at: datetime | None = Field(
        default=None,
        description="When a severity change left this metric without a target (SPEC 3.1)",
    )


class TicketSlaOut(BaseModel):
    ticket_id: uuid.UUID
    severity: int
    calendar_version_id: uuid.UUID
    policy_version_id: uuid.UUID
    clocks: list[ClockOut]


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_id: uuid.UUID
    at: datetime
    kind: str
    actor_id: uuid.UUID | None
    actor_api_key_id: uuid.UUID | None
    actor_role: str
    channel: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None
