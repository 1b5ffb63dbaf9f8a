-- Issue 15 §4: the EOD computes over a read snapshot without the write lock, then writes in one
-- short transaction. This counter tells it whether anything it read changed meanwhile: every
-- transaction that changes an EOD input (an import, a calendar or fee addition, another EOD
-- run's results) adds one (store/input_generation.h); a run that finds another number than it
-- started with computes again.
CREATE TABLE eod_input_generation (
  id         BIGINT PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO eod_input_generation (id, generation) VALUES (1, 0);
