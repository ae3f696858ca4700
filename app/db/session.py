"""Engine, session factory and the unit of work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import MutableMapping
from functools import cached_property
from types import TracebackType
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from app.db.cache import Caches, CacheView, watch
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


def create_engine(
    url: str, *, pool_size: int = 20, max_overflow: int = 10, **kwargs: Any
) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # We issue BEGIN ourselves (below), so the driver must not.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            # A deferred transaction that reads, then writes, fails at once with
            # SQLITE_BUSY when another writer committed meanwhile; taking the write lock
            # up front makes concurrent use cases queue (busy_timeout) instead. An
            # Idempotency-Key's twin queues for a bounded time only: the connection
            # keeps the wait it was last given until a BEGIN wants another (once the
            # write lock is held the wait no longer matters).
            wanted = int(conn.get_execution_options().get(BEGIN_WAIT_MS, BUSY_TIMEOUT_MS))
            info = conn.connection.info
            if info.get(BEGIN_WAIT_MS, BUSY_TIMEOUT_MS) != wanted:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={wanted}")
                info[BEGIN_WAIT_MS] = wanted
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # No pre-ping (a round trip on every checkout): a pooled connection whose server
    # side went away is noticed by asyncpg when the socket closes, and the checkout
    # discards it and takes another (SQLAlchemy retries a checkout that raises
    # DisconnectionError). A connection that breaks mid-request answers 503 (app/db/errors).
    engine = create_async_engine(url, pool_size=pool_size, max_overflow=max_overflow, **kwargs)

    @event.listens_for(engine.sync_engine, "checkout")
    def _discard_closed(_dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        driver = getattr(record, "driver_connection", None)
        is_closed = getattr(driver, "is_closed", None)
        if is_closed is not None and is_closed():
            raise DisconnectionError("the pooled connection was closed by the server")

    return engine


BUSY_TIMEOUT_MS = 30000


class SupportDeskSession(Session):
    """The units of work's session: watched for changes to cached things (app/db/cache)."""


watch(SupportDeskSession)


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
        self.sessions = async_sessionmaker(
            self.engine, expire_on_commit=False, sync_session_class=SupportDeskSession
        )
        # Reads (GET/HEAD) on PostgreSQL run each statement in autocommit: under READ
        # COMMITTED every statement takes its own snapshot, in a transaction or not, so
        # a read transaction only added BEGIN and ROLLBACK — two of a get's four round
        # trips and a quarter of its CPU. The same pool; SQLite keeps its transactions.
        self.reads = (
            async_sessionmaker(
                self.engine.execution_options(isolation_level="AUTOCOMMIT"),
                expire_on_commit=False,
                sync_session_class=SupportDeskSession,
            )
            if self.engine.dialect.name == "postgresql"
            else self.sessions
        )
        self.caches = Caches()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def unit_of_work(self, *, read: bool = False) -> UnitOfWork:
        """`read`: a request that only reads (see `reads`); a write it makes anyway (an
        API key's last use) commits at once, as its `commit()` would have."""
        return UnitOfWork((self.reads if read else self.sessions)(), self.dialect, self.caches)

    async def dispose(self) -> None:
        await self.engine.dispose()


class UnitOfWork:
    """One session, one transaction: a use case commits it once, explicitly (STYLE).

    A request has exactly one unit of work: authentication, the use case and, with an
    Idempotency-Key, the key's record share it (app/dependencies.py, app/idempotency.py).

    The keyed request *holds* it (`hold`): the key's claim, the use case and the stored
    answer then commit together, once, in `finish`. While held, the use case's
    `commit()` only flushes and marks the point it committed; its `rollback()` discards
    nothing when nothing was written since that point (ending a read before an upload),
    else rolls the whole transaction back (`spoiled`: the request did not happen). No
    savepoints: what the use case committed before refusing (a counted failed login) is
    kept only if nothing was written after it (`kept_on_refusal`), as every refusal
    path commits and then raises.
    """

    def __init__(self, session: AsyncSession, dialect: str, caches: Caches) -> None:
        self.session = session
        self.dialect = dialect
        self.cache = CacheView(caches, session)
        self._held = False
        self._base = 0  # writes counted when the held use case started
        self._committed_at: int | None = None  # writes counted at its commit
        self.spoiled = False
        # Who the request's credentials are, once checked (`accounts.authenticate`): a
        # keyed request's middleware and its route then check them once between them.
        self.authenticated: tuple[str, Any] | None = None

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Anything not committed explicitly is rolled back; a held one is its owner's.
        if self._held:
            return
        await self.close(broken=exc is not None and not isinstance(exc, Exception))

    async def close(self, *, broken: bool = False) -> None:
        """Rolls back and returns the connection; a connection that may be mid-statement
        (a cancelled request) or that fails to roll back is discarded, never pooled."""
        self._held = False
        self.cache.forget_stamps()
        self.changes.drop_all()
        if not broken:
            try:
                await self.session.rollback()
                await self.session.close()
                return
            except Exception as exc:  # the server is gone or the connection is busy
                log.warning("discarding a database connection: %s", exc)
        await asyncio.shield(self.session.invalidate())

    def hold(self) -> None:
        """From now on, the use case's commits are marks; `finish` commits for real."""
        self._held = True

    def use_case_starts(self) -> None:
        """What a held unit of work wrote so far (the key's claim) is not the use case's."""
        self._base = self._writes()
        self._committed_at = None

    @property
    def held(self) -> bool:
        return self._held

    @property
    def kept_on_refusal(self) -> bool:
        """Whether a refused held request may commit what its use case committed: it
        did commit, and wrote nothing after that."""
        return (
            not self.spoiled
            and self._committed_at is not None
            and self._committed_at == self._writes()
            and not self._pending()
            and not self.changes.recorded_since_commit
        )

    async def finish(self) -> None:
        """Commits a held unit of work (the claim, the use case's rows, the answer)."""
        self._held = False
        await self.commit()

    def _writes(self) -> int:
        return int(self.session.sync_session.info.get("writes", 0))

    def _pending(self) -> bool:
        s = self.session
        return bool(s.new or s.deleted or any(s.is_modified(o) for o in s.dirty))

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session, self.cache)

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
        return OutboxRepository(self.session, self.changes)

    @cached_property
    def reports(self) -> ReportRepository:
        return ReportRepository(self.session)

    @cached_property
    def sla_config(self) -> SlaConfigRepository:
        return SlaConfigRepository(self.session, self.cache)

    @cached_property
    def tickets(self) -> TicketRepository:
        return TicketRepository(self.session)

    @cached_property
    def monitor(self) -> MonitorQueries:
        return MonitorQueries(self.session)

    @cached_property
    def webhooks(self) -> WebhookRepository:
        return WebhookRepository(self.session, self.cache)

    @cached_property
    def idempotency(self) -> IdempotencyRepository:
        return IdempotencyRepository(self.session)

    @cached_property
    def retention(self) -> RetentionRepository:
        return RetentionRepository(self.session)

    async def commit(self) -> None:
        if self._held:
            await self.session.flush()
            self._committed_at = self._writes()
            self.changes.keep()
            return
        self.cache.forget_stamps()
        # Last before COMMIT: the change feed's numbers in commit order (repositories/changes).
        await self.changes.write_pending()
        await self.session.commit()

    async def rollback(self) -> None:
        self.cache.forget_stamps()
        if self._held:
            tx = self.session.get_transaction()
            mark = self._base if self._committed_at is None else self._committed_at
            written = self._writes() != mark
            if tx is not None and tx.is_active and not written and not self._pending():
                self.changes.drop_open()  # what the use case recorded since its commit
                return  # nothing to discard: the transaction (and the claim) goes on
            self.spoiled = True
        self.changes.drop_all()
        await self.session.rollback()
