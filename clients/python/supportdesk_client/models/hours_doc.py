from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.weekday import Weekday
from typing import cast






T = TypeVar("T", bound="HoursDoc")



@_attrs_define
class HoursDoc:
    """ A weekly window `[start, end)` in the shift's local time; `end` may be `24:00`.

        Attributes:
            days (list[Weekday]):
            end (str):
            start (str):
     """

    days: list[Weekday]
    end: str
    start: str





    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.value
            days.append(days_item)



        end = self.end

        start = self.start


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "days": days,
            "end": end,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = Weekday(days_item_data)



            days.append(days_item)


        end = d.pop("end")

        start = d.pop("start")

        hours_doc = cls(
            days=days,
            end=end,
            start=start,
        )

        return hours_doc

