"""Who hears of a case (SPEC 4, 4.1.1, 4.1.4; issue 13.8, 13.11): pure rules."""

from __future__ import annotations

import uuid

from app.domain.actors import Actor, Role
from app.domain.case_notices import (
    Audience,
    acknowledgement_audience,
    on_call_address,
    severity_change_audiences,
)
from app.domain.process_rules import EmergencyRouting, check_emergency

PARTNER = uuid.uuid4()


def test_a_partner_api_keys_case_is_acknowledged_to_the_partner_helpdesk() -> None:
    key = Actor(Role.PARTNER_AGENT, partner_id=PARTNER, api_key_id=uuid.uuid4())
    assert acknowledgement_audience(key, for_caller=False) is Audience.PARTNER_HELPDESK


def test_an_agents_case_for_a_caller_is_acknowledged_to_the_caller_not_the_agent() -> None:
    agent = Actor(Role.AGENT, user_id=uuid.uuid4())
    assert acknowledgement_audience(agent, for_caller=True) is Audience.REQUESTER
    assert acknowledgement_audience(agent, for_caller=False) is None


def test_a_person_raising_a_case_is_acknowledged_themself() -> None:
    for actor in (
        Actor(Role.CUSTOMER_USER, user_id=uuid.uuid4(), customer_id=uuid.uuid4()),
        Actor(Role.PARTNER_AGENT, user_id=uuid.uuid4(), partner_id=PARTNER),
    ):
        assert acknowledgement_audience(actor, for_caller=False) is Audience.CREATOR


def test_an_emergency_pages_the_contracts_on_call_address_else_the_global_one() -> None:
    emergency = check_emergency(True, 0.5)
    assert on_call_address(emergency, "night@vendor.com", "oncall@vendor.com") == (
        "night@vendor.com"
    )
    assert on_call_address(emergency, None, "oncall@vendor.com") == "oncall@vendor.com"


def test_no_emergency_pages_no_one() -> None:
    assert on_call_address(None, "night@vendor.com", "oncall@vendor.com") is None
    quiet = EmergencyRouting(page_on_call=False)
    assert on_call_address(quiet, "night@vendor.com", "oncall@vendor.com") is None


def test_a_reclassification_reaches_the_requester_and_the_partner_helpdesk() -> None:
    assert severity_change_audiences(reclassification=True) == (
        Audience.REQUESTER,
        Audience.PARTNER_HELPDESK,
    )
    assert severity_change_audiences(reclassification=False) == (Audience.REQUESTER,)
