from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_type import CustomerType
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CustomerOut")



@_attrs_define
class CustomerOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            customer_type (CustomerType):
            id (UUID):
            name (str):
            partner_id (None | UUID):
            updated_at (datetime.datetime):
     """

    created_at: datetime.datetime
    customer_type: CustomerType
    id: UUID
    name: str
    partner_id: None | UUID
    updated_at: datetime.datetime
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




        customer_out = cls(
            created_at=created_at,
            customer_type=customer_type,
            id=id,
            name=name,
            partner_id=partner_id,
            updated_at=updated_at,
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
