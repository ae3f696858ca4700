from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PartnerOut")



@_attrs_define
class PartnerOut:
    """ 
        Example:
            {'created_at': '2026-10-01T03:00:00Z', 'helpdesk_email': 'helpdesk@saigon-partners.vn', 'helpdesk_url':
                'https://helpdesk.saigon-partners.vn', 'id': '0190c3d2-6b20-7d3f-9c50-2e3f40516273', 'name': 'Saigon Telecom
                Partners'}

        Attributes:
            created_at (datetime.datetime):
            helpdesk_email (None | str):
            helpdesk_url (None | str):
            id (UUID):
            name (str):
     """

    created_at: datetime.datetime
    helpdesk_email: None | str
    helpdesk_url: None | str
    id: UUID
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        helpdesk_email: None | str
        helpdesk_email = self.helpdesk_email

        helpdesk_url: None | str
        helpdesk_url = self.helpdesk_url

        id = str(self.id)

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "helpdesk_email": helpdesk_email,
            "helpdesk_url": helpdesk_url,
            "id": id,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_helpdesk_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        helpdesk_email = _parse_helpdesk_email(d.pop("helpdesk_email"))


        def _parse_helpdesk_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        helpdesk_url = _parse_helpdesk_url(d.pop("helpdesk_url"))


        id = UUID(d.pop("id"))




        name = d.pop("name")

        partner_out = cls(
            created_at=created_at,
            helpdesk_email=helpdesk_email,
            helpdesk_url=helpdesk_url,
            id=id,
            name=name,
        )


        partner_out.additional_properties = d
        return partner_out

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
