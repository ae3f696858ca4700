from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.severity_change_kind import SeverityChangeKind
from ..models.severity_change_status import SeverityChangeStatus
from ..models.side import Side
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SeverityChangeOut")



@_attrs_define
class SeverityChangeOut:
    """ 
        Example:
            {'answer_reason': None, 'answered_at': None, 'answered_by': None, 'created_at': '2027-01-05T09:00:00Z',
                'decided_at': None, 'decided_by': None, 'decided_level': None, 'decision_reason': None, 'from_level': 2, 'id':
                '0190c3d2-8e51-73c4-9fd6-e6f708192a3b', 'kind': 'proposal', 'proposed_by':
                '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'proposed_side': 'staff', 'reason': 'Only one extension is affected; a
                workaround exists.', 'status': 'pending', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'to_level': 3}

        Attributes:
            answer_reason (None | str):
            answered_at (datetime.datetime | None):
            answered_by (None | UUID):
            created_at (datetime.datetime):
            decided_at (datetime.datetime | None):
            decided_by (None | UUID):
            decided_level (int | None):
            decision_reason (None | str):
            from_level (int):
            id (UUID):
            kind (SeverityChangeKind):
            proposed_by (None | UUID):
            proposed_side (Side):
            reason (str):
            status (SeverityChangeStatus):
            ticket_id (UUID):
            to_level (int):
     """

    answer_reason: None | str
    answered_at: datetime.datetime | None
    answered_by: None | UUID
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    decided_by: None | UUID
    decided_level: int | None
    decision_reason: None | str
    from_level: int
    id: UUID
    kind: SeverityChangeKind
    proposed_by: None | UUID
    proposed_side: Side
    reason: str
    status: SeverityChangeStatus
    ticket_id: UUID
    to_level: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answer_reason: None | str
        answer_reason = self.answer_reason

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        answered_by: None | str
        if isinstance(self.answered_by, UUID):
            answered_by = str(self.answered_by)
        else:
            answered_by = self.answered_by

        created_at = self.created_at.isoformat()

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

        decided_level: int | None
        decided_level = self.decided_level

        decision_reason: None | str
        decision_reason = self.decision_reason

        from_level = self.from_level

        id = str(self.id)

        kind = self.kind.value

        proposed_by: None | str
        if isinstance(self.proposed_by, UUID):
            proposed_by = str(self.proposed_by)
        else:
            proposed_by = self.proposed_by

        proposed_side = self.proposed_side.value

        reason = self.reason

        status = self.status.value

        ticket_id = str(self.ticket_id)

        to_level = self.to_level


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer_reason": answer_reason,
            "answered_at": answered_at,
            "answered_by": answered_by,
            "created_at": created_at,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "decided_level": decided_level,
            "decision_reason": decision_reason,
            "from_level": from_level,
            "id": id,
            "kind": kind,
            "proposed_by": proposed_by,
            "proposed_side": proposed_side,
            "reason": reason,
            "status": status,
            "ticket_id": ticket_id,
            "to_level": to_level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_answer_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer_reason = _parse_answer_reason(d.pop("answer_reason"))


        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)



                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))


        def _parse_answered_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_by_type_0 = UUID(data)



                return answered_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        answered_by = _parse_answered_by(d.pop("answered_by"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




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


        def _parse_decided_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decided_level = _parse_decided_level(d.pop("decided_level"))


        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))


        from_level = d.pop("from_level")

        id = UUID(d.pop("id"))




        kind = SeverityChangeKind(d.pop("kind"))




        def _parse_proposed_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_by_type_0 = UUID(data)



                return proposed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        proposed_by = _parse_proposed_by(d.pop("proposed_by"))


        proposed_side = Side(d.pop("proposed_side"))




        reason = d.pop("reason")

        status = SeverityChangeStatus(d.pop("status"))




        ticket_id = UUID(d.pop("ticket_id"))




        to_level = d.pop("to_level")

        severity_change_out = cls(
            answer_reason=answer_reason,
            answered_at=answered_at,
            answered_by=answered_by,
            created_at=created_at,
            decided_at=decided_at,
            decided_by=decided_by,
            decided_level=decided_level,
            decision_reason=decision_reason,
            from_level=from_level,
            id=id,
            kind=kind,
            proposed_by=proposed_by,
            proposed_side=proposed_side,
            reason=reason,
            status=status,
            ticket_id=ticket_id,
            to_level=to_level,
        )


        severity_change_out.additional_properties = d
        return severity_change_out

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
