from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.metric_totals import MetricTotals
  from ..models.severity_figures import SeverityFigures





T = TypeVar("T", bound="SlaReportOut")



@_attrs_define
class SlaReportOut:
    """ 
        Example:
            {'by_severity': [{'breached': 2, 'compliance': 0.8182, 'median_seconds': 840.0, 'met': 9, 'metric': 'reaction',
                'p90_seconds': 1512.5, 'running': 1, 'severity': 1, 'total': 12}], 'from': '2027-01-01T00:00:00Z',
                'generated_at': '2027-04-01T06:00:00Z', 'to': '2027-04-01T00:00:00Z', 'totals': [{'breached': 2, 'compliance':
                0.8182, 'median_seconds': 840.0, 'met': 9, 'metric': 'reaction', 'p90_seconds': 1512.5, 'running': 1, 'total':
                12}]}

        Attributes:
            by_severity (list[SeverityFigures]): Per severity × metric with at least one clock; severity 1 first
            contract_id (None | UUID): The one contract reported on, if any
            customer_id (None | UUID): The one customer reported on, if any
            from_ (datetime.datetime): Tickets created at or after this instant (UTC)
            generated_at (datetime.datetime):
            to (datetime.datetime): … and before this one (UTC)
            totals (list[MetricTotals]): Per metric over every severity
     """

    by_severity: list[SeverityFigures]
    contract_id: None | UUID
    customer_id: None | UUID
    from_: datetime.datetime
    generated_at: datetime.datetime
    to: datetime.datetime
    totals: list[MetricTotals]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_totals import MetricTotals # noqa: PLC0415
        from ..models.severity_figures import SeverityFigures # noqa: PLC0415
        by_severity = []
        for by_severity_item_data in self.by_severity:
            by_severity_item = by_severity_item_data.to_dict()
            by_severity.append(by_severity_item)



        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        from_ = self.from_.isoformat()

        generated_at = self.generated_at.isoformat()

        to = self.to.isoformat()

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_severity": by_severity,
            "contract_id": contract_id,
            "customer_id": customer_id,
            "from": from_,
            "generated_at": generated_at,
            "to": to,
            "totals": totals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_totals import MetricTotals # noqa: PLC0415
        from ..models.severity_figures import SeverityFigures # noqa: PLC0415
        d = dict(src_dict)
        by_severity = []
        _by_severity = d.pop("by_severity")
        for by_severity_item_data in (_by_severity):
            by_severity_item = SeverityFigures.from_dict(by_severity_item_data)



            by_severity.append(by_severity_item)


        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)



                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))


        from_ = datetime.datetime.fromisoformat(d.pop("from"))




        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))




        to = datetime.datetime.fromisoformat(d.pop("to"))




        totals = []
        _totals = d.pop("totals")
        for totals_item_data in (_totals):
            totals_item = MetricTotals.from_dict(totals_item_data)



            totals.append(totals_item)


        sla_report_out = cls(
            by_severity=by_severity,
            contract_id=contract_id,
            customer_id=customer_id,
            from_=from_,
            generated_at=generated_at,
            to=to,
            totals=totals,
        )


        sla_report_out.additional_properties = d
        return sla_report_out

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
