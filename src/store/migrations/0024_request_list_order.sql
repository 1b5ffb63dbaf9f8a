-- The home page lists a firm's requests newest change first, ties by id (store/request_store.cpp
-- search_requests). With the id in the index the database reads the page straight off it instead
-- of sorting all of the firm's requests for every page (bench/portal_macro: 10,000 a firm).
DROP INDEX service_request_by_firm;
DROP INDEX service_request_by_firm_status;
DROP INDEX service_request_by_team;
CREATE INDEX service_request_by_firm ON service_request (firm_id, updated_at, request_id);
CREATE INDEX service_request_by_firm_status ON service_request (firm_id, status, updated_at, request_id);
CREATE INDEX service_request_by_team ON service_request (operator_team, status, updated_at, request_id);
