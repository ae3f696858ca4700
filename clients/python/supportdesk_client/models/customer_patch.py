from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_type import CustomerType
from ..models.how_widespread import HowWidespread
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CustomerPatch")



@_attrs_define
class CustomerPatch:
    """ 
        Example:
            {'how_widespread': 'some_users', 'test_calls_allowed': False}

        Attributes:
            customer_type (CustomerType | None | Unset):
            how_widespread (HowWidespread | None | Unset):
            name (None | str | Unset):
            partner_id (None | Unset | UUID):
            test_calls_allowed (bool | None | Unset):
     """

    customer_type: CustomerType | None | Unset = UNSET
    how_widespread: HowWidespread | None | Unset = UNSET
    name: None | str | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    test_calls_allowed: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_type: None | str | Unset
        if isinstance(self.customer_type, Unset):
            customer_type = UNSET
        elif isinstance(self.customer_type, CustomerType):
            customer_type = self.customer_type.value
        else:
            customer_type = self.customer_type

        how_widespread: None | str | Unset
        if isinstance(self.how_widespread, Unset):
            how_widespread = UNSET
        elif isinstance(self.how_widespread, HowWidespread):
            how_widespread = self.how_widespread.value
        else:
            how_widespread = self.how_widespread

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        test_calls_allowed: bool | None | Unset
        if isinstance(self.test_calls_allowed, Unset):
            test_calls_allowed = UNSET
        else:
            test_calls_allowed = self.test_calls_allowed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if customer_type is not UNSET:
            field_dict["customer_type"] = customer_type
        if how_widespread is not UNSET:
            field_dict["how_widespread"] = how_widespread
        if name is not UNSET:
            field_dict["name"] = name
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if test_calls_allowed is not UNSET:
            field_dict["test_calls_allowed"] = test_calls_allowed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)



                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        def _parse_test_calls_allowed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        test_calls_allowed = _parse_test_calls_allowed(d.pop("test_calls_allowed", UNSET))


        customer_patch = cls(
            customer_type=customer_type,
            how_widespread=how_widespread,
            name=name,
            partner_id=partner_id,
            test_calls_allowed=test_calls_allowed,
        )

        return customer_patch

