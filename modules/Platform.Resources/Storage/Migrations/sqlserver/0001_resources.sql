-- The community-resource catalogue (お宝). found_meeting_id/opinion_id say where a resource was found; a contact is
-- shown publicly only when contact_consent (the person agreed) and publish_contact (staff chose to) are both set.
CREATE TABLE resource_categories (
    tenant_id nvarchar(32) NOT NULL,
    category_id nvarchar(64) NOT NULL,
    name nvarchar(100) NOT NULL,
    sort_order int NOT NULL,
    PRIMARY KEY (tenant_id, category_id)
);

CREATE TABLE resources (
    tenant_id nvarchar(32) NOT NULL,
    resource_id nvarchar(64) NOT NULL UNIQUE,
    name nvarchar(200) NOT NULL,
    category_id nvarchar(64) NOT NULL,
    district_id nvarchar(64) NULL,
    details nvarchar(max) NOT NULL,
    contact nvarchar(300) NULL,
    contact_consent int NOT NULL,
    publish_contact int NOT NULL,
    meeting_id nvarchar(64) NULL,
    opinion_id nvarchar(64) NULL,
    status nvarchar(20) NOT NULL,
    last_confirmed nvarchar(10) NULL,
    search_text nvarchar(max) NOT NULL,
    created_at nvarchar(40) NOT NULL,
    updated_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, resource_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id)
);
CREATE INDEX ix_resources_district ON resources (tenant_id, district_id, category_id);
CREATE INDEX ix_resources_opinion ON resources (tenant_id, opinion_id);
