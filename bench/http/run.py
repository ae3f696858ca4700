"""The service next to a bare FastAPI + asyncpg anchor, over HTTP, interleaved (issue 9).

    python bench/http/run.py                          # 10 000 and 1 000 000 tickets
    python bench/http/run.py --sizes 10000 --reuse    # one size, data kept if loaded
    python bench/http/run.py --seconds 5 --rounds 3

For each size it loads (or reuses) `supportdesk_bench_http_<size>` (bench/http/load.py),
starts the service (`supportdesk serve --workers 2`, production settings) and the anchor
(`uvicorn bench.http.anchor:app --workers 2`) on loopback ports against that database,
then runs each scenario as A B A B A B — service, anchor, `--rounds` times, each run
`--seconds` long — with an asyncio client (httpx) keeping a fixed number of connections
busy (one client process per 8 connections). It prints each scenario's rate ratio
(service / anchor: median and min–max over the rounds), the service's p50/p99, the
whole-vendor SLA report for a year (timed before the scenarios), and at the end pages at
the largest size against the same pages at the smallest.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from load import LARGE, PARTNER, PASSWORD, PEOPLE, SMALL, ensure  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from app.cursors import CursorSigner  # noqa: E402
from app.db.repositories.pagination import encode_cursor  # noqa: E402
from app.services.sealing import derived_key  # noqa: E402
from app.settings import Settings  # noqa: E402

SECRET = "bench-http-secret-key-0123456789-abcdefghijklmnop"  # noqa: S105 (loopback bench)
SEARCH_WORD = "jitter"
REPORT_YEAR = ("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
Request = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 (our own interpreter and modules)
        [sys.executable, *command], cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)} | env
    )


async def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=url, trust_env=False) as client:
        for _ in range(600):
            if process.poll() is not None:
                raise SystemExit(f"{url}: the process exited with {process.returncode}")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"{url} did not start")


@dataclass
class Run:
    requests: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


# Connections one client process keeps busy. One asyncio + httpx process is the
# bottleneck well before 32 connections (the bare anchor's inserts: 420/s at 4 connections,
# 228/s at 32 from one process, 420/s again from four processes of eight), so wider
# scenarios spread their connections over several client processes.
CONNECTIONS_PER_CLIENT = 8


async def drive(url: str, request: Request, connections: int, seconds: float) -> Run:
    """`connections` clients each sending `request` back to back for `seconds`, from one
    client process per `CONNECTIONS_PER_CLIENT` connections (`request` must then pickle:
    a `Post`)."""
    processes = -(-connections // CONNECTIONS_PER_CLIENT)
    if processes == 1:
        return await _drive_here(url, request, connections, seconds)
    return await asyncio.to_thread(_drive_processes, url, request, connections, seconds, processes)


def _drive_processes(
    url: str, request: Request, connections: int, seconds: float, processes: int
) -> Run:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processes + 1)  # all begin together, once warm
    results = context.Queue()
    shares = [connections // processes + (n < connections % processes) for n in range(processes)]
    clients = [
        context.Process(target=_client, args=(url, request, share, seconds, start, results))
        for share in shares
    ]
    for client in clients:
        client.start()
    start.wait()
    runs: list[Run] = [results.get(timeout=seconds + 120) for _ in clients]
    for client in clients:
        client.join()
    latencies = [t for run in runs for t in run.latencies]
    return Run(len(latencies), max(run.seconds for run in runs), latencies)


def _client(
    url: str, request: Request, connections: int, seconds: float, start: Barrier, results: Any
) -> None:
    """One client process of `_drive_processes`."""
    results.put(asyncio.run(_drive_here(url, request, connections, seconds, start)))


async def _drive_here(
    url: str, request: Request, connections: int, seconds: float, start: Barrier | None = None
) -> Run:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    latencies: list[float] = []
    async with httpx.AsyncClient(
        base_url=url, limits=limits, timeout=60, trust_env=False
    ) as client:
        await request(client, 0)  # connection and caches warm
        if start is not None:
            start.wait()
        started = time.perf_counter()
        deadline = started + seconds

        async def one(n: int) -> None:
            i = n
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                r = await request(client, i)
                if r.status_code >= 400:
                    raise SystemExit(
                        f"{r.request.method} {r.request.url}: {r.status_code} {r.text}"
                    )
                latencies.append((time.perf_counter() - t) * 1000)
                i += connections

        await asyncio.gather(*(one(n) for n in range(connections)))
        elapsed = time.perf_counter() - started
    return Run(len(latencies), elapsed, latencies)


@dataclass(frozen=True)
class Post:
    """A POST of `body` as a `Request` that pickles (for several client processes); a
    fresh `Idempotency-Key` on each when `keyed`."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    keyed: bool = False

    def __call__(self, client: httpx.AsyncClient, i: int) -> Awaitable[httpx.Response]:
        extra = {"Idempotency-Key": f"bench-{uuid.uuid4()}"} if self.keyed else {}
        return client.post(self.path, json=self.body, headers=self.headers | extra)


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


@dataclass
class Scenario:
    name: str
    service: Request
    anchor: Request
    connections: int = 4
    page: bool = False  # compared across sizes and held to the p99 goal


@dataclass
class Result:
    scenario: Scenario
    ratios: list[float]
    service_rates: list[float]
    anchor_rates: list[float]
    latencies: list[float] = field(default_factory=list)


@dataclass
class World:
    """What the scenarios need from the loaded database and the running service."""

    headers: dict[str, dict[str, str]]
    api_key: dict[str, str]
    ticket_ids: list[str]
    middles: dict[str, tuple[str, str]]  # persona → (created_at, id) halfway down its list
    partner_customer: str


# The loader dates every ticket in 2024-2025; what a run creates is dated now.
LOADED_BEFORE = datetime(2026, 1, 1, tzinfo=UTC)


async def forget_earlier_runs(db_url: str) -> int:
    """Deletes what earlier runs created (tickets dated after the load, and their rows), so
    every run measures the size it names: the creates of one run would otherwise sit, as
    the newest tickets, in front of the next run's pages and searches."""
    engine = create_async_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            newer = "SELECT id FROM tickets WHERE created_at >= :cut"
            children = (
                await conn.execute(
                    text(
                        "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c"
                        " JOIN pg_attribute a ON a.attrelid = c.conrelid"
                        " AND a.attnum = c.conkey[1]"
                        " WHERE c.contype = 'f' AND c.confrelid = 'tickets'::regclass"
                    )
                )
            ).all()
            for table, column in [*children, ("ticket_changes", "ticket_id")]:
                await conn.execute(
                    text(f"DELETE FROM {table} WHERE {column} IN ({newer})"),  # noqa: S608
                    {"cut": LOADED_BEFORE},
                )
            deleted = (
                await conn.execute(
                    text("DELETE FROM tickets WHERE created_at >= :cut"),
                    {"cut": LOADED_BEFORE},
                )
            ).rowcount
            if deleted:
                await conn.execute(text("VACUUM ANALYZE tickets"))
                await conn.execute(text("VACUUM ANALYZE ticket_clocks"))
            return int(deleted or 0)
    finally:
        await engine.dispose()


async def prepare(db_url: str, service: str, settings: Settings) -> World:
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as conn:
            ids = [
                str(i)
                for (i,) in await conn.execute(
                    text("SELECT id FROM tickets TABLESAMPLE SYSTEM (1) LIMIT 200")
                )
            ]
            if len(ids) < 50:
                ids = [str(i) for (i,) in await conn.execute(text("SELECT id FROM tickets"))]
            middles = {}
            for persona, customer in (("agent", None), ("large", LARGE), ("small", SMALL)):
                where = "WHERE customer_id = :c" if customer else ""
                count = (
                    await conn.execute(
                        text(f"SELECT count(*) FROM tickets {where}"),  # noqa: S608
                        {"c": customer},
                    )
                ).scalar_one()
                row = (
                    await conn.execute(
                        text(
                            f"SELECT created_at, id FROM tickets {where}"  # noqa: S608
                            " ORDER BY created_at DESC, id DESC OFFSET :n LIMIT 1"
                        ),
                        {"c": customer, "n": count // 2},
                    )
                ).one()
                middles[persona] = (row[0].isoformat(), str(row[1]))
            await conn.execute(text("CREATE SEQUENCE IF NOT EXISTS bench_anchor_numbers"))
            await conn.commit()
            partner_customer = (
                await conn.execute(
                    text("SELECT id FROM customers WHERE partner_id = :p ORDER BY id LIMIT 1"),
                    {"p": PARTNER},
                )
            ).scalar_one()
    finally:
        await engine.dispose()
    headers = {}
    async with httpx.AsyncClient(base_url=service, trust_env=False, timeout=60) as client:
        for persona, (email, _role, _customer) in PEOPLE.items():
            r = await client.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
            r.raise_for_status()
            headers[persona] = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await client.post(
            f"/v1/partners/{PARTNER}/api-keys",
            json={"name": f"bench {uuid.uuid4()}"},
            headers=headers["admin"],
        )
        r.raise_for_status()
    return World(headers, {"X-API-Key": r.json()["key"]}, ids, middles, str(partner_customer))


def scenarios(world: World, settings: Settings) -> list[Scenario]:
    ids = world.ticket_ids
    case = {
        "subject": "Outbound calls to the PSTN fail with 503",
        "description": "Since 09:10 no outbound call connects; inbound works.",
        "category": "incident",
        "severity": 2,
    }

    def anchor_create(customer: str) -> Request:
        return Post("/tickets", case | {"customer_id": customer}, {})

    def create(headers: dict[str, str], body: dict[str, Any], keyed: bool = False) -> Request:
        return Post("/v1/tickets", body, headers, keyed)

    customer_body = case
    partner_body = case | {"customer_id": world.partner_customer}
    large = str(LARGE)
    out = [
        Scenario(
            "create, bearer (customer user)",
            create(world.headers["large"], customer_body),
            anchor_create(large),
        ),
        Scenario(
            "create, API key (partner)",
            create(world.api_key, partner_body),
            anchor_create(world.partner_customer),
        ),
        Scenario(
            "create, bearer + Idempotency-Key",
            create(world.headers["large"], customer_body, keyed=True),
            anchor_create(large),
        ),
        Scenario(
            "create, bearer, 1 connection",
            create(world.headers["large"], customer_body),
            anchor_create(large),
            connections=1,
        ),
        Scenario(
            "create, bearer, 32 connections",
            create(world.headers["large"], customer_body),
            anchor_create(large),
            connections=32,
        ),
    ]
    # Reads first: a create scenario adds thousands of tickets, which the pages and the
    # search that follow would otherwise walk past.
    creates, out = (
        out,
        [
            Scenario(
                "get by id (agent)",
                lambda c, i: c.get(
                    f"/v1/tickets/{ids[i % len(ids)]}", headers=world.headers["agent"]
                ),
                lambda c, i: c.get(f"/tickets/{ids[i % len(ids)]}"),
            ),
            Scenario(
                "/sla of a ticket (agent)",
                lambda c, i: c.get(
                    f"/v1/tickets/{ids[i % len(ids)]}/sla", headers=world.headers["agent"]
                ),
                lambda c, i: c.get(f"/tickets/{ids[i % len(ids)]}"),
            ),
        ],
    )
    key = derived_key(settings, "cursors")
    binding = b'["/v1/tickets",[]]'
    for persona, customer in (("agent", None), ("large", LARGE), ("small", SMALL)):
        headers = world.headers[persona]
        scope = {"customer_id": str(customer)} if customer else {}
        at, last = world.middles[persona]
        cursor = CursorSigner(key, binding).sign(encode_cursor([at, last]))
        out.append(
            Scenario(
                f"first page, {persona}",
                lambda c, i, h=headers: c.get("/v1/tickets", headers=h),
                lambda c, i, s=scope: c.get("/tickets", params=s),
                page=True,
            )
        )
        out.append(
            Scenario(
                f"middle page, {persona}",
                lambda c, i, h=headers, k=cursor: c.get(
                    "/v1/tickets", params={"cursor": k}, headers=h
                ),
                lambda c, i, s=scope, a=at, b=last: c.get(
                    "/tickets", params=s | {"after_created_at": a, "after_id": b}
                ),
                page=True,
            )
        )
    out.append(
        Scenario(
            f"search '{SEARCH_WORD}' (agent)",
            lambda c, i: c.get(
                "/v1/tickets", params={"q": SEARCH_WORD}, headers=world.headers["agent"]
            ),
            lambda c, i: c.get("/search", params={"q": SEARCH_WORD}),
            page=True,
        )
    )
    return out + creates


async def report_timings(service: str, headers: dict[str, str], times: int) -> list[float]:
    timings = []
    async with httpx.AsyncClient(base_url=service, trust_env=False, timeout=300) as client:
        for _ in range(times):
            started = time.perf_counter()
            r = await client.get(
                "/v1/reports/sla",
                params={"from": REPORT_YEAR[0], "to": REPORT_YEAR[1]},
                headers=headers,
            )
            r.raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


async def bench_size(size: int, args: argparse.Namespace) -> tuple[list[Result], list[float]]:
    loaded = await ensure(size, reuse=args.reuse)
    settings = Settings(environment="production", database_url=loaded.url, secret_key=SECRET)  # type: ignore[arg-type]
    service_port, anchor_port = free_port(), free_port()
    service_url = f"http://127.0.0.1:{service_port}"
    anchor_url = f"http://127.0.0.1:{anchor_port}"
    env = {
        "SUPPORTDESK_ENVIRONMENT": "production",
        "SUPPORTDESK_DATABASE_URL": loaded.url,
        "SUPPORTDESK_SECRET_KEY": SECRET,
        "SUPPORTDESK_RATE_LIMIT": "100000000/minute",
        "SUPPORTDESK_LOG_LEVEL": "WARNING",
        "SUPPORTDESK_API_DOCS": "false",
    }
    service = start(
        [
            "-m",
            "app.cli",
            "serve",
            "--workers",
            "2",
            "--host",
            "127.0.0.1",
            "--port",
            str(service_port),
        ],
        env,
    )
    dsn = loaded.url.replace("postgresql+asyncpg://", "postgresql://")
    anchor = start(
        [
            "-m",
            "uvicorn",
            "bench.http.anchor:app",
            "--workers",
            "2",
            "--host",
            "127.0.0.1",
            "--port",
            str(anchor_port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        {"BENCH_ANCHOR_DSN": dsn},
    )
    results = []
    try:
        await wait_ready(service_url, service)
        await wait_ready(anchor_url, anchor)
        forgotten = await forget_earlier_runs(loaded.url)
        if forgotten:
            print(f"deleted {forgotten:,} tickets that earlier runs created", flush=True)
        world = await prepare(loaded.url, service_url, settings)
        print(f"\n== {size:,} tickets — load average {os.getloadavg()}", flush=True)
        print(
            f"{'scenario':<36} {'conns':>5} {'ratio':>6} {'min–max':>11}"
            f" {'service/s':>9} {'anchor/s':>9} {'p50 ms':>7} {'p99 ms':>7}"
        )
        # A read, so before the creates: their rows would sit in the loaded tables' free
        # space and cost the report's index-only scan heap visits the loaded data do not.
        report = await report_timings(service_url, world.headers["admin"], args.report_runs)
        print(
            f"SLA report, whole vendor, 2025 (admin): {statistics.median(report):.0f} ms median"
            f" ({min(report):.0f}–{max(report):.0f}, {len(report)} runs)",
            flush=True,
        )
        for scenario in scenarios(world, settings):
            if args.only and not any(word in scenario.name for word in args.only):
                continue
            result = Result(scenario, [], [], [])
            for _ in range(args.rounds):
                a = await drive(service_url, scenario.service, scenario.connections, args.seconds)
                b = await drive(anchor_url, scenario.anchor, scenario.connections, args.seconds)
                result.service_rates.append(a.rate)
                result.anchor_rates.append(b.rate)
                result.ratios.append(a.rate / b.rate)
                result.latencies += a.latencies
            results.append(result)
            r = result.ratios
            print(
                f"{scenario.name:<36} {scenario.connections:>5} {statistics.median(r):>6.3f}"
                f" {min(r):>5.3f}–{max(r):<5.3f} {statistics.median(result.service_rates):>9.1f}"
                f" {statistics.median(result.anchor_rates):>9.1f}"
                f" {pct(result.latencies, 50):>7.1f} {pct(result.latencies, 99):>7.1f}",
                flush=True,
            )
        print(f"load average after: {os.getloadavg()}", flush=True)
    finally:
        for process in (service, anchor):
            process.terminate()
        for process in (service, anchor):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
    return results, report


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--seconds", type=float, default=5.0, help="each run")
    parser.add_argument("--rounds", type=int, default=3, help="A B pairs per scenario")
    parser.add_argument("--reuse", action="store_true", help="keep loaded databases")
    parser.add_argument("--report-runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="scenarios whose name contains a word")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    by_size = {size: await bench_size(size, args) for size in args.sizes}
    if len(by_size) > 1:
        small, large = min(by_size), max(by_size)
        print(f"\n== pages at {large:,} against the same page at {small:,} (rate ratio)")
        before = {r.scenario.name: r for r in by_size[small][0]}
        for result in by_size[large][0]:
            if not result.scenario.page or result.scenario.name not in before:
                continue
            ratios = [
                x / y
                for x, y in zip(
                    result.service_rates, before[result.scenario.name].service_rates, strict=True
                )
            ]
            print(
                f"{result.scenario.name:<36} {statistics.median(ratios):>6.3f}"
                f" {min(ratios):>5.3f}–{max(ratios):.3f}"
            )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    asyncio.run(main())
