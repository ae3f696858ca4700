from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.notification_preferences import NotificationPreferences
  from ..models.phone_number import PhoneNumber





T = TypeVar("T", bound="UserOut")



@_attrs_define
class UserOut:
    """ 
        Example:
            {'created_at': '2026-11-20T02:30:00Z', 'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'email':
                'lan@acme.vn', 'id': '0190c3d2-7010-7a3b-8c4d-5e6f70819a2b', 'is_active': True, 'name': 'Lan Nguyen',
                'notification_preferences': {'email_escalations': True, 'email_public_comments': True, 'email_sla_warnings':
                False, 'email_ticket_updates': True}, 'partner_id': None, 'phone_numbers': [{'label': 'work', 'number': '+84 28
                3822 1100'}], 'role': 'customer_user', 'timezone': 'Asia/Ho_Chi_Minh', 'updated_at': '2027-01-05T08:15:42Z'}

        Attributes:
            created_at (datetime.datetime):
            customer_id (None | UUID):
            email (str):
            id (UUID):
            is_active (bool):
            name (str):
            notification_preferences (NotificationPreferences):
            partner_id (None | UUID):
            phone_numbers (list[PhoneNumber]):
            role (Role):
            timezone (str):
            updated_at (datetime.datetime):
     """

    created_at: datetime.datetime
    customer_id: None | UUID
    email: str
    id: UUID
    is_active: bool
    name: str
    notification_preferences: NotificationPreferences
    partner_id: None | UUID
    phone_numbers: list[PhoneNumber]
    role: Role
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_preferences import NotificationPreferences # noqa: PLC0415
        from ..models.phone_number import PhoneNumber # noqa: PLC0415
        created_at = self.created_at.isoformat()

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        email = self.email

        id = str(self.id)

        is_active = self.is_active

        name = self.name

        notification_preferences = self.notification_preferences.to_dict()

        partner_id: None | str
        if isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        phone_numbers = []
        for phone_numbers_item_data in self.phone_numbers:
            phone_numbers_item = phone_numbers_item_data.to_dict()
            phone_numbers.append(phone_numbers_item)



        role = self.role.value

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "customer_id": customer_id,
            "email": email,
            "id": id,
            "is_active": is_active,
            "name": name,
            "notification_preferences": notification_preferences,
            "partner_id": partner_id,
            "phone_numbers": phone_numbers,
            "role": role,
            "timezone": timezone,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_preferences import NotificationPreferences # noqa: PLC0415
        from ..models.phone_number import PhoneNumber # noqa: PLC0415
        d = dict(src_dict)
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


        email = d.pop("email")

        id = UUID(d.pop("id"))




        is_active = d.pop("is_active")

        name = d.pop("name")

        notification_preferences = NotificationPreferences.from_dict(d.pop("notification_preferences"))




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


        phone_numbers = []
        _phone_numbers = d.pop("phone_numbers")
        for phone_numbers_item_data in (_phone_numbers):
            phone_numbers_item = PhoneNumber.from_dict(phone_numbers_item_data)



            phone_numbers.append(phone_numbers_item)


        role = Role(d.pop("role"))




        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user_out = cls(
            created_at=created_at,
            customer_id=customer_id,
            email=email,
            id=id,
            is_active=is_active,
            name=name,
            notification_preferences=notification_preferences,
            partner_id=partner_id,
            phone_numbers=phone_numbers,
            role=role,
            timezone=timezone,
            updated_at=updated_at,
        )


        user_out.additional_properties = d
        return user_out

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
