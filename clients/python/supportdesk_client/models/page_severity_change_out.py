from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.severity_change_out import SeverityChangeOut





T = TypeVar("T", bound="PageSeverityChangeOut")



@_attrs_define
class PageSeverityChangeOut:
    """ 
        Example:
            {'items': [{'answer_reason': None, 'answered_at': None, 'answered_by': None, 'created_at':
                '2027-01-05T09:00:00Z', 'decided_at': None, 'decided_by': None, 'decided_level': None, 'decision_reason': None,
                'from_level': 2, 'id': '0190c3d2-8e51-73c4-9fd6-e6f708192a3b', 'kind': 'proposal', 'proposed_by':
                '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'proposed_side': 'staff', 'reason': 'Only one extension is affected; a
                workaround exists.', 'status': 'pending', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'to_level': 3}],
                'next_cursor': 'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[SeverityChangeOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[SeverityChangeOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.severity_change_out import SeverityChangeOut # noqa: PLC0415
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
        from ..models.severity_change_out import SeverityChangeOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = SeverityChangeOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_severity_change_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_severity_change_out.additional_properties = d
        return page_severity_change_out

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
