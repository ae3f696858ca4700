from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change_out import ChangeOut





T = TypeVar("T", bound="ChangePage")



@_attrs_define
class ChangePage:
    """ 
        Example:
            {'items': [{'actor': {'role': 'agent', 'user_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c'}, 'customer_id':
                '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'data': {'from': 'new', 'severity': 2, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'to': 'acknowledged', 'tracking_number': 'SD-2027-000123'},
                'external_ref': 'PH-88231', 'id': '0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7', 'occurred_at': '2027-01-05T09:02:10Z',
                'seq': 1042, 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'tracking_number': 'SD-2027-000123', 'type':
                'state_changed'}], 'next_cursor': '1042'}

        Attributes:
            items (list[ChangeOut]):
            next_cursor (str): Pass as `after` to poll for what follows; present even on an empty page
     """

    items: list[ChangeOut]
    next_cursor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_out import ChangeOut # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "next_cursor": next_cursor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_out import ChangeOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ChangeOut.from_dict(items_item_data)



            items.append(items_item)


        next_cursor = d.pop("next_cursor")

        change_page = cls(
            items=items,
            next_cursor=next_cursor,
        )


        change_page.additional_properties = d
        return change_page

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
