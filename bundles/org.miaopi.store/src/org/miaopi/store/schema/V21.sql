-- Schema 21 — AN IMPORTED DECISION IS COUNTED ON ITS DOSSIER'S ROW (SupervisionSteps, docs/supervision.md).
-- A read of the open dossiers asked DECISION for each of them (100,000 probes of DECISION_DOSSIER on the
-- bench store, most finding nothing); it now asks only for a dossier whose row can have a decision: a
-- deciding step's time (APPROVED_MS, REJECTED_MS, AUTO_APPROVED_MS, AUTO_REJECTED_MS) or STEP_EXTRA > 0
-- (a supplement request is a decision too, and counted). The one other way a decision is written is an
-- import (event decision.imported), which no step column told of: the ledger's writer now counts it in
-- STEP_EXTRA (SupervisionSteps.record); here the imports already stored are counted, one per event.
UPDATE DOSSIER SET STEP_EXTRA = STEP_EXTRA + (SELECT COUNT(*) FROM AUDIT_EVENT e
  WHERE e.DOSSIER_NO = DOSSIER.NUMBER AND e.TYPE = 'decision.imported')
  WHERE NUMBER IN (SELECT DOSSIER_NO FROM AUDIT_EVENT WHERE TYPE = 'decision.imported')
