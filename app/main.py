"""create_app(): middleware, routers, error handlers — nothing else (STYLE)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app import idempotency, problems
from app.db.session import Database
from app.domain.clock import Clock, SystemClock
from app.observability import Metrics, RequestContextMiddleware, configure_logging
from app.routers import (
    attachments,
    auth,
    calendars,
    calls,
    comments,
    contracts,
    customers,
    escalations,
    health,
    me,
    partners,
    presets,
    quarantine,
    reports,
    severity_changes,
    sla,
    sla_policies,
    tickets,
    users,
    webhooks,
)
from app.services import compute
from app.services.context import ServiceContext
from app.settings import Settings, get_settings

DESCRIPTION = """\
SupportDesk runs a vendor's technical-support process: cases, SLA clocks on
business-hours calendars, process rules, escalation and notifications.

Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `type`.
Lists answer `{"items": [...], "next_cursor": "..."}`; pass `cursor` to page on.
"""


def _operation_id(route: APIRoute) -> str:
    """`operationId` is the route function's name: `create_ticket`, not `..._v1_tickets_post`."""
    return route.name


def create_app(
    settings: Settings | None = None, *, clock: Clock | None = None, db: Database | None = None
) -> FastAPI:
    settings = settings or get_settings()
    database = db or Database(settings.database_url)
    ctx = ServiceContext(settings=settings, clock=clock or SystemClock())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await compute.start()  # worker processes ready before the first request
        worker_task = None
        if settings.embedded_worker:
            from app.worker import Worker

            worker_task = asyncio.create_task(Worker(database, ctx).run_forever())
        try:
            yield
        finally:
            if worker_task is not None:
                worker_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker_task
            compute.shutdown()
            if db is None:
                await database.dispose()

    app = FastAPI(
        title="SupportDesk API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.db = database
    app.state.ctx = ctx
    app.state.metrics = Metrics()
    idempotency.install(app, database, ctx)  # inside the request context: ids, 500s
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    problems.install(app)
    for module in (
        health,
        auth,
        me,
        customers,
        partners,
        users,
        calendars,
        sla_policies,
        contracts,
        presets,
        sla,
        tickets,
        comments,
        attachments,
        severity_changes,
        calls,
        escalations,
        webhooks,
        reports,
        quarantine,
    ):
        app.include_router(module.router)
    return app


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory`."""
    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)
