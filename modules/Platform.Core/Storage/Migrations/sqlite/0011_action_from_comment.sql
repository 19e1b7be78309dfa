-- An action item may come from a comment (an advisor's suggestion at an exchange session) as it may from an
-- opinion.
ALTER TABLE action_items ADD COLUMN comment_id varchar(64) NULL;
