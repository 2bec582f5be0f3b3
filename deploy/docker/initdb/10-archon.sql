-- Run once by the postgres image on an empty volume, as the superuser: the vector extension in both
-- databases, as ./archon does for the local cluster.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE DATABASE archon_test OWNER archon;
\connect archon_test
CREATE EXTENSION IF NOT EXISTS vector;
