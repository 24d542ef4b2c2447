-- Schema 3 — OFFICERS, NUMBER BLOCKS, SOURCES (HubUsers, CertificateNumbers, SourceStates; docs/hub.md).
-- The city's users, by department: desks of that department pull them (with their password
-- verifier) so officers sign in offline. VERSION is drawn from HUB_SEQUENCE 'USER' at every change:
-- the department's pull cursor. A removed user stays, REMOVED, so desks learn to lock them.
INSERT INTO HUB_SEQUENCE (NAME, NEXT_VALUE) VALUES ('USER', 0);
CREATE TABLE HUB_USER (
  ID VARCHAR(64) NOT NULL PRIMARY KEY,
  NAME VARCHAR(200) NOT NULL,
  DEPARTMENT VARCHAR(32) NOT NULL,
  ROLES VARCHAR(100) NOT NULL,
  PASSWORD_HASH VARCHAR(200) NOT NULL,
  MUST_CHANGE_PASSWORD SMALLINT NOT NULL,
  LOCKED SMALLINT NOT NULL,
  LOCK_REASON VARCHAR(500),
  REMOVED SMALLINT NOT NULL,
  VERSION BIGINT NOT NULL,
  UPDATED_MS BIGINT NOT NULL
);
CREATE INDEX HUB_USER_FEED ON HUB_USER (DEPARTMENT, VERSION);
-- Certificate numbers: each department's sequence is handed to desks in blocks; the mark row is
-- updated (and so locked) by the reserving transaction, so two desks never get overlapping blocks.
CREATE TABLE HUB_NUMBER_MARK (DEPARTMENT VARCHAR(32) NOT NULL PRIMARY KEY, LAST_SEQ BIGINT NOT NULL);
CREATE TABLE HUB_NUMBER_BLOCK (
  DEPARTMENT VARCHAR(32) NOT NULL,
  FIRST_SEQ BIGINT NOT NULL,
  LAST_SEQ BIGINT NOT NULL,
  DESK VARCHAR(64) NOT NULL,
  RESERVED_MS BIGINT NOT NULL,
  PRIMARY KEY (DEPARTMENT, FIRST_SEQ)
);
CREATE INDEX HUB_NUMBER_BLOCK_DESK ON HUB_NUMBER_BLOCK (DESK, FIRST_SEQ);
-- Numbers of a desk's blocks it reported void (allocated, never issued): never handed out again.
CREATE TABLE HUB_NUMBER_VOID (
  NUMBER VARCHAR(80) NOT NULL PRIMARY KEY,
  DEPARTMENT VARCHAR(32) NOT NULL,
  SEQ BIGINT NOT NULL,
  DESK VARCHAR(64) NOT NULL,
  RECEIVED_MS BIGINT NOT NULL
);
-- The shared data sources' availability as the hub knows it (SourceStates): desks follow each
-- change after their cursor (VERSION, from HUB_SEQUENCE 'SOURCE'); a source never set is available.
INSERT INTO HUB_SEQUENCE (NAME, NEXT_VALUE) VALUES ('SOURCE', 0);
CREATE TABLE HUB_SOURCE (
  SOURCE VARCHAR(64) NOT NULL PRIMARY KEY,
  AVAILABLE SMALLINT NOT NULL,
  NOTE VARCHAR(500),
  VERSION BIGINT NOT NULL,
  UPDATED_MS BIGINT NOT NULL
)
