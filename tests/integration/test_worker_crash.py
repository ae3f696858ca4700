"""The worker process killed and stopped for real (issue 11 acceptance).

`kill -9` while the SMTP server holds back its 250: the worker never learns the message
arrived, so a restarted worker sends it again — with the same Message-ID, derived from
the outbox row, so the receiver can drop the copy. No message is lost. SIGTERM instead
lets the delivery in flight finish and be recorded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.clock import ControllableClock
from app.services import mail
from app.settings import Settings
from tests.support.smtp import SmtpServer
from tests.support.waiting import eventually

# Kills real worker processes: CI runs it once, in the PostgreSQL leg (see the Makefile).
pytestmark = pytest.mark.crash

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def slow_relay() -> Iterator[SmtpServer]:
    server = SmtpServer(delay_seconds=1.5)
    server.start()
    yield server
    server.stop()


def _spawn(settings: Settings, relay: SmtpServer, workdir: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "SUPPORTDESK_ENVIRONMENT": "test",
        "SUPPORTDESK_DATABASE_URL": settings.database_url,
        "SUPPORTDESK_SECRET_KEY": settings.secret_key.get_secret_value(),  # type: ignore[union-attr]
        "SUPPORTDESK_SMTP_HOST": relay.host,
        "SUPPORTDESK_SMTP_PORT": str(relay.port),
        "SUPPORTDESK_OUTBOX_LOCK_SECONDS": "4",  # a killed worker's messages return soon
        "SUPPORTDESK_OUTBOX_BACKOFF_SECONDS": "1",
        "SUPPORTDESK_WORKER_POLL_SECONDS": "0.1",
        "SUPPORTDESK_SLA_MONITOR_SECONDS": "60",
        "SUPPORTDESK_LOG_LEVEL": "WARNING",
    }
    with (workdir / "worker.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker"],
            cwd=workdir,
            env=env,
            stdout=log,
            stderr=log,
        )


async def _queue(db: Database, clock: ControllableClock, count: int) -> None:
    async with db.unit_of_work() as uow:
        for i in range(count):
            mail.queue_email(
                uow.outbox, clock.now(), to=[f"u{i}@acme.com"], subject=f"crash {i}", text="t"
            )
        await uow.commit()


async def _rows(db: Database) -> dict[str, tuple[str, str | None]]:
    """Subject -> (outbox id, status)."""
    async with db.unit_of_work() as uow:
        stmt = select(OutboxMessage.id, OutboxMessage.payload, OutboxMessage.status)
        rows = (await uow.session.execute(stmt)).all()
    return {r.payload["subject"]: (str(r.id), r.status) for r in rows}


async def _all_sent(db: Database, seconds: float) -> bool:
    for _ in range(int(seconds / 0.25)):
        if all(status == "sent" for _, status in (await _rows(db)).values()):
            return True
        await asyncio.sleep(0.25)
    return False


async def test_a_worker_killed_while_the_relay_holds_its_250_loses_nothing_and_redelivers_under_one_message_id(  # noqa: E501
    db: Database,
    settings: Settings,
    clock: ControllableClock,
    slow_relay: SmtpServer,
    tmp_path: Path,
) -> None:
    await _queue(db, clock, 12)
    for _ in range(2):  # killed twice, each time with messages whose 250 is held back
        seen = len(slow_relay.messages)
        worker = _spawn(settings, slow_relay, tmp_path)
        try:
            assert await eventually(lambda n=seen: len(slow_relay.messages) > n, 30.0), (
                tmp_path / "worker.log"
            ).read_text()
        finally:
            worker.kill()  # SIGKILL: no clean-up of any kind
            worker.wait()
    worker = _spawn(settings, slow_relay, tmp_path)
    try:
        assert await _all_sent(db, 60.0), (tmp_path / "worker.log").read_text()
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0

    rows = await _rows(db)
    copies: dict[str, list[str]] = defaultdict(list)
    for message in slow_relay.messages:
        copies[str(message["Subject"])].append(str(message["Message-ID"]))
    assert set(copies) == set(rows)  # nothing lost
    for subject, message_ids in copies.items():
        outbox_id, _ = rows[subject]
        assert set(message_ids) == {f"<{outbox_id}@supportdesk.localhost>"}, subject
    assert sum(len(ids) for ids in copies.values()) > len(rows)  # the kills caused copies


async def test_sigterm_lets_the_delivery_in_flight_finish(
    db: Database,
    settings: Settings,
    clock: ControllableClock,
    slow_relay: SmtpServer,
    tmp_path: Path,
) -> None:
    await _queue(db, clock, 1)
    worker = _spawn(settings, slow_relay, tmp_path)
    try:
        assert await eventually(lambda: len(slow_relay.messages) == 1, 30.0)  # 250 held
    finally:
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=30)
    assert code == 0, (tmp_path / "worker.log").read_text()
    async with db.unit_of_work() as uow:
        row = (await uow.session.execute(select(OutboxMessage))).scalar_one()
        assert (row.status, row.attempts, row.locked_by) == ("sent", 1, None)
    assert len(slow_relay.messages) == 1
