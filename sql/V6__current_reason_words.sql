-- Sisimai 5.6 renamed four reasons: speeding and toomanyconn are ratelimited, mesgtoobig and
-- exceedlimit are emailtoolarge (domain.Reason still reads the old words). Stored verdicts take the
-- current words so reports and views count each reason once. reason_group is left as stored: it is
-- the decision of its time, and `--reclassify` regroups events under the current reason-groups.tsv.

UPDATE bounce_event SET reason = 'ratelimited' WHERE reason IN ('speeding', 'toomanyconn');
UPDATE bounce_event SET reason = 'emailtoolarge' WHERE reason IN ('mesgtoobig', 'exceedlimit');
UPDATE bounce_event SET reason_hint = 'ratelimited' WHERE reason_hint IN ('speeding', 'toomanyconn');
UPDATE bounce_event SET reason_hint = 'emailtoolarge' WHERE reason_hint IN ('mesgtoobig', 'exceedlimit');

UPDATE recipient_state SET last_reason = 'ratelimited' WHERE last_reason IN ('speeding', 'toomanyconn');
UPDATE recipient_state SET last_reason = 'emailtoolarge' WHERE last_reason IN ('mesgtoobig', 'exceedlimit');
UPDATE recipient_state SET suppressed_reason = 'ratelimited' WHERE suppressed_reason IN ('speeding', 'toomanyconn');
UPDATE recipient_state SET suppressed_reason = 'emailtoolarge' WHERE suppressed_reason IN ('mesgtoobig', 'exceedlimit');
UPDATE recipient_state SET status_reason = 'ratelimited' WHERE status_reason IN ('speeding', 'toomanyconn');
UPDATE recipient_state SET status_reason = 'emailtoolarge' WHERE status_reason IN ('mesgtoobig', 'exceedlimit');
