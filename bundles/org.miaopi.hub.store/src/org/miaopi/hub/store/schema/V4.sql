-- Schema 4 — OFFICERS' DECISION CERTIFICATES, ISSUED CERTIFICATES (Pushes; docs/hub.md "Officers' signatures at the hub").
-- Every certificate an officer's pushed decision was verified with, by its SHA-256: whose it is,
-- which desk first presented it, and (when a hub admin revoked it) since when decisions under it
-- are refused.
CREATE TABLE HUB_OFFICER_CERT (
  FINGERPRINT CHAR(64) NOT NULL PRIMARY KEY,
  OFFICER_ID VARCHAR(64) NOT NULL,
  DEPARTMENT VARCHAR(32) NOT NULL,
  DESK VARCHAR(64) NOT NULL,
  DER ${BYTES} NOT NULL,
  FIRST_MS BIGINT NOT NULL,
  REVOKED_MS BIGINT,
  REVOKED_REASON VARCHAR(500)
);
CREATE INDEX HUB_OFFICER_CERT_OFFICER ON HUB_OFFICER_CERT (OFFICER_ID);
-- Why the dossier's last decision pushed by its desk was refused (a signature that does not hold),
-- null once a decision the hub accepts follows: while set, that desk's later moves of the dossier
-- (a certificate issued on the refused approval) are refused too.
ALTER TABLE HUB_PROGRESS ADD COLUMN REFUSED_DECISION VARCHAR(1000);
-- The certificates desks issued, as their outbox pushed them (certificate.issued, applied to a
-- dossier the hub routed): the city's register of certificates. The sealed PDF is in HUB_CONTENT
-- under DOCUMENT_SHA256 once a desk uploaded it (only what the hub lacks is sent).
CREATE TABLE HUB_CERTIFICATE (
  NUMBER VARCHAR(64) NOT NULL PRIMARY KEY,
  SUBMISSION_ID VARCHAR(80) NOT NULL,
  DEPARTMENT VARCHAR(32) NOT NULL,
  MATTER VARCHAR(64),
  HOLDER_KIND VARCHAR(16),
  HOLDER_ID VARCHAR(40),
  HOLDER_NAME VARCHAR(200),
  ISSUED_MS BIGINT NOT NULL,
  VALID_FROM VARCHAR(10),
  VALID_TO VARCHAR(10),
  DOCUMENT_SHA256 CHAR(64) NOT NULL,
  DESK VARCHAR(64) NOT NULL,
  RECEIVED_MS BIGINT NOT NULL
);
CREATE INDEX HUB_CERTIFICATE_DOSSIER ON HUB_CERTIFICATE (SUBMISSION_ID)
;
-- When the user's verifier was last set at the hub (created, reset) or taken from a desk: a
-- password a desk changed before that time does not replace it (a reset at the hub wins).
ALTER TABLE HUB_USER ADD COLUMN PASSWORD_SET_MS BIGINT
