"""Liveness, readiness and Prometheus metrics (SPEC 7)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from app.dependencies import get_database
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


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
async def metrics(request: Request) -> Response:
    """Prometheus metrics: requests and latency by route template."""
    data = generate_latest(request.app.state.metrics.registry)
    return Response(content=data, media_type=CONTENT_TYPE_LATEST)
