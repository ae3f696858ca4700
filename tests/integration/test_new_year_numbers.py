"""The first cases of a new year race for its tracking numbers (issue 9, point 2): on
PostgreSQL several creators of the year's sequence at once, through two app instances;
on SQLite the year's counter row. Every case gets its own number, in the new year."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime

import httpx

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.tickets import make_desk

CASE = {
    "subject": "PBX not able to dial PSTN destinations",
    "description": "No outbound PSTN call connects.",
    "category": "question",
    "severity": 3,
}


async def test_the_first_cases_of_a_year_get_distinct_numbers_of_that_year(
    client: httpx.AsyncClient,
    db: Database,
    database_url: str,
    settings: Settings,
    clock: ControllableClock,
) -> None:
    clock.set(datetime(2031, 1, 1, 0, 0, 5, tzinfo=UTC))
    desk = await make_desk(client, db, "bicom")
    second = Database(database_url)
    try:
        app = create_app(settings, clock=clock, db=second)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://api.test"
        ) as other:
            answers = await asyncio.gather(
                *(
                    (client if i % 2 else other).post(
                        "/v1/tickets", json=CASE, headers=desk.customer
                    )
                    for i in range(20)
                )
            )
    finally:
        await second.dispose()
    assert [r.status_code for r in answers] == [201] * 20, [r.text for r in answers][:2]
    numbers = [r.json()["tracking_number"] for r in answers]
    assert len(set(numbers)) == 20
    assert all(re.fullmatch(r"SD-2031-\d{6}", n) for n in numbers), numbers
