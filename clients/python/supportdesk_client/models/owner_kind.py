from enum import StrEnum

class OwnerKind(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"
    VENDOR = "vendor"

    def __str__(self) -> str:
        return str(self.value)
