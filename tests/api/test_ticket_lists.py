"""Ticket lists: filters, sorting, keyset pagination stable under inserts (SPEC 4)."""

from __future__ import annotations

from datetime import timedelta

import httpx

from app.db.session import Database
from app.domain.clock import ControllableClock
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens


async def _ids(desk: Desk, **params: object) -> list[str]:
    r = await desk.client.get("/v1/tickets", params=params, headers=desk.agent)
    assert r.status_code == 200, r.text
    return [t["id"] for t in r.json()["items"]]


async def test_filters_combine(client: httpx.AsyncClient, db: Database) -> None:
    desk = await make_desk(client, db, "bicom")
    sev1 = await desk.open(severity=1, subject="Trunk to Vienna rejects every INVITE")
    sev3 = await desk.open(severity=3, subject="Voicemail greeting plays twice")
    assert (await desk.move(sev3["id"], "acknowledged")).status_code == 200
    assert await _ids(desk, severity=1) == [sev1["id"]]
    assert await _ids(desk, status="acknowledged") == [sev3["id"]]
    assert await _ids(desk, q="vienna") == [sev1["id"]]
    assert await _ids(desk, q="vienna", severity=3) == []
    assert set(await _ids(desk, customer_id=desk.customer_id)) == {sev1["id"], sev3["id"]}
    assert await _ids(desk, q="100%_") == []  # LIKE wildcards are matched literally


async def test_breached_and_due_before_filters_follow_the_clock(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await make_desk(client, db, "bicom")
    urgent = await desk.open(severity=1)
    due = (await desk.sla(urgent["id"]))["reaction"]["due_at"]
    assert await _ids(desk, breached=True) == []
    assert await _ids(desk, due_before=due.replace("Z", "+00:00")) == []
    assert urgent["id"] in await _ids(desk, due_before="2100-01-01T00:00:00+00:00")
    clock.advance(timedelta(days=3))
    assert await _ids(desk, breached=True) == [urgent["id"]]
    assert urgent["id"] not in await _ids(desk, breached=False)


async def test_keyset_pages_are_stable_under_concurrent_inserts(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    first_five = [(await desk.open())["id"] for _ in range(5)]
    r = await client.get(
        "/v1/tickets", params={"limit": 2, "sort": "created_at"}, headers=desk.agent
    )
    seen = [t["id"] for t in r.json()["items"]]
    cursor = r.json()["next_cursor"]
    late = [(await desk.open())["id"] for _ in range(2)]  # arrive while paging
    while cursor:
        r = await client.get(
            "/v1/tickets",
            params={"limit": 2, "sort": "created_at", "cursor": cursor},
            headers=desk.agent,
        )
        seen += [t["id"] for t in r.json()["items"]]
        cursor = r.json()["next_cursor"]
    assert seen == first_five + late  # nothing skipped, nothing twice


async def test_sort_by_severity_then_newest(client: httpx.AsyncClient, db: Database) -> None:
    desk = await make_desk(client, db, "bicom")
    a = await desk.open(severity=3)
    b = await desk.open(severity=1)
    c = await desk.open(severity=3)
    assert await _ids(desk, sort="severity") == [b["id"], a["id"], c["id"]]
    assert await _ids(desk, sort="-severity") == [c["id"], a["id"], b["id"]]
    page = await client.get(
        "/v1/tickets", params={"sort": "severity", "limit": 1}, headers=desk.agent
    )
    nxt = await client.get(
        "/v1/tickets",
        params={"sort": "severity", "limit": 5, "cursor": page.json()["next_cursor"]},
        headers=desk.agent,
    )
    assert [t["id"] for t in nxt.json()["items"]] == [a["id"], c["id"]]


async def test_every_sort_pages_through_every_ticket_once_in_order(
    client: httpx.AsyncClient, db: Database
) -> None:
    """Keyset cursors (row comparisons on (key, id)) in every sort and direction: with
    the test clock standing still every ticket has the same created_at and updated_at, so
    the id tie-break alone decides those sorts; severities tie in pairs."""
    desk = await make_desk(client, db, "bicom")
    for severity in (3, 1, 3, 2, 1, 3):
        await desk.open(severity=severity)
    for sort in ("created_at", "-created_at", "updated_at", "-updated_at", "severity", "-severity"):
        r = await client.get("/v1/tickets", params={"sort": sort}, headers=desk.agent)
        whole = [(t["severity"], t["id"]) for t in r.json()["items"]]
        key = (lambda t: t) if sort.endswith("severity") else (lambda t: t[1])
        assert whole == sorted(whole, key=key, reverse=sort.startswith("-")), sort
        paged: list[tuple[int, str]] = []
        cursor = None
        while True:
            params = {"sort": sort, "limit": 2} | ({"cursor": cursor} if cursor else {})
            r = await client.get("/v1/tickets", params=params, headers=desk.agent)
            assert r.status_code == 200, r.text
            paged += [(t["severity"], t["id"]) for t in r.json()["items"]]
            cursor = r.json()["next_cursor"]
            if not cursor:
                break
        assert paged == whole and len(whole) == 6, sort
