from __future__ import annotations

import httpx

from app.db.session import Database
from tests.support.tickets import make_desk


async def test_creation_answers_201_with_a_tracking_number(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    ticket = await desk.open()
    assert ticket["tracking_number"].startswith("SD-")
    clocks = await desk.sla(ticket["id"])
    assert set(clocks) == {"reaction", "restore"}
