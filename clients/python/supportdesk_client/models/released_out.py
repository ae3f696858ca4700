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
        Attributes:
            mail (QuarantinedMailOut):
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
