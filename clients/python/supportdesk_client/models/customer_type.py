from enum import StrEnum

class CustomerType(StrEnum):
    ENTERPRISE = "enterprise"
    SOHO = "soho"

    def __str__(self) -> str:
        return str(self.value)
