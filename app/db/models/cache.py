"""The stamps that tell every API process whether its caches are still current."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base


class CacheStamp(Base):
    """One row per kind of cached thing (`identity`, `contracts`, `webhooks`): a new
    random stamp is written in the transaction of every change to what that kind caches
    (app/db/cache.py). A random value, not a counter, so a wiped table (tests truncate)
    can never repeat a stamp a process cached under."""

    __tablename__ = "cache_stamps"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(32))
