"""`supportdesk serve --workers 2`: several API processes on one port and one PostgreSQL
(issue 9 point 6), started as production starts them, as a real process tree."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.settings import Settings
from tests.support.factories import add_user, login
from tests.support.live_server import ROOT, LiveServer

pytestmark = pytest.mark.postgresql


def _api_processes(parent: int) -> list[int]:
    """The uvicorn worker processes under `parent` (multiprocessing's spawned children;
    not its resource tracker)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == parent and b"spawn_main" in cmdline:
            found.append(int(stat.parent.name))
    return sorted(found)


@pytest.fixture
def server(db: Database, settings: Settings) -> Iterator[LiveServer]:
    assert db.dialect == "postgresql", "marker postgresql: run in the PostgreSQL leg"
    # Migrations on start run once, in the parent, before the workers exist.
    live = LiveServer(settings, SUPPORTDESK_MIGRATE_ON_START="true")
    live.start(command=["-m", "app.cli", "serve", "--workers", "2"])
    yield live
    live.stop()


async def test_serve_with_two_workers_runs_two_api_processes_that_serve(
    server: LiveServer, db: Database
) -> None:
    assert server.process is not None
    workers = _api_processes(server.process.pid)
    assert len(workers) == 2, workers
    await add_user(db, "admin@workers.example.com", Role.ADMIN)
    # Each on a connection of its own, accepted by either process.
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        headers = await login(client, "admin@workers.example.com")
        created = await client.post(
            "/v1/customers",
            json={"name": "Workers AG", "customer_type": "enterprise"},
            headers=headers,
        )
        assert created.status_code == 201, created.text

    async def fresh_list() -> int:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as one:
            return (await one.get("/v1/customers", headers=headers)).status_code

    statuses = await asyncio.gather(*(fresh_list() for _ in range(40)))
    assert statuses == [200] * 40
    # A worker that dies is replaced; the port keeps serving meanwhile.
    os.kill(workers[0], signal.SIGKILL)
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        for _ in range(100):
            replaced = _api_processes(server.process.pid)
            if len(replaced) == 2 and workers[0] not in replaced:
                break
            await asyncio.sleep(0.1)
        assert len(replaced) == 2 and workers[0] not in replaced, replaced
        assert (await client.get("/v1/customers", headers=headers)).status_code == 200


def test_serve_refuses_what_would_run_once_per_process(settings: Settings) -> None:
    env = LiveServer(settings, SUPPORTDESK_EMBEDDED_WORKER="true").env
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--workers", "2", "--port", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "SUPPORTDESK_EMBEDDED_WORKER" in done.stderr


async def test_each_process_keeps_the_pool_its_settings_give(database_url: str) -> None:
    """A burst of concurrent requests is served from the connections the pool keeps
    (`database_pool_size`) plus at most `database_pool_overflow` more, closed again
    after: no connection per request."""
    from app.main import create_app

    settings = Settings(
        environment="test",
        database_url=database_url,
        database_pool_size=3,
        database_pool_overflow=2,
    )
    app = create_app(settings)
    pool = app.state.db.engine.pool
    try:
        assert (pool.size(), pool._max_overflow) == (3, 2)
        held = [await app.state.db.engine.connect() for _ in range(5)]
        assert pool.checkedout() == 5
        for conn in held:
            await conn.close()
        assert pool.checkedin() == 3  # the two past the size are closed again
    finally:
        await app.state.db.dispose()
