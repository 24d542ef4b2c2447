-- Schema 14 — THE QUEUE'S ORDERS AS AN OFFICER READS THEM (SortPlan, Seek, NameKeys).
-- Self-contained: it names only what schemas 1-11 made, so it may be renumbered after another
-- migration written at the same time.
-- 1. Only an order's own key turns when the officer reverses it; ties then always go nearest
--    deadline first, then by dossier number (most mismatches first, and of those the most urgent).
--    Derby cannot scan an index backwards, so every descending index is rebuilt with its tie
--    columns ascending, and the ascending applicant and received orders get the deadline as tie.
-- 2. APPLICANT_KEY: the applicant's name as a collation key (the ICU Chinese collation, pinyin
--    order; hex of the key bytes, which orders as the bytes do; cut at 400 characters, past which
--    ties go to the deadline). SQL cannot compute it: the store fills it from Java when it opens
--    (NameKeys.refresh) for every row while NAME_COLLATION does not name the collator's version,
--    which also re-keys the rows should a newer ICU order names differently. Writers set it at
--    intake; a row written without it ('') is filled at the next open.
ALTER TABLE DOSSIER ADD COLUMN APPLICANT_KEY VARCHAR(400) NOT NULL DEFAULT '';
CREATE TABLE NAME_COLLATION (VERSION VARCHAR(64) NOT NULL);
DROP INDEX DOSSIER_SORT_DEADLINE_D;
CREATE INDEX DOSSIER_SORT_DEADLINE_D ON DOSSIER (DEPARTMENT_CODE, STATUS, DEADLINE DESC, NUMBER, MATTER_CODE);
DROP INDEX DOSSIER_SORT_APPLICANT;
DROP INDEX DOSSIER_SORT_APPLICANT_D;
CREATE INDEX DOSSIER_SORT_APPLICANT ON DOSSIER (DEPARTMENT_CODE, STATUS, APPLICANT_KEY, DEADLINE, NUMBER, MATTER_CODE);
CREATE INDEX DOSSIER_SORT_APPLICANT_D ON DOSSIER (DEPARTMENT_CODE, STATUS, APPLICANT_KEY DESC, DEADLINE, NUMBER, MATTER_CODE);
DROP INDEX DOSSIER_SORT_RECEIVED;
DROP INDEX DOSSIER_SORT_RECEIVED_D;
CREATE INDEX DOSSIER_SORT_RECEIVED ON DOSSIER (DEPARTMENT_CODE, STATUS, RECEIVED_MS, DEADLINE, NUMBER, MATTER_CODE);
CREATE INDEX DOSSIER_SORT_RECEIVED_D ON DOSSIER (DEPARTMENT_CODE, STATUS, RECEIVED_MS DESC, DEADLINE, NUMBER, MATTER_CODE);
DROP INDEX DOSSIER_SORT_MATTER_D;
CREATE INDEX DOSSIER_SORT_MATTER_D ON DOSSIER (DEPARTMENT_CODE, STATUS, MATTER_CODE DESC, DEADLINE, NUMBER);
DROP INDEX DOSSIER_SORT_MISMATCHES_D;
CREATE INDEX DOSSIER_SORT_MISMATCHES_D ON DOSSIER (DEPARTMENT_CODE, STATUS, ATTENTION DESC, DEADLINE, NUMBER, MATTER_CODE)
