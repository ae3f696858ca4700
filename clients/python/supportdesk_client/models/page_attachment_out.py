from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attachment_out import AttachmentOut





T = TypeVar("T", bound="PageAttachmentOut")



@_attrs_define
class PageAttachmentOut:
    """ 
        Example:
            {'items': [{'content_type': 'application/vnd.tcpdump.pcap', 'created_at': '2027-01-05T08:20:11Z', 'filename':
                'sip-trace.pcap', 'id': '0190c3d2-8c31-71a2-9db4-c4d5e6f70819', 'sha256':
                '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'size': 482113, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'uploaded_by': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'uploaded_role':
                'customer_user', 'visibility': 'public'}], 'next_cursor':
                'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[AttachmentOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[AttachmentOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment_out import AttachmentOut # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
        })
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_out import AttachmentOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = AttachmentOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_attachment_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_attachment_out.additional_properties = d
        return page_attachment_out

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
