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
            mailbox (None | str | Unset): The role mailbox this level publishes. Mail to it through the e-mail gateway from
                a user who may see the case, quoting its tracking number, opens a written escalation at this level (README:
                escalation by e-mail).
            title (None | str | Unset): The agreement's own name for the role, e.g. 'Regional Director'
     """

    level: int
    role: ManagerRole
    contacts: list[ContactDoc] | Unset = UNSET
    mailbox: None | str | Unset = UNSET
    title: None | str | Unset = UNSET





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



        mailbox: None | str | Unset
        if isinstance(self.mailbox, Unset):
            mailbox = UNSET
        else:
            mailbox = self.mailbox

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "level": level,
            "role": role,
        })
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if mailbox is not UNSET:
            field_dict["mailbox"] = mailbox
        if title is not UNSET:
            field_dict["title"] = title

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


        def _parse_mailbox(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mailbox = _parse_mailbox(d.pop("mailbox", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        escalation_level_doc = cls(
            level=level,
            role=role,
            contacts=contacts,
            mailbox=mailbox,
            title=title,
        )

        return escalation_level_doc

