from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clock_kind import ClockKind
from ..models.metric import Metric
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.phone_call_rule_doc import PhoneCallRuleDoc
  from ..models.target_doc_by_period_type_0 import TargetDocByPeriodType0





T = TypeVar("T", bound="TargetDoc")



@_attrs_define
class TargetDoc:
    """ 
        Attributes:
            clock (ClockKind): `business` counts the calendar's business time; `continuous` counts all time.
            metric (Metric): What a target measures (SPEC 3).
            minutes (int): The duration; `by_period` overrides it
            severity (int):
            after_phone_call (None | PhoneCallRuleDoc | Unset):
            by_period (None | TargetDocByPeriodType0 | Unset): A different duration when the clock starts in this period
     """

    clock: ClockKind
    metric: Metric
    minutes: int
    severity: int
    after_phone_call: None | PhoneCallRuleDoc | Unset = UNSET
    by_period: None | TargetDocByPeriodType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.phone_call_rule_doc import PhoneCallRuleDoc # noqa: PLC0415
        from ..models.target_doc_by_period_type_0 import TargetDocByPeriodType0 # noqa: PLC0415
        clock = self.clock.value

        metric = self.metric.value

        minutes = self.minutes

        severity = self.severity

        after_phone_call: dict[str, Any] | None | Unset
        if isinstance(self.after_phone_call, Unset):
            after_phone_call = UNSET
        elif isinstance(self.after_phone_call, PhoneCallRuleDoc):
            after_phone_call = self.after_phone_call.to_dict()
        else:
            after_phone_call = self.after_phone_call

        by_period: dict[str, Any] | None | Unset
        if isinstance(self.by_period, Unset):
            by_period = UNSET
        elif isinstance(self.by_period, TargetDocByPeriodType0):
            by_period = self.by_period.to_dict()
        else:
            by_period = self.by_period


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "clock": clock,
            "metric": metric,
            "minutes": minutes,
            "severity": severity,
        })
        if after_phone_call is not UNSET:
            field_dict["after_phone_call"] = after_phone_call
        if by_period is not UNSET:
            field_dict["by_period"] = by_period

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.phone_call_rule_doc import PhoneCallRuleDoc # noqa: PLC0415
        from ..models.target_doc_by_period_type_0 import TargetDocByPeriodType0 # noqa: PLC0415
        d = dict(src_dict)
        clock = ClockKind(d.pop("clock"))




        metric = Metric(d.pop("metric"))




        minutes = d.pop("minutes")

        severity = d.pop("severity")

        def _parse_after_phone_call(data: object) -> None | PhoneCallRuleDoc | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_phone_call_type_0 = PhoneCallRuleDoc.from_dict(data)



                return after_phone_call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PhoneCallRuleDoc | Unset, data)

        after_phone_call = _parse_after_phone_call(d.pop("after_phone_call", UNSET))


        def _parse_by_period(data: object) -> None | TargetDocByPeriodType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_period_type_0 = TargetDocByPeriodType0.from_dict(data)



                return by_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetDocByPeriodType0 | Unset, data)

        by_period = _parse_by_period(d.pop("by_period", UNSET))


        target_doc = cls(
            clock=clock,
            metric=metric,
            minutes=minutes,
            severity=severity,
            after_phone_call=after_phone_call,
            by_period=by_period,
        )

        return target_doc

