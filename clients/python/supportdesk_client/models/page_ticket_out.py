from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ticket_out import TicketOut





T = TypeVar("T", bound="PageTicketOut")



@_attrs_define
class PageTicketOut:
    """ 
        Example:
            {'items': [{'acknowledged_at': '2027-01-05T08:31:05Z', 'assignee_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c',
                'category': 'incident', 'channel': 'portal', 'chargeable': False, 'closed_at': None, 'contract_id':
                '0190c3d2-6c30-7e40-8d61-3f4051627384', 'created_at': '2027-01-05T08:15:42Z', 'customer_id':
                '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'description': 'Since 09:10 no outbound call to PSTN numbers connects;
                internal calls work.', 'emergency': False, 'external_ref': None, 'facts': {'a_number': '+84 28 3822 1100',
                'b_number': '+84 24 3943 2000', 'failed_call_at': '2027-01-05T08:12:00Z', 'failure_reason': '503 Service
                Unavailable from the carrier', 'how_widespread': 'all_users'}, 'id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51',
                'impact': None, 'operations_centre': 'HCMC', 'outcome': None, 'outcome_detail': None, 'partner_id': None,
                'patch_due_at': None, 'phone_call_at': None, 'product_area': 'SIP trunking', 'proposed_severity': 2,
                'requester_id': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'resolved_at': None, 'restored_at': None, 'severity': 2,
                'status': 'in_progress', 'subject': 'PBX – not able to dial PSTN destinations', 'tracking_number':
                'SD-2027-000123', 'updated_at': '2027-01-05T09:02:10Z', 'urgency': None, 'withdrawn_at': None}], 'next_cursor':
                'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[TicketOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[TicketOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_out import TicketOut # noqa: PLC0415
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
        from ..models.ticket_out import TicketOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = TicketOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_ticket_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_ticket_out.additional_properties = d
        return page_ticket_out

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
