-- Rounds of exchange sessions. A session is a core meeting; what the core has no place for is kept here: the region
-- as the document names it, the venue line as written, the attending advisors and members, who each comment header
-- was attributed to, and the warnings found when it was imported.
CREATE TABLE exchange_rounds (
    tenant_id nvarchar(32) NOT NULL,
    round_id nvarchar(64) NOT NULL UNIQUE,
    title nvarchar(300) NOT NULL,
    fiscal_year int NOT NULL,
    body_id nvarchar(64) NOT NULL,
    themes nvarchar(max) NOT NULL,
    source_hash nvarchar(64) NULL,
    created_at nvarchar(40) NOT NULL,
    PRIMARY KEY (tenant_id, round_id)
);
CREATE INDEX ix_exchange_rounds_hash ON exchange_rounds (tenant_id, source_hash);

CREATE TABLE exchange_sessions (
    tenant_id nvarchar(32) NOT NULL,
    meeting_id nvarchar(64) NOT NULL UNIQUE,
    round_id nvarchar(64) NOT NULL,
    position int NOT NULL,
    region nvarchar(100) NOT NULL,
    details nvarchar(max) NOT NULL,
    PRIMARY KEY (tenant_id, meeting_id),
    FOREIGN KEY (tenant_id, round_id) REFERENCES exchange_rounds (tenant_id, round_id)
);
