-- Schema 2 — PUSH: what desks send through their outbox (Pushes; docs/hub.md "Sync protocol").
-- Who holds a dossier at the hub (the authority on assignment): the desk whose change the hub
-- applied first, or the one an admin assigned it to; null while no desk has touched it or after a
-- withdrawal at the hub.
ALTER TABLE HUB_PROGRESS ADD COLUMN HOLDER_DESK VARCHAR(64);
-- Every outbox row a desk pushed, applied or refused (REFUSED says why): the hub's record of the
-- desks' decisions and audit events, with the chain hashes it witnessed.
CREATE TABLE HUB_DESK_EVENT (
  DESK VARCHAR(64) NOT NULL,
  SEQ BIGINT NOT NULL,
  KIND VARCHAR(64) NOT NULL,
  DOSSIER_NO VARCHAR(80),
  AUDIT_SEQ BIGINT NOT NULL,
  HASH CHAR(64) NOT NULL,
  PAYLOAD ${TEXT} NOT NULL,
  CREATED_MS BIGINT NOT NULL,
  RECEIVED_MS BIGINT NOT NULL,
  REFUSED VARCHAR(1000),
  PRIMARY KEY (DESK, SEQ)
);
CREATE INDEX HUB_DESK_EVENT_DOSSIER ON HUB_DESK_EVENT (DOSSIER_NO)
