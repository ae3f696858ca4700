"""Liveness, readiness and Prometheus metrics (SPEC 7)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from app.dependencies import get_database
from app.observability import metrics_refusal
from app.schemas.common import problem_responses
from app.services import operations

# Operational routes serve probes and scrapers, not API clients: they stay out of the
# OpenAPI document and so out of the generated client (the README lists them).
router = APIRouter(tags=["operations"], include_in_schema=False)


class Health(BaseModel):
    status: str


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database is not reachable"}},
)
async def readyz(db: Annotated[object, Depends(get_database)], response: Response) -> Health:
    """The database answers."""
    if await operations.database_ready(db):
        return Health(status="ready")
    response.status_code = 503
    return Health(status="database unreachable")


@router.get(
    "/metrics",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}},
        **problem_responses(401, 404),
    },
)
async def metrics(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    """Prometheus metrics: requests and latency by route template. With
    `SUPPORTDESK_METRICS_TOKEN` set, send it as a bearer token; in production without
    one (or with `SUPPORTDESK_METRICS_PORT`), this port does not serve them."""
    refusal = metrics_refusal(request.app.state.settings, authorization)
    if refusal == 401:
        raise HTTPException(
            401, "send the metrics token as a bearer token", {"WWW-Authenticate": "Bearer"}
        )
    if refusal is not None:
        raise HTTPException(404, "not found")
    data = generate_latest(request.app.state.metrics.registry)
    return Response(content=data, media_type=CONTENT_TYPE_LATEST)
