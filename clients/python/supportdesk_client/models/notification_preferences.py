from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="NotificationPreferences")



@_attrs_define
class NotificationPreferences:
    """ 
        Attributes:
            email_escalations (bool | Unset):  Default: True.
            email_public_comments (bool | Unset):  Default: True.
            email_sla_warnings (bool | Unset):  Default: True.
            email_ticket_updates (bool | Unset):  Default: True.
     """

    email_escalations: bool | Unset = True
    email_public_comments: bool | Unset = True
    email_sla_warnings: bool | Unset = True
    email_ticket_updates: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        email_escalations = self.email_escalations

        email_public_comments = self.email_public_comments

        email_sla_warnings = self.email_sla_warnings

        email_ticket_updates = self.email_ticket_updates


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if email_escalations is not UNSET:
            field_dict["email_escalations"] = email_escalations
        if email_public_comments is not UNSET:
            field_dict["email_public_comments"] = email_public_comments
        if email_sla_warnings is not UNSET:
            field_dict["email_sla_warnings"] = email_sla_warnings
        if email_ticket_updates is not UNSET:
            field_dict["email_ticket_updates"] = email_ticket_updates

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_escalations = d.pop("email_escalations", UNSET)

        email_public_comments = d.pop("email_public_comments", UNSET)

        email_sla_warnings = d.pop("email_sla_warnings", UNSET)

        email_ticket_updates = d.pop("email_ticket_updates", UNSET)

        notification_preferences = cls(
            email_escalations=email_escalations,
            email_public_comments=email_public_comments,
            email_sla_warnings=email_sla_warnings,
            email_ticket_updates=email_ticket_updates,
        )


        notification_preferences.additional_properties = d
        return notification_preferences

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
