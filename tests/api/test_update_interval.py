"""Keep the customer informed (SPEC 4.1 rule 7): a severe case carries the contract's
update target, and every public staff update restarts it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from app.db.session import Database
from app.domain.clock import ControllableClock
from tests.support.tickets import long_lived_tokens, make_desk

settings = long_lived_tokens


async def test_a_severe_case_carries_the_contracts_update_interval(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(datetime(2027, 3, 6, 10, 0, tzinfo=UTC))  # Saturday: continuous clocks run
    desk = await make_desk(client, db, "aarenet-premium")  # update interval 120 minutes
    severe = await desk.open(severity=1)
    update = (await desk.sla(severe["id"]))["update"]
    assert (update["minutes"], update["clock"]) == (120, "continuous")
    assert update["due_at"] == "2027-03-06T12:00:00Z"

    clock.advance(timedelta(minutes=50))
    r = await client.post(
        f"/v1/tickets/{severe['id']}/comments",
        json={"body": "We reproduced it and are working with the carrier."},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    update = (await desk.sla(severe["id"]))["update"]
    assert update["started_at"] == "2027-03-06T10:50:00Z"
    assert update["due_at"] == "2027-03-06T12:50:00Z"

    minor = await desk.open(severity=3)
    assert "update" not in await desk.sla(minor["id"])
