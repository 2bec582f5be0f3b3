-- The recall curve measured on the current index, and through it the probes (ivfflat) or
-- ef_search (HNSW) that searches use; NULL until measured.
ALTER TABLE vector_state ADD COLUMN index_recall_curve jsonb;
