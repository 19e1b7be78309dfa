-- The community-resource catalogue (お宝). found_meeting_id/opinion_id say where a resource was found; a contact is
-- shown publicly only when contact_consent (the person agreed) and publish_contact (staff chose to) are both set.
CREATE TABLE resource_categories (
    tenant_id varchar(32) NOT NULL,
    category_id varchar(64) NOT NULL,
    name varchar(100) NOT NULL,
    sort_order int NOT NULL,
    PRIMARY KEY (tenant_id, category_id)
);

CREATE TABLE resources (
    tenant_id varchar(32) NOT NULL,
    resource_id varchar(64) NOT NULL UNIQUE,
    name varchar(200) NOT NULL,
    category_id varchar(64) NOT NULL,
    district_id varchar(64) NULL,
    details text NOT NULL,
    contact varchar(300) NULL,
    contact_consent int NOT NULL,
    publish_contact int NOT NULL,
    meeting_id varchar(64) NULL,
    opinion_id varchar(64) NULL,
    status varchar(20) NOT NULL,
    last_confirmed varchar(10) NULL,
    search_text text NOT NULL,
    created_at varchar(40) NOT NULL,
    updated_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, resource_id),
    FOREIGN KEY (tenant_id, district_id) REFERENCES districts (tenant_id, district_id)
);
CREATE INDEX ix_resources_district ON resources (tenant_id, district_id, category_id);
CREATE INDEX ix_resources_opinion ON resources (tenant_id, opinion_id);
