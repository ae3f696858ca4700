"""Conditional edits (SPEC 8): an edit applies only to the version of a resource the
caller last saw, so two people editing one case never overwrite each other silently.

A use case receives a `Precondition` and calls it with the resource it has just loaded
(locked), before changing anything; the HTTP layer builds it from `If-Match`.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.errors import DomainError

Precondition = Callable[[object], None]


def unconditional(_: object) -> None:
    """The precondition of a request that states none (and needs none)."""


class PreconditionFailed(DomainError):
    """`If-Match` names a version that is no longer current: reload, then edit."""

    type_slug = "precondition-failed"
    status = 412
    title = "The resource changed since you read it"


class PreconditionRequired(DomainError):
    """This deployment requires `If-Match` on every edit."""

    type_slug = "precondition-required"
    status = 428
    title = "If-Match is required"
