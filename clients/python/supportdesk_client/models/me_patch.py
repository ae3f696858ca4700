from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.notification_preferences import NotificationPreferences
  from ..models.phone_number import PhoneNumber





T = TypeVar("T", bound="MePatch")



@_attrs_define
class MePatch:
    """ 
        Example:
            {'phone_numbers': [{'label': 'mobile', 'number': '+84 90 123 4567'}], 'timezone': 'Asia/Ho_Chi_Minh'}

        Attributes:
            name (None | str | Unset):
            notification_preferences (None | NotificationPreferences | Unset):
            phone_numbers (list[PhoneNumber] | None | Unset):
            timezone (None | str | Unset): IANA time zone, e.g. Europe/Zurich
     """

    name: None | str | Unset = UNSET
    notification_preferences: None | NotificationPreferences | Unset = UNSET
    phone_numbers: list[PhoneNumber] | None | Unset = UNSET
    timezone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_preferences import NotificationPreferences # noqa: PLC0415
        from ..models.phone_number import PhoneNumber # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notification_preferences: dict[str, Any] | None | Unset
        if isinstance(self.notification_preferences, Unset):
            notification_preferences = UNSET
        elif isinstance(self.notification_preferences, NotificationPreferences):
            notification_preferences = self.notification_preferences.to_dict()
        else:
            notification_preferences = self.notification_preferences

        phone_numbers: list[dict[str, Any]] | None | Unset
        if isinstance(self.phone_numbers, Unset):
            phone_numbers = UNSET
        elif isinstance(self.phone_numbers, list):
            phone_numbers = []
            for phone_numbers_type_0_item_data in self.phone_numbers:
                phone_numbers_type_0_item = phone_numbers_type_0_item_data.to_dict()
                phone_numbers.append(phone_numbers_type_0_item)


        else:
            phone_numbers = self.phone_numbers

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if notification_preferences is not UNSET:
            field_dict["notification_preferences"] = notification_preferences
        if phone_numbers is not UNSET:
            field_dict["phone_numbers"] = phone_numbers
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_preferences import NotificationPreferences # noqa: PLC0415
        from ..models.phone_number import PhoneNumber # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_notification_preferences(data: object) -> None | NotificationPreferences | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notification_preferences_type_0 = NotificationPreferences.from_dict(data)



                return notification_preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotificationPreferences | Unset, data)

        notification_preferences = _parse_notification_preferences(d.pop("notification_preferences", UNSET))


        def _parse_phone_numbers(data: object) -> list[PhoneNumber] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phone_numbers_type_0 = []
                _phone_numbers_type_0 = data
                for phone_numbers_type_0_item_data in (_phone_numbers_type_0):
                    phone_numbers_type_0_item = PhoneNumber.from_dict(phone_numbers_type_0_item_data)



                    phone_numbers_type_0.append(phone_numbers_type_0_item)

                return phone_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PhoneNumber] | None | Unset, data)

        phone_numbers = _parse_phone_numbers(d.pop("phone_numbers", UNSET))


        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        me_patch = cls(
            name=name,
            notification_preferences=notification_preferences,
            phone_numbers=phone_numbers,
            timezone=timezone,
        )

        return me_patch

