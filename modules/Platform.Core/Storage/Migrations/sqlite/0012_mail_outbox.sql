-- The mail outbox: every mail the platform sends is first a row here, written in the same transaction as whatever
-- planned it, then sent by a background sender. dedupe_key is unique, so planning the same mail twice queues it once.
-- A sender claims a row by moving it to 'sending' with a lease (claim_token, lease_until) in one UPDATE; a lease
-- that ran out (its host died) may be claimed again. Sent rows stay: they are the sent log.
CREATE TABLE mail_outbox (
    tenant_id varchar(32) NOT NULL,
    mail_id varchar(64) NOT NULL PRIMARY KEY,
    dedupe_key varchar(300) NOT NULL UNIQUE,
    kind varchar(20) NOT NULL,
    recipient varchar(254) NOT NULL,
    recipient_name varchar(200) NULL,
    subject varchar(400) NOT NULL,
    body_text text NOT NULL,
    body_html text NULL,
    message_id varchar(200) NOT NULL,
    status varchar(20) NOT NULL,
    attempts int NOT NULL,
    next_attempt_at varchar(40) NOT NULL,
    claim_token varchar(64) NULL,
    lease_until varchar(40) NULL,
    last_error varchar(1000) NULL,
    created_at varchar(40) NOT NULL,
    sent_at varchar(40) NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_tenant ON mail_outbox (tenant_id, created_at);

CREATE TABLE mail_attachments (
    mail_id varchar(64) NOT NULL REFERENCES mail_outbox (mail_id),
    position int NOT NULL,
    file_name varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    content blob NOT NULL,
    PRIMARY KEY (mail_id, position)
);

-- Where a coordinator's weekly digest goes: accounts have no mail address of their own, so the tenant admin names one.
CREATE TABLE mail_recipients (
    tenant_id varchar(32) NOT NULL,
    account_id varchar(64) NOT NULL,
    address varchar(254) NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
