"""Readers for plain JSON documents that name the wrong field (SPEC 8, Appendix A).

Calendars and SLA policies arrive as plain dicts; each reader raises the given
`InvalidField` subclass with a path such as `shifts[0].hours[1].end`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.errors import InvalidField

Document = Mapping[str, Any]


def mapping(value: object, path: str, error: type[InvalidField]) -> Document:
    if not isinstance(value, Mapping):
        raise error(path or "$", "must be an object")
    return value


def sequence(value: object, path: str, error: type[InvalidField]) -> Sequence[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise error(path, "must be a list")
    return value


def text(value: object, path: str, error: type[InvalidField]) -> str:
    if not isinstance(value, str):
        raise error(path, "must be a string")
    return value


def integer(value: object, path: str, error: type[InvalidField], *, minimum: int = 0) -> int:
    # bool is an int in Python but never a count of minutes in JSON
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(path, "must be an integer")
    if value < minimum:
        raise error(path, f"must be at least {minimum}")
    return value


def required(document: Document, key: str, path: str, error: type[InvalidField]) -> Any:
    if key not in document:
        raise error(join(path, key), "is required")
    return document[key]


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key
