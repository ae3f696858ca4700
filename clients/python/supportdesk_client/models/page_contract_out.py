from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contract_out import ContractOut





T = TypeVar("T", bound="PageContractOut")



@_attrs_define
class PageContractOut:
    """ 
        Example:
            {'items': [{'auto_close_days': 7, 'calendar_id': '0190c3d2-6d40-7f51-9e72-405162738495', 'channels': ['portal',
                'email', 'phone'], 'created_at': '2026-12-15T03:00:00Z', 'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162',
                'description': '24/7 hotline for class 1 and 2 faults.', 'emergency_address': 'noc@acme.vn', 'escalation_chain':
                [{'contacts': [{'email': 'minh@vendor.com', 'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1,
                'mailbox': 'escalation-apac@vendor.com', 'role': 'regional_ops_manager', 'title': 'Regional Operations Manager
                APAC'}, {'contacts': [{'email': 'eva.keller@vendor.com', 'name': 'Eva Keller'}], 'level': 2, 'mailbox': None,
                'role': 'director', 'title': None}], 'id': '0190c3d2-6c30-7e40-8d61-3f4051627384', 'on_call_address':
                'oncall@vendor.com', 'reopen_window_days': 14, 'required_facts': ['a_number', 'b_number', 'failed_call_at',
                'failure_reason'], 'sla_policy_id': '0190c3d2-6e50-7062-8f83-5162738495a6', 'support_level': 'Premium',
                'update_interval_minutes': 120, 'updated_at': '2026-12-15T03:00:00Z', 'valid_from': '2026-12-31T17:00:00Z',
                'valid_to': None}], 'next_cursor': 'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[ContractOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[ContractOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_out import ContractOut # noqa: PLC0415
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
        from ..models.contract_out import ContractOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ContractOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_contract_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_contract_out.additional_properties = d
        return page_contract_out

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
