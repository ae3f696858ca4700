from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.shift_doc import ShiftDoc





T = TypeVar("T", bound="CalendarUpdate")



@_attrs_define
class CalendarUpdate:
    """ A new version of the calendar; the `reason` is kept with it (SPEC 3, Versions).

        Example:
            {'name': 'Aarenet HCMC', 'reason': 'Tet 2027 closure added', 'shifts': [{'closed_dates': ['2026-12-24'],
                'holidays': {'country': 'VN'}, 'hours': [{'days': ['mon', 'tue', 'wed', 'thu', 'fri'], 'end': '18:00', 'start':
                '08:00'}], 'name': 'HCMC', 'timezone': 'Asia/Ho_Chi_Minh'}]}

        Attributes:
            name (str):
            reason (str):
            shifts (list[ShiftDoc]):
     """

    name: str
    reason: str
    shifts: list[ShiftDoc]





    def to_dict(self) -> dict[str, Any]:
        from ..models.shift_doc import ShiftDoc # noqa: PLC0415
        name = self.name

        reason = self.reason

        shifts = []
        for shifts_item_data in self.shifts:
            shifts_item = shifts_item_data.to_dict()
            shifts.append(shifts_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "reason": reason,
            "shifts": shifts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shift_doc import ShiftDoc # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        reason = d.pop("reason")

        shifts = []
        _shifts = d.pop("shifts")
        for shifts_item_data in (_shifts):
            shifts_item = ShiftDoc.from_dict(shifts_item_data)



            shifts.append(shifts_item)


        calendar_update = cls(
            name=name,
            reason=reason,
            shifts=shifts,
        )

        return calendar_update

