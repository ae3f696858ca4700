"""Shared fixtures: a migrated database (SQLite or PostgreSQL), a real SMTP server, the app.

The database is chosen by SUPPORTDESK_TEST_DATABASE_URL (default: a SQLite file). A
PostgreSQL URL names the server: the run creates a database of its own there and drops it
at the end, never touching the database the URL names.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from app.cli import migrate
from app.db.models import Base
from app.db.session import Database
from app.domain.clock import ControllableClock
from app.main import create_app
from app.services.context import ServiceContext
from app.settings import Settings
from app.worker import Worker
from tests.support.mail import TRUSTED_AUTHSERV_ID
from tests.support.smtp import SmtpServer

TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256-0123456789"


def _database_url() -> str:
    url = os.environ.get("SUPPORTDESK_TEST_DATABASE_URL")
    if url:
        return url
    path = Path(tempfile.mkdtemp(prefix="supportdesk-test-")) / "test.db"
    return f"sqlite+aiosqlite:///{path}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgresql` are about PostgreSQL itself (query plans, several server
    processes on one database): without a PostgreSQL test database they are deselected,
    not skipped — the PostgreSQL leg (`make test-postgres`) is where they run."""
    if os.environ.get("SUPPORTDESK_TEST_DATABASE_URL", "").startswith("postgresql"):
        return
    elsewhere = [item for item in items if item.get_closest_marker("postgresql")]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@asynccontextmanager
async def own_postgres_database(server_url: str) -> AsyncIterator[str]:
    """A database this run creates for itself on the server named by `server_url`.

    The URL's own database is only the one we connect to in order to CREATE DATABASE;
    nothing in it is touched, and the database we made is the only one we drop.
    """
    server = make_url(server_url)
    name = f"supportdesk_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    url = _database_url()
    if url.startswith("postgresql"):
        async with own_postgres_database(url) as own:
            yield own
    else:
        yield url


@pytest.fixture(scope="session")
async def database(database_url: str) -> AsyncIterator[Database]:
    """A database built by running the migrations, so they are always exercised."""
    await asyncio.to_thread(migrate, database_url)
    db = Database(database_url)
    yield db
    await db.dispose()


async def truncate_all(db: Database) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    # DELETE, children first: a test leaves a few rows, and PostgreSQL's TRUNCATE of every
    # table (new files for each) costs 100 ms a test where this costs 5.
    async with db.engine.begin() as conn:
        for name in tables:
            await conn.execute(text(f"DELETE FROM {name}"))  # noqa: S608 (our table names)


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.clear()
    return smtp_server


@pytest.fixture
def clock() -> ControllableClock:
    return ControllableClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def settings(database_url: str, smtp_server: SmtpServer, tmp_path: Path) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        secret_key=TEST_SECRET,  # type: ignore[arg-type]
        smtp_host=smtp_server.host,
        smtp_port=smtp_server.port,
        public_base_url="http://portal.test",
        outbox_backoff_seconds=1,
        webhooks_allow_private_targets=True,  # receivers listen on 127.0.0.1
        storage_dir=tmp_path / "attachments",
        mail_trusted_authserv_id=TRUSTED_AUTHSERV_ID,
    )


@pytest.fixture
async def db(database: Database) -> Database:
    await truncate_all(database)
    return database


@pytest.fixture
def ctx(settings: Settings, clock: ControllableClock) -> ServiceContext:
    return ServiceContext(settings, clock)


@pytest.fixture
async def client(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock=clock, db=db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
        yield c


@pytest.fixture
def worker(db: Database, ctx: ServiceContext) -> Worker:
    return Worker(db, ctx, worker_id="test-worker")
