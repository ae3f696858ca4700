from enum import StrEnum

class SeverityChangeStatus(StrEnum):
    ACCEPTED = "accepted"
    APPLIED = "applied"
    DECIDED = "decided"
    DISPUTED = "disputed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
