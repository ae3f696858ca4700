from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.matrix_cell_doc import MatrixCellDoc
  from ..models.severity_doc import SeverityDoc
  from ..models.target_doc import TargetDoc





T = TypeVar("T", bound="PolicyDocument")



@_attrs_define
class PolicyDocument:
    """ Severity scheme, optional urgency x impact matrix, and targets (SPEC 3).

        Example:
            {'name': 'iPass', 'severities': [{'definition': 'Authentication infrastructure down: no user can connect',
                'level': 1, 'name': 'High'}], 'targets': [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15},
                'clock': 'continuous', 'metric': 'reaction', 'minutes': 60, 'severity': 1}]}

        Attributes:
            name (str):
            severities (list[SeverityDoc]):
            priority_matrix (list[MatrixCellDoc] | None | Unset): All nine urgency x impact cells, each giving a level
            targets (list[TargetDoc] | Unset):
     """

    name: str
    severities: list[SeverityDoc]
    priority_matrix: list[MatrixCellDoc] | None | Unset = UNSET
    targets: list[TargetDoc] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.matrix_cell_doc import MatrixCellDoc # noqa: PLC0415
        from ..models.severity_doc import SeverityDoc # noqa: PLC0415
        from ..models.target_doc import TargetDoc # noqa: PLC0415
        name = self.name

        severities = []
        for severities_item_data in self.severities:
            severities_item = severities_item_data.to_dict()
            severities.append(severities_item)



        priority_matrix: list[dict[str, Any]] | None | Unset
        if isinstance(self.priority_matrix, Unset):
            priority_matrix = UNSET
        elif isinstance(self.priority_matrix, list):
            priority_matrix = []
            for priority_matrix_type_0_item_data in self.priority_matrix:
                priority_matrix_type_0_item = priority_matrix_type_0_item_data.to_dict()
                priority_matrix.append(priority_matrix_type_0_item)


        else:
            priority_matrix = self.priority_matrix

        targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.to_dict()
                targets.append(targets_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "severities": severities,
        })
        if priority_matrix is not UNSET:
            field_dict["priority_matrix"] = priority_matrix
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matrix_cell_doc import MatrixCellDoc # noqa: PLC0415
        from ..models.severity_doc import SeverityDoc # noqa: PLC0415
        from ..models.target_doc import TargetDoc # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        severities = []
        _severities = d.pop("severities")
        for severities_item_data in (_severities):
            severities_item = SeverityDoc.from_dict(severities_item_data)



            severities.append(severities_item)


        def _parse_priority_matrix(data: object) -> list[MatrixCellDoc] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                priority_matrix_type_0 = []
                _priority_matrix_type_0 = data
                for priority_matrix_type_0_item_data in (_priority_matrix_type_0):
                    priority_matrix_type_0_item = MatrixCellDoc.from_dict(priority_matrix_type_0_item_data)



                    priority_matrix_type_0.append(priority_matrix_type_0_item)

                return priority_matrix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MatrixCellDoc] | None | Unset, data)

        priority_matrix = _parse_priority_matrix(d.pop("priority_matrix", UNSET))


        _targets = d.pop("targets", UNSET)
        targets: list[TargetDoc] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = TargetDoc.from_dict(targets_item_data)



                targets.append(targets_item)


        policy_document = cls(
            name=name,
            severities=severities,
            priority_matrix=priority_matrix,
            targets=targets,
        )

        return policy_document

