-- Schema 19 — THE OUTBOX IS PRUNED, AND A CERTIFICATE'S DOCUMENT NOT SENT IS ASKED FOR AGAIN
-- (DeskOutbox, docs/hub.md "Outbox retention").
-- OUTBOX_ACK: when the hub's high-water mark first reached TO_SEQ (one row per mark seen, written by
-- acknowledge). A row of the outbox is pruned only when the hub has held it for the retention (the
-- mark passed it that long ago), when it lies below the hub's signed checkpoint, and below the mark
-- now. A mark that goes back (a hub restored from a backup) deletes the acknowledgements above it:
-- their rows are waiting again, and their retention starts afresh when the hub applies them anew.
CREATE TABLE OUTBOX_ACK (TO_SEQ BIGINT NOT NULL PRIMARY KEY, AT_MS BIGINT NOT NULL);
-- PRUNED_TO: every outbox row at or below it is gone; a hub whose mark is below it (restored from a
-- backup older than the retention) cannot be given those rows again, and the push says so.
ALTER TABLE OUTBOX_STATE ADD COLUMN PRUNED_TO BIGINT NOT NULL DEFAULT 0;
-- The sealed PDFs of issued certificates whose record reached the hub but whose file did not (not
-- yet written, moved away, or refused): each push asks the hub for them again until it holds them.
CREATE TABLE OUTBOX_DOCUMENT (SHA256 CHAR(64) NOT NULL PRIMARY KEY, CERT_NUMBER VARCHAR(64) NOT NULL, PROBLEM VARCHAR(2000), NOTED_MS BIGINT NOT NULL);
-- The matter and theme versions the hub enables city-wide, as this desk last pulled them (HubMatterList;
-- docs/hub.md "Matter versions at the hub"); empty on a desk without a hub: every installed version is used.
CREATE TABLE HUB_MATTER_VERSION (KIND VARCHAR(8) NOT NULL, CODE VARCHAR(64) NOT NULL, VERSION VARCHAR(64) NOT NULL, ENABLED SMALLINT NOT NULL, PRIMARY KEY (KIND, CODE, VERSION))
