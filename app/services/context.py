"""What every use case is given besides its unit of work: settings and the one clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.clock import Clock
from app.settings import Settings


@dataclass(frozen=True, slots=True)
class ServiceContext:
    settings: Settings
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now()
