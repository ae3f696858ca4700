from enum import StrEnum

class Metric(StrEnum):
    REACTION = "reaction"
    RESOLUTION = "resolution"
    RESTORE = "restore"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
