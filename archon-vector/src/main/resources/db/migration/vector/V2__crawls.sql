-- Crawl jobs live here, not in an instance's memory: any instance claims an unfinished
-- crawl whose lease ran out (its instance died) and carries on from the URLs not yet done.
CREATE TABLE vector_crawls (
	id uuid PRIMARY KEY,
	source text NOT NULL,
	sitemap_url text,
	llms_txt_url text,
	max_pages int NOT NULL,
	status text NOT NULL DEFAULT 'queued',
	discovered boolean NOT NULL DEFAULT false,
	error text,
	lease_owner text,
	lease_until timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	finished_at timestamptz
);

-- The claim query looks for unfinished crawls only.
CREATE INDEX vector_crawls_unfinished_idx ON vector_crawls (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE vector_crawl_urls (
	crawl_id uuid NOT NULL REFERENCES vector_crawls (id) ON DELETE CASCADE,
	url text NOT NULL,
	position int NOT NULL,
	status text NOT NULL DEFAULT 'pending',
	attempts int NOT NULL DEFAULT 0,
	chunks int,
	detail text,
	PRIMARY KEY (crawl_id, url)
);
