from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reason import Reason
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EscalationIn")



@_attrs_define
class EscalationIn:
    """ An escalation is in writing (SPEC 5): why, the impact, the progress so far.

        Example:
            {'business_impact': 'All outbound PSTN calls of our 400 agents fail; the call centre is idle.',
                'progress_to_date': 'Workaround via the backup trunk failed twice; no answer for 3 hours.', 'reason':
                'inadequate_solution', 'related_cases': ['SD-2026-000117']}

        Attributes:
            business_impact (str): What the problem costs the business
            progress_to_date (str): What was done so far, and by whom
            reason (Reason): Why a customer (or the monitor) escalates (SPEC 5).
            related_cases (list[str] | Unset): Tracking numbers of other cases of the same customer
     """

    business_impact: str
    progress_to_date: str
    reason: Reason
    related_cases: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        business_impact = self.business_impact

        progress_to_date = self.progress_to_date

        reason = self.reason.value

        related_cases: list[str] | Unset = UNSET
        if not isinstance(self.related_cases, Unset):
            related_cases = self.related_cases




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "business_impact": business_impact,
            "progress_to_date": progress_to_date,
            "reason": reason,
        })
        if related_cases is not UNSET:
            field_dict["related_cases"] = related_cases

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        business_impact = d.pop("business_impact")

        progress_to_date = d.pop("progress_to_date")

        reason = Reason(d.pop("reason"))




        related_cases = cast(list[str], d.pop("related_cases", UNSET))


        escalation_in = cls(
            business_impact=business_impact,
            progress_to_date=progress_to_date,
            reason=reason,
            related_cases=related_cases,
        )

        return escalation_in

