"""create_app(): middleware, routers, error handlers — nothing else (STYLE)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from prometheus_client import start_http_server

from app import docs, idempotency, openapi, problems
from app.db.session import Database
from app.dependencies import reject_unknown_query_parameters
from app.domain.clock import Clock, SystemClock
from app.observability import Metrics, RequestContextMiddleware, configure_logging
from app.rate_limits import RateLimitMiddleware
from app.request_guard import RequestGuardMiddleware
from app.routers import (
    attachments,
    auth,
    calendars,
    calls,
    changes,
    comments,
    contracts,
    customers,
    escalations,
    health,
    me,
    pages,
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
from app.routers import (
    problems as problem_types,
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

# Response headers a browser portal must be allowed to read (CORS `Access-Control-Expose-Headers`).
EXPOSED_HEADERS = [
    "Location",
    "ETag",
    "Idempotent-Replayed",
    "RateLimit",
    "RateLimit-Policy",
    "Retry-After",
    "X-Request-ID",
]


def _operation_id(route: APIRoute) -> str:
    """`operationId` is the route function's name: `create_ticket`, not `..._v1_tickets_post`."""
    return route.name


def create_app(
    settings: Settings | None = None, *, clock: Clock | None = None, db: Database | None = None
) -> FastAPI:
    settings = settings or get_settings()
    database = db or Database(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_pool_overflow,
    )
    ctx = ServiceContext(settings=settings, clock=clock or SystemClock())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await compute.start()  # worker processes ready before the first request
        app.openapi()  # the request guard reads it: built now, never inside a request
        # What start-up built (routes, schemas, the document) lives as long as the process:
        # out of the collector's sight, a full collection no longer walks it and stalls
        # the event loop for a tenth of a second in the middle of some request.
        gc.collect()
        gc.freeze()
        worker_task = None
        sink = None
        if settings.dev_mail_sink:
            from app.integrations import mail_sink

            sink = await mail_sink.start(
                settings.dev_mailbox_dir, settings.smtp_host, settings.smtp_port
            )
        metrics_server = None
        if settings.metrics_port is not None:
            metrics_server, _ = start_http_server(
                settings.metrics_port, settings.metrics_host, app.state.metrics.registry
            )
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
            if sink is not None:
                sink.close()
                await sink.wait_closed()
            if metrics_server is not None:
                metrics_server.shutdown()
                metrics_server.server_close()
            compute.shutdown()
            if db is None:
                await database.dispose()

    app = FastAPI(
        title="SupportDesk API",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        docs_url=None,  # served from our own assets by `docs.install`
        redoc_url=None,
        openapi_url="/openapi.json" if settings.api_docs else None,
        dependencies=[Depends(reject_unknown_query_parameters)],
    )
    app.state.settings = settings
    app.state.db = database
    app.state.ctx = ctx
    app.state.metrics = Metrics()
    # Outermost last: request id -> CORS -> rate limit -> guard -> idempotency -> routes.
    idempotency.install(app, database, ctx)  # inside the request context: ids, 500s
    app.add_middleware(
        RequestGuardMiddleware,  # outside idempotency: a refused body is never spooled
        max_body_bytes=settings.request_body_max_bytes,
        document=lambda: app.openapi(),
    )
    app.add_middleware(RateLimitMiddleware, settings=settings, clock=ctx.clock)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=[
            "Authorization",
            "Content-Type",
            "Idempotency-Key",
            "If-Match",
            "X-API-Key",
            "X-Request-ID",
        ],
        expose_headers=EXPOSED_HEADERS,
        max_age=600,
    )
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)
    if settings.api_docs:
        docs.install(app)
    problems.install(app)
    openapi.install(app, settings.public_base_url)  # last: it completes what others add
    # FastAPI tries the routes in order, one by one: the cases' routes, which carry the
    # traffic, come first (no two routers share a path, so the order changes nothing else).
    for module in (
        tickets,
        comments,
        attachments,
        severity_changes,
        calls,
        changes,
        escalations,
        sla,
        auth,
        me,
        webhooks,
        customers,
        partners,
        users,
        calendars,
        sla_policies,
        contracts,
        presets,
        reports,
        quarantine,
        pages,
        problem_types,
        health,
    ):
        app.include_router(module.router)
    return app


def app_factory() -> FastAPI:
    """Entry point for `uvicorn --factory`."""
    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)
