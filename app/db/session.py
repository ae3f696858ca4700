"""Engine, session factory and the unit of work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import MutableMapping
from functools import cached_property
from types import TracebackType
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    AsyncSessionTransaction,
    async_sessionmaker,
    create_async_engine,
)

from app.db.repositories.accounts import AccountRepository
from app.db.repositories.changes import ChangeRepository
from app.db.repositories.escalations import EscalationRepository
from app.db.repositories.idempotency import BEGIN_WAIT_MS, IdempotencyRepository
from app.db.repositories.inbound_mail import InboundMailRepository
from app.db.repositories.organisations import OrganisationRepository
from app.db.repositories.outbox import OutboxRepository
from app.db.repositories.reports import ReportRepository
from app.db.repositories.retention import RetentionRepository
from app.db.repositories.sla_config import SlaConfigRepository
from app.db.repositories.tickets import MonitorQueries, TicketRepository
from app.db.repositories.webhooks import WebhookRepository


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # We issue BEGIN ourselves (below), so the driver must not.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            # A deferred transaction that reads, then writes, fails at once with
            # SQLITE_BUSY when another writer committed meanwhile; taking the write lock
            # up front makes concurrent use cases queue (busy_timeout) instead.
            wait_ms = conn.get_execution_options().get(BEGIN_WAIT_MS)
            if wait_ms is None:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            # A bounded queue for this transaction only (an Idempotency-Key's twin).
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_ms)}")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.exec_driver_sql("PRAGMA busy_timeout=30000")

        return engine
    return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, **kwargs)


# Where a request that holds one transaction for its whole life keeps it (ASGI scope).
SCOPE_KEY = "supportdesk.unit_of_work"

log = logging.getLogger("supportdesk.db")


def held_unit_of_work(scope: MutableMapping[str, Any]) -> UnitOfWork | None:
    """The request's own unit of work, when the request holds one (an Idempotency-Key)."""
    uow = scope.get(SCOPE_KEY)
    return uow if isinstance(uow, UnitOfWork) else None


class Database:
    """Owns the engine; hands out units of work."""

    def __init__(self, url: str, **kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **kwargs)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.sessions(), self.dialect)

    async def dispose(self) -> None:
        await self.engine.dispose()


class UnitOfWork:
    """One session, one transaction: a use case commits it once, explicitly (STYLE).

    A request may *hold* its unit of work (`hold`): the Idempotency-Key claim, the use
    case and the stored answer then commit together. While held, the use case's
    `commit()` and `rollback()` only mark a savepoint, and leaving `async with` keeps
    the transaction open for its owner, who ends it with `finish` or `close`.
    """

    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect
        self._savepoint: AsyncSessionTransaction | None = None

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Anything not committed explicitly is rolled back.
        if self._savepoint is not None:
            try:
                await self.rollback()
            except Exception as error:  # a lost connection: the owner discards it
                log.warning("cannot roll back to the savepoint: %s", error)
            return
        await self.close(broken=exc is not None and not isinstance(exc, Exception))

    async def close(self, *, broken: bool = False) -> None:
        """Rolls back and returns the connection; a connection that may be mid-statement
        (a cancelled request) or that fails to roll back is discarded, never pooled."""
        self._savepoint = None
        self.changes.drop_all()
        if not broken:
            try:
                await self.session.rollback()
                await self.session.close()
                return
            except Exception as exc:  # the server is gone or the connection is busy
                log.warning("discarding a database connection: %s", exc)
        await asyncio.shield(self.session.invalidate())

    async def hold(self) -> None:
        """From now on, the use case's commits are savepoints; `finish` commits for real."""
        self._savepoint = await self.session.begin_nested()

    @property
    def held(self) -> bool:
        return self._savepoint is not None

    async def let_go(self) -> None:
        """Ends the hold: drops what the use case did not commit, keeps what it did."""
        if self._savepoint is not None:
            if self._savepoint.is_active:
                await self._savepoint.rollback()
            self._savepoint = None
            self.changes.drop_open()

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session)

    @cached_property
    def changes(self) -> ChangeRepository:
        """The recorded changes of this transaction, written at its COMMIT."""
        return ChangeRepository(self.session)

    @cached_property
    def escalations(self) -> EscalationRepository:
        return EscalationRepository(self.session)

    @cached_property
    def inbound_mail(self) -> InboundMailRepository:
        return InboundMailRepository(self.session)

    @cached_property
    def organisations(self) -> OrganisationRepository:
        return OrganisationRepository(self.session)

    @cached_property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.session)

    @cached_property
    def reports(self) -> ReportRepository:
        return ReportRepository(self.session)

    @cached_property
    def sla_config(self) -> SlaConfigRepository:
        return SlaConfigRepository(self.session)

    @cached_property
    def tickets(self) -> TicketRepository:
        return TicketRepository(self.session)

    @cached_property
    def monitor(self) -> MonitorQueries:
        return MonitorQueries(self.session)

    @cached_property
    def webhooks(self) -> WebhookRepository:
        return WebhookRepository(self.session)

    @cached_property
    def idempotency(self) -> IdempotencyRepository:
        return IdempotencyRepository(self.session)

    @cached_property
    def retention(self) -> RetentionRepository:
        return RetentionRepository(self.session)

    async def commit(self) -> None:
        if self._savepoint is None:
            # Last before COMMIT: the change feed's numbers in commit order (repositories/changes).
            await self.changes.write_pending()
            await self.session.commit()
            return
        await self._savepoint.commit()
        self.changes.keep()
        self._savepoint = await self.session.begin_nested()

    async def rollback(self) -> None:
        if self._savepoint is None:
            self.changes.drop_all()
            await self.session.rollback()
            return
        self.changes.drop_open()
        if self._savepoint.is_active:
            await self._savepoint.rollback()
        self._savepoint = await self.session.begin_nested()
