-- Schema 13 — PULL CURSORS (org.miaopi.sync, docs/hub.md "Sync protocol").
-- How far the desk has read each of the hub's feeds (dossiers of its department, shared records):
-- written in the same transaction as the page it ends, so a pull killed midway resumes from the
-- last page kept and never skips one.
CREATE TABLE SYNC_CURSOR (FEED VARCHAR(100) NOT NULL PRIMARY KEY, POSITION BIGINT NOT NULL, UPDATED_MS BIGINT NOT NULL)
