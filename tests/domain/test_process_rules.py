"""The process rules the domain enforces (SPEC 4.1 rules 2-6)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.actors import Actor, Role
from app.domain.errors import DomainError, InvalidField
from app.domain.process_rules import (
    CallerNotVerified,
    CallVerificationInvalid,
    CallVerificationRecord,
    Channel,
    ChannelNotInContract,
    ChargeableNeedsManager,
    ConfigurationChangeApprovalByCustomer,
    ConfigurationChangeMustBeInWriting,
    EmergencyCriteriaNotMet,
    EmergencyRouting,
    MustUsePartnerHelpdesk,
    NotAnEmergency,
    NoValidContract,
    check_call_verification,
    check_configuration_change_approval,
    check_emergency,
    emergency_from_mail,
    hash_verification_code,
    mark_chargeable,
    require_channel_in_contract,
    require_partner_first,
    require_valid_contract,
    require_verified_call,
    require_written_channel_for_configuration_change,
    verification_expires_at,
)
from app.domain.ticket_fields import Category

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def actor(role: Role) -> Actor:
    return Actor(role, user_id=uuid.uuid4())


AGENT, CUSTOMER, PARTNER = actor(Role.AGENT), actor(Role.CUSTOMER_USER), actor(Role.PARTNER_AGENT)
MANAGER = actor(Role.SUPPORT_MANAGER)


def assert_refusal(error: DomainError, status: int, slug: str) -> None:
    assert (error.status, error.type_slug) == (status, slug)


# Rule 2: authentication before action


def test_agent_acts_for_a_verified_caller() -> None:
    require_verified_call(AGENT, Channel.PHONE, verified_call=True)


def test_agent_acting_for_an_unverified_caller_is_refused() -> None:
    with pytest.raises(CallerNotVerified) as caught:
        require_verified_call(AGENT, Channel.PHONE, verified_call=False)
    assert_refusal(caught.value, 403, "caller-not-verified")


@pytest.mark.parametrize(("who", "channel"), [(CUSTOMER, Channel.PORTAL), (AGENT, Channel.EMAIL)])
def test_no_call_no_verification_needed(who: Actor, channel: Channel) -> None:
    require_verified_call(who, channel, verified_call=False)


def record(code: str = "4711-ABCD", *, used: bool = False) -> CallVerificationRecord:
    return CallVerificationRecord(
        hash_verification_code(code), verification_expires_at(NOW, 10), NOW if used else None
    )


def test_caller_reads_out_the_right_code() -> None:
    check_call_verification(record(), "4711 abcd", NOW + timedelta(minutes=9))


@pytest.mark.parametrize(
    ("stored", "given", "at"),
    [
        (None, "4711-ABCD", NOW),
        (record(), "4711-ABCE", NOW),
        (record(used=True), "4711-ABCD", NOW),
        (record(), "4711-ABCD", NOW + timedelta(minutes=10)),
    ],
    ids=["unknown", "wrong", "used", "expired"],
)
def test_unknown_wrong_used_and_expired_codes_are_refused_alike(
    stored: CallVerificationRecord | None, given: str, at: datetime
) -> None:
    with pytest.raises(CallVerificationInvalid) as caught:
        check_call_verification(stored, given, at)
    assert_refusal(caught.value, 403, "call-verification-invalid")
    assert caught.value.detail.startswith("the caller verification code is unknown")


def test_a_code_lives_as_long_as_the_deployment_says() -> None:
    # SUPPORTDESK_CALL_VERIFICATION_MINUTES=3: accepted until 3 minutes, refused at 3.
    expires = verification_expires_at(NOW, 3)
    assert expires == NOW + timedelta(minutes=3)
    stored = CallVerificationRecord(hash_verification_code("4711-ABCD"), expires, None)
    check_call_verification(stored, "4711-ABCD", NOW + timedelta(minutes=2, seconds=59))
    with pytest.raises(CallVerificationInvalid):
        check_call_verification(stored, "4711-ABCD", NOW + timedelta(minutes=3))


def test_codes_are_stored_hashed() -> None:
    assert "4711" not in hash_verification_code("4711-ABCD")
    assert len(hash_verification_code("4711-ABCD")) == 64


# Rule 3: configuration changes in writing


@pytest.mark.parametrize("channel", [Channel.PORTAL, Channel.EMAIL, Channel.API])
def test_configuration_change_in_writing_is_accepted(channel: Channel) -> None:
    require_written_channel_for_configuration_change(Category.CONFIGURATION_CHANGE, channel)


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.CHAT])
def test_configuration_change_by_phone_or_chat_is_refused(channel: Channel) -> None:
    with pytest.raises(ConfigurationChangeMustBeInWriting) as caught:
        require_written_channel_for_configuration_change(Category.CONFIGURATION_CHANGE, channel)
    assert_refusal(caught.value, 422, "configuration-change-must-be-in-writing")
    assert caught.value.extra["channel"] == channel.value


def test_an_incident_may_come_by_phone() -> None:
    require_written_channel_for_configuration_change(Category.INCIDENT, Channel.PHONE)


def test_customer_approves_a_configuration_change_in_writing() -> None:
    check_configuration_change_approval(CUSTOMER, Channel.PORTAL)
    check_configuration_change_approval(PARTNER, Channel.API)
    with pytest.raises(ConfigurationChangeMustBeInWriting):
        check_configuration_change_approval(CUSTOMER, Channel.PHONE)
    with pytest.raises(ConfigurationChangeApprovalByCustomer) as caught:
        check_configuration_change_approval(AGENT, Channel.PORTAL)
    assert_refusal(caught.value, 403, "configuration-change-approved-by-customer-only")


# Rule 4: emergencies


@pytest.mark.parametrize("share", [0.5, 0.9, 1.0])
def test_emergency_with_half_the_calls_failing_routes_as_severity_one(share: float) -> None:
    assert check_emergency(True, share) == EmergencyRouting(severity=1, page_on_call=True)


def test_no_flag_no_emergency() -> None:
    assert check_emergency(False, None) is None


@pytest.mark.parametrize("share", [None, 0.0, 0.49])
def test_emergency_below_half_failing_is_refused(share: float | None) -> None:
    with pytest.raises(EmergencyCriteriaNotMet) as caught:
        check_emergency(True, share)
    assert_refusal(caught.value, 422, "emergency-criteria-not-met")


def test_failing_share_out_of_range_names_the_field() -> None:
    with pytest.raises(InvalidField) as caught:
        check_emergency(True, 1.5)
    assert caught.value.field == "failing_call_share"


def test_urgent_mail_to_the_emergency_address_is_an_emergency() -> None:
    address = "emergency@support.example"
    assert emergency_from_mail("URGENT: all calls fail", "Emergency@Support.example", address)
    assert emergency_from_mail("all calls fail", address, address) is None
    assert emergency_from_mail("URGENT: all calls fail", "support@x.example", address) is None
    assert emergency_from_mail("URGENT", address, None) is None
    assert emergency_from_mail("NONURGENTLY slow", address, address) is None


def test_manager_marks_an_emergency_chargeable() -> None:
    mark_chargeable(MANAGER, emergency=True)
    mark_chargeable(actor(Role.ADMIN), emergency=True)


def test_agent_cannot_mark_chargeable() -> None:
    with pytest.raises(ChargeableNeedsManager) as caught:
        mark_chargeable(AGENT, emergency=True)
    assert_refusal(caught.value, 403, "chargeable-needs-manager")


def test_only_an_emergency_is_chargeable() -> None:
    with pytest.raises(NotAnEmergency) as caught:
        mark_chargeable(MANAGER, emergency=False)
    assert_refusal(caught.value, 409, "not-an-emergency-ticket")


# Rule 5: channels follow the contract


def test_phone_where_the_contract_includes_it() -> None:
    require_channel_in_contract(Channel.PHONE, frozenset({Channel.PORTAL, Channel.PHONE}))


def test_written_channels_are_always_open() -> None:
    require_channel_in_contract(Channel.API, frozenset({Channel.PORTAL}))


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.CHAT])
def test_phone_or_chat_outside_the_contract_is_refused(channel: Channel) -> None:
    with pytest.raises(ChannelNotInContract) as caught:
        require_channel_in_contract(channel, frozenset({Channel.EMAIL, Channel.PORTAL}))
    assert_refusal(caught.value, 422, "channel-not-in-contract")
    assert caught.value.extra["contract_channels"] == ["email", "portal"]


# Rule 6: partner first

PARTNER_ID = uuid.uuid4()


def test_customer_without_partner_acts_directly() -> None:
    require_partner_first(CUSTOMER, None, None)


@pytest.mark.parametrize("who", [PARTNER, AGENT])
def test_partner_and_staff_act_for_a_partner_supported_customer(who: Actor) -> None:
    require_partner_first(who, PARTNER_ID, "Acme Helpdesk")


def test_partner_supported_customer_acting_directly_is_sent_to_the_partner() -> None:
    with pytest.raises(MustUsePartnerHelpdesk) as caught:
        require_partner_first(CUSTOMER, PARTNER_ID, "Acme Helpdesk")
    assert_refusal(caught.value, 403, "must-use-partner-helpdesk")
    assert "Acme Helpdesk" in caught.value.detail
    assert caught.value.extra == {"partner_id": str(PARTNER_ID), "partner_name": "Acme Helpdesk"}


# Contract


def test_no_valid_contract_is_422() -> None:
    with pytest.raises(NoValidContract) as caught:
        require_valid_contract(None)
    assert_refusal(caught.value, 422, "no-valid-contract")


def test_rules_hold_for_plain_strings_from_requests_and_rows() -> None:
    with pytest.raises(ConfigurationChangeMustBeInWriting):
        require_written_channel_for_configuration_change("configuration_change", "phone")
    with pytest.raises(CallerNotVerified):
        require_verified_call(AGENT, "phone", verified_call=False)
    with pytest.raises(ChannelNotInContract):
        require_channel_in_contract("chat", {"portal", "phone"})
    require_channel_in_contract("phone", {"portal", "phone"})
    with pytest.raises(ValueError):
        require_channel_in_contract("fax", {"portal"})
