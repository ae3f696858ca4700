"""A lost or stopped database answers 503 with Retry-After, never 500, and the service
recovers by itself (issue 11.5). The test runs its own PostgreSQL cluster to stop it."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import asyncpg
import httpx
import pytest

from app.cli import migrate
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import add_user, login
from tests.support.pg_cluster import PgCluster

PROBLEMS = "https://supportdesk.dev/problems/"


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    pg = PgCluster()
    pg.init()
    pg.start()
    migrate(pg.url)
    yield pg
    pg.remove()


@dataclass
class Outage:
    cluster: PgCluster
    db: Database
    client: httpx.AsyncClient
    admin: dict[str, str]


@pytest.fixture
async def outage(
    cluster: PgCluster, settings: Settings, clock: ControllableClock
) -> AsyncIterator[Outage]:
    own = settings.model_copy(update={"database_url": cluster.url})
    db = Database(cluster.url)
    app = create_app(own, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as client:
        email = f"admin-{id(client)}@vendor.com"
        await add_user(db, email, Role.ADMIN)
        yield Outage(cluster, db, client, await login(client, email))
    await db.dispose()


def _unavailable(r: httpx.Response) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"] == PROBLEMS + "service-unavailable"
    assert int(r.headers["retry-after"]) > 0


async def test_terminated_backends_under_load_answer_503_or_succeed_never_500(
    outage: Outage,
) -> None:
    stop = asyncio.Event()
    statuses: list[httpx.Response] = []

    async def load(i: int) -> None:
        while not stop.is_set():
            if i % 2:
                r = await outage.client.get("/v1/customers", headers=outage.admin)
            else:
                keyed = {**outage.admin, "Idempotency-Key": f"load-{i}-{len(statuses)}"}
                body = {"name": f"Customer {i}-{len(statuses)}", "customer_type": "enterprise"}
                r = await outage.client.post("/v1/customers", json=body, headers=keyed)
            statuses.append(r)

    killer = await asyncpg.connect(
        f"postgresql://postgres@127.0.0.1:{outage.cluster.port}/postgres"
    )
    workers = [asyncio.create_task(load(i)) for i in range(12)]
    terminated = 0
    try:
        for _ in range(6):
            await asyncio.sleep(0.4)
            terminated += await killer.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND backend_type = 'client backend'"
            )
    finally:
        stop.set()
        await asyncio.gather(*workers)
        await killer.close()
    assert terminated > 0
    counted = Counter(r.status_code for r in statuses)
    assert set(counted) <= {200, 201, 503}, [r.text for r in statuses if r.status_code >= 500][:3]
    for r in statuses:
        if r.status_code == 503:
            _unavailable(r)
    # Broken connections were discarded, not pooled: everything works again at once.
    after = [await outage.client.get("/v1/customers", headers=outage.admin) for _ in range(15)]
    assert [r.status_code for r in after] == [200] * 15


async def test_a_stopped_database_answers_503_with_retry_after_and_recovers(
    outage: Outage,
) -> None:
    assert (await outage.client.get("/v1/customers", headers=outage.admin)).status_code == 200
    outage.cluster.stop()
    try:
        _unavailable(await outage.client.get("/v1/customers", headers=outage.admin))
        keyed = {**outage.admin, "Idempotency-Key": "during-outage"}
        body = {"name": "Outage Ltd", "customer_type": "enterprise"}
        _unavailable(await outage.client.post("/v1/customers", json=body, headers=keyed))
        assert (await outage.client.get("/healthz")).status_code == 200
        assert (await outage.client.get("/readyz")).status_code == 503
    finally:
        outage.cluster.start()
    assert (await outage.client.get("/v1/customers", headers=outage.admin)).status_code == 200
    # The keyed request did not happen: its retry runs now.
    r = await outage.client.post("/v1/customers", json=body, headers=keyed)
    assert r.status_code == 201, r.text
    assert "idempotent-replayed" not in r.headers
