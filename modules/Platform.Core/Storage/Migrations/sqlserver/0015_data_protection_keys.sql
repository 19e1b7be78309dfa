-- The keys that sign and encrypt sign-in cookies, anti-forgery tokens and reply links, kept in the platform database
-- so that every host of a cluster reads what another wrote: any request may reach any host.
CREATE TABLE data_protection_keys (
    name nvarchar(100) NOT NULL PRIMARY KEY,
    xml nvarchar(max) NOT NULL
);
