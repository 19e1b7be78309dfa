-- Accounts of staff. A platform administrator has no tenant; everyone else holds grants: a role in a tenant,
-- optionally limited to one district. Tokens are stored as their SHA-256 only.
CREATE TABLE accounts (
    account_id varchar(64) NOT NULL PRIMARY KEY,
    user_name varchar(100) NOT NULL UNIQUE,
    display_name varchar(100) NOT NULL,
    password_hash varchar(400) NOT NULL,
    platform_admin int NOT NULL,
    failed_count int NOT NULL,
    locked_until varchar(40) NULL,
    created_at varchar(40) NOT NULL
);

CREATE TABLE account_grants (
    account_id varchar(64) NOT NULL REFERENCES accounts (account_id),
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    role varchar(20) NOT NULL,
    district_id varchar(64) NULL
);
CREATE INDEX ix_account_grants_account ON account_grants (account_id);

CREATE TABLE access_tokens (
    token_hash varchar(64) NOT NULL PRIMARY KEY,
    account_id varchar(64) NOT NULL REFERENCES accounts (account_id),
    expires_at varchar(40) NOT NULL,
    created_at varchar(40) NOT NULL
);
