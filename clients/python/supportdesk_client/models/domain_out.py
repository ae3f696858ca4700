from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain_out_status import DomainOutStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DomainOut")



@_attrs_define
class DomainOut:
    """ 
        Example:
            {'created_at': '2026-11-18T07:00:00Z', 'customer_id': '0190c3d2-6a10-7c2e-8b4f-1d2e3f405162', 'id':
                '0190c3d2-7f70-7a92-9ca3-c4d5e6f70819', 'kind': 'domain', 'status': 'verified', 'value': 'acme.vn'}

        Attributes:
            created_at (datetime.datetime):
            customer_id (UUID):
            id (UUID):
            kind (str):
            status (DomainOutStatus):
            value (str):
     """

    created_at: datetime.datetime
    customer_id: UUID
    id: UUID
    kind: str
    status: DomainOutStatus
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        customer_id = str(self.customer_id)

        id = str(self.id)

        kind = self.kind

        status = self.status.value

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "customer_id": customer_id,
            "id": id,
            "kind": kind,
            "status": status,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        customer_id = UUID(d.pop("customer_id"))




        id = UUID(d.pop("id"))




        kind = d.pop("kind")

        status = DomainOutStatus(d.pop("status"))




        value = d.pop("value")

        domain_out = cls(
            created_at=created_at,
            customer_id=customer_id,
            id=id,
            kind=kind,
            status=status,
            value=value,
        )


        domain_out.additional_properties = d
        return domain_out

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
