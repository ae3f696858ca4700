from enum import StrEnum

class ClockState(StrEnum):
    BREACHED = "breached"
    MET = "met"
    NOT_APPLICABLE = "not_applicable"
    PAUSED = "paused"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
