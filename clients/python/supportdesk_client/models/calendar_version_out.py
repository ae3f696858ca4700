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
  from ..models.calendar_document import CalendarDocument





T = TypeVar("T", bound="CalendarVersionOut")



@_attrs_define
class CalendarVersionOut:
    """ 
        Example:
            {'calendar_id': '0190c3d2-6d40-7f51-9e72-405162738495', 'created_at': '2026-12-20T04:10:00Z', 'created_by':
                '0190c3d2-7030-7c5d-8e6f-70819a2b3c4d', 'document': {'name': 'Aarenet HCMC', 'shifts': [{'closed_dates':
                ['2027-12-24'], 'holidays': {'country': 'VN', 'subdivision': None}, 'hours': [{'days': ['mon', 'tue', 'wed',
                'thu', 'fri'], 'end': '18:00', 'start': '08:00'}], 'name': 'HCMC', 'timezone': 'Asia/Ho_Chi_Minh'}]}, 'id':
                '0190c3d2-6d41-7a11-8b22-5c6d7e8f9012', 'reason': 'Tet holidays 2027 added', 'version': 3}

        Attributes:
            calendar_id (UUID):
            created_at (datetime.datetime):
            created_by (None | UUID): The user who wrote this version
            document (CalendarDocument): A calendar: business time is the union of its shifts (SPEC 3). Example: {'name':
                'Aarenet HCMC', 'shifts': [{'closed_dates': ['2026-12-24'], 'holidays': {'country': 'VN'}, 'hours': [{'days':
                ['mon', 'tue', 'wed', 'thu', 'fri'], 'end': '18:00', 'start': '08:00'}], 'name': 'HCMC', 'timezone':
                'Asia/Ho_Chi_Minh'}]}.
            id (UUID):
            reason (str):
            version (int):
     """

    calendar_id: UUID
    created_at: datetime.datetime
    created_by: None | UUID
    document: CalendarDocument
    id: UUID
    reason: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_document import CalendarDocument # noqa: PLC0415
        calendar_id = str(self.calendar_id)

        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        document = self.document.to_dict()

        id = str(self.id)

        reason = self.reason

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar_id": calendar_id,
            "created_at": created_at,
            "created_by": created_by,
            "document": document,
            "id": id,
            "reason": reason,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_document import CalendarDocument # noqa: PLC0415
        d = dict(src_dict)
        calendar_id = UUID(d.pop("calendar_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)



                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))


        document = CalendarDocument.from_dict(d.pop("document"))




        id = UUID(d.pop("id"))




        reason = d.pop("reason")

        version = d.pop("version")

        calendar_version_out = cls(
            calendar_id=calendar_id,
            created_at=created_at,
            created_by=created_by,
            document=document,
            id=id,
            reason=reason,
            version=version,
        )


        calendar_version_out.additional_properties = d
        return calendar_version_out

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
