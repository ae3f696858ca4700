"""Engine, session factory and the unit of work."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.db.repositories.accounts import AccountRepository
from app.db.repositories.escalations import EscalationRepository
from app.db.repositories.idempotency import IdempotencyRepository
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
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, **kwargs)


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
    """One session, one transaction: a use case commits it once, explicitly (STYLE)."""

    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self.session = session
        self.dialect = dialect

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Anything not committed explicitly is rolled back.
        await self.session.rollback()
        await self.session.close()

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session)

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
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
