"""Values as the API writes them in JSON that is not a response model (webhook bodies,
the change feed's `data`): ISO 8601 UTC instants with `Z`, UUIDs as strings."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import Any


def instant(value: datetime) -> str:
    """`2026-11-26T01:35:49.969803Z`, like every instant the API answers."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def wire(value: Any) -> Any:
    """JSON-ready, recursively."""
    if isinstance(value, datetime):
        return instant(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): wire(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [wire(v) for v in value]
    return value
