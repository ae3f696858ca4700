"""Secrets we must read back later (webhook signing secrets, stored first responses) are
kept encrypted at rest with Fernet, under a key derived from SUPPORTDESK_SECRET_KEY.

Changing the secret key makes them unreadable: webhooks then need new subscriptions.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.settings import Settings


@lru_cache(maxsize=16)
def _derive(secret_key: str, purpose: str) -> bytes:
    # One derived key per purpose: a token sealed for one use cannot be opened as another.
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(secret_key.encode())


@lru_cache(maxsize=8)
def _fernet(secret_key: str, purpose: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive(secret_key, purpose)))


def derived_key(settings: Settings, purpose: str) -> bytes:
    """32 bytes for `purpose` (e.g. signing cursors), derived from the service secret."""
    assert settings.secret_key is not None  # Settings fills it in outside production
    return _derive(settings.secret_key.get_secret_value(), f"supportdesk/{purpose}")


def _box(settings: Settings, purpose: str) -> Fernet:
    assert settings.secret_key is not None  # Settings fills it in outside production
    return _fernet(settings.secret_key.get_secret_value(), f"supportdesk/{purpose}")


def seal(settings: Settings, purpose: str, plaintext: bytes) -> str:
    return _box(settings, purpose).encrypt(plaintext).decode("ascii")


def unseal(settings: Settings, purpose: str, token: str) -> bytes:
    return _box(settings, purpose).decrypt(token.encode("ascii"))
