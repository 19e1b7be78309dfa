-- Indexes for the programme at national scale (build/bench/NationwideQueries, README there): about 150,000 meetings
-- and 3 million opinions and comments in one database.

-- A meeting's record (summary, record page) reads its agenda items, comments and handouts by meeting; without these
-- each read went through every row of the tenant. Opinions already have UNIQUE (meeting_id, seq).
CREATE INDEX ix_agenda_items_meeting ON agenda_items (tenant_id, meeting_id, position);
CREATE INDEX ix_comments_meeting ON comments (tenant_id, meeting_id, seq);
CREATE INDEX ix_handouts_meeting ON handouts (tenant_id, meeting_id);

-- Meetings of a status (the dashboard's held meetings without approved minutes, the list's status filter).
CREATE INDEX ix_meetings_status_date ON meetings (tenant_id, status, meeting_date);

-- Search. The folded text (search_text) is cut into the tenant's bigrams: 'tenant:' and every pair of adjacent
-- characters, e.g. 'aomori:お宝'. A GIN index over them finds the rows of one tenant that hold every bigram of a word
-- of two or more characters, which LIKE then confirms (bigrams can occur apart). pg_trgm was not used: it extracts no
-- trigram from a word of fewer than three characters (お宝, 除雪), so such a LIKE reads the whole index. The
-- tenant in the key keeps each posting list to one tenant's rows.
CREATE FUNCTION search_bigrams(tenant varchar, folded text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT tenant || ':' || substr(folded, i, 2)), '{}') FROM generate_series(1, length(folded) - 1) AS i $$;
CREATE INDEX ix_opinions_search ON opinions USING gin (search_bigrams(tenant_id, search_text));
CREATE INDEX ix_comments_search ON comments USING gin (search_bigrams(tenant_id, search_text));
