"""Shapes shared by every resource: pages and problem documents."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.cursors import current_signer

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to get the next page; null on the last."
    )


class FieldError(BaseModel):
    loc: list[str | int] = Field(description='Where the error is, e.g. ["body", "email"]')
    field: str = Field(description="The same location written as a path, e.g. `shifts[0].end`")
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "type": "https://supportdesk.dev/problems/not-found",
                "title": "Not found",
                "status": 404,
                "detail": "ticket 0193… was not found",
                "instance": "/v1/tickets/0193…",
                "request_id": "6f1c…",
            }
        },
    )

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problems a route may answer."""
    descriptions = {
        400: "Bad request",
        401: "Not authenticated",
        403: "Not allowed",
        404: "Not found (or not visible to the caller)",
        409: "Conflict with the current state",
        412: "`If-Match` names a version that is no longer current (`current_etag`)",
        428: "This deployment requires `If-Match` on edits",
        422: "Validation failed: `errors` names each field",
        429: "Too many attempts: see `Retry-After`",
    }
    return {
        s: {
            "model": Problem,
            "description": descriptions.get(s, "Problem"),
            "content": {"application/problem+json": {}},
        }
        for s in statuses
    }


def page_of(model: type[T], page: Any, items: list[T] | None = None) -> Page[T]:
    """A repository page shaped as the API's `{items, next_cursor}` (items given, or each row
    validated as `model`), its next cursor signed for the list being read."""
    if items is None:
        items = [model.model_validate(row) for row in page.items]  # type: ignore[attr-defined]
    next_cursor = None
    if page.next_cursor is not None:
        signer = current_signer.get()
        if signer is None:
            raise RuntimeError("a paged route must take the `Cursor` dependency")
        next_cursor = signer.sign(page.next_cursor)
    return Page[model](items=items, next_cursor=next_cursor)  # type: ignore[valid-type]
