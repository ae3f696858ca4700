from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category import Category
from ..models.channel import Channel
from ..models.customer_type import CustomerType
from ..models.how_widespread import HowWidespread
from ..models.rating import Rating
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.caller_verification import CallerVerification





T = TypeVar("T", bound="TicketCreate")



@_attrs_define
class TicketCreate:
    """ 
        Example:
            {'a_number': '+41 44 668 18 00', 'b_number': '+41 58 280 11 11', 'category': 'incident', 'description': 'Since
                09:10 no outbound call to PSTN numbers connects; internal calls work.', 'failed_call_at':
                '2027-01-05T09:12:00+01:00', 'failure_reason': '503 Service Unavailable from the carrier', 'how_widespread':
                'all_users', 'product_area': 'SIP trunking', 'reproducible': True, 'reproduction_steps': 'Dial any PSTN number
                from extension 201.', 'severity': 2, 'subject': 'PBX – not able to dial PSTN destinations',
                'test_calls_allowed': True}

        Attributes:
            category (Category):
            description (str):
            subject (str):
            a_number (None | str | Unset): Calling number
            about_calls (bool | None | Unset): The incident is about calls; then A-number, B-number and call time are
                required. Assumed true when any of them is given. `false` exempts an incident from the contract's
                `required_facts`.
            b_number (None | str | Unset): Called number
            caller (CallerVerification | None | Unset): Staff acting for a phone caller: the verified caller
            channel (Channel | None | Unset): Staff only: the channel the case came in by (phone, chat, e-mail). Customers
                are `portal`, API keys `api`.
            customer_id (None | Unset | UUID): Required for staff and partners; a customer's own otherwise
            customer_type (CustomerType | None | Unset): Defaults to the customer's type
            emergency (bool | Unset): At least half of the customer's calls fail (SPEC 4.1.4) Default: False.
            external_ref (None | str | Unset): The partner helpdesk's own reference
            failed_call_at (datetime.datetime | None | Unset):
            failing_call_share (float | None | Unset): Share of calls failing, for an emergency
            failure_reason (None | str | Unset):
            how_widespread (HowWidespread | None | Unset):
            impact (None | Rating | Unset): With a priority matrix
            product_area (None | str | Unset):
            reproducible (bool | None | Unset):
            reproduction_steps (None | str | Unset):
            severity (int | None | Unset): The proposed severity (1 the most severe)
            test_calls_allowed (bool | None | Unset):
            urgency (None | Rating | Unset): With a priority matrix
     """

    category: Category
    description: str
    subject: str
    a_number: None | str | Unset = UNSET
    about_calls: bool | None | Unset = UNSET
    b_number: None | str | Unset = UNSET
    caller: CallerVerification | None | Unset = UNSET
    channel: Channel | None | Unset = UNSET
    customer_id: None | Unset | UUID = UNSET
    customer_type: CustomerType | None | Unset = UNSET
    emergency: bool | Unset = False
    external_ref: None | str | Unset = UNSET
    failed_call_at: datetime.datetime | None | Unset = UNSET
    failing_call_share: float | None | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    how_widespread: HowWidespread | None | Unset = UNSET
    impact: None | Rating | Unset = UNSET
    product_area: None | str | Unset = UNSET
    reproducible: bool | None | Unset = UNSET
    reproduction_steps: None | str | Unset = UNSET
    severity: int | None | Unset = UNSET
    test_calls_allowed: bool | None | Unset = UNSET
    urgency: None | Rating | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.caller_verification import CallerVerification # noqa: PLC0415
        category = self.category.value

        description = self.description

        subject = self.subject

        a_number: None | str | Unset
        if isinstance(self.a_number, Unset):
            a_number = UNSET
        else:
            a_number = self.a_number

        about_calls: bool | None | Unset
        if isinstance(self.about_calls, Unset):
            about_calls = UNSET
        else:
            about_calls = self.about_calls

        b_number: None | str | Unset
        if isinstance(self.b_number, Unset):
            b_number = UNSET
        else:
            b_number = self.b_number

        caller: dict[str, Any] | None | Unset
        if isinstance(self.caller, Unset):
            caller = UNSET
        elif isinstance(self.caller, CallerVerification):
            caller = self.caller.to_dict()
        else:
            caller = self.caller

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        customer_type: None | str | Unset
        if isinstance(self.customer_type, Unset):
            customer_type = UNSET
        elif isinstance(self.customer_type, CustomerType):
            customer_type = self.customer_type.value
        else:
            customer_type = self.customer_type

        emergency = self.emergency

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        failed_call_at: None | str | Unset
        if isinstance(self.failed_call_at, Unset):
            failed_call_at = UNSET
        elif isinstance(self.failed_call_at, datetime.datetime):
            failed_call_at = self.failed_call_at.isoformat()
        else:
            failed_call_at = self.failed_call_at

        failing_call_share: float | None | Unset
        if isinstance(self.failing_call_share, Unset):
            failing_call_share = UNSET
        else:
            failing_call_share = self.failing_call_share

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        how_widespread: None | str | Unset
        if isinstance(self.how_widespread, Unset):
            how_widespread = UNSET
        elif isinstance(self.how_widespread, HowWidespread):
            how_widespread = self.how_widespread.value
        else:
            how_widespread = self.how_widespread

        impact: None | str | Unset
        if isinstance(self.impact, Unset):
            impact = UNSET
        elif isinstance(self.impact, Rating):
            impact = self.impact.value
        else:
            impact = self.impact

        product_area: None | str | Unset
        if isinstance(self.product_area, Unset):
            product_area = UNSET
        else:
            product_area = self.product_area

        reproducible: bool | None | Unset
        if isinstance(self.reproducible, Unset):
            reproducible = UNSET
        else:
            reproducible = self.reproducible

        reproduction_steps: None | str | Unset
        if isinstance(self.reproduction_steps, Unset):
            reproduction_steps = UNSET
        else:
            reproduction_steps = self.reproduction_steps

        severity: int | None | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        test_calls_allowed: bool | None | Unset
        if isinstance(self.test_calls_allowed, Unset):
            test_calls_allowed = UNSET
        else:
            test_calls_allowed = self.test_calls_allowed

        urgency: None | str | Unset
        if isinstance(self.urgency, Unset):
            urgency = UNSET
        elif isinstance(self.urgency, Rating):
            urgency = self.urgency.value
        else:
            urgency = self.urgency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "category": category,
            "description": description,
            "subject": subject,
        })
        if a_number is not UNSET:
            field_dict["a_number"] = a_number
        if about_calls is not UNSET:
            field_dict["about_calls"] = about_calls
        if b_number is not UNSET:
            field_dict["b_number"] = b_number
        if caller is not UNSET:
            field_dict["caller"] = caller
        if channel is not UNSET:
            field_dict["channel"] = channel
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if customer_type is not UNSET:
            field_dict["customer_type"] = customer_type
        if emergency is not UNSET:
            field_dict["emergency"] = emergency
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if failed_call_at is not UNSET:
            field_dict["failed_call_at"] = failed_call_at
        if failing_call_share is not UNSET:
            field_dict["failing_call_share"] = failing_call_share
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if how_widespread is not UNSET:
            field_dict["how_widespread"] = how_widespread
        if impact is not UNSET:
            field_dict["impact"] = impact
        if product_area is not UNSET:
            field_dict["product_area"] = product_area
        if reproducible is not UNSET:
            field_dict["reproducible"] = reproducible
        if reproduction_steps is not UNSET:
            field_dict["reproduction_steps"] = reproduction_steps
        if severity is not UNSET:
            field_dict["severity"] = severity
        if test_calls_allowed is not UNSET:
            field_dict["test_calls_allowed"] = test_calls_allowed
        if urgency is not UNSET:
            field_dict["urgency"] = urgency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.caller_verification import CallerVerification # noqa: PLC0415
        d = dict(src_dict)
        category = Category(d.pop("category"))




        description = d.pop("description")

        subject = d.pop("subject")

        def _parse_a_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        a_number = _parse_a_number(d.pop("a_number", UNSET))


        def _parse_about_calls(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        about_calls = _parse_about_calls(d.pop("about_calls", UNSET))


        def _parse_b_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        b_number = _parse_b_number(d.pop("b_number", UNSET))


        def _parse_caller(data: object) -> CallerVerification | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                caller_type_0 = CallerVerification.from_dict(data)



                return caller_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallerVerification | None | Unset, data)

        caller = _parse_caller(d.pop("caller", UNSET))


        def _parse_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = Channel(data)



                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))


        def _parse_customer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))


        def _parse_customer_type(data: object) -> CustomerType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_type_type_0 = CustomerType(data)



                return customer_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerType | None | Unset, data)

        customer_type = _parse_customer_type(d.pop("customer_type", UNSET))


        emergency = d.pop("emergency", UNSET)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))


        def _parse_failed_call_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_call_at_type_0 = datetime.datetime.fromisoformat(data)



                return failed_call_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failed_call_at = _parse_failed_call_at(d.pop("failed_call_at", UNSET))


        def _parse_failing_call_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        failing_call_share = _parse_failing_call_share(d.pop("failing_call_share", UNSET))


        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))


        def _parse_how_widespread(data: object) -> HowWidespread | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                how_widespread_type_0 = HowWidespread(data)



                return how_widespread_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HowWidespread | None | Unset, data)

        how_widespread = _parse_how_widespread(d.pop("how_widespread", UNSET))


        def _parse_impact(data: object) -> None | Rating | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                impact_type_0 = Rating(data)



                return impact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rating | Unset, data)

        impact = _parse_impact(d.pop("impact", UNSET))


        def _parse_product_area(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_area = _parse_product_area(d.pop("product_area", UNSET))


        def _parse_reproducible(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reproducible = _parse_reproducible(d.pop("reproducible", UNSET))


        def _parse_reproduction_steps(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reproduction_steps = _parse_reproduction_steps(d.pop("reproduction_steps", UNSET))


        def _parse_severity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))


        def _parse_test_calls_allowed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        test_calls_allowed = _parse_test_calls_allowed(d.pop("test_calls_allowed", UNSET))


        def _parse_urgency(data: object) -> None | Rating | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                urgency_type_0 = Rating(data)



                return urgency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rating | Unset, data)

        urgency = _parse_urgency(d.pop("urgency", UNSET))


        ticket_create = cls(
            category=category,
            description=description,
            subject=subject,
            a_number=a_number,
            about_calls=about_calls,
            b_number=b_number,
            caller=caller,
            channel=channel,
            customer_id=customer_id,
            customer_type=customer_type,
            emergency=emergency,
            external_ref=external_ref,
            failed_call_at=failed_call_at,
            failing_call_share=failing_call_share,
            failure_reason=failure_reason,
            how_widespread=how_widespread,
            impact=impact,
            product_area=product_area,
            reproducible=reproducible,
            reproduction_steps=reproduction_steps,
            severity=severity,
            test_calls_allowed=test_calls_allowed,
            urgency=urgency,
        )

        return ticket_create

