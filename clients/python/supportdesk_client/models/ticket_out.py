from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category import Category
from ..models.channel import Channel
from ..models.outcome import Outcome
from ..models.rating import Rating
from ..models.ticket_status import TicketStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.ticket_out_facts import TicketOutFacts





T = TypeVar("T", bound="TicketOut")



@_attrs_define
class TicketOut:
    """ 
        Example:
            {'acknowledged_at': '2027-01-05T08:31:05Z', 'assignee_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'category':
                'incident', 'channel': 'portal', 'chargeable': False, 'closed_at': None, 'contract_id':
                '0190c3d2-6c30-7e40-8d61-3f4051627384', 'created_at': '2027-01-05T08:15:42Z', 'customer_id':
                '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'description': 'Since 09:10 no outbound call to PSTN numbers connects;
                internal calls work.', 'emergency': False, 'external_ref': None, 'facts': {'a_number': '+84 28 3822 1100',
                'b_number': '+84 24 3943 2000', 'failed_call_at': '2027-01-05T08:12:00Z', 'failure_reason': '503 Service
                Unavailable from the carrier', 'how_widespread': 'all_users'}, 'id': '0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51',
                'impact': None, 'operations_centre': 'HCMC', 'outcome': None, 'outcome_detail': None, 'partner_id': None,
                'patch_due_at': None, 'phone_call_at': None, 'product_area': 'SIP trunking', 'proposed_severity': 2,
                'requester_id': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'resolved_at': None, 'restored_at': None, 'severity': 2,
                'status': 'in_progress', 'subject': 'PBX – not able to dial PSTN destinations', 'tracking_number':
                'SD-2027-000123', 'updated_at': '2027-01-05T09:02:10Z', 'urgency': None, 'withdrawn_at': None}

        Attributes:
            acknowledged_at (datetime.datetime | None):
            assignee_id (None | UUID):
            category (Category):
            channel (Channel): How a customer may contact support; phone and chat only where included (SPEC 4.1.5).
            chargeable (bool):
            closed_at (datetime.datetime | None):
            contract_id (UUID):
            created_at (datetime.datetime):
            customer_id (UUID):
            description (str):
            emergency (bool):
            external_ref (None | str):
            facts (TicketOutFacts):
            id (UUID):
            impact (None | Rating):
            operations_centre (None | str):
            outcome (None | Outcome):
            outcome_detail (None | str):
            partner_id (None | UUID):
            patch_due_at (datetime.datetime | None):
            phone_call_at (datetime.datetime | None):
            product_area (None | str):
            proposed_severity (int):
            requester_id (None | UUID):
            resolved_at (datetime.datetime | None):
            restored_at (datetime.datetime | None):
            severity (int):
            status (TicketStatus): The states of a case (SPEC 4, States).
            subject (str):
            tracking_number (str):
            updated_at (datetime.datetime):
            urgency (None | Rating):
            withdrawn_at (datetime.datetime | None):
     """

    acknowledged_at: datetime.datetime | None
    assignee_id: None | UUID
    category: Category
    channel: Channel
    chargeable: bool
    closed_at: datetime.datetime | None
    contract_id: UUID
    created_at: datetime.datetime
    customer_id: UUID
    description: str
    emergency: bool
    external_ref: None | str
    facts: TicketOutFacts
    id: UUID
    impact: None | Rating
    operations_centre: None | str
    outcome: None | Outcome
    outcome_detail: None | str
    partner_id: None | UUID
    patch_due_at: datetime.datetime | None
    phone_call_at: datetime.datetime | None
    product_area: None | str
    proposed_severity: int
    requester_id: None | UUID
    resolved_at: datetime.datetime | None
    restored_at: datetime.datetime | None
    severity: int
    status: TicketStatus
    subject: str
    tracking_number: str
    updated_at: datetime.datetime
    urgency: None | Rating
    withdrawn_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_out_facts import TicketOutFacts # noqa: PLC0415
        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        assignee_id: None | str
        if isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        category = self.category.value

        channel = self.channel.value

        chargeable = self.chargeable

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        description = self.description

        emergency = self.emergency

        external_ref: None | str
        external_ref = self.external_ref

        facts = self.facts.to_dict()

        id = str(self.id)

        impact: None | str
        if isinstance(self.impact, Rating):
            impact = self.impact.value
        else:
            impact = self.impact

        operations_centre: None | str
        operations_centre = self.operations_centre

        outcome: None | str
        if isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        outcome_detail: None | str
        outcome_detail = self.outcome_detail

        partner_id: None | str
        if isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        patch_due_at: None | str
        if isinstance(self.patch_due_at, datetime.datetime):
            patch_due_at = self.patch_due_at.isoformat()
        else:
            patch_due_at = self.patch_due_at

        phone_call_at: None | str
        if isinstance(self.phone_call_at, datetime.datetime):
            phone_call_at = self.phone_call_at.isoformat()
        else:
            phone_call_at = self.phone_call_at

        product_area: None | str
        product_area = self.product_area

        proposed_severity = self.proposed_severity

        requester_id: None | str
        if isinstance(self.requester_id, UUID):
            requester_id = str(self.requester_id)
        else:
            requester_id = self.requester_id

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        restored_at: None | str
        if isinstance(self.restored_at, datetime.datetime):
            restored_at = self.restored_at.isoformat()
        else:
            restored_at = self.restored_at

        severity = self.severity

        status = self.status.value

        subject = self.subject

        tracking_number = self.tracking_number

        updated_at = self.updated_at.isoformat()

        urgency: None | str
        if isinstance(self.urgency, Rating):
            urgency = self.urgency.value
        else:
            urgency = self.urgency

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acknowledged_at": acknowledged_at,
            "assignee_id": assignee_id,
            "category": category,
            "channel": channel,
            "chargeable": chargeable,
            "closed_at": closed_at,
            "contract_id": contract_id,
            "created_at": created_at,
            "customer_id": customer_id,
            "description": description,
            "emergency": emergency,
            "external_ref": external_ref,
            "facts": facts,
            "id": id,
            "impact": impact,
            "operations_centre": operations_centre,
            "outcome": outcome,
            "outcome_detail": outcome_detail,
            "partner_id": partner_id,
            "patch_due_at": patch_due_at,
            "phone_call_at": phone_call_at,
            "product_area": product_area,
            "proposed_severity": proposed_severity,
            "requester_id": requester_id,
            "resolved_at": resolved_at,
            "restored_at": restored_at,
            "severity": severity,
            "status": status,
            "subject": subject,
            "tracking_number": tracking_number,
            "updated_at": updated_at,
            "urgency": urgency,
            "withdrawn_at": withdrawn_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket_out_facts import TicketOutFacts # noqa: PLC0415
        d = dict(src_dict)
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


        def _parse_assignee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)



                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))


        category = Category(d.pop("category"))




        channel = Channel(d.pop("channel"))




        chargeable = d.pop("chargeable")

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        contract_id = UUID(d.pop("contract_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        customer_id = UUID(d.pop("customer_id"))




        description = d.pop("description")

        emergency = d.pop("emergency")

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))


        facts = TicketOutFacts.from_dict(d.pop("facts"))




        id = UUID(d.pop("id"))




        def _parse_impact(data: object) -> None | Rating:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                impact_type_0 = Rating(data)



                return impact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rating, data)

        impact = _parse_impact(d.pop("impact"))


        def _parse_operations_centre(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        operations_centre = _parse_operations_centre(d.pop("operations_centre"))


        def _parse_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_outcome_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_detail = _parse_outcome_detail(d.pop("outcome_detail"))


        def _parse_partner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)



                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        partner_id = _parse_partner_id(d.pop("partner_id"))


        def _parse_patch_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patch_due_at_type_0 = datetime.datetime.fromisoformat(data)



                return patch_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        patch_due_at = _parse_patch_due_at(d.pop("patch_due_at"))


        def _parse_phone_call_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phone_call_at_type_0 = datetime.datetime.fromisoformat(data)



                return phone_call_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        phone_call_at = _parse_phone_call_at(d.pop("phone_call_at"))


        def _parse_product_area(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        product_area = _parse_product_area(d.pop("product_area"))


        proposed_severity = d.pop("proposed_severity")

        def _parse_requester_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requester_id_type_0 = UUID(data)



                return requester_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        requester_id = _parse_requester_id(d.pop("requester_id"))


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


        def _parse_restored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restored_at_type_0 = datetime.datetime.fromisoformat(data)



                return restored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        restored_at = _parse_restored_at(d.pop("restored_at"))


        severity = d.pop("severity")

        status = TicketStatus(d.pop("status"))




        subject = d.pop("subject")

        tracking_number = d.pop("tracking_number")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_urgency(data: object) -> None | Rating:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                urgency_type_0 = Rating(data)



                return urgency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rating, data)

        urgency = _parse_urgency(d.pop("urgency"))


        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)



                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))


        ticket_out = cls(
            acknowledged_at=acknowledged_at,
            assignee_id=assignee_id,
            category=category,
            channel=channel,
            chargeable=chargeable,
            closed_at=closed_at,
            contract_id=contract_id,
            created_at=created_at,
            customer_id=customer_id,
            description=description,
            emergency=emergency,
            external_ref=external_ref,
            facts=facts,
            id=id,
            impact=impact,
            operations_centre=operations_centre,
            outcome=outcome,
            outcome_detail=outcome_detail,
            partner_id=partner_id,
            patch_due_at=patch_due_at,
            phone_call_at=phone_call_at,
            product_area=product_area,
            proposed_severity=proposed_severity,
            requester_id=requester_id,
            resolved_at=resolved_at,
            restored_at=restored_at,
            severity=severity,
            status=status,
            subject=subject,
            tracking_number=tracking_number,
            updated_at=updated_at,
            urgency=urgency,
            withdrawn_at=withdrawn_at,
        )


        ticket_out.additional_properties = d
        return ticket_out

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
