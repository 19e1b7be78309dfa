-- The shared core: organisations, people, consultative bodies, meetings and what was said at them.
-- Every table leads with tenant_id and every foreign key includes it, so a row can only point inside its tenant.
-- Lists that are read and written with their owner (a body's charter and members, a meeting's time slots and
-- attendance) are JSON in a "details" column; what is searched, filtered or counted has columns of its own.

CREATE TABLE organisation_types (
    tenant_id nvarchar(32) NOT NULL REFERENCES tenants (tenant_id),
    type_id nvarchar(64) NOT NULL,
    name nvarchar(100) NOT NULL,
    sort_order int NOT NULL,
    PRIMARY KEY (tenant_id, type_id)
);

CREATE TABLE organisations (
    tenant_id nvarchar(32) NOT NULL REFERENCES tenants (tenant_id),
    organisation_id nvarchar(64) NOT NULL UNIQUE,
    name nvarchar(200) NOT NULL,
    type_id nvarchar(64) NOT NULL,
    district_id nvarchar(64) NULL,
    search_text nvarchar(400) NOT NULL,
    created_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, organisation_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id)
);

CREATE TABLE people (
    tenant_id nvarchar(32) NOT NULL REFERENCES tenants (tenant_id),
    person_id nvarchar(64) NOT NULL UNIQUE,
    name nvarchar(100) NOT NULL,
    reading nvarchar(100) NULL,
    title nvarchar(100) NULL,
    organisation_id nvarchar(64) NULL,
    search_text nvarchar(400) NOT NULL,
    created_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, person_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

CREATE TABLE person_roles (
    tenant_id nvarchar(32) NOT NULL,
    role_id nvarchar(64) NOT NULL UNIQUE,
    person_id nvarchar(64) NOT NULL,
    role nvarchar(40) NOT NULL,
    position nvarchar(40) NULL,
    body_id nvarchar(64) NULL,
    since nvarchar(10) NULL,
    until nvarchar(10) NULL,
    PRIMARY KEY (tenant_id, role_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, person_id)
);

CREATE TABLE bodies (
    tenant_id nvarchar(32) NOT NULL REFERENCES tenants (tenant_id),
    body_id nvarchar(64) NOT NULL UNIQUE,
    name nvarchar(200) NOT NULL,
    kind nvarchar(64) NULL,
    tier int NOT NULL,
    territory nvarchar(20) NOT NULL,
    district_id nvarchar(64) NULL,
    host_organisation_id nvarchar(64) NULL,
    status nvarchar(20) NOT NULL,
    details nvarchar(max) NOT NULL,
    created_at nvarchar(40) NOT NULL,
    updated_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, body_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id),
    FOREIGN KEY (tenant_id, host_organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

-- record_seq: the last sequence number given to an agenda item, opinion or comment of the meeting, by its grain.
CREATE TABLE meetings (
    tenant_id nvarchar(32) NOT NULL,
    meeting_id nvarchar(64) NOT NULL UNIQUE,
    body_id nvarchar(64) NOT NULL,
    kind nvarchar(64) NOT NULL,
    title nvarchar(200) NOT NULL,
    meeting_date nvarchar(10) NOT NULL,
    status nvarchar(20) NOT NULL,
    venue nvarchar(200) NULL,
    room nvarchar(100) NULL,
    is_public int NOT NULL,
    minutes_public int NOT NULL,
    next_meeting_date nvarchar(10) NULL,
    details nvarchar(max) NOT NULL,
    search_text nvarchar(max) NOT NULL,
    record_seq int NOT NULL,
    held_at nvarchar(40) NULL,
    minutes_approved_at nvarchar(40) NULL,
    created_at nvarchar(40) NOT NULL,
    updated_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, body_id) REFERENCES bodies (tenant_id, body_id)
);
CREATE INDEX ix_meetings_body_date ON meetings (tenant_id, body_id, meeting_date);
CREATE INDEX ix_meetings_date ON meetings (tenant_id, meeting_date);

CREATE TABLE agenda_items (
    tenant_id nvarchar(32) NOT NULL,
    agenda_item_id nvarchar(64) NOT NULL UNIQUE,
    meeting_id nvarchar(64) NOT NULL,
    position int NOT NULL,
    title nvarchar(200) NOT NULL,
    seq int NOT NULL,
    PRIMARY KEY (tenant_id, agenda_item_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

CREATE TABLE opinions (
    tenant_id nvarchar(32) NOT NULL,
    opinion_id nvarchar(64) NOT NULL UNIQUE,
    meeting_id nvarchar(64) NOT NULL,
    agenda_item_id nvarchar(64) NOT NULL,
    seq int NOT NULL,
    kind nvarchar(20) NOT NULL,
    text nvarchar(max) NOT NULL,
    speaker nvarchar(100) NULL,
    organisation nvarchar(200) NULL,
    responds_to nvarchar(64) NULL,
    recorded_by nvarchar(100) NULL,
    recorded_at nvarchar(40) NOT NULL,
    search_text nvarchar(max) NOT NULL,
    PRIMARY KEY (tenant_id, opinion_id),
    UNIQUE (meeting_id, seq),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items (tenant_id, agenda_item_id)
);

CREATE TABLE comments (
    tenant_id nvarchar(32) NOT NULL,
    comment_id nvarchar(64) NOT NULL UNIQUE,
    meeting_id nvarchar(64) NOT NULL,
    seq int NOT NULL,
    kind nvarchar(20) NOT NULL,
    speaker nvarchar(100) NOT NULL,
    role nvarchar(40) NULL,
    position nvarchar(40) NULL,
    text nvarchar(max) NOT NULL,
    recorded_at nvarchar(40) NOT NULL,
    search_text nvarchar(max) NOT NULL,
    PRIMARY KEY (tenant_id, comment_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

CREATE TABLE action_items (
    tenant_id nvarchar(32) NOT NULL,
    action_id nvarchar(64) NOT NULL UNIQUE,
    body_id nvarchar(64) NOT NULL,
    meeting_id nvarchar(64) NOT NULL,
    opinion_id nvarchar(64) NULL,
    title nvarchar(400) NOT NULL,
    owner_organisation_id nvarchar(64) NULL,
    due_date nvarchar(10) NULL,
    status nvarchar(20) NOT NULL,
    created_on nvarchar(10) NOT NULL,
    closed_on nvarchar(10) NULL,
    PRIMARY KEY (tenant_id, action_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, owner_organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);
CREATE INDEX ix_action_items_body ON action_items (tenant_id, body_id, status);

CREATE TABLE handouts (
    tenant_id nvarchar(32) NOT NULL,
    handout_id nvarchar(64) NOT NULL UNIQUE,
    meeting_id nvarchar(64) NOT NULL,
    file_name nvarchar(200) NOT NULL,
    content_type nvarchar(100) NOT NULL,
    size_bytes int NOT NULL,
    content varbinary(max) NOT NULL,
    uploaded_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, handout_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

-- Orleans reminders (the daily cadence check), read by hash range as the reminder service asks.
CREATE TABLE orleans_reminders (
    service_id nvarchar(100) NOT NULL,
    grain_id nvarchar(300) NOT NULL,
    reminder_name nvarchar(150) NOT NULL,
    grain_hash bigint NOT NULL,
    start_time nvarchar(40) NOT NULL,
    period_ms bigint NOT NULL,
    etag int NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
