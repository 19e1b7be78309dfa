-- The meeting kinds that count towards a body's fiscal year (a JSON array of kind ids); NULL counts its regular
-- meetings (定例会議 and the kind the body is named for), so a 説明会 no longer counts.
ALTER TABLE bodies ADD COLUMN counted_kinds varchar(2000) NULL;

-- An organisation's office contact: 電話, メール, 住所, 担当者 (the office's contact person, not a resident).
ALTER TABLE organisations ADD COLUMN contact_phone varchar(40) NULL;
ALTER TABLE organisations ADD COLUMN contact_email varchar(254) NULL;
ALTER TABLE organisations ADD COLUMN contact_address varchar(400) NULL;
ALTER TABLE organisations ADD COLUMN contact_person varchar(200) NULL;
