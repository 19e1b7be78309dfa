-- Corrections of a meeting's record (agenda items, opinions, comments, action items): who changed what, when, and
-- the item before and after (JSON; before is null for nothing, after is null for a deletion). Kept for good: the
-- 概要 and the audit log point here. Retention empties before and after of a resident's information with the item.
CREATE TABLE record_corrections (
    tenant_id nvarchar(32) NOT NULL,
    correction_id nvarchar(64) NOT NULL PRIMARY KEY,
    meeting_id nvarchar(64) NOT NULL,
    item_kind nvarchar(20) NOT NULL,
    item_id nvarchar(64) NOT NULL,
    change_kind nvarchar(20) NOT NULL,
    before_json nvarchar(max) NULL,
    after_json nvarchar(max) NULL,
    sensitivity int NOT NULL,
    corrected_by nvarchar(100) NOT NULL,
    corrected_at nvarchar(40) NOT NULL
);
CREATE INDEX ix_record_corrections_meeting ON record_corrections (tenant_id, meeting_id, corrected_at);
CREATE INDEX ix_record_corrections_item ON record_corrections (tenant_id, item_id);

-- Status changes of a meeting with their reason: a confirmed 概要 reopened for a correction (訂正) says why.
CREATE TABLE meeting_status_changes (
    tenant_id nvarchar(32) NOT NULL,
    change_id nvarchar(64) NOT NULL PRIMARY KEY,
    meeting_id nvarchar(64) NOT NULL,
    from_status nvarchar(20) NOT NULL,
    to_status nvarchar(20) NOT NULL,
    reason nvarchar(400) NULL,
    changed_by nvarchar(100) NOT NULL,
    changed_at nvarchar(40) NOT NULL
);
CREATE INDEX ix_meeting_status_changes_meeting ON meeting_status_changes (tenant_id, meeting_id, changed_at);
