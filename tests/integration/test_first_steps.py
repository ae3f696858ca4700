"""A newcomer's first hour, as the README writes it: `make run`, sign up, follow the
activation link from the local mailbox, log in (issue: newcomers can finish what they start).

The test runs `make run` in an empty folder (so `var/` is fresh) with this checkout's
virtualenv, then the README's own shell block, verbatim.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "a first admin password for the walkthrough"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def readme_block() -> str:
    text = (ROOT / "README.md").read_text()
    found = re.search(
        r"<!-- first-steps:begin -->\s*```sh\n(.*?)```\s*<!-- first-steps:end -->", text, re.S
    )
    assert found, "the README keeps its first-steps block between the markers"
    return found.group(1)


@pytest.fixture
def fresh_run(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    # Only what `make run` reads: the Makefile and pyproject.toml (its mtime kept, so the
    # installed virtualenv counts as up to date), and this checkout's virtualenv.
    shutil.copy2(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPORTDESK_")} | {
        "SUPPORTDESK_PORT": str(port),
        "SUPPORTDESK_SMTP_PORT": str(_free_port()),
        "SUPPORTDESK_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "SUPPORTDESK_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "SUPPORTDESK_WORKER_POLL_SECONDS": "0.5",
        "API": f"http://127.0.0.1:{port}",
    }
    server = subprocess.Popen(
        # The virtualenv is this checkout's, already installed: make is told not to redo it.
        ["make", "run", "-o", ".venv/.installed-stamp"],  # noqa: S607
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "make run did not serve within 90 s"
            time.sleep(0.3)
        yield tmp_path, env
    finally:
        _stop(server)


def _stop(server: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def test_the_readme_walkthrough_signs_up_activates_and_logs_in(
    fresh_run: tuple[Path, dict[str, str]],
) -> None:
    folder, env = fresh_run
    done = subprocess.run(  # noqa: S603
        ["bash", "-euo", "pipefail", "-c", readme_block()],  # noqa: S607
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("open http://127.0.0.1:") and "/activate?token=" in lines[0]
    assert lines[-1] == "bearer"
    kept = list((folder / "var" / "mailbox").glob("*.eml"))
    assert kept, "the development mail sink kept the activation e-mail as a file"
