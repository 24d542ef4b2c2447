-- Schema 16 — THE OUTBOX (OutboxLog, DeskOutbox; docs/hub.md "Sync protocol").
-- Every audit event written from schema 16 on is also an outbox row, in the same transaction:
-- what the hub must learn (transitions and decisions with the officer's signature, audit events
-- with their chain hashes, certificate records, revocations, sign-ins, claims, hand-backs,
-- reassignments) all pass through the ledger. SEQ runs 1, 2, 3 … without gaps: it is drawn from
-- OUTBOX_STATE.HEAD by an UPDATE inside the writing transaction (the row stays locked until
-- commit; a rolled-back transaction gives its numbers back). Rows at or below the hub's
-- high-water mark are deleted; AUDIT_SEQ ties a row to the event it carries.
-- Events written before schema 16 are not put in the outbox: the hub takes the first event it
-- receives as the start of this desk's chain.
CREATE TABLE OUTBOX (SEQ BIGINT NOT NULL PRIMARY KEY, KIND VARCHAR(64) NOT NULL, DOSSIER_NO VARCHAR(40), AUDIT_SEQ BIGINT NOT NULL, PAYLOAD CLOB NOT NULL, CREATED_MS BIGINT NOT NULL);
CREATE TABLE OUTBOX_STATE (ID INT NOT NULL PRIMARY KEY, HEAD BIGINT NOT NULL);
INSERT INTO OUTBOX_STATE (ID, HEAD) VALUES (1, 0);
-- The hub's signed checkpoints of this desk's ledger: at outbox sequence SEQ the ledger's head was
-- HEAD_HASH (the hash of audit event AUDIT_SEQ, resolved when the checkpoint was kept; null if no
-- event of this store had that hash). SIGNATURE and HUB_CERT (DER) are Base64.
CREATE TABLE OUTBOX_CHECKPOINT (SEQ BIGINT NOT NULL PRIMARY KEY, DESK VARCHAR(64) NOT NULL, HEAD_HASH CHAR(64) NOT NULL, AUDIT_SEQ BIGINT, SIGNATURE VARCHAR(2000) NOT NULL, HUB_CERT VARCHAR(8000) NOT NULL, SIGNED_MS BIGINT NOT NULL);
-- Changes the hub refused for one dossier (it moved on there); the officer's work stays in the store.
CREATE TABLE OUTBOX_REFUSAL (SEQ BIGINT NOT NULL PRIMARY KEY, DOSSIER_NO VARCHAR(40), REASON VARCHAR(2000) NOT NULL, HUB_STATE VARCHAR(2000), AT_MS BIGINT NOT NULL)
