-- Schema 5 — MATTER AND THEME VERSIONS ENABLED CITY-WIDE (MatterVersions; docs/hub.md "Matter versions at the hub").
-- A hub admin enables or disables one version of a matter (its 秒批 policy version) or of a theme;
-- desks follow each change after their cursor (SEQ, from HUB_SEQUENCE 'MATTER_VERSION'). Once the hub
-- names any version of a code, a desk uses only the versions enabled here for that code; a code the
-- hub never named keeps every installed version (a new hub changes nothing at its desks).
INSERT INTO HUB_SEQUENCE (NAME, NEXT_VALUE) VALUES ('MATTER_VERSION', 0);
CREATE TABLE HUB_MATTER_VERSION (
  KIND VARCHAR(8) NOT NULL,
  CODE VARCHAR(64) NOT NULL,
  VERSION VARCHAR(64) NOT NULL,
  ENABLED SMALLINT NOT NULL,
  SEQ BIGINT NOT NULL,
  UPDATED_MS BIGINT NOT NULL,
  UPDATED_BY VARCHAR(64) NOT NULL,
  PRIMARY KEY (KIND, CODE, VERSION)
);
CREATE INDEX HUB_MATTER_VERSION_SEQ ON HUB_MATTER_VERSION (SEQ);
-- Every change, never updated nor deleted: who enabled or disabled which version when, and why.
CREATE TABLE HUB_MATTER_VERSION_LOG (
  SEQ BIGINT NOT NULL PRIMARY KEY,
  KIND VARCHAR(8) NOT NULL,
  CODE VARCHAR(64) NOT NULL,
  VERSION VARCHAR(64) NOT NULL,
  ENABLED SMALLINT NOT NULL,
  AT_MS BIGINT NOT NULL,
  BY_WHOM VARCHAR(64) NOT NULL,
  NOTE VARCHAR(500)
)
