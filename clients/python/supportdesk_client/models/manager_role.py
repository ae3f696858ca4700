from enum import StrEnum

class ManagerRole(StrEnum):
    CUSTOMER_SERVICE_MANAGER = "customer_service_manager"
    DIRECTOR = "director"
    REGIONAL_OPS_MANAGER = "regional_ops_manager"
    SUPPORT_MANAGER = "support_manager"

    def __str__(self) -> str:
        return str(self.value)
