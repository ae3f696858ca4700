"""The five seed processes as presets (SPEC 9), checked target by target and by due times.

Each test names the preset and the SPEC 9 clause it implements; due times come from
`POST /v1/sla/preview` on the contract the preset creates, with the arithmetic shown.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from tests.support.factories import add_customer, user_headers
from tests.support.sla_config import admin
from tests.support.tickets import long_lived_tokens, make_desk

settings = long_lived_tokens  # the Bicom walk moves the clock from Friday night to Saturday
PROBLEMS = "https://supportdesk.dev/problems/"


class Applied:
    def __init__(self, client: httpx.AsyncClient, headers: dict[str, str], ids: dict[str, Any]):
        self.client, self.headers, self.ids = client, headers, ids

    async def policy(self) -> dict[str, Any]:
        r = await self.client.get(
            f"/v1/sla-policies/{self.ids['sla_policy_id']}", headers=self.headers
        )
        assert r.status_code == 200, r.text
        policy: dict[str, Any] = r.json()
        return policy

    async def targets(self) -> list[tuple[Any, ...]]:
        """(severity, metric, minutes, clock) of every target, in the document's order."""
        return [
            (t["severity"], t["metric"], t["minutes"], t["clock"])
            for t in (await self.policy())["targets"]
        ]

    async def due(
        self, severity: int, created_at: str, phone_call_at: str | None = None
    ) -> dict[str, Any]:
        body = {
            "contract_id": self.ids["contract_id"],
            "severity": severity,
            "created_at": created_at,
            "phone_call_at": phone_call_at,
        }
        r = await self.client.post("/v1/sla/preview", json=body, headers=self.headers)
        assert r.status_code == 200, r.text
        result: dict[str, Any] = r.json()
        return result


def due_of(answer: dict[str, Any], *, update: bool = False) -> dict[str, tuple[int, str]]:
    """metric -> (minutes applied, due_at); the contract's `update` target only if asked
    (it comes from the contract's update interval, checked once per preset)."""
    return {
        t["metric"]: (t["minutes"], t["due_at"])
        for t in answer["targets"]
        if update or t["metric"] != "update"
    }


@pytest.fixture
async def apply(client: httpx.AsyncClient, db: Database) -> Any:
    headers = await admin(client, db)
    customer = await add_customer(db, "ACME", "alpha.com")

    async def _apply(name: str, **parameters: str) -> Applied:
        body = {"customer_id": str(customer.id)} | parameters
        r = await client.post(f"/v1/presets/{name}/apply", json=body, headers=headers)
        assert r.status_code == 201, r.text
        assert r.json()["preset"] == name and r.json()["contract_id"] is not None
        return Applied(client, headers, r.json())

    return _apply


async def test_aarenet_standard_classes_and_business_hours(apply: Any) -> None:
    """SPEC 9 aarenet-standard: 'class 1 reaction 30 min BH, restore 2 h BH; class 2 30 min
    BH / 8 h BH; class 3 2 h BH / 5 working days; class 4 1 working day BH / 1 month'."""
    preset = await apply("aarenet-standard")
    # "Fault classes 1 critical ... 4 minor": Critical, High, Medium, Minor; class 2 in the
    # agreement's words, "Severe disruption of parts of the system ... e.g. system failure
    # that causes loss of redundancy".
    classes = (await preset.policy())["severities"]
    assert [c["name"] for c in classes] == ["Critical", "High", "Medium", "Minor"]
    assert classes[1]["definition"].startswith("Severe disruption of parts of the system")
    assert "e.g. system failure that causes loss of redundancy" in classes[1]["definition"]
    assert await preset.targets() == [
        (1, "reaction", 30, "business"),
        (1, "restore", 120, "business"),
        (2, "reaction", 30, "business"),
        (2, "restore", 480, "business"),
        (3, "reaction", 120, "business"),
        (3, "restore", 5 * 600, "business"),  # 5 working days of 08:00-18:00
        (4, "reaction", 600, "business"),  # 1 working day
        (4, "restore", 30 * 24 * 60, "continuous"),  # 1 month = 30 continuous days
    ]
    # Class 3, Mon 11 Jan 2027 10:00 +07 (03:00Z). Reaction 2 h BH: 12:00 +07 = 05:00Z.
    # Restore 3000 BH min: Mon 10-18 = 480, Tue-Fri 4 x 600 = 2400 (2880), 120 more on
    # Mon 18 Jan from 08:00: 10:00 +07 = 03:00Z.
    answer = await preset.due(3, "2027-01-11T10:00:00+07:00")
    assert answer["period"] == "BH"
    assert due_of(answer) == {
        "reaction": (120, "2027-01-11T05:00:00Z"),
        "restore": (3000, "2027-01-18T03:00:00Z"),
    }
    # Class 4 at the same instant: reaction 600 BH = Tue 12 Jan 10:00 +07; restore
    # 30 days later, 10 Feb 03:00Z (a continuous clock ignores Tet).
    assert due_of(await preset.due(4, "2027-01-11T10:00:00+07:00")) == {
        "reaction": (600, "2027-01-12T03:00:00Z"),
        "restore": (43200, "2027-02-10T03:00:00Z"),
    }
    # Class 1 on Saturday 9 Jan 10:00 +07 (NBH2) counts from Monday 08:00 +07 (01:00Z).
    answer = await preset.due(1, "2027-01-09T10:00:00+07:00")
    assert answer["period"] == "NBH2"
    assert due_of(answer) == {
        "reaction": (30, "2027-01-11T01:30:00Z"),
        "restore": (120, "2027-01-11T03:00:00Z"),
    }
    # A weekday night is NBH1: Tue 20:00 +07 -> Wed 08:30 +07 (01:30Z).
    answer = await preset.due(1, "2027-01-12T20:00:00+07:00")
    assert answer["period"] == "NBH1"
    assert due_of(answer)["reaction"] == (30, "2027-01-13T01:30:00Z")


async def test_aarenet_premium_around_the_clock_for_classes_1_and_2(apply: Any) -> None:
    """SPEC 9 aarenet-premium: 'classes 1 and 2 reaction 30 min around the clock; class 1
    restore 2 h around the clock; class 2 restore 8 h BH; classes 3 and 4 as Standard'."""
    preset = await apply("aarenet-premium")
    assert await preset.targets() == [
        (1, "reaction", 30, "continuous"),
        (1, "restore", 120, "continuous"),
        (2, "reaction", 30, "continuous"),
        (2, "restore", 480, "business"),
        (3, "reaction", 120, "business"),
        (3, "restore", 3000, "business"),
        (4, "reaction", 600, "business"),
        (4, "restore", 43200, "continuous"),
    ]
    # Class 1 on Saturday 9 Jan 2027 10:00 +07 (03:00Z): 03:30Z and 05:00Z, weekend or not.
    answer = await preset.due(1, "2027-01-09T10:00:00+07:00")
    assert answer["period"] == "NBH2"
    assert due_of(answer) == {
        "reaction": (30, "2027-01-09T03:30:00Z"),
        "restore": (120, "2027-01-09T05:00:00Z"),
    }
    # The contract promises an update every 120 minutes for classes 1 and 2, around the
    # clock: 03:00Z + 2 h.
    assert due_of(answer, update=True)["update"] == (120, "2027-01-09T05:00:00Z")
    # Class 2 at the same instant: reaction 03:30Z; restore 8 h BH from Monday 08:00 +07
    # = Monday 16:00 +07 = 09:00Z.
    assert due_of(await preset.due(2, "2027-01-09T10:00:00+07:00")) == {
        "reaction": (30, "2027-01-09T03:30:00Z"),
        "restore": (480, "2027-01-11T09:00:00Z"),
    }


async def test_ava_priorities_immediately_1h_6h_24h_of_working_hours(apply: Any) -> None:
    """SPEC 9 ava: 'P1 network down: resources immediately; P2 within 1 h; P3 within 6 h of
    normal working hours; P4 within 24 h of normal working hours' (hours assumed 08-17 CET)."""
    preset = await apply("ava")
    assert await preset.targets() == [
        (1, "reaction", 15, "continuous"),  # "immediately", measured as 15 min
        (2, "reaction", 60, "continuous"),
        (3, "reaction", 6 * 60, "business"),
        (4, "reaction", 24 * 60, "business"),
    ]
    # Fri 15 Jan 2027 15:00 Berlin (14:00Z). P3: 120 min to 17:00, 240 more from Monday
    # 08:00: 12:00 CET = 11:00Z. P4: 120 Fri + 540 Mon + 540 Tue = 1200, 240 more on
    # Wed 20 Jan: 12:00 CET = 11:00Z.
    assert due_of(await preset.due(3, "2027-01-15T15:00:00+01:00")) == {
        "reaction": (360, "2027-01-18T11:00:00Z")
    }
    assert due_of(await preset.due(4, "2027-01-15T15:00:00+01:00")) == {
        "reaction": (1440, "2027-01-20T11:00:00Z")
    }
    assert due_of(await preset.due(1, "2027-01-16T03:00:00Z")) == {
        "reaction": (15, "2027-01-16T03:15:00Z")
    }
    # Updates every 60 minutes for P1 and P2, around the clock; none for P3.
    answer = await preset.due(1, "2027-01-16T03:00:00Z")
    assert due_of(answer, update=True)["update"] == (60, "2027-01-16T04:00:00Z")
    assert "update" not in due_of(await preset.due(3, "2027-01-16T03:00:00Z"), update=True)


async def test_ipass_sev1_phone_call_rule_and_24x7(apply: Any) -> None:
    """SPEC 9 ipass: 'Sev 1 response 15 min when the case is followed by a phone call (1 h on
    weekends and local public holidays), 1 h by case only; Sev 2 8 h; Sev 3 12 h', 24x7x365.
    Without parameters 'local' is the agreement's desk in Bruges (Europe/Brussels, BE)."""
    preset = await apply("ipass")
    assert await preset.targets() == [
        (1, "reaction", 60, "continuous"),
        (2, "reaction", 480, "continuous"),
        (3, "reaction", 720, "continuous"),
    ]
    sev1 = (await preset.policy())["targets"][0]
    assert sev1["after_phone_call"] == {"minutes": 15, "by_period": {"NBH2": 60}}
    # Tue 12 Jan 2027 19:00 Brussels = 18:00Z (BH). By case only: 19:00Z. Called at 18:05Z:
    # 18:05 + 15 = 18:20Z, sooner, so it wins with 15 minutes.
    assert due_of(await preset.due(1, "2027-01-12T18:00:00Z")) == {
        "reaction": (60, "2027-01-12T19:00:00Z")
    }
    # The contract's hourly updates for Sev 1 and 2: 18:00Z + 1 h.
    answer = await preset.due(1, "2027-01-12T18:00:00Z")
    assert due_of(answer, update=True)["update"] == (60, "2027-01-12T19:00:00Z")
    assert due_of(await preset.due(1, "2027-01-12T18:00:00Z", "2027-01-12T18:05:00Z")) == {
        "reaction": (15, "2027-01-12T18:20:00Z")
    }
    # Saturday 16 Jan 18:00Z is NBH2: a call at 18:05Z gives 18:05 + 60 = 19:05Z, later
    # than the case's own 19:00Z, which is reported.
    answer = await preset.due(1, "2027-01-16T18:00:00Z", "2027-01-16T18:05:00Z")
    assert answer["period"] == "NBH2"
    assert due_of(answer) == {"reaction": (60, "2027-01-16T19:00:00Z")}
    # Local time defaults to Bruges: Easter Monday (29 Mar 2027) is a Belgian public
    # holiday, NBH2 as well; Martin Luther King Day (Mon 18 Jan 2027) is not, so a call
    # then gives 18:00 + 15 = 18:15Z.
    answer = await preset.due(1, "2027-03-29T18:00:00Z", "2027-03-29T18:00:00Z")
    assert answer["period"] == "NBH2"
    assert due_of(answer) == {"reaction": (60, "2027-03-29T19:00:00Z")}
    answer = await preset.due(1, "2027-01-18T18:00:00Z", "2027-01-18T18:00:00Z")
    assert answer["period"] == "BH"
    assert due_of(answer) == {"reaction": (15, "2027-01-18T18:15:00Z")}
    # Sev 2 and 3 count every minute: +8 h and +12 h.
    assert due_of(await preset.due(2, "2027-01-16T18:00:00Z")) == {
        "reaction": (480, "2027-01-17T02:00:00Z")
    }
    assert due_of(await preset.due(3, "2027-01-16T18:00:00Z")) == {
        "reaction": (720, "2027-01-17T06:00:00Z")
    }


async def test_ipass_local_holidays_by_parameter(apply: Any) -> None:
    """iPass: '1 h on weekends and local public holidays' - local to the customer, given
    as `timezone`, `country` (and `subdivision`) when the preset is applied."""
    preset = await apply("ipass", timezone="Europe/Berlin", country="DE")
    calendar = await preset.client.get(
        f"/v1/calendars/{preset.ids['calendar_id']}", headers=preset.headers
    )
    [shift] = calendar.json()["shifts"]
    assert (shift["timezone"], shift["holidays"]) == (
        "Europe/Berlin",
        {"country": "DE", "subdivision": None},
    )
    # Good Friday, 26 Mar 2027, is a German public holiday (not a Belgian one): 12:00 CET
    # = 11:00Z is NBH2, so a call at 11:00Z gives 11:00 + 60 = 12:00Z, a tie with the
    # case's own 60 minutes, which is reported.
    answer = await preset.due(1, "2027-03-26T11:00:00Z", "2027-03-26T11:00:00Z")
    assert answer["period"] == "NBH2"
    assert due_of(answer) == {"reaction": (60, "2027-03-26T12:00:00Z")}
    # The day before is a working day in Germany: the call wins, 11:00 + 15 = 11:15Z.
    answer = await preset.due(1, "2027-03-25T11:00:00Z", "2027-03-25T11:00:00Z")
    assert answer["period"] == "BH"
    assert due_of(answer) == {"reaction": (15, "2027-03-25T11:15:00Z")}
    # The calendar's history says what the preset was applied with.
    r = await preset.client.get(
        f"/v1/calendars/{preset.ids['calendar_id']}/versions", headers=preset.headers
    )
    assert r.json()["items"][0]["reason"] == "preset ipass (timezone=Europe/Berlin, country=DE)"


@pytest.mark.parametrize(
    ("name", "parameters", "field"),
    [
        ("ipass", {"timezone": "Europe/Bruges"}, "timezone"),
        ("ipass", {"country": "XX"}, "country"),
        ("ipass", {"country": "DE", "subdivision": "ZZ"}, "subdivision"),
        ("bicom", {"timezone": "Europe/Berlin"}, "timezone"),
    ],
)
async def test_a_bad_local_time_parameter_is_named(
    client: httpx.AsyncClient, db: Database, name: str, parameters: dict[str, str], field: str
) -> None:
    headers = await admin(client, db)
    r = await client.post(f"/v1/presets/{name}/apply", json=parameters, headers=headers)
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["type"] == PROBLEMS + "invalid-preset-parameter"
    assert [e["field"] for e in problem["errors"]] == [field]
    # Nothing was created.
    assert (await client.get("/v1/calendars", headers=headers)).json()["items"] == []


async def test_bicom_hours_of_business_and_targets_as_published(apply: Any) -> None:
    """Bicom: 'Monday-Thursday 7 AM CET - 6 AM CET the next morning; Fridays 7 AM CET -
    10 PM CET; Sunday-Monday 5 PM EST - 1 AM EST'; 'Tickets will be replied to within 24
    hours on business days'; weekends: 'EMERGENCY and URGENT tickets within 1 hour'."""
    preset = await apply("bicom")
    calendar = await preset.client.get(
        f"/v1/calendars/{preset.ids['calendar_id']}", headers=preset.headers
    )
    cet, est = calendar.json()["shifts"]
    assert (cet["timezone"], cet["holidays"]["country"]) == ("Europe/Sarajevo", "BA")
    assert sorted((h["start"], h["end"], tuple(h["days"])) for h in cet["hours"]) == [
        ("00:00", "06:00", ("tue", "wed", "thu", "fri")),
        ("07:00", "22:00", ("fri",)),
        ("07:00", "24:00", ("mon", "tue", "wed", "thu")),
    ]
    assert (est["timezone"], est["holidays"]["country"]) == ("America/New_York", "US")
    assert sorted((h["start"], h["end"], tuple(h["days"])) for h in est["hours"]) == [
        ("00:00", "01:00", ("mon",)),
        ("17:00", "24:00", ("sun",)),
    ]
    assert await preset.targets() == [
        (1, "reaction", 60, "continuous"),
        (2, "reaction", 1440, "continuous"),
        (3, "reaction", 1440, "business"),  # 24 h = 1,440 business minutes
    ]
    assert (await preset.policy())["targets"][1]["by_period"] == {"NBH1": 60, "NBH2": 60}
    # Normal, Mon 1 Feb 2027 06:30 CET (05:30Z, 00:30 New York): the EST night is open.
    # 05:30Z -> Tue 05:00Z (06:00 CET) = 1410 min without a break; closed 06:00-07:00
    # CET; 30 more from Tue 07:00 CET: 07:30 CET = 06:30Z.
    answer = await preset.due(3, "2027-02-01T06:30:00+01:00")
    assert answer["period"] == "BH"
    assert due_of(answer) == {"reaction": (1440, "2027-02-02T06:30:00Z")}
    # Normal, Sun 7 Feb 23:30 New York (Mon 04:30Z): open without a break until Tue
    # 05:00Z (1470 min), so due 1440 min later, Tue 9 Feb 04:30Z.
    answer = await preset.due(3, "2027-02-07T23:30:00-05:00")
    assert answer["period"] == "BH"
    assert due_of(answer) == {"reaction": (1440, "2027-02-09T04:30:00Z")}
    # Emergency: 1 h at any time.
    assert due_of(await preset.due(1, "2027-02-06T12:00:00+01:00")) == {
        "reaction": (60, "2027-02-06T12:00:00Z")
    }


async def test_bicom_tickets_raised_on_friday_night_and_saturday_noon(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    """Bicom through ticket creation: the due times `GET /v1/tickets/{id}/sla` shows."""
    cet = ZoneInfo("Europe/Sarajevo")
    clock.set(datetime(2027, 2, 5, 12, 0, tzinfo=cet))
    desk = await make_desk(client, db, "bicom")

    async def reaction_due(severity: int) -> tuple[int, str]:
        ticket = await desk.open(severity=severity)
        [clock_] = (await desk.sla(ticket["id"])).values()
        assert clock_["metric"] == "reaction" and clock_["state"] == "running"
        return clock_["minutes"], clock_["due_at"]

    # Fri 5 Feb 2027 21:59 CET = 20:59Z. Normal: 1 min to 22:00 CET, then closed until
    # Sunday 17:00 New York = 22:00Z; 1439 more = Mon 8 Feb 21:59Z (22:59 CET).
    clock.set(datetime(2027, 2, 5, 21, 59, tzinfo=cet))
    assert await reaction_due(3) == (1440, "2027-02-08T21:59:00Z")
    # Urgent in business hours: 24 h by the clock, Sat 20:59Z.
    assert await reaction_due(2) == (1440, "2027-02-06T20:59:00Z")
    # Sat 6 Feb 12:00 CET = 11:00Z, a weekend at both shifts (NBH2). Normal counts from
    # Sunday 22:00Z: 1440 min = Mon 8 Feb 22:00Z. Urgent: the on-call hour, 12:00Z.
    clock.set(datetime(2027, 2, 6, 12, 0, tzinfo=cet))
    assert await reaction_due(3) == (1440, "2027-02-08T22:00:00Z")
    assert await reaction_due(2) == (60, "2027-02-06T12:00:00Z")


async def test_keepnet_matrix_and_next_centre_to_open(apply: Any) -> None:
    """SPEC 9 keepnet: 'Priority from an urgency x impact matrix (high/medium/low) ... US
    (06:00-16:00 US Eastern) and UK (09:00-18:00 UK) centres, out-of-hours tickets by the
    next centre to open' (targets assumed: the seed gives none)."""
    preset = await apply("keepnet")
    # The union is 09:00-21:00Z in winter: 1 working day = 720 minutes.
    assert await preset.targets() == [
        (1, "reaction", 60, "business"),
        (1, "resolution", 720, "business"),
        (2, "reaction", 240, "business"),
        (2, "resolution", 3 * 720, "business"),
        (3, "reaction", 720, "business"),
        (3, "resolution", 10 * 720, "business"),
        (4, "reaction", 2 * 720, "business"),
        (4, "resolution", 20 * 720, "business"),
    ]
    matrix = {
        (c["urgency"], c["impact"]): c["severity"]
        for c in (await preset.policy())["priority_matrix"]
    }
    assert len(matrix) == 9
    assert matrix[("high", "high")] == 1 and matrix[("high", "medium")] == 2
    assert matrix[("medium", "medium")] == 3 and matrix[("low", "low")] == 4
    # Tue 12 Jan 2027 22:00Z: New York closed at 16:00 EST (21:00Z), London at 18:00.
    # The next centre to open is London, Wed 09:00Z (New York opens 11:00Z): 10:00Z;
    # resolution: Wed 09:00-21:00Z is 720 minutes, due 21:00Z.
    answer = await preset.due(1, "2027-01-12T22:00:00Z")
    assert answer["period"] == "NBH1"
    assert due_of(answer) == {
        "reaction": (60, "2027-01-13T10:00:00Z"),
        "resolution": (720, "2027-01-13T21:00:00Z"),
    }
    # Sun 2 May 2027 20:00Z (NBH2); Mon 3 May is a UK bank holiday, so New York opens
    # first: 06:00 EDT = 10:00Z, reaction 11:00Z.
    answer = await preset.due(1, "2027-05-02T20:00:00Z")
    assert answer["period"] == "NBH2"
    assert due_of(answer)["reaction"] == (60, "2027-05-03T11:00:00Z")


async def test_presets_are_listed_with_their_assumptions(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    r = await client.get("/v1/presets", headers=headers)
    assert r.status_code == 200
    names = [p["name"] for p in r.json()]
    assert names == ["aarenet-standard", "aarenet-premium", "ava", "ipass", "bicom", "keepnet"]
    by_name = {p["name"]: p for p in r.json()}
    assert "Assumption" in by_name["ava"]["description"]
    assert "Assumed targets" in by_name["keepnet"]["description"]
    # The parameters `apply` accepts, with their defaults: only iPass's periods are local.
    ipass = [(q["name"], q["default"]) for q in by_name["ipass"]["parameters"]]
    assert ipass == [("timezone", "Europe/Brussels"), ("country", "BE"), ("subdivision", None)]
    assert all(q["description"] for q in by_name["ipass"]["parameters"])
    assert all(by_name[n]["parameters"] == [] for n in names if n != "ipass")


async def test_apply_without_a_customer_creates_no_contract(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    r = await client.post("/v1/presets/ipass/apply", headers=headers)
    assert r.status_code == 201, r.text
    assert r.json()["contract_id"] is None
    r = await client.get(f"/v1/calendars/{r.json()['calendar_id']}/versions", headers=headers)
    assert r.json()["items"][0]["reason"] == "preset ipass"


async def test_unknown_preset_is_not_found_and_only_admins_apply(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    r = await client.post("/v1/presets/zendesk/apply", json={}, headers=headers)
    assert r.status_code == 404
    assert r.json()["type"].endswith("/not-found")
    agent = await user_headers(client, db, "agent@vendor.com", Role.AGENT)
    assert (await client.post("/v1/presets/ava/apply", headers=agent)).status_code == 403


async def test_a_second_contract_valid_now_conflicts(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    customer = await add_customer(db, "ACME", "alpha.com")
    body = {"customer_id": str(customer.id)}
    assert (
        await client.post("/v1/presets/ava/apply", json=body, headers=headers)
    ).status_code == 201
    r = await client.post("/v1/presets/bicom/apply", json=body, headers=headers)
    assert r.status_code == 409
    # Nothing of the failed apply was kept: one calendar only.
    assert len((await client.get("/v1/calendars", headers=headers)).json()["items"]) == 1
