"""CPU-heavy rules run in worker processes, never on the event loop (issue 11.2).

A thread is not enough: a computation holding the GIL makes the event loop wait up to
the switch interval on every wake-up, so `/healthz` slowed to hundreds of milliseconds
beside two long previews. A small process pool keeps the API responsive whatever one
request computes. Domain errors cross back intact (their attributes, not their
constructors, which differ per rule).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from app.domain.errors import DomainError

T = TypeVar("T")
WORKERS = 2

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # spawn: a fork of a process running an event loop and threads is unsafe.
            context = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(WORKERS, mp_context=context, initializer=_warm)
        return _pool


def _warm() -> None:
    """In the worker: die with the server (even a `kill -9` of it), load holiday rules."""
    parent = os.getppid()

    def orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    from app.domain.calendar_model import load_holiday_rules

    load_holiday_rules()


async def start() -> None:
    """Spawns and warms every worker now (seconds of imports), not in a request."""
    loop = asyncio.get_running_loop()
    pool = _executor()
    await asyncio.gather(*(loop.run_in_executor(pool, _ready, 0.2) for _ in range(WORKERS)))


def _ready(pause: float) -> None:
    time.sleep(pause)  # held busy a moment, so that each worker gets one


def shutdown() -> None:
    """At the server's end: stop the workers without waiting for their work."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


async def off_loop(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a worker process; its DomainError is raised here."""
    loop = asyncio.get_running_loop()
    ok, value = await loop.run_in_executor(_executor(), _call, function, args)
    if ok:
        return value  # type: ignore[no-any-return]
    cls, state, exc_args = value
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = exc_args
    raise error


def _call(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except DomainError as exc:
        return False, (type(exc), exc.__dict__, exc.args)
