"""Inbound e-mail kept aside: quarantined messages and the replies sent about them (SPEC 6).

Nothing received is lost: a message that did not become a ticket or a comment is kept
here with its raw bytes; staff release it (a ticket) or delete it (the row stays, marked).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, IdMixin


class QuarantinedMail(IdMixin, Base):
    __tablename__ = "quarantined_mails"
    __table_args__ = (
        Index("ix_quarantined_mails_state_id", "state", "id"),
        Index("ix_quarantined_mails_reason_id", "reason", "id"),
    )

    received_at: Mapped[datetime]
    mail_from: Mapped[str] = mapped_column(String(320))  # the envelope sender; "" = bounce
    sender: Mapped[str] = mapped_column(String(320))  # the From header's address
    rcpt_to: Mapped[str] = mapped_column(String(2000))  # comma-separated envelope recipients
    subject: Mapped[str] = mapped_column(String(1000))
    message_id: Mapped[str | None] = mapped_column(String(998))
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    # The candidate company when the sender's address or domain is registered.
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))  # held | released | deleted
    replied: Mapped[bool] = mapped_column(default=False)
    released_ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]


class MailReply(Base):
    """The last automatic reply to a sender: at most one a day, so no loop builds up."""

    __tablename__ = "mail_replies"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    last_sent_at: Mapped[datetime]
    count: Mapped[int] = mapped_column(Integer, default=0)
