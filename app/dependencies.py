"""FastAPI dependencies: the unit of work, the service context and the caller.

Routers depend on these aliases and never import `app.db` themselves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from app.db.session import Database, UnitOfWork, held_unit_of_work
from app.domain.actors import Actor
from app.domain.errors import AuthenticationFailed
from app.services import accounts
from app.services.context import ServiceContext

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="A partner integration's API key"
)


def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_context(request: Request) -> ServiceContext:
    ctx: ServiceContext = request.app.state.ctx
    return ctx


def _unit_of_work(request: Request, db: Database) -> UnitOfWork:
    """The request's held unit of work (an Idempotency-Key request), else a new one."""
    return held_unit_of_work(request.scope) or db.unit_of_work()


async def get_unit_of_work(
    request: Request,
    db: Annotated[Database, Depends(get_database)],
) -> AsyncIterator[UnitOfWork]:
    async with _unit_of_work(request, db) as uow:
        yield uow


async def get_actor(
    request: Request,
    db: Annotated[Database, Depends(get_database)],
    ctx: Annotated[ServiceContext, Depends(get_context)],
    token: Annotated[str | None, Depends(oauth2_scheme)],
    api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> Actor:
    """A bearer token (a person) or an `X-API-Key` (a partner integration)."""
    async with _unit_of_work(request, db) as uow:
        if api_key:
            return await accounts.actor_from_api_key(uow, ctx, api_key)
        if token:
            return await accounts.actor_from_access_token(uow, ctx, token)
    raise AuthenticationFailed("authentication required: send a bearer token or an X-API-Key")


UoW = Annotated[UnitOfWork, Depends(get_unit_of_work)]
Ctx = Annotated[ServiceContext, Depends(get_context)]
Caller = Annotated[Actor, Depends(get_actor)]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size (at most 200)")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page")]
