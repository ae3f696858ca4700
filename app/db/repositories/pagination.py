"""Keyset (cursor) pagination shared by every list (SPEC 8)."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.errors import InvalidField

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidField("cursor", "the cursor is not one this service issued") from exc
    if not isinstance(values, list):
        raise InvalidField("cursor", "the cursor is not one this service issued")
    return values


async def page_by_id(
    session: AsyncSession, stmt: Select[Any], id_column: Any, limit: int, cursor: str | None
) -> Page[Any]:
    """Rows in id order (UUIDv7: creation order), newest last; stable under inserts."""
    if cursor:
        (last,) = decode_cursor(cursor) or [None]
        try:
            stmt = stmt.where(id_column > uuid.UUID(str(last)))
        except ValueError as exc:
            raise InvalidField("cursor", "the cursor is not one this service issued") from exc
    rows = list((await session.execute(stmt.order_by(id_column).limit(limit + 1))).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor([str(rows[-1].id)]) if more and rows else None
    return Page(rows, next_cursor)
