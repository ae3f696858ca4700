"""A partner helpdesk's mirror of its SupportDesk cases, in a local SQLite file.

The change feed is the source of truth; webhooks are the doorbell.

* Start from a cursor: the mirror keeps the feed's `next_cursor` in its own database and
  asks `GET /v1/changes?after=<cursor>` for what happened since. The first run starts from
  the beginning of what the API key may see.
* Apply idempotently: for each page, every case the page touches is read again
  (`GET /v1/tickets/{id}`) and stored whole, the page's change ids are logged, and the
  cursor moves — all in one SQLite transaction. Applying a page twice stores the same
  rows; a change seen twice is logged once.
* Resume after a crash: a crash before the commit leaves the old cursor, so the page is
  asked for again; a crash after it finds the new cursor. Nothing is skipped or doubled.
* Verify signatures: webhook deliveries (Standard Webhooks) are checked with the
  `standardwebhooks` library before they are believed; a verified delivery only wakes
  the poller at once instead of at the next interval. A forged one is answered 400.

Run it:

    python examples/partner_mirror/mirror.py --api http://127.0.0.1:8000 \\
        --api-key "$PARTNER_API_KEY" --db mirror.sqlite \\
        --listen 127.0.0.1:8900 --webhook-secret "$WEBHOOK_SECRET"

Only the standard library, `httpx` and `standardwebhooks` are needed.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

log = logging.getLogger("partner-mirror")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    tracking_number TEXT NOT NULL,
    external_ref TEXT,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity INTEGER NOT NULL,
    subject TEXT NOT NULL,
    document TEXT NOT NULL            -- the case exactly as the API answered it
);
CREATE TABLE IF NOT EXISTS changes (
    id TEXT PRIMARY KEY,              -- applying a change twice logs it once
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT,
    occurred_at TEXT NOT NULL
);
"""


class Mirror:
    def __init__(self, api: str, api_key: str, path: str, page_size: int = 100) -> None:
        self.http = httpx.Client(base_url=api, headers={"X-API-Key": api_key}, timeout=30)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)
        self.page_size = page_size
        self.lock = threading.Lock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        with self.lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def count(self, key: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (key,),
            )

    def sync_page(self) -> int:
        """Applies one page of the feed; the number of changes it held."""
        params: dict[str, Any] = {"limit": self.page_size}
        cursor = self.meta("cursor")
        if cursor is not None:
            params["after"] = cursor
        response = self.http.get("/v1/changes", params=params)
        response.raise_for_status()
        page = response.json()
        items: list[dict[str, Any]] = page["items"]
        touched = sorted({item["ticket_id"] for item in items if item.get("ticket_id")})
        cases = {ticket_id: self._case(ticket_id) for ticket_id in touched}
        with self.transaction() as db:
            for ticket_id, case in cases.items():
                if case is None:  # no longer visible to us (moved to another partner)
                    db.execute("DELETE FROM cases WHERE id = ?", (ticket_id,))
                    continue
                db.execute(
                    "INSERT INTO cases (id, tracking_number, external_ref, customer_id, status,"
                    " severity, subject, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET tracking_number = excluded.tracking_number,"
                    " external_ref = excluded.external_ref, customer_id = excluded.customer_id,"
                    " status = excluded.status, severity = excluded.severity,"
                    " subject = excluded.subject, document = excluded.document",
                    (
                        case["id"],
                        case["tracking_number"],
                        case.get("external_ref"),
                        case["customer_id"],
                        case["status"],
                        case["severity"],
                        case["subject"],
                        json.dumps(case, sort_keys=True),
                    ),
                )
            db.executemany(
                "INSERT OR IGNORE INTO changes (id, seq, type, ticket_id, occurred_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (i["id"], i["seq"], i["type"], i.get("ticket_id"), i["occurred_at"])
                    for i in items
                ],
            )
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('cursor', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (page["next_cursor"],),
            )
        return len(items)

    def _case(self, ticket_id: str) -> dict[str, Any] | None:
        response = self.http.get(f"/v1/tickets/{ticket_id}")
        if response.status_code == 404:
            return None
        response.raise_for_status()
        case: dict[str, Any] = response.json()
        return case

    def catch_up(self) -> int:
        """Pages until the feed has nothing more; the number of changes applied."""
        applied = 0
        while True:
            n = self.sync_page()
            applied += n
            if n < self.page_size:
                return applied


def serve_webhooks(mirror: Mirror, secret: str, address: str, wake: threading.Event) -> None:
    """Receives deliveries: a verified one rings the doorbell, a forged one is refused."""
    verifier = Webhook(secret)
    host, port = address.rsplit(":", 1)

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                verifier.verify(body, {k.lower(): v for k, v in self.headers.items()})
            except WebhookVerificationError:
                mirror.count("webhooks_refused")
                self.send_response(400)
                self.end_headers()
                return
            mirror.count("webhooks_verified")
            wake.set()
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

    server = ThreadingHTTPServer((host, int(port)), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--api", required=True, help="SupportDesk's base URL")
    parser.add_argument("--api-key", required=True, help="the partner's X-API-Key")
    parser.add_argument("--db", required=True, help="the mirror's SQLite file")
    parser.add_argument("--listen", help="host:port to receive webhook deliveries on")
    parser.add_argument("--webhook-secret", help="the subscription's whsec_ secret")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    mirror = Mirror(args.api, args.api_key, args.db, args.page_size)
    wake = threading.Event()
    if args.listen:
        if not args.webhook_secret:
            parser.error("--listen needs --webhook-secret")
        serve_webhooks(mirror, args.webhook_secret, args.listen, wake)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: (stop.set(), wake.set()))
    while not stop.is_set():
        try:
            applied = mirror.catch_up()
            if applied:
                log.info("applied %d changes; cursor %s", applied, mirror.meta("cursor"))
        except httpx.HTTPError as error:  # the API is away: try again at the next poll
            log.warning("cannot sync: %s", error)
        wake.wait(args.interval)
        wake.clear()


if __name__ == "__main__":
    main()
