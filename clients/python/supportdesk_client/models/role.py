from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    AGENT = "agent"
    CUSTOMER_ADMIN = "customer_admin"
    CUSTOMER_SERVICE_MANAGER = "customer_service_manager"
    CUSTOMER_USER = "customer_user"
    DIRECTOR = "director"
    PARTNER_AGENT = "partner_agent"
    REGIONAL_OPS_MANAGER = "regional_ops_manager"
    SUPPORT_MANAGER = "support_manager"

    def __str__(self) -> str:
        return str(self.value)
