"""The hot path's cost in statements (issue 9, point 1), counted with SQLAlchemy's
`before_cursor_execute` hook on the engine: every statement handed to the driver's
cursor. asyncpg begins and commits its transactions by its own calls, not through the
cursor, and COMMIT is the driver's call on SQLite as well, so neither is counted there.

The bounds are PostgreSQL's. SQLite spends statements PostgreSQL does not, named here
and allowed on top: the `BEGIN IMMEDIATE` we issue ourselves, the tracking counter's
upsert (PostgreSQL draws the number inside the ticket's INSERT), the busy-timeout
PRAGMA that bounds a keyed request's wait for a twin (and restores the wait after), and
the audit event's and the e-mails' own INSERTs (PostgreSQL writes them as data-modifying
CTEs of the change feed's INSERT; SQLite has no such CTEs)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.engine.interfaces import CacheStats

from app.db.session import Database
from tests.support.tickets import make_desk

SQLITE_ONLY = (
    "BEGIN IMMEDIATE",
    "PRAGMA busy_timeout",
    "INSERT INTO tracking_counters",
    "INSERT INTO ticket_events",
    "INSERT INTO outbox",
)

CASE = {
    "subject": "PBX not able to dial PSTN destinations",
    "description": "No outbound PSTN call connects since 09:10.",
    "category": "question",
    "severity": 2,
}


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split("\n")[0][:120])

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)


async def test_a_create_a_get_and_a_list_cost_a_handful_of_statements(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    await desk.open()  # warm: the year's sequence, the caches
    with counted(db) as plain:
        created = await client.post("/v1/tickets", json=CASE, headers=desk.customer)
    assert created.status_code == 201, created.text
    keyed_headers = {**desk.customer, "Idempotency-Key": "count-me"}
    with counted(db) as keyed:
        r = await client.post("/v1/tickets", json=CASE, headers=keyed_headers)
    assert r.status_code == 201, r.text
    with counted(db) as replayed:
        again = await client.post("/v1/tickets", json=CASE, headers=keyed_headers)
    assert again.headers["idempotent-replayed"] == "true"
    with counted(db) as got:
        r = await client.get(f"/v1/tickets/{created.json()['id']}", headers=desk.customer)
    assert r.status_code == 200, r.text
    with counted(db) as listed:
        r = await client.get("/v1/tickets", headers=desk.customer)
    assert r.status_code == 200 and len(r.json()["items"]) == 3, r.text
    with counted(db) as sla:
        r = await client.get(f"/v1/tickets/{created.json()['id']}/sla", headers=desk.customer)
    assert r.status_code == 200 and len(r.json()["clocks"]) >= 1, r.text
    for name, seen in [("plain", plain), ("keyed", keyed), ("replay", replayed)]:
        print(name, *seen, sep="\n  ")
    for name, seen in [("get", got), ("list", listed), ("sla", sla)]:
        print(name, *seen, sep="\n  ")
    if db.dialect == "sqlite":
        for seen in (plain, keyed, replayed, got, listed, sla):
            own = [s for s in seen if s.startswith(SQLITE_ONLY)]
            assert len(own) <= 5, own
            seen[:] = [s for s in seen if not s.startswith(SQLITE_ONLY)]
    assert len(plain) <= 8, plain
    assert len(keyed) <= 8, keyed
    assert len(replayed) <= 3, replayed
    assert len(got) <= 3, got
    assert len(listed) <= 3, listed
    # The ticket and its clocks are one statement; the terms come from the caches.
    assert len(sla) <= 2, sla


@pytest.mark.postgresql
async def test_the_hot_path_compiles_no_statement_per_request(
    client: httpx.AsyncClient, db: Database
) -> None:
    """Every statement a create, a get, a list or an `/sla` issues on PostgreSQL is found
    compiled in SQLAlchemy's cache once warm, whatever the number of rows it writes: a
    multi-row `VALUES` list has no cache key and is compiled anew each time, which is why
    the plain rows go as arrays (`app/db/bulk.py`) or as an executemany."""
    desk = await make_desk(client, db, "bicom")
    await desk.open()

    async def round_trip(severity: int) -> None:
        created = await client.post(
            "/v1/tickets", json=CASE | {"severity": severity}, headers=desk.customer
        )
        assert created.status_code == 201, created.text
        ticket = created.json()["id"]
        for path in (f"/v1/tickets/{ticket}", f"/v1/tickets/{ticket}/sla", "/v1/tickets"):
            r = await client.get(path, headers=desk.customer)
            assert r.status_code == 200, r.text

    for severity in (1, 2, 3):  # warm: each severity's number of clocks and e-mails
        await round_trip(severity)
    seen: list[tuple[CacheStats, str]] = []

    def note(_conn: Any, _cursor: Any, statement: str, _p: Any, context: Any, _m: Any) -> None:
        seen.append((context.cache_hit, statement.split("\n")[0][:80]))

    event.listen(db.engine.sync_engine, "before_cursor_execute", note)
    try:
        for severity in (3, 2, 1, 2):
            await round_trip(severity)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", note)
    assert len(seen) > 20
    missed = [s for s in seen if s[0] is not CacheStats.CACHE_HIT]
    assert missed == []
