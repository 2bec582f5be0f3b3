-- The vector extension is created by the launcher as superuser; this is a no-op then.
CREATE EXTENSION IF NOT EXISTS vector;

-- The embedding's dimension is fixed by the configured model when the table is created
-- (placeholder from archon.vector.embedding.dimension). The service refuses to start when
-- the model's dimension later differs: switching models is a new migration, never mixed vectors.
CREATE TABLE site_pages (
	id bigserial PRIMARY KEY,
	source text NOT NULL,
	url text NOT NULL,
	chunk_number int NOT NULL,
	title text NOT NULL,
	summary text NOT NULL,
	content text NOT NULL,
	metadata jsonb NOT NULL DEFAULT '{}',
	embedding vector(${dimension}) NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (url, chunk_number)
);

CREATE INDEX site_pages_source_idx ON site_pages (source);
CREATE INDEX site_pages_created_at_idx ON site_pages (created_at);
CREATE INDEX site_pages_metadata_idx ON site_pages USING gin (metadata);

-- No partial index "WHERE created_at > now() - interval '30 days'": index predicates must be
-- immutable and now() is not, so PostgreSQL refuses it; recency filters use the B-tree on
-- created_at instead. No B-tree over (source, embedding) either: a B-tree cannot order by
-- distance, so it never serves a vector search. The ANN index on embedding is built by the
-- service (IndexManager) once the table holds enough rows for useful ivfflat centroids.

-- One row of shared state: the corpus version (bumped by every ingestion, keys the result
-- caches of all instances) and what the ANN index was built for.
CREATE TABLE vector_state (
	id int PRIMARY KEY CHECK (id = 1),
	corpus_version bigint NOT NULL DEFAULT 0,
	index_name text,
	index_type text,
	index_lists int,
	index_rows bigint,
	index_built_at timestamptz
);
INSERT INTO vector_state (id) VALUES (1);
