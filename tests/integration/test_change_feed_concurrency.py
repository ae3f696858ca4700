"""The change feed under concurrent writers (issue 10): a reader that polls with its cursor
sees every change exactly once, in sequence order — also when transactions commit in
another order than they started and recorded their changes."""

from __future__ import annotations

import asyncio
import random
import uuid
from typing import Any

import httpx
from sqlalchemy import select

from app.db.models import TicketChange
from app.db.session import Database
from app.domain.actors import Scope, ScopeKind
from app.domain.changes import Change
from app.domain.clock import ControllableClock
from app.services import ticket_changes
from tests.support.tickets import make_desk

WRITERS = 8
CHANGES_EACH = 250
ALL = Scope(ScopeKind.ALL)


async def _writer(db: Database, clock: ControllableClock, ticket_id: uuid.UUID, n: int) -> None:
    """Records `n` changes, one transaction each; each transaction dawdles a random while
    after recording, so later starters often commit first."""
    rng = random.Random(str(ticket_id))
    for i in range(n):
        async with db.unit_of_work() as uow:
            ticket = await uow.tickets.ticket(ticket_id, ALL)
            await ticket_changes.record(
                uow, Change.UPDATED, ticket, None, clock.now(), after={"n": i}
            )
            await asyncio.sleep(rng.random() * 0.004)
            await uow.commit()


async def test_a_polling_reader_sees_every_change_once_in_order_under_concurrent_writers(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await make_desk(client, db, "bicom")
    tickets = [uuid.UUID((await desk.open())["id"]) for _ in range(WRITERS)]
    writers = asyncio.gather(*(_writer(db, clock, t, CHANGES_EACH) for t in tickets))
    seen: list[dict[str, Any]] = []
    cursor = "0"
    polls = 0
    while True:
        done = writers.done()
        r = await client.get(
            "/v1/changes", params={"after": cursor, "limit": 200}, headers=desk.admin
        )
        assert r.status_code == 200, r.text
        page = r.json()
        seen += page["items"]
        cursor = page["next_cursor"]
        polls += 1
        if done and not page["items"]:
            break
        await asyncio.sleep(0.003)
    await writers  # re-raises a writer's failure

    seqs = [item["seq"] for item in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)  # in order, never twice
    async with db.unit_of_work() as uow:
        stored = list((await uow.session.execute(select(TicketChange.seq, TicketChange.id))).all())
    assert seqs == sorted(seq for seq, _ in stored)  # none missed
    assert {item["id"] for item in seen} == {str(i) for _, i in stored}
    assert sum(item["type"] == "updated" for item in seen) == WRITERS * CHANGES_EACH
    assert polls > 10  # the reader really polled while the writers wrote
