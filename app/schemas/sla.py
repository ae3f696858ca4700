"""Calendar and SLA policy documents, their versions, and the preview (SPEC 3, Appendix A).

The documents mirror Appendix A exactly. Pydantic checks their shape; the domain
(`calendar_from_document`, `policy_from_document`) checks their meaning and names
the wrong field (unknown time zone, end before start, duplicate target, …).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from app.domain.calendar_model import Period
from app.domain.sla_policy import ClockKind, Metric, Rating
from app.schemas.common import CalendarDate, Instant, Int32

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
HHMM = r"^\d{2}:\d{2}$"
# A target of at most a year of minutes: beyond that it is a typo, and it bounds the walk.
MAX_TARGET_MINUTES = 525_600
Minutes = Annotated[int, Field(ge=0, le=MAX_TARGET_MINUTES)]

CALENDAR_EXAMPLE: dict[str, Any] = {
    "name": "Aarenet HCMC",
    "shifts": [
        {
            "name": "HCMC",
            "timezone": "Asia/Ho_Chi_Minh",
            "hours": [
                {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00"}
            ],
            "holidays": {"country": "VN", "subdivision": None},
            "closed_dates": ["2026-12-24"],
        }
    ],
}
POLICY_EXAMPLE: dict[str, Any] = {
    "name": "iPass",
    "severities": [
        {
            "level": 1,
            "name": "High",
            "definition": "Authentication infrastructure down: no user can connect",
        }
    ],
    "targets": [
        {
            "severity": 1,
            "metric": "reaction",
            "minutes": 60,
            "clock": "continuous",
            "after_phone_call": {"minutes": 15, "by_period": {"NBH2": 60}},
        }
    ],
}


class _Document(BaseModel):
    # A misspelt key is an error, not a silently ignored rule.
    model_config = ConfigDict(extra="forbid")


class HoursDoc(_Document):
    """A weekly window `[start, end)` in the shift's local time; `end` may be `24:00`."""

    days: list[Day] = Field(min_length=1, examples=[["mon", "tue", "wed", "thu", "fri"]])
    start: str = Field(pattern=HHMM, examples=["08:00"])
    end: str = Field(pattern=HHMM, examples=["18:00"])


class HolidaysDoc(_Document):
    country: str = Field(description="ISO 3166-1 alpha-2, e.g. `VN`", examples=["VN"])
    subdivision: str | None = Field(default=None, examples=[None])


class ShiftDoc(_Document):
    """One operations centre."""

    name: str = Field(default="", max_length=200)
    timezone: str = Field(description="IANA time zone", examples=["Asia/Ho_Chi_Minh"])
    hours: list[HoursDoc] = Field(max_length=200)
    holidays: HolidaysDoc | None = Field(
        default=None, description="Public holidays of the `holidays` package; null for none"
    )
    closed_dates: list[CalendarDate] = Field(default_factory=list, max_length=2000)


class CalendarDocument(_Document):
    """A calendar: business time is the union of its shifts (SPEC 3)."""

    model_config = ConfigDict(json_schema_extra={"example": CALENDAR_EXAMPLE})
    name: str = Field(min_length=1, max_length=200)
    shifts: list[ShiftDoc] = Field(min_length=1, max_length=20)


class CalendarUpdate(CalendarDocument):
    """A new version of the calendar; the `reason` is kept with it (SPEC 3, Versions)."""

    model_config = ConfigDict(
        json_schema_extra={"example": {**CALENDAR_EXAMPLE, "reason": "Tet 2027 closure added"}}
    )
    reason: str = Field(min_length=3, max_length=2000)


class SeverityDoc(_Document):
    level: Int32 = Field(ge=1, examples=[1])
    name: str = Field(min_length=1, max_length=100, examples=["High"])
    definition: str = Field(default="", max_length=2000, description="Shown to customers")


class PhoneCallRuleDoc(_Document):
    """When a verified call follows the case: call time + `minutes`, if sooner."""

    minutes: int = Field(ge=0, le=MAX_TARGET_MINUTES)
    by_period: dict[Period, Minutes] | None = None


class TargetDoc(_Document):
    severity: Int32 = Field(ge=1)
    metric: Metric
    minutes: int = Field(
        ge=0, le=MAX_TARGET_MINUTES, description="The duration; `by_period` overrides it"
    )
    clock: ClockKind
    by_period: dict[Period, Minutes] | None = Field(
        default=None, description="A different duration when the clock starts in this period"
    )
    after_phone_call: PhoneCallRuleDoc | None = None


class MatrixCellDoc(_Document):
    urgency: Rating
    impact: Rating
    severity: Int32 = Field(ge=1)


class PolicyDocument(_Document):
    """Severity scheme, optional urgency x impact matrix, and targets (SPEC 3)."""

    model_config = ConfigDict(json_schema_extra={"example": POLICY_EXAMPLE})
    name: str = Field(min_length=1, max_length=200)
    severities: list[SeverityDoc] = Field(min_length=1, max_length=20)
    targets: list[TargetDoc] = Field(default_factory=list, max_length=200)
    priority_matrix: list[MatrixCellDoc] | None = Field(
        default=None, description="All nine urgency x impact cells, each giving a level"
    )


class PolicyUpdate(PolicyDocument):
    model_config = ConfigDict(
        json_schema_extra={"example": {**POLICY_EXAMPLE, "reason": "Sev 1 wording agreed"}}
    )
    reason: str = Field(min_length=3, max_length=2000)


class _Versioned(BaseModel):
    id: uuid.UUID
    version: int = Field(description="The current version; a PUT adds the next")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, head: Any, current: Any) -> Self:
        """The stable row's identity and times, with the current version's document."""
        return cls.model_validate(
            {
                **current.document,
                "id": head.id,
                "version": current.version,
                "created_at": head.created_at,
                "updated_at": head.updated_at,
            }
        )


class CalendarOut(_Versioned, CalendarDocument):
    model_config = ConfigDict(extra="ignore")


class PolicyOut(_Versioned, PolicyDocument):
    model_config = ConfigDict(extra="ignore")


class _VersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    version: int
    reason: str
    created_by: uuid.UUID | None = Field(description="The user who wrote this version")
    created_at: datetime


class CalendarVersionOut(_VersionOut):
    calendar_id: uuid.UUID
    document: CalendarDocument


class PolicyVersionOut(_VersionOut):
    sla_policy_id: uuid.UUID
    document: PolicyDocument


class PreviewIn(BaseModel):
    """A calendar and a policy (inline or by id), or a contract; a severity and instants."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "calendar": CALENDAR_EXAMPLE,
                    "policy": {
                        "name": "Aarenet Standard",
                        "severities": [{"level": 1, "name": "Critical"}],
                        "targets": [
                            {
                                "severity": 1,
                                "metric": "reaction",
                                "minutes": 30,
                                "clock": "business",
                            }
                        ],
                    },
                    "severity": 1,
                    "created_at": "2026-12-31T17:45:00+07:00",
                    "phone_call_at": None,
                },
                {
                    "contract_id": "0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f",
                    "severity": 1,
                    "created_at": "2026-12-31T17:45:00+07:00",
                },
            ]
        },
    )
    calendar: CalendarDocument | None = None
    calendar_id: uuid.UUID | None = None
    policy: PolicyDocument | None = None
    policy_id: uuid.UUID | None = None
    contract_id: uuid.UUID | None = None
    severity: Int32
    created_at: Instant = Field(description="Between 1900 and 2200")
    phone_call_at: Instant | None = Field(default=None, description="Between 1900 and 2200")


class PreviewTarget(BaseModel):
    metric: Metric
    minutes: int = Field(description="The duration that applied (after by_period / phone call)")
    clock: ClockKind
    due_at: datetime = Field(description="UTC", examples=["2027-01-04T01:15:00Z"])


class PreviewOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "period": "BH",
                "targets": [
                    {
                        "metric": "reaction",
                        "minutes": 30,
                        "clock": "business",
                        "due_at": "2027-01-04T01:15:00Z",
                    }
                ],
            }
        }
    )
    period: Period = Field(description="The period at `created_at`: BH, NBH1 or NBH2")
    targets: list[PreviewTarget]
