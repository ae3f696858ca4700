"""Escalations of tickets up the contract's chain (SPEC 5)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin, JSONType


class Escalation(IdMixin, Base):
    """A written escalation, addressed to one level of the chain.

    `customer_id` repeats the ticket's so that tenancy and the managers' queue filter
    without a join; `source_key` makes automatic escalations idempotent (a second
    monitor, or a re-run, finds the key taken)."""

    __tablename__ = "escalations"
    __table_args__ = (
        Index("ix_escalations_ticket_id_id", "ticket_id", "id"),
        Index("ix_escalations_customer_id_id", "customer_id", "id"),
        Index("ix_escalations_state_id", "state", "id"),
        Index("ix_escalations_level_id", "level", "id"),
        Index("ix_escalations_addressed_role_id", "addressed_role", "id"),
        Index("ix_escalations_updated_at_id", "updated_at", "id"),  # `updated_since`
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    level: Mapped[int] = mapped_column(Integer)
    addressed_role: Mapped[str] = mapped_column(String(40))
    # The chain level's named contacts when opened: [{name, email, phone}, …].
    contacts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    reason: Mapped[str] = mapped_column(String(40))
    business_impact: Mapped[str] = mapped_column(Text)
    progress_to_date: Mapped[str] = mapped_column(Text)
    related_cases: Mapped[list[str]] = mapped_column(JSONType, default=list)
    state: Mapped[str] = mapped_column(String(20))  # open | acknowledged | resolved
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    acknowledge_due_at: Mapped[datetime]
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None]
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]  # opened, acknowledged or resolved: the latest
