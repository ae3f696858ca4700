"""Every preset is valid configuration, without a database (SPEC 9)."""

from __future__ import annotations

import pytest

from app.domain.business_time import business_minutes_per_day, calendar_from_document
from app.domain.contracts import Channel, check_channels, check_escalation_chain
from app.domain.errors import NotFound
from app.domain.presets import PRESETS, all_presets, preset
from app.domain.sla_policy import policy_from_document


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_builds_a_valid_calendar_policy_and_contract(name: str) -> None:
    p = preset(name)
    assert p.name == name and p.title and p.description
    calendar = calendar_from_document(p.calendar)
    policy = policy_from_document(p.policy)
    assert policy.targets, "every preset promises something"
    assert business_minutes_per_day(calendar) > 0
    check_channels(list(p.contract.channels))
    assert {Channel(c) for c in p.contract.channels}
    check_escalation_chain([(lvl["level"], lvl["role"]) for lvl in p.contract.escalation_chain])
    # Customers choose by these definitions (SPEC 3).
    assert all(s.definition for s in policy.severities)


def test_working_days_follow_the_calendar() -> None:
    # Aarenet 08:00-18:00 = 600; Keepnet UK 09:00-18:00 + US 06:00-16:00 ET = 09:00-21:00Z
    # = 720. Bicom's typical CET day (Tue-Thu) is 00:00-06:00 + 07:00-24:00 = 1380: its
    # "24 hours on business days" is 1440 business minutes, not one working day.
    minutes = {
        p.name: business_minutes_per_day(calendar_from_document(p.calendar)) for p in all_presets()
    }
    assert minutes["aarenet-standard"] == 600
    assert minutes["bicom"] == 1380
    assert minutes["keepnet"] == 720


def test_an_unknown_preset_is_not_found() -> None:
    with pytest.raises(NotFound):
        preset("zendesk")
