from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.escalation_out import EscalationOut





T = TypeVar("T", bound="PageEscalationOut")



@_attrs_define
class PageEscalationOut:
    """ 
        Example:
            {'items': [{'acknowledge_breached': False, 'acknowledge_due_at': '2027-01-05T11:50:00Z', 'acknowledged_at':
                '2027-01-05T11:34:12Z', 'acknowledged_by': '0190c3d2-7030-7c5d-8e6f-70819a2b3c4d', 'addressed_role':
                'regional_ops_manager', 'automatic': False, 'business_impact': 'All outbound PSTN calls of our 400 agents fail;
                the call centre is idle.', 'contacts': [{'email': 'minh@vendor.com', 'name': 'Minh Tran', 'phone': '+84 28 1234
                5678'}], 'created_at': '2027-01-05T11:20:00Z', 'created_by': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b',
                'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'id': '0190c3d2-8f61-74d5-8ae7-f708192a3b4c', 'level': 1,
                'progress_to_date': 'Workaround via the backup trunk failed twice; no answer for 3 hours.', 'reason':
                'inadequate_solution', 'related_cases': ['SD-2027-000117'], 'resolution': None, 'resolved_at': None,
                'resolved_by': None, 'state': 'acknowledged', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'updated_at':
                '2027-01-05T11:34:12Z'}], 'next_cursor': 'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[EscalationOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[EscalationOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_out import EscalationOut # noqa: PLC0415
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
        from ..models.escalation_out import EscalationOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = EscalationOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_escalation_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_escalation_out.additional_properties = d
        return page_escalation_out

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
