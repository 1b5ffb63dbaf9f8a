-- Issue 17: an event's holders are one security's rows of a positions statement
-- (store/ca_store.h security_holders_in_statement); without this index a statement of millions
-- of rows is read whole for each event.
CREATE INDEX opening_position_by_security
  ON opening_position (as_of, channel, security_code, account_id, quantity);
