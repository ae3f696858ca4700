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






T = TypeVar("T", bound="CommentOut")



@_attrs_define
class CommentOut:
    """ 
        Example:
            {'author_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'author_role': 'agent', 'body': 'We reproduced the failure
                on trunk 2 and are checking the carrier.', 'channel': 'portal', 'created_at': '2027-01-05T08:52:30Z', 'id':
                '0190c3d2-8b21-7091-8ca3-b3c4d5e6f708', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'visibility':
                'public'}

        Attributes:
            author_id (None | UUID):
            author_role (str):
            body (str):
            channel (str):
            created_at (datetime.datetime):
            id (UUID):
            ticket_id (UUID):
            visibility (Visibility):
     """

    author_id: None | UUID
    author_role: str
    body: str
    channel: str
    created_at: datetime.datetime
    id: UUID
    ticket_id: UUID
    visibility: Visibility
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        author_id: None | str
        if isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        author_role = self.author_role

        body = self.body

        channel = self.channel

        created_at = self.created_at.isoformat()

        id = str(self.id)

        ticket_id = str(self.ticket_id)

        visibility = self.visibility.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "author_id": author_id,
            "author_role": author_role,
            "body": body,
            "channel": channel,
            "created_at": created_at,
            "id": id,
            "ticket_id": ticket_id,
            "visibility": visibility,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_author_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)



                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_id = _parse_author_id(d.pop("author_id"))


        author_role = d.pop("author_role")

        body = d.pop("body")

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        ticket_id = UUID(d.pop("ticket_id"))




        visibility = Visibility(d.pop("visibility"))




        comment_out = cls(
            author_id=author_id,
            author_role=author_role,
            body=body,
            channel=channel,
            created_at=created_at,
            id=id,
            ticket_id=ticket_id,
            visibility=visibility,
        )


        comment_out.additional_properties = d
        return comment_out

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
