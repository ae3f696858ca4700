"""SLA policy values, their JSON documents and validation (SPEC 3, Appendix A)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from app.domain.calendar_model import Period
from app.domain.errors import InvalidSlaPolicy
from app.domain.json_fields import integer, join, mapping, required, sequence, text

_E = InvalidSlaPolicy
_C = TypeVar("_C", bound=StrEnum)


class Metric(StrEnum):
    """What a target measures (SPEC 3)."""

    REACTION = "reaction"
    RESTORE = "restore"
    RESOLUTION = "resolution"
    UPDATE = "update"
    # A critical bug's patch commitment (SPEC 4, support charter): a clock of the case,
    # started by the resolution, never a target of a policy.
    PATCH = "patch"


class ClockKind(StrEnum):
    """`business` counts the calendar's business time; `continuous` counts all time."""

    BUSINESS = "business"
    CONTINUOUS = "continuous"


class Rating(StrEnum):
    """An urgency or impact of the priority matrix (SPEC 3)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


# `reaction` never pauses while the ticket waits for the customer (SPEC 3.1).
PAUSABLE_METRICS = frozenset({Metric.RESTORE, Metric.RESOLUTION, Metric.UPDATE})
# What a policy's targets may measure: everything but the charter's patch commitment.
POLICY_METRICS = frozenset(Metric) - {Metric.PATCH}
_PERIODS = frozenset(p.value for p in Period)
_RATINGS = frozenset(r.value for r in Rating)


@dataclass(frozen=True, slots=True)
class PhoneCallRule:
    """Call time + this duration, when sooner, once a verified call follows the case."""

    minutes: int
    by_period: Mapping[Period, int] | None = None

    def minutes_at(self, period: Period) -> int:
        if self.by_period is not None and period in self.by_period:
            return self.by_period[period]
        return self.minutes


@dataclass(frozen=True, slots=True)
class Target:
    """Severity x metric x duration x clock, with optional per-period durations (SPEC 3)."""

    severity: int
    metric: Metric
    minutes: int
    clock: ClockKind
    by_period: Mapping[Period, int] | None = None
    after_phone_call: PhoneCallRule | None = None

    def minutes_at(self, period: Period) -> int:
        """`by_period[period at the start]` when present, else `minutes` (Appendix A)."""
        if self.by_period is not None and period in self.by_period:
            return self.by_period[period]
        return self.minutes


@dataclass(frozen=True, slots=True)
class Severity:
    """A level of the scheme (1 the most severe), shown to customers when they choose."""

    level: int
    name: str
    definition: str = ""


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    """The severity scheme, an optional priority matrix and the targets (SPEC 3)."""

    name: str
    severities: tuple[Severity, ...]
    targets: tuple[Target, ...]
    priority_matrix: Mapping[tuple[Rating, Rating], int] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "severities", tuple(self.severities))
        object.__setattr__(self, "targets", tuple(self.targets))

    def severity(self, level: int) -> Severity | None:
        return next((s for s in self.severities if s.level == level), None)

    def targets_for(self, level: int) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.severity == level)

    def level_for(self, urgency: Rating | str, impact: Rating | str) -> int:
        """The severity level the matrix gives; KeyError without a matrix or such a cell."""
        if self.priority_matrix is None:
            raise KeyError("this policy has no priority matrix")
        return self.priority_matrix[(Rating(urgency), Rating(impact))]


def policy_from_document(document: Mapping[str, Any]) -> SlaPolicy:
    """Build and validate an `SlaPolicy` from the Appendix A JSON shape.

    The optional `priority_matrix` is a list of `{"urgency", "impact", "severity"}`
    cells covering all nine combinations. Raises `InvalidSlaPolicy` naming the field.
    """
    doc = mapping(document, "", _E)
    name = text(doc.get("name", ""), "name", _E)
    raw_severities = sequence(required(doc, "severities", "", _E), "severities", _E)
    severities = tuple(
        _severity(raw, join("severities", i)) for i, raw in enumerate(raw_severities)
    )
    raw_targets = sequence(doc.get("targets", []), "targets", _E)
    targets = tuple(_target(raw, join("targets", i)) for i, raw in enumerate(raw_targets))
    matrix = None
    if doc.get("priority_matrix") is not None:
        matrix = _matrix(doc["priority_matrix"], "priority_matrix")
    policy = SlaPolicy(name, severities, targets, matrix)
    validate_policy(policy)
    return policy


def validate_policy(policy: SlaPolicy) -> None:
    """Rules across fields; the path matches the document's order (Appendix A)."""
    if not policy.severities:
        raise _E("severities", "a policy needs at least one severity")
    levels = [s.level for s in policy.severities]
    for i, level in enumerate(levels):
        if level in levels[:i]:
            raise _E(f"severities[{i}].level", f"severity level {level} is listed twice")
    if sorted(levels) != list(range(1, len(levels) + 1)):
        raise _E("severities", f"levels must be 1..{len(levels)} (1 the most severe)")
    seen: dict[tuple[int, Metric], int] = {}
    for i, target in enumerate(policy.targets):
        path = f"targets[{i}]"
        if target.severity not in levels:
            raise _E(f"{path}.severity", f"severity {target.severity} is not in the scheme")
        key = (target.severity, target.metric)
        if key in seen:
            raise _E(
                path,
                f"severity {target.severity} already has a {target.metric} "
                f"target (targets[{seen[key]}])",
            )
        seen[key] = i
        _check_minutes(target.minutes, target.by_period, path)
        if target.after_phone_call is not None:
            rule = target.after_phone_call
            _check_minutes(rule.minutes, rule.by_period, f"{path}.after_phone_call")
    if policy.priority_matrix is not None:
        _check_matrix(policy.priority_matrix, levels)


def policy_to_document(policy: SlaPolicy) -> dict[str, Any]:
    """The Appendix A JSON shape of a policy."""
    document: dict[str, Any] = {
        "name": policy.name,
        "severities": [
            {"level": s.level, "name": s.name, "definition": s.definition}
            for s in policy.severities
        ],
        "targets": [_target_document(t) for t in policy.targets],
    }
    if policy.priority_matrix is not None:
        document["priority_matrix"] = [
            {"urgency": str(u), "impact": str(i), "severity": level}
            for (u, i), level in policy.priority_matrix.items()
        ]
    return document


def _check_minutes(minutes: int, by_period: Mapping[Period, int] | None, path: str) -> None:
    if minutes < 0:
        raise _E(f"{path}.minutes", "minutes cannot be negative")
    for key, value in (by_period or {}).items():
        if key not in _PERIODS:
            raise _E(f"{path}.by_period.{key}", "unknown period; use BH, NBH1 or NBH2")
        if value < 0:
            raise _E(f"{path}.by_period.{key}", "minutes cannot be negative")


def _check_matrix(matrix: Mapping[tuple[Rating, Rating], int], levels: list[int]) -> None:
    for i, ((urgency, impact), level) in enumerate(matrix.items()):
        if level not in levels:
            raise _E(f"priority_matrix[{i}].severity", f"severity {level} is not in the scheme")
        if urgency not in _RATINGS or impact not in _RATINGS:
            raise _E(f"priority_matrix[{i}]", "urgency and impact are high, medium or low")
    for urgency in Rating:
        for impact in Rating:
            if (urgency, impact) not in matrix:
                raise _E(
                    "priority_matrix",
                    f"the matrix has no cell for urgency {urgency}, impact {impact}",
                )


def _severity(raw: object, path: str) -> Severity:
    doc = mapping(raw, path, _E)
    level = integer(required(doc, "level", path, _E), join(path, "level"), _E, minimum=1)
    name = text(required(doc, "name", path, _E), join(path, "name"), _E)
    definition = text(doc.get("definition", ""), join(path, "definition"), _E)
    return Severity(level, name, definition)


def _target(raw: object, path: str) -> Target:
    doc = mapping(raw, path, _E)
    severity = integer(required(doc, "severity", path, _E), join(path, "severity"), _E)
    metric = _choice(Metric, required(doc, "metric", path, _E), join(path, "metric"))
    if metric not in POLICY_METRICS:
        raise _E(
            join(path, "metric"),
            "the patch commitment comes with a critical bug (SPEC 4), not from a policy",
        )
    minutes = integer(required(doc, "minutes", path, _E), join(path, "minutes"), _E)
    clock = _choice(ClockKind, required(doc, "clock", path, _E), join(path, "clock"))
    by_period = _by_period(doc.get("by_period"), join(path, "by_period"))
    rule = None
    if doc.get("after_phone_call") is not None:
        rule_path = join(path, "after_phone_call")
        rule_doc = mapping(doc["after_phone_call"], rule_path, _E)
        rule = PhoneCallRule(
            integer(required(rule_doc, "minutes", rule_path, _E), join(rule_path, "minutes"), _E),
            _by_period(rule_doc.get("by_period"), join(rule_path, "by_period")),
        )
    return Target(severity, metric, minutes, clock, by_period, rule)


def _by_period(raw: object, path: str) -> dict[Period, int] | None:
    if raw is None:
        return None
    result: dict[Period, int] = {}
    for key, value in mapping(raw, path, _E).items():
        period = _choice(Period, key, join(path, str(key)))
        result[period] = integer(value, join(path, str(key)), _E)
    return result


def _matrix(raw: object, path: str) -> dict[tuple[Rating, Rating], int]:
    cells: dict[tuple[Rating, Rating], int] = {}
    for i, raw_cell in enumerate(sequence(raw, path, _E)):
        cell_path = join(path, i)
        cell = mapping(raw_cell, cell_path, _E)
        urgency = _choice(
            Rating, required(cell, "urgency", cell_path, _E), join(cell_path, "urgency")
        )
        impact = _choice(Rating, required(cell, "impact", cell_path, _E), join(cell_path, "impact"))
        if (urgency, impact) in cells:
            raise _E(cell_path, f"urgency {urgency}, impact {impact} is listed twice")
        cells[(urgency, impact)] = integer(
            required(cell, "severity", cell_path, _E), join(cell_path, "severity"), _E, minimum=1
        )
    return cells


def _choice(kind: type[_C], raw: object, path: str) -> _C:
    try:
        return kind(text(raw, path, _E))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise _E(path, f"{raw!r} is not one of: {allowed}") from None


def _target_document(target: Target) -> dict[str, Any]:
    document: dict[str, Any] = {
        "severity": target.severity,
        "metric": str(target.metric),
        "minutes": target.minutes,
        "clock": str(target.clock),
    }
    if target.by_period is not None:
        document["by_period"] = {str(p): m for p, m in target.by_period.items()}
    if target.after_phone_call is not None:
        rule = target.after_phone_call
        document["after_phone_call"] = {"minutes": rule.minutes}
        if rule.by_period is not None:
            document["after_phone_call"]["by_period"] = {
                str(p): m for p, m in rule.by_period.items()
            }
    return document
