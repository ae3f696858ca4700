from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rating import Rating






T = TypeVar("T", bound="MatrixCellDoc")



@_attrs_define
class MatrixCellDoc:
    """ 
        Attributes:
            impact (Rating): An urgency or impact of the priority matrix (SPEC 3).
            severity (int):
            urgency (Rating): An urgency or impact of the priority matrix (SPEC 3).
     """

    impact: Rating
    severity: int
    urgency: Rating





    def to_dict(self) -> dict[str, Any]:
        impact = self.impact.value

        severity = self.severity

        urgency = self.urgency.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "impact": impact,
            "severity": severity,
            "urgency": urgency,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        impact = Rating(d.pop("impact"))




        severity = d.pop("severity")

        urgency = Rating(d.pop("urgency"))




        matrix_cell_doc = cls(
            impact=impact,
            severity=severity,
            urgency=urgency,
        )

        return matrix_cell_doc

