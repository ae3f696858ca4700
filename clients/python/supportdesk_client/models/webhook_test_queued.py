from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="WebhookTestQueued")



@_attrs_define
class WebhookTestQueued:
    """ The ping is queued: it travels like any event (outbox, signing, retries, the
    delivery log), as `webhook.test`.

        Example:
            {'delivery_id': '0190c3d2-9a70-75e5-8af7-f8192a3b4c5d', 'event_id': '0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7',
                'event_type': 'webhook.test'}

        Attributes:
            delivery_id (UUID): Sent as `webhook-id`; see the delivery log
            event_id (UUID):
            event_type (str): Always `webhook.test`
     """

    delivery_id: UUID
    event_id: UUID
    event_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        delivery_id = str(self.delivery_id)

        event_id = str(self.event_id)

        event_type = self.event_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_id": delivery_id,
            "event_id": event_id,
            "event_type": event_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery_id = UUID(d.pop("delivery_id"))




        event_id = UUID(d.pop("event_id"))




        event_type = d.pop("event_type")

        webhook_test_queued = cls(
            delivery_id=delivery_id,
            event_id=event_id,
            event_type=event_type,
        )


        webhook_test_queued.additional_properties = d
        return webhook_test_queued

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
