from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.policy_out import PolicyOut





T = TypeVar("T", bound="PagePolicyOut")



@_attrs_define
class PagePolicyOut:
    """ 
        Example:
            {'items': [{'created_at': '2026-10-01T03:00:00Z', 'id': '0190c3d2-6e50-7062-8f83-5162738495a6', 'name':
                'Premium', 'priority_matrix': None, 'severities': [{'definition': 'All calls fail', 'level': 1, 'name':
                'Critical'}, {'definition': 'Many calls fail; no workaround', 'level': 2, 'name': 'Major'}], 'targets':
                [{'clock': 'continuous', 'metric': 'reaction', 'minutes': 15, 'severity': 1}, {'clock': 'continuous', 'metric':
                'restore', 'minutes': 120, 'severity': 1}, {'clock': 'continuous', 'metric': 'restore', 'minutes': 240,
                'severity': 2}, {'clock': 'business', 'metric': 'resolution', 'minutes': 4800, 'severity': 2}, {'clock':
                'continuous', 'metric': 'update', 'minutes': 120, 'severity': 2}], 'updated_at': '2026-12-01T06:45:00Z',
                'version': 2}], 'next_cursor': 'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[PolicyOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[PolicyOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_out import PolicyOut # noqa: PLC0415
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
        from ..models.policy_out import PolicyOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PolicyOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_policy_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_policy_out.additional_properties = d
        return page_policy_out

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
