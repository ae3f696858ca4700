"""Severity is agreed, not imposed (SPEC 4.1 rule 1), and the priority matrix (SPEC 3).

Level 1 is the most severe, so an *upgrade* lowers the number. Every function answers
a `SeverityResult`: the change as it now stands, the level that takes effect now (if
any), and whether the service must open a `severity_dispute` escalation (SPEC 5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from app.domain.actors import Actor, Role, Side
from app.domain.errors import Conflict, Forbidden, InvalidField
from app.domain.sla_policy import Rating, SlaPolicy


class SeverityChangeKind(StrEnum):
    PROPOSAL = "proposal"
    RECLASSIFICATION = "reclassification"  # a manager's at-once Severity 1 reclassification


class SeverityChangeStatus(StrEnum):
    """`applied`: took effect at once; `pending`: the other side must answer;
    `accepted`; `disputed`: escalated to the regional operations manager; `decided`."""

    APPLIED = "applied"
    PENDING = "pending"
    ACCEPTED = "accepted"
    DISPUTED = "disputed"
    DECIDED = "decided"


# Whose word ends a dispute (SPEC 4.1.1: the regional operations manager; above them too).
DISPUTE_DECIDERS = frozenset({Role.REGIONAL_OPS_MANAGER, Role.DIRECTOR, Role.ADMIN})
MIN_RECLASSIFICATION_REASON = 10


class SeverityNotInPolicy(InvalidField):
    type_slug = "severity-not-in-policy"
    title = "The severity is not in the contract's SLA policy"

    def __init__(self, level: int, policy: SlaPolicy, field: str = "severity") -> None:
        levels = ", ".join(str(s.level) for s in policy.severities)
        super().__init__(field, f"severity {level} is not in the policy (levels {levels})")


class SeverityUnchanged(InvalidField):
    type_slug = "severity-unchanged"
    title = "The case already has this severity"


class ReasonRequired(InvalidField):
    """Every severity change and its reason goes into the audit trail (SPEC 4.1.1)."""

    type_slug = "reason-required"
    title = "A written reason is required"


class NotTheOtherSide(Forbidden):
    """A proposal is answered, or a change disputed, by the side that did not make it."""

    type_slug = "severity-change-not-yours-to-answer"
    title = "This severity change is not yours to answer"


class SeverityChangeNotPending(Conflict):
    type_slug = "severity-change-not-pending"
    title = "This severity change is not awaiting an answer"


class SeverityChangeNotDisputable(Conflict):
    """Only a change that took effect at once (an upgrade, a reclassification) is disputed."""

    type_slug = "severity-change-not-disputable"
    title = "This severity change cannot be disputed"


class SeverityChangeNotDisputed(Conflict):
    type_slug = "severity-change-not-disputed"
    title = "This severity change is not in dispute"


class DisputeNeedsRegionalOpsManager(Forbidden):
    type_slug = "severity-dispute-needs-regional-ops-manager"
    title = "Only the regional operations manager decides a severity dispute"


class ReclassificationNeedsManager(Forbidden):
    type_slug = "reclassification-needs-manager"
    title = "Only a manager may reclassify a Severity 1 case"


class ReclassificationOnlyForSeverityOne(Conflict):
    type_slug = "reclassification-only-for-severity-one"
    title = "Only a Severity 1 case can be reclassified at once"


class PriorityMatrixMismatch(InvalidField):
    """With a matrix, urgency and impact decide; without one, the severity is given."""

    type_slug = "priority-matrix-mismatch"
    title = "Severity and urgency/impact do not fit the policy"


@dataclass(frozen=True, slots=True)
class SeverityChange:
    """A change of a case's severity and where it stands (SPEC 4.1.1)."""

    from_level: int
    to_level: int
    kind: SeverityChangeKind
    status: SeverityChangeStatus
    proposed_side: Side
    reason: str
    answer_reason: str | None = None
    decided_level: int | None = None
    decision_reason: str | None = None

    @property
    def is_upgrade(self) -> bool:
        return self.to_level < self.from_level

    @property
    def is_downgrade(self) -> bool:
        return self.to_level > self.from_level

    @property
    def awaiting(self) -> Side | None:
        """The side that must answer a pending proposal (the customer side or staff)."""
        if self.status is not SeverityChangeStatus.PENDING:
            return None
        return Side.STAFF if _customer_side(self.proposed_side) else Side.CUSTOMER


@dataclass(frozen=True, slots=True)
class SeverityResult:
    """`new_level` takes effect now (retarget the clocks); `open_dispute_escalation`
    tells the service to open a `severity_dispute` escalation (SPEC 5)."""

    change: SeverityChange
    new_level: int | None = None
    open_dispute_escalation: bool = False
    notify_customer: bool = False


def propose_change(
    current_level: int, proposed_level: int, actor: Actor, reason: str, policy: SlaPolicy
) -> SeverityResult:
    """A proposal after creation (SPEC 4.1.1).

    A staff upgrade takes effect at once (more urgent is never against the customer);
    a staff downgrade waits for the customer's consent (mutual downgrade); any change the
    customer side proposes waits for staff.
    """
    _check_level(proposed_level, policy)
    if proposed_level == current_level:
        raise SeverityUnchanged("severity", f"the case is already severity {current_level}")
    text = _reason(reason, minimum=1)
    at_once = actor.side is Side.STAFF and proposed_level < current_level
    status = SeverityChangeStatus.APPLIED if at_once else SeverityChangeStatus.PENDING
    change = SeverityChange(
        current_level, proposed_level, SeverityChangeKind.PROPOSAL, status, actor.side, text
    )
    return SeverityResult(change, proposed_level if at_once else None, notify_customer=at_once)


def answer_change(
    change: SeverityChange, actor: Actor, *, accept: bool, reason: str | None = None
) -> SeverityResult:
    """The other side accepts (the change takes effect) or rejects it with a reason; a
    rejection becomes a dispute, escalated to the regional operations manager."""
    if change.status is not SeverityChangeStatus.PENDING:
        raise SeverityChangeNotPending(
            f"this severity change is {change.status.value}, not pending",
            change_status=change.status.value,
        )
    _require_other_side(change, actor, "answer")
    if accept:
        text = " ".join((reason or "").split()) or None
        accepted = replace(change, status=SeverityChangeStatus.ACCEPTED, answer_reason=text)
        return SeverityResult(accepted, change.to_level, notify_customer=True)
    text = _reason(reason or "", minimum=1)
    disputed = replace(change, status=SeverityChangeStatus.DISPUTED, answer_reason=text)
    return SeverityResult(disputed, open_dispute_escalation=True, notify_customer=True)


def dispute_change(change: SeverityChange, actor: Actor, reason: str) -> SeverityResult:
    """The other side disputes a change that took effect at once (e.g. a reclassification)."""
    if change.status is not SeverityChangeStatus.APPLIED:
        raise SeverityChangeNotDisputable(
            f"only a change that took effect at once can be disputed; this one is "
            f"{change.status.value}",
            change_status=change.status.value,
        )
    _require_other_side(change, actor, "dispute")
    text = _reason(reason, minimum=1)
    disputed = replace(change, status=SeverityChangeStatus.DISPUTED, answer_reason=text)
    return SeverityResult(disputed, open_dispute_escalation=True)


def decide_dispute(
    change: SeverityChange,
    actor: Actor,
    level: int,
    reason: str,
    policy: SlaPolicy,
    deciders: frozenset[Role] = DISPUTE_DECIDERS,
) -> SeverityResult:
    """The regional operations manager's final word (director or admin may too).

    `deciders` are the roles that may decide on this contract (`escalation.
    dispute_deciders`: the manager of its chain the dispute is addressed to, too).
    `new_level` is the decided level; the service applies it when it differs from the
    case's current severity.
    """
    if actor.role not in deciders:
        raise DisputeNeedsRegionalOpsManager(
            "a severity dispute is decided by the regional operations manager, or the "
            "manager of the contract's escalation chain it is addressed to"
        )
    if change.status is not SeverityChangeStatus.DISPUTED:
        raise SeverityChangeNotDisputed(
            f"this severity change is {change.status.value}, not disputed",
            change_status=change.status.value,
        )
    _check_level(level, policy)
    decided = replace(
        change,
        status=SeverityChangeStatus.DECIDED,
        decided_level=level,
        decision_reason=_reason(reason, minimum=1),
    )
    return SeverityResult(decided, level, notify_customer=True)


def reclassify_severity_one(
    current_level: int, new_level: int, actor: Actor, reason: str, policy: SlaPolicy
) -> SeverityResult:
    """A manager reclassifies a Severity 1 that does not meet the criteria, at once, with
    a written reason; the customer is notified and may dispute (SPEC 4.1.1)."""
    if not actor.is_manager:
        raise ReclassificationNeedsManager("only a manager may reclassify a Severity 1 case")
    if current_level != 1:
        raise ReclassificationOnlyForSeverityOne(
            f"the case is severity {current_level}; propose the change instead"
        )
    _check_level(new_level, policy)
    if new_level == current_level:
        raise SeverityUnchanged("severity", "the case is already severity 1")
    text = _reason(reason, minimum=MIN_RECLASSIFICATION_REASON)
    change = SeverityChange(
        current_level,
        new_level,
        SeverityChangeKind.RECLASSIFICATION,
        SeverityChangeStatus.APPLIED,
        actor.side,
        text,
    )
    return SeverityResult(change, new_level, notify_customer=True)


def severity_from_matrix(policy: SlaPolicy, urgency: Rating | str, impact: Rating | str) -> int:
    """The level the priority matrix gives for urgency x impact (SPEC 3)."""
    if policy.priority_matrix is None:
        raise PriorityMatrixMismatch(
            "urgency", "this policy has no priority matrix; give a severity instead"
        )
    rated = [_rating(urgency, "urgency"), _rating(impact, "impact")]
    return policy.level_for(rated[0], rated[1])


def initial_severity(
    policy: SlaPolicy,
    *,
    severity: int | None,
    urgency: Rating | str | None = None,
    impact: Rating | str | None = None,
) -> int:
    """The customer's proposed severity at creation (SPEC 3, 4.1.1).

    With a matrix, urgency and impact are required and a severity, if also given, must
    match; without one, the severity is required and urgency/impact are refused.
    """
    if policy.priority_matrix is None:
        if urgency is not None or impact is not None:
            field = "urgency" if urgency is not None else "impact"
            raise PriorityMatrixMismatch(field, "this policy has no priority matrix")
        if severity is None:
            raise InvalidField("severity", "propose a severity for the case")
        _check_level(severity, policy)
        return severity
    if urgency is None or impact is None:
        name = "urgency" if urgency is None else "impact"
        raise InvalidField(name, f"this policy sets severity by urgency and impact; give {name}")
    level = severity_from_matrix(policy, urgency, impact)
    if severity is not None and severity != level:
        raise PriorityMatrixMismatch(
            "severity",
            f"urgency {urgency} and impact {impact} give severity {level}, not {severity}",
        )
    return level


def check_severity(level: int, policy: SlaPolicy, field: str = "severity") -> None:
    """`SeverityNotInPolicy` unless `level` is in the policy's scheme."""
    _check_level(level, policy, field)


def _check_level(level: int, policy: SlaPolicy, field: str = "severity") -> None:
    if policy.severity(level) is None:
        raise SeverityNotInPolicy(level, policy, field)


def _reason(reason: str, *, minimum: int) -> str:
    text = " ".join(reason.split())
    if len(text) < minimum:
        need = "a reason" if minimum <= 1 else f"a written reason of at least {minimum} characters"
        raise ReasonRequired("reason", f"a severity change needs {need}")
    return text


def _rating(value: Rating | str, field: str) -> Rating:
    try:
        return Rating(value)
    except ValueError:
        raise InvalidField(field, f"{value!r} is not one of: high, medium, low") from None


def _customer_side(side: Side) -> bool:
    return side in (Side.CUSTOMER, Side.PARTNER)  # a partner acts for its customer


def _require_other_side(change: SeverityChange, actor: Actor, verb: str) -> None:
    if _customer_side(actor.side) == _customer_side(change.proposed_side):
        raise NotTheOtherSide(
            f"this change was made by the {_party(change.proposed_side)}; only the "
            f"{_party(change.proposed_side, other=True)} may {verb} it"
        )


def _party(side: Side, *, other: bool = False) -> str:
    staff = side is Side.STAFF
    return "support staff" if staff != other else "customer side"
