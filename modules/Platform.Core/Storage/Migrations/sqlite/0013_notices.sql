-- 開催通知 and 出欠. A tenant's notice template (free text around the fixed fields of the letter); the document
-- numbers given to a meeting's letters, one per meeting and organisation, kept so that a letter downloaded again
-- carries the number it was sent with; the organisations' replies (出欠); and the reply-link tokens already used.
CREATE TABLE notice_templates (
    tenant_id varchar(32) NOT NULL PRIMARY KEY,
    template_json text NOT NULL,
    updated_by varchar(100) NOT NULL,
    updated_at varchar(40) NOT NULL
);

CREATE TABLE notice_numbers (
    tenant_id varchar(32) NOT NULL,
    meeting_id varchar(64) NOT NULL,
    organisation_id varchar(64) NOT NULL,
    fiscal_year int NOT NULL,
    number int NOT NULL,
    issued_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id, organisation_id)
);
CREATE UNIQUE INDEX ux_notice_numbers_year ON notice_numbers (tenant_id, fiscal_year, number);

CREATE TABLE meeting_replies (
    tenant_id varchar(32) NOT NULL,
    meeting_id varchar(64) NOT NULL,
    organisation_id varchar(64) NOT NULL,
    answer varchar(20) NOT NULL,
    head_count int NOT NULL,
    names varchar(400) NULL,
    note varchar(400) NULL,
    received_via varchar(20) NOT NULL,
    received_at varchar(40) NOT NULL,
    recorded_by varchar(100) NOT NULL,
    recorded_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id, organisation_id)
);

CREATE TABLE reply_tokens_used (
    token_id varchar(64) NOT NULL PRIMARY KEY,
    tenant_id varchar(32) NOT NULL,
    used_at varchar(40) NOT NULL
);
