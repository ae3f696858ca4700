"""FastAPI dependencies: the unit of work, the service context and the caller.

Routers depend on these aliases and never import `app.db` themselves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from app import cursors
from app.db.session import Database, UnitOfWork, held_unit_of_work
from app.domain.actors import Actor
from app.etags import Conditional, parse_if_match
from app.services import accounts
from app.services.context import ServiceContext

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="A partner integration's API key"
)


# Dependencies are `async def` even when they await nothing: FastAPI runs a plain `def`
# dependency in the thread pool, a thread hop (and GIL hand-off) on every request.
async def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def get_context(request: Request) -> ServiceContext:
    ctx: ServiceContext = request.app.state.ctx
    return ctx


READS = frozenset({"GET", "HEAD"})


async def get_unit_of_work(
    request: Request,
    db: Annotated[Database, Depends(get_database)],
) -> AsyncIterator[UnitOfWork]:
    """The request's one unit of work: FastAPI hands the same instance to `get_actor`
    and to the route, so authentication and the use case share one transaction. An
    Idempotency-Key request brings its own, held by the middleware (app/idempotency.py).
    A GET or HEAD reads without a transaction of its own on PostgreSQL (`Database.reads`)."""
    held = held_unit_of_work(request.scope)
    if held is not None:
        yield held
        return
    async with db.unit_of_work(read=request.method in READS) as uow:
        yield uow


async def get_actor(
    uow: Annotated[UnitOfWork, Depends(get_unit_of_work)],
    ctx: Annotated[ServiceContext, Depends(get_context)],
    token: Annotated[str | None, Depends(oauth2_scheme)],
    api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> Actor:
    """A bearer token (a person) or an `X-API-Key` (a partner integration), checked in
    the request's own transaction (from the identity cache: app/db/cache.py)."""
    return await accounts.authenticate(uow, ctx, api_key=api_key, token=token)


_declared: dict[int, frozenset[str]] = {}


def _declared_query_parameters(route: APIRoute) -> frozenset[str]:
    names = _declared.get(id(route))
    if names is None:
        found: set[str] = set()
        pending: list[Dependant] = [route.dependant]
        while pending:  # the route's own parameters and every dependency's, recursively
            dependant = pending.pop()
            found.update(p.alias for p in dependant.query_params)
            pending.extend(dependant.dependencies)
        names = _declared[id(route)] = frozenset(found)
    return names


async def reject_unknown_query_parameters(request: Request) -> None:
    """A misspelt filter is an error, never an unfiltered answer (SPEC 8: 422)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.path.startswith("/v1/"):
        return
    declared = _declared_query_parameters(route)
    unknown = sorted(set(request.query_params) - declared)
    if unknown:
        takes = ", ".join(sorted(declared)) or "none"
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": f"unknown query parameter; this operation takes: {takes}",
                    "type": "unknown_query_parameter",
                }
                for name in unknown
            ]
        )


async def get_conditional(
    ctx: Annotated[ServiceContext, Depends(get_context)],
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description="The `ETag` of the version being edited: 412 if it is no longer current",
        ),
    ] = None,
) -> Conditional:
    return Conditional(parse_if_match(if_match), ctx.settings.require_if_match)


UoW = Annotated[UnitOfWork, Depends(get_unit_of_work)]
IfMatch = Annotated[Conditional, Depends(get_conditional)]
Ctx = Annotated[ServiceContext, Depends(get_context)]
Caller = Annotated[Actor, Depends(get_actor)]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (at most 200)")]


async def get_cursor(
    request: Request,
    ctx: Annotated[ServiceContext, Depends(get_context)],
    cursor: Annotated[
        str | None, Query(max_length=1000, description="`next_cursor` of the previous page")
    ] = None,
) -> str | None:
    """Checks the cursor was issued for this very list and filters; hands on its position."""
    signer = cursors.signer_for(ctx.settings, request)
    cursors.current_signer.set(signer)  # `page_of` signs the next cursor with it
    return signer.open(cursor) if cursor is not None else None


Cursor = Annotated[str | None, Depends(get_cursor)]
