"""The SLA compliance report over HTTP, on SQLite and PostgreSQL (SPEC 7, SPEC 1).

The fixture inserts tickets and clocks directly with known counted seconds; every
expected figure below is worked out by hand from it, with percentiles interpolated
as `percentile_cont`: position p × (n − 1) in the ascending values.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update

from app.db.models import (
    Calendar,
    CalendarVersion,
    Contract,
    SlaPolicy,
    SlaPolicyVersion,
    Ticket,
    TicketClock,
)
from app.db.session import Database
from app.domain.actors import Role
from app.domain.ids import new_id
from app.domain.reports import MEDIAN, P90, percentile
from app.main import create_app
from app.routers.reports import wants_csv
from app.settings import Settings
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.sla_config import admin, field_of
from tests.support.tickets import make_desk

URL = "/v1/reports/sla"
JANUARY = {"from": "2027-01-01T00:00:00Z", "to": "2027-02-01T00:00:00Z"}


@dataclass
class World:
    admin: dict[str, str]
    customer_a: uuid.UUID  # supported by partner P
    customer_b: uuid.UUID
    partner_p: uuid.UUID
    partner_q: uuid.UUID  # supports nobody
    contract_a1: uuid.UUID
    contract_a2: uuid.UUID
    contract_b1: uuid.UUID


async def _contract(db: Database, customer_id: uuid.UUID) -> uuid.UUID:
    """A contract on a calendar and a policy (their documents do not matter here)."""
    now = datetime.now(UTC)
    calendar = Calendar(id=new_id(), name="c", current_version=1, created_at=now, updated_at=now)
    policy = SlaPolicy(id=new_id(), name="p", current_version=1, created_at=now, updated_at=now)
    contract = Contract(
        id=new_id(),
        customer_id=customer_id,
        support_level="Standard",
        sla_policy_id=policy.id,
        calendar_id=calendar.id,
        valid_from=datetime(2026, 1, 1, tzinfo=UTC),
        valid_to=None,
        channels=["portal"],
        escalation_chain=[],
        created_at=now,
        updated_at=now,
    )
    async with db.unit_of_work() as uow:
        uow.session.add_all([calendar, policy])
        await uow.session.flush()
        uow.session.add_all(
            [
                CalendarVersion(
                    id=new_id(),
                    calendar_id=calendar.id,
                    version=1,
                    document={},
                    reason="test",
                    created_at=now,
                ),
                SlaPolicyVersion(
                    id=new_id(),
                    sla_policy_id=policy.id,
                    version=1,
                    document={},
                    reason="test",
                    created_at=now,
                ),
                contract,
            ]
        )
        await uow.commit()
    return contract.id


# (state, counted seconds): a stopped clock has both; ("breached", None) ran past its due
# time without its event; "running"/"paused" have not stopped.
Clock = tuple[str, int | None]


async def add_ticket(
    db: Database,
    customer_id: uuid.UUID,
    contract_id: uuid.UUID,
    severity: int,
    created_at: datetime,
    clocks: dict[str, Clock],
) -> None:
    async with db.unit_of_work() as uow:
        versions = await uow.session.get_one(Contract, contract_id)
        cal = (await uow.sla_config.calendar_version(versions.calendar_id, 1)).id
        pol = (await uow.sla_config.policy_version(versions.sla_policy_id, 1)).id
        ticket = Ticket(
            id=new_id(),
            tracking_number=f"SD-T-{uuid.uuid4().hex[:12]}",
            customer_id=customer_id,
            contract_id=contract_id,
            calendar_version_id=cal,
            policy_version_id=pol,
            channel="portal",
            category="incident",
            subject="PBX - not able to dial PSTN destinations",
            description="-",
            severity=severity,
            proposed_severity=severity,
            facts={},
            status="in_progress",
            created_at=created_at,
            updated_at=created_at,
        )
        uow.tickets.add(ticket)
        await uow.tickets.flush()
        for metric, (state, seconds) in clocks.items():
            stopped = None if seconds is None else created_at + timedelta(seconds=seconds)
            uow.tickets.add(
                TicketClock(
                    id=new_id(),
                    ticket_id=ticket.id,
                    metric=metric,
                    minutes=60,
                    clock="continuous",
                    started_at=created_at,
                    state=state,
                    due_at=created_at + timedelta(hours=1),
                    stopped_at=stopped,
                    counted_seconds=seconds,
                    pauses=[],
                    updated_at=created_at,
                )
            )
        await uow.commit()


def jan(day: int, hour: int = 9) -> datetime:
    return datetime(2027, 1, day, hour, tzinfo=UTC)


async def world(client: httpx.AsyncClient, db: Database) -> World:
    """Severity 1 tickets T1–T7 (A, contract A1, 1–7 January); severity 2 tickets
    T8–T12 (20–24 January) of A and B; two of A just outside January."""
    headers = await admin(client, db)
    p = await add_partner(db, "Helpdesk P")
    q = await add_partner(db, "Helpdesk Q")
    a = await add_customer(db, "ACME", "alpha.com", partner_id=p.id)
    b = await add_customer(db, "Bravo", "bravo.com")
    w = World(
        headers, a.id, b.id, p.id, q.id, *[await _contract(db, c) for c in (a.id, a.id, b.id)]
    )
    sev1: list[dict[str, Clock]] = [
        {"reaction": ("met", 600), "restore": ("met", 3600)},  # T1, exactly at `from`
        {"reaction": ("met", 900), "restore": ("met", 5400)},  # T2
        {"reaction": ("met", 1200), "restore": ("breached", 9000)},  # T3 late restore
        {"reaction": ("met", 1800), "restore": ("paused", None)},  # T4
        {"reaction": ("breached", 2400), "restore": ("running", None)},  # T5 late reaction
        {"reaction": ("breached", None), "restore": ("breached", None)},  # T6 past due
        {"reaction": ("running", None), "restore": ("running", None)},  # T7
    ]
    await add_ticket(db, a.id, w.contract_a1, 1, datetime(2027, 1, 1, tzinfo=UTC), sev1[0])
    for day, clocks in enumerate(sev1[1:], start=2):
        await add_ticket(db, a.id, w.contract_a1, 1, jan(day), clocks)
    await add_ticket(db, a.id, w.contract_a1, 2, jan(20), {"reaction": ("met", 1000)})  # T8
    await add_ticket(db, a.id, w.contract_a1, 2, jan(21), {"reaction": ("met", 2000)})  # T9
    await add_ticket(db, b.id, w.contract_b1, 2, jan(22), {"reaction": ("met", 4000)})  # T10
    await add_ticket(  # T11
        db,
        b.id,
        w.contract_b1,
        2,
        jan(23),
        {"reaction": ("breached", 7000), "resolution": ("met", 86400)},
    )
    await add_ticket(  # T12, A's second contract
        db,
        a.id,
        w.contract_a2,
        2,
        jan(24),
        {"reaction": ("met", 3000), "resolution": ("met", 43200), "update": ("met", 1800)},
    )
    before = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
    await add_ticket(db, a.id, w.contract_a1, 1, before, {"reaction": ("met", 1)})
    at_to = datetime(2027, 2, 1, tzinfo=UTC)  # `to` is excluded
    await add_ticket(db, a.id, w.contract_a1, 1, at_to, {"reaction": ("breached", 99999)})
    return w


def row(
    metric: str,
    total: int,
    met: int,
    breached: int,
    running: int,
    compliance: float | None,
    median: float | None,
    p90: float | None,
    severity: int | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {} if severity is None else {"severity": severity}
    out |= {
        "metric": metric,
        "total": total,
        "met": met,
        "breached": breached,
        "running": running,
        "compliance": compliance,
        "median_seconds": median,
        "p90_seconds": p90,
    }
    return out


# Severity 1 reaction: stopped [600, 900, 1200, 1800, 2400] (n = 5).
#   median: 0.5 × 4 = 2 → 1200;  p90: 0.9 × 4 = 3.6 → 1800 + 0.6 × (2400 − 1800) = 2160.
#   met 4 (T1–T4); breached 2 (T5 late, T6 past due); running 1 (T7); 4 / 6 = 0.6667.
SEV1_REACTION = row("reaction", 7, 4, 2, 1, 0.6667, 1200.0, 2160.0, severity=1)
# Severity 1 restore: stopped [3600, 5400, 9000] (n = 3).
#   median: 0.5 × 2 = 1 → 5400;  p90: 0.9 × 2 = 1.8 → 5400 + 0.8 × 3600 = 8280.
#   met 2 (T1, T2); breached 2 (T3 late, T6 past due); running 3 (T4 paused, T5, T7).
SEV1_RESTORE = row("restore", 7, 2, 2, 3, 0.5, 5400.0, 8280.0, severity=1)
# Severity 2 reaction, everyone: [1000, 2000, 3000, 4000, 7000] (n = 5).
#   median → 3000;  p90: 3.6 → 4000 + 0.6 × 3000 = 5800.  met 4, breached 1 (T11): 0.8.
SEV2_REACTION = row("reaction", 5, 4, 1, 0, 0.8, 3000.0, 5800.0, severity=2)
# Severity 2 resolution: [43200, 86400] (n = 2).
#   median: 0.5 → 43200 + 0.5 × 43200 = 64800;  p90: 0.9 → 43200 + 0.9 × 43200 = 82080.
SEV2_RESOLUTION = row("resolution", 2, 2, 0, 0, 1.0, 64800.0, 82080.0, severity=2)
SEV2_UPDATE = row("update", 1, 1, 0, 0, 1.0, 1800.0, 1800.0, severity=2)  # [1800]
# Every severity, reaction: [600, 900, 1000, 1200, 1800, 2000, 2400, 3000, 4000, 7000].
#   median: 0.5 × 9 = 4.5 → 1800 + 0.5 × 200 = 1900;  p90: 0.9 × 9 = 8.1 → 4000 + 0.1 × 3000
#   = 4300.  met 8, breached 3, running 1: 8 / 11 = 0.7273.
ALL_REACTION = row("reaction", 12, 8, 3, 1, 0.7273, 1900.0, 4300.0)


def totals_of(*rows: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "severity"} for r in rows]


async def test_report_figures_are_those_computed_by_hand(
    client: httpx.AsyncClient, db: Database
) -> None:
    w = await world(client, db)
    r = await client.get(URL, params=JANUARY, headers=w.admin)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["from"], body["to"]) == ("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z")
    assert (body["customer_id"], body["contract_id"]) == (None, None)
    assert body["by_severity"] == [
        SEV1_REACTION,
        SEV1_RESTORE,
        SEV2_REACTION,
        SEV2_RESOLUTION,
        SEV2_UPDATE,
    ]
    assert body["totals"] == [
        ALL_REACTION,
        *totals_of(SEV1_RESTORE, SEV2_RESOLUTION, SEV2_UPDATE),
    ]
    assert "Accept" in {v.strip() for v in r.headers["vary"].split(",")}  # (CORS adds Origin)


async def test_report_as_csv(client: httpx.AsyncClient, db: Database) -> None:
    w = await world(client, db)
    r = await client.get(URL, params=JANUARY, headers=w.admin | {"Accept": "text/csv"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["content-disposition"] == 'attachment; filename="sla-report.csv"'
    assert r.text == (
        "severity,metric,total,met,breached,running,compliance,median_seconds,p90_seconds\r\n"
        "1,reaction,7,4,2,1,0.6667,1200,2160\r\n"
        "1,restore,7,2,2,3,0.5,5400,8280\r\n"
        "2,reaction,5,4,1,0,0.8,3000,5800\r\n"
        "2,resolution,2,2,0,0,1,64800,82080\r\n"
        "2,update,1,1,0,0,1,1800,1800\r\n"
    )


async def test_accept_header_chooses_the_representation(
    client: httpx.AsyncClient, db: Database
) -> None:
    w = await world(client, db)
    for accept, csv in [
        ("application/json", False),
        ("*/*", False),
        ("text/csv;q=0.5, application/json", False),
        ("application/json;q=0.5, text/csv", True),
        ("text/*", True),
    ]:
        r = await client.get(URL, params=JANUARY, headers=w.admin | {"Accept": accept})
        assert r.status_code == 200, (accept, r.text)
        assert r.headers["content-type"].startswith("text/csv" if csv else "application/json")


def test_wants_csv_reads_quality_values() -> None:
    assert not wants_csv(None)
    assert not wants_csv("text/html,application/xhtml+xml,*/*;q=0.8")
    assert wants_csv("TEXT/CSV")
    assert wants_csv("text/csv, */*")
    assert not wants_csv("text/csv;q=0")
    assert not wants_csv("text/csv;q=abc")


async def test_only_tickets_created_in_the_period(client: httpx.AsyncClient, db: Database) -> None:
    w = await world(client, db)
    first_half = {"from": "2027-01-01T09:00:00+09:00", "to": "2027-01-15T00:00:00Z"}
    r = await client.get(URL, params=first_half, headers=w.admin)
    body = r.json()
    # +09:00 is 00:00Z: T1 is still included; the severity 2 tickets are not.
    assert body["from"] == "2027-01-01T00:00:00Z"
    assert body["by_severity"] == [SEV1_REACTION, SEV1_RESTORE]
    assert body["totals"] == totals_of(SEV1_REACTION, SEV1_RESTORE)
    # The ticket created one second before January, and the one at `to`, count elsewhere.
    r = await client.get(
        URL, params={"from": "2026-12-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}, headers=w.admin
    )
    assert r.json()["by_severity"] == [row("reaction", 1, 1, 0, 0, 1.0, 1.0, 1.0, severity=1)]
    r = await client.get(
        URL, params={"from": "2027-02-01T00:00:00Z", "to": "2027-03-01T00:00:00Z"}, headers=w.admin
    )
    assert r.json()["by_severity"] == [
        row("reaction", 1, 0, 1, 0, 0.0, 99999.0, 99999.0, severity=1)
    ]


# Customer A alone: severity 2 reaction [1000, 2000, 3000]: median 2000;
#   p90: 0.9 × 2 = 1.8 → 2000 + 0.8 × 1000 = 2800.  Resolution and update: T12 only.
A_SEV2 = [
    row("reaction", 3, 3, 0, 0, 1.0, 2000.0, 2800.0, severity=2),
    row("resolution", 1, 1, 0, 0, 1.0, 43200.0, 43200.0, severity=2),
    SEV2_UPDATE,
]
# Customer B alone: severity 2 reaction [4000, 7000]: median 5500;
#   p90: 0.9 → 4000 + 0.9 × 3000 = 6700.  met 1, breached 1 (T11).  Resolution [86400].
B_SEV2 = [
    row("reaction", 2, 1, 1, 0, 0.5, 5500.0, 6700.0, severity=2),
    row("resolution", 1, 1, 0, 0, 1.0, 86400.0, 86400.0, severity=2),
]


async def test_filter_by_customer_and_by_contract(client: httpx.AsyncClient, db: Database) -> None:
    w = await world(client, db)
    r = await client.get(URL, params=JANUARY | {"customer_id": str(w.customer_a)}, headers=w.admin)
    assert r.json()["customer_id"] == str(w.customer_a)
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, *A_SEV2]
    r = await client.get(URL, params=JANUARY | {"customer_id": str(w.customer_b)}, headers=w.admin)
    assert r.json()["by_severity"] == B_SEV2
    # Contract A1: severity 2 reaction [1000, 2000]: median 0.5 → 1500; p90 0.9 → 1900.
    a1 = JANUARY | {"contract_id": str(w.contract_a1)}
    r = await client.get(URL, params=a1, headers=w.admin)
    assert r.json()["contract_id"] == str(w.contract_a1)
    a1_sev2 = row("reaction", 2, 2, 0, 0, 1.0, 1500.0, 1900.0, severity=2)
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, a1_sev2]
    both = a1 | {"customer_id": str(w.customer_a)}
    r = await client.get(URL, params=both, headers=w.admin)
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, a1_sev2]
    # A contract of another customer than the one asked for names the field.
    mismatch = JANUARY | {"customer_id": str(w.customer_a), "contract_id": str(w.contract_b1)}
    assert field_of(await client.get(URL, params=mismatch, headers=w.admin)) == "contract_id"
    unknown = JANUARY | {"contract_id": str(new_id())}
    assert (await client.get(URL, params=unknown, headers=w.admin)).status_code == 404


async def test_a_customer_sees_only_its_company(client: httpx.AsyncClient, db: Database) -> None:
    w = await world(client, db)
    headers = await user_headers(
        client, db, "ann@alpha.com", Role.CUSTOMER_USER, customer_id=w.customer_a
    )
    r = await client.get(URL, params=JANUARY, headers=headers)
    assert r.json()["customer_id"] == str(w.customer_a)  # forced to its own
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, *A_SEV2]
    mine = JANUARY | {"customer_id": str(w.customer_a), "contract_id": str(w.contract_a2)}
    r = await client.get(URL, params=mine, headers=headers)
    assert r.json()["by_severity"] == [
        row("reaction", 1, 1, 0, 0, 1.0, 3000.0, 3000.0, severity=2),
        row("resolution", 1, 1, 0, 0, 1.0, 43200.0, 43200.0, severity=2),
        SEV2_UPDATE,
    ]
    b_headers = await user_headers(
        client, db, "bob@bravo.com", Role.CUSTOMER_ADMIN, customer_id=w.customer_b
    )
    r = await client.get(URL, params=JANUARY, headers=b_headers)
    assert r.json()["by_severity"] == B_SEV2
    # Foreign ids answer 404, exactly like unknown ones.
    for params in (
        {"customer_id": str(w.customer_b)},
        {"contract_id": str(w.contract_b1)},
        {"customer_id": str(new_id())},
    ):
        r = await client.get(URL, params=JANUARY | params, headers=headers)
        assert r.status_code == 404, (params, r.text)
        assert r.json()["type"].endswith("/not-found")
    csv = await client.get(URL, params=JANUARY, headers=b_headers | {"Accept": "text/csv"})
    assert csv.text.count("\r\n") == 3  # the header and B's two rows


async def test_a_partner_sees_its_customers(client: httpx.AsyncClient, db: Database) -> None:
    w = await world(client, db)
    p = await user_headers(client, db, "pia@p.com", Role.PARTNER_AGENT, partner_id=w.partner_p)
    r = await client.get(URL, params=JANUARY, headers=p)
    assert r.json()["customer_id"] is None
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, *A_SEV2]
    r = await client.get(URL, params=JANUARY | {"customer_id": str(w.customer_b)}, headers=p)
    assert r.status_code == 404
    q = await user_headers(client, db, "quinn@q.com", Role.PARTNER_AGENT, partner_id=w.partner_q)
    r = await client.get(URL, params=JANUARY, headers=q)
    assert (r.json()["by_severity"], r.json()["totals"]) == ([], [])
    r = await client.get(URL, params=JANUARY | {"contract_id": str(w.contract_a1)}, headers=q)
    assert r.status_code == 404


async def test_bad_parameters_name_the_field(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    cases = [
        ({"to": "2027-02-01T00:00:00Z"}, "from"),
        ({"from": "2027-01-01T00:00:00Z"}, "to"),
        ({"from": "2027-01-01T00:00:00", "to": "2027-02-01T00:00:00Z"}, "from"),
        ({"from": "yesterday", "to": "2027-02-01T00:00:00Z"}, "from"),
        ({"from": "2027-02-01T00:00:00Z", "to": "2027-02-01T00:00:00Z"}, "to"),
        ({"from": "2027-02-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}, "to"),
        ({"from": "2024-01-01T00:00:00Z", "to": "2027-01-01T00:00:01Z"}, "to"),
        (JANUARY | {"customer_id": "acme"}, "customer_id"),
        (JANUARY | {"contract_id": "42"}, "contract_id"),
    ]
    for params, field in cases:
        r = await client.get(URL, params=params, headers=headers)
        assert field_of(r) == field, (params, r.text)
    three_years = {"from": "2024-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}
    assert (await client.get(URL, params=three_years, headers=headers)).status_code == 200
    assert (await client.get(URL, params=JANUARY)).status_code == 401


async def test_sql_percentiles_follow_the_one_definition(
    client: httpx.AsyncClient, db: Database
) -> None:
    """Random counted times, ties included: the database (SQLite window functions or
    PostgreSQL `percentile_cont`) answers exactly `app.domain.reports.percentile`."""
    headers = await admin(client, db)
    customer = await add_customer(db, "ACME", "alpha.com")
    contract = await _contract(db, customer.id)
    rng = random.Random(7)
    stopped: dict[tuple[int, str], list[int]] = {}
    for i in range(60):
        severity = rng.choice((1, 2, 3))
        clocks: dict[str, Clock] = {}
        for metric in ("reaction", "restore", "resolution"):
            if rng.random() < 0.2:
                clocks[metric] = (rng.choice(("running", "paused")), None)
                continue
            seconds = rng.choice((rng.randrange(0, 100_000), 1800, 3600))
            clocks[metric] = (rng.choice(("met", "breached")), seconds)
            stopped.setdefault((severity, metric), []).append(seconds)
            stopped.setdefault((0, metric), []).append(seconds)
        await add_ticket(db, customer.id, contract, severity, jan(1) + timedelta(minutes=i), clocks)
    body = (await client.get(URL, params=JANUARY, headers=headers)).json()
    figures = [(f["severity"], f) for f in body["by_severity"]] + [(0, f) for f in body["totals"]]
    assert len(figures) == len(stopped)
    for severity, f in figures:
        values = sorted(stopped[(severity, f["metric"])])
        assert f["median_seconds"] == percentile(values, MEDIAN), (severity, f)
        assert f["p90_seconds"] == percentile(values, P90), (severity, f)


def test_openapi_documents_json_and_csv() -> None:
    app = create_app(Settings(environment="test", secret_key="x" * 32))  # type: ignore[arg-type]
    operation = app.openapi()["paths"][URL]["get"]
    assert operation["operationId"] == "get_sla_report"
    assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    assert {"401", "404", "422"} <= set(operation["responses"])
    assert [p["name"] for p in operation["parameters"]] == [
        "from",
        "to",
        "customer_id",
        "contract_id",
    ]


async def test_clocks_follow_their_ticket_changed_by_any_path(
    client: httpx.AsyncClient, db: Database
) -> None:
    """The report reads the ticket's severity and creation instant from copies on its
    clocks (migration 0016); the database keeps them in step with any UPDATE of the
    ticket, here one the services never make."""
    w = await world(client, db)
    async with db.unit_of_work() as uow:
        await uow.session.execute(update(Ticket).where(Ticket.severity == 2).values(severity=3))
        await uow.commit()
    r = await client.get(URL, params=JANUARY, headers=w.admin)
    sev3 = [r | {"severity": 3} for r in (SEV2_REACTION, SEV2_RESOLUTION, SEV2_UPDATE)]
    assert r.json()["by_severity"] == [SEV1_REACTION, SEV1_RESTORE, *sev3]
    in_january = sum(f["total"] for f in r.json()["totals"])

    async with db.unit_of_work() as uow:
        march = datetime(2027, 3, 1, tzinfo=UTC)
        await uow.session.execute(update(Ticket).values(created_at=march))
        await uow.commit()
    r = await client.get(URL, params=JANUARY, headers=w.admin)
    assert (r.json()["by_severity"], r.json()["totals"]) == ([], [])
    r = await client.get(
        URL, params={"from": "2027-03-01T00:00:00Z", "to": "2027-03-02T00:00:00Z"}, headers=w.admin
    )
    # Every clock of the world: January's and those of the tickets just outside it.
    assert sum(f["total"] for f in r.json()["totals"]) == in_january + 2


async def test_a_severity_change_regroups_the_tickets_clocks(
    client: httpx.AsyncClient, db: Database
) -> None:
    """Through the service: an upgrade sets the old clocks aside and starts new ones; the
    report counts each live clock under its ticket's severity now, as a join would."""
    desk = await make_desk(client, db, "aarenet-standard")
    upgraded, kept = await desk.open(severity=2), await desk.open(severity=2)
    r = await client.post(
        f"/v1/tickets/{upgraded['id']}/severity-changes",
        json={"to_level": 1, "reason": "All trunks are down, not one."},
        headers=desk.agent,
    )
    assert r.json()["status"] == "applied", r.text
    now = datetime.now(UTC)
    period = {
        "from": (now - timedelta(days=1)).isoformat(),
        "to": (now + timedelta(days=1)).isoformat(),
    }
    r = await client.get(URL, params=period, headers=desk.admin)
    assert r.status_code == 200, r.text
    reported = {(f["severity"], f["metric"]): f["total"] for f in r.json()["by_severity"]}

    async with db.unit_of_work() as uow:
        joined = await uow.session.execute(
            select(Ticket.severity, TicketClock.metric, func.count())
            .join(Ticket, Ticket.id == TicketClock.ticket_id)
            .where(
                TicketClock.state != "not_applicable",
                Ticket.id.in_([uuid.UUID(upgraded["id"]), uuid.UUID(kept["id"])]),
            )
            .group_by(Ticket.severity, TicketClock.metric)
        )
        expected = {(severity, metric): total for severity, metric, total in joined}
    assert reported == expected
    assert {severity for severity, _ in reported} == {1, 2}
