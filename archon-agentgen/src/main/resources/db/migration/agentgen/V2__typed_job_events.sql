-- Job events are stored as typed records: each row's data names its own type, and the end of a version
-- is stored as job-succeeded, job-failed or job-cancelled instead of done (SSE still sends it as done).
-- Rows written before keep their data and gain their type, so that Last-Event-ID replays and the list
-- of versions read them back. Rows that already name their type are left alone.
UPDATE agent_job_events
SET type = 'job-' || COALESCE(data::jsonb ->> 'status', 'succeeded')
WHERE type = 'done' AND data::jsonb -> 'type' IS NULL;

UPDATE agent_job_events
SET data = jsonb_set(data::jsonb, '{type}', to_jsonb(type))::text
WHERE data::jsonb -> 'type' IS NULL;
