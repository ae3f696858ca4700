from enum import StrEnum

class Metric(StrEnum):
    PATCH = "patch"
    REACTION = "reaction"
    RESOLUTION = "resolution"
    RESTORE = "restore"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
