"""The change feed: one row per recorded change to a case, in commit order (issue 10).

`seq` is assigned just before COMMIT under a lock (see `ChangeRepository.write_pending`),
so a reader that has seen `seq = n` can never later find a smaller one appear.
No foreign keys: the feed is a log that outlives nothing it names, and its insert takes
no lock on the rows it points at while the feed's lock is held.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, JSONType

# An INTEGER PRIMARY KEY on SQLite is the rowid: `max(seq)` is one B-tree step.
SeqType = BigInteger().with_variant(Integer(), "sqlite")


class TicketChange(Base):
    __tablename__ = "ticket_changes"
    __table_args__ = (Index("ix_ticket_changes_customer_id_seq", "customer_id", "seq"),)

    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=False)
    id: Mapped[uuid.UUID] = mapped_column(unique=True)
    type: Mapped[str] = mapped_column(String(50))
    occurred_at: Mapped[datetime]
    ticket_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID]
    tracking_number: Mapped[str] = mapped_column(String(20))
    external_ref: Mapped[str | None] = mapped_column(String(200))
    actor: Mapped[dict[str, Any]] = mapped_column(JSONType)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # An internal note (or upload): only staff see its row (SPEC 4).
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
