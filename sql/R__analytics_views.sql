-- Analytics over the bounce tables (issue 4). A Flyway repeatable migration: edited in place, it is
-- re-applied after the versioned ones whenever its checksum changes. Days are UTC.
-- Bounces only (kind = 'bounce'); reason_group: recipient | soft | sender | none (store/reason-groups.tsv).

-- Bounces by reason and day.
CREATE OR REPLACE VIEW bounces_by_reason AS
SELECT DATE(event_time) AS day, reason, bounce_class, reason_group,
       COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients
  FROM bounce_event
 WHERE kind = 'bounce'
 GROUP BY DATE(event_time), reason, bounce_class, reason_group;

-- Bounces by recipient domain and day.
CREATE OR REPLACE VIEW bounces_by_recipient_domain AS
SELECT DATE(event_time) AS day, recipient_domain, reason_group,
       COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients,
       SUM(bounce_class = 'hard') AS hard, SUM(bounce_class = 'soft') AS soft
  FROM bounce_event
 WHERE kind = 'bounce'
 GROUP BY DATE(event_time), recipient_domain, reason_group;

-- Bounces by receiving provider (the remote MTA's domain, e.g. outlook.com, google.com) and day.
CREATE OR REPLACE VIEW bounces_by_provider AS
SELECT DATE(event_time) AS day, remote_mta_domain AS receiving_provider, reason, reason_group,
       COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients
  FROM bounce_event
 WHERE kind = 'bounce'
 GROUP BY DATE(event_time), remote_mta_domain, reason, reason_group;

-- All four dimensions at once, for dashboards that slice themselves.
CREATE OR REPLACE VIEW bounce_daily AS
SELECT DATE(event_time) AS day, reason, bounce_class, reason_group, recipient_domain,
       remote_mta_domain AS receiving_provider, COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients
  FROM bounce_event
 WHERE kind = 'bounce'
 GROUP BY DATE(event_time), reason, bounce_class, reason_group, recipient_domain, remote_mta_domain;

-- The sender's own problems, which never suppress a recipient: summed per sending domain (From, else
-- Return-Path domain of the original message) and sending IP (as the receiver names it in its refusal,
-- when it does), by reason and receiving provider, with the classifier's recommended action.
CREATE OR REPLACE VIEW sender_issue AS
SELECT sender_domain, sender_ip, reason, action AS recommended_action, remote_mta_domain AS receiving_provider,
       COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients,
       MIN(event_time) AS first_seen, MAX(event_time) AS last_seen
  FROM bounce_event
 WHERE kind = 'bounce' AND reason_group = 'sender'
 GROUP BY sender_domain, sender_ip, reason, action, remote_mta_domain;

-- Sender-side problems by type and day.
CREATE OR REPLACE VIEW sender_problems_by_type AS
SELECT DATE(event_time) AS day, reason, action AS recommended_action,
       COUNT(*) AS events, COUNT(DISTINCT recipient) AS recipients,
       COUNT(DISTINCT sender_domain) AS sending_domains, COUNT(DISTINCT sender_ip) AS sending_ips
  FROM bounce_event
 WHERE kind = 'bounce' AND reason_group = 'sender'
 GROUP BY DATE(event_time), reason, action;

-- Suppressed and complained addresses with the event that decided it.
CREATE OR REPLACE VIEW suppressed_recipients AS
SELECT s.recipient, s.status, s.status_reason, s.status_explanation, s.status_since, s.allow_listed,
       s.soft_count, s.hard_count, s.complaint_count,
       e.id AS event_id, e.kind AS event_kind, e.reason AS event_reason, e.status AS event_status,
       e.reply_code, e.diagnostic, e.remote_mta, e.rule_name, e.rules_version,
       e.campaign_id, e.subscriber_id, e.list_id,
       e.mailbox, e.folder, e.uid_validity, e.uid, e.bounce_message_id
  FROM recipient_state s
  LEFT JOIN bounce_event e ON e.id = s.decided_by_event
 WHERE s.status IN ('suppressed', 'complained');
