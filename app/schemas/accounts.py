"""Accounts: sign-up, activation, tokens, the caller's profile."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.domain.actors import Role


class SignupIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {"name": "Lan Nguyen", "email": "lan@acme.vn", "company": "ACME Vietnam"}
        }
    )
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    company: str = Field(min_length=1, max_length=200)


class Accepted(BaseModel):
    detail: str


class ActivateIn(BaseModel):
    token: str = Field(min_length=20, max_length=200)
    password: str = Field(min_length=1, max_length=256)
    name: str | None = Field(default=None, min_length=1, max_length=200)


class LoginForm(BaseModel):
    """The OAuth2 token request (`application/x-www-form-urlencoded`, RFC 6749): the
    `password` grant (`username` is the e-mail address; the default) or the
    `refresh_token` grant (RFC 6749 section 6)."""

    grant_type: Literal["password", "refresh_token"] = "password"
    username: str | None = Field(
        default=None, min_length=1, max_length=320, description="The e-mail address"
    )
    password: str | None = Field(default=None, min_length=1, max_length=256)
    refresh_token: str | None = Field(
        default=None, min_length=20, max_length=200, description="With `refresh_token` grants"
    )
    scope: str = ""


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 (OAuth2 token type, not a secret)
    expires_in: int = Field(description="Seconds until the access token expires")
    refresh_token: str


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=20, max_length=200)


class PasswordResetIn(BaseModel):
    email: EmailStr


class PasswordChangeIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "current_password": "correct horse battery staple",
                "new_password": "a longer passphrase for 2027",
            }
        },
    )
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class PasswordResetConfirmIn(BaseModel):
    token: str = Field(min_length=20, max_length=200)
    password: str = Field(min_length=1, max_length=256)


class PhoneNumber(BaseModel):
    label: str = Field(default="work", max_length=40)
    number: str = Field(min_length=3, max_length=40)


class NotificationPreferences(BaseModel):
    email_ticket_updates: bool = True
    email_public_comments: bool = True
    email_sla_warnings: bool = True
    email_escalations: bool = True


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    name: str
    role: Role
    customer_id: uuid.UUID | None
    partner_id: uuid.UUID | None
    is_active: bool
    phone_numbers: list[PhoneNumber]
    timezone: str
    notification_preferences: NotificationPreferences
    created_at: datetime
    updated_at: datetime


class MePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone_numbers: list[PhoneNumber] | None = Field(default=None, max_length=10)
    timezone: str | None = Field(default=None, description="IANA time zone, e.g. Europe/Zurich")
    notification_preferences: NotificationPreferences | None = None

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, mode="json")
