from enum import StrEnum

class QuarantinedMailDetailReason(StrEnum):
    ATTACHMENTS_KEPT = "attachments_kept"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    ESCALATION_CASE_CLOSED = "escalation_case_closed"
    ESCALATION_NO_CASE = "escalation_no_case"
    ESCALATION_REFUSED = "escalation_refused"
    ESCALATION_UNKNOWN_SENDER = "escalation_unknown_sender"
    LOOP = "loop"
    NO_ACCOUNT = "no_account"
    PARTNER_FIRST = "partner_first"
    REJECTED = "rejected"
    UNAUTHENTICATED = "unauthenticated"
    UNREGISTERED_SENDER = "unregistered_sender"

    def __str__(self) -> str:
        return str(self.value)
