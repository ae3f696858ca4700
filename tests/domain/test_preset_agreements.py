"""Each preset read against its agreement's own words (issue 13 points 1-3, SPEC 9).

Every test quotes the clause it checks; due times come from the domain engine and are
worked out by hand in the comments. Dates are in February 2027, when Sarajevo is on CET
(UTC+1) and New York on EST (UTC-5), and no holiday of either shift falls.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.business_time import is_business_time, period_at
from app.domain.calendar_document import calendar_from_document
from app.domain.calendar_model import Calendar, Period
from app.domain.presets import InvalidPresetParameter, preset
from app.domain.presets.keepnet import priority_matrix
from app.domain.sla import preview
from app.domain.sla_policy import SlaPolicy, policy_from_document

CET = ZoneInfo("Europe/Sarajevo")
NEW_YORK = ZoneInfo("America/New_York")
EMERGENCY, URGENT, NORMAL = 1, 2, 3


def terms(name: str, **arguments: str) -> tuple[Calendar, SlaPolicy]:
    p = preset(name, arguments or None)
    return calendar_from_document(p.calendar), policy_from_document(p.policy)


def reaction(
    name: str, severity: int, created_at: datetime, **arguments: str
) -> tuple[Period, int, datetime]:
    """(period at creation, minutes applied, reaction due_at in UTC)."""
    calendar, policy = terms(name, **arguments)
    period, due_times = preview(calendar, policy, severity, created_at)
    [due] = [d for d in due_times if d.metric.value == "reaction"]
    return period, due.minutes_applied, due.due_at


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- Bicom ----------------------------------------------------------------------------


def test_bicom_hours_of_business_are_the_published_ones() -> None:
    """Bicom: 'Monday-Thursday 7 AM CET - 6 AM CET the next morning; Fridays 7 AM CET -
    10 PM CET; Sunday-Monday 5 PM EST - 1 AM EST'."""
    bicom = preset("bicom")
    cet, est = bicom.calendar["shifts"]
    assert (cet["timezone"], cet["holidays"]) == (
        "Europe/Sarajevo",
        {"country": "BA", "subdivision": "BIH"},
    )
    assert cet["hours"] == [
        {"days": ["mon", "tue", "wed", "thu"], "start": "07:00", "end": "24:00"},
        {"days": ["tue", "wed", "thu", "fri"], "start": "00:00", "end": "06:00"},
        {"days": ["fri"], "start": "07:00", "end": "22:00"},
    ]
    assert (est["timezone"], est["holidays"]) == (
        "America/New_York",
        {"country": "US", "subdivision": None},
    )
    assert est["hours"] == [
        {"days": ["sun"], "start": "17:00", "end": "24:00"},
        {"days": ["mon"], "start": "00:00", "end": "01:00"},
    ]
    calendar = calendar_from_document(bicom.calendar)
    open_at = {
        # Sunday 7 Feb: closed until 17:00 New York (23:00 CET), then open all night:
        datetime(2027, 2, 7, 16, 59, tzinfo=NEW_YORK): False,
        datetime(2027, 2, 7, 17, 0, tzinfo=NEW_YORK): True,
        # ... the EST shift hands over to the CET shift at 01:00 EST = 07:00 CET Monday:
        datetime(2027, 2, 8, 6, 59, tzinfo=CET): True,
        datetime(2027, 2, 8, 7, 0, tzinfo=CET): True,
        # Mon-Thu nights run to 06:00 CET the next morning; 06:00-07:00 is closed:
        datetime(2027, 2, 9, 5, 59, tzinfo=CET): True,
        datetime(2027, 2, 9, 6, 0, tzinfo=CET): False,
        datetime(2027, 2, 9, 6, 59, tzinfo=CET): False,
        datetime(2027, 2, 12, 5, 59, tzinfo=CET): True,  # Thursday night into Friday
        # Friday 07:00-22:00 CET, then nothing until Sunday 17:00 New York:
        datetime(2027, 2, 12, 21, 59, tzinfo=CET): True,
        datetime(2027, 2, 12, 22, 0, tzinfo=CET): False,
        datetime(2027, 2, 13, 3, 0, tzinfo=CET): False,
        datetime(2027, 2, 13, 12, 0, tzinfo=CET): False,
    }
    assert {t: is_business_time(calendar, t) for t in open_at} == open_at


def test_bicom_targets_are_24_hours_on_business_days_and_1_hour_on_call() -> None:
    """Bicom: 'Tickets will be replied to within 24 hours on business days'; 'weekends:
    an on-call engineer who answers EMERGENCY and URGENT tickets within 1 hour'."""
    policy = preset("bicom").policy
    assert [s["name"] for s in policy["severities"]] == ["Emergency", "Urgent", "Normal"]
    assert policy["targets"] == [
        {"severity": 1, "metric": "reaction", "minutes": 60, "clock": "continuous"},
        {
            "severity": 2,
            "metric": "reaction",
            "minutes": 1440,
            "clock": "continuous",
            "by_period": {"NBH1": 60, "NBH2": 60},
        },
        # 24 h = 1,440 business minutes of the hours above, not "one working day".
        {"severity": 3, "metric": "reaction", "minutes": 1440, "clock": "business"},
    ]
    emergency = policy["severities"][0]["definition"]
    assert "50 %" in emergency and "URGENT" in emergency and "chargeable" in emergency


def test_bicom_monday_0630_cet_is_inside_the_est_night() -> None:
    # Mon 1 Feb 2027 06:30 CET = 05:30Z = 00:30 New York: the EST shift is open (BH).
    # Normal: 05:30Z -> Tue 05:00Z (06:00 CET) is 23 h 30 = 1410 min without a break
    # (EST to 06:00Z, then CET 07:00-24:00 and 00:00-06:00). Closed 06:00-07:00 CET,
    # 30 more from Tue 07:00 CET: due Tue 2 Feb 07:30 CET = 06:30Z.
    created = datetime(2027, 2, 1, 6, 30, tzinfo=CET)
    assert reaction("bicom", NORMAL, created) == (Period.BH, 1440, utc(2027, 2, 2, 6, 30))
    # Urgent in business hours: 24 h by the clock, Tue 06:30 CET = 05:30Z.
    assert reaction("bicom", URGENT, created) == (Period.BH, 1440, utc(2027, 2, 2, 5, 30))
    # Emergency: 1 h, 07:30 CET = 06:30Z.
    assert reaction("bicom", EMERGENCY, created) == (Period.BH, 60, utc(2027, 2, 1, 6, 30))


def test_bicom_friday_2159_cet_carries_over_to_sunday_night() -> None:
    # Fri 5 Feb 2027 21:59 CET = 20:59Z: 1 min until 22:00 CET. Closed until Sunday 17:00
    # New York = 22:00Z. 1439 more from Sun 22:00Z (open without a break until Tue 05:00Z):
    # Sun 22:00Z + 23 h 59 = Mon 8 Feb 21:59Z (22:59 CET).
    created = datetime(2027, 2, 5, 21, 59, tzinfo=CET)
    assert reaction("bicom", NORMAL, created) == (Period.BH, 1440, utc(2027, 2, 8, 21, 59))
    # Urgent, still in business hours: 24 h by the clock, Sat 21:59 CET = 20:59Z.
    assert reaction("bicom", URGENT, created) == (Period.BH, 1440, utc(2027, 2, 6, 20, 59))


def test_bicom_saturday_noon_normal_waits_urgent_is_on_call() -> None:
    # Sat 6 Feb 2027 12:00 CET = 11:00Z = 06:00 New York: a Saturday for both shifts (NBH2).
    created = datetime(2027, 2, 6, 12, 0, tzinfo=CET)
    # Normal counts from Sunday 17:00 New York = 22:00Z: 1440 min later, Mon 8 Feb 22:00Z
    # (23:00 CET), still inside the Monday shift.
    assert reaction("bicom", NORMAL, created) == (Period.NBH2, 1440, utc(2027, 2, 8, 22, 0))
    # Urgent: the on-call engineer within 1 h, 13:00 CET = 12:00Z.
    assert reaction("bicom", URGENT, created) == (Period.NBH2, 60, utc(2027, 2, 6, 12, 0))
    assert reaction("bicom", EMERGENCY, created) == (Period.NBH2, 60, utc(2027, 2, 6, 12, 0))


def test_bicom_sunday_2330_new_york_is_inside_the_est_night() -> None:
    # Sun 7 Feb 2027 23:30 New York = Mon 04:30Z = 05:30 CET: the EST shift is open (BH).
    # Open without a break until Tue 05:00Z (24 h 30 = 1470 >= 1440), so the normal
    # reply is due 1440 min later: Tue 9 Feb 04:30Z (05:30 CET, 23:30 Monday New York).
    created = datetime(2027, 2, 7, 23, 30, tzinfo=NEW_YORK)
    assert reaction("bicom", NORMAL, created) == (Period.BH, 1440, utc(2027, 2, 9, 4, 30))
    assert reaction("bicom", URGENT, created) == (Period.BH, 1440, utc(2027, 2, 9, 4, 30))


def test_bicom_sunday_daytime_is_nbh1_and_urgent_is_still_on_call() -> None:
    # Sun 7 Feb 2027 12:00 New York = 17:00Z: the EST shift works that Sunday evening, so
    # the day is a working day of one shift (NBH1, SPEC 3) - yet it is a weekend, and the
    # on-call engineer answers urgent tickets within 1 h: 18:00Z.
    created = datetime(2027, 2, 7, 12, 0, tzinfo=NEW_YORK)
    assert reaction("bicom", URGENT, created) == (Period.NBH1, 60, utc(2027, 2, 7, 18, 0))


def test_bicom_a_sarajevo_holiday_closes_the_cet_shift() -> None:
    # Mon 1 Mar 2027 is Independence Day in the Federation of Bosnia and Herzegovina.
    # Created Sun 28 Feb 23:30 New York = Mon 04:30Z. EST shift to 06:00Z: 90 min. The CET
    # Monday is closed; Tuesday's 00:00-06:00 CET window (Mon 23:00Z - Tue 05:00Z) opens:
    # 360 (450). Tue 06:00Z onward: 990 more = Tue 2 Mar 22:30Z (23:30 CET).
    created = datetime(2027, 2, 28, 23, 30, tzinfo=NEW_YORK)
    assert reaction("bicom", NORMAL, created) == (Period.BH, 1440, utc(2027, 3, 2, 22, 30))
    calendar, _ = terms("bicom")
    assert period_at(calendar, datetime(2027, 3, 1, 12, 0, tzinfo=CET)) is Period.NBH1


# --- iPass ----------------------------------------------------------------------------


def test_ipass_local_time_defaults_to_bruges() -> None:
    """iPass: 'Sev 1 ... 1 hour on weekends and local public holidays'; the agreement's
    support desk is in Bruges, so without parameters: Europe/Brussels, Belgian holidays."""
    ipass = preset("ipass")
    assert [(p.name, p.default) for p in ipass.parameters] == [
        ("timezone", "Europe/Brussels"),
        ("country", "BE"),
        ("subdivision", None),
    ]
    [shift] = ipass.calendar["shifts"]
    assert shift["timezone"] == "Europe/Brussels"
    assert shift["holidays"] == {"country": "BE", "subdivision": None}
    calendar, _ = terms("ipass")
    # Belgian National Day, Wed 21 Jul 2027: NBH2; the day before: BH.
    assert period_at(calendar, datetime(2027, 7, 21, 12, 0, tzinfo=UTC)) is Period.NBH2
    assert period_at(calendar, datetime(2027, 7, 20, 12, 0, tzinfo=UTC)) is Period.BH


def test_ipass_holidays_are_the_customers_by_parameter() -> None:
    # Good Friday, 26 Mar 2027: a German public holiday, a working day in Belgium.
    good_friday = datetime(2027, 3, 26, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    calendar, _ = terms("ipass")
    assert period_at(calendar, good_friday) is Period.BH
    calendar, policy = terms("ipass", timezone="Europe/Berlin", country="DE")
    assert period_at(calendar, good_friday) is Period.NBH2
    # A call at that hour gives call + 60 min, not + 15: the case's own 60 min wins.
    _, [due] = preview(calendar, policy, 1, good_friday, good_friday)
    assert (due.minutes_applied, due.from_phone_call) == (60, False)
    # Epiphany, Wed 6 Jan 2027, is a holiday in Bavaria only.
    epiphany = datetime(2027, 1, 6, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert period_at(terms("ipass", country="DE")[0], epiphany) is Period.BH
    bavaria, _ = terms("ipass", timezone="Europe/Berlin", country="DE", subdivision="BY")
    assert period_at(bavaria, epiphany) is Period.NBH2


def test_ipass_weekends_are_read_in_the_customers_time_zone() -> None:
    # Fri 15 Jan 2027 22:30Z is Saturday 07:30 in Tokyo, still Friday 23:30 in Brussels.
    late_friday = utc(2027, 1, 15, 22, 30)
    assert period_at(terms("ipass")[0], late_friday) is Period.BH
    tokyo, _ = terms("ipass", timezone="Asia/Tokyo", country="JP")
    assert period_at(tokyo, late_friday) is Period.NBH2


@pytest.mark.parametrize(
    ("name", "arguments", "field"),
    [
        ("ipass", {"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ("ipass", {"timezone": "../../etc/passwd"}, "timezone"),
        ("ipass", {"country": "XX"}, "country"),
        ("ipass", {"country": "DE", "subdivision": "ZZ"}, "subdivision"),
        ("ipass", {"city": "Bruges"}, "city"),
        ("bicom", {"timezone": "Europe/Berlin"}, "timezone"),
        ("aarenet-standard", {"country": "DE"}, "country"),
    ],
)
def test_a_bad_or_unknown_parameter_is_named(
    name: str, arguments: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidPresetParameter) as caught:
        preset(name, arguments)
    assert (caught.value.status, caught.value.type_slug) == (422, "invalid-preset-parameter")
    assert caught.value.field == field


# --- Words and definitions ------------------------------------------------------------


@pytest.mark.parametrize("name", ["aarenet-standard", "aarenet-premium"])
def test_aarenet_fault_classes_are_the_agreements(name: str) -> None:
    """Aarenet: fault classes 1 Critical, 2 High, 3 Medium, 4 Minor; class 2: 'Severe
    disruption of parts of the system ... e.g. system failure that causes loss of
    redundancy'."""
    classes = preset(name).policy["severities"]
    assert [(c["level"], c["name"]) for c in classes] == [
        (1, "Critical"),
        (2, "High"),
        (3, "Medium"),
        (4, "Minor"),
    ]
    high = classes[1]["definition"]
    assert high.startswith("Severe disruption of parts of the system")
    assert high.endswith("e.g. system failure that causes loss of redundancy.")
    # Every class gives the agreement's kind of example.
    assert all("e.g." in c["definition"] for c in classes)


def test_ava_priorities_carry_the_agreements_words() -> None:
    """AVA: 'P1 network down: resources immediately; P2 within 1 h; P3 within 6 h of normal
    working hours; P4 (configuration/planning questions) within 24 h of normal working
    hours'."""
    levels = preset("ava").policy["severities"]
    assert [s["name"] for s in levels] == [
        "P1 Network down",
        "P2 Severe",
        "P3 Minor",
        "P4 Configuration / planning",
    ]
    definitions = [s["definition"] for s in levels]
    assert definitions[0].startswith("Network down") and "immediately" in definitions[0]
    assert "within 1 hour" in definitions[1]
    assert "6 hours of normal working hours" in definitions[2]
    assert definitions[3].startswith("Configuration and planning questions")
    assert "24 hours of normal working hours" in definitions[3]


def test_ipass_severity_one_is_the_agreements_high() -> None:
    """iPass (Appendix A): level 1 'High': 'Authentication infrastructure down: no user can
    connect'."""
    levels = preset("ipass").policy["severities"]
    assert [s["name"] for s in levels] == ["High", "Medium", "Low"]
    assert levels[0]["definition"].startswith(
        "Authentication infrastructure down: no user can connect"
    )
    assert all("E.g." in s["definition"] for s in levels)


def test_keepnet_priorities_name_the_matrix_cells_that_give_them() -> None:
    """Keepnet: 'Priority from an urgency x impact matrix (high/medium/low)'."""
    levels = {s["level"]: s for s in preset("keepnet").policy["severities"]}
    assert [levels[n]["name"] for n in (1, 2, 3, 4)] == [
        "P1 Critical",
        "P2 High",
        "P3 Medium",
        "P4 Low",
    ]
    phrases = {
        ("high", "high"): "high urgency and high impact",
        ("high", "medium"): "high urgency with medium impact",
        ("medium", "high"): "medium urgency with high impact",
        ("high", "low"): "high urgency with low impact",
        ("medium", "medium"): "medium with medium",
        ("low", "high"): "low urgency with high impact",
        ("medium", "low"): "medium urgency with low impact",
        ("low", "medium"): "low with medium",
        ("low", "low"): "low with low",
    }
    for cell in priority_matrix():
        phrase = phrases[(cell["urgency"], cell["impact"])]
        holders = [n for n, s in levels.items() if phrase in s["definition"].lower()]
        assert holders == [cell["severity"]], (cell, holders)
