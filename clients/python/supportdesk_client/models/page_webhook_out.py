from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.webhook_out import WebhookOut





T = TypeVar("T", bound="PageWebhookOut")



@_attrs_define
class PageWebhookOut:
    """ 
        Example:
            {'items': [{'consecutive_failures': 0, 'contact_email': 'helpdesk@saigon-partners.vn', 'created_at':
                '2027-01-05T08:15:42Z', 'customer_id': None, 'description': 'Mirror cases into our helpdesk', 'disabled_at':
                None, 'events': ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'id':
                '0190c3d2-7d50-7e7f-8a81-9a2b3c4d5e6f', 'is_active': True, 'owner': 'partner', 'partner_id':
                '0190c3d2-6b20-7d3f-9c50-2e3f40516273', 'previous_secret_until': None, 'secret_prefix': 'whsec_4UpH', 'url':
                'https://helpdesk.saigon-partners.vn/supportdesk/events'}], 'next_cursor':
                'MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc'}

        Attributes:
            items (list[WebhookOut]):
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; null on the last.
     """

    items: list[WebhookOut]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_out import WebhookOut # noqa: PLC0415
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
        from ..models.webhook_out import WebhookOut # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = WebhookOut.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        page_webhook_out = cls(
            items=items,
            next_cursor=next_cursor,
        )


        page_webhook_out.additional_properties = d
        return page_webhook_out

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
