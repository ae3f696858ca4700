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
  from ..models.event_out_after_type_0 import EventOutAfterType0
  from ..models.event_out_before_type_0 import EventOutBeforeType0





T = TypeVar("T", bound="EventOut")



@_attrs_define
class EventOut:
    """ 
        Example:
            {'actor_api_key_id': None, 'actor_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'actor_role': 'agent', 'after':
                {'status': 'acknowledged'}, 'at': '2027-01-05T08:31:05Z', 'before': {'status': 'new'}, 'channel': 'portal',
                'id': '0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7', 'kind': 'state_changed', 'reason': None, 'ticket_id':
                '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51'}

        Attributes:
            actor_api_key_id (None | UUID):
            actor_id (None | UUID):
            actor_role (str):
            after (EventOutAfterType0 | None):
            at (datetime.datetime):
            before (EventOutBeforeType0 | None):
            channel (str):
            id (UUID):
            kind (str):
            reason (None | str):
            ticket_id (UUID):
     """

    actor_api_key_id: None | UUID
    actor_id: None | UUID
    actor_role: str
    after: EventOutAfterType0 | None
    at: datetime.datetime
    before: EventOutBeforeType0 | None
    channel: str
    id: UUID
    kind: str
    reason: None | str
    ticket_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_out_after_type_0 import EventOutAfterType0 # noqa: PLC0415
        from ..models.event_out_before_type_0 import EventOutBeforeType0 # noqa: PLC0415
        actor_api_key_id: None | str
        if isinstance(self.actor_api_key_id, UUID):
            actor_api_key_id = str(self.actor_api_key_id)
        else:
            actor_api_key_id = self.actor_api_key_id

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_role = self.actor_role

        after: dict[str, Any] | None
        if isinstance(self.after, EventOutAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        at = self.at.isoformat()

        before: dict[str, Any] | None
        if isinstance(self.before, EventOutBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        channel = self.channel

        id = str(self.id)

        kind = self.kind

        reason: None | str
        reason = self.reason

        ticket_id = str(self.ticket_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor_api_key_id": actor_api_key_id,
            "actor_id": actor_id,
            "actor_role": actor_role,
            "after": after,
            "at": at,
            "before": before,
            "channel": channel,
            "id": id,
            "kind": kind,
            "reason": reason,
            "ticket_id": ticket_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_out_after_type_0 import EventOutAfterType0 # noqa: PLC0415
        from ..models.event_out_before_type_0 import EventOutBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_actor_api_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_api_key_id_type_0 = UUID(data)



                return actor_api_key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_api_key_id = _parse_actor_api_key_id(d.pop("actor_api_key_id"))


        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)



                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        actor_role = d.pop("actor_role")

        def _parse_after(data: object) -> EventOutAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = EventOutAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventOutAfterType0 | None, data)

        after = _parse_after(d.pop("after"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_before(data: object) -> EventOutBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = EventOutBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventOutBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))


        channel = d.pop("channel")

        id = UUID(d.pop("id"))




        kind = d.pop("kind")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        ticket_id = UUID(d.pop("ticket_id"))




        event_out = cls(
            actor_api_key_id=actor_api_key_id,
            actor_id=actor_id,
            actor_role=actor_role,
            after=after,
            at=at,
            before=before,
            channel=channel,
            id=id,
            kind=kind,
            reason=reason,
            ticket_id=ticket_id,
        )


        event_out.additional_properties = d
        return event_out

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
