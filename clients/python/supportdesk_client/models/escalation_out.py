from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.escalation_state import EscalationState
from ..models.reason import Reason
from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.contact_out import ContactOut





T = TypeVar("T", bound="EscalationOut")



@_attrs_define
class EscalationOut:
    """ 
        Example:
            {'acknowledge_breached': False, 'acknowledge_due_at': '2027-01-05T11:50:00Z', 'acknowledged_at':
                '2027-01-05T11:34:12Z', 'acknowledged_by': '0190c3d2-7030-7c5d-8e6f-70819a2b3c4d', 'addressed_role':
                'regional_ops_manager', 'automatic': False, 'business_impact': 'All outbound PSTN calls of our 400 agents fail;
                the call centre is idle.', 'contacts': [{'email': 'minh@vendor.com', 'name': 'Minh Tran', 'phone': '+84 28 1234
                5678'}], 'created_at': '2027-01-05T11:20:00Z', 'created_by': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b',
                'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'id': '0190c3d2-8f61-74d5-8ae7-f708192a3b4c', 'level': 1,
                'progress_to_date': 'Workaround via the backup trunk failed twice; no answer for 3 hours.', 'reason':
                'inadequate_solution', 'related_cases': ['SD-2027-000117'], 'resolution': None, 'resolved_at': None,
                'resolved_by': None, 'state': 'acknowledged', 'ticket_id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51', 'updated_at':
                '2027-01-05T11:34:12Z'}

        Attributes:
            acknowledge_breached (bool): Acknowledged late, or still unacknowledged past `acknowledge_due_at`
            acknowledge_due_at (datetime.datetime): The escalation's acknowledgement target
            acknowledged_at (datetime.datetime | None):
            acknowledged_by (None | UUID):
            addressed_role (Role):
            automatic (bool): Opened by the service (SLA breach, severity dispute)
            business_impact (str):
            contacts (list[ContactOut]): The level's named contacts, when opened
            created_at (datetime.datetime):
            created_by (None | UUID):
            customer_id (UUID):
            id (UUID):
            level (int): The level of the contract's escalation chain addressed
            progress_to_date (str):
            reason (Reason): Why a customer (or the monitor) escalates (SPEC 5).
            related_cases (list[str]):
            resolution (None | str):
            resolved_at (datetime.datetime | None):
            resolved_by (None | UUID):
            state (EscalationState):
            ticket_id (UUID):
            updated_at (datetime.datetime): When it was opened, acknowledged or resolved: the latest
     """

    acknowledge_breached: bool
    acknowledge_due_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | UUID
    addressed_role: Role
    automatic: bool
    business_impact: str
    contacts: list[ContactOut]
    created_at: datetime.datetime
    created_by: None | UUID
    customer_id: UUID
    id: UUID
    level: int
    progress_to_date: str
    reason: Reason
    related_cases: list[str]
    resolution: None | str
    resolved_at: datetime.datetime | None
    resolved_by: None | UUID
    state: EscalationState
    ticket_id: UUID
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_out import ContactOut # noqa: PLC0415
        acknowledge_breached = self.acknowledge_breached

        acknowledge_due_at = self.acknowledge_due_at.isoformat()

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        if isinstance(self.acknowledged_by, UUID):
            acknowledged_by = str(self.acknowledged_by)
        else:
            acknowledged_by = self.acknowledged_by

        addressed_role = self.addressed_role.value

        automatic = self.automatic

        business_impact = self.business_impact

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)



        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        customer_id = str(self.customer_id)

        id = str(self.id)

        level = self.level

        progress_to_date = self.progress_to_date

        reason = self.reason.value

        related_cases = self.related_cases



        resolution: None | str
        resolution = self.resolution

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        if isinstance(self.resolved_by, UUID):
            resolved_by = str(self.resolved_by)
        else:
            resolved_by = self.resolved_by

        state = self.state.value

        ticket_id = str(self.ticket_id)

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acknowledge_breached": acknowledge_breached,
            "acknowledge_due_at": acknowledge_due_at,
            "acknowledged_at": acknowledged_at,
            "acknowledged_by": acknowledged_by,
            "addressed_role": addressed_role,
            "automatic": automatic,
            "business_impact": business_impact,
            "contacts": contacts,
            "created_at": created_at,
            "created_by": created_by,
            "customer_id": customer_id,
            "id": id,
            "level": level,
            "progress_to_date": progress_to_date,
            "reason": reason,
            "related_cases": related_cases,
            "resolution": resolution,
            "resolved_at": resolved_at,
            "resolved_by": resolved_by,
            "state": state,
            "ticket_id": ticket_id,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_out import ContactOut # noqa: PLC0415
        d = dict(src_dict)
        acknowledge_breached = d.pop("acknowledge_breached")

        acknowledge_due_at = datetime.datetime.fromisoformat(d.pop("acknowledge_due_at"))




        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)



                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))


        def _parse_acknowledged_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_by_type_0 = UUID(data)



                return acknowledged_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))


        addressed_role = Role(d.pop("addressed_role"))




        automatic = d.pop("automatic")

        business_impact = d.pop("business_impact")

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in (_contacts):
            contacts_item = ContactOut.from_dict(contacts_item_data)



            contacts.append(contacts_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)



                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))


        customer_id = UUID(d.pop("customer_id"))




        id = UUID(d.pop("id"))




        level = d.pop("level")

        progress_to_date = d.pop("progress_to_date")

        reason = Reason(d.pop("reason"))




        related_cases = cast(list[str], d.pop("related_cases"))


        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))


        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        def _parse_resolved_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_by_type_0 = UUID(data)



                return resolved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))


        state = EscalationState(d.pop("state"))




        ticket_id = UUID(d.pop("ticket_id"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        escalation_out = cls(
            acknowledge_breached=acknowledge_breached,
            acknowledge_due_at=acknowledge_due_at,
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            addressed_role=addressed_role,
            automatic=automatic,
            business_impact=business_impact,
            contacts=contacts,
            created_at=created_at,
            created_by=created_by,
            customer_id=customer_id,
            id=id,
            level=level,
            progress_to_date=progress_to_date,
            reason=reason,
            related_cases=related_cases,
            resolution=resolution,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            state=state,
            ticket_id=ticket_id,
            updated_at=updated_at,
        )


        escalation_out.additional_properties = d
        return escalation_out

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
