"""E-mails per second through the outbox, with and without one slow webhook receiver
(issue 11; bench/README.md).

Run from the repository root, against a database of its own (it is wiped):

    python bench/outbox_bench.py --url postgresql+asyncpg://postgres@127.0.0.1:5432/bench_outbox
    python bench/outbox_bench.py --url sqlite+aiosqlite:///var/bench_outbox.db --emails 2000

Each scenario queues the e-mails (and, in the second, webhook events queued before them,
so they are first in line) and starts one `Worker.run_forever`; the clock runs from the
start until every e-mail is marked sent. The SMTP server (aiosmtpd) and the webhook
receiver (answering after 9 s) run in processes of their own on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text

from app.cli import migrate
from app.db.models import OutboxMessage, WebhookSubscription
from app.db.session import Database
from app.domain.clock import SystemClock
from app.domain.ids import new_id
from app.domain.webhooks import EventType
from app.services import mail, webhooks
from app.services.context import ServiceContext
from app.services.sealing import seal
from app.settings import Settings
from app.worker import Worker

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench_outbox"
SECRET = "bench-secret-key-that-is-long-enough-for-hs256-0123456789"  # noqa: S105 (a bench)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _smtp_sink(port: int) -> None:
    """An SMTP server that accepts and drops everything."""
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    while True:
        time.sleep(3600)


def _slow_receiver(port: int, delay: float) -> None:
    """A webhook receiver that answers 200 after `delay` seconds."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(delay)
            try:
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


async def _reset(db: Database) -> None:
    if db.dialect == "postgresql":
        async with db.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await asyncio.to_thread(migrate, db.url)


async def _queue(db: Database, settings: Settings, emails: int, events: int, hook_url: str) -> None:
    now = datetime.now(UTC)
    async with db.unit_of_work() as uow:
        await uow.session.execute(text("DELETE FROM webhook_deliveries"))
        await uow.session.execute(text("DELETE FROM outbox"))
        await uow.session.execute(text("DELETE FROM webhook_subscriptions"))
        if events:
            uow.webhooks.add(
                WebhookSubscription(
                    id=new_id(),
                    url=hook_url,
                    events=["ticket.created"],
                    contact_email="ops@bench.example",
                    secret_sealed=seal(settings, webhooks.SECRET_PURPOSE, b"whsec_bench"),
                    secret_prefix="whsec_benc",  # noqa: S106 (a bench)
                    is_active=True,
                    consecutive_failures=0,
                    created_at=now,
                )
            )
            await uow.session.flush()
            for i in range(events):
                fanout = await webhooks.publish(
                    uow,
                    now,
                    event_id=new_id(),
                    event_type=EventType.TICKET_CREATED,
                    customer_id=None,
                    case={"ticket_id": None, "tracking_number": "SD-2026-000001"},
                    data={"n": i},
                )
                for kind, payload in fanout(i + 1) if fanout else ():
                    uow.outbox.enqueue(kind, payload, now)
        await uow.commit()
    for start in range(0, emails, 1000):
        async with db.unit_of_work() as uow:
            for i in range(start, min(start + 1000, emails)):
                mail.queue_email(
                    uow.outbox,
                    now,
                    to=[f"user{i}@bench.example"],
                    subject=f"bench {i}",
                    text="A support case changed.\n\nSee the portal.",
                )
            await uow.commit()


async def _emails_sent(db: Database) -> int:
    async with db.unit_of_work() as uow:
        stmt = select(func.count()).where(
            OutboxMessage.kind == "email", OutboxMessage.status == "sent"
        )
        return int((await uow.session.execute(stmt)).scalar_one())


async def _scenario(
    db: Database, settings: Settings, emails: int, events: int, hook_url: str
) -> tuple[float, int]:
    await _queue(db, settings, emails, events, hook_url)
    worker = Worker(db, ServiceContext(settings, SystemClock()), worker_id="bench")
    started = time.perf_counter()
    running = asyncio.create_task(worker.run_forever())
    sent = 0
    while sent < emails:
        await asyncio.sleep(0.1)
        sent = await _emails_sent(db)
    elapsed = time.perf_counter() - started
    async with db.unit_of_work() as uow:
        stmt = select(func.count()).where(
            OutboxMessage.kind == "webhook", OutboxMessage.status == "sent"
        )
        hooks_done = int((await uow.session.execute(stmt)).scalar_one())
    worker.stop()
    await running
    return sent / elapsed, hooks_done


async def main(args: argparse.Namespace) -> None:
    smtp_port, hook_port = _free_port(), _free_port()
    processes = [
        multiprocessing.Process(target=_smtp_sink, args=(smtp_port,), daemon=True),
        multiprocessing.Process(target=_slow_receiver, args=(hook_port, args.delay), daemon=True),
    ]
    for p in processes:
        p.start()
    await asyncio.sleep(1.0)
    settings = Settings(
        environment="test",
        database_url=args.url,
        secret_key=SECRET,  # type: ignore[arg-type]
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        webhooks_allow_private_targets=True,
        webhooks_timeout_seconds=30,  # the slow receiver answers, however loaded the machine
        log_level="WARNING",
    )
    db = Database(args.url)
    try:
        await _reset(db)
        hook_url = f"http://127.0.0.1:{hook_port}/hooks"
        print(
            f"{args.emails} e-mails, {db.dialect}, concurrency {settings.outbox_concurrency} "
            f"(per destination {settings.outbox_concurrency_per_destination})"
        )
        results = {}
        for name, events in (
            ("without the slow receiver", 0),
            ("with the slow receiver", args.events),
        ):
            rates = []
            for _ in range(args.rounds):
                rate, hooks = await _scenario(db, settings, args.emails, events, hook_url)
                rates.append(rate)
                print(
                    f"  {name}: {rate:,.0f} e-mails/s "
                    f"({hooks} of {events} webhooks answered meanwhile)"
                )
            results[name] = max(rates)
        without, with_slow = results.values()
        change = (with_slow - without) / without * 100
        print(
            f"best of {args.rounds}: {without:,.0f} vs {with_slow:,.0f} e-mails/s ({change:+.1f} %)"
        )
    finally:
        await db.dispose()
        for p in processes:
            p.terminate()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--emails", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100, help="webhook events to the slow one")
    parser.add_argument("--delay", type=float, default=9.0, help="the slow receiver's answer time")
    parser.add_argument("--rounds", type=int, default=1)
    asyncio.run(main(parser.parse_args()))
