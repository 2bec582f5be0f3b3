-- Generation jobs. A job is claimed by a worker with FOR UPDATE SKIP LOCKED and held by a
-- lease that the worker renews; a job whose lease ran out is claimed again and resumes
-- from its last finished step.
CREATE TABLE agent_jobs (
    id              uuid PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    description     text        NOT NULL,
    framework       text        NOT NULL,
    refinements     int         NOT NULL,
    sources         text[]      NOT NULL DEFAULT '{}',
    provider_hint   text,
    cache_key       text        NOT NULL,
    use_cache       boolean     NOT NULL DEFAULT true,
    idempotency_key text UNIQUE,
    version         int         NOT NULL DEFAULT 1,
    feedback        text,
    lease_owner     text,
    lease_until     timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    degraded        boolean     NOT NULL DEFAULT false,
    grounded        boolean,
    cached          boolean     NOT NULL DEFAULT false,
    error           text,
    validation      jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);

-- What workers claim: queued jobs, and running jobs whose lease ran out.
CREATE INDEX agent_jobs_claimable ON agent_jobs (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX agent_jobs_status_created ON agent_jobs (status, created_at DESC);
CREATE INDEX agent_jobs_created ON agent_jobs (created_at DESC);

-- Each step of each version of a job, with its output, so that a resumed job skips what
-- is done.
CREATE TABLE agent_job_steps (
    job_id        uuid        NOT NULL REFERENCES agent_jobs (id) ON DELETE CASCADE,
    version       int         NOT NULL,
    name          text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    provider      text,
    model         text,
    input_tokens  bigint      NOT NULL DEFAULT 0,
    output_tokens bigint      NOT NULL DEFAULT 0,
    cost          numeric(14, 8) NOT NULL DEFAULT 0,
    llm_ms        bigint      NOT NULL DEFAULT 0,
    degraded      boolean     NOT NULL DEFAULT false,
    output        text,
    detail        text,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    PRIMARY KEY (job_id, version, name)
);

-- The files of each version of a job.
CREATE TABLE agent_job_files (
    job_id  uuid NOT NULL REFERENCES agent_jobs (id) ON DELETE CASCADE,
    version int  NOT NULL,
    path    text NOT NULL,
    content text NOT NULL,
    PRIMARY KEY (job_id, version, path)
);

-- Every event sent to SSE clients, so that Last-Event-ID can replay what was missed.
CREATE TABLE agent_job_events (
    id         bigserial PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES agent_jobs (id) ON DELETE CASCADE,
    type       text        NOT NULL,
    data       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_job_events_job ON agent_job_events (job_id, id);
