from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.phone_call_rule_doc_by_period_type_0 import PhoneCallRuleDocByPeriodType0





T = TypeVar("T", bound="PhoneCallRuleDoc")



@_attrs_define
class PhoneCallRuleDoc:
    """ When a verified call follows the case: call time + `minutes`, if sooner.

        Attributes:
            minutes (int):
            by_period (None | PhoneCallRuleDocByPeriodType0 | Unset):
     """

    minutes: int
    by_period: None | PhoneCallRuleDocByPeriodType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.phone_call_rule_doc_by_period_type_0 import PhoneCallRuleDocByPeriodType0 # noqa: PLC0415
        minutes = self.minutes

        by_period: dict[str, Any] | None | Unset
        if isinstance(self.by_period, Unset):
            by_period = UNSET
        elif isinstance(self.by_period, PhoneCallRuleDocByPeriodType0):
            by_period = self.by_period.to_dict()
        else:
            by_period = self.by_period


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "minutes": minutes,
        })
        if by_period is not UNSET:
            field_dict["by_period"] = by_period

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.phone_call_rule_doc_by_period_type_0 import PhoneCallRuleDocByPeriodType0 # noqa: PLC0415
        d = dict(src_dict)
        minutes = d.pop("minutes")

        def _parse_by_period(data: object) -> None | PhoneCallRuleDocByPeriodType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_period_type_0 = PhoneCallRuleDocByPeriodType0.from_dict(data)



                return by_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PhoneCallRuleDocByPeriodType0 | Unset, data)

        by_period = _parse_by_period(d.pop("by_period", UNSET))


        phone_call_rule_doc = cls(
            minutes=minutes,
            by_period=by_period,
        )

        return phone_call_rule_doc

