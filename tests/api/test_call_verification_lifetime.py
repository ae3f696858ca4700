"""SUPPORTDESK_CALL_VERIFICATION_MINUTES sets how long a caller's code is accepted (issue 13.12)."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.settings import Settings
from tests.support.tickets import Desk, make_desk

PROBLEMS = "https://supportdesk.dev/problems/"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"call_verification_minutes": 3})


async def _code(desk: Desk) -> tuple[str, datetime]:
    r = await desk.client.post("/v1/me/call-verification", headers=desk.customer)
    assert r.status_code == 201, r.text
    return r.json()["code"], datetime.fromisoformat(r.json()["expires_at"].replace("Z", "+00:00"))


async def _phone_case(desk: Desk, code: str) -> httpx.Response:
    body = {
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects since this morning.",
        "category": "question",
        "severity": 2,
        "customer_id": desk.customer_id,
        "channel": "phone",
        "caller": {"caller_email": "lan@acme.com", "code": code},
    }
    return await desk.client.post("/v1/tickets", json=body, headers=desk.agent)


def test_the_lifetime_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTDESK_CALL_VERIFICATION_MINUTES", "7")
    assert Settings().call_verification_minutes == 7
    monkeypatch.setenv("SUPPORTDESK_CALL_VERIFICATION_MINUTES", "0")
    with pytest.raises(ValueError, match="call_verification_minutes"):
        Settings()


async def test_a_code_expires_after_the_configured_minutes(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    issued_at = clock.now()
    code, expires_at = await _code(desk)
    # 3 minutes, not the old fixed 10.
    assert expires_at == issued_at + timedelta(minutes=3)
    clock.advance(timedelta(minutes=2, seconds=59))
    assert (await _phone_case(desk, code)).status_code == 201
    late, _ = await _code(desk)
    clock.advance(timedelta(minutes=3))
    r = await _phone_case(desk, late)
    assert r.status_code == 403, r.text
    assert r.json()["type"] == PROBLEMS + "call-verification-invalid"
