-- Foundation: tenants, their districts, Orleans grain state and cluster membership.
CREATE TABLE tenants (
    tenant_id varchar(32) NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL,
    kind varchar(20) NOT NULL,
    local_government_code char(6) NOT NULL,
    host_name varchar(200) NULL UNIQUE,
    created_at varchar(40) NOT NULL
);

CREATE TABLE districts (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    district_id varchar(64) NOT NULL UNIQUE,
    name varchar(100) NOT NULL,
    kind varchar(20) NOT NULL,
    parent_id varchar(64) NULL,
    sort_order int NOT NULL,
    created_at varchar(40) NOT NULL,
    updated_at varchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, district_id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES districts (tenant_id, district_id)
);

-- tenant_id is '' for grains that belong to no tenant.
CREATE TABLE grain_state (
    grain_type varchar(100) NOT NULL,
    grain_id varchar(300) NOT NULL,
    tenant_id varchar(32) NOT NULL,
    payload text NOT NULL,
    etag int NOT NULL,
    updated_at varchar(40) NOT NULL,
    PRIMARY KEY (grain_type, grain_id)
);
CREATE INDEX ix_grain_state_tenant ON grain_state (tenant_id);

-- One JSON document per cluster, versioned as a whole: silos are few, and a single row makes the
-- membership protocol's "check the table version and write" one conditional UPDATE on every provider.
CREATE TABLE orleans_membership (
    cluster_id varchar(100) NOT NULL PRIMARY KEY,
    etag int NOT NULL,
    payload text NOT NULL
);
