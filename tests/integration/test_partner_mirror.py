"""The reference partner mirror (examples/partner_mirror) keeps a partner's cases exactly
as the API answers them, through a kill and a resume (issue 10.4), on both databases.

A live server serves the mirror and delivers webhooks (its embedded worker); the test
changes cases meanwhile through the API, kills the mirror with SIGKILL in the middle,
changes more, starts it again and then compares the mirror with the API field by field.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.settings import Settings
from tests.support.factories import add_partner
from tests.support.live_server import ROOT, LiveServer, free_port
from tests.support.tickets import Desk, make_desk

MIRROR = ROOT / "examples" / "partner_mirror" / "mirror.py"


@pytest.fixture
def server(db: Database, settings: Settings) -> Iterator[LiveServer]:
    live = LiveServer(
        settings,
        SUPPORTDESK_EMBEDDED_WORKER="true",
        SUPPORTDESK_WORKER_POLL_SECONDS="0.2",
        SUPPORTDESK_OUTBOX_BACKOFF_SECONDS="1",
        SUPPORTDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS="true",
    )
    live.start()
    yield live
    live.stop()


class MirrorProcess:
    def __init__(self, server: LiveServer, key: str, path: Path, port: int, secret: str) -> None:
        self.args = [
            sys.executable,
            str(MIRROR),
            "--api", server.url,
            "--api-key", key,
            "--db", str(path),
            "--listen", f"127.0.0.1:{port}",
            "--webhook-secret", secret,
            "--interval", "0.3",
            "--page-size", "7",  # several pages, so a kill can land between two
        ]  # fmt: skip
        self.path = path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.args, cwd=ROOT)  # noqa: S603 (our example)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def read(self, sql: str) -> list[tuple[Any, ...]]:
        if not self.path.exists():
            return []
        with sqlite3.connect(self.path) as conn:
            try:
                return conn.execute(sql).fetchall()
            except sqlite3.OperationalError:  # not created yet
                return []

    def meta(self, key: str) -> str | None:
        rows = self.read(f"SELECT value FROM meta WHERE key = '{key}'")  # noqa: S608
        return rows[0][0] if rows else None


async def _busy_day(desk: Desk, key: dict[str, str], first: int, rounds: int) -> None:
    """Cases the partner raises for its customer, commented on, moved by our agents."""
    for i in range(first, first + rounds):
        r = await desk.client.post(
            "/v1/tickets",
            json={
                "subject": f"Outage {i}: trunk group down",
                "description": "No outbound PSTN call connects since this morning.",
                "category": "question",
                "severity": 2,
                "customer_id": desk.customer_id,
                "external_ref": f"PH-{i}",
            },
            headers=key,
        )
        assert r.status_code == 201, r.text
        ticket_id = r.json()["id"]
        r = await desk.client.post(
            f"/v1/tickets/{ticket_id}/comments",
            json={"body": f"Traces attached for outage {i}.", "visibility": "public"},
            headers=key,
        )
        assert r.status_code == 201, r.text
        r = await desk.move(ticket_id, "acknowledged")
        assert r.status_code == 200, r.text


async def _feed(client: httpx.AsyncClient, key: dict[str, str], after: str | None) -> list[Any]:
    items: list[Any] = []
    while True:
        params: dict[str, Any] = {"limit": 200} | ({"after": after} if after else {})
        r = await client.get("/v1/changes", params=params, headers=key)
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        after = r.json()["next_cursor"]
        if not r.json()["items"]:
            return items


async def _caught_up(client: httpx.AsyncClient, key: dict[str, str], mirror: MirrorProcess) -> None:
    for _ in range(300):
        cursor = mirror.meta("cursor")
        if cursor is not None and not await _feed(client, key, cursor):
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the mirror did not catch up with the feed")


async def test_the_mirror_matches_the_api_after_a_kill_and_a_resume(
    client: httpx.AsyncClient, db: Database, server: LiveServer, tmp_path: Path
) -> None:
    partner = await add_partner(db, "Partner P")
    desk = await make_desk(client, db, "ipass", partner_id=partner.id)
    r = await client.post(
        f"/v1/partners/{partner.id}/api-keys", json={"name": "mirror"}, headers=desk.admin
    )
    assert r.status_code == 201, r.text
    key = {"X-API-Key": r.json()["key"]}
    port = free_port()
    r = await client.post(
        "/v1/webhooks",
        json={
            "url": f"http://127.0.0.1:{port}/hooks",
            "events": ["*"],
            "contact_email": "ops@partner-p.com",
        },
        headers=key,
    )
    assert r.status_code == 201, r.text
    secret = r.json()["secret"]
    mirror = MirrorProcess(server, key["X-API-Key"], tmp_path / "mirror.sqlite", port, secret)

    await _busy_day(desk, key, 0, 3)
    mirror.start()
    try:
        day = asyncio.create_task(_busy_day(desk, key, 3, 4))
        for _ in range(300):  # killed once it has applied some, but not all, of the feed
            if mirror.read("SELECT count(*) FROM changes") not in ([], [(0,)]):
                break
            await asyncio.sleep(0.05)
        mirror.kill()
        applied_before_kill = mirror.read("SELECT count(*) FROM changes")[0][0]
        await day
        await _busy_day(desk, key, 7, 2)
        mirror.start()
        await _caught_up(client, key, mirror)

        # A forged delivery is refused, and believed by nobody.
        async with httpx.AsyncClient() as outside:
            forged = await outside.post(
                f"http://127.0.0.1:{port}/hooks",
                content=b'{"type": "ticket.created"}',
                headers={
                    "webhook-id": "msg_forged",
                    "webhook-timestamp": str(int(time.time())),
                    "webhook-signature": "v1,Zm9yZ2Vk",
                },
            )
        assert forged.status_code == 400
    finally:
        mirror.stop()

    everything = await _feed(client, key, None)
    assert 0 < applied_before_kill < len(everything)
    # Every change exactly once, in the feed's order.
    logged = mirror.read("SELECT id, seq FROM changes ORDER BY seq")
    assert [(c["id"], c["seq"]) for c in everything] == [tuple(row) for row in logged]

    # Field by field: every case the partner may see, exactly as the API answers it now.
    r = await client.get("/v1/tickets", params={"limit": 200}, headers=key)
    assert r.status_code == 200, r.text
    listed = {t["id"] for t in r.json()["items"]}
    mirrored = {row[0]: json.loads(row[1]) for row in mirror.read("SELECT id, document FROM cases")}
    assert set(mirrored) == listed and len(listed) == 9
    for ticket_id, document in mirrored.items():
        r = await client.get(f"/v1/tickets/{ticket_id}", headers=key)
        assert r.status_code == 200, r.text
        assert document == r.json(), ticket_id

    assert int(mirror.meta("webhooks_verified") or 0) > 0  # the doorbell rang, signed
    assert mirror.meta("webhooks_refused") == "1"
