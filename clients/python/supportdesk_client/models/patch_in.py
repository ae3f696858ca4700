from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchIn")



@_attrs_define
class PatchIn:
    """ The patch of a critical bug, delivered (SPEC 4, support charter).

        Example:
            {'note': 'Apply tonight.', 'reference': 'PBX 7.4.2-hotfix1 (BUG-4711)'}

        Attributes:
            reference (str): The patch or release that fixes the bug
            note (None | str | Unset):
     """

    reference: str
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reference": reference,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        patch_in = cls(
            reference=reference,
            note=note,
        )

        return patch_in

