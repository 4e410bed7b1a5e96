-- A sign-in lock follows from the count of failures and the latest one (LoginThrottle), and a setup
-- code is deleted once an admin exists: neither column is written any more.
ALTER TABLE login_failures DROP COLUMN locked_until;
ALTER TABLE setup_codes DROP COLUMN used_at;
