from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.fact import Fact
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.escalation_level_doc import EscalationLevelDoc





T = TypeVar("T", bound="ContractOut")



@_attrs_define
class ContractOut:
    """ 
        Example:
            {'auto_close_days': 7, 'calendar_id': '0190c3d2-6d40-7f51-9e72-405162738495', 'channels': ['portal', 'email',
                'phone'], 'created_at': '2026-12-15T03:00:00Z', 'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162',
                'description': '24/7 hotline for class 1 and 2 faults.', 'emergency_address': 'noc@acme.vn', 'escalation_chain':
                [{'contacts': [{'email': 'minh@vendor.com', 'name': 'Minh Tran', 'phone': '+84 28 1234 5678'}], 'level': 1,
                'mailbox': 'escalation-apac@vendor.com', 'role': 'regional_ops_manager', 'title': 'Regional Operations Manager
                APAC'}, {'contacts': [{'email': 'eva.keller@vendor.com', 'name': 'Eva Keller'}], 'level': 2, 'mailbox': None,
                'role': 'director', 'title': None}], 'id': '0190c3d2-6c30-7e40-8d61-3f4051627384', 'on_call_address':
                'oncall@vendor.com', 'reopen_window_days': 14, 'required_facts': ['a_number', 'b_number', 'failed_call_at',
                'failure_reason'], 'sla_policy_id': '0190c3d2-6e50-7062-8f83-5162738495a6', 'support_level': 'Premium',
                'update_interval_minutes': 120, 'updated_at': '2026-12-15T03:00:00Z', 'valid_from': '2026-12-31T17:00:00Z',
                'valid_to': None}

        Attributes:
            auto_close_days (int):
            calendar_id (UUID):
            channels (list[Channel]):
            created_at (datetime.datetime):
            customer_id (UUID):
            description (str):
            emergency_address (None | str):
            escalation_chain (list[EscalationLevelDoc]):
            id (UUID):
            on_call_address (None | str):
            reopen_window_days (int):
            required_facts (list[Fact]): The facts every incident under this contract must state (a portal builds its form
                from this list); a case that says it is not about calls (`about_calls: false`) is exempt
            sla_policy_id (UUID):
            support_level (str):
            update_interval_minutes (int | None):
            updated_at (datetime.datetime):
            valid_from (datetime.datetime):
            valid_to (datetime.datetime | None):
     """

    auto_close_days: int
    calendar_id: UUID
    channels: list[Channel]
    created_at: datetime.datetime
    customer_id: UUID
    description: str
    emergency_address: None | str
    escalation_chain: list[EscalationLevelDoc]
    id: UUID
    on_call_address: None | str
    reopen_window_days: int
    required_facts: list[Fact]
    sla_policy_id: UUID
    support_level: str
    update_interval_minutes: int | None
    updated_at: datetime.datetime
    valid_from: datetime.datetime
    valid_to: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        auto_close_days = self.auto_close_days

        calendar_id = str(self.calendar_id)

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        description = self.description

        emergency_address: None | str
        emergency_address = self.emergency_address

        escalation_chain = []
        for escalation_chain_item_data in self.escalation_chain:
            escalation_chain_item = escalation_chain_item_data.to_dict()
            escalation_chain.append(escalation_chain_item)



        id = str(self.id)

        on_call_address: None | str
        on_call_address = self.on_call_address

        reopen_window_days = self.reopen_window_days

        required_facts = []
        for required_facts_item_data in self.required_facts:
            required_facts_item = required_facts_item_data.value
            required_facts.append(required_facts_item)



        sla_policy_id = str(self.sla_policy_id)

        support_level = self.support_level

        update_interval_minutes: int | None
        update_interval_minutes = self.update_interval_minutes

        updated_at = self.updated_at.isoformat()

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.datetime):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "auto_close_days": auto_close_days,
            "calendar_id": calendar_id,
            "channels": channels,
            "created_at": created_at,
            "customer_id": customer_id,
            "description": description,
            "emergency_address": emergency_address,
            "escalation_chain": escalation_chain,
            "id": id,
            "on_call_address": on_call_address,
            "reopen_window_days": reopen_window_days,
            "required_facts": required_facts,
            "sla_policy_id": sla_policy_id,
            "support_level": support_level,
            "update_interval_minutes": update_interval_minutes,
            "updated_at": updated_at,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        d = dict(src_dict)
        auto_close_days = d.pop("auto_close_days")

        calendar_id = UUID(d.pop("calendar_id"))




        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = Channel(channels_item_data)



            channels.append(channels_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        customer_id = UUID(d.pop("customer_id"))




        description = d.pop("description")

        def _parse_emergency_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_address = _parse_emergency_address(d.pop("emergency_address"))


        escalation_chain = []
        _escalation_chain = d.pop("escalation_chain")
        for escalation_chain_item_data in (_escalation_chain):
            escalation_chain_item = EscalationLevelDoc.from_dict(escalation_chain_item_data)



            escalation_chain.append(escalation_chain_item)


        id = UUID(d.pop("id"))




        def _parse_on_call_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_call_address = _parse_on_call_address(d.pop("on_call_address"))


        reopen_window_days = d.pop("reopen_window_days")

        required_facts = []
        _required_facts = d.pop("required_facts")
        for required_facts_item_data in (_required_facts):
            required_facts_item = Fact(required_facts_item_data)



            required_facts.append(required_facts_item)


        sla_policy_id = UUID(d.pop("sla_policy_id"))




        support_level = d.pop("support_level")

        def _parse_update_interval_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        update_interval_minutes = _parse_update_interval_minutes(d.pop("update_interval_minutes"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        valid_from = datetime.datetime.fromisoformat(d.pop("valid_from"))




        def _parse_valid_to(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.datetime.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))


        contract_out = cls(
            auto_close_days=auto_close_days,
            calendar_id=calendar_id,
            channels=channels,
            created_at=created_at,
            customer_id=customer_id,
            description=description,
            emergency_address=emergency_address,
            escalation_chain=escalation_chain,
            id=id,
            on_call_address=on_call_address,
            reopen_window_days=reopen_window_days,
            required_facts=required_facts,
            sla_policy_id=sla_policy_id,
            support_level=support_level,
            update_interval_minutes=update_interval_minutes,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_to=valid_to,
        )


        contract_out.additional_properties = d
        return contract_out

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
