"""How long the SLA compliance report takes on PostgreSQL with many tickets (bench/README.md).

Run from the repository root, against a database of its own (it is wiped):

    python bench/report_bench.py --url postgresql+asyncpg://postgres@127.0.0.1:5432/bench_reports
    python bench/report_bench.py --tickets 200000 --reuse

It builds the schema with the migrations, generates the tickets and their clocks in
the server (`INSERT … SELECT generate_series`, fixed seed), runs ANALYZE, then times
`ReportRepository.sla_figures` — the statement `GET /v1/reports/sla` runs — per scope.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from app.cli import migrate
from app.db.repositories import reports as report_sql
from app.db.session import Database
from app.domain.actors import Scope, ScopeKind
from app.domain.reports import ReportCriteria

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench_reports"
CUSTOMERS = 200
PARTNERS = 10  # each supports 10 customers; the others have none
START = datetime(2025, 1, 1, tzinfo=UTC)
YEARS = 2

SETUP = """
SELECT setseed(0.2027);
INSERT INTO partners (id, name, created_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Partner ' || g, now()
FROM generate_series(1, :partners) g;
INSERT INTO customers (id, name, customer_type, partner_id, created_at, updated_at)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Customer ' || g,
       'enterprise',
       CASE WHEN g <= :partners * 10
            THEN ('00000000-0000-4000-8000-' || lpad(to_hex((g - 1) / 10 + 1), 12, '0'))::uuid
       END,
       now(), now()
FROM generate_series(1, :customers) g;
INSERT INTO calendars (id, name, current_version, created_at, updated_at)
VALUES ('00000000-0000-4000-a000-000000000001', 'Bench', 1, now(), now());
INSERT INTO calendar_versions (id, calendar_id, version, document, reason, created_at)
VALUES ('00000000-0000-4000-a000-000000000002', '00000000-0000-4000-a000-000000000001', 1,
        '{}', 'bench', now());
INSERT INTO sla_policies (id, name, current_version, created_at, updated_at)
VALUES ('00000000-0000-4000-b000-000000000001', 'Bench', 1, now(), now());
INSERT INTO sla_policy_versions (id, sla_policy_id, version, document, reason, created_at)
VALUES ('00000000-0000-4000-b000-000000000002', '00000000-0000-4000-b000-000000000001', 1,
        '{}', 'bench', now());
INSERT INTO contracts (id, customer_id, support_level, sla_policy_id, calendar_id, valid_from,
                       channels, escalation_chain, reopen_window_days, auto_close_days,
                       description, created_at, updated_at)
SELECT ('00000000-0000-4000-c000-' || lpad(to_hex(g), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'Standard', '00000000-0000-4000-b000-000000000001',
       '00000000-0000-4000-a000-000000000001', '2024-01-01', '["portal"]', '[]', 14, 7, '',
       now(), now()
FROM generate_series(1, :customers) g;
"""

TICKETS = """
INSERT INTO tickets (id, tracking_number, customer_id, contract_id, calendar_version_id,
                     policy_version_id, channel, category, subject, description, severity,
                     proposed_severity, facts, status, emergency, chargeable, created_at,
                     updated_at)
SELECT gen_random_uuid(), 'B-' || g, ('00000000-0000-4000-9000-' || lpad(to_hex(c), 12, '0'))::uuid,
       ('00000000-0000-4000-c000-' || lpad(to_hex(c), 12, '0'))::uuid,
       '00000000-0000-4000-a000-000000000002', '00000000-0000-4000-b000-000000000002',
       'portal', 'incident', 'PBX - not able to dial PSTN destinations', '-', s, s, '{}',
       'in_progress', false, false, at, at
FROM (
  SELECT g, 1 + (random() * (CAST(:customers AS int) - 1))::int AS c, 1 + (random() * 3)::int AS s,
         CAST(:start AS timestamptz) + random() * CAST(:span AS float8) * interval '1 second' AS at
  FROM generate_series(1, :tickets) g
) t;
"""

# Reaction and resolution on every ticket, restore on 70 %, update on severities 1–2;
# 5 % still running, 3 % paused, of the rest 80 % met, counted times log-normal-ish.
CLOCKS = """
INSERT INTO ticket_clocks (id, ticket_id, metric, minutes, clock, started_at, state, due_at,
                           stopped_at, breached_at, from_phone_call, counted_seconds, pauses,
                           updated_at)
SELECT gen_random_uuid(), id, metric, 60, 'business', created_at,
       CASE WHEN r < 0.05 THEN 'running' WHEN r < 0.08 THEN 'paused'
            WHEN r < 0.264 THEN 'breached' ELSE 'met' END,
       created_at + interval '1 hour',
       CASE WHEN r >= 0.08 THEN created_at + secs * interval '1 second' END,
       CASE WHEN r >= 0.08 AND r < 0.264 THEN created_at + interval '1 hour' END,
       false,
       CASE WHEN r >= 0.08 THEN secs END,
       '[]', created_at
FROM (
  SELECT t.id, t.created_at, m.metric, random() AS r,
         (60 + exp(random() * 12))::int AS secs
  FROM tickets t
  CROSS JOIN (VALUES ('reaction'), ('restore'), ('resolution'), ('update')) AS m(metric)
  WHERE m.metric IN ('reaction', 'resolution')
     OR (m.metric = 'restore' AND random() < 0.7)
     OR (m.metric = 'update' AND t.severity <= 2)
) c;
"""


async def load(db: Database, tickets: int) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await asyncio.to_thread(migrate, db.url)
    params = {
        "partners": PARTNERS,
        "customers": CUSTOMERS,
        "tickets": tickets,
        "start": START,
        "span": YEARS * 365 * 86_400,
    }
    async with db.engine.begin() as conn:
        for statement in SETUP.split(";\n"):
            if statement.strip():
                await conn.execute(text(statement), params)
        started = time.perf_counter()
        await conn.execute(text("SELECT setseed(0.42)"))
        await conn.execute(text(TICKETS), params)
        await conn.execute(text("SELECT setseed(0.43)"))
        await conn.execute(text(CLOCKS))
        print(f"loaded in {time.perf_counter() - started:.1f} s")
    async with db.engine.connect() as conn:
        await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(
            text("VACUUM ANALYZE")
        )


async def counts(db: Database) -> tuple[int, int]:
    async with db.engine.connect() as conn:
        t = (await conn.execute(text("SELECT count(*) FROM tickets"))).scalar_one()
        c = (await conn.execute(text("SELECT count(*) FROM ticket_clocks"))).scalar_one()
    return int(t), int(c)


def customer(n: int) -> uuid.UUID:
    return uuid.UUID(f"00000000-0000-4000-9000-{n:012x}")


def partner(n: int) -> uuid.UUID:
    return uuid.UUID(f"00000000-0000-4000-8000-{n:012x}")


def scenarios() -> list[tuple[str, Scope, ReportCriteria]]:
    year = ReportCriteria(START, START + timedelta(days=365))
    everything = ReportCriteria(START, START + timedelta(days=YEARS * 365 + 1))
    month = ReportCriteria(START, START + timedelta(days=31))
    staff = Scope(ScopeKind.ALL)
    return [
        ("staff, 2 years (all tickets)", staff, everything),
        ("staff, 1 year", staff, year),
        ("staff, 1 month", staff, month),
        (
            "staff, 1 year, one customer",
            staff,
            ReportCriteria(year.created_from, year.created_to, customer(150)),
        ),
        ("partner (10 customers), 1 year", Scope(ScopeKind.PARTNER, partner(3)), year),
        ("customer user, 2 years", Scope(ScopeKind.CUSTOMER, customer(7)), everything),
    ]


async def time_it(db: Database, scope: Scope, criteria: ReportCriteria, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        async with db.unit_of_work() as uow:
            started = time.perf_counter()
            await uow.reports.sla_figures(scope, criteria)
            timings.append(time.perf_counter() - started)
    return timings


async def time_sqlite(db: Database, scope: Scope, criteria: ReportCriteria, runs: int) -> float:
    """The window-function formulation SQLite uses, run on PostgreSQL, for comparison."""
    timings = []
    for _ in range(runs):
        async with db.unit_of_work() as uow:
            started = time.perf_counter()
            await uow.session.execute(report_sql._sqlite(scope, criteria))
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep the data if already loaded")
    args = parser.parse_args()
    db = Database(args.url)
    if db.dialect != "postgresql":
        raise SystemExit("the report benchmark runs on PostgreSQL")
    try:
        loaded = await counts(db) if args.reuse else (0, 0)
    except Exception:  # no schema yet
        loaded = (0, 0)
    if loaded[0] != args.tickets:
        await load(db, args.tickets)
    tickets, clocks = await counts(db)
    print(f"{tickets:,} tickets, {clocks:,} clocks, {CUSTOMERS} customers; {args.runs} runs each")
    print(f"{'scenario':<34} {'min ms':>8} {'median ms':>10} {'max ms':>8}")
    for name, scope, criteria in scenarios():
        t = await time_it(db, scope, criteria, args.runs)
        print(
            f"{name:<34} {min(t) * 1000:>8.0f} {statistics.median(t) * 1000:>10.0f}"
            f" {max(t) * 1000:>8.0f}"
        )
    name, scope, criteria = scenarios()[1]
    portable = await time_sqlite(db, scope, criteria, max(1, args.runs // 2))
    print(f"{name} with SQLite's window functions: median {portable * 1000:.0f} ms")
    await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
