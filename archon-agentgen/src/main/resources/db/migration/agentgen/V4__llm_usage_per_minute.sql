-- What the OpenAI-compatible gateway's calls used, per minute, API key, provider and model.
-- key_label is a label derived from the key (ApiKeys.label), never the key. Each instance adds
-- its counts to the row of the minute, so a row holds the cluster's totals. The primary key
-- starts with the minute, so a report over a period scans only that period.
CREATE TABLE llm_usage (
    minute        timestamptz    NOT NULL,
    key_label     text           NOT NULL,
    provider      text           NOT NULL,
    model         text           NOT NULL,
    requests      bigint         NOT NULL,
    input_tokens  bigint         NOT NULL,
    output_tokens bigint         NOT NULL,
    cost          numeric(20, 8) NOT NULL,
    PRIMARY KEY (minute, key_label, provider, model)
);
