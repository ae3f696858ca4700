from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.fact import Fact
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.escalation_level_doc import EscalationLevelDoc





T = TypeVar("T", bound="ContractIn")



@_attrs_define
class ContractIn:
    """ 
        Example:
            {'auto_close_days': 7, 'calendar_id': '0193b5c2-8b00-7c33-9d44-5e6f70819203', 'channels': ['portal', 'email',
                'phone'], 'customer_id': '0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f', 'description': '24/7 hotline for class 1 and 2
                faults.', 'escalation_chain': [{'contacts': [{'email': 'minh@vendor.com', 'name': 'Minh Tran', 'phone': '+84 28
                1234 5678'}], 'level': 1, 'role': 'regional_ops_manager'}, {'contacts': [{'name': 'Eva Keller'}], 'level': 2,
                'role': 'director'}], 'on_call_address': 'oncall@vendor.com', 'reopen_window_days': 14, 'required_facts':
                ['a_number', 'b_number', 'failed_call_at', 'failure_reason'], 'sla_policy_id':
                '0193b5c2-8a00-7b11-8c22-3d4e5f607182', 'support_level': 'Premium', 'update_interval_minutes': 120,
                'valid_from': '2027-01-01T00:00:00+07:00'}

        Attributes:
            calendar_id (UUID):
            channels (list[Channel]):
            customer_id (UUID):
            sla_policy_id (UUID):
            support_level (str):
            valid_from (datetime.datetime):
            auto_close_days (int | Unset):  Default: 7.
            description (str | Unset):  Default: ''.
            emergency_address (None | str | Unset):
            escalation_chain (list[EscalationLevelDoc] | Unset):
            on_call_address (None | str | Unset): Paged by e-mail for an emergency case; else the deployment's on-call
                address
            reopen_window_days (int | Unset):  Default: 14.
            required_facts (list[Fact] | Unset): The facts every incident under this contract must state (a portal builds
                its form from this list); a case that says it is not about calls (`about_calls: false`) is exempt
            update_interval_minutes (int | None | Unset): The longest gap between updates on severe cases
            valid_to (datetime.datetime | None | Unset): Exclusive; null: open
     """

    calendar_id: UUID
    channels: list[Channel]
    customer_id: UUID
    sla_policy_id: UUID
    support_level: str
    valid_from: datetime.datetime
    auto_close_days: int | Unset = 7
    description: str | Unset = ''
    emergency_address: None | str | Unset = UNSET
    escalation_chain: list[EscalationLevelDoc] | Unset = UNSET
    on_call_address: None | str | Unset = UNSET
    reopen_window_days: int | Unset = 14
    required_facts: list[Fact] | Unset = UNSET
    update_interval_minutes: int | None | Unset = UNSET
    valid_to: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        calendar_id = str(self.calendar_id)

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.value
            channels.append(channels_item)



        customer_id = str(self.customer_id)

        sla_policy_id = str(self.sla_policy_id)

        support_level = self.support_level

        valid_from = self.valid_from.isoformat()

        auto_close_days = self.auto_close_days

        description = self.description

        emergency_address: None | str | Unset
        if isinstance(self.emergency_address, Unset):
            emergency_address = UNSET
        else:
            emergency_address = self.emergency_address

        escalation_chain: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.escalation_chain, Unset):
            escalation_chain = []
            for escalation_chain_item_data in self.escalation_chain:
                escalation_chain_item = escalation_chain_item_data.to_dict()
                escalation_chain.append(escalation_chain_item)



        on_call_address: None | str | Unset
        if isinstance(self.on_call_address, Unset):
            on_call_address = UNSET
        else:
            on_call_address = self.on_call_address

        reopen_window_days = self.reopen_window_days

        required_facts: list[str] | Unset = UNSET
        if not isinstance(self.required_facts, Unset):
            required_facts = []
            for required_facts_item_data in self.required_facts:
                required_facts_item = required_facts_item_data.value
                required_facts.append(required_facts_item)



        update_interval_minutes: int | None | Unset
        if isinstance(self.update_interval_minutes, Unset):
            update_interval_minutes = UNSET
        else:
            update_interval_minutes = self.update_interval_minutes

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.datetime):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "calendar_id": calendar_id,
            "channels": channels,
            "customer_id": customer_id,
            "sla_policy_id": sla_policy_id,
            "support_level": support_level,
            "valid_from": valid_from,
        })
        if auto_close_days is not UNSET:
            field_dict["auto_close_days"] = auto_close_days
        if description is not UNSET:
            field_dict["description"] = description
        if emergency_address is not UNSET:
            field_dict["emergency_address"] = emergency_address
        if escalation_chain is not UNSET:
            field_dict["escalation_chain"] = escalation_chain
        if on_call_address is not UNSET:
            field_dict["on_call_address"] = on_call_address
        if reopen_window_days is not UNSET:
            field_dict["reopen_window_days"] = reopen_window_days
        if required_facts is not UNSET:
            field_dict["required_facts"] = required_facts
        if update_interval_minutes is not UNSET:
            field_dict["update_interval_minutes"] = update_interval_minutes
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        d = dict(src_dict)
        calendar_id = UUID(d.pop("calendar_id"))




        channels = []
        _channels = d.pop("channels")
        for channels_item_data in (_channels):
            channels_item = Channel(channels_item_data)



            channels.append(channels_item)


        customer_id = UUID(d.pop("customer_id"))




        sla_policy_id = UUID(d.pop("sla_policy_id"))




        support_level = d.pop("support_level")

        valid_from = datetime.datetime.fromisoformat(d.pop("valid_from"))




        auto_close_days = d.pop("auto_close_days", UNSET)

        description = d.pop("description", UNSET)

        def _parse_emergency_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_address = _parse_emergency_address(d.pop("emergency_address", UNSET))


        _escalation_chain = d.pop("escalation_chain", UNSET)
        escalation_chain: list[EscalationLevelDoc] | Unset = UNSET
        if _escalation_chain is not UNSET:
            escalation_chain = []
            for escalation_chain_item_data in _escalation_chain:
                escalation_chain_item = EscalationLevelDoc.from_dict(escalation_chain_item_data)



                escalation_chain.append(escalation_chain_item)


        def _parse_on_call_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_call_address = _parse_on_call_address(d.pop("on_call_address", UNSET))


        reopen_window_days = d.pop("reopen_window_days", UNSET)

        _required_facts = d.pop("required_facts", UNSET)
        required_facts: list[Fact] | Unset = UNSET
        if _required_facts is not UNSET:
            required_facts = []
            for required_facts_item_data in _required_facts:
                required_facts_item = Fact(required_facts_item_data)



                required_facts.append(required_facts_item)


        def _parse_update_interval_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        update_interval_minutes = _parse_update_interval_minutes(d.pop("update_interval_minutes", UNSET))


        def _parse_valid_to(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.datetime.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        contract_in = cls(
            calendar_id=calendar_id,
            channels=channels,
            customer_id=customer_id,
            sla_policy_id=sla_policy_id,
            support_level=support_level,
            valid_from=valid_from,
            auto_close_days=auto_close_days,
            description=description,
            emergency_address=emergency_address,
            escalation_chain=escalation_chain,
            on_call_address=on_call_address,
            reopen_window_days=reopen_window_days,
            required_facts=required_facts,
            update_interval_minutes=update_interval_minutes,
            valid_to=valid_to,
        )

        return contract_in

