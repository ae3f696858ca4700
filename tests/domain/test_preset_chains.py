"""Preset escalation chains as the agreements write them (SPEC 9, issue 13 point 4):
the agreement's roles and titles, the role mailboxes it publishes built on the
deployment's mail domain, and no named people in code."""

from __future__ import annotations

import pytest

from app.domain import escalation as rules
from app.domain.errors import InvalidField
from app.domain.presets import PRESETS, preset
from app.domain.presets.kit import escalation_chain


def _chain(name: str, domain: str = "desk.example") -> list[tuple[int, str, str, str | None]]:
    return [
        (lvl["level"], lvl["role"], lvl["title"], lvl["mailbox"])
        for lvl in escalation_chain(preset(name).contract, domain)
    ]


def test_bicom_publishes_a_role_mailbox_per_level_on_the_deployments_domain() -> None:
    # "Escalation level 1 Support Manager, level 2 Customer Service Manager"; level 1 is
    # initiated by an e-mail to supportmanager@, level 2 to customerservice@.
    assert _chain("bicom") == [
        (1, "support_manager", "Support Manager", "supportmanager@desk.example"),
        (2, "customer_service_manager", "Customer Service Manager", "customerservice@desk.example"),
    ]
    assert _chain("bicom", "help.vendor.test")[0][3] == "supportmanager@help.vendor.test"


@pytest.mark.parametrize("name", ["aarenet-standard", "aarenet-premium"])
def test_aarenet_escalates_to_the_regional_operations_manager_then_the_regional_director(
    name: str,
) -> None:
    # "Escalation: Regional Operations Manager, then Regional Director."
    assert _chain(name) == [
        (1, "regional_ops_manager", "Regional Operations Manager", None),
        (2, "director", "Regional Director", None),
    ]


def test_ipass_escalates_to_the_technical_support_manager_per_time_zone_then_the_director() -> None:
    # "Escalation: Manager of Technical Support / escalation contact per time zone, then
    # Director."
    [first, second] = _chain("ipass")
    assert first[:2] == (1, "support_manager")
    assert "Manager of Technical Support" in first[2] and "time zone" in first[2]
    assert second[:3] == (2, "director", "Director")


@pytest.mark.parametrize("name", list(PRESETS))
def test_named_people_are_configuration_not_code(name: str) -> None:
    for lvl in preset(name).contract.escalation_chain:
        assert lvl["contacts"] == [] and lvl["title"]


def test_a_levels_mailbox_is_its_own_and_never_the_gateways_support_address() -> None:
    reserved = {"support@desk.example", "emergency@desk.example"}
    rules.check_mailboxes(["sm@desk.example", None, "csm@desk.example"], reserved=reserved)
    with pytest.raises(InvalidField) as err:
        rules.check_mailboxes(["sm@desk.example", "SM@desk.example"], reserved=reserved)
    assert err.value.field == "escalation_chain[1].mailbox"
    with pytest.raises(InvalidField) as err:
        rules.check_mailboxes([None, "Support@desk.example"], reserved=reserved)
    assert err.value.field == "escalation_chain[1].mailbox"
