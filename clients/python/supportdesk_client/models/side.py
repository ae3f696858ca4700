from enum import StrEnum

class Side(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
