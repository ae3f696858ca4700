"""List cursors as the API hands them out: signed, and bound to the list they page (SPEC 8).

A repository's cursor is a plain keyset position. Before it leaves the service it gets an
HMAC over that position and the request's path and filters (every query parameter but
`cursor` and `limit`), so a forged, altered or transplanted cursor (another list, other
filters, another sort) is refused with 422 on every list instead of reaching a query.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from contextvars import ContextVar
from dataclasses import dataclass

from starlette.requests import Request

from app.domain.errors import InvalidField
from app.services.sealing import derived_key
from app.settings import Settings

_MAC_BYTES = 16
_REFUSED = "the cursor is not one this service issued for this list and these filters"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@dataclass(frozen=True, slots=True)
class CursorSigner:
    key: bytes
    binding: bytes

    def _mac(self, position: str) -> str:
        digest = hmac.new(self.key, self.binding + b"\0" + position.encode(), hashlib.sha256)
        return _b64(digest.digest()[:_MAC_BYTES])

    def sign(self, position: str) -> str:
        return f"{position}.{self._mac(position)}"

    def open(self, cursor: str) -> str:
        """The repository position inside a cursor this list issued, or 422."""
        position, dot, mac = cursor.rpartition(".")
        if not dot or not position or not hmac.compare_digest(mac, self._mac(position)):
            raise InvalidField("cursor", _REFUSED)
        return position


def binding_of(request: Request) -> bytes:
    params = sorted(
        (k, v) for k, v in request.query_params.multi_items() if k not in {"cursor", "limit"}
    )
    return json.dumps([request.url.path, params], separators=(",", ":")).encode()


def signer_for(settings: Settings, request: Request) -> CursorSigner:
    return CursorSigner(derived_key(settings, "cursors"), binding_of(request))


# Set by the `Cursor` dependency for the request's task; read when the page is shaped.
current_signer: ContextVar[CursorSigner | None] = ContextVar("cursor_signer", default=None)
