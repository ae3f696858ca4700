from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.shift_doc import ShiftDoc





T = TypeVar("T", bound="CalendarOut")



@_attrs_define
class CalendarOut:
    """ 
        Example:
            {'created_at': '2026-10-01T03:00:00Z', 'id': '0190c3d2-6d40-7f51-9e72-405162738495', 'name': 'Aarenet HCMC',
                'shifts': [{'closed_dates': ['2027-12-24'], 'holidays': {'country': 'VN', 'subdivision': None}, 'hours':
                [{'days': ['mon', 'tue', 'wed', 'thu', 'fri'], 'end': '18:00', 'start': '08:00'}], 'name': 'HCMC', 'timezone':
                'Asia/Ho_Chi_Minh'}], 'updated_at': '2026-12-20T04:10:00Z', 'version': 3}

        Attributes:
            created_at (datetime.datetime):
            id (UUID):
            name (str):
            shifts (list[ShiftDoc]):
            updated_at (datetime.datetime):
            version (int): The current version; a PUT adds the next
     """

    created_at: datetime.datetime
    id: UUID
    name: str
    shifts: list[ShiftDoc]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.shift_doc import ShiftDoc # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        shifts = []
        for shifts_item_data in self.shifts:
            shifts_item = shifts_item_data.to_dict()
            shifts.append(shifts_item)



        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "name": name,
            "shifts": shifts,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shift_doc import ShiftDoc # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        name = d.pop("name")

        shifts = []
        _shifts = d.pop("shifts")
        for shifts_item_data in (_shifts):
            shifts_item = ShiftDoc.from_dict(shifts_item_data)



            shifts.append(shifts_item)


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        calendar_out = cls(
            created_at=created_at,
            id=id,
            name=name,
            shifts=shifts,
            updated_at=updated_at,
            version=version,
        )


        calendar_out.additional_properties = d
        return calendar_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
