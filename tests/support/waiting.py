"""Waiting for something another task or process does, with a bound."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def eventually(condition: Callable[[], bool], seconds: float) -> bool:
    """True as soon as `condition()` holds; False if it still does not after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.02)
    return condition()
