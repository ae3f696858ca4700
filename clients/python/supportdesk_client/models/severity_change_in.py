from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SeverityChangeIn")



@_attrs_define
class SeverityChangeIn:
    """ 
        Attributes:
            to_level (int): The proposed severity (1 the most severe)
            reason (str | Unset): Required: why Default: ''.
            reclassify (bool | Unset): Managers: reclassify a Severity 1 case that does not meet the criteria, at once, with
                a written reason. The customer is notified and may dispute it. Default: False.
     """

    to_level: int
    reason: str | Unset = ''
    reclassify: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        to_level = self.to_level

        reason = self.reason

        reclassify = self.reclassify


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "to_level": to_level,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reclassify is not UNSET:
            field_dict["reclassify"] = reclassify

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_level = d.pop("to_level")

        reason = d.pop("reason", UNSET)

        reclassify = d.pop("reclassify", UNSET)

        severity_change_in = cls(
            to_level=to_level,
            reason=reason,
            reclassify=reclassify,
        )

        return severity_change_in

