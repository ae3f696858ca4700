"""The anchor: a bare FastAPI + asyncpg app doing the service's hot paths on the same rows.

No authentication, no validation beyond FastAPI's, no ORM, no audit, no clocks: what the
hardware and PostgreSQL give for one ticket insert, one get by id, one keyset page and one
full-text select. `bench/http/run.py` starts it (`uvicorn bench.http.anchor:app --workers
2`) next to the service against the same database; BENCH_ANCHOR_DSN names it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import Response

COLUMNS = (
    "id, tracking_number, customer_id, contract_id, channel, category, subject, description,"
    " severity, status, assignee_id, created_at, updated_at"
)
INSERT = f"""
INSERT INTO tickets (id, tracking_number, customer_id, contract_id, calendar_version_id,
                     policy_version_id, channel, category, subject, description, severity,
                     proposed_severity, facts, status, emergency, chargeable, created_at,
                     updated_at)
SELECT $1, 'AN-' || nextval('bench_anchor_numbers'), c.customer_id, c.id, cv.id, pv.id,
       'portal', $2, $3, $4, $5, $5, '{{}}', 'new', false, false, now(), now()
FROM contracts c
JOIN calendar_versions cv ON cv.calendar_id = c.calendar_id
JOIN sla_policy_versions pv ON pv.sla_policy_id = c.sla_policy_id
WHERE c.customer_id = $6
ORDER BY cv.version DESC, pv.version DESC
LIMIT 1
RETURNING {COLUMNS}
"""  # noqa: S608 (fixed text)
GET = f"SELECT {COLUMNS} FROM tickets WHERE id = $1"  # noqa: S608
SEARCH = (
    f"SELECT {COLUMNS} FROM tickets"  # noqa: S608
    " WHERE search_vector @@ websearch_to_tsquery('simple', $1) ORDER BY id DESC LIMIT 51"
)


def _page(customer: bool, after: bool) -> str:
    where = []
    if customer:
        where.append("customer_id = $1")
    if after:
        n = 2 if customer else 1
        where.append(f"(created_at, id) < (${n}, ${n + 1})")
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT {COLUMNS} FROM tickets{condition} ORDER BY created_at DESC, id DESC LIMIT 51"  # noqa: S608


def _json(value: Any) -> str:
    return json.dumps(value, default=str)


def _rows(records: list[asyncpg.Record]) -> Response:
    items = [dict(r) for r in records[:50]]
    return Response(_json({"items": items}), media_type="application/json")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(
        os.environ["BENCH_ANCHOR_DSN"], min_size=4, max_size=20
    )
    yield
    await app.state.pool.close()


app = FastAPI(lifespan=lifespan)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/tickets", status_code=201)
async def create(request: Request) -> Response:
    body = await request.json()
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(
            INSERT,
            uuid.uuid4(),
            body["category"],
            body["subject"],
            body["description"],
            body["severity"],
            uuid.UUID(body["customer_id"]),
        )
    return Response(_json(dict(row)), status_code=201, media_type="application/json")


@app.get("/tickets/{ticket_id}")
async def get(ticket_id: uuid.UUID, request: Request) -> Response:
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(GET, ticket_id)
    return Response(_json(dict(row)), media_type="application/json")


@app.get("/tickets")
async def page(
    request: Request,
    customer_id: uuid.UUID | None = None,
    after_created_at: datetime | None = None,
    after_id: uuid.UUID | None = None,
) -> Response:
    args: list[Any] = [customer_id] if customer_id else []
    if after_created_at is not None:
        args += [after_created_at, after_id]
    sql = _page(customer_id is not None, after_created_at is not None)
    async with request.app.state.pool.acquire() as conn:
        return _rows(await conn.fetch(sql, *args))


@app.get("/search")
async def search(q: str, request: Request) -> Response:
    async with request.app.state.pool.acquire() as conn:
        return _rows(await conn.fetch(SEARCH, q))
