from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from ..models.owner_kind import OwnerKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="WebhookSecretRotated")



@_attrs_define
class WebhookSecretRotated:
    """ The new secret, shown once. Until `previous_secret_until` deliveries carry both
    signatures (`v1,<new> v1,<old>`), so the receiver can switch at its own pace.

        Example:
            {'consecutive_failures': 0, 'contact_email': 'helpdesk@saigon-partners.vn', 'created_at':
                '2027-01-05T08:15:42Z', 'customer_id': None, 'description': 'Mirror cases into our helpdesk', 'disabled_at':
                None, 'events': ['ticket.created', 'ticket.state_changed', 'sla.breached'], 'id':
                '0190c3d2-7d50-7e7f-8a81-9a2b3c4d5e6f', 'is_active': True, 'owner': 'partner', 'partner_id':
                '0190c3d2-6b20-7d3f-9c50-2e3f40516273', 'previous_secret_until': '2027-01-06T09:02:10Z', 'secret':
                'whsec_jPSt+EAlJBeNOHeaRo1YqDa4CtILdtDn4X/z5OQMsAU=', 'secret_prefix': 'whsec_jPSt', 'url':
                'https://helpdesk.saigon-partners.vn/supportdesk/events'}

        Attributes:
            consecutive_failures (int):
            contact_email (str):
            created_at (datetime.datetime):
            customer_id (None | UUID):
            description (None | str):
            disabled_at (datetime.datetime | None):
            events (list[EventType]):
            id (UUID):
            is_active (bool): False once disabled after repeated failures
            owner (OwnerKind):
            partner_id (None | UUID):
            previous_secret_until (datetime.datetime | None): After a rotation: until when the previous secret signs too
            secret (str): The Standard Webhooks signing secret (`whsec_<base64 key>`). Shown in this answer only: store it.
            secret_prefix (str): The first characters of the signing secret
            url (str):
     """

    consecutive_failures: int
    contact_email: str
    created_at: datetime.datetime
    customer_id: None | UUID
    description: None | str
    disabled_at: datetime.datetime | None
    events: list[EventType]
    id: UUID
    is_active: bool
    owner: OwnerKind
    partner_id: None | UUID
    previous_secret_until: datetime.datetime | None
    secret: str
    secret_prefix: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        consecutive_failures = self.consecutive_failures

        contact_email = self.contact_email

        created_at = self.created_at.isoformat()

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        description: None | str
        description = self.description

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        id = str(self.id)

        is_active = self.is_active

        owner = self.owner.value

        partner_id: None | str
        if isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        previous_secret_until: None | str
        if isinstance(self.previous_secret_until, datetime.datetime):
            previous_secret_until = self.previous_secret_until.isoformat()
        else:
            previous_secret_until = self.previous_secret_until

        secret = self.secret

        secret_prefix = self.secret_prefix

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "consecutive_failures": consecutive_failures,
            "contact_email": contact_email,
            "created_at": created_at,
            "customer_id": customer_id,
            "description": description,
            "disabled_at": disabled_at,
            "events": events,
            "id": id,
            "is_active": is_active,
            "owner": owner,
            "partner_id": partner_id,
            "previous_secret_until": previous_secret_until,
            "secret": secret,
            "secret_prefix": secret_prefix,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consecutive_failures = d.pop("consecutive_failures")

        contact_email = d.pop("contact_email")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        id = UUID(d.pop("id"))




        is_active = d.pop("is_active")

        owner = OwnerKind(d.pop("owner"))




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


        def _parse_previous_secret_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_until_type_0 = datetime.datetime.fromisoformat(data)



                return previous_secret_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_until = _parse_previous_secret_until(d.pop("previous_secret_until"))


        secret = d.pop("secret")

        secret_prefix = d.pop("secret_prefix")

        url = d.pop("url")

        webhook_secret_rotated = cls(
            consecutive_failures=consecutive_failures,
            contact_email=contact_email,
            created_at=created_at,
            customer_id=customer_id,
            description=description,
            disabled_at=disabled_at,
            events=events,
            id=id,
            is_active=is_active,
            owner=owner,
            partner_id=partner_id,
            previous_secret_until=previous_secret_until,
            secret=secret,
            secret_prefix=secret_prefix,
            url=url,
        )


        webhook_secret_rotated.additional_properties = d
        return webhook_secret_rotated

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
