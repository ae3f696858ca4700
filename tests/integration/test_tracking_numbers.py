"""Tracking numbers stay unique when many cases arrive at once (SPEC 4)."""

from __future__ import annotations

import asyncio
import re

import httpx

from app.db.session import Database
from tests.support.tickets import make_desk


async def test_50_concurrent_creations_get_50_distinct_tracking_numbers(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    body = {
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects.",
        "category": "question",
        "severity": 3,
    }
    responses = await asyncio.gather(
        *(client.post("/v1/tickets", json=body, headers=desk.customer) for _ in range(50))
    )
    assert [r.status_code for r in responses] == [201] * 50, [r.text for r in responses][:3]
    numbers = [r.json()["tracking_number"] for r in responses]
    assert len(set(numbers)) == 50
    assert all(re.fullmatch(r"SD-\d{4}-\d{6}", n) for n in numbers)
    sequences = sorted(int(n[-6:]) for n in numbers)
    # No duplicates, and no gaps when nothing rolled back (a rolled-back creation may
    # leave one on PostgreSQL, whose per-year sequence earlier tests advanced).
    assert sequences == list(range(sequences[0], sequences[0] + 50))
    later = await desk.open()
    assert int(later["tracking_number"][-6:]) == sequences[-1] + 1  # increasing
