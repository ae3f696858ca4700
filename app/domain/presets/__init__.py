"""The five seed processes as configuration: calendar, policy and contract terms (SPEC 9).

Pure data builders, one module per process; `PRESETS` lists them by name.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.errors import NotFound
from app.domain.presets.aarenet import aarenet_premium, aarenet_standard
from app.domain.presets.ava import ava
from app.domain.presets.bicom import bicom
from app.domain.presets.ipass import ipass
from app.domain.presets.keepnet import keepnet
from app.domain.presets.kit import ContractTemplate, Preset

__all__ = ["PRESETS", "ContractTemplate", "Preset", "all_presets", "preset"]

PRESETS: dict[str, Callable[[], Preset]] = {
    "aarenet-standard": aarenet_standard,
    "aarenet-premium": aarenet_premium,
    "ava": ava,
    "ipass": ipass,
    "bicom": bicom,
    "keepnet": keepnet,
}


def preset(name: str) -> Preset:
    """The preset called `name`; NotFound (404) for any other name."""
    builder = PRESETS.get(name)
    if builder is None:
        raise NotFound(f"there is no preset {name!r}; see GET /v1/presets")
    return builder()


def all_presets() -> list[Preset]:
    return [build() for build in PRESETS.values()]
