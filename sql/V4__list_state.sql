-- List state operators can trust (issue 4). Times are UTC.

-- Each event keeps what reclassification needs (the record as the mail reported it), the verdict's
-- provenance (reason group and rules version), and what ties it to the sent mail.
ALTER TABLE bounce_event
    ADD COLUMN record_status      VARCHAR(32)  NULL COMMENT 'status as found in the mail; status is the effective one',
    ADD COLUMN smtp_command       VARCHAR(16)  NULL,
    ADD COLUMN reason_hint        VARCHAR(32)  NULL,
    ADD COLUMN feedback_type      VARCHAR(64)  NULL,
    ADD COLUMN reason_group       VARCHAR(16)  NULL COMMENT 'recipient | soft | sender | none (store/reason-groups.tsv)',
    ADD COLUMN rules_version      VARCHAR(16)  NULL COMMENT 'hash of the classifier tables that gave the verdict',
    ADD COLUMN reclassified_at    DATETIME(6)  NULL,
    ADD COLUMN remote_mta_domain  VARCHAR(255) NULL COMMENT 'receiving provider: domain of the remote MTA',
    ADD COLUMN sender_domain      VARCHAR(255) NULL COMMENT 'From (else Return-Path) domain of the original message',
    ADD COLUMN sender_ip          VARCHAR(45)  NULL COMMENT 'sending IP named in the diagnostic, best effort',
    ADD COLUMN campaign_id        VARCHAR(255) NULL,
    ADD COLUMN subscriber_id      VARCHAR(255) NULL,
    ADD COLUMN list_id            VARCHAR(255) NULL,
    ADD COLUMN verp_recipient     VARCHAR(320) NULL COMMENT 'recipient decoded from the VERP return path',
    ADD COLUMN correlation        TEXT         NULL COMMENT 'further configured original headers, Name: value lines',
    ADD INDEX ix_bounce_event_campaign (campaign_id),
    ADD INDEX ix_bounce_event_group (reason_group, event_time),
    ADD INDEX ix_bounce_event_time (event_time);

-- recipient_state is now derived from the address's events on every change (see RecipientPolicy):
-- why and since when, the deciding event, and counters that only count distinct stored events.
ALTER TABLE recipient_state
    ADD COLUMN status_reason      VARCHAR(32)  NULL COMMENT 'why: reason of the deciding event, or complaint',
    ADD COLUMN status_explanation VARCHAR(255) NULL,
    ADD COLUMN status_since       DATETIME(6)  NULL COMMENT 'time of the deciding event',
    ADD COLUMN decided_by_event   BIGINT       NULL COMMENT 'bounce_event.id that set the status',
    ADD COLUMN sender_issue_count INT          NOT NULL DEFAULT 0,
    ADD COLUMN complaint_count    INT          NOT NULL DEFAULT 0,
    ADD COLUMN event_count        INT          NOT NULL DEFAULT 0,
    ADD COLUMN last_event_id      BIGINT       NULL,
    ADD COLUMN allow_listed       TINYINT(1)   NOT NULL DEFAULT 0,
    ADD COLUMN campaign_id        VARCHAR(255) NULL COMMENT 'of the deciding event',
    ADD COLUMN subscriber_id      VARCHAR(255) NULL,
    ADD COLUMN list_id            VARCHAR(255) NULL;
