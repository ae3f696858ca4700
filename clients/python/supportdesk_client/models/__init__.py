""" Contains all the data models used in inputs/outputs """

from .accepted import Accepted
from .acknowledge_in import AcknowledgeIn
from .activate_in import ActivateIn
from .api_key_created import ApiKeyCreated
from .api_key_in import ApiKeyIn
from .attachment_out import AttachmentOut
from .calendar_document import CalendarDocument
from .calendar_out import CalendarOut
from .calendar_update import CalendarUpdate
from .calendar_version_out import CalendarVersionOut
from .call_in import CallIn
from .call_out import CallOut
from .call_verification_out import CallVerificationOut
from .caller_verification import CallerVerification
from .category import Category
from .change_actor import ChangeActor
from .change_out import ChangeOut
from .change_out_data import ChangeOutData
from .change_page import ChangePage
from .channel import Channel
from .clock_kind import ClockKind
from .clock_out import ClockOut
from .clock_state import ClockState
from .comment_in import CommentIn
from .comment_out import CommentOut
from .contact_doc import ContactDoc
from .contact_out import ContactOut
from .contract_in import ContractIn
from .contract_out import ContractOut
from .contract_patch import ContractPatch
from .customer_in import CustomerIn
from .customer_out import CustomerOut
from .customer_patch import CustomerPatch
from .customer_type import CustomerType
from .domain_in import DomainIn
from .domain_out import DomainOut
from .domain_out_status import DomainOutStatus
from .escalation_in import EscalationIn
from .escalation_level_doc import EscalationLevelDoc
from .escalation_out import EscalationOut
from .escalation_state import EscalationState
from .event_out import EventOut
from .event_out_after_type_0 import EventOutAfterType0
from .event_out_before_type_0 import EventOutBeforeType0
from .event_type import EventType
from .fact import Fact
from .field_error import FieldError
from .grant_type import GrantType
from .holidays_doc import HolidaysDoc
from .hours_doc import HoursDoc
from .how_widespread import HowWidespread
from .login_form import LoginForm
from .mail_attachment_out import MailAttachmentOut
from .manager_role import ManagerRole
from .matrix_cell_doc import MatrixCellDoc
from .me_patch import MePatch
from .metric import Metric
from .metric_totals import MetricTotals
from .notification_preferences import NotificationPreferences
from .outcome import Outcome
from .owner_kind import OwnerKind
from .page_attachment_out import PageAttachmentOut
from .page_calendar_out import PageCalendarOut
from .page_calendar_version_out import PageCalendarVersionOut
from .page_comment_out import PageCommentOut
from .page_contract_out import PageContractOut
from .page_customer_out import PageCustomerOut
from .page_domain_out import PageDomainOut
from .page_escalation_out import PageEscalationOut
from .page_event_out import PageEventOut
from .page_partner_out import PagePartnerOut
from .page_policy_out import PagePolicyOut
from .page_policy_version_out import PagePolicyVersionOut
from .page_quarantined_mail_out import PageQuarantinedMailOut
from .page_severity_change_out import PageSeverityChangeOut
from .page_ticket_out import PageTicketOut
from .page_user_out import PageUserOut
from .page_webhook_delivery_out import PageWebhookDeliveryOut
from .page_webhook_out import PageWebhookOut
from .partner_in import PartnerIn
from .partner_out import PartnerOut
from .password_change_in import PasswordChangeIn
from .password_reset_confirm_in import PasswordResetConfirmIn
from .password_reset_in import PasswordResetIn
from .patch_in import PatchIn
from .pause_out import PauseOut
from .period import Period
from .phone_call_rule_doc import PhoneCallRuleDoc
from .phone_call_rule_doc_by_period_type_0 import PhoneCallRuleDocByPeriodType0
from .phone_number import PhoneNumber
from .policy_document import PolicyDocument
from .policy_out import PolicyOut
from .policy_update import PolicyUpdate
from .policy_version_out import PolicyVersionOut
from .preset_applied import PresetApplied
from .preset_apply_in import PresetApplyIn
from .preset_out import PresetOut
from .preset_parameter_out import PresetParameterOut
from .preview_in import PreviewIn
from .preview_out import PreviewOut
from .preview_target import PreviewTarget
from .problem import Problem
from .problem_type_out import ProblemTypeOut
from .quarantine_state import QuarantineState
from .quarantined_mail_detail import QuarantinedMailDetail
from .quarantined_mail_detail_reason import QuarantinedMailDetailReason
from .quarantined_mail_out import QuarantinedMailOut
from .rating import Rating
from .reason import Reason
from .refresh_in import RefreshIn
from .release_in import ReleaseIn
from .released_out import ReleasedOut
from .resolve_in import ResolveIn
from .role import Role
from .severity_answer_in import SeverityAnswerIn
from .severity_change_in import SeverityChangeIn
from .severity_change_kind import SeverityChangeKind
from .severity_change_out import SeverityChangeOut
from .severity_change_status import SeverityChangeStatus
from .severity_decision_in import SeverityDecisionIn
from .severity_doc import SeverityDoc
from .severity_figures import SeverityFigures
from .shift_doc import ShiftDoc
from .side import Side
from .signup_in import SignupIn
from .sla_report_out import SlaReportOut
from .target_doc import TargetDoc
from .target_doc_by_period_type_0 import TargetDocByPeriodType0
from .ticket_create import TicketCreate
from .ticket_out import TicketOut
from .ticket_out_facts import TicketOutFacts
from .ticket_patch import TicketPatch
from .ticket_sla_out import TicketSlaOut
from .ticket_sort import TicketSort
from .ticket_status import TicketStatus
from .token_out import TokenOut
from .transition_in import TransitionIn
from .upload_attachment_body import UploadAttachmentBody
from .user_in import UserIn
from .user_out import UserOut
from .visibility import Visibility
from .webhook_created import WebhookCreated
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_in import WebhookIn
from .webhook_out import WebhookOut
from .webhook_patch import WebhookPatch
from .webhook_replay_in import WebhookReplayIn
from .webhook_replay_queued import WebhookReplayQueued
from .webhook_secret_rotated import WebhookSecretRotated
from .webhook_test_queued import WebhookTestQueued
from .weekday import Weekday

__all__ = (
    "Accepted",
    "AcknowledgeIn",
    "ActivateIn",
    "ApiKeyCreated",
    "ApiKeyIn",
    "AttachmentOut",
    "CalendarDocument",
    "CalendarOut",
    "CalendarUpdate",
    "CalendarVersionOut",
    "CallerVerification",
    "CallIn",
    "CallOut",
    "CallVerificationOut",
    "Category",
    "ChangeActor",
    "ChangeOut",
    "ChangeOutData",
    "ChangePage",
    "Channel",
    "ClockKind",
    "ClockOut",
    "ClockState",
    "CommentIn",
    "CommentOut",
    "ContactDoc",
    "ContactOut",
    "ContractIn",
    "ContractOut",
    "ContractPatch",
    "CustomerIn",
    "CustomerOut",
    "CustomerPatch",
    "CustomerType",
    "DomainIn",
    "DomainOut",
    "DomainOutStatus",
    "EscalationIn",
    "EscalationLevelDoc",
    "EscalationOut",
    "EscalationState",
    "EventOut",
    "EventOutAfterType0",
    "EventOutBeforeType0",
    "EventType",
    "Fact",
    "FieldError",
    "GrantType",
    "HolidaysDoc",
    "HoursDoc",
    "HowWidespread",
    "LoginForm",
    "MailAttachmentOut",
    "ManagerRole",
    "MatrixCellDoc",
    "MePatch",
    "Metric",
    "MetricTotals",
    "NotificationPreferences",
    "Outcome",
    "OwnerKind",
    "PageAttachmentOut",
    "PageCalendarOut",
    "PageCalendarVersionOut",
    "PageCommentOut",
    "PageContractOut",
    "PageCustomerOut",
    "PageDomainOut",
    "PageEscalationOut",
    "PageEventOut",
    "PagePartnerOut",
    "PagePolicyOut",
    "PagePolicyVersionOut",
    "PageQuarantinedMailOut",
    "PageSeverityChangeOut",
    "PageTicketOut",
    "PageUserOut",
    "PageWebhookDeliveryOut",
    "PageWebhookOut",
    "PartnerIn",
    "PartnerOut",
    "PasswordChangeIn",
    "PasswordResetConfirmIn",
    "PasswordResetIn",
    "PatchIn",
    "PauseOut",
    "Period",
    "PhoneCallRuleDoc",
    "PhoneCallRuleDocByPeriodType0",
    "PhoneNumber",
    "PolicyDocument",
    "PolicyOut",
    "PolicyUpdate",
    "PolicyVersionOut",
    "PresetApplied",
    "PresetApplyIn",
    "PresetOut",
    "PresetParameterOut",
    "PreviewIn",
    "PreviewOut",
    "PreviewTarget",
    "Problem",
    "ProblemTypeOut",
    "QuarantinedMailDetail",
    "QuarantinedMailDetailReason",
    "QuarantinedMailOut",
    "QuarantineState",
    "Rating",
    "Reason",
    "RefreshIn",
    "ReleasedOut",
    "ReleaseIn",
    "ResolveIn",
    "Role",
    "SeverityAnswerIn",
    "SeverityChangeIn",
    "SeverityChangeKind",
    "SeverityChangeOut",
    "SeverityChangeStatus",
    "SeverityDecisionIn",
    "SeverityDoc",
    "SeverityFigures",
    "ShiftDoc",
    "Side",
    "SignupIn",
    "SlaReportOut",
    "TargetDoc",
    "TargetDocByPeriodType0",
    "TicketCreate",
    "TicketOut",
    "TicketOutFacts",
    "TicketPatch",
    "TicketSlaOut",
    "TicketSort",
    "TicketStatus",
    "TokenOut",
    "TransitionIn",
    "UploadAttachmentBody",
    "UserIn",
    "UserOut",
    "Visibility",
    "WebhookCreated",
    "WebhookDeliveryOut",
    "WebhookIn",
    "WebhookOut",
    "WebhookPatch",
    "WebhookReplayIn",
    "WebhookReplayQueued",
    "WebhookSecretRotated",
    "WebhookTestQueued",
    "Weekday",
)
