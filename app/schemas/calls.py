"""Caller verification codes and verified phone calls (SPEC 4.1.2)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class CallVerificationOut(BaseModel):
    code: str = Field(description="Read it out to the support engineer", examples=["K7PX-2M9Q"])
    expires_at: datetime


class CallIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "caller_email": "lan@acme.com",
                "code": "K7PX-2M9Q",
                "notes": "Caller confirms all PSTN calls fail since 09:10.",
            }
        },
    )
    caller_email: EmailStr
    code: str = Field(min_length=4, max_length=20)
    notes: str = Field(default="", max_length=10_000)


class CallOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    ticket_id: uuid.UUID
    caller_id: uuid.UUID
    agent_id: uuid.UUID | None
    called_at: datetime
    notes: str
