-- Schema 3: one covering index for the queue (department, deadline order, status, matter, text),
-- so a page of numbers is read from the index alone (see DeskStore.queue).
CREATE INDEX DOSSIER_QUEUE_COVER ON DOSSIER (DEPARTMENT_CODE, DEADLINE, NUMBER, STATUS, MATTER_CODE, SEARCH_TEXT);
DROP INDEX DOSSIER_QUEUE;
