"""Every table, imported so that `Base.metadata` is complete (Alembic, tests)."""

from app.db.models.accounts import (
    ApiKey,
    LoginClient,
    LoginThrottle,
    OneTimeToken,
    RefreshToken,
    User,
)
from app.db.models.base import Base
from app.db.models.cache import CacheStamp
from app.db.models.changes import TicketChange
from app.db.models.escalations import Escalation
from app.db.models.idempotency import IdempotencyKey
from app.db.models.inbound_mail import MailReply, QuarantinedMail
from app.db.models.organisations import Customer, CustomerDomain, Partner
from app.db.models.outbox import OutboxMessage
from app.db.models.sla_config import (
    Calendar,
    CalendarVersion,
    ConfigChange,
    Contract,
    SlaPolicy,
    SlaPolicyVersion,
)
from app.db.models.tickets import (
    Attachment,
    Call,
    CallVerification,
    Comment,
    SeverityChange,
    Ticket,
    TicketClock,
    TicketEvent,
    TrackingCounter,
)
from app.db.models.webhooks import WebhookDelivery, WebhookSubscription

__all__ = [
    "ApiKey",
    "Attachment",
    "Base",
    "CacheStamp",
    "Calendar",
    "CalendarVersion",
    "Call",
    "CallVerification",
    "Comment",
    "ConfigChange",
    "Contract",
    "Customer",
    "CustomerDomain",
    "Escalation",
    "IdempotencyKey",
    "LoginClient",
    "LoginThrottle",
    "MailReply",
    "OneTimeToken",
    "OutboxMessage",
    "Partner",
    "QuarantinedMail",
    "RefreshToken",
    "SeverityChange",
    "SlaPolicy",
    "SlaPolicyVersion",
    "Ticket",
    "TicketChange",
    "TicketClock",
    "TicketEvent",
    "TrackingCounter",
    "User",
    "WebhookDelivery",
    "WebhookSubscription",
]
