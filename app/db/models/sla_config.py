"""Calendars, SLA policies (versioned, immutable once written), contracts and their audit.

A calendar or policy is a stable row plus one row per version: an edit adds a
version, so a ticket measured against version N keeps its due times (SPEC 3, Versions).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin, JSONType


class Calendar(IdMixin, Base):
    __tablename__ = "calendars"

    name: Mapped[str] = mapped_column(String(200))
    current_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CalendarVersion(IdMixin, Base):
    """One immutable Appendix A calendar document."""

    __tablename__ = "calendar_versions"
    __table_args__ = (UniqueConstraint("calendar_id", "version"),)

    calendar_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("calendars.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class SlaPolicy(IdMixin, Base):
    __tablename__ = "sla_policies"

    name: Mapped[str] = mapped_column(String(200))
    current_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SlaPolicyVersion(IdMixin, Base):
    """One immutable Appendix A policy document."""

    __tablename__ = "sla_policy_versions"
    __table_args__ = (UniqueConstraint("sla_policy_id", "version"),)

    sla_policy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sla_policies.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Contract(IdMixin, Base):
    """The customer maintenance agreement: valid over `[valid_from, valid_to)` (SPEC 3)."""

    __tablename__ = "contracts"
    __table_args__ = (Index("ix_contracts_customer_valid_from", "customer_id", "valid_from"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"))
    support_level: Mapped[str] = mapped_column(String(100))
    sla_policy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sla_policies.id", ondelete="RESTRICT"), index=True
    )
    calendar_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("calendars.id", ondelete="RESTRICT"), index=True
    )
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime | None]
    channels: Mapped[list[str]] = mapped_column(JSONType)
    # Ordered levels: {"level", "role", "contacts": [{"name", "email", "phone"}]}.
    escalation_chain: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    update_interval_minutes: Mapped[int | None] = mapped_column(Integer)
    reopen_window_days: Mapped[int] = mapped_column(Integer, default=14)
    auto_close_days: Mapped[int] = mapped_column(Integer, default=7)
    emergency_address: Mapped[str | None] = mapped_column(String(320))
    description: Mapped[str] = mapped_column(Text, default="")
    # The facts an incident under this contract must state (Aarenet: A/B number, call
    # time, failure reason), and who is paged for an emergency (SPEC 4.1.4).
    required_facts: Mapped[list[str]] = mapped_column(JSONType, default=list)
    on_call_address: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ConfigChange(IdMixin, Base):
    """Who changed which configuration, why, and what it was before/after. Append-only."""

    __tablename__ = "config_changes"
    __table_args__ = (Index("ix_config_changes_entity", "entity_kind", "entity_id"),)

    entity_kind: Mapped[str] = mapped_column(String(30))  # calendar | sla_policy | contract
    entity_id: Mapped[uuid.UUID]
    version: Mapped[int | None] = mapped_column(Integer)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    at: Mapped[datetime]
