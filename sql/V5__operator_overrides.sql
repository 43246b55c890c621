-- Operator commands (issue 13): releasing an address by hand, and retention. Times are UTC.

-- One row per `unsuppress ADDRESS --reason TEXT`. The list state is derived from events, so a release
-- is itself a dated fact that the derivation honours (store/RecipientPolicy): events up to it no
-- longer decide the status, events after it do again. Rows are never updated or deleted.
CREATE TABLE recipient_override (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient       VARCHAR(320)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL COMMENT 'the operator''s reason, as given',
    released_status VARCHAR(16)   NOT NULL COMMENT 'the status it lifted',
    requested_by    VARCHAR(255)  NULL     COMMENT 'OS user who ran the command',
    created_at      DATETIME(6)   NOT NULL COMMENT 'events after this time count again',
    INDEX ix_recipient_override_recipient (recipient, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE recipient_state
    ADD COLUMN decided_by_override BIGINT NULL COMMENT 'recipient_override.id that released the address',
    ADD INDEX ix_recipient_state_decided (decided_by_event);

-- `purge` drops an old event's diagnostic and stored headers but keeps the row (identity, verdict,
-- counts); a purged event keeps its verdict on reclassification, its evidence being gone.
ALTER TABLE bounce_event
    ADD COLUMN purged_at DATETIME(6) NULL COMMENT 'diagnostic and correlation headers dropped by purge';
