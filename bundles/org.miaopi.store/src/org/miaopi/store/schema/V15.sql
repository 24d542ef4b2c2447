-- Schema 15 — ACCOUNTS AND DEMO MODE (Accounts, Sessions).
-- A user's sign-in state beside the OFFICER row (read and written by JDBC in Accounts, so that the
-- demo's bulk loading through the OfficerRow mapping never resets it): locked by an admin (with the
-- reason), failed sign-ins in a row and the end of the lock they cause, and whether the password
-- is a one-time password that must be changed at the next sign-in.
ALTER TABLE OFFICER ADD COLUMN LOCKED SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE OFFICER ADD COLUMN LOCK_REASON VARCHAR(500);
ALTER TABLE OFFICER ADD COLUMN FAILED_ATTEMPTS INT NOT NULL DEFAULT 0;
ALTER TABLE OFFICER ADD COLUMN LOCKED_UNTIL_MS BIGINT;
ALTER TABLE OFFICER ADD COLUMN MUST_CHANGE_PASSWORD SMALLINT NOT NULL DEFAULT 0;
-- The desk's own settings. DEMO_MODE=on allows passwordless sign-in for automated runs; it is set
-- only by the demo generator. Existing stores start with it off: before schema 15 a file in the
-- Miaopi home stood for it, which anyone who could write there could create.
CREATE TABLE DESK_SETTING (NAME VARCHAR(64) NOT NULL PRIMARY KEY, VAL VARCHAR(1000) NOT NULL)
