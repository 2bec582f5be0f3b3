-- What each version of a job was made from: whether a page of documentation was used, the plan its
-- files implement (when the built-in composer wrote them), the pages retrieved and the library tools
-- chosen, each with why. Written with the version's files, in the statement that completes it, and read
-- by (job_id, version), the primary key. Versions made before have no row: nothing was recorded.
CREATE TABLE agent_job_versions (
    job_id   uuid    NOT NULL REFERENCES agent_jobs (id) ON DELETE CASCADE,
    version  int     NOT NULL,
    grounded boolean NOT NULL,
    plan     jsonb,
    pages    jsonb   NOT NULL DEFAULT '[]',
    tools    jsonb   NOT NULL DEFAULT '[]',
    PRIMARY KEY (job_id, version)
);
