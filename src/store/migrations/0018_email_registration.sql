-- The state of a user's designated 2FA email (SPEC AUTH-1): 'registered' is used for sign-in
-- codes; 'pending' waits for the operator, as administrators' registrations do. Addresses
-- entered before this column existed were entered by the operator: registered.
ALTER TABLE app_user ADD COLUMN email_status TEXT NOT NULL DEFAULT 'registered';
