from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SeverityDecisionIn")



@_attrs_define
class SeverityDecisionIn:
    """ 
        Example:
            {'level': 2, 'reason': 'Half of the sites are affected: severity 2.'}

        Attributes:
            level (int): The severity the case keeps or takes (final)
            reason (str | Unset):  Default: ''.
     """

    level: int
    reason: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        level = self.level

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "level": level,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = d.pop("level")

        reason = d.pop("reason", UNSET)

        severity_decision_in = cls(
            level=level,
            reason=reason,
        )

        return severity_decision_in

