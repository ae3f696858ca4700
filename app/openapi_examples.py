"""Examples for the request bodies and response models whose schemas carry none
(issue 12 point 6): schema component name -> a realistic value of that model.

They live here, not in `app/schemas/*`, so the models stay about validation; `app.openapi.
complete` writes each one into its component, and derives every `Page_X_` example from
X's. `tests/test_openapi.py` validates each against its model and refuses a name that no
schema of the document has.
"""

from __future__ import annotations

from typing import Any

# One cast of ids, so the examples point at one another as real answers would.
TICKET_ID = "0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51"
CUSTOMER_ID = "0190c3d2-6a10-7c2e-8b4f-1d2e3f405162"
PARTNER_ID = "0190c3d2-6b20-7d3f-9c50-2e3f40516273"
CONTRACT_ID = "0190c3d2-6c30-7e40-8d61-3f4051627384"
CALENDAR_ID = "0190c3d2-6d40-7f51-9e72-405162738495"
POLICY_ID = "0190c3d2-6e50-7062-8f83-5162738495a6"
CALENDAR_VERSION_ID = "0190c3d2-6d41-7a11-8b22-5c6d7e8f9012"
POLICY_VERSION_ID = "0190c3d2-6e51-7b22-9c33-6d7e8f901234"
CUSTOMER_USER_ID = "0190c3d2-7010-7a3b-8c4d-5e6f70819a2b"
AGENT_ID = "0190c3d2-7020-7b4c-9d5e-6f70819a2b3c"
MANAGER_ID = "0190c3d2-7030-7c5d-8e6f-70819a2b3c4d"
MAIL_ID = "0190c3d2-7c40-7d6e-9f70-819a2b3c4d5e"
WEBHOOK_ID = "0190c3d2-7d50-7e7f-8a81-9a2b3c4d5e6f"
EVENT_ID = "0190c3d2-8a11-7f80-9b92-a2b3c4d5e6f7"
CREATED = "2027-01-05T08:15:42Z"
UPDATED = "2027-01-05T09:02:10Z"

TOKEN = "Ztq3v8Jk2pQ9rW4xY7bN1mC5dF6gH0sLaEuIoP"  # noqa: S105 (an example, not a secret)

TICKET_OUT: dict[str, Any] = {
    "id": TICKET_ID,
    "tracking_number": "SD-2027-000123",
    "customer_id": CUSTOMER_ID,
    "contract_id": CONTRACT_ID,
    "partner_id": None,
    "external_ref": None,
    "requester_id": CUSTOMER_USER_ID,
    "channel": "portal",
    "category": "incident",
    "subject": "PBX – not able to dial PSTN destinations",
    "description": "Since 09:10 no outbound call to PSTN numbers connects; internal calls work.",
    "severity": 2,
    "proposed_severity": 2,
    "urgency": None,
    "impact": None,
    "product_area": "SIP trunking",
    "facts": {
        "a_number": "+84 28 3822 1100",
        "b_number": "+84 24 3943 2000",
        "failed_call_at": "2027-01-05T08:12:00Z",
        "failure_reason": "503 Service Unavailable from the carrier",
        "how_widespread": "all_users",
    },
    "status": "in_progress",
    "outcome": None,
    "outcome_detail": None,
    "patch_due_at": None,
    "emergency": False,
    "chargeable": False,
    "assignee_id": AGENT_ID,
    "operations_centre": "HCMC",
    "phone_call_at": None,
    "created_at": CREATED,
    "updated_at": UPDATED,
    "acknowledged_at": "2027-01-05T08:31:05Z",
    "restored_at": None,
    "resolved_at": None,
    "closed_at": None,
    "withdrawn_at": None,
}

CLOCK_OUT: dict[str, Any] = {
    "metric": "restore",
    "minutes": 240,
    "clock": "continuous",
    "state": "running",
    "started_at": CREATED,
    "due_at": "2027-01-05T12:15:42Z",
    "warn_at": "2027-01-05T11:27:42Z",
    "stopped_at": None,
    "breached_at": None,
    "counted_seconds": 2788,
    "remaining_seconds": 11612,
    "from_phone_call": False,
    "pauses": [],
    "not_applicable_at": None,
}

USER_OUT: dict[str, Any] = {
    "id": CUSTOMER_USER_ID,
    "email": "lan@acme.vn",
    "name": "Lan Nguyen",
    "role": "customer_user",
    "customer_id": CUSTOMER_ID,
    "partner_id": None,
    "is_active": True,
    "phone_numbers": [{"label": "work", "number": "+84 28 3822 1100"}],
    "timezone": "Asia/Ho_Chi_Minh",
    "notification_preferences": {
        "email_ticket_updates": True,
        "email_public_comments": True,
        "email_sla_warnings": False,
        "email_escalations": True,
    },
    "created_at": "2026-11-20T02:30:00Z",
    "updated_at": CREATED,
}

CUSTOMER_OUT: dict[str, Any] = {
    "id": CUSTOMER_ID,
    "name": "ACME Vietnam",
    "customer_type": "enterprise",
    "partner_id": None,
    "how_widespread": None,
    "test_calls_allowed": True,
    "created_at": "2026-11-18T07:00:00Z",
    "updated_at": "2026-11-18T07:00:00Z",
}

PARTNER_OUT: dict[str, Any] = {
    "id": PARTNER_ID,
    "name": "Saigon Telecom Partners",
    "helpdesk_email": "helpdesk@saigon-partners.vn",
    "helpdesk_url": "https://helpdesk.saigon-partners.vn",
    "created_at": "2026-10-01T03:00:00Z",
}

API_KEY_OUT: dict[str, Any] = {
    "id": "0190c3d2-7e60-7f81-8b92-b3c4d5e6f708",
    "partner_id": PARTNER_ID,
    "name": "Zendesk bridge",
    "prefix": "sdk_7Hq2",
    "created_at": CREATED,
    "last_used_at": None,
    "revoked_at": None,
}

WEBHOOK_OUT: dict[str, Any] = {
    "id": WEBHOOK_ID,
    "customer_id": None,
    "partner_id": PARTNER_ID,
    "url": "https://helpdesk.saigon-partners.vn/supportdesk/events",
    "events": ["ticket.created", "ticket.state_changed", "sla.breached"],
    "description": "Mirror cases into our helpdesk",
    "contact_email": "helpdesk@saigon-partners.vn",
    "secret_prefix": "whsec_4UpH",
    "previous_secret_until": None,
    "is_active": True,
    "consecutive_failures": 0,
    "disabled_at": None,
    "created_at": CREATED,
    "owner": "partner",
}

QUARANTINED_MAIL_OUT: dict[str, Any] = {
    "id": MAIL_ID,
    "received_at": "2027-01-05T07:58:13Z",
    "mail_from": "noc@unknown-carrier.example",
    "sender": "noc@unknown-carrier.example",
    "rcpt_to": ["support@vendor.com"],
    "subject": "Trunk 2 down since 07:40",
    "message_id": "<20270105075813.4711@unknown-carrier.example>",
    "reason": "unregistered_sender",
    "detail": None,
    "customer_id": None,
    "size": 18342,
    "state": "held",
    "replied": True,
    "released_ticket_id": None,
    "decided_by": None,
    "decided_at": None,
}

CONTACT = {"name": "Minh Tran", "email": "minh@vendor.com", "phone": "+84 28 1234 5678"}

CALENDAR_DOCUMENT: dict[str, Any] = {
    "name": "Aarenet HCMC",
    "shifts": [
        {
            "name": "HCMC",
            "timezone": "Asia/Ho_Chi_Minh",
            "hours": [
                {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00"}
            ],
            "holidays": {"country": "VN", "subdivision": None},
            "closed_dates": ["2027-12-24"],
        }
    ],
}

POLICY_DOCUMENT: dict[str, Any] = {
    "name": "Premium",
    "severities": [
        {"level": 1, "name": "Critical", "definition": "All calls fail"},
        {"level": 2, "name": "Major", "definition": "Many calls fail; no workaround"},
    ],
    "targets": [
        {"severity": 1, "metric": "reaction", "minutes": 15, "clock": "continuous"},
        {"severity": 1, "metric": "restore", "minutes": 120, "clock": "continuous"},
        {"severity": 2, "metric": "restore", "minutes": 240, "clock": "continuous"},
        {"severity": 2, "metric": "resolution", "minutes": 4800, "clock": "business"},
        {"severity": 2, "metric": "update", "minutes": 120, "clock": "continuous"},
    ],
    "priority_matrix": None,
}

EXAMPLES: dict[str, dict[str, Any]] = {
    # accounts
    "Accepted": {"detail": "If the address is registered, an e-mail is on its way."},
    "ActivateIn": {"token": TOKEN, "password": "correct horse battery staple"},
    "LoginForm": {
        "grant_type": "password",
        "username": "lan@acme.vn",
        "password": "correct horse battery staple",
        "scope": "",
    },
    "TokenOut": {
        "access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkwYzNkMiJ9.c2lnbmF0dXJl",
        "token_type": "bearer",
        "expires_in": 900,
        "refresh_token": TOKEN,
    },
    "RefreshIn": {"refresh_token": TOKEN},
    "PasswordResetIn": {"email": "lan@acme.vn"},
    "PasswordResetConfirmIn": {"token": TOKEN, "password": "a longer passphrase for 2027"},
    "UserOut": USER_OUT,
    "MePatch": {
        "phone_numbers": [{"label": "mobile", "number": "+84 90 123 4567"}],
        "timezone": "Asia/Ho_Chi_Minh",
    },
    # organisations
    "CustomerOut": CUSTOMER_OUT,
    "CustomerPatch": {"how_widespread": "some_users", "test_calls_allowed": False},
    "DomainIn": {"domain": "acme.vn"},
    "DomainOut": {
        "id": "0190c3d2-7f70-7a92-9ca3-c4d5e6f70819",
        "customer_id": CUSTOMER_ID,
        "kind": "domain",
        "value": "acme.vn",
        "created_at": "2026-11-18T07:00:00Z",
        "status": "verified",
    },
    "UserIn": {"email": "hoa@acme.vn", "name": "Hoa Pham", "role": "customer_user"},
    "PartnerIn": {
        "name": "Saigon Telecom Partners",
        "helpdesk_email": "helpdesk@saigon-partners.vn",
        "helpdesk_url": "https://helpdesk.saigon-partners.vn",
    },
    "PartnerOut": PARTNER_OUT,
    "ApiKeyIn": {"name": "Zendesk bridge"},
    "ApiKeyCreated": API_KEY_OUT | {"key": "sdk_7Hq2.mB4nV9xK2cT7pL0qR5sW8yZ3"},
    # tickets
    "TicketOut": TICKET_OUT,
    "TicketPatch": {"assignee_id": AGENT_ID, "product_area": "SIP trunking"},
    "ClockOut": CLOCK_OUT,
    "TicketSlaOut": {
        "ticket_id": TICKET_ID,
        "severity": 2,
        "calendar_version_id": CALENDAR_VERSION_ID,
        "policy_version_id": POLICY_VERSION_ID,
        "clocks": [
            {
                **CLOCK_OUT,
                "metric": "reaction",
                "minutes": 30,
                "state": "met",
                "due_at": "2027-01-05T08:45:42Z",
                "warn_at": "2027-01-05T08:39:42Z",
                "stopped_at": "2027-01-05T08:31:05Z",
                "counted_seconds": 923,
                "remaining_seconds": None,
            },
            CLOCK_OUT,
            {
                **CLOCK_OUT,
                "metric": "resolution",
                "minutes": 4800,
                "clock": "business",
                "due_at": "2027-01-19T08:15:42Z",
                "warn_at": "2027-01-16T08:15:42Z",
                "counted_seconds": 2788,
                "remaining_seconds": 285212,
            },
            {
                **CLOCK_OUT,
                "metric": "update",
                "minutes": 120,
                "started_at": "2027-01-05T08:31:05Z",
                "due_at": "2027-01-05T10:31:05Z",
                "warn_at": "2027-01-05T10:07:05Z",
                "counted_seconds": 1865,
                "remaining_seconds": 5335,
            },
        ],
    },
    "EventOut": {
        "id": EVENT_ID,
        "ticket_id": TICKET_ID,
        "at": "2027-01-05T08:31:05Z",
        "kind": "state_changed",
        "actor_id": AGENT_ID,
        "actor_api_key_id": None,
        "actor_role": "agent",
        "channel": "portal",
        "before": {"status": "new"},
        "after": {"status": "acknowledged"},
        "reason": None,
    },
    # comments, attachments, calls
    "CommentOut": {
        "id": "0190c3d2-8b21-7091-8ca3-b3c4d5e6f708",
        "ticket_id": TICKET_ID,
        "author_id": AGENT_ID,
        "author_role": "agent",
        "visibility": "public",
        "channel": "portal",
        "body": "We reproduced the failure on trunk 2 and are checking the carrier.",
        "created_at": "2027-01-05T08:52:30Z",
    },
    "AttachmentOut": {
        "id": "0190c3d2-8c31-71a2-9db4-c4d5e6f70819",
        "ticket_id": TICKET_ID,
        "filename": "sip-trace.pcap",
        "content_type": "application/vnd.tcpdump.pcap",
        "size": 482113,
        "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "visibility": "public",
        "uploaded_by": CUSTOMER_USER_ID,
        "uploaded_role": "customer_user",
        "created_at": "2027-01-05T08:20:11Z",
    },
    "CallVerificationOut": {"code": "K7PX-2M9Q", "expires_at": "2027-01-05T08:30:00Z"},
    "CallOut": {
        "id": "0190c3d2-8d41-72b3-8ec5-d5e6f708192a",
        "ticket_id": TICKET_ID,
        "caller_id": CUSTOMER_USER_ID,
        "agent_id": AGENT_ID,
        "called_at": "2027-01-05T08:25:00Z",
        "notes": "Caller confirms all PSTN calls fail since 09:10 local time.",
    },
    # severity changes, escalations
    "SeverityAnswerIn": {"reason": "Agreed: a workaround through the backup trunk exists."},
    "SeverityChangeOut": {
        "id": "0190c3d2-8e51-73c4-9fd6-e6f708192a3b",
        "ticket_id": TICKET_ID,
        "from_level": 2,
        "to_level": 3,
        "kind": "proposal",
        "status": "pending",
        "reason": "Only one extension is affected; a workaround exists.",
        "proposed_by": AGENT_ID,
        "proposed_side": "staff",
        "answered_by": None,
        "answered_at": None,
        "answer_reason": None,
        "decided_by": None,
        "decided_level": None,
        "decided_at": None,
        "decision_reason": None,
        "created_at": "2027-01-05T09:00:00Z",
    },
    "AcknowledgeIn": {"note": "Received; a senior engineer takes the case over now."},
    "EscalationOut": {
        "id": "0190c3d2-8f61-74d5-8ae7-f708192a3b4c",
        "ticket_id": TICKET_ID,
        "customer_id": CUSTOMER_ID,
        "level": 1,
        "addressed_role": "regional_ops_manager",
        "contacts": [CONTACT],
        "reason": "inadequate_solution",
        "business_impact": "All outbound PSTN calls of our 400 agents fail; the call centre "
        "is idle.",
        "progress_to_date": "Workaround via the backup trunk failed twice; no answer for 3 hours.",
        "related_cases": ["SD-2027-000117"],
        "state": "acknowledged",
        "automatic": False,
        "created_by": CUSTOMER_USER_ID,
        "created_at": "2027-01-05T11:20:00Z",
        "acknowledge_due_at": "2027-01-05T11:50:00Z",
        "acknowledge_breached": False,
        "acknowledged_by": MANAGER_ID,
        "acknowledged_at": "2027-01-05T11:34:12Z",
        "resolved_by": None,
        "resolved_at": None,
        "resolution": None,
        "updated_at": "2027-01-05T11:34:12Z",
    },
    # contracts, presets, calendars, policies
    "ContractOut": {
        "id": CONTRACT_ID,
        "customer_id": CUSTOMER_ID,
        "support_level": "Premium",
        "sla_policy_id": POLICY_ID,
        "calendar_id": CALENDAR_ID,
        "valid_from": "2026-12-31T17:00:00Z",
        "valid_to": None,
        "channels": ["portal", "email", "phone"],
        "escalation_chain": [
            {
                "level": 1,
                "role": "regional_ops_manager",
                "title": "Regional Operations Manager APAC",
                "contacts": [CONTACT],
                "mailbox": "escalation-apac@vendor.com",
            },
            {
                "level": 2,
                "role": "director",
                "title": None,
                "contacts": [{"name": "Eva Keller", "email": "eva.keller@vendor.com"}],
                "mailbox": None,
            },
        ],
        "update_interval_minutes": 120,
        "reopen_window_days": 14,
        "auto_close_days": 7,
        "emergency_address": "noc@acme.vn",
        "description": "24/7 hotline for class 1 and 2 faults.",
        "required_facts": ["a_number", "b_number", "failed_call_at", "failure_reason"],
        "on_call_address": "oncall@vendor.com",
        "created_at": "2026-12-15T03:00:00Z",
        "updated_at": "2026-12-15T03:00:00Z",
    },
    "PresetOut": {
        "name": "aarenet-standard",
        "title": "Aarenet standard support",
        "description": "Business hours in the customer's time zone, severities 1-4 with "
        "reaction, restore and resolution targets.",
        "parameters": [
            {
                "name": "timezone",
                "description": "The customer's IANA time zone",
                "default": "Europe/Brussels",
            },
            {"name": "country", "description": "For public holidays", "default": "BE"},
        ],
    },
    "PresetApplyIn": {"customer_id": CUSTOMER_ID, "timezone": "Asia/Ho_Chi_Minh", "country": "VN"},
    "PresetApplied": {
        "preset": "aarenet-standard",
        "calendar_id": CALENDAR_ID,
        "sla_policy_id": POLICY_ID,
        "contract_id": CONTRACT_ID,
    },
    # CalendarOut and PolicyOut inherit their document's example, without id, version
    # and times: `REPLACES_INHERITED` below lets these complete ones win.
    "CalendarOut": {
        **CALENDAR_DOCUMENT,
        "id": CALENDAR_ID,
        "version": 3,
        "created_at": "2026-10-01T03:00:00Z",
        "updated_at": "2026-12-20T04:10:00Z",
    },
    "PolicyOut": {
        **POLICY_DOCUMENT,
        "id": POLICY_ID,
        "version": 2,
        "created_at": "2026-10-01T03:00:00Z",
        "updated_at": "2026-12-01T06:45:00Z",
    },
    "CalendarVersionOut": {
        "id": CALENDAR_VERSION_ID,
        "version": 3,
        "reason": "Tet holidays 2027 added",
        "created_by": MANAGER_ID,
        "created_at": "2026-12-20T04:10:00Z",
        "calendar_id": CALENDAR_ID,
        "document": CALENDAR_DOCUMENT,
    },
    "PolicyVersionOut": {
        "id": POLICY_VERSION_ID,
        "version": 2,
        "reason": "Severity 2 update interval shortened to two hours",
        "created_by": MANAGER_ID,
        "created_at": "2026-12-01T06:45:00Z",
        "sla_policy_id": POLICY_ID,
        "document": POLICY_DOCUMENT,
    },
    # quarantine
    "QuarantinedMailOut": QUARANTINED_MAIL_OUT,
    "QuarantinedMailDetail": QUARANTINED_MAIL_OUT
    | {
        "text": "Hello, trunk 2 is down since 07:40. Please call +84 28 3822 1100.",
        "attachments": [{"filename": "alarm.png", "content_type": "image/png", "size": 48213}],
    },
    "ReleasedOut": {
        "mail": QUARANTINED_MAIL_OUT
        | {
            "customer_id": CUSTOMER_ID,
            "state": "released",
            "released_ticket_id": TICKET_ID,
            "decided_by": AGENT_ID,
            "decided_at": "2027-01-05T08:10:00Z",
        },
        "ticket_id": TICKET_ID,
        "tracking_number": "SD-2027-000123",
    },
    # webhooks
    "WebhookOut": WEBHOOK_OUT,
    "WebhookCreated": WEBHOOK_OUT
    | {"secret": "whsec_4UpHL8Cpq16hdcSdvHdLYRubwzT0CxQQpcVSJbJ1noU="},
    "WebhookSecretRotated": WEBHOOK_OUT
    | {
        "secret_prefix": "whsec_jPSt",
        "secret": "whsec_jPSt+EAlJBeNOHeaRo1YqDa4CtILdtDn4X/z5OQMsAU=",
        "previous_secret_until": "2027-01-06T09:02:10Z",
    },
    "WebhookTestQueued": {
        "delivery_id": "0190c3d2-9a70-75e5-8af7-f8192a3b4c5d",
        "event_id": EVENT_ID,
        "event_type": "webhook.test",
    },
    "WebhookDeliveryOut": {
        "id": "0190c3d2-9a71-75e6-9bf8-08192a3b4c5d",
        "delivery_id": "0190c3d2-9a70-75e5-8af7-f8192a3b4c5d",
        "event_id": EVENT_ID,
        "event_type": "ticket.state_changed",
        "attempt": 1,
        "status_code": 200,
        "error": None,
        "succeeded": True,
        "duration_ms": 184,
        "attempted_at": "2027-01-05T08:31:06Z",
    },
}

# Components whose model inherits a parent's example that is not a value of the model
# itself: the complete example above replaces it.
REPLACES_INHERITED = frozenset({"CalendarOut", "PolicyOut"})

# What a page's `next_cursor` looks like: a position, a dot, its signature.
NEXT_CURSOR = "MjAyNy0wMS0wNVQwODoxNTo0MlowMTkwYzNkMg.Xk3vQ9bT2mPz8aLc"
