"""Escalation rules (SPEC 5): levels up the chain, the top, reasons, written fields,
related cases, who answers, and the acknowledgement target."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain import escalation as rules
from app.domain.actors import Actor, Role
from app.domain.contracts import EscalationContact, EscalationLevel
from app.domain.errors import InvalidField
from app.domain.escalation import EscalationState, Reason

SM, CSM, ROM, DIR = (
    Role.SUPPORT_MANAGER,
    Role.CUSTOMER_SERVICE_MANAGER,
    Role.REGIONAL_OPS_MANAGER,
    Role.DIRECTOR,
)
ANNA = EscalationContact("Anna Le", "anna@vendor.example", "+84 28 1234 5678")
BICOM = (EscalationLevel(1, SM, (ANNA,)), EscalationLevel(2, CSM))
AARENET = (EscalationLevel(1, ROM, (ANNA,)), EscalationLevel(2, DIR))
THREE = (EscalationLevel(1, SM), EscalationLevel(2, ROM), EscalationLevel(3, DIR))


def actor(role: Role) -> Actor:
    return Actor(role=role, user_id=uuid.uuid4())


def test_the_first_escalation_addresses_level_one_with_its_contacts() -> None:
    first = rules.next_level(BICOM, None, Reason.NOT_UNDERSTOOD)
    assert (first.level, first.role, first.contacts) == (1, SM, (ANNA,))


def test_each_escalation_goes_one_level_above_the_last() -> None:
    assert [rules.next_level(THREE, reached).level for reached in (None, 1, 2)] == [1, 2, 3]
    assert rules.next_level(THREE, 2).role is DIR


def test_the_top_level_cannot_be_exceeded() -> None:
    with pytest.raises(rules.EscalationTopLevelReached) as err:
        rules.next_level(BICOM, 2, Reason.DATA_LOSS)
    assert err.value.status == 409
    assert err.value.type_slug == "escalation-top-level-reached"
    assert err.value.extra["top_level"] == 2


def test_a_contract_without_a_chain_cannot_be_escalated() -> None:
    with pytest.raises(rules.NoEscalationChain):
        rules.next_level((), None, Reason.RECURRENCE)


IPASS = (EscalationLevel(1, SM), EscalationLevel(2, DIR))
LONE = (EscalationLevel(1, SM),)


def test_a_dispute_goes_to_the_chain_level_whose_role_decides_it_whatever_the_level() -> None:
    on_aarenet = rules.next_level(AARENET, 2, Reason.SEVERITY_DISPUTE)  # even past the top
    assert (on_aarenet.level, on_aarenet.role, on_aarenet.contacts) == (1, ROM, (ANNA,))
    assert rules.next_level(THREE, None, Reason.SEVERITY_DISPUTE).level == 2
    assert rules.next_level(IPASS, None, Reason.SEVERITY_DISPUTE).role is DIR


def test_a_dispute_never_goes_to_a_role_the_chain_does_not_have() -> None:
    # Bicom names no regional operations manager: its top role, at its top level, decides.
    on_bicom = rules.next_level(BICOM, None, Reason.SEVERITY_DISPUTE)
    assert (on_bicom.level, on_bicom.role) == (2, CSM)
    assert rules.dispute_level(LONE).role is SM
    for chain in (BICOM, AARENET, THREE, IPASS, LONE):
        addressed = rules.dispute_level(chain)
        assert (addressed.level, addressed.role) in {(lvl.level, lvl.role) for lvl in chain}
    with pytest.raises(rules.NoEscalationChain):
        rules.dispute_level(())


def test_the_manager_a_dispute_is_addressed_to_may_decide_it() -> None:
    assert rules.dispute_deciders(BICOM) == {CSM, DIR, ROM, Role.ADMIN}
    assert rules.dispute_deciders(AARENET) == {ROM, DIR, Role.ADMIN}
    assert SM not in rules.dispute_deciders(BICOM)
    assert rules.dispute_deciders(()) == {ROM, DIR, Role.ADMIN}


def test_a_manual_escalation_continues_above_a_dispute_or_an_automatic_one() -> None:
    # The use case passes the highest level ANY earlier escalation reached.
    dispute = rules.next_level(AARENET, None, Reason.SEVERITY_DISPUTE)
    after = rules.next_level(AARENET, dispute.level, Reason.POOR_EXPERIENCE)
    assert (after.level, after.role) == (2, DIR)
    breach = rules.next_level(THREE, None, Reason.SLA_BREACH)
    assert rules.next_level(THREE, breach.level, Reason.DATA_LOSS).level == 2
    on_bicom = rules.next_level(BICOM, None, Reason.SEVERITY_DISPUTE)  # the top: level 2
    with pytest.raises(rules.EscalationTopLevelReached):
        rules.next_level(BICOM, on_bicom.level, Reason.INADEQUATE_SOLUTION)


def test_the_reasons_are_the_specs() -> None:
    assert {r.value for r in Reason} == {
        "not_understood",
        "inadequate_solution",
        "recurring_incidents",
        "reputation_risk",
        "recurrence",
        "data_loss",
        "poor_experience",
        "sla_breach",
        "severity_dispute",
    }
    assert rules.parse_reason("data_loss") is Reason.DATA_LOSS
    with pytest.raises(InvalidField) as err:
        rules.parse_reason("angry")
    assert err.value.field == "reason"


def test_only_an_open_case_can_be_escalated() -> None:
    for status in ("new", "acknowledged", "in_progress", "waiting_customer", "restored"):
        rules.require_open_ticket(status, "SD-2026-000001")
    for status in ("resolved", "closed", "withdrawn"):
        with pytest.raises(rules.TicketNotOpen) as err:
            rules.require_open_ticket(status, "SD-2026-000001")
        assert err.value.status == 409
        assert "raise a new ticket first" in err.value.detail


@pytest.mark.parametrize("text", [None, "", "   ", "too short"])
def test_written_statements_are_required(text: str | None) -> None:
    with pytest.raises(rules.StatementRequired) as err:
        rules.statement("business_impact", text)
    assert err.value.field == "business_impact"
    assert err.value.status == 422


def test_a_statement_is_kept_stripped() -> None:
    assert rules.statement("progress_to_date", "  Two restarts, no change.  ") == (
        "Two restarts, no change."
    )


def test_related_cases_must_be_cases_of_the_same_customer() -> None:
    ours, theirs = uuid.uuid4(), uuid.uuid4()
    found = {"SD-2026-000001": ours, "SD-2026-000002": theirs}
    assert rules.check_related_cases([" sd-2026-000001", "SD-2026-000001"], found, ours) == [
        "SD-2026-000001"
    ]
    for numbers, index in ((["SD-2026-000001", "SD-2026-000002"], 1), (["SD-2026-000009"], 0)):
        with pytest.raises(rules.RelatedCaseInvalid) as err:
            rules.check_related_cases(numbers, found, ours)
        assert err.value.field == f"related_cases[{index}]"
        assert "not a case of this customer" in err.value.detail


@pytest.mark.parametrize(
    ("role", "addressed", "allowed"),
    [
        (SM, SM, True),
        (CSM, SM, True),
        (ROM, SM, True),
        (DIR, SM, True),
        (Role.ADMIN, DIR, True),
        (DIR, ROM, True),
        (SM, CSM, False),
        (CSM, ROM, False),  # level-2 peers do not answer each other's escalations
        (ROM, CSM, False),
        (ROM, DIR, False),
        (Role.AGENT, SM, False),
        (Role.CUSTOMER_ADMIN, SM, False),
        (Role.PARTNER_AGENT, SM, False),
    ],
)
def test_who_acknowledges_and_resolves(role: Role, addressed: Role, allowed: bool) -> None:
    assert rules.may_answer(actor(role), addressed) is allowed
    if not allowed:
        with pytest.raises(rules.NotAddressedManager) as err:
            rules.require_may_answer(actor(role), addressed)
        assert err.value.status == 403


def test_a_managers_own_queue_holds_the_roles_they_answer() -> None:
    assert rules.answerable_roles(actor(SM)) == [SM]
    assert set(rules.answerable_roles(actor(DIR))) == {SM, CSM, ROM, DIR}
    assert rules.answerable_roles(actor(Role.AGENT)) == []


def test_the_queue_is_for_staff() -> None:
    rules.require_queue_access(actor(Role.AGENT))
    for role in (Role.CUSTOMER_USER, Role.PARTNER_AGENT):
        with pytest.raises(rules.QueueIsForStaff):
            rules.require_queue_access(actor(role))


def test_states_move_open_acknowledged_resolved() -> None:
    open_, ack, done = EscalationState.OPEN, EscalationState.ACKNOWLEDGED, EscalationState.RESOLVED
    assert rules.acknowledge(open_) is ack
    assert rules.resolve(ack) is done
    assert rules.resolve(open_) is done  # answered at once
    for state in (ack, done):
        with pytest.raises(rules.InvalidEscalationTransition):
            rules.acknowledge(state)
    with pytest.raises(rules.InvalidEscalationTransition):
        rules.resolve(done)


def test_acknowledgement_is_late_after_its_due_time() -> None:
    due = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    before, after = due - timedelta(minutes=1), due + timedelta(minutes=1)
    assert not rules.acknowledge_breached(due, None, before)
    assert rules.acknowledge_breached(due, None, after)
    assert not rules.acknowledge_breached(due, before, after)
    assert rules.acknowledge_breached(due, after, after)
    assert not rules.acknowledge_breached(due, due, after)  # at the due time is in time
