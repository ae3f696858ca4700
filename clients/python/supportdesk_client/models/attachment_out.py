from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.visibility import Visibility
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="AttachmentOut")



@_attrs_define
class AttachmentOut:
    """ 
        Example:
            {'content_type': 'application/vnd.tcpdump.pcap', 'created_at': '2027-01-05T08:20:11Z', 'filename': 'sip-
                trace.pcap', 'id': '0190c3d2-8c31-71a2-9db4-c4d5e6f70819', 'sha256':
                '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'size': 482113, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'uploaded_by': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'uploaded_role':
                'customer_user', 'visibility': 'public'}

        Attributes:
            content_type (str): Sniffed from the content, never taken from the client
            created_at (datetime.datetime):
            filename (str): The sanitised name
            id (UUID):
            sha256 (str):
            size (int): Bytes
            ticket_id (UUID):
            uploaded_by (None | UUID):
            uploaded_role (str):
            visibility (Visibility):
     """

    content_type: str
    created_at: datetime.datetime
    filename: str
    id: UUID
    sha256: str
    size: int
    ticket_id: UUID
    uploaded_by: None | UUID
    uploaded_role: str
    visibility: Visibility
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        filename = self.filename

        id = str(self.id)

        sha256 = self.sha256

        size = self.size

        ticket_id = str(self.ticket_id)

        uploaded_by: None | str
        if isinstance(self.uploaded_by, UUID):
            uploaded_by = str(self.uploaded_by)
        else:
            uploaded_by = self.uploaded_by

        uploaded_role = self.uploaded_role

        visibility = self.visibility.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_type": content_type,
            "created_at": created_at,
            "filename": filename,
            "id": id,
            "sha256": sha256,
            "size": size,
            "ticket_id": ticket_id,
            "uploaded_by": uploaded_by,
            "uploaded_role": uploaded_role,
            "visibility": visibility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        filename = d.pop("filename")

        id = UUID(d.pop("id"))




        sha256 = d.pop("sha256")

        size = d.pop("size")

        ticket_id = UUID(d.pop("ticket_id"))




        def _parse_uploaded_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uploaded_by_type_0 = UUID(data)



                return uploaded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))


        uploaded_role = d.pop("uploaded_role")

        visibility = Visibility(d.pop("visibility"))




        attachment_out = cls(
            content_type=content_type,
            created_at=created_at,
            filename=filename,
            id=id,
            sha256=sha256,
            size=size,
            ticket_id=ticket_id,
            uploaded_by=uploaded_by,
            uploaded_role=uploaded_role,
            visibility=visibility,
        )


        attachment_out.additional_properties = d
        return attachment_out

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
