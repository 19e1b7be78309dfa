-- Indexes for the programme at national scale (build/bench/NationwideQueries): a meeting's record read by meeting, and
-- meetings by status. The bigram index for search is PostgreSQL's alone; this provider searches with LIKE.
CREATE INDEX ix_agenda_items_meeting ON agenda_items (tenant_id, meeting_id, position);
CREATE INDEX ix_comments_meeting ON comments (tenant_id, meeting_id, seq);
CREATE INDEX ix_handouts_meeting ON handouts (tenant_id, meeting_id);
CREATE INDEX ix_meetings_status_date ON meetings (tenant_id, status, meeting_date);
