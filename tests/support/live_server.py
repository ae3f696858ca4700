"""A real `uvicorn` server process for tests that need one: killed with SIGKILL, restarted.

The process reads its settings from the environment, like production; it shares the
test database and SMTP server, and the secret key, so tokens issued in-process work.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LiveServer:
    def __init__(self, settings: Settings, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        secret = settings.secret_key.get_secret_value() if settings.secret_key else ""
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "SUPPORTDESK_ENVIRONMENT": "test",
            "SUPPORTDESK_DATABASE_URL": settings.database_url,
            "SUPPORTDESK_SECRET_KEY": secret,
            "SUPPORTDESK_SMTP_HOST": settings.smtp_host,
            "SUPPORTDESK_SMTP_PORT": str(settings.smtp_port),
            "SUPPORTDESK_PUBLIC_BASE_URL": settings.public_base_url,
            "SUPPORTDESK_STORAGE_DIR": str(settings.storage_dir),
            "SUPPORTDESK_LOG_LEVEL": "WARNING",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0, *, command: list[str] | None = None) -> None:
        """Starts uvicorn on the app; `command` (after the interpreter) starts another way,
        e.g. `["-m", "app.cli", "serve", "--workers", "2"]` (host and port are added)."""
        uvicorn = ["-m", "uvicorn", "--factory", "app.main:app_factory", "--log-level", "warning"]
        listen = ["--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, *(command or uvicorn), *listen],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no rollback, no flush — a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
