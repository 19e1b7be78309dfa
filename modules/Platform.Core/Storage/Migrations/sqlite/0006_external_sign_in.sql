-- Staff who sign in with their municipality's own identity provider (OpenID Connect). The tenant admin registers the
-- name the provider knows them by (external_name, lower case); the provider's subject, which it never reassigns, is
-- bound at the first sign-in, so a name the provider later gives to somebody else does not open this account.
CREATE TABLE external_logins (
    tenant_id varchar(32) NOT NULL REFERENCES tenants (tenant_id),
    external_name varchar(200) NOT NULL,
    account_id varchar(64) NOT NULL REFERENCES accounts (account_id),
    subject varchar(200) NULL,
    linked_at varchar(40) NULL,
    PRIMARY KEY (tenant_id, external_name)
);
CREATE INDEX ix_external_logins_account ON external_logins (account_id);
CREATE INDEX ix_external_logins_subject ON external_logins (tenant_id, subject);

-- A token issued to a session that a tenant's provider signed in carries that tenant: it opens no other.
ALTER TABLE access_tokens ADD COLUMN tenant_scope varchar(32) NULL;
