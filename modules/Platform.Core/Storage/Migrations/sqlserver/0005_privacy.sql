-- Residents' personal information. Every opinion, comment, action item and handout carries a sensitivity level:
-- 0 公開 (public), 1 関係者限り (participants), 2 個人情報 (personal), 3 要配慮個人情報 (sensitive personal).
-- Rows written before levels existed were staff-only records: they become 関係者限り.
ALTER TABLE opinions ADD sensitivity int NOT NULL DEFAULT 1;
ALTER TABLE comments ADD sensitivity int NOT NULL DEFAULT 1;
ALTER TABLE action_items ADD sensitivity int NOT NULL DEFAULT 1;
ALTER TABLE handouts ADD sensitivity int NOT NULL DEFAULT 1;

-- A grant's clearance: the highest level its holder may read in the grant's tenant or district.
ALTER TABLE account_grants ADD clearance int NOT NULL DEFAULT 1;

-- Why content about a resident may be shared (本人同意 with its date and scope, or an ordinance's exception), whether
-- the consent was withdrawn, and whether the retention period erased it. The row stays after erasure: the record
-- that the content existed.
CREATE TABLE personal_content (
    tenant_id nvarchar(32) NOT NULL,
    item_id nvarchar(64) NOT NULL PRIMARY KEY,
    item_kind nvarchar(20) NOT NULL,
    meeting_id nvarchar(64) NOT NULL,
    basis nvarchar(20) NOT NULL,
    consented_on nvarchar(10) NULL,
    consent_scope nvarchar(200) NULL,
    ordinance nvarchar(200) NULL,
    recorded_at nvarchar(40) NOT NULL,
    withdrawn_at nvarchar(40) NULL,
    withdrawn_by nvarchar(100) NULL,
    erased_at nvarchar(40) NULL
);
CREATE INDEX ix_personal_content_meeting ON personal_content (tenant_id, meeting_id);

-- 誓約書: who pledged confidentiality for a meeting that handles personal information. account_id is set for staff
-- with an account; other attendees are recorded by name.
CREATE TABLE confidentiality_pledges (
    tenant_id nvarchar(32) NOT NULL,
    pledge_id nvarchar(64) NOT NULL PRIMARY KEY,
    meeting_id nvarchar(64) NOT NULL,
    account_id nvarchar(64) NULL,
    signer_name nvarchar(100) NOT NULL,
    pledged_on nvarchar(10) NOT NULL,
    recorded_by nvarchar(100) NOT NULL,
    recorded_at nvarchar(40) NOT NULL
);
CREATE INDEX ix_confidentiality_pledges_meeting ON confidentiality_pledges (tenant_id, meeting_id);

-- Publication of a summary's public version (公開版): who approved which version (its SHA-256) and when.
CREATE TABLE summary_publications (
    tenant_id nvarchar(32) NOT NULL,
    meeting_id nvarchar(64) NOT NULL,
    content_hash nvarchar(64) NOT NULL,
    approved_by nvarchar(100) NOT NULL,
    approved_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id)
);

-- The tenant's retention period (文書管理規程) for personal content, in years after the meeting.
CREATE TABLE privacy_settings (
    tenant_id nvarchar(32) NOT NULL PRIMARY KEY,
    retention_years int NOT NULL
);
