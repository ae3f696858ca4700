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
import datetime






T = TypeVar("T", bound="CustomerOut")



@_attrs_define
class CustomerOut:
    """ 
        Example:
            {'created_at': '2026-11-18T07:00:00Z', 'customer_type': 'enterprise', 'how_widespread': None, 'id':
                '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'name': 'ACME Vietnam', 'partner_id': None, 'test_calls_allowed': True,
                'updated_at': '2026-11-18T07:00:00Z'}

        Attributes:
            created_at (datetime.datetime):
            customer_type (CustomerType): The kind of customer a case is for (SPEC 3); the case carries it too (issue 13).
            id (UUID):
            name (str):
            partner_id (None | UUID):
            updated_at (datetime.datetime):
            how_widespread (HowWidespread | None | Unset):
            test_calls_allowed (bool | None | Unset):
     """

    created_at: datetime.datetime
    customer_type: CustomerType
    id: UUID
    name: str
    partner_id: None | UUID
    updated_at: datetime.datetime
    how_widespread: HowWidespread | None | Unset = UNSET
    test_calls_allowed: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        customer_type = self.customer_type.value

        id = str(self.id)

        name = self.name

        partner_id: None | str
        if isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        updated_at = self.updated_at.isoformat()

        how_widespread: None | str | Unset
        if isinstance(self.how_widespread, Unset):
            how_widespread = UNSET
        elif isinstance(self.how_widespread, HowWidespread):
            how_widespread = self.how_widespread.value
        else:
            how_widespread = self.how_widespread

        test_calls_allowed: bool | None | Unset
        if isinstance(self.test_calls_allowed, Unset):
            test_calls_allowed = UNSET
        else:
            test_calls_allowed = self.test_calls_allowed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "customer_type": customer_type,
            "id": id,
            "name": name,
            "partner_id": partner_id,
            "updated_at": updated_at,
        })
        if how_widespread is not UNSET:
            field_dict["how_widespread"] = how_widespread
        if test_calls_allowed is not UNSET:
            field_dict["test_calls_allowed"] = test_calls_allowed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        customer_type = CustomerType(d.pop("customer_type"))




        id = UUID(d.pop("id"))




        name = d.pop("name")

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


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




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


        def _parse_test_calls_allowed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        test_calls_allowed = _parse_test_calls_allowed(d.pop("test_calls_allowed", UNSET))


        customer_out = cls(
            created_at=created_at,
            customer_type=customer_type,
            id=id,
            name=name,
            partner_id=partner_id,
            updated_at=updated_at,
            how_widespread=how_widespread,
            test_calls_allowed=test_calls_allowed,
        )


        customer_out.additional_properties = d
        return customer_out

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
