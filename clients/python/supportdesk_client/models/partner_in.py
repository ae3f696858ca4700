from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PartnerIn")



@_attrs_define
class PartnerIn:
    """ 
        Example:
            {'helpdesk_email': 'helpdesk@saigon-partners.vn', 'helpdesk_url': 'https://helpdesk.saigon-partners.vn', 'name':
                'Saigon Telecom Partners'}

        Attributes:
            name (str):
            helpdesk_email (None | str | Unset):
            helpdesk_url (None | str | Unset):
     """

    name: str
    helpdesk_email: None | str | Unset = UNSET
    helpdesk_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        helpdesk_email: None | str | Unset
        if isinstance(self.helpdesk_email, Unset):
            helpdesk_email = UNSET
        else:
            helpdesk_email = self.helpdesk_email

        helpdesk_url: None | str | Unset
        if isinstance(self.helpdesk_url, Unset):
            helpdesk_url = UNSET
        else:
            helpdesk_url = self.helpdesk_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if helpdesk_email is not UNSET:
            field_dict["helpdesk_email"] = helpdesk_email
        if helpdesk_url is not UNSET:
            field_dict["helpdesk_url"] = helpdesk_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_helpdesk_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        helpdesk_email = _parse_helpdesk_email(d.pop("helpdesk_email", UNSET))


        def _parse_helpdesk_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        helpdesk_url = _parse_helpdesk_url(d.pop("helpdesk_url", UNSET))


        partner_in = cls(
            name=name,
            helpdesk_email=helpdesk_email,
            helpdesk_url=helpdesk_url,
        )


        partner_in.additional_properties = d
        return partner_in

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
