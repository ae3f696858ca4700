"""Every table, imported so that `Base.metadata` is complete (Alembic, tests)."""

from app.db.models.accounts import ApiKey, LoginThrottle, OneTimeToken, RefreshToken, User
from app.db.models.base import Base
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

__all__ = [
    "ApiKey",
    "Base",
    "Calendar",
    "CalendarVersion",
    "ConfigChange",
    "Contract",
    "Customer",
    "CustomerDomain",
    "LoginThrottle",
    "OneTimeToken",
    "OutboxMessage",
    "Partner",
    "RefreshToken",
    "SlaPolicy",
    "SlaPolicyVersion",
    "User",
]
