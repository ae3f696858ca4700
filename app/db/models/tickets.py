"""Tickets, their SLA clocks, audit events, comments, attachments, severity changes
and verified calls (SPEC 4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin, JSONType


class TrackingCounter(Base):
    """The last tracking number issued per year; incremented atomically (SD-2026-000123)."""

    __tablename__ = "tracking_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Ticket(IdMixin, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("partner_id", "external_ref"),
        Index("ix_tickets_customer_id_id", "customer_id", "id"),
        Index("ix_tickets_status_id", "status", "id"),
        Index("ix_tickets_severity_id", "severity", "id"),
        Index("ix_tickets_assignee_id_id", "assignee_id", "id"),
        Index("ix_tickets_operations_centre", "operations_centre"),
        # Keyset lists (issue 9): one index per sort key, and per sort key within a
        # customer (a partner's scope is its customers'), each ending in the id tie-break.
        Index("ix_tickets_created_at_id", "created_at", "id"),
        Index("ix_tickets_updated_at_id", "updated_at", "id"),
        Index("ix_tickets_customer_id_created_at_id", "customer_id", "created_at", "id"),
        Index("ix_tickets_customer_id_updated_at_id", "customer_id", "updated_at", "id"),
        Index("ix_tickets_customer_id_severity_id", "customer_id", "severity", "id"),
    )
    # The tracking number may be computed by the INSERT itself (a PostgreSQL sequence,
    # app/db/repositories/tickets.py): RETURNING hands it back with the row.
    __mapper_args__ = {"eager_defaults": True}

    tracking_number: Mapped[str] = mapped_column(
        String(20), unique=True, server_default=FetchedValue()
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    calendar_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("calendar_versions.id"))
    policy_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sla_policy_versions.id"))
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"))
    external_ref: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    requester_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[int] = mapped_column(Integer)
    proposed_severity: Mapped[int] = mapped_column(Integer)
    urgency: Mapped[str | None] = mapped_column(String(10))
    impact: Mapped[str | None] = mapped_column(String(10))
    product_area: Mapped[str | None] = mapped_column(String(200))
    # The telephony facts support asks for (A/B numbers in E.164, call time, …).
    facts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    status: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str | None] = mapped_column(String(30))
    outcome_detail: Mapped[str | None] = mapped_column(Text)
    patch_due_at: Mapped[datetime | None]
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    chargeable: Mapped[bool] = mapped_column(Boolean, default=False)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    operations_centre: Mapped[str | None] = mapped_column(String(200))
    phone_call_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    restored_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]


class TicketClock(IdMixin, Base):
    """One SLA target's live clock. `due_at`/`warn_at` are stored so the monitor's
    "breached now" and "due within the hour" are index range scans (SPEC 3.1)."""

    __tablename__ = "ticket_clocks"
    __table_args__ = (
        UniqueConstraint("ticket_id", "metric"),
        Index("ix_ticket_clocks_state_due_at", "state", "due_at"),
        Index("ix_ticket_clocks_state_warn_at", "state", "warn_at"),
        # The SLA report's grouping order; on PostgreSQL it holds all the report reads (a
        # year's clocks: one index-only scan, no sort) …
        Index(
            "ix_ticket_clocks_report",
            "metric",
            "ticket_severity",
            "ticket_created_at",
            postgresql_include=["state", "counted_seconds", "stopped_at"],
        ),
        # … and a short period's clocks (a month), found by their range instead.
        Index("ix_ticket_clocks_ticket_created_at", "ticket_created_at"),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    clock: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime]
    # running | paused | met | breached | not_applicable
    state: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime | None]
    warn_at: Mapped[datetime | None]
    # When the event (first response, workaround, resolution) happened: met or late.
    stopped_at: Mapped[datetime | None]
    breached_at: Mapped[datetime | None]
    warned_at: Mapped[datetime | None]
    from_phone_call: Mapped[bool] = mapped_column(Boolean, default=False)
    # The verified call's basis (SPEC 3 `after_phone_call`): its instant and minutes.
    phone_call_at: Mapped[datetime | None]
    phone_call_minutes: Mapped[int | None] = mapped_column(Integer)
    # Counted clock time from start to `stopped_at`, for the compliance report.
    counted_seconds: Mapped[int | None] = mapped_column(Integer)
    # [[start, end-or-null, reason], …] in ISO 8601 UTC.
    pauses: Mapped[list[list[Any]]] = mapped_column(JSONType, default=list)
    updated_at: Mapped[datetime]
    # When a severity change left the metric without a target (SPEC 3.1): set aside.
    not_applicable_at: Mapped[datetime | None]
    # Copies of the ticket's severity and creation instant, for the SLA report (no join):
    # written by the database's triggers on insert and on every change of the ticket's
    # (migration 0016), never by the application.
    ticket_severity: Mapped[int | None] = mapped_column(Integer, server_default=FetchedValue())
    ticket_created_at: Mapped[datetime | None] = mapped_column(server_default=FetchedValue())


class TicketEvent(IdMixin, Base):
    """The audit trail: append-only, never updated or deleted (SPEC 4)."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_id_id", "ticket_id", "id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="RESTRICT"))
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(50))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    actor_api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    actor_role: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    reason: Mapped[str | None] = mapped_column(Text)


class Comment(IdMixin, Base):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_ticket_id_id", "ticket_id", "id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    author_role: Mapped[str] = mapped_column(String(40))
    visibility: Mapped[str] = mapped_column(String(20))  # public | internal
    channel: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Attachment(IdMixin, Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_ticket_id_id", "ticket_id", "id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    comment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("comments.id"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(500))
    visibility: Mapped[str] = mapped_column(String(20), default="public")
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    uploaded_role: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]


class SeverityChange(IdMixin, Base):
    """A proposed severity change and how it was answered (SPEC 4.1.1)."""

    __tablename__ = "severity_changes"
    __table_args__ = (Index("ix_severity_changes_ticket_id_id", "ticket_id", "id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    from_level: Mapped[int] = mapped_column(Integer)
    to_level: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))  # proposal | reclassification
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    proposed_side: Mapped[str] = mapped_column(String(20))
    answered_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None]
    answer_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_level: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class CallVerification(IdMixin, Base):
    """A short-lived, single-use code a caller reads out to prove who they are (SPEC 4.1.2)."""

    __tablename__ = "call_verifications"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(64), index=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class Call(IdMixin, Base):
    """A verified phone call recorded on a ticket."""

    __tablename__ = "calls"
    __table_args__ = (Index("ix_calls_ticket_id_id", "ticket_id", "id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    verification_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_verifications.id"))
    caller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    called_at: Mapped[datetime]
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
