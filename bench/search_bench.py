"""How fast `GET /v1/tickets?q=` answers on PostgreSQL with many tickets (bench/README.md).

Run from the repository root:

    python bench/search_bench.py                    # 1 000 000 tickets (minutes to load)
    python bench/search_bench.py --tickets 100000
    python bench/search_bench.py --reuse            # keep the data if the ticket count matches

It (re)creates the database `supportdesk_bench_search` on 127.0.0.1:5432 — that database
only, never another — runs the migrations, fills the real tables in the server with
set-based SQL (fixed seeds): tickets whose subjects, descriptions and 1–3 comments each
(30 % internal) are drawn from a telecom vocabulary with a Zipf-like frequency, then
VACUUM ANALYZE. It serves the real app under uvicorn on 127.0.0.1 and times the search
over HTTP with 4 concurrent connections, as an agent and as a customer user of the
largest customer, per kind of query; then prints EXPLAIN (ANALYZE, BUFFERS) of the
statement the repository runs for one query of each kind.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import event, func, select, text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from app.cli import migrate  # noqa: E402
from app.db import search  # noqa: E402
from app.db.models import Ticket  # noqa: E402
from app.db.repositories.scoping import visible  # noqa: E402
from app.db.repositories.tickets import TicketFilters  # noqa: E402
from app.db.session import Database  # noqa: E402
from app.domain.actors import Scope, ScopeKind  # noqa: E402
from app.services.security import hash_password  # noqa: E402
from app.settings import Settings  # noqa: E402

SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
DATABASE = "supportdesk_bench_search"  # the only database this bench creates or drops
URL = f"{SERVER}/{DATABASE}"
CUSTOMERS = 200
BIG_CUSTOMER_SHARE = 0.10  # customer 1 has a tenth of all tickets
START = datetime(2025, 1, 1, tzinfo=UTC)
SPAN_SECONDS = 2 * 365 * 86_400
END = START + timedelta(seconds=SPAN_SECONDS + 1)
PASSWORD = "bench-search-password-2027"  # noqa: S105 (the bench's own users)
AGENT_EMAIL = "agent@bench-search.example.com"
CUSTOMER_EMAIL = "user@customer-1.example.com"
CONCURRENCY = 4


def _words(text_: str) -> list[str]:
    return text_.split()


# The most frequent words first: English glue words mixed with the support vocabulary.
# With the Zipf-like draw below the word of rank r appears with probability ~ 1/r.
COMMON_WORDS = _words("""
the to and a is call not on of in calls we for after with no sip from it trunk our
since are be at this can customer all as pbx number that when error but have server
outbound inbound registration fails failed please only an by again gateway some
users one audio phone do voice issue see extension codec carrier timeout
""")
MEDIUM_WORDS = _words("""
dial pstn sbc media rtp invite bye ack cancel options register subscribe notify refer
transfer hold conference voicemail greeting queue hunt group ivr prompt dtmf fax t38
echo jitter latency packet loss mos nat firewall stun turn ice tls srtp certificate
expired dns srv naptr failover redundancy cluster node restart upgrade firmware patch
release license capacity channels concurrent busy congestion reject forbidden
unauthorized proxy authentication realm nonce header via contact route record diversion
pai ppi privacy clip clir anonymous presentation emergency routing prefix lcr tariff
billing cdr rating invoice portability ported donor recipient range block allocation
e164 international national local mobile fixed roaming sms mms ussd hlr hss ims volte
vowifi ims apn diameter radius ldap provisioning api webhook portal softphone desk
handset yealink polycom snom cisco grandstream audiocodes ribbon oracle kamailio
opensips asterisk freeswitch teams zoom webex transcoding opus g711 g729 g722 amr
ptime bandwidth mtu vlan qos dscp switch router link fibre outage maintenance window
ticket escalation severity restore workaround resolution monitoring alarm snmp syslog
trace pcap wireshark log logs debug reproduce intermittent random every morning evening
weekend office branch site headquarters warehouse hanoi saigon berlin frankfurt munich
zurich vienna paris london madrid milan warsaw prague amsterdam brussels dublin
""")
RARE_SYLLABLES = _words(
    "ka ro mi tel vox net lin ter dal pho gra zen bri qua mon ret sol vin cor lu"
)
VOCABULARY_SIZE = 6000


def vocabulary() -> list[str]:
    """COMMON_WORDS, then MEDIUM_WORDS, then made-up rare words (product, host and place
    names) up to VOCABULARY_SIZE; index = frequency rank."""
    words: list[str] = []
    for word in COMMON_WORDS + MEDIUM_WORDS:
        if word not in words:
            words.append(word)
    rng = random.Random(2027)
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(RARE_SYLLABLES) for _ in range(rng.choice((3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


SETUP = """
INSERT INTO customers (id, name, customer_type, created_at, updated_at)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Customer ' || g,
       'enterprise', now(), now()
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
FROM generate_series(1, :customers) g
"""

# A word of the vocabulary, rank ~ 1/r: exp(U * ln(V + 1)) is log-uniform on [1, V + 1).
WORD = "(CAST(:words AS text[]))[floor(exp(random() * :ln_v))::int]"
# A UUIDv7 (as app.domain.ids.new_id makes) for the instant `at`.
UUID7 = """(lpad(to_hex((extract(epoch FROM {at}) * 1000)::bigint), 12, '0') || '7'
    || substr(md5(random()::text), 1, 3) || to_hex(8 + (random() * 3)::int)
    || substr(md5(random()::text), 1, 15))::uuid"""

# Tickets in creation order: the first half in 2025, the second in 2026, tracking numbers
# numbered per year as the app issues them. Subjects 4–9 words, descriptions 15–50.
TICKETS = f"""
INSERT INTO tickets (id, tracking_number, customer_id, contract_id, calendar_version_id,
                     policy_version_id, channel, category, subject, description, severity,
                     proposed_severity, facts, status, emergency, chargeable, created_at,
                     updated_at)
SELECT {UUID7.format(at="at")},
       'SD-' || year || '-' || lpad((CASE WHEN year = 2025 THEN g ELSE g - half END)::text, 6, '0'),
       ('00000000-0000-4000-9000-' || lpad(to_hex(c), 12, '0'))::uuid,
       ('00000000-0000-4000-c000-' || lpad(to_hex(c), 12, '0'))::uuid,
       '00000000-0000-4000-a000-000000000002', '00000000-0000-4000-b000-000000000002',
       'portal', 'incident',
       initcap(left((SELECT string_agg({WORD}, ' ') FROM generate_series(1, 4 + g % 6)), 300)),
       (SELECT string_agg({WORD}, ' ') FROM generate_series(1, 15 + (g * 7) % 36)) || '.',
       s, s, '{{}}',
       (ARRAY['new', 'acknowledged', 'in_progress', 'waiting_customer'])[1 + g % 4],
       false, false, at, at
FROM (
  SELECT g, half, CASE WHEN g <= half THEN 2025 ELSE 2026 END AS year,
         CASE WHEN random() < :big_share THEN 1
              ELSE 2 + floor(random() * (CAST(:customers AS int) - 1))::int END AS c,
         1 + floor(random() * 4)::int AS s,
         CAST(:start AS timestamptz)
           + (g + random()) / CAST(:tickets AS float8) * CAST(:span AS float8) * interval '1 second'
           AS at
  FROM generate_series(CAST(:first AS int), :last) g,
       (SELECT CAST(:tickets AS int) / 2 AS half) h
) t
"""  # noqa: S608 (fixed fragments only; every value is a bind parameter)

# 1–3 comments per ticket, 6–30 words each, 30 % internal (staff only); per creation period.
COMMENTS = f"""
INSERT INTO comments (id, ticket_id, author_role, visibility, channel, body, created_at)
SELECT {UUID7.format(at="at")}, ticket_id, CASE WHEN internal THEN 'agent'
       WHEN n % 2 = 0 THEN 'customer_user' ELSE 'agent' END,
       CASE WHEN internal THEN 'internal' ELSE 'public' END, 'portal',
       (SELECT string_agg({WORD}, ' ') FROM generate_series(1, 6 + (n * 13 + k) % 25)) || '.',
       at
FROM (
  SELECT t.id AS ticket_id, n, k, random() < 0.3 AS internal,
         t.created_at + n * interval '3 hours' AS at
  FROM (SELECT id, created_at, abs(hashtext(tracking_number)) AS k FROM tickets
        WHERE created_at >= :from_at AND created_at < :to_at) t,
       generate_series(1, 1 + (k % 3)::int) n
) c
"""  # noqa: S608 (fixed fragments only; every value is a bind parameter)

USERS = """
INSERT INTO users (id, email, name, role, customer_id, password_hash, is_active, phone_numbers,
                   timezone, notification_preferences, created_at, updated_at)
VALUES (:agent_id, :agent_email, 'Bench Agent', 'agent', NULL, :hash, true, '[]', 'UTC', '{}',
        now(), now()),
       (:user_id, :user_email, 'Bench User', 'customer_user',
        '00000000-0000-4000-9000-000000000001', :hash, true, '[]', 'UTC', '{}', now(), now())
"""


def big_customer() -> uuid.UUID:
    return uuid.UUID("00000000-0000-4000-9000-000000000001")


async def recreate_database() -> None:
    admin = create_async_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
            await conn.execute(text(f"CREATE DATABASE {DATABASE}"))
            # JIT compiling costs more than it saves on short queries (300 ms seen here on a
            # search): what an OLTP deployment configures (bench/README.md).
            await conn.execute(text(f"ALTER DATABASE {DATABASE} SET jit = off"))
    finally:
        await admin.dispose()


async def load(tickets: int, jobs: int) -> None:
    await recreate_database()
    await asyncio.to_thread(migrate, URL)
    words = vocabulary()
    params: dict[str, Any] = {
        "customers": CUSTOMERS,
        "big_share": BIG_CUSTOMER_SHARE,
        "tickets": tickets,
        "start": START,
        "span": SPAN_SECONDS,
        "words": words,
        "ln_v": math.log(len(words) + 1),
    }
    engine = create_async_engine(URL, pool_size=jobs)
    try:
        async with engine.begin() as conn:
            for statement in SETUP.split(";\n"):
                await conn.execute(text(statement), params)
            # Secondary indexes are built once after the load (faster than row by row).
            rows = await conn.execute(
                text(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN"
                    " ('tickets', 'comments') AND indexname NOT IN"
                    " (SELECT conname FROM pg_constraint)"
                )
            )
            indexes = [definition for name, definition in rows.all()]
            for name in re.findall(r"INDEX (\w+) ON", " ".join(indexes)):
                await conn.execute(text(f"DROP INDEX {name}"))
            half = tickets // 2
            await conn.execute(
                text(
                    "INSERT INTO tracking_counters (year, last_value) VALUES (2025, :a), (2026, :b)"
                ),
                {"a": half, "b": tickets - half},
            )

        async def run(statement: str, chunk: int, extra: dict[str, Any]) -> None:
            async with engine.begin() as conn:
                await conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
                await conn.execute(text("SELECT setseed(:seed)"), {"seed": chunk / (jobs + 1)})
                await conn.execute(text(statement), params | extra)

        # In `jobs` connections at once: the server generates the text, one core each.
        bounds = [tickets * i // jobs for i in range(jobs + 1)]
        started = time.perf_counter()
        await asyncio.gather(
            *(run(TICKETS, i, {"first": bounds[i] + 1, "last": bounds[i + 1]}) for i in range(jobs))
        )
        print(f"  {tickets:,} tickets in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        edges = [START + (END - START) * i / jobs for i in range(jobs + 1)]
        edges[-1] = END
        await asyncio.gather(
            *(run(COMMENTS, i, {"from_at": edges[i], "to_at": edges[i + 1]}) for i in range(jobs))
        )
        print(f"  comments in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        for batch in range(0, len(indexes), jobs):
            await asyncio.gather(
                *(run(definition, 0, {}) for definition in indexes[batch : batch + jobs])
            )
        print(f"  {len(indexes)} indexes in {time.perf_counter() - started:.0f} s", flush=True)
        async with engine.begin() as conn:
            settings = Settings(database_url=URL)
            await conn.execute(
                text(USERS),
                {
                    "agent_id": uuid.uuid4(),
                    "user_id": uuid.uuid4(),
                    "agent_email": AGENT_EMAIL,
                    "user_email": CUSTOMER_EMAIL,
                    "hash": await hash_password(settings, PASSWORD),
                },
            )
        started = time.perf_counter()
        async with engine.connect() as conn:
            await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(
                text("VACUUM ANALYZE")
            )
        print(f"  VACUUM ANALYZE in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        await engine.dispose()


async def loaded_tickets() -> int:
    engine = create_async_engine(URL)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text("SELECT count(*) FROM tickets"))).scalar_one())
    except Exception:  # no database or no schema yet
        return -1
    finally:
        await engine.dispose()


@dataclass
class Persona:
    name: str
    email: str
    scope: Scope
    internal: bool
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Query:
    kind: str
    params: list[dict[str, str]]  # rotated through; a second page carries its cursor


def query_words() -> dict[str, list[str]]:
    words = vocabulary()
    return {
        "rare word": [words[r] for r in (3000, 3600, 4200, 4800, 5400)],
        "medium word": ["jitter", "firmware", "voicemail", "frankfurt", "certificate"],
        "two words": ["jitter firmware", "voicemail greeting", "frankfurt outage", "tls expired"],
        "common word": ["call", "sip", "trunk", "customer", "registration"],
    }


async def tracking_numbers(db: Database, scope: Scope, n: int) -> list[str]:
    stmt = visible(select(Ticket.tracking_number), scope, Ticket.customer_id)
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            stmt.where(Ticket.created_at > START).order_by(func.random()).limit(n)
        )
        return [r[0] for r in rows]


async def matches(db: Database, persona: Persona, q: str) -> int:
    """How many tickets `q` finds for `persona` (the app's own matching, counted)."""
    base = visible(select(Ticket.id), persona.scope, Ticket.customer_id)
    found = search.matching(base, "postgresql", q, internal=persona.internal)
    assert found is not None
    async with db.unit_of_work() as uow:
        count = await uow.session.execute(select(func.count()).select_from(found[0].subquery()))
        return int(count.scalar_one())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "SUPPORTDESK_DATABASE_URL": URL,
        "SUPPORTDESK_RATE_LIMIT": "1000000/minute",
        "SUPPORTDESK_ACCESS_TOKEN_MINUTES": "60",
        "SUPPORTDESK_LOG_LEVEL": "WARNING",
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app_factory",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 (our own server)


async def wait_ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not start")


async def log_in(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    r = await client.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def search_page(
    client: httpx.AsyncClient, persona: Persona, params: dict[str, str]
) -> dict[str, Any]:
    r = await client.get("/v1/tickets", params=params, headers=persona.headers)
    if r.status_code != 200:
        raise SystemExit(f"{params}: {r.status_code} {r.text}")
    body: dict[str, Any] = r.json()
    return body


async def timed(
    client: httpx.AsyncClient, persona: Persona, query: Query, requests: int, seconds: float
) -> list[float]:
    """Latencies in ms of up to `requests` requests (and `seconds`), 4 at a time."""
    timings: list[float] = []
    deadline = time.perf_counter() + seconds
    issued = 0

    async def worker() -> None:
        nonlocal issued
        while issued < requests and time.perf_counter() < deadline:
            params = query.params[issued % len(query.params)]
            issued += 1
            started = time.perf_counter()
            await search_page(client, persona, params)
            timings.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return timings


def p(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else math.nan
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


async def queries_for(db: Database, client: httpx.AsyncClient, persona: Persona) -> list[Query]:
    words = query_words()
    queries = [Query(kind, [{"q": q} for q in qs]) for kind, qs in words.items()]
    numbers = await tracking_numbers(db, persona.scope, 20)
    queries.append(Query("tracking number", [{"q": n} for n in numbers]))
    second_pages = []
    for q in words["medium word"]:
        first = await search_page(client, persona, {"q": q})
        if first["next_cursor"]:
            second_pages.append({"q": q, "cursor": first["next_cursor"]})
    queries.append(Query("medium word, page 2", second_pages))
    return queries


async def timed_repository(
    db: Database, persona: Persona, query: Query, requests: int, seconds: float
) -> list[float]:
    """Latencies in ms of `TicketRepository.tickets` alone (the statement and loading its
    50 rows), in this process, 4 at a time: the search without the HTTP layer."""
    calls: list[tuple[TicketFilters, str | None]] = []
    for params in query.params:
        filters = TicketFilters(text=params["q"], search_internal=persona.internal)
        cursor = None
        if "cursor" in params:  # the HTTP cursor is signed; the repository's own is plain
            async with db.unit_of_work() as uow:
                first = await uow.tickets.tickets(persona.scope, filters, None, 50, None)
                cursor = first.next_cursor
        calls.append((filters, cursor))
    timings: list[float] = []
    deadline = time.perf_counter() + seconds
    issued = 0

    async def worker() -> None:
        nonlocal issued
        while issued < requests and time.perf_counter() < deadline:
            filters, cursor = calls[issued % len(calls)]
            issued += 1
            async with db.unit_of_work() as uow:
                started = time.perf_counter()
                await uow.tickets.tickets(persona.scope, filters, None, 50, cursor)
                timings.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return timings


async def explain(db: Database, persona: Persona, query: Query) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the very statement TicketRepository.tickets runs."""
    params = query.params[0]
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    async with db.unit_of_work() as uow:
        filters = TicketFilters(text=params["q"], search_internal=persona.internal)
        cursor = params.get("cursor")
        if cursor:  # the app's cursor is signed for HTTP; re-derive the repository's own
            first = await uow.tickets.tickets(persona.scope, filters, None, 50, None)
            cursor = first.next_cursor
        event.listen(db.engine.sync_engine, "before_cursor_execute", capture)
        try:
            await uow.tickets.tickets(persona.scope, filters, None, 50, cursor)
        finally:
            event.remove(db.engine.sync_engine, "before_cursor_execute", capture)
        statement, parameters = captured[-1]
        plan = await uow.session.connection()
        rows = await plan.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        print(f"\n--- {persona.name}, {query.kind}: {params}")
        for (line,) in rows:
            print(line)


async def bench(args: argparse.Namespace) -> None:
    db = Database(URL)
    port = free_port()
    server = start_server(port)
    personas = [
        Persona("agent", AGENT_EMAIL, Scope(ScopeKind.ALL), True),
        Persona("customer user", CUSTOMER_EMAIL, Scope(ScopeKind.CUSTOMER, big_customer()), False),
    ]
    overall: list[float] = []
    overall_db: list[float] = []
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=120, trust_env=False
        ) as client:
            await wait_ready(client, server)
            plans: list[tuple[Persona, Query]] = []
            print(
                f"\n{'who':<14} {'query':<20} {'n':>5} {'p50 ms':>7} {'p95 ms':>7}"
                f" {'p99 ms':>7} | {'db p50':>7} {'db p95':>7} {'db p99':>7} {'matches':>15}"
            )
            for persona in personas:
                persona.headers = await log_in(client, persona.email)
                for query in await queries_for(db, client, persona):
                    await timed(client, persona, query, len(query.params), 30)  # warm up
                    t = await timed(client, persona, query, args.requests, args.seconds)
                    d = await timed_repository(db, persona, query, args.requests, args.seconds)
                    overall.extend(t)
                    overall_db.extend(d)
                    if query.kind == "tracking number":
                        found = "1"
                    else:
                        counts = [await matches(db, persona, x["q"]) for x in query.params]
                        found = f"{min(counts):,}–{max(counts):,}"
                    print(
                        f"{persona.name:<14} {query.kind:<20} {len(t):>5} {p(t, 50):>7.1f}"
                        f" {p(t, 95):>7.1f} {p(t, 99):>7.1f} | {p(d, 50):>7.1f}"
                        f" {p(d, 95):>7.1f} {p(d, 99):>7.1f} {found:>15}",
                        flush=True,
                    )
                    plans.append((persona, query))
            print(
                f"\noverall: {len(overall)} requests, HTTP p99 {p(overall, 99):.1f} ms;"
                f" repository alone p99 {p(overall_db, 99):.1f} ms"
            )
            print(f"load average (1, 5, 15 min): {os.getloadavg()}")
            if not args.no_plans:
                for persona, query in plans:
                    await explain(db, persona, query)
    finally:
        server.terminate()
        server.wait(timeout=30)
        await db.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="per kind of query and user")
    parser.add_argument("--seconds", type=float, default=60, help="at most, per kind and user")
    parser.add_argument("--reuse", action="store_true", help="keep the data if already loaded")
    parser.add_argument("--jobs", type=int, default=4, help="connections loading at once")
    parser.add_argument("--no-plans", action="store_true", help="skip EXPLAIN ANALYZE")
    args = parser.parse_args()
    if not args.reuse or await loaded_tickets() != args.tickets:
        print(f"loading {args.tickets:,} tickets into {DATABASE}", flush=True)
        started = time.perf_counter()
        await load(args.tickets, args.jobs)
        print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"load average before timing: {os.getloadavg()}")
    await bench(args)


if __name__ == "__main__":
    asyncio.run(main())
