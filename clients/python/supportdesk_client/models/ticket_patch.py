from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="TicketPatch")



@_attrs_define
class TicketPatch:
    """ 
        Example:
            {'assignee_id': '0190c3d2-7020-7b4c-9d5e-6f70819a2b3c', 'product_area': 'SIP trunking'}

        Attributes:
            assignee_id (None | Unset | UUID):
            chargeable (bool | None | Unset): Managers: an emergency that was not one is chargeable
            description (None | str | Unset):
            external_ref (None | str | Unset):
            product_area (None | str | Unset):
            subject (None | str | Unset):
     """

    assignee_id: None | Unset | UUID = UNSET
    chargeable: bool | None | Unset = UNSET
    description: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    product_area: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        chargeable: bool | None | Unset
        if isinstance(self.chargeable, Unset):
            chargeable = UNSET
        else:
            chargeable = self.chargeable

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        product_area: None | str | Unset
        if isinstance(self.product_area, Unset):
            product_area = UNSET
        else:
            product_area = self.product_area

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if chargeable is not UNSET:
            field_dict["chargeable"] = chargeable
        if description is not UNSET:
            field_dict["description"] = description
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if product_area is not UNSET:
            field_dict["product_area"] = product_area
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)



                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))


        def _parse_chargeable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        chargeable = _parse_chargeable(d.pop("chargeable", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))


        def _parse_product_area(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_area = _parse_product_area(d.pop("product_area", UNSET))


        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))


        ticket_patch = cls(
            assignee_id=assignee_id,
            chargeable=chargeable,
            description=description,
            external_ref=external_ref,
            product_area=product_area,
            subject=subject,
        )

        return ticket_patch

