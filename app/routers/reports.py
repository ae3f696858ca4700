"""Reports: SLA compliance, as JSON or CSV (SPEC 7)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from app.dependencies import Caller, Ctx, UoW
from app.domain.reports import render_csv
from app.schemas.common import Instant, problem_responses
from app.schemas.reports import CSV_EXAMPLE, SlaReportOut
from app.services import reports

router = APIRouter(prefix="/v1/reports", tags=["reports"])

CSV_MEDIA_TYPE = "text/csv"
CSV_FILENAME = "sla-report.csv"


def _quality(accept: str, media_types: tuple[str, ...]) -> float:
    """The highest `q` the Accept header gives any of `media_types` (0 if none)."""
    best = 0.0
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if media.lower() not in media_types:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best = max(best, q)
    return best


def wants_csv(accept: str | None) -> bool:
    """CSV when the client names it and prefers it to JSON; JSON otherwise (also `*/*`)."""
    if not accept:
        return False
    csv_q = _quality(accept, (CSV_MEDIA_TYPE, "text/*"))
    return csv_q > 0 and csv_q >= _quality(accept, ("application/json", "application/*"))


@router.get(
    "/sla",
    response_model=SlaReportOut,
    responses={
        200: {
            "description": "The report: JSON by default, CSV with `Accept: text/csv` "
            "(one row per severity × metric, a header row, RFC 4180)",
            "content": {
                CSV_MEDIA_TYPE: {"schema": {"type": "string"}, "example": CSV_EXAMPLE},
            },
            "headers": {
                "Content-Disposition": {
                    "description": f'CSV only: `attachment; filename="{CSV_FILENAME}"`',
                    "schema": {"type": "string"},
                }
            },
        },
        **problem_responses(401, 404, 422),
    },
)
async def get_sla_report(
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    response: Response,
    created_from: Annotated[
        Instant,
        Query(
            alias="from",
            description="Tickets created at or after this instant (ISO 8601 with offset)",
            examples=["2027-01-01T00:00:00Z"],
        ),
    ],
    created_to: Annotated[
        Instant,
        Query(
            alias="to",
            description="… and before this one; at most three years after `from`",
            examples=["2027-04-01T00:00:00Z"],
        ),
    ],
    customer_id: Annotated[
        uuid.UUID | None, Query(description="Only this customer's tickets")
    ] = None,
    contract_id: Annotated[
        uuid.UUID | None, Query(description="Only the tickets under this contract")
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> SlaReportOut | Response:
    """SLA compliance of the tickets created in `[from, to)` that the caller may see:
    per severity × metric and per metric, the targets met, breached and still running,
    the compliance ratio, and the median and 90th percentile of the counted clock time
    to the event (met or late). A customer sees its own company; a partner its customers."""
    report = await reports.sla_report(
        uow,
        ctx,
        caller,
        created_from,
        created_to,
        customer_id=customer_id,
        contract_id=contract_id,
    )
    response.headers["Vary"] = "Accept"
    if wants_csv(accept):
        return Response(
            content=render_csv(report),
            media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{CSV_FILENAME}"',
                "Vary": "Accept",
            },
        )
    return SlaReportOut.of(report)
