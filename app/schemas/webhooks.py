"""Webhook subscriptions and their delivery log."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, computed_field

from app.domain.webhooks import REPLAY_MAX_EVENTS, EventType, OwnerKind

SEQ_MAX = 2**63 - 1  # a change-feed position is a 64-bit integer


class WebhookIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "url": "https://helpdesk.partner.example/supportdesk/events",
                "events": ["ticket.created", "ticket.state_changed", "sla.breached"],
                "description": "Mirror cases into our helpdesk",
            }
        },
    )
    url: str = Field(min_length=1, max_length=2000, description="Where events are POSTed")
    events: list[EventType] = Field(min_length=1, max_length=len(EventType))
    description: str | None = Field(default=None, max_length=200)
    contact_email: EmailStr | None = Field(
        default=None,
        description="Told by e-mail if the subscription is disabled after repeated failures "
        "(default: the caller, or the partner's helpdesk address for an API key)",
    )


class WebhookPatch(BaseModel):
    """Only the fields given change. `{"is_active": true}` re-enables a disabled
    subscription (its failure count starts again from zero); a new `url` is checked as
    at creation."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"is_active": True}})
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    events: list[EventType] | None = Field(default=None, min_length=1, max_length=len(EventType))
    description: str | None = Field(default=None, max_length=200)
    contact_email: EmailStr | None = None
    is_active: bool | None = Field(
        default=None, description="true re-enables a disabled subscription; false pauses it"
    )


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    customer_id: uuid.UUID | None
    partner_id: uuid.UUID | None
    url: str
    events: list[EventType]
    description: str | None
    contact_email: str
    secret_prefix: str = Field(description="The first characters of the signing secret")
    previous_secret_until: datetime | None = Field(
        description="After a rotation: until when the previous secret signs too"
    )
    is_active: bool = Field(description="False once disabled after repeated failures")
    consecutive_failures: int
    disabled_at: datetime | None
    created_at: datetime

    @computed_field(description="`vendor` subscriptions hear about every customer")  # type: ignore[prop-decorator]
    @property
    def owner(self) -> OwnerKind:
        if self.partner_id is not None:
            return OwnerKind.PARTNER
        return OwnerKind.CUSTOMER if self.customer_id is not None else OwnerKind.VENDOR


class WebhookCreated(WebhookOut):
    secret: str = Field(
        description="The Standard Webhooks signing secret (`whsec_<base64 key>`). Shown in "
        "this answer only: store it."
    )


class WebhookSecretRotated(WebhookCreated):
    """The new secret, shown once. Until `previous_secret_until` deliveries carry both
    signatures (`v1,<new> v1,<old>`), so the receiver can switch at its own pace."""


class WebhookTestQueued(BaseModel):
    """The ping is queued: it travels like any event (outbox, signing, retries, the
    delivery log), as `webhook.test`."""

    delivery_id: uuid.UUID = Field(description="Sent as `webhook-id`; see the delivery log")
    event_id: uuid.UUID
    event_type: str = Field(description="Always `webhook.test`")


class WebhookReplayIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"after_seq": 1041}})
    after_seq: int = Field(
        ge=0,
        le=SEQ_MAX,
        description="Replay the changes after this change-feed position (`seq`): the last "
        "one the receiver processed, or 0 for all",
    )
    limit: int = Field(
        default=REPLAY_MAX_EVENTS,
        ge=1,
        le=REPLAY_MAX_EVENTS,
        description="At most this many events per call; continue from `last_seq`",
    )


class WebhookReplayQueued(BaseModel):
    """The events are queued for this subscription only, each as it was first sent (the
    same body, `id` and `seq`) with the same `webhook-id`, and appear in the delivery log."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"queued": 3, "after_seq": 1041, "last_seq": 1187, "more": False}
        }
    )
    queued: int = Field(description="How many events were queued")
    after_seq: int
    last_seq: int = Field(
        description="The feed position the replay reached: call again with it as `after_seq`"
    )
    more: bool = Field(
        description="True when `limit` stopped the replay with events left: call again"
    )


class WebhookDeliveryOut(BaseModel):
    """One delivery attempt. Retries of one event share `delivery_id`."""

    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    delivery_id: uuid.UUID = Field(description="Sent as `webhook-id`")
    event_id: uuid.UUID
    event_type: str = Field(description="An event type, or `webhook.test` for a ping")
    attempt: int
    status_code: int | None = Field(description="The receiver's HTTP status; null if none")
    error: str | None
    succeeded: bool
    duration_ms: int
    attempted_at: datetime
