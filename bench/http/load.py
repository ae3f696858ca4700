"""Fill a database of its own with N valid tickets and their SLA clocks, in seconds.

    python bench/http/load.py --tickets 1000000          # supportdesk_bench_http_1000000
    python bench/http/load.py --tickets 10000 --reuse    # keep it if already loaded

The database `supportdesk_bench_http_<N>` on 127.0.0.1:5432 is the only one this creates
or drops. It runs the migrations, applies the `bicom` preset once through the service
layer (a real calendar, policy and contract), copies that contract to 200 customers
(customer 1 holds a tenth of the tickets, customer 200 about 300 at every size,
customers 2–11 belong to one partner), adds the bench's people, then generates the
tickets in the server — `INSERT … SELECT generate_series`, secondary indexes dropped
during the load and rebuilt after — spread evenly over 2024 and 2025 (tracking numbers
per year as the app issues them; the current year's numbering is left to the service),
90 % closed with met or late clocks, the rest open with running ones: a reaction and a
resolution clock each. Then VACUUM ANALYZE.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine  # noqa: E402

from app.cli import migrate  # noqa: E402
from app.db.session import Database  # noqa: E402
from app.domain.actors import Actor, Role  # noqa: E402
from app.domain.clock import SystemClock  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.presets import apply_preset  # noqa: E402
from app.services.security import hash_password  # noqa: E402
from app.settings import Settings  # noqa: E402

SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
PASSWORD = "bench-http-password-2027"  # noqa: S105 (the bench's own people)
CUSTOMERS = 200
LARGE = uuid.UUID("00000000-0000-4000-9000-000000000001")  # a tenth of all tickets
SMALL = uuid.UUID("00000000-0000-4000-9000-0000000000c8")  # customer 200: 300 tickets
# A small customer stays small however big the vendor grows: the same ~300 tickets at
# every size, so its pages at 10 k and at 1 M are the same pages over a bigger table.
SMALL_TICKETS = 300
# Bumped whenever the generated data change: `--reuse` reloads a database of another layout.
LAYOUT = 2
PARTNER = uuid.UUID("00000000-0000-4000-8000-000000000001")  # customers 2–11
PEOPLE = {
    "admin": ("admin@bench-http.example.com", Role.ADMIN, None),
    "agent": ("agent@bench-http.example.com", Role.AGENT, None),
    "large": ("user@large.bench-http.example.com", Role.CUSTOMER_USER, LARGE),
    "small": ("user@small.bench-http.example.com", Role.CUSTOMER_USER, SMALL),
}
START = "2024-01-01T00:00:00Z"
SPAN_SECONDS = 731 * 86_400  # 2024 (leap) and 2025
# Words for subjects and descriptions, drawn with a skew (random()^2): the first are
# common, the last rare; `jitter` is a medium word the bench searches for.
_WORD_TEXT = (
    "call calls sip trunk registration fails audio pbx outbound inbound gateway codec "
    "timeout carrier extension voice phone server error number customer dial pstn sbc "
    "media rtp invite bye cancel options register transfer hold conference voicemail "
    "greeting queue hunt group ivr prompt dtmf fax echo jitter latency packet loss mos "
    "nat firewall stun tls srtp certificate expired dns srv failover redundancy cluster "
    "node restart upgrade firmware patch release license capacity channels busy "
    "congestion reject forbidden proxy realm nonce header route diversion privacy clip "
    "clir anonymous emergency routing prefix tariff billing cdr invoice portability "
    "ported range block e164 roaming sms hlr volte vowifi diameter radius ldap "
    "provisioning webhook portal softphone handset yealink polycom snom grandstream "
    "audiocodes kamailio opensips asterisk freeswitch teams transcoding opus g711 g729 "
    "ptime bandwidth mtu vlan qos dscp switch router fibre outage maintenance window "
    "monitoring alarm snmp syslog pcap wireshark intermittent morning weekend hanoi "
    "saigon berlin frankfurt zurich vienna paris london madrid milan warsaw prague"
)
WORDS = _WORD_TEXT.split()


def database_name(tickets: int) -> str:
    # BENCH_HTTP_DATABASE_PREFIX: run against copies (CREATE DATABASE … TEMPLATE …).
    prefix = os.environ.get("BENCH_HTTP_DATABASE_PREFIX", "supportdesk_bench_http_")
    return f"{prefix}{tickets}"


def url_of(tickets: int) -> str:
    return f"{SERVER}/{database_name(tickets)}"


def _word() -> str:
    return f"(CAST(:words AS text[]))[1 + floor(power(random(), 2) * {len(WORDS)})::int]"


# Ticket g of N: created at START + g/N of the span; customer 1 every tenth, else spread;
# 90 % closed (resolved a few hours later, closed a week after), the rest open.
TICKETS = f"""
INSERT INTO tickets (id, tracking_number, customer_id, contract_id, calendar_version_id,
                     policy_version_id, channel, category, subject, description, severity,
                     proposed_severity, facts, status, emergency, chargeable, assignee_id,
                     created_at, updated_at, acknowledged_at, resolved_at, closed_at)
SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
       'SD-' || extract(year FROM at)::int || '-'
         || lpad((CASE WHEN at < timestamptz '2025-01-01' THEN g ELSE g - :in_2024 END)::text,
                 6, '0'),
       c.id, c.contract_id, :calendar_version_id, :policy_version_id, 'portal', 'incident',
       initcap({_word()}) || ' ' || {_word()} || ' ' || {_word()} || ' ' || {_word()},
       {_word()} || ' ' || {_word()} || ' ' || {_word()} || ' ' || {_word()} || ' '
         || {_word()} || ' ' || {_word()} || ' ' || {_word()} || ' ' || {_word()} || '.',
       severity, severity, '{{}}', status, false, false,
       CASE WHEN g % 3 = 0 THEN CAST(:agent_id AS uuid) END,
       at, CASE WHEN status = 'closed' THEN at + interval '7 days 5 hours' ELSE at END,
       CASE WHEN status <> 'new' THEN at + interval '20 minutes' END,
       CASE WHEN status = 'closed' THEN at + interval '5 hours' END,
       CASE WHEN status = 'closed' THEN at + interval '7 days 5 hours' END
FROM (
  SELECT g, 1 + (g * 7) % 4 AS severity,
         CASE WHEN g % 10 < 9 THEN 'closed'
              ELSE (ARRAY['new', 'acknowledged', 'in_progress', 'waiting_customer'])
                   [1 + (g / 10) % 4]
         END AS status,
         CASE WHEN g % greatest(1, :tickets / {SMALL_TICKETS}) = 0 THEN {CUSTOMERS}
              WHEN abs(hashtext(g::text)) % 10 = 0 THEN 1
              ELSE 2 + (g::bigint * 7919) % {CUSTOMERS - 2} END AS n,
         timestamptz '{START}' + (g - 0.5) / :tickets * :span * interval '1 second' AS at
  FROM generate_series(CAST(:first AS int), :last) g
) t
JOIN bench_customers c ON c.n = t.n
"""  # noqa: S608 (fixed fragments; every value is a bind parameter)

# A reaction and a resolution clock per ticket; closed tickets' clocks stopped (one in
# eight late), open tickets' running. Counted seconds feed the compliance report.
CLOCKS = """
INSERT INTO ticket_clocks (id, ticket_id, metric, minutes, clock, started_at, state, due_at,
                           warn_at, stopped_at, breached_at, from_phone_call, counted_seconds,
                           pauses, updated_at)
SELECT gen_random_uuid(), t.id, m.metric, m.minutes, m.clock, t.created_at,
       CASE WHEN t.status <> 'closed' THEN 'running'
            WHEN late THEN 'breached' ELSE 'met' END,
       t.created_at + m.minutes * interval '1 minute',
       t.created_at + m.minutes * interval '48 seconds',
       CASE WHEN t.status = 'closed' THEN t.created_at + spent * interval '1 second' END,
       CASE WHEN t.status = 'closed' AND late
            THEN t.created_at + m.minutes * interval '1 minute' END,
       false,
       CASE WHEN t.status = 'closed' THEN spent END,
       '[]', t.updated_at
FROM tickets t
CROSS JOIN (VALUES ('reaction', 60, 'business'), ('resolution', 1440, 'business'))
  AS m(metric, minutes, clock)
CROSS JOIN LATERAL (
  SELECT abs(hashtext(t.tracking_number || m.metric)) % 8 = 0 AS late,
         (m.minutes * 60 * (0.2 + (abs(hashtext(t.tracking_number || m.metric)) % 100) / 80.0))
           ::int AS spent
) s
WHERE t.created_at >= :from_at AND t.created_at < :to_at
"""


@dataclass(frozen=True)
class Loaded:
    url: str
    tickets: int


async def recreate_database(name: str) -> None:
    admin = create_async_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            await conn.execute(text(f"CREATE DATABASE {name}"))
            # JIT compilation costs more than it saves on short queries (bench/README.md).
            await conn.execute(text(f"ALTER DATABASE {name} SET jit = off"))
    finally:
        await admin.dispose()


async def loaded_tickets(url: str) -> int:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            marker = "SELECT value FROM bench_loaded WHERE layout = :layout"
            return int((await conn.execute(text(marker), {"layout": LAYOUT})).scalar_one())
    except Exception:  # no database, no schema or an unfinished load
        return -1
    finally:
        await engine.dispose()


async def _configure(url: str) -> dict[str, Any]:
    """Customers, partner, people and the preset's contract, through the app's own code."""
    settings = Settings(database_url=url)
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO partners (id, name, created_at) VALUES (:id, 'Partner', now())"),
                {"id": PARTNER},
            )
            await conn.execute(
                text(
                    "INSERT INTO customers (id, name, customer_type, partner_id, created_at,"
                    " updated_at) SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12,"
                    " '0'))::uuid, 'Customer ' || g, 'enterprise', CASE WHEN g BETWEEN 2 AND"
                    " 11 THEN CAST(:partner AS uuid) END, now(), now()"
                    " FROM generate_series(1, :n) g"
                ),
                {"partner": PARTNER, "n": CUSTOMERS},
            )
            hashed = await hash_password(settings, PASSWORD)
            ids = {}
            for key, (email, role, customer) in PEOPLE.items():
                ids[key] = uuid.uuid4()
                await conn.execute(
                    text(
                        "INSERT INTO users (id, email, name, role, customer_id, password_hash,"
                        " is_active, phone_numbers, timezone, notification_preferences,"
                        " created_at, updated_at) VALUES (:id, :email, :name, :role,"
                        " :customer, :hash, true, '[]', 'UTC', '{}', now(), now())"
                    ),
                    {
                        "id": ids[key],
                        "email": email,
                        "name": key.title(),
                        "role": role.value,
                        "customer": customer,
                        "hash": hashed,
                    },
                )
        admin = Actor(Role.ADMIN, user_id=ids["admin"], email=PEOPLE["admin"][0])
        async with db.unit_of_work() as uow:
            applied = await apply_preset(
                uow, ServiceContext(settings, SystemClock()), admin, "bicom", LARGE
            )
        async with db.engine.begin() as conn:
            # The other customers get a copy of that contract, valid since before the data.
            columns = [
                name
                for (name,) in await conn.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns"
                        " WHERE table_name = 'contracts' ORDER BY ordinal_position"
                    )
                )
            ]
            await conn.execute(
                text(
                    "UPDATE contracts SET valid_from = '2023-01-01',"
                    ' channels = \'["email", "portal", "api"]\' WHERE id = :id'
                ),
                {"id": applied.contract_id},
            )
            copied = ", ".join(
                {
                    "id": "('00000000-0000-4000-c000-' || lpad(to_hex(g), 12, '0'))::uuid",
                    "customer_id": "('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid",
                }.get(name, name)
                for name in columns
            )
            await conn.execute(
                text(
                    f"INSERT INTO contracts ({', '.join(columns)}) SELECT {copied}"  # noqa: S608
                    " FROM contracts, generate_series(2, :n) g WHERE id = :id"
                ),
                {"n": CUSTOMERS, "id": applied.contract_id},
            )
            await conn.execute(
                text(
                    "CREATE TABLE bench_customers AS SELECT row_number() OVER (ORDER BY"
                    " customer_id) AS n, customer_id AS id, id AS contract_id FROM contracts"
                )
            )
            versions = (
                await conn.execute(
                    text(
                        "SELECT cv.id, pv.id FROM contracts c"
                        " JOIN calendar_versions cv ON cv.calendar_id = c.calendar_id"
                        " JOIN sla_policy_versions pv ON pv.sla_policy_id = c.sla_policy_id"
                        " WHERE c.id = :id"
                    ),
                    {"id": applied.contract_id},
                )
            ).one()
        return {
            "agent_id": ids["agent"],
            "calendar_version_id": versions[0],
            "policy_version_id": versions[1],
        }
    finally:
        await db.dispose()


async def _indexes(engine: AsyncEngine) -> list[str]:
    """The secondary indexes of tickets and ticket_clocks (dropped during the load)."""
    async with engine.begin() as conn:
        rows = await conn.execute(
            text(
                "SELECT indexdef FROM pg_indexes WHERE tablename IN ('tickets', 'ticket_clocks')"
                " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
            )
        )
        definitions = [d for (d,) in rows]
        for name in re.findall(r"INDEX (\w+) ON", " ".join(definitions)):
            await conn.execute(text(f"DROP INDEX {name}"))
    return definitions


async def load(tickets: int, jobs: int) -> Loaded:
    url = url_of(tickets)
    await recreate_database(database_name(tickets))
    await asyncio.to_thread(migrate, url)
    started = time.perf_counter()
    params = await _configure(url)
    engine = create_async_engine(url, pool_size=jobs)
    try:
        indexes = await _indexes(engine)
        # Tickets whose creation instant falls in 2024 (ticket g at (g - 0.5)/N of the span).
        in_2024 = int(tickets * 366 * 86_400 / SPAN_SECONDS + 0.5)
        params |= {"tickets": tickets, "span": SPAN_SECONDS, "words": WORDS, "in_2024": in_2024}

        async def run(statement: str, extra: dict[str, Any]) -> None:
            async with engine.begin() as conn:
                await conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
                await conn.execute(text("SET LOCAL synchronous_commit = off"))
                await conn.execute(text(statement), params | extra)

        bounds = [tickets * i // jobs for i in range(jobs + 1)]
        await asyncio.gather(
            *(run(TICKETS, {"first": bounds[i] + 1, "last": bounds[i + 1]}) for i in range(jobs))
        )
        print(f"  {tickets:,} tickets: {time.perf_counter() - started:.0f} s", flush=True)
        edges = [f"{2024 + i // 12}-{i % 12 + 1:02d}-01" for i in range(0, 25, 24 // jobs)]
        await asyncio.gather(
            *(
                run(CLOCKS, {"from_at": _instant(edges[i]), "to_at": _instant(edges[i + 1])})
                for i in range(len(edges) - 1)
            )
        )
        print(f"  clocks: {time.perf_counter() - started:.0f} s", flush=True)
        for batch in range(0, len(indexes), jobs):
            await asyncio.gather(*(run(d, {}) for d in indexes[batch : batch + jobs]))
        print(f"  {len(indexes)} indexes: {time.perf_counter() - started:.0f} s", flush=True)
        async with engine.connect() as conn:
            autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text("VACUUM ANALYZE"))
            await autocommit.execute(text("CREATE TABLE bench_loaded (value int, layout int)"))
            await autocommit.execute(
                text("INSERT INTO bench_loaded VALUES (:n, :layout)"),
                {"n": tickets, "layout": LAYOUT},
            )
        print(f"  VACUUM ANALYZE: {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        await engine.dispose()
    return Loaded(url, tickets)


def _instant(day: str) -> Any:
    from datetime import UTC, datetime

    return datetime.fromisoformat(day).replace(tzinfo=UTC)


async def ensure(tickets: int, *, reuse: bool, jobs: int = 2) -> Loaded:
    """The database for `tickets`, loaded now unless `reuse` finds it complete."""
    url = url_of(tickets)
    if reuse and await loaded_tickets(url) == tickets:
        print(f"reusing {database_name(tickets)} ({tickets:,} tickets)", flush=True)
        return Loaded(url, tickets)
    print(f"loading {tickets:,} tickets into {database_name(tickets)}", flush=True)
    started = time.perf_counter()
    loaded = await load(tickets, jobs)
    print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true", help="keep the data if complete")
    parser.add_argument("--jobs", type=int, default=2, help="connections loading at once")
    args = parser.parse_args()
    asyncio.run(ensure(args.tickets, reuse=args.reuse, jobs=args.jobs))


if __name__ == "__main__":
    main()
