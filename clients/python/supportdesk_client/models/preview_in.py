from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.calendar_document import CalendarDocument
  from ..models.policy_document import PolicyDocument





T = TypeVar("T", bound="PreviewIn")



@_attrs_define
class PreviewIn:
    """ A calendar and a policy (inline or by id), or a contract; a severity and instants.

        Attributes:
            created_at (datetime.datetime): Between 1900 and 2200
            severity (int):
            calendar (CalendarDocument | None | Unset):
            calendar_id (None | Unset | UUID):
            contract_id (None | Unset | UUID):
            phone_call_at (datetime.datetime | None | Unset): Between 1900 and 2200
            policy (None | PolicyDocument | Unset):
            policy_id (None | Unset | UUID):
     """

    created_at: datetime.datetime
    severity: int
    calendar: CalendarDocument | None | Unset = UNSET
    calendar_id: None | Unset | UUID = UNSET
    contract_id: None | Unset | UUID = UNSET
    phone_call_at: datetime.datetime | None | Unset = UNSET
    policy: None | PolicyDocument | Unset = UNSET
    policy_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_document import CalendarDocument # noqa: PLC0415
        from ..models.policy_document import PolicyDocument # noqa: PLC0415
        created_at = self.created_at.isoformat()

        severity = self.severity

        calendar: dict[str, Any] | None | Unset
        if isinstance(self.calendar, Unset):
            calendar = UNSET
        elif isinstance(self.calendar, CalendarDocument):
            calendar = self.calendar.to_dict()
        else:
            calendar = self.calendar

        calendar_id: None | str | Unset
        if isinstance(self.calendar_id, Unset):
            calendar_id = UNSET
        elif isinstance(self.calendar_id, UUID):
            calendar_id = str(self.calendar_id)
        else:
            calendar_id = self.calendar_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        phone_call_at: None | str | Unset
        if isinstance(self.phone_call_at, Unset):
            phone_call_at = UNSET
        elif isinstance(self.phone_call_at, datetime.datetime):
            phone_call_at = self.phone_call_at.isoformat()
        else:
            phone_call_at = self.phone_call_at

        policy: dict[str, Any] | None | Unset
        if isinstance(self.policy, Unset):
            policy = UNSET
        elif isinstance(self.policy, PolicyDocument):
            policy = self.policy.to_dict()
        else:
            policy = self.policy

        policy_id: None | str | Unset
        if isinstance(self.policy_id, Unset):
            policy_id = UNSET
        elif isinstance(self.policy_id, UUID):
            policy_id = str(self.policy_id)
        else:
            policy_id = self.policy_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created_at": created_at,
            "severity": severity,
        })
        if calendar is not UNSET:
            field_dict["calendar"] = calendar
        if calendar_id is not UNSET:
            field_dict["calendar_id"] = calendar_id
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if phone_call_at is not UNSET:
            field_dict["phone_call_at"] = phone_call_at
        if policy is not UNSET:
            field_dict["policy"] = policy
        if policy_id is not UNSET:
            field_dict["policy_id"] = policy_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_document import CalendarDocument # noqa: PLC0415
        from ..models.policy_document import PolicyDocument # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        severity = d.pop("severity")

        def _parse_calendar(data: object) -> CalendarDocument | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calendar_type_0 = CalendarDocument.from_dict(data)



                return calendar_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalendarDocument | None | Unset, data)

        calendar = _parse_calendar(d.pop("calendar", UNSET))


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


        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))


        def _parse_phone_call_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phone_call_at_type_0 = datetime.datetime.fromisoformat(data)



                return phone_call_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        phone_call_at = _parse_phone_call_at(d.pop("phone_call_at", UNSET))


        def _parse_policy(data: object) -> None | PolicyDocument | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                policy_type_0 = PolicyDocument.from_dict(data)



                return policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolicyDocument | Unset, data)

        policy = _parse_policy(d.pop("policy", UNSET))


        def _parse_policy_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_id_type_0 = UUID(data)



                return policy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        policy_id = _parse_policy_id(d.pop("policy_id", UNSET))


        preview_in = cls(
            created_at=created_at,
            severity=severity,
            calendar=calendar,
            calendar_id=calendar_id,
            contract_id=contract_id,
            phone_call_at=phone_call_at,
            policy=policy,
            policy_id=policy_id,
        )

        return preview_in

