"""The outbox: messages written in the same transaction as the change (SPEC 6)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin, JSONType


class OutboxMessage(IdMixin, Base):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_finished", "status", "created_at"),  # retention
    )

    kind: Mapped[str] = mapped_column(String(20))  # "email" | "webhook"
    # The lane it travels in (`app.domain.delivery.destination_of`): bounded per lane.
    destination: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sent|dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    locked_by: Mapped[str | None] = mapped_column(String(80))
    locked_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
