-- Schema 18 — SUPERVISION READS A PERIOD FROM AN INDEX (SupervisionReads.cases, docs/supervision.md).
-- A period's performance evaluation and the dashboard read the dossiers received in a period of every
-- department; no index began with RECEIVED_MS (the queue's begin with the department and status), so
-- Derby scanned every dossier (1.1 million on the bench store) for a month's rows.
CREATE INDEX DOSSIER_RECEIVED ON DOSSIER (RECEIVED_MS, NUMBER)
