"""Password hashing (Argon2id, off the event loop) and opaque single-use secrets."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from functools import lru_cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.settings import Settings


@lru_cache(maxsize=4)
def _hasher(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHash:
    return PasswordHash(
        (Argon2Hasher(memory_cost=memory_kib, time_cost=time_cost, parallelism=parallelism),)
    )


def password_hasher(settings: Settings) -> PasswordHash:
    return _hasher(
        settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism
    )


async def hash_password(settings: Settings, password: str) -> str:
    # Argon2 takes tens of milliseconds of CPU: keep it off the event loop.
    return await asyncio.to_thread(password_hasher(settings).hash, password)


async def verify_password(settings: Settings, password: str, hashed: str | None) -> bool:
    """Verifies; with no hash (no such account) spends the same work, so timing tells nothing."""
    hasher = password_hasher(settings)
    if hashed is None:
        await asyncio.to_thread(hasher.hash, password)
        return False
    return await asyncio.to_thread(hasher.verify, password, hashed)


def new_secret() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What we store instead of a secret: high-entropy input needs no slow hash."""
    return hashlib.sha256(secret.encode()).hexdigest()
