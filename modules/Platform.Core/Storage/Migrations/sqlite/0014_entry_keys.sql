-- The key a recorder's page gives each entry it sends (Idempotency-Key), kept with the entry's sequence number: a
-- request repeated after a lost answer or a failover finds its entry instead of recording it twice. Written in the
-- meeting grain's batch, in the same transaction as the entry.
CREATE TABLE entry_keys (
    tenant_id varchar(32) NOT NULL,
    meeting_id varchar(64) NOT NULL,
    entry_key varchar(100) NOT NULL,
    seq int NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id, entry_key),
    FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, meeting_id)
);
