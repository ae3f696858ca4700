from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quarantine_state import QuarantineState
from ..models.quarantined_mail_detail_reason import QuarantinedMailDetailReason
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.mail_attachment_out import MailAttachmentOut





T = TypeVar("T", bound="QuarantinedMailDetail")



@_attrs_define
class QuarantinedMailDetail:
    """ 
        Example:
            {'attachments': [{'content_type': 'image/png', 'filename': 'alarm.png', 'size': 48213}], 'customer_id': None,
                'decided_at': None, 'decided_by': None, 'detail': None, 'id': '0190c3d2-7c40-7d6e-9f70-819a2b3c4d5e',
                'mail_from': 'noc@unknown-carrier.example', 'message_id': '<20270105075813.4711@unknown-carrier.example>',
                'rcpt_to': ['support@vendor.com'], 'reason': 'unregistered_sender', 'received_at': '2027-01-05T07:58:13Z',
                'released_ticket_id': None, 'replied': True, 'sender': 'noc@unknown-carrier.example', 'size': 18342, 'state':
                'held', 'subject': 'Trunk 2 down since 07:40', 'text': 'Hello, trunk 2 is down since 07:40. Please call +84 28
                3822 1100.'}

        Attributes:
            attachments (list[MailAttachmentOut]):
            customer_id (None | UUID): The company whose address or domain matched, if any
            decided_at (datetime.datetime | None):
            decided_by (None | UUID):
            detail (None | str):
            id (UUID):
            mail_from (str): The envelope sender; empty for a bounce
            message_id (None | str):
            rcpt_to (list[str]):
            reason (QuarantinedMailDetailReason):
            received_at (datetime.datetime):
            released_ticket_id (None | UUID):
            replied (bool): Whether the sender was sent an explanation
            sender (str): The From header's address
            size (int): Size of the raw message in bytes
            state (QuarantineState):
            subject (str):
            text (str): The text body (HTML converted to text)
     """

    attachments: list[MailAttachmentOut]
    customer_id: None | UUID
    decided_at: datetime.datetime | None
    decided_by: None | UUID
    detail: None | str
    id: UUID
    mail_from: str
    message_id: None | str
    rcpt_to: list[str]
    reason: QuarantinedMailDetailReason
    received_at: datetime.datetime
    released_ticket_id: None | UUID
    replied: bool
    sender: str
    size: int
    state: QuarantineState
    subject: str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.mail_attachment_out import MailAttachmentOut # noqa: PLC0415
        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)



        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        if isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        detail: None | str
        detail = self.detail

        id = str(self.id)

        mail_from = self.mail_from

        message_id: None | str
        message_id = self.message_id

        rcpt_to = self.rcpt_to



        reason = self.reason.value

        received_at = self.received_at.isoformat()

        released_ticket_id: None | str
        if isinstance(self.released_ticket_id, UUID):
            released_ticket_id = str(self.released_ticket_id)
        else:
            released_ticket_id = self.released_ticket_id

        replied = self.replied

        sender = self.sender

        size = self.size

        state = self.state.value

        subject = self.subject

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attachments": attachments,
            "customer_id": customer_id,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "detail": detail,
            "id": id,
            "mail_from": mail_from,
            "message_id": message_id,
            "rcpt_to": rcpt_to,
            "reason": reason,
            "received_at": received_at,
            "released_ticket_id": released_ticket_id,
            "replied": replied,
            "sender": sender,
            "size": size,
            "state": state,
            "subject": subject,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mail_attachment_out import MailAttachmentOut # noqa: PLC0415
        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in (_attachments):
            attachments_item = MailAttachmentOut.from_dict(attachments_item_data)



            attachments.append(attachments_item)


        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))


        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        def _parse_decided_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)



                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))


        id = UUID(d.pop("id"))




        mail_from = d.pop("mail_from")

        def _parse_message_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message_id = _parse_message_id(d.pop("message_id"))


        rcpt_to = cast(list[str], d.pop("rcpt_to"))


        reason = QuarantinedMailDetailReason(d.pop("reason"))




        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        def _parse_released_ticket_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_ticket_id_type_0 = UUID(data)



                return released_ticket_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        released_ticket_id = _parse_released_ticket_id(d.pop("released_ticket_id"))


        replied = d.pop("replied")

        sender = d.pop("sender")

        size = d.pop("size")

        state = QuarantineState(d.pop("state"))




        subject = d.pop("subject")

        text = d.pop("text")

        quarantined_mail_detail = cls(
            attachments=attachments,
            customer_id=customer_id,
            decided_at=decided_at,
            decided_by=decided_by,
            detail=detail,
            id=id,
            mail_from=mail_from,
            message_id=message_id,
            rcpt_to=rcpt_to,
            reason=reason,
            received_at=received_at,
            released_ticket_id=released_ticket_id,
            replied=replied,
            sender=sender,
            size=size,
            state=state,
            subject=subject,
            text=text,
        )


        quarantined_mail_detail.additional_properties = d
        return quarantined_mail_detail

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
