"""A real HTTP receiver of webhooks on 127.0.0.1 that can answer slowly, for tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Delivery:
    headers: dict[str, str]
    body: bytes
    received_at: float


@dataclass
class SlowReceiver:
    """Answers 200 after `delay_seconds`; remembers every request and the most requests
    it ever held at once."""

    delay_seconds: float = 0.0
    port: int = 0
    received: list[Delivery] = field(default_factory=list)
    answered: int = 0
    in_flight: int = 0
    most_at_once: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}/hooks/supportdesk"

    @property
    def delivery_ids(self) -> list[str]:
        with self.lock:
            return [d.headers["webhook-id"] for d in self.received]


@contextmanager
def slow_receiver(delay_seconds: float = 0.0) -> Iterator[SlowReceiver]:
    state = SlowReceiver(delay_seconds)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with state.lock:
                state.received.append(Delivery(dict(self.headers.items()), body, time.monotonic()))
                state.in_flight += 1
                state.most_at_once = max(state.most_at_once, state.in_flight)
            time.sleep(state.delay_seconds)
            with state.lock:
                state.in_flight -= 1
                state.answered += 1
            try:
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the sender gave up waiting

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
