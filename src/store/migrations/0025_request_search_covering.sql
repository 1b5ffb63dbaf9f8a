-- The text search reads a firm's requests newest change first and keeps those whose search text
-- matches (store/request_store.cpp search_requests). With the search text in the index, that
-- read stays in the index: a table row is fetched only for the fifty that match, not for every
-- one scanned (bench/portal_macro: p99 of the search, docs/performance.md). PostgreSQL carries it
-- as an INCLUDE column; its B-tree entries must stay under 2,704 bytes, hence the search text's
-- limit of 600 characters (portal/request_data.h), applied here to rows written before it, plus
-- the reference in front (SR- and 8 digits and a space).
UPDATE service_request SET search_text = substr(search_text, 1, 612) WHERE length(search_text) > 612;
DROP INDEX service_request_by_firm;
CREATE INDEX service_request_by_firm ON service_request (firm_id, updated_at, request_id{{INCLUDE}}search_text);
