from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.quarantined_mail_out import QuarantinedMailOut





T = TypeVar("T", bound="ReleasedOut")



@_attrs_define
class ReleasedOut:
    """ 
        Example:
            {'mail': {'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'decided_at': '2027-01-05T08:10:00Z',
                'decided_by': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'detail': None, 'id':
                '0190c3d2-7c40-7d6e-9f70-819a2b3c4d5e', 'mail_from': 'noc@unknown-carrier.example', 'message_id':
                '<20270105075813.4711@unknown-carrier.example>', 'rcpt_to': ['support@vendor.com'], 'reason':
                'unregistered_sender', 'received_at': '2027-01-05T07:58:13Z', 'released_ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'replied': True, 'sender': 'noc@unknown-carrier.example', 'size': 18342,
                'state': 'released', 'subject': 'Trunk 2 down since 07:40'}, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'tracking_number': 'SD-2027-000123'}

        Attributes:
            mail (QuarantinedMailOut):  Example: {'customer_id': None, 'decided_at': None, 'decided_by': None, 'detail':
                None, 'id': '0190c3d2-7c40-7d6e-9f70-819a2b3c4d5e', 'mail_from': 'noc@unknown-carrier.example', 'message_id':
                '<20270105075813.4711@unknown-carrier.example>', 'rcpt_to': ['support@vendor.com'], 'reason':
                'unregistered_sender', 'received_at': '2027-01-05T07:58:13Z', 'released_ticket_id': None, 'replied': True,
                'sender': 'noc@unknown-carrier.example', 'size': 18342, 'state': 'held', 'subject': 'Trunk 2 down since 07:40'}.
            ticket_id (UUID):
            tracking_number (str):
     """

    mail: QuarantinedMailOut
    ticket_id: UUID
    tracking_number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quarantined_mail_out import QuarantinedMailOut # noqa: PLC0415
        mail = self.mail.to_dict()

        ticket_id = str(self.ticket_id)

        tracking_number = self.tracking_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mail": mail,
            "ticket_id": ticket_id,
            "tracking_number": tracking_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quarantined_mail_out import QuarantinedMailOut # noqa: PLC0415
        d = dict(src_dict)
        mail = QuarantinedMailOut.from_dict(d.pop("mail"))




        ticket_id = UUID(d.pop("ticket_id"))




        tracking_number = d.pop("tracking_number")

        released_out = cls(
            mail=mail,
            ticket_id=ticket_id,
            tracking_number=tracking_number,
        )


        released_out.additional_properties = d
        return released_out

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
