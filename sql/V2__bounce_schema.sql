-- Bounce Sweeper's own tables. Times are UTC.

-- One row per message taken from the mailbox. It is the message's identity, twice over: its place
-- (mailbox, folder, UIDVALIDITY, UID) and its content (mailbox, SHA-256 of the raw bytes, which
-- covers the Message-ID: a copy of the same mail elsewhere is recognised, while two different mails
-- that reuse one Message-ID are not merged). It doubles as the archive outbox: archived_at stays
-- NULL until the message has been moved out of the source folder.
CREATE TABLE bounce_message (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mailbox          VARCHAR(255) NOT NULL,
    folder           VARCHAR(255) NOT NULL,
    uid_validity     BIGINT       NOT NULL,
    uid              BIGINT       NOT NULL,
    message_id       VARCHAR(255) NULL,
    fingerprint      CHAR(64)     NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    category         VARCHAR(16)  NOT NULL,
    target_folder    VARCHAR(255) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    record_count     INT          NOT NULL,
    error            VARCHAR(1000) NULL,
    event_time       DATETIME(6)  NOT NULL,
    processed_at     DATETIME(6)  NOT NULL,
    archived_at      DATETIME(6)  NULL,
    job_execution_id BIGINT       NULL,
    CONSTRAINT uk_bounce_message_uid UNIQUE (mailbox, folder, uid_validity, uid),
    CONSTRAINT uk_bounce_message_content UNIQUE (mailbox, fingerprint),
    INDEX ix_bounce_message_id (message_id),
    INDEX ix_bounce_message_pending (mailbox, folder, uid_validity, archived_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per recipient record of a message: the analytics fact table.
CREATE TABLE bounce_event (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mailbox             VARCHAR(255)  NOT NULL,
    folder              VARCHAR(255)  NOT NULL,
    uid_validity        BIGINT        NOT NULL,
    uid                 BIGINT        NOT NULL,
    record_index        INT           NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    recipient           VARCHAR(320)  NULL,
    recipient_domain    VARCHAR(255)  NULL,
    original_recipient  VARCHAR(320)  NULL,
    status              VARCHAR(16)   NULL,
    reply_code          VARCHAR(8)    NULL,
    bounce_class        VARCHAR(8)    NOT NULL,
    reason              VARCHAR(32)   NOT NULL,
    action              VARCHAR(48)   NOT NULL,
    rule_name           VARCHAR(255)  NULL,
    dsn_action          VARCHAR(32)   NULL,
    diagnostic          TEXT          NULL,
    remote_mta          VARCHAR(255)  NULL,
    reporting_mta       VARCHAR(255)  NULL,
    decoder             VARCHAR(64)   NULL,
    original_message_id VARCHAR(255)  NULL,
    bounce_message_id   VARCHAR(255)  NULL,
    event_time          DATETIME(6)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uk_bounce_event UNIQUE (mailbox, folder, uid_validity, uid, record_index),
    INDEX ix_bounce_event_recipient (recipient, event_time),
    INDEX ix_bounce_event_reason (reason, event_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The list state per address (lower-cased): what a mailing list must honour.
CREATE TABLE recipient_state (
    recipient         VARCHAR(320) NOT NULL PRIMARY KEY,
    status            VARCHAR(16)  NOT NULL,
    soft_count        INT          NOT NULL DEFAULT 0,
    soft_window_start DATETIME(6)  NULL,
    hard_count        INT          NOT NULL DEFAULT 0,
    last_status       VARCHAR(16)  NULL,
    last_reason       VARCHAR(32)  NULL,
    last_bounce_at    DATETIME(6)  NULL,
    suppressed_at     DATETIME(6)  NULL,
    suppressed_reason VARCHAR(32)  NULL,
    updated_at        DATETIME(6)  NOT NULL,
    INDEX ix_recipient_state_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
