from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quarantined_mail_out import QuarantinedMailOut





T = TypeVar("T", bound="PageQuarantinedMailOut")



@_attrs_define
class PageQuarantinedMailOut:
    """ 
        Example:
            {'items': [{'customer_id': None, 'decided_at': None, 'decided_by': None, 'detail': None, 'id':
                '0190c3d2-7c40-7d6e-9f70-819a2b3c4d5e', 'mail_from': 'noc@unknown-carrier.example', 'message_id':
                '<20270105075813.4711@unknown-carrier.example>', 'rcpt_to': ['support@vendor.com'], 'reason':
                'unregistered_sender', 'received_at': '2027-01-05T07:58:13Z', 'released_ticket_id': None, 'replied': True,
                'sender': 'noc@unknown-carrier.example', 'size': 18342, 'state': 'held', 'subject': 'Trunk 2 down since
                07:40'}], 'next_cursor': 'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[QuarantinedMailOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[QuarantinedMailOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quarantined_mail_out import QuarantinedMailOut # noqa: PLC0415
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
        from ..models.quarantined_mail_out import QuarantinedMailOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = QuarantinedMailOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_quarantined_mail_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_quarantined_mail_out.additional_properties = d
        return page_quarantined_mail_out

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
