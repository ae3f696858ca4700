from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.holidays_doc import HolidaysDoc
  from ..models.hours_doc import HoursDoc





T = TypeVar("T", bound="ShiftDoc")



@_attrs_define
class ShiftDoc:
    """ One operations centre.

        Attributes:
            hours (list[HoursDoc]):
            timezone (str): IANA time zone
            closed_dates (list[datetime.date] | Unset):
            holidays (HolidaysDoc | None | Unset): Public holidays of the `holidays` package; null for none
            name (str | Unset):  Default: ''.
     """

    hours: list[HoursDoc]
    timezone: str
    closed_dates: list[datetime.date] | Unset = UNSET
    holidays: HolidaysDoc | None | Unset = UNSET
    name: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        from ..models.holidays_doc import HolidaysDoc # noqa: PLC0415
        from ..models.hours_doc import HoursDoc # noqa: PLC0415
        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)



        timezone = self.timezone

        closed_dates: list[str] | Unset = UNSET
        if not isinstance(self.closed_dates, Unset):
            closed_dates = []
            for closed_dates_item_data in self.closed_dates:
                closed_dates_item = closed_dates_item_data.isoformat()
                closed_dates.append(closed_dates_item)



        holidays: dict[str, Any] | None | Unset
        if isinstance(self.holidays, Unset):
            holidays = UNSET
        elif isinstance(self.holidays, HolidaysDoc):
            holidays = self.holidays.to_dict()
        else:
            holidays = self.holidays

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hours": hours,
            "timezone": timezone,
        })
        if closed_dates is not UNSET:
            field_dict["closed_dates"] = closed_dates
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holidays_doc import HolidaysDoc # noqa: PLC0415
        from ..models.hours_doc import HoursDoc # noqa: PLC0415
        d = dict(src_dict)
        hours = []
        _hours = d.pop("hours")
        for hours_item_data in (_hours):
            hours_item = HoursDoc.from_dict(hours_item_data)



            hours.append(hours_item)


        timezone = d.pop("timezone")

        _closed_dates = d.pop("closed_dates", UNSET)
        closed_dates: list[datetime.date] | Unset = UNSET
        if _closed_dates is not UNSET:
            closed_dates = []
            for closed_dates_item_data in _closed_dates:
                closed_dates_item = datetime.date.fromisoformat(closed_dates_item_data)



                closed_dates.append(closed_dates_item)


        def _parse_holidays(data: object) -> HolidaysDoc | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                holidays_type_0 = HolidaysDoc.from_dict(data)



                return holidays_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HolidaysDoc | None | Unset, data)

        holidays = _parse_holidays(d.pop("holidays", UNSET))


        name = d.pop("name", UNSET)

        shift_doc = cls(
            hours=hours,
            timezone=timezone,
            closed_dates=closed_dates,
            holidays=holidays,
            name=name,
        )

        return shift_doc

