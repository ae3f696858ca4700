"""The generated Python client, end to end against a real server (SPEC 8; issue 6).

Only `clients/python` (generated from openapi/openapi.json) speaks to the service, over
real HTTP: sign up, activate from the e-mailed link, log in, open a ticket, comment and
read its SLA. A second test regenerates the client and compares it with the committed one.
"""

from __future__ import annotations

import asyncio
import filecmp
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import uvicorn

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import PASSWORD, add_user
from tests.support.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"
sys.path.insert(0, str(CLIENT))

from supportdesk_client import AuthenticatedClient, Client  # noqa: E402

sys.path.insert(0, str(ROOT / "clients" / "extras"))
from finish import finish  # noqa: E402
from supportdesk_client.api.auth import activate_account, log_in, sign_up  # noqa: E402
from supportdesk_client.api.comments import create_comment  # noqa: E402
from supportdesk_client.api.customers import create_customer  # noqa: E402
from supportdesk_client.api.presets import apply_preset  # noqa: E402
from supportdesk_client.api.tickets import create_ticket, get_ticket_sla  # noqa: E402
from supportdesk_client.models import (  # noqa: E402
    ActivateIn,
    Category,
    CommentIn,
    CustomerIn,
    CustomerOut,
    CustomerType,
    LoginForm,
    PresetApplyIn,
    SignupIn,
    TicketCreate,
    TicketOut,
    TicketSlaOut,
    TokenOut,
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def server(db: Database, settings: Settings, clock: ControllableClock) -> AsyncIterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings, clock=clock, db=db),
        host="127.0.0.1",
        port=port,
        log_config=None,
        lifespan="on",
    )
    instance = uvicorn.Server(config)
    task = asyncio.create_task(instance.serve())
    while not instance.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    await task


async def _token(base_url: str, email: str, password: str) -> str:
    async with Client(base_url=base_url) as anonymous:
        tokens = await log_in.asyncio(
            client=anonymous, body=LoginForm(username=email, password=password)
        )
    assert isinstance(tokens, TokenOut), tokens
    return tokens.access_token


async def test_sign_up_log_in_open_comment_and_read_sla_with_the_generated_client(
    server: str, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    await add_user(db, "admin@vendor.com", Role.ADMIN)
    admin_token = await _token(server, "admin@vendor.com", PASSWORD)
    async with AuthenticatedClient(base_url=server, token=admin_token) as admin:
        customer = await create_customer.asyncio(
            client=admin,
            body=CustomerIn(
                name="ACME", customer_type=CustomerType.ENTERPRISE, domains=["acme.com"]
            ),
        )
        assert isinstance(customer, CustomerOut), customer
        applied = await apply_preset.asyncio(
            "bicom", client=admin, body=PresetApplyIn(customer_id=customer.id)
        )
        assert getattr(applied, "contract_id", None), applied

    async with Client(base_url=server) as anonymous:
        accepted = await sign_up.asyncio_detailed(
            client=anonymous, body=SignupIn(name="Lan", email="lan@acme.com", company="ACME")
        )
        assert accepted.status_code == 202
        await worker.drain()
        token = smtp.link_token("lan@acme.com", "activate")
        user = await activate_account.asyncio(
            client=anonymous, body=ActivateIn(token=token, password="a long passphrase 42")
        )
        assert getattr(user, "email", None) == "lan@acme.com", user

    access = await _token(server, "lan@acme.com", "a long passphrase 42")
    async with AuthenticatedClient(base_url=server, token=access) as lan:
        ticket = await create_ticket.asyncio(
            client=lan,
            body=TicketCreate(
                subject="PBX not able to dial PSTN destinations",
                description="No outbound PSTN call connects since 09:10.",
                category=Category.QUESTION,
                severity=2,
            ),
        )
        assert isinstance(ticket, TicketOut), ticket
        assert ticket.tracking_number.startswith("SD-")
        comment = await create_comment.asyncio_detailed(
            ticket.id, client=lan, body=CommentIn(body="It also fails from the mobile app.")
        )
        assert comment.status_code == 201, comment.content
        sla = await get_ticket_sla.asyncio(ticket.id, client=lan)
        assert isinstance(sla, TicketSlaOut), sla
        assert {c.metric for c in sla.clocks} >= {"reaction"}
        assert all(c.state == "running" for c in sla.clocks)


def test_committed_client_is_generated_from_the_committed_document(tmp_path: Path) -> None:
    out = tmp_path / "client"
    subprocess.run(  # noqa: S603 (our own generator on our own document)
        [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi" / "openapi.json"),
            "--output-path",
            str(out),
            "--config",
            str(ROOT / "clients" / "openapi-python-client.yml"),
        ],
        check=True,
        capture_output=True,
    )
    finish(out)  # the hand-written helpers and README, as `make client` adds them
    differences: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(str(out), str(CLIENT), ignore=["__pycache__"]), "")
    assert differences == [], f"clients/python is stale (run `make openapi`): {differences[:10]}"


async def test_the_hand_written_helpers_log_in_refresh_page_and_raise_problems(
    server: str, db: Database
) -> None:
    from supportdesk_client.api.partners import create_api_key, create_partner
    from supportdesk_client.api.tickets import get_ticket, list_tickets
    from supportdesk_client.helpers import (
        NotFound,
        TokenRefresh,
        ValidationFailed,
        alog_in,
        apaginate,
        api_key_client,
        raise_for_problem,
    )
    from supportdesk_client.models import ApiKeyIn, PartnerIn, TicketSort

    await add_user(db, "admin@vendor.com", Role.ADMIN)
    admin = await alog_in(server, "admin@vendor.com", PASSWORD)
    customer = await create_customer.asyncio(
        client=admin,
        body=CustomerIn(name="ACME", customer_type=CustomerType.ENTERPRISE, domains=["acme.com"]),
    )
    assert isinstance(customer, CustomerOut), customer
    await apply_preset.asyncio("bicom", client=admin, body=PresetApplyIn(customer_id=customer.id))
    await add_user(db, "lan@acme.com", Role.CUSTOMER_USER, customer_id=customer.id)
    lan = await alog_in(server, "lan@acme.com", PASSWORD)
    opened = []
    for n in range(5):
        ticket = await create_ticket.asyncio(
            client=lan,
            body=TicketCreate(
                subject=f"Echo on trunk group {n}",
                description="Callers hear themselves.",
                category=Category.QUESTION,
                severity=3,
            ),
        )
        assert isinstance(ticket, TicketOut), ticket
        opened.append(ticket.tracking_number)

    # Every page, newest first, through the named sort member.
    seen = [
        t.tracking_number
        async for t in apaginate(list_tickets, client=lan, limit=2, sort=TicketSort.CREATED_AT_DESC)
    ]
    assert seen == list(reversed(opened))

    # An expired access token is renewed with the refresh token, once, transparently.
    auth = lan.get_async_httpx_client().auth
    assert isinstance(auth, TokenRefresh)
    refresh_before = auth.refresh_token
    auth.access_token = "an.expired.token"
    page = await list_tickets.asyncio_detailed(client=lan, limit=1)
    raise_for_problem(page)
    assert auth.access_token != "an.expired.token"
    assert auth.refresh_token != refresh_before  # rotated, and the new one kept

    # Problems become exceptions of their type.
    with pytest.raises(NotFound) as missing:
        raise_for_problem(await get_ticket.asyncio_detailed(uuid.uuid4(), client=lan))
    assert missing.value.status == 404 and missing.value.request_id
    with pytest.raises(ValidationFailed) as invalid:
        raise_for_problem(await list_tickets.asyncio_detailed(client=lan, q="%%%"))
    assert [e["field"] for e in invalid.value.errors] == ["q"]

    # A partner integration with its API key.
    partner = await create_partner.asyncio(client=admin, body=PartnerIn(name="Helpdesk Co"))
    key = await create_api_key.asyncio(partner.id, client=admin, body=ApiKeyIn(name="mirror"))
    async with api_key_client(server, key.key) as integration:
        theirs = await list_tickets.asyncio_detailed(client=integration)
        raise_for_problem(theirs)
        assert theirs.parsed.items == []  # no customer of theirs yet
