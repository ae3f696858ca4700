from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.matrix_cell_doc import MatrixCellDoc
  from ..models.severity_doc import SeverityDoc
  from ..models.target_doc import TargetDoc





T = TypeVar("T", bound="PolicyOut")



@_attrs_define
class PolicyOut:
    """ 
        Example:
            {'created_at': '2026-10-01T03:00:00Z', 'id': '0190c3d2-6e50-7062-8f83-5162738495a6', 'name': 'Premium',
                'priority_matrix': None, 'severities': [{'definition': 'All calls fail', 'level': 1, 'name': 'Critical'},
                {'definition': 'Many calls fail; no workaround', 'level': 2, 'name': 'Major'}], 'targets': [{'clock':
                'continuous', 'metric': 'reaction', 'minutes': 15, 'severity': 1}, {'clock': 'continuous', 'metric': 'restore',
                'minutes': 120, 'severity': 1}, {'clock': 'continuous', 'metric': 'restore', 'minutes': 240, 'severity': 2},
                {'clock': 'business', 'metric': 'resolution', 'minutes': 4800, 'severity': 2}, {'clock': 'continuous', 'metric':
                'update', 'minutes': 120, 'severity': 2}], 'updated_at': '2026-12-01T06:45:00Z', 'version': 2}

        Attributes:
            created_at (datetime.datetime):
            id (UUID):
            name (str):
            severities (list[SeverityDoc]):
            updated_at (datetime.datetime):
            version (int): The current version; a PUT adds the next
            priority_matrix (list[MatrixCellDoc] | None | Unset): All nine urgency x impact cells, each giving a level
            targets (list[TargetDoc] | Unset):
     """

    created_at: datetime.datetime
    id: UUID
    name: str
    severities: list[SeverityDoc]
    updated_at: datetime.datetime
    version: int
    priority_matrix: list[MatrixCellDoc] | None | Unset = UNSET
    targets: list[TargetDoc] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.matrix_cell_doc import MatrixCellDoc # noqa: PLC0415
        from ..models.severity_doc import SeverityDoc # noqa: PLC0415
        from ..models.target_doc import TargetDoc # noqa: PLC0415
        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        severities = []
        for severities_item_data in self.severities:
            severities_item = severities_item_data.to_dict()
            severities.append(severities_item)



        updated_at = self.updated_at.isoformat()

        version = self.version

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
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "name": name,
            "severities": severities,
            "updated_at": updated_at,
            "version": version,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        name = d.pop("name")

        severities = []
        _severities = d.pop("severities")
        for severities_item_data in (_severities):
            severities_item = SeverityDoc.from_dict(severities_item_data)



            severities.append(severities_item)


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

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


        policy_out = cls(
            created_at=created_at,
            id=id,
            name=name,
            severities=severities,
            updated_at=updated_at,
            version=version,
            priority_matrix=priority_matrix,
            targets=targets,
        )


        policy_out.additional_properties = d
        return policy_out

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
