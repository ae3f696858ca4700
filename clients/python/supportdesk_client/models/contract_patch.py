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





T = TypeVar("T", bound="ContractPatch")



@_attrs_define
class ContractPatch:
    """ Only the fields given change; `reason` is recorded with the change.

        Example:
            {'reason': 'renewal not signed', 'valid_to': '2028-01-01T00:00:00+07:00'}

        Attributes:
            auto_close_days (int | None | Unset):
            calendar_id (None | Unset | UUID):
            channels (list[Channel] | None | Unset):
            description (None | str | Unset):
            emergency_address (None | str | Unset):
            escalation_chain (list[EscalationLevelDoc] | None | Unset):
            on_call_address (None | str | Unset): Paged by e-mail for an emergency case; else the deployment's on-call
                address
            reason (None | str | Unset):
            reopen_window_days (int | None | Unset):
            required_facts (list[Fact] | None | Unset): The facts every incident under this contract must state (a portal
                builds its form from this list); a case that says it is not about calls (`about_calls: false`) is exempt
            sla_policy_id (None | Unset | UUID):
            support_level (None | str | Unset):
            update_interval_minutes (int | None | Unset):
            valid_from (datetime.datetime | None | Unset):
            valid_to (datetime.datetime | None | Unset):
     """

    auto_close_days: int | None | Unset = UNSET
    calendar_id: None | Unset | UUID = UNSET
    channels: list[Channel] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    emergency_address: None | str | Unset = UNSET
    escalation_chain: list[EscalationLevelDoc] | None | Unset = UNSET
    on_call_address: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    reopen_window_days: int | None | Unset = UNSET
    required_facts: list[Fact] | None | Unset = UNSET
    sla_policy_id: None | Unset | UUID = UNSET
    support_level: None | str | Unset = UNSET
    update_interval_minutes: int | None | Unset = UNSET
    valid_from: datetime.datetime | None | Unset = UNSET
    valid_to: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        auto_close_days: int | None | Unset
        if isinstance(self.auto_close_days, Unset):
            auto_close_days = UNSET
        else:
            auto_close_days = self.auto_close_days

        calendar_id: None | str | Unset
        if isinstance(self.calendar_id, Unset):
            calendar_id = UNSET
        elif isinstance(self.calendar_id, UUID):
            calendar_id = str(self.calendar_id)
        else:
            calendar_id = self.calendar_id

        channels: list[str] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item = channels_type_0_item_data.value
                channels.append(channels_type_0_item)


        else:
            channels = self.channels

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        emergency_address: None | str | Unset
        if isinstance(self.emergency_address, Unset):
            emergency_address = UNSET
        else:
            emergency_address = self.emergency_address

        escalation_chain: list[dict[str, Any]] | None | Unset
        if isinstance(self.escalation_chain, Unset):
            escalation_chain = UNSET
        elif isinstance(self.escalation_chain, list):
            escalation_chain = []
            for escalation_chain_type_0_item_data in self.escalation_chain:
                escalation_chain_type_0_item = escalation_chain_type_0_item_data.to_dict()
                escalation_chain.append(escalation_chain_type_0_item)


        else:
            escalation_chain = self.escalation_chain

        on_call_address: None | str | Unset
        if isinstance(self.on_call_address, Unset):
            on_call_address = UNSET
        else:
            on_call_address = self.on_call_address

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reopen_window_days: int | None | Unset
        if isinstance(self.reopen_window_days, Unset):
            reopen_window_days = UNSET
        else:
            reopen_window_days = self.reopen_window_days

        required_facts: list[str] | None | Unset
        if isinstance(self.required_facts, Unset):
            required_facts = UNSET
        elif isinstance(self.required_facts, list):
            required_facts = []
            for required_facts_type_0_item_data in self.required_facts:
                required_facts_type_0_item = required_facts_type_0_item_data.value
                required_facts.append(required_facts_type_0_item)


        else:
            required_facts = self.required_facts

        sla_policy_id: None | str | Unset
        if isinstance(self.sla_policy_id, Unset):
            sla_policy_id = UNSET
        elif isinstance(self.sla_policy_id, UUID):
            sla_policy_id = str(self.sla_policy_id)
        else:
            sla_policy_id = self.sla_policy_id

        support_level: None | str | Unset
        if isinstance(self.support_level, Unset):
            support_level = UNSET
        else:
            support_level = self.support_level

        update_interval_minutes: int | None | Unset
        if isinstance(self.update_interval_minutes, Unset):
            update_interval_minutes = UNSET
        else:
            update_interval_minutes = self.update_interval_minutes

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.datetime):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.datetime):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if auto_close_days is not UNSET:
            field_dict["auto_close_days"] = auto_close_days
        if calendar_id is not UNSET:
            field_dict["calendar_id"] = calendar_id
        if channels is not UNSET:
            field_dict["channels"] = channels
        if description is not UNSET:
            field_dict["description"] = description
        if emergency_address is not UNSET:
            field_dict["emergency_address"] = emergency_address
        if escalation_chain is not UNSET:
            field_dict["escalation_chain"] = escalation_chain
        if on_call_address is not UNSET:
            field_dict["on_call_address"] = on_call_address
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reopen_window_days is not UNSET:
            field_dict["reopen_window_days"] = reopen_window_days
        if required_facts is not UNSET:
            field_dict["required_facts"] = required_facts
        if sla_policy_id is not UNSET:
            field_dict["sla_policy_id"] = sla_policy_id
        if support_level is not UNSET:
            field_dict["support_level"] = support_level
        if update_interval_minutes is not UNSET:
            field_dict["update_interval_minutes"] = update_interval_minutes
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_level_doc import EscalationLevelDoc # noqa: PLC0415
        d = dict(src_dict)
        def _parse_auto_close_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_close_days = _parse_auto_close_days(d.pop("auto_close_days", UNSET))


        def _parse_calendar_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calendar_id_type_0 = UUID(data)



                return calendar_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        calendar_id = _parse_calendar_id(d.pop("calendar_id", UNSET))


        def _parse_channels(data: object) -> list[Channel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = []
                _channels_type_0 = data
                for channels_type_0_item_data in (_channels_type_0):
                    channels_type_0_item = Channel(channels_type_0_item_data)



                    channels_type_0.append(channels_type_0_item)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Channel] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_emergency_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_address = _parse_emergency_address(d.pop("emergency_address", UNSET))


        def _parse_escalation_chain(data: object) -> list[EscalationLevelDoc] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                escalation_chain_type_0 = []
                _escalation_chain_type_0 = data
                for escalation_chain_type_0_item_data in (_escalation_chain_type_0):
                    escalation_chain_type_0_item = EscalationLevelDoc.from_dict(escalation_chain_type_0_item_data)



                    escalation_chain_type_0.append(escalation_chain_type_0_item)

                return escalation_chain_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EscalationLevelDoc] | None | Unset, data)

        escalation_chain = _parse_escalation_chain(d.pop("escalation_chain", UNSET))


        def _parse_on_call_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_call_address = _parse_on_call_address(d.pop("on_call_address", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_reopen_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reopen_window_days = _parse_reopen_window_days(d.pop("reopen_window_days", UNSET))


        def _parse_required_facts(data: object) -> list[Fact] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                required_facts_type_0 = []
                _required_facts_type_0 = data
                for required_facts_type_0_item_data in (_required_facts_type_0):
                    required_facts_type_0_item = Fact(required_facts_type_0_item_data)



                    required_facts_type_0.append(required_facts_type_0_item)

                return required_facts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Fact] | None | Unset, data)

        required_facts = _parse_required_facts(d.pop("required_facts", UNSET))


        def _parse_sla_policy_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sla_policy_id_type_0 = UUID(data)



                return sla_policy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sla_policy_id = _parse_sla_policy_id(d.pop("sla_policy_id", UNSET))


        def _parse_support_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        support_level = _parse_support_level(d.pop("support_level", UNSET))


        def _parse_update_interval_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        update_interval_minutes = _parse_update_interval_minutes(d.pop("update_interval_minutes", UNSET))


        def _parse_valid_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.datetime.fromisoformat(data)



                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))


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


        contract_patch = cls(
            auto_close_days=auto_close_days,
            calendar_id=calendar_id,
            channels=channels,
            description=description,
            emergency_address=emergency_address,
            escalation_chain=escalation_chain,
            on_call_address=on_call_address,
            reason=reason,
            reopen_window_days=reopen_window_days,
            required_facts=required_facts,
            sla_policy_id=sla_policy_id,
            support_level=support_level,
            update_interval_minutes=update_interval_minutes,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return contract_patch

