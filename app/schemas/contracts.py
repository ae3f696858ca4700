"""Contracts (customer maintenance agreements) and presets (SPEC 3, 9)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.domain.contracts import Channel
from app.domain.ticket_fields import Fact
from app.schemas.common import Instant, Int32

ManagerRole = Literal[
    "support_manager", "customer_service_manager", "regional_ops_manager", "director"
]
PHONE = r"^\+?[0-9][0-9 ()./-]{3,30}$"
MAILBOX = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

CONTRACT_EXAMPLE: dict[str, Any] = {
    "customer_id": "0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f",
    "support_level": "Premium",
    "sla_policy_id": "0193b5c2-8a00-7b11-8c22-3d4e5f607182",
    "calendar_id": "0193b5c2-8b00-7c33-9d44-5e6f70819203",
    "valid_from": "2027-01-01T00:00:00+07:00",
    "valid_to": None,
    "channels": ["portal", "email", "phone"],
    "escalation_chain": [
        {
            "level": 1,
            "role": "regional_ops_manager",
            "contacts": [
                {"name": "Minh Tran", "email": "minh@vendor.com", "phone": "+84 28 1234 5678"}
            ],
        },
        {"level": 2, "role": "director", "contacts": [{"name": "Eva Keller"}]},
    ],
    "update_interval_minutes": 120,
    "reopen_window_days": 14,
    "auto_close_days": 7,
    "emergency_address": None,
    "description": "24/7 hotline for class 1 and 2 faults.",
    "required_facts": ["a_number", "b_number", "failed_call_at", "failure_reason"],
    "on_call_address": "oncall@vendor.com",
}
REQUIRED_FACTS_HELP = (
    "The facts every incident under this contract must state (a portal builds its form "
    "from this list); a case that says it is not about calls (`about_calls: false`) is exempt"
)
ON_CALL_HELP = "Paged by e-mail for an emergency case; else the deployment's on-call address"


class ContactDoc(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, pattern=PHONE)


class EscalationLevelDoc(BaseModel):
    """One level of the chain; levels are 1..N in order (SPEC 5)."""

    model_config = ConfigDict(extra="forbid")
    level: Int32 = Field(ge=1)
    role: ManagerRole
    title: str | None = Field(
        default=None,
        max_length=200,
        description="The agreement's own name for the role, e.g. 'Regional Director'",
    )
    contacts: list[ContactDoc] = Field(default_factory=list, max_length=20)
    # Not EmailStr: the deployment's own domain may be a special-use one (`.localhost`).
    mailbox: str | None = Field(
        default=None,
        max_length=320,
        pattern=MAILBOX,
        description=(
            "The role mailbox this level publishes. Mail to it through the e-mail gateway "
            "from a user who may see the case, quoting its tracking number, opens a "
            "written escalation at this level (README: escalation by e-mail)."
        ),
    )


class ContractIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": CONTRACT_EXAMPLE})
    customer_id: uuid.UUID
    support_level: str = Field(min_length=1, max_length=100)
    sla_policy_id: uuid.UUID
    calendar_id: uuid.UUID
    valid_from: Instant
    valid_to: Instant | None = Field(default=None, description="Exclusive; null: open")
    channels: list[Channel] = Field(min_length=1, max_length=5)
    escalation_chain: list[EscalationLevelDoc] = Field(default_factory=list, max_length=10)
    update_interval_minutes: Int32 | None = Field(
        default=None, ge=1, description="The longest gap between updates on severe cases"
    )
    reopen_window_days: int = Field(default=14, ge=0, le=365)
    auto_close_days: int = Field(default=7, ge=1, le=365)
    emergency_address: EmailStr | None = None
    description: str = Field(default="", max_length=4000)
    required_facts: list[Fact] = Field(
        default_factory=list, max_length=len(Fact), description=REQUIRED_FACTS_HELP
    )
    on_call_address: EmailStr | None = Field(default=None, description=ON_CALL_HELP)


class ContractPatch(BaseModel):
    """Only the fields given change; `reason` is recorded with the change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"valid_to": "2028-01-01T00:00:00+07:00", "reason": "renewal not signed"}
        },
    )
    support_level: str | None = Field(default=None, min_length=1, max_length=100)
    sla_policy_id: uuid.UUID | None = None
    calendar_id: uuid.UUID | None = None
    valid_from: Instant | None = None
    valid_to: Instant | None = None
    channels: list[Channel] | None = Field(default=None, min_length=1, max_length=5)
    escalation_chain: list[EscalationLevelDoc] | None = Field(default=None, max_length=10)
    update_interval_minutes: Int32 | None = Field(default=None, ge=1)
    reopen_window_days: int | None = Field(default=None, ge=0, le=365)
    auto_close_days: int | None = Field(default=None, ge=1, le=365)
    emergency_address: EmailStr | None = None
    description: str | None = Field(default=None, max_length=4000)
    required_facts: list[Fact] | None = Field(
        default=None, max_length=len(Fact), description=REQUIRED_FACTS_HELP
    )
    on_call_address: EmailStr | None = Field(default=None, description=ON_CALL_HELP)
    reason: str | None = Field(default=None, max_length=2000)

    def changes(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True, exclude={"reason"})


class ContractOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    customer_id: uuid.UUID
    support_level: str
    sla_policy_id: uuid.UUID
    calendar_id: uuid.UUID
    valid_from: datetime
    valid_to: datetime | None
    channels: list[Channel]
    escalation_chain: list[EscalationLevelDoc]
    update_interval_minutes: int | None
    reopen_window_days: int
    auto_close_days: int
    emergency_address: str | None
    description: str
    required_facts: list[Fact] = Field(description=REQUIRED_FACTS_HELP)
    on_call_address: str | None
    created_at: datetime
    updated_at: datetime


class PresetParameterOut(BaseModel):
    name: str = Field(examples=["timezone"])
    description: str
    default: str | None = Field(examples=["Europe/Brussels"])


class PresetOut(BaseModel):
    name: str = Field(examples=["aarenet-standard"])
    title: str
    description: str
    parameters: list[PresetParameterOut] = Field(
        description="What `apply` accepts besides `customer_id` (periods local to the customer)"
    )


class PresetApplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    customer_id: uuid.UUID | None = Field(
        default=None, description="When given, an example contract is created for this customer"
    )
    timezone: str | None = Field(
        default=None,
        max_length=64,
        examples=["Europe/Berlin"],
        description="The customer's IANA time zone, for presets whose periods are local to "
        "the customer (see the preset's `parameters`)",
    )
    country: str | None = Field(
        default=None,
        max_length=8,
        examples=["DE"],
        description="The customer's country (ISO 3166-1 alpha-2) for local public holidays",
    )
    subdivision: str | None = Field(
        default=None,
        max_length=16,
        examples=["BY"],
        description="The state or province within `country`, for regional holidays",
    )

    def preset_arguments(self) -> dict[str, str]:
        """The preset parameters given; an absent or null one keeps the preset's default."""
        names = ("timezone", "country", "subdivision")
        return {n: v for n in names if (v := getattr(self, n)) is not None}


class PresetApplied(BaseModel):
    preset: str
    calendar_id: uuid.UUID
    sla_policy_id: uuid.UUID
    contract_id: uuid.UUID | None
