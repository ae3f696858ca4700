"""Concurrent retries with one Idempotency-Key run the request exactly once (SPEC 6)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.db.models import Customer, Ticket
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import user_headers
from tests.support.smtp import SmtpServer
from tests.support.tickets import make_desk

ACME = {"name": "ACME Vietnam", "customer_type": "enterprise", "domains": ["acme.vn"]}


async def test_twenty_concurrent_retries_create_exactly_one_customer(
    client: httpx.AsyncClient, db: Database
) -> None:
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    headers = {**admin, "Idempotency-Key": "acme-once"}
    answers = await asyncio.gather(
        *(client.post("/v1/customers", json=ACME, headers=headers) for _ in range(20))
    )
    assert Counter(r.status_code for r in answers) == {201: 20}, [r.text for r in answers]
    assert len({r.json()["id"] for r in answers}) == 1
    assert sum("idempotent-replayed" not in r.headers for r in answers) == 1
    async with db.unit_of_work() as uow:
        count = (await uow.session.execute(select(func.count(Customer.id)))).scalar_one()
    assert count == 1


async def test_twenty_concurrent_retries_of_a_ticket_creation_create_exactly_one_ticket(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    desk = await make_desk(client, db, "bicom")
    case = {
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects since 09:10.",
        "category": "question",
        "severity": 2,
    }
    headers = {**desk.customer, "Idempotency-Key": "portal-retry-7f3a"}
    answers = await asyncio.gather(
        *(client.post("/v1/tickets", json=case, headers=headers) for _ in range(20))
    )
    assert Counter(r.status_code for r in answers) == {201: 20}, [r.text for r in answers][:2]
    assert len({r.json()["tracking_number"] for r in answers}) == 1
    async with db.unit_of_work() as uow:
        count = (await uow.session.execute(select(func.count(Ticket.id)))).scalar_one()
    assert count == 1
    await worker.drain()
    assert len(smtp.to("lan@acme.com")) == 1  # one acknowledgement, not twenty


@pytest.fixture
async def slow_app(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    impatient = settings.model_copy(update={"idempotency_wait_seconds": 0.2})
    app = create_app(impatient, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        yield app, c


async def test_a_twin_that_waits_too_long_is_told_the_key_is_in_progress(
    slow_app: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = slow_app
    runs: list[int] = []

    @app.post("/v1/slow", status_code=201)
    async def slow_route() -> dict[str, int]:
        runs.append(1)
        await asyncio.sleep(1.0)
        return {"runs": len(runs)}

    headers = {"Idempotency-Key": "slow"}
    first, twin = await asyncio.gather(
        client.post("/v1/slow", json={}, headers=headers),
        client.post("/v1/slow", json={}, headers=headers),
    )
    statuses = sorted([first.status_code, twin.status_code])
    assert statuses == [201, 409], [first.text, twin.text]
    conflict = first if first.status_code == 409 else twin
    assert conflict.json()["type"].endswith("/idempotency-key-in-progress")
    assert runs == [1]
    later = await client.post("/v1/slow", json={}, headers=headers)
    assert later.status_code == 201 and later.headers["idempotent-replayed"] == "true"
