from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.clock_out import ClockOut





T = TypeVar("T", bound="TicketSlaOut")



@_attrs_define
class TicketSlaOut:
    """ 
        Example:
            {'calendar_version_id': '0190c3d2-6d41-7a11-8b22-5c6d7e8f9012', 'clocks': [{'breached_at': None, 'clock':
                'continuous', 'counted_seconds': 923, 'due_at': '2027-01-05T08:45:42Z', 'from_phone_call': False, 'metric':
                'reaction', 'minutes': 30, 'not_applicable_at': None, 'pauses': [], 'remaining_seconds': None, 'started_at':
                '2027-01-05T08:15:42Z', 'state': 'met', 'stopped_at': '2027-01-05T08:31:05Z', 'warn_at':
                '2027-01-05T08:39:42Z'}, {'breached_at': None, 'clock': 'continuous', 'counted_seconds': 2788, 'due_at':
                '2027-01-05T12:15:42Z', 'from_phone_call': False, 'metric': 'restore', 'minutes': 240, 'not_applicable_at':
                None, 'pauses': [], 'remaining_seconds': 11612, 'started_at': '2027-01-05T08:15:42Z', 'state': 'running',
                'stopped_at': None, 'warn_at': '2027-01-05T11:27:42Z'}, {'breached_at': None, 'clock': 'business',
                'counted_seconds': 2788, 'due_at': '2027-01-19T08:15:42Z', 'from_phone_call': False, 'metric': 'resolution',
                'minutes': 4800, 'not_applicable_at': None, 'pauses': [], 'remaining_seconds': 285212, 'started_at':
                '2027-01-05T08:15:42Z', 'state': 'running', 'stopped_at': None, 'warn_at': '2027-01-16T08:15:42Z'},
                {'breached_at': None, 'clock': 'continuous', 'counted_seconds': 1865, 'due_at': '2027-01-05T10:31:05Z',
                'from_phone_call': False, 'metric': 'update', 'minutes': 120, 'not_applicable_at': None, 'pauses': [],
                'remaining_seconds': 5335, 'started_at': '2027-01-05T08:31:05Z', 'state': 'running', 'stopped_at': None,
                'warn_at': '2027-01-05T10:07:05Z'}], 'policy_version_id': '0190c3d2-6e51-7b22-9c33-6d7e8f901234', 'severity': 2,
                'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51'}

        Attributes:
            calendar_version_id (UUID):
            clocks (list[ClockOut]):
            policy_version_id (UUID):
            severity (int):
            ticket_id (UUID):
     """

    calendar_version_id: UUID
    clocks: list[ClockOut]
    policy_version_id: UUID
    severity: int
    ticket_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.clock_out import ClockOut # noqa: PLC0415
        calendar_version_id = str(self.calendar_version_id)

        clocks = []
        for clocks_item_data in self.clocks:
            clocks_item = clocks_item_data.to_dict()
            clocks.append(clocks_item)



        policy_version_id = str(self.policy_version_id)

        severity = self.severity

        ticket_id = str(self.ticket_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar_version_id": calendar_version_id,
            "clocks": clocks,
            "policy_version_id": policy_version_id,
            "severity": severity,
            "ticket_id": ticket_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clock_out import ClockOut # noqa: PLC0415
        d = dict(src_dict)
        calendar_version_id = UUID(d.pop("calendar_version_id"))




        clocks = []
        _clocks = d.pop("clocks")
        for clocks_item_data in (_clocks):
            clocks_item = ClockOut.from_dict(clocks_item_data)



            clocks.append(clocks_item)


        policy_version_id = UUID(d.pop("policy_version_id"))




        severity = d.pop("severity")

        ticket_id = UUID(d.pop("ticket_id"))




        ticket_sla_out = cls(
            calendar_version_id=calendar_version_id,
            clocks=clocks,
            policy_version_id=policy_version_id,
            severity=severity,
            ticket_id=ticket_id,
        )


        ticket_sla_out.additional_properties = d
        return ticket_sla_out

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
