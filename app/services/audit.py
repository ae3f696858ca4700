"""The audit trail's JSON form of values (SPEC 4). Events are written by
`app.services.ticket_changes.record` only."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """Datetimes, UUIDs and enums as JSON-ready values, recursively."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "value"):  # enums
        return value.value
    return value
