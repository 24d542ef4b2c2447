-- Schema 20 — A DOSSIER'S STEP TIMES ON ITS ROW (SupervisionSteps, docs/supervision.md).
-- Signals, the performance evaluation and the dashboard measured each case's stages by reading its
-- steps from AUDIT_EVENT: a probe of AUDIT_DOSSIER and a fetch of every event row per dossier, most of
-- the read (100,000 open dossiers: 9.4 s of the signals' 11 s on the bench store under load). The
-- dossier's row now carries the first time of each step a stage clock starts or ends on, and
-- STEP_EXTRA counts the steps that are not one of those firsts (supplement requests and arrivals, a
-- step repeated): a dossier with STEP_EXTRA = 0 has exactly these steps, the others are read from the
-- ledger as before. The ledger's one writer keeps the columns in the transaction that appends the
-- events (SupervisionSteps.record); here they are filled from the events already stored. No aggregate
-- here meets a NULL: Derby adds a warning per group for each NULL an aggregate drops, and chains them one
-- by one (quadratic: the 100,000 dossiers of the bench store did not finish in four minutes).
ALTER TABLE DOSSIER ADD COLUMN PRE_CHECKED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN ASSIGNED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN CLAIMED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN REVIEW_STARTED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN APPROVED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN REJECTED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN AUTO_APPROVED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN AUTO_REJECTED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN ISSUED_MS BIGINT;
ALTER TABLE DOSSIER ADD COLUMN STEP_EXTRA INT NOT NULL DEFAULT 0;
CREATE TABLE STEP_FILL (DOSSIER_NO VARCHAR(40) NOT NULL PRIMARY KEY, PRE_CHECKED_MS BIGINT, ASSIGNED_MS BIGINT,
  CLAIMED_MS BIGINT, REVIEW_STARTED_MS BIGINT, APPROVED_MS BIGINT, REJECTED_MS BIGINT, AUTO_APPROVED_MS BIGINT,
  AUTO_REJECTED_MS BIGINT, ISSUED_MS BIGINT, STEP_EXTRA INT NOT NULL);
INSERT INTO STEP_FILL SELECT DOSSIER_NO,
  MIN(CASE WHEN TYPE = 'dossier.pre-checked' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.assigned' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.claimed' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.review-started' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.approved' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.rejected' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.auto-approved' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'dossier.auto-rejected' THEN EVENT_MS ELSE 9223372036854775807 END),
  MIN(CASE WHEN TYPE = 'certificate.issued' THEN EVENT_MS ELSE 9223372036854775807 END),
  COUNT(*) - COUNT(DISTINCT CASE WHEN TYPE IN ('dossier.supplement-requested', 'dossier.missing-material-requested',
    'dossier.supplement-received') THEN '' ELSE TYPE END) + MAX(CASE WHEN TYPE IN ('dossier.supplement-requested',
    'dossier.missing-material-requested', 'dossier.supplement-received') THEN 1 ELSE 0 END)
  FROM AUDIT_EVENT WHERE DOSSIER_NO IS NOT NULL AND TYPE IN ('dossier.pre-checked', 'dossier.assigned', 'dossier.claimed',
    'dossier.review-started', 'dossier.approved', 'dossier.rejected', 'dossier.auto-approved', 'dossier.auto-rejected',
    'certificate.issued', 'dossier.supplement-requested', 'dossier.missing-material-requested', 'dossier.supplement-received')
  GROUP BY DOSSIER_NO;
UPDATE DOSSIER SET
  PRE_CHECKED_MS = (SELECT NULLIF(f.PRE_CHECKED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  ASSIGNED_MS = (SELECT NULLIF(f.ASSIGNED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  CLAIMED_MS = (SELECT NULLIF(f.CLAIMED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  REVIEW_STARTED_MS = (SELECT NULLIF(f.REVIEW_STARTED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  APPROVED_MS = (SELECT NULLIF(f.APPROVED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  REJECTED_MS = (SELECT NULLIF(f.REJECTED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  AUTO_APPROVED_MS = (SELECT NULLIF(f.AUTO_APPROVED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  AUTO_REJECTED_MS = (SELECT NULLIF(f.AUTO_REJECTED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  ISSUED_MS = (SELECT NULLIF(f.ISSUED_MS, 9223372036854775807) FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER),
  STEP_EXTRA = (SELECT f.STEP_EXTRA FROM STEP_FILL f WHERE f.DOSSIER_NO = DOSSIER.NUMBER)
  WHERE NUMBER IN (SELECT DOSSIER_NO FROM STEP_FILL);
DROP TABLE STEP_FILL
