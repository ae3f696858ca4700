"""Customers, partners, their users, registered domains and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from app.domain.actors import Role
from app.domain.ticket_fields import CustomerType, HowWidespread


class CustomerIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "name": "ACME Vietnam",
                "customer_type": "enterprise",
                "domains": ["acme.vn"],
            }
        }
    )
    name: str = Field(min_length=1, max_length=200)
    customer_type: CustomerType
    partner_id: uuid.UUID | None = None
    domains: list[str] = Field(default_factory=list, max_length=50)
    how_widespread: HowWidespread | None = Field(
        default=None, description="A case's default when it does not say"
    )
    test_calls_allowed: bool | None = Field(
        default=None, description="A case's default when it does not say"
    )


class CustomerPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=200)
    customer_type: CustomerType | None = None
    partner_id: uuid.UUID | None = None
    how_widespread: HowWidespread | None = None
    test_calls_allowed: bool | None = None

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class CustomerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    name: str
    customer_type: CustomerType
    partner_id: uuid.UUID | None
    how_widespread: HowWidespread | None = None
    test_calls_allowed: bool | None = None
    created_at: datetime
    updated_at: datetime


class DomainIn(BaseModel):
    """Either a whole domain, or one explicitly registered address."""

    domain: str | None = Field(default=None, min_length=3, max_length=253, examples=["acme.vn"])
    address: EmailStr | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DomainIn:
        if (self.domain is None) == (self.address is None):
            raise ValueError("give either `domain` or `address`")
        return self


class DomainOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    customer_id: uuid.UUID
    kind: str
    value: str
    created_at: datetime
    status: Literal["verified", "pending"] = Field(
        description="`pending`: a customer administrator's domain claim that vendor staff "
        "have not approved yet; it admits no sign-ups until then"
    )


class UserIn(BaseModel):
    """A user invited by an administrator; they get an activation e-mail."""

    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    role: Role


class PartnerIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    helpdesk_email: EmailStr | None = None
    helpdesk_url: str | None = Field(default=None, max_length=500)


class PartnerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    name: str
    helpdesk_email: str | None
    helpdesk_url: str | None
    created_at: datetime


class ApiKeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=200, examples=["Zendesk bridge"])


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    partner_id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The secret: shown once, send it as `X-API-Key`.")
