"""Quarantined inbound mail (SPEC 6, Appendix B): what staff see, release and delete."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

Reason = Literal[
    "auto_reply",
    "bounce",
    "loop",
    "unregistered_sender",
    "no_account",
    "partner_first",
    "rejected",
    "attachments_kept",
    "unauthenticated",
    "escalation_unknown_sender",
    "escalation_no_case",
    "escalation_case_closed",
    "escalation_refused",
]
State = Literal["held", "released", "deleted"]

REASONS_DOC = (
    "Why the message was kept: `auto_reply`, `bounce` and `loop` are machine mail (never "
    "answered); `unregistered_sender` (no customer has the address or domain), `no_account` "
    "(a registered company, but the address's user may not write: disabled, or of another "
    "organisation; an address without a user raises the case as an e-mail contact), "
    "`partner_first` (the customer raises cases "
    "through its partner), `rejected` (a process rule refused the case: see `detail`), "
    "`attachments_kept` (the case was raised; attachments it refused stay in the message), "
    "`unauthenticated` (a registered sender's address that the receiving mail server did not "
    "authenticate by DMARC, DKIM or SPF: never answered; see `detail`); "
    "mail to an escalation level's mailbox that opened no escalation: "
    "`escalation_unknown_sender` (not a user who may write), `escalation_no_case` (no "
    "tracking number, or no case the sender may see), `escalation_case_closed`, "
    "`escalation_refused` (another escalation rule: see `detail`)."
)


class QuarantinedMailOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    received_at: datetime
    mail_from: str = Field(description="The envelope sender; empty for a bounce")
    sender: str = Field(description="The From header's address")
    rcpt_to: list[str]
    subject: str
    message_id: str | None
    reason: Reason = Field(description=REASONS_DOC)
    detail: str | None
    customer_id: uuid.UUID | None = Field(
        description="The company whose address or domain matched, if any"
    )
    size: int = Field(description="Size of the raw message in bytes")
    state: State
    replied: bool = Field(description="Whether the sender was sent an explanation")
    released_ticket_id: uuid.UUID | None
    decided_by: uuid.UUID | None
    decided_at: datetime | None

    @field_validator("rcpt_to", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return [r for r in value.split(",") if r] if isinstance(value, str) else value


class MailAttachmentOut(BaseModel):
    filename: str
    content_type: str
    size: int


class QuarantinedMailDetail(QuarantinedMailOut):
    text: str = Field(description="The text body (HTML converted to text)")
    attachments: list[MailAttachmentOut]


class ReleaseIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "customer_id": "0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f",
                "requester_email": "lan@acme.com",
            }
        },
    )

    customer_id: uuid.UUID = Field(description="The customer the case is raised for")
    requester_email: EmailStr | None = Field(
        default=None,
        description="An active user of that customer to raise the case as; without it "
        "the releasing staff member raises it for the customer.",
    )


class ReleasedOut(BaseModel):
    mail: QuarantinedMailOut
    ticket_id: uuid.UUID
    tracking_number: str
