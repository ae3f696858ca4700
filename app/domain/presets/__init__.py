"""The five seed processes as configuration: calendar, policy and contract terms (SPEC 9).

Pure data builders, one module per process; `PRESETS` lists them by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.domain.calendar_document import calendar_from_document
from app.domain.errors import InvalidCalendar, NotFound
from app.domain.presets.aarenet import aarenet_premium, aarenet_standard
from app.domain.presets.ava import ava
from app.domain.presets.bicom import bicom
from app.domain.presets.ipass import ipass
from app.domain.presets.keepnet import keepnet
from app.domain.presets.kit import ContractTemplate, InvalidPresetParameter, Parameter, Preset

__all__ = [
    "PRESETS",
    "ContractTemplate",
    "InvalidPresetParameter",
    "Parameter",
    "Preset",
    "all_presets",
    "preset",
]

# Each builder gives the preset with its defaults when called without arguments; a preset
# with `parameters` takes them as keyword arguments.
PRESETS: dict[str, Callable[..., Preset]] = {
    "aarenet-standard": aarenet_standard,
    "aarenet-premium": aarenet_premium,
    "ava": ava,
    "ipass": ipass,
    "bicom": bicom,
    "keepnet": keepnet,
}


def preset(name: str, arguments: Mapping[str, str] | None = None) -> Preset:
    """The preset called `name`, built with `arguments` for its parameters.

    NotFound (404) for any other name; `InvalidPresetParameter` (422) naming the
    parameter that the preset does not take or whose value is not valid.
    """
    builder = PRESETS.get(name)
    if builder is None:
        raise NotFound(f"there is no preset {name!r}; see GET /v1/presets")
    built = builder()
    if not arguments:
        return built
    accepted = {p.name: p for p in built.parameters}
    for key in arguments:
        if key not in accepted:
            takes = ", ".join(accepted) or "no parameters: its periods are not the customer's"
            raise InvalidPresetParameter(key, f"the preset {name!r} takes {takes}")
    chosen: dict[str, Any] = dict(arguments)
    built = builder(**chosen)
    _check_parameters(built)
    return built


def _check_parameters(built: Preset) -> None:
    """A bad value is reported under the parameter's name, not the calendar's path."""
    by_field = {p.calendar_field: p.name for p in built.parameters}
    try:
        calendar_from_document(built.calendar)
    except InvalidCalendar as error:
        name = by_field.get(error.field)
        if name is None:
            raise
        raise InvalidPresetParameter(name, error.detail) from None


def all_presets() -> list[Preset]:
    return [build() for build in PRESETS.values()]
