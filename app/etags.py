"""Strong `ETag`s and `If-Match` for every resource that can be edited (SPEC 8).

The entity tag is a digest of the resource's JSON representation, so it changes exactly
when what a client would GET changes. An edit's `If-Match` is checked by the use case
against the resource it has loaded and locked, inside the edit's own transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Response
from pydantic import BaseModel

from app.domain.preconditions import (
    Precondition,
    PreconditionFailed,
    PreconditionRequired,
    unconditional,
)

M = TypeVar("M", bound=BaseModel)


def etag_of(representation: BaseModel) -> str:
    digest = hashlib.sha256(representation.model_dump_json().encode()).hexdigest()
    return f'"{digest[:32]}"'


def tagged(response: Response, representation: M) -> M:
    """Sets the representation's `ETag` on the answer and hands the representation on."""
    response.headers["ETag"] = etag_of(representation)
    return representation


def parse_if_match(value: str | None) -> frozenset[str] | None:
    """The entity tags of an `If-Match` field (RFC 9110 13.1.1), or None without one.
    Weak tags never match: `If-Match` uses the strong comparison."""
    if value is None:
        return None
    tags = {part.strip() for part in value.split(",") if part.strip()}
    return frozenset(tag for tag in tags if not tag.startswith("W/"))


@dataclass(frozen=True, slots=True)
class Conditional:
    """A request's `If-Match`, and whether this deployment demands one on edits."""

    if_match: frozenset[str] | None
    required: bool

    def precondition(self, render: Callable[[Any], BaseModel]) -> Precondition:
        """The check a use case runs on the loaded resource; `render` gives the
        representation the client's tag was taken from."""
        if self.if_match is None:
            if not self.required:
                return unconditional
            tags: frozenset[str] = frozenset()
        else:
            tags = self.if_match

        def check(resource: object) -> None:
            if self.if_match is None:
                raise PreconditionRequired(
                    "send If-Match with the ETag of the version you are editing"
                )
            if "*" in tags:
                return
            current = etag_of(render(resource))
            if current not in tags:
                raise PreconditionFailed(
                    "the resource changed since that version: read it again, then edit",
                    current_etag=current,
                )

        return check
