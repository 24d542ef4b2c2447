-- Schema 4: the 秒批 intake reads RECEIVED dossiers of every department in number order
-- (IntakeService.received), a range scan of this index.
CREATE INDEX DOSSIER_INTAKE ON DOSSIER (STATUS, NUMBER);
