"""Shapes shared by every resource: pages and problem documents."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

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


M = TypeVar("M", bound=BaseModel)


def from_loaded_row(model: type[M], row: Any) -> M:
    """`model` from an ORM row just loaded, read from its loaded values (`__dict__`):
    four times cheaper than attribute access through the ORM's descriptors on a page of
    50. A row lacking a value there (unloaded, or a field that is a property) takes the
    attribute path, which answers exactly as before."""
    try:
        return model.model_validate(row.__dict__)
    except ValidationError:
        return model.model_validate(row)


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


# Bounded scalars (issue 11.4): a value the database or the calendar arithmetic cannot
# hold is a 422 naming the field, never a 500. Text (NUL, lone surrogates) is refused for
# every field at once by `app.request_guard`.
INT32_MAX = 2**31 - 1
FIRST_YEAR, END_YEAR = 1900, 2200  # instants from 1900 up to (not including) 2200

Int32 = Annotated[int, Field(ge=-(2**31), le=INT32_MAX)]


def _not_a_number(value: Any) -> Any:
    """Pydantic reads numbers (and numeric strings) as Unix times: we take ISO 8601 only."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("an ISO 8601 date or date-time is expected, not a number")
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError("an ISO 8601 date-time is expected, e.g. 2027-01-05T09:12:00+01:00")
    return value


def _in_supported_years(value: date) -> date:
    # Checked on the local year: converting year 1 or 9999 to UTC could overflow.
    if not FIRST_YEAR <= value.year < END_YEAR:
        raise ValueError(f"the year must be from {FIRST_YEAR} to {END_YEAR - 1}")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_not_a_number),
    AfterValidator(_in_supported_years),
]
CalendarDate = Annotated[
    date,
    BeforeValidator(_not_a_number),
    AfterValidator(_in_supported_years),
]
