-- Who changed what and when: one row per accepted change, never updated, read by the tenant's administrators.
CREATE TABLE audit_log (
    tenant_id varchar(32) NOT NULL,
    entry_id varchar(64) NOT NULL PRIMARY KEY,
    at varchar(40) NOT NULL,
    account varchar(100) NOT NULL,
    action varchar(10) NOT NULL,
    route varchar(300) NOT NULL,
    path varchar(500) NOT NULL,
    status int NOT NULL
);
CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at);
