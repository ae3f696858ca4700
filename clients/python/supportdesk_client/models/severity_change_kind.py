from enum import StrEnum

class SeverityChangeKind(StrEnum):
    PROPOSAL = "proposal"
    RECLASSIFICATION = "reclassification"

    def __str__(self) -> str:
        return str(self.value)
