from enum import StrEnum

class QuarantinedMailDetailReason(StrEnum):
    ATTACHMENTS_KEPT = "attachments_kept"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    LOOP = "loop"
    NO_ACCOUNT = "no_account"
    PARTNER_FIRST = "partner_first"
    REJECTED = "rejected"
    UNAUTHENTICATED = "unauthenticated"
    UNREGISTERED_SENDER = "unregistered_sender"

    def __str__(self) -> str:
        return str(self.value)
