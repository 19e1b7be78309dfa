-- An action item may come from a comment (an advisor's suggestion at an exchange session) as it may from an
-- opinion.
ALTER TABLE action_items ADD comment_id nvarchar(64) NULL;
