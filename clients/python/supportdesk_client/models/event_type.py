from enum import StrEnum

class EventType(StrEnum):
    ESCALATION_CREATED = "escalation.created"
    ESCALATION_UPDATED = "escalation.updated"
    SLA_BREACHED = "sla.breached"
    SLA_WARNING = "sla.warning"
    TICKET_COMMENT_ADDED = "ticket.comment_added"
    TICKET_CREATED = "ticket.created"
    TICKET_EMERGENCY = "ticket.emergency"
    TICKET_STATE_CHANGED = "ticket.state_changed"
    TICKET_UPDATED = "ticket.updated"

    def __str__(self) -> str:
        return str(self.value)
