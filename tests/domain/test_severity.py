"""Severity is agreed, not imposed (SPEC 4.1 rule 1), and the priority matrix (SPEC 3)."""

from __future__ import annotations

import uuid

import pytest

from app.domain.actors import Actor, Role, Side
from app.domain.errors import InvalidField
from app.domain.severity import (
    DisputeNeedsRegionalOpsManager,
    NotTheOtherSide,
    PriorityMatrixMismatch,
    ReasonRequired,
    ReclassificationNeedsManager,
    ReclassificationOnlyForSeverityOne,
    SeverityChange,
    SeverityChangeKind,
    SeverityChangeNotDisputable,
    SeverityChangeNotDisputed,
    SeverityChangeNotPending,
    SeverityChangeStatus,
    SeverityNotInPolicy,
    SeverityUnchanged,
    answer_change,
    check_severity,
    decide_dispute,
    dispute_change,
    initial_severity,
    propose_change,
    reclassify_severity_one,
    severity_from_matrix,
)
from app.domain.sla_policy import Rating, Severity, SlaPolicy

ST = SeverityChangeStatus
LEVELS = (Severity(1, "Critical"), Severity(2, "Major"), Severity(3, "Minor"), Severity(4, "Info"))
POLICY = SlaPolicy("four levels", LEVELS, ())
_H, _M, _L = Rating.HIGH, Rating.MEDIUM, Rating.LOW
MATRIX = {
    (_H, _H): 1, (_H, _M): 2, (_H, _L): 3,
    (_M, _H): 2, (_M, _M): 3, (_M, _L): 3,
    (_L, _H): 3, (_L, _M): 4, (_L, _L): 4,
}  # fmt: skip
MATRIX_POLICY = SlaPolicy("keepnet", LEVELS, (), MATRIX)


def actor(role: Role) -> Actor:
    return Actor(role, user_id=uuid.uuid4())


AGENT, CUSTOMER = actor(Role.AGENT), actor(Role.CUSTOMER_USER)
PARTNER, MANAGER = actor(Role.PARTNER_AGENT), actor(Role.SUPPORT_MANAGER)
REGIONAL_OPS = actor(Role.REGIONAL_OPS_MANAGER)


def test_staff_upgrade_takes_effect_at_once() -> None:
    result = propose_change(3, 1, AGENT, "all calls fail now", POLICY)
    assert result.change.status is ST.APPLIED
    assert result.change.is_upgrade
    assert result.new_level == 1
    assert not result.open_dispute_escalation


def test_staff_downgrade_waits_for_the_customers_consent() -> None:
    result = propose_change(1, 3, AGENT, "workaround in place", POLICY)
    assert result.change.status is ST.PENDING
    assert result.change.is_downgrade
    assert result.change.awaiting is Side.CUSTOMER
    assert result.new_level is None


@pytest.mark.parametrize(("current", "proposed"), [(3, 1), (1, 3)])
def test_customer_side_proposals_wait_for_staff(current: int, proposed: int) -> None:
    for who in (CUSTOMER, PARTNER):
        result = propose_change(current, proposed, who, "business impact changed", POLICY)
        assert result.change.status is ST.PENDING
        assert result.change.awaiting is Side.STAFF


def test_customer_accepts_a_mutual_downgrade() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    result = answer_change(pending, CUSTOMER, accept=True)
    assert result.change.status is ST.ACCEPTED
    assert result.new_level == 3
    assert not result.open_dispute_escalation


def test_rejected_proposal_becomes_a_dispute_escalated_to_regional_ops() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    result = answer_change(pending, CUSTOMER, accept=False, reason="the workaround fails")
    assert result.change.status is ST.DISPUTED
    assert result.change.answer_reason == "the workaround fails"
    assert result.open_dispute_escalation
    assert result.new_level is None


def test_rejection_needs_a_reason() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    with pytest.raises(ReasonRequired) as caught:
        answer_change(pending, CUSTOMER, accept=False)
    assert caught.value.type_slug == "reason-required"
    assert caught.value.field == "reason"


def test_the_proposing_side_cannot_answer_its_own_proposal() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    with pytest.raises(NotTheOtherSide) as caught:
        answer_change(pending, MANAGER, accept=True)
    assert caught.value.status == 403
    assert caught.value.type_slug == "severity-change-not-yours-to-answer"
    assert "customer side" in caught.value.detail


def test_partner_answers_for_the_customer_and_not_against_it() -> None:
    pending = propose_change(3, 2, CUSTOMER, "more users hit", POLICY).change
    with pytest.raises(NotTheOtherSide):
        answer_change(pending, PARTNER, accept=True)
    assert answer_change(pending, AGENT, accept=True).new_level == 2


def test_an_answered_change_cannot_be_answered_again() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    accepted = answer_change(pending, CUSTOMER, accept=True).change
    with pytest.raises(SeverityChangeNotPending) as caught:
        answer_change(accepted, CUSTOMER, accept=True)
    assert caught.value.status == 409
    assert caught.value.type_slug == "severity-change-not-pending"


def test_regional_ops_manager_decides_a_dispute_finally() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    disputed = answer_change(pending, CUSTOMER, accept=False, reason="still down").change
    result = decide_dispute(disputed, REGIONAL_OPS, 2, "partial outage: Major", POLICY)
    assert result.change.status is ST.DECIDED
    assert result.change.decided_level == 2
    assert result.change.decision_reason == "partial outage: Major"
    assert result.new_level == 2
    with pytest.raises(SeverityChangeNotDisputed) as caught:
        decide_dispute(result.change, REGIONAL_OPS, 1, "again", POLICY)
    assert caught.value.type_slug == "severity-change-not-disputed"


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN])
def test_director_and_admin_may_decide_too(role: Role) -> None:
    disputed = SeverityChange(1, 3, SeverityChangeKind.PROPOSAL, ST.DISPUTED, Side.STAFF, "x")
    assert decide_dispute(disputed, actor(role), 3, "agreed", POLICY).new_level == 3


@pytest.mark.parametrize("role", [Role.AGENT, Role.SUPPORT_MANAGER, Role.CUSTOMER_ADMIN])
def test_others_cannot_decide_a_dispute(role: Role) -> None:
    disputed = SeverityChange(1, 3, SeverityChangeKind.PROPOSAL, ST.DISPUTED, Side.STAFF, "x")
    with pytest.raises(DisputeNeedsRegionalOpsManager) as caught:
        decide_dispute(disputed, actor(role), 3, "agreed", POLICY)
    assert caught.value.status == 403
    assert caught.value.type_slug == "severity-dispute-needs-regional-ops-manager"


def test_manager_reclassifies_severity_one_at_once_with_a_reason() -> None:
    result = reclassify_severity_one(1, 3, MANAGER, "single user affected, no outage", POLICY)
    assert result.change.kind is SeverityChangeKind.RECLASSIFICATION
    assert result.change.status is ST.APPLIED
    assert result.new_level == 3
    assert result.notify_customer


def test_agent_cannot_reclassify() -> None:
    with pytest.raises(ReclassificationNeedsManager) as caught:
        reclassify_severity_one(1, 3, AGENT, "single user affected, no outage", POLICY)
    assert caught.value.status == 403
    assert caught.value.type_slug == "reclassification-needs-manager"


@pytest.mark.parametrize("reason", ["", "   ", "no", "too short"])
def test_reclassification_needs_a_written_reason(reason: str) -> None:
    with pytest.raises(ReasonRequired) as caught:
        reclassify_severity_one(1, 3, MANAGER, reason, POLICY)
    assert caught.value.status == 422
    assert "10 characters" in caught.value.detail


def test_only_severity_one_is_reclassified_at_once() -> None:
    with pytest.raises(ReclassificationOnlyForSeverityOne) as caught:
        reclassify_severity_one(2, 3, MANAGER, "single user affected, no outage", POLICY)
    assert caught.value.status == 409
    assert caught.value.type_slug == "reclassification-only-for-severity-one"


def test_customer_disputes_a_reclassification() -> None:
    applied = reclassify_severity_one(1, 3, MANAGER, "single user affected", POLICY).change
    result = dispute_change(applied, CUSTOMER, "the whole site is down")
    assert result.change.status is ST.DISPUTED
    assert result.open_dispute_escalation
    with pytest.raises(NotTheOtherSide):
        dispute_change(applied, AGENT, "I disagree with my manager")


def test_a_pending_change_is_answered_not_disputed() -> None:
    pending = propose_change(1, 3, AGENT, "workaround in place", POLICY).change
    with pytest.raises(SeverityChangeNotDisputable) as caught:
        dispute_change(pending, CUSTOMER, "no")
    assert caught.value.type_slug == "severity-change-not-disputable"


def test_level_outside_the_policy_is_refused() -> None:
    with pytest.raises(SeverityNotInPolicy) as caught:
        propose_change(2, 5, AGENT, "reason", POLICY)
    assert caught.value.field == "severity"
    assert caught.value.status == 422
    assert caught.value.type_slug == "severity-not-in-policy"
    assert "1, 2, 3, 4" in caught.value.detail
    check_severity(4, POLICY)


def test_same_level_is_not_a_change() -> None:
    with pytest.raises(SeverityUnchanged) as caught:
        propose_change(2, 2, AGENT, "reason", POLICY)
    assert caught.value.type_slug == "severity-unchanged"


def test_proposal_needs_a_reason() -> None:
    with pytest.raises(ReasonRequired):
        propose_change(1, 2, AGENT, "  ", POLICY)


@pytest.mark.parametrize(("urgency", "impact", "level"), [(_H, _H, 1), ("low", "medium", 4)])
def test_priority_matrix_gives_the_level(
    urgency: Rating | str, impact: Rating | str, level: int
) -> None:
    assert severity_from_matrix(MATRIX_POLICY, urgency, impact) == level


def test_priority_matrix_refuses_unknown_ratings_and_missing_matrix() -> None:
    with pytest.raises(InvalidField) as caught:
        severity_from_matrix(MATRIX_POLICY, "critical", "high")
    assert caught.value.field == "urgency"
    with pytest.raises(PriorityMatrixMismatch) as missing:
        severity_from_matrix(POLICY, "high", "high")
    assert missing.value.type_slug == "priority-matrix-mismatch"


def test_initial_severity_with_and_without_a_matrix() -> None:
    assert initial_severity(POLICY, severity=2) == 2
    assert initial_severity(MATRIX_POLICY, severity=None, urgency="high", impact="medium") == 2
    assert initial_severity(MATRIX_POLICY, severity=2, urgency="high", impact="medium") == 2


@pytest.mark.parametrize(
    ("policy", "kwargs", "field"),
    [
        (POLICY, {"severity": None}, "severity"),
        (POLICY, {"severity": 9}, "severity"),
        (POLICY, {"severity": 2, "urgency": "high"}, "urgency"),
        (MATRIX_POLICY, {"severity": None, "urgency": "high"}, "impact"),
        (MATRIX_POLICY, {"severity": 1, "urgency": "low", "impact": "low"}, "severity"),
    ],
)
def test_initial_severity_refusals_name_the_field(
    policy: SlaPolicy, kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidField) as caught:
        initial_severity(policy, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
