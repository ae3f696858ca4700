from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.change_actor import ChangeActor
  from ..models.change_out_data import ChangeOutData





T = TypeVar("T", bound="ChangeOut")



@_attrs_define
class ChangeOut:
    """ One recorded change; `id` is also its webhook's `id` and its audit event's id.

        Example:
            {'actor': {'role': 'agent', 'user_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c'}, 'customer_id':
                '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'data': {'from': 'new', 'severity': 2, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'to': 'acknowledged', 'tracking_number': 'SD-2027-000123'},
                'external_ref': 'PH-88231', 'id': '0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7', 'occurred_at': '2027-01-05T09:02:10Z',
                'seq': 1042, 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'tracking_number': 'SD-2027-000123', 'type':
                'state_changed'}

        Attributes:
            actor (ChangeActor):
            customer_id (UUID):
            data (ChangeOutData): What changed; the body its webhook carries
            external_ref (None | str): The partner's own reference, when set
            id (UUID):
            occurred_at (datetime.datetime):
            seq (int): Strictly increasing in commit order; the feed's position
            ticket_id (UUID):
            tracking_number (str):
            type_ (str): The kind of change (`created`, `state_changed`, …)
     """

    actor: ChangeActor
    customer_id: UUID
    data: ChangeOutData
    external_ref: None | str
    id: UUID
    occurred_at: datetime.datetime
    seq: int
    ticket_id: UUID
    tracking_number: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_actor import ChangeActor # noqa: PLC0415
        from ..models.change_out_data import ChangeOutData # noqa: PLC0415
        actor = self.actor.to_dict()

        customer_id = str(self.customer_id)

        data = self.data.to_dict()

        external_ref: None | str
        external_ref = self.external_ref

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        seq = self.seq

        ticket_id = str(self.ticket_id)

        tracking_number = self.tracking_number

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor": actor,
            "customer_id": customer_id,
            "data": data,
            "external_ref": external_ref,
            "id": id,
            "occurred_at": occurred_at,
            "seq": seq,
            "ticket_id": ticket_id,
            "tracking_number": tracking_number,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_actor import ChangeActor # noqa: PLC0415
        from ..models.change_out_data import ChangeOutData # noqa: PLC0415
        d = dict(src_dict)
        actor = ChangeActor.from_dict(d.pop("actor"))




        customer_id = UUID(d.pop("customer_id"))




        data = ChangeOutData.from_dict(d.pop("data"))




        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))


        id = UUID(d.pop("id"))




        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        seq = d.pop("seq")

        ticket_id = UUID(d.pop("ticket_id"))




        tracking_number = d.pop("tracking_number")

        type_ = d.pop("type")

        change_out = cls(
            actor=actor,
            customer_id=customer_id,
            data=data,
            external_ref=external_ref,
            id=id,
            occurred_at=occurred_at,
            seq=seq,
            ticket_id=ticket_id,
            tracking_number=tracking_number,
            type_=type_,
        )


        change_out.additional_properties = d
        return change_out

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
