from enum import StrEnum

class EventType(StrEnum):
    EMPTY = "*"
    ESCALATION_CREATED = "escalation.created"
    ESCALATION_UPDATED = "escalation.updated"
    SLA_BREACHED = "sla.breached"
    SLA_WARNING = "sla.warning"
    TICKET_ATTACHMENT_ADDED = "ticket.attachment_added"
    TICKET_CALL_RECORDED = "ticket.call_recorded"
    TICKET_COMMENT_ADDED = "ticket.comment_added"
    TICKET_CREATED = "ticket.created"
    TICKET_EMERGENCY = "ticket.emergency"
    TICKET_RELEASED_FROM_QUARANTINE = "ticket.released_from_quarantine"
    TICKET_SEVERITY_CHANGED = "ticket.severity_changed"
    TICKET_SEVERITY_CHANGE_ACCEPTED = "ticket.severity_change_accepted"
    TICKET_SEVERITY_CHANGE_DISPUTED = "ticket.severity_change_disputed"
    TICKET_SEVERITY_CHANGE_PROPOSED = "ticket.severity_change_proposed"
    TICKET_SEVERITY_CHANGE_REJECTED = "ticket.severity_change_rejected"
    TICKET_SEVERITY_DECIDED = "ticket.severity_decided"
    TICKET_SEVERITY_RECLASSIFIED = "ticket.severity_reclassified"
    TICKET_STATE_CHANGED = "ticket.state_changed"
    TICKET_UPDATED = "ticket.updated"

    def __str__(self) -> str:
        return str(self.value)
