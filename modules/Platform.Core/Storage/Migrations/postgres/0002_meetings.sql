-- The shared core: organisations, people, consultative bodies, meetings and what was said at them.
-- Every table leads with tenant_id and every foreign key includes it, so a row can only point inside its tenant.
-- Lists that are read and written with their owner (a body's charter and members, a meeting's time slots and
-- attendance) are JSON in a "details" column; what is searched, filtered or counted has columns of its own.

CREATE TABLE organisation_types (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    type_id varchar(64) NOT NULL,
    name varchar(100) NOT NULL,
    sort_order int NOT NULL,
    PRIMARY KEY (tenant_id, type_id)
);

CREATE TABLE organisations (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    organisation_id varchar(64) NOT NULL UNIQUE,
    name varchar(200) NOT NULL,
    type_id varchar(64) NOT NULL,
    district_id varchar(64) NULL,
    search_text varchar(400) NOT NULL,
    created_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, organisation_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id)
);

CREATE TABLE people (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    person_id varchar(64) NOT NULL UNIQUE,
    name varchar(100) NOT NULL,
    reading varchar(100) NULL,
    title varchar(100) NULL,
    organisation_id varchar(64) NULL,
    search_text varchar(400) NOT NULL,
    created_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, person_id),
    FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

CREATE TABLE person_roles (
    tenant_id varchar(32) NOT NULL,
    role_id varchar(64) NOT NULL UNIQUE,
    person_id varchar(64) NOT NULL,
    role varchar(40) NOT NULL,
    position varchar(40) NULL,
    body_id varchar(64) NULL,
    since varchar(10) NULL,
    until varchar(10) NULL,
    PRIMARY KEY (tenant_id, role_id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, person_id)
);

CREATE TABLE bodies (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    body_id varchar(64) NOT NULL UNIQUE,
    name varchar(200) NOT NULL,
    kind varchar(64) NULL,
    tier int NOT NULL,
    territory varchar(20) NOT NULL,
    district_id varchar(64) NULL,
    host_organisation_id varchar(64) NULL,
    status varchar(20) NOT NULL,
    details text NOT NULL,
    created_at varchar(40) NOT NULL,
    updated_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, body_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id),
    FOREIGN KEY (tenant_id, host_organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);

-- record_seq: the last sequence number given to an agenda item, opinion or comment of the meeting, by its grain.
CREATE TABLE meetings (
    tenant_id varchar(32) NOT NULL,
    meeting_id varchar(64) NOT NULL UNIQUE,
    body_id varchar(64) NOT NULL,
    kind varchar(64) NOT NULL,
    title varchar(200) NOT NULL,
    meeting_date varchar(10) NOT NULL,
    status varchar(20) NOT NULL,
    venue varchar(200) NULL,
    room varchar(100) NULL,
    is_public int NOT NULL,
    minutes_public int NOT NULL,
    next_meeting_date varchar(10) NULL,
    details text NOT NULL,
    search_text text NOT NULL,
    record_seq int NOT NULL,
    held_at varchar(40) NULL,
    minutes_approved_at varchar(40) NULL,
    created_at varchar(40) NOT NULL,
    updated_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, body_id) REFERENCES bodies (tenant_id, body_id)
);
CREATE INDEX ix_meetings_body_date ON meetings (tenant_id, body_id, meeting_date);
CREATE INDEX ix_meetings_date ON meetings (tenant_id, meeting_date);

CREATE TABLE agenda_items (
    tenant_id varchar(32) NOT NULL,
    agenda_item_id varchar(64) NOT NULL UNIQUE,
    meeting_id varchar(64) NOT NULL,
    position int NOT NULL,
    title varchar(200) NOT NULL,
    seq int NOT NULL,
    PRIMARY KEY (tenant_id, agenda_item_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

CREATE TABLE opinions (
    tenant_id varchar(32) NOT NULL,
    opinion_id varchar(64) NOT NULL UNIQUE,
    meeting_id varchar(64) NOT NULL,
    agenda_item_id varchar(64) NOT NULL,
    seq int NOT NULL,
    kind varchar(20) NOT NULL,
    text text NOT NULL,
    speaker varchar(100) NULL,
    organisation varchar(200) NULL,
    responds_to varchar(64) NULL,
    recorded_by varchar(100) NULL,
    recorded_at varchar(40) NOT NULL,
    search_text text NOT NULL,
    PRIMARY KEY (tenant_id, opinion_id),
    UNIQUE (meeting_id, seq),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_items (tenant_id, agenda_item_id)
);

CREATE TABLE comments (
    tenant_id varchar(32) NOT NULL,
    comment_id varchar(64) NOT NULL UNIQUE,
    meeting_id varchar(64) NOT NULL,
    seq int NOT NULL,
    kind varchar(20) NOT NULL,
    speaker varchar(100) NOT NULL,
    role varchar(40) NULL,
    position varchar(40) NULL,
    text text NOT NULL,
    recorded_at varchar(40) NOT NULL,
    search_text text NOT NULL,
    PRIMARY KEY (tenant_id, comment_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

CREATE TABLE action_items (
    tenant_id varchar(32) NOT NULL,
    action_id varchar(64) NOT NULL UNIQUE,
    body_id varchar(64) NOT NULL,
    meeting_id varchar(64) NOT NULL,
    opinion_id varchar(64) NULL,
    title varchar(400) NOT NULL,
    owner_organisation_id varchar(64) NULL,
    due_date varchar(10) NULL,
    status varchar(20) NOT NULL,
    created_on varchar(10) NOT NULL,
    closed_on varchar(10) NULL,
    PRIMARY KEY (tenant_id, action_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, owner_organisation_id) REFERENCES organisations (tenant_id, organisation_id)
);
CREATE INDEX ix_action_items_body ON action_items (tenant_id, body_id, status);

CREATE TABLE handouts (
    tenant_id varchar(32) NOT NULL,
    handout_id varchar(64) NOT NULL UNIQUE,
    meeting_id varchar(64) NOT NULL,
    file_name varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes int NOT NULL,
    content bytea NOT NULL,
    uploaded_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, handout_id),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);

-- Orleans reminders (the daily cadence check), read by hash range as the reminder service asks.
CREATE TABLE orleans_reminders (
    service_id varchar(100) NOT NULL,
    grain_id varchar(300) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    grain_hash bigint NOT NULL,
    start_time varchar(40) NOT NULL,
    period_ms bigint NOT NULL,
    etag int NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
