from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="WebhookDeliveryOut")



@_attrs_define
class WebhookDeliveryOut:
    """ One delivery attempt. Retries of one event share `delivery_id`.

        Example:
            {'attempt': 1, 'attempted_at': '2027-01-05T08:31:06Z', 'delivery_id': '0190c3d2-9a70-75e5-8af7-f8192a3b4c5d',
                'duration_ms': 184, 'error': None, 'event_id': '0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7', 'event_type':
                'ticket.state_changed', 'id': '0190c3d2-9a71-75e6-9bf8-08192a3b4c5d', 'status_code': 200, 'succeeded': True}

        Attributes:
            attempt (int):
            attempted_at (datetime.datetime):
            delivery_id (UUID): Sent as `webhook-id`
            duration_ms (int):
            error (None | str):
            event_id (UUID):
            event_type (str): An event type, or `webhook.test` for a ping
            id (UUID):
            status_code (int | None): The receiver's HTTP status; null if none
            succeeded (bool):
     """

    attempt: int
    attempted_at: datetime.datetime
    delivery_id: UUID
    duration_ms: int
    error: None | str
    event_id: UUID
    event_type: str
    id: UUID
    status_code: int | None
    succeeded: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        attempted_at = self.attempted_at.isoformat()

        delivery_id = str(self.delivery_id)

        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        event_id = str(self.event_id)

        event_type = self.event_type

        id = str(self.id)

        status_code: int | None
        status_code = self.status_code

        succeeded = self.succeeded


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt": attempt,
            "attempted_at": attempted_at,
            "delivery_id": delivery_id,
            "duration_ms": duration_ms,
            "error": error,
            "event_id": event_id,
            "event_type": event_type,
            "id": id,
            "status_code": status_code,
            "succeeded": succeeded,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        attempted_at = datetime.datetime.fromisoformat(d.pop("attempted_at"))




        delivery_id = UUID(d.pop("delivery_id"))




        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        event_id = UUID(d.pop("event_id"))




        event_type = d.pop("event_type")

        id = UUID(d.pop("id"))




        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))


        succeeded = d.pop("succeeded")

        webhook_delivery_out = cls(
            attempt=attempt,
            attempted_at=attempted_at,
            delivery_id=delivery_id,
            duration_ms=duration_ms,
            error=error,
            event_id=event_id,
            event_type=event_type,
            id=id,
            status_code=status_code,
            succeeded=succeeded,
        )


        webhook_delivery_out.additional_properties = d
        return webhook_delivery_out

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
