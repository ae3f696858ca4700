from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_type import CustomerType
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CustomerIn")



@_attrs_define
class CustomerIn:
    """ 
        Example:
            {'customer_type': 'enterprise', 'domains': ['acme.vn'], 'name': 'ACME Vietnam'}

        Attributes:
            customer_type (CustomerType):
            name (str):
            domains (list[str] | Unset):
            partner_id (None | Unset | UUID):
     """

    customer_type: CustomerType
    name: str
    domains: list[str] | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        customer_type = self.customer_type.value

        name = self.name

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = self.domains



        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "customer_type": customer_type,
            "name": name,
        })
        if domains is not UNSET:
            field_dict["domains"] = domains
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_type = CustomerType(d.pop("customer_type"))




        name = d.pop("name")

        domains = cast(list[str], d.pop("domains", UNSET))


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


        customer_in = cls(
            customer_type=customer_type,
            name=name,
            domains=domains,
            partner_id=partner_id,
        )


        customer_in.additional_properties = d
        return customer_in

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
