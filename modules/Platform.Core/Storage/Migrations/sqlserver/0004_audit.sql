-- Who changed what and when: one row per accepted change, never updated, read by the tenant's administrators.
CREATE TABLE audit_log (
    tenant_id nvarchar(32) NOT NULL,
    entry_id nvarchar(64) NOT NULL PRIMARY KEY,
    at nvarchar(40) NOT NULL,
    account nvarchar(100) NOT NULL,
    action nvarchar(10) NOT NULL,
    route nvarchar(300) NOT NULL,
    path nvarchar(500) NOT NULL,
    status int NOT NULL
);
CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at);
