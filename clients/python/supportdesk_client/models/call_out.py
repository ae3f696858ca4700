from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CallOut")



@_attrs_define
class CallOut:
    """ 
        Example:
            {'agent_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'called_at': '2027-01-05T08:25:00Z', 'caller_id':
                '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'id': '0190c3d2-8d41-72b3-8ec5-d5e6f708192a', 'notes': 'Caller confirms
                all PSTN calls fail since 09:10 local time.', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51'}

        Attributes:
            agent_id (None | UUID):
            called_at (datetime.datetime):
            caller_id (UUID):
            id (UUID):
            notes (str):
            ticket_id (UUID):
     """

    agent_id: None | UUID
    called_at: datetime.datetime
    caller_id: UUID
    id: UUID
    notes: str
    ticket_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        agent_id: None | str
        if isinstance(self.agent_id, UUID):
            agent_id = str(self.agent_id)
        else:
            agent_id = self.agent_id

        called_at = self.called_at.isoformat()

        caller_id = str(self.caller_id)

        id = str(self.id)

        notes = self.notes

        ticket_id = str(self.ticket_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "agent_id": agent_id,
            "called_at": called_at,
            "caller_id": caller_id,
            "id": id,
            "notes": notes,
            "ticket_id": ticket_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_agent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agent_id_type_0 = UUID(data)



                return agent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))


        called_at = datetime.datetime.fromisoformat(d.pop("called_at"))




        caller_id = UUID(d.pop("caller_id"))




        id = UUID(d.pop("id"))




        notes = d.pop("notes")

        ticket_id = UUID(d.pop("ticket_id"))




        call_out = cls(
            agent_id=agent_id,
            called_at=called_at,
            caller_id=caller_id,
            id=id,
            notes=notes,
            ticket_id=ticket_id,
        )


        call_out.additional_properties = d
        return call_out

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
