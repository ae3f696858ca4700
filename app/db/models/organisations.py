"""Partners, customers and their registered e-mail domains (SPEC 1, 3)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin


class Partner(IdMixin, Base):
    __tablename__ = "partners"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    helpdesk_email: Mapped[str | None] = mapped_column(String(320))
    helpdesk_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]


class Customer(IdMixin, Base):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    customer_type: Mapped[str] = mapped_column(String(20))
    # Standing facts for its cases (issue 13.6): how widespread a fault usually is and
    # whether support may make test calls; a case may say otherwise.
    how_widespread: Mapped[str | None] = mapped_column(String(20))
    test_calls_allowed: Mapped[bool | None] = mapped_column(Boolean)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CustomerDomain(IdMixin, Base):
    """A registered e-mail domain (`example.com`) or single address (`ops@gmail.com`)."""

    __tablename__ = "customer_domains"
    __table_args__ = (UniqueConstraint("value"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # "domain" | "address"
    value: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime]
    # "verified" admits sign-ups and mail; "pending" is a customer admin's domain claim
    # that vendor staff have not yet approved (issue 11, point 3).
    status: Mapped[str] = mapped_column(String(10), default="verified", server_default="verified")
