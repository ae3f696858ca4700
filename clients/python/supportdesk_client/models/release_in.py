from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ReleaseIn")



@_attrs_define
class ReleaseIn:
    """ 
        Example:
            {'customer_id': '0193b5c2-7d1e-7c3a-9f00-4b1e2c3d4e5f', 'requester_email': 'lan@acme.com'}

        Attributes:
            customer_id (UUID): The customer the case is raised for
            requester_email (None | str | Unset): An active user of that customer to raise the case as; without it the
                releasing staff member raises it for the customer.
     """

    customer_id: UUID
    requester_email: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        requester_email: None | str | Unset
        if isinstance(self.requester_email, Unset):
            requester_email = UNSET
        else:
            requester_email = self.requester_email


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "customer_id": customer_id,
        })
        if requester_email is not UNSET:
            field_dict["requester_email"] = requester_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))




        def _parse_requester_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_email = _parse_requester_email(d.pop("requester_email", UNSET))


        release_in = cls(
            customer_id=customer_id,
            requester_email=requester_email,
        )

        return release_in

