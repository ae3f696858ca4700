from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.manager_role import ManagerRole
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contact_doc import ContactDoc





T = TypeVar("T", bound="EscalationLevelDoc")



@_attrs_define
class EscalationLevelDoc:
    """ One level of the chain; levels are 1..N in order (SPEC 5).

        Attributes:
            level (int):
            role (ManagerRole):
            contacts (list[ContactDoc] | Unset):
     """

    level: int
    role: ManagerRole
    contacts: list[ContactDoc] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_doc import ContactDoc # noqa: PLC0415
        level = self.level

        role = self.role.value

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "level": level,
            "role": role,
        })
        if contacts is not UNSET:
            field_dict["contacts"] = contacts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_doc import ContactDoc # noqa: PLC0415
        d = dict(src_dict)
        level = d.pop("level")

        role = ManagerRole(d.pop("role"))




        _contacts = d.pop("contacts", UNSET)
        contacts: list[ContactDoc] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = ContactDoc.from_dict(contacts_item_data)



                contacts.append(contacts_item)


        escalation_level_doc = cls(
            level=level,
            role=role,
            contacts=contacts,
        )

        return escalation_level_doc

