-- Schema 10 — THEMES LIST THEIR MATTERS (ThemeBook, ThemeIntake). A theme (一件事) application lists
-- the matters it applies for; the theme waits for a member of each before it can be APPROVED, so
-- members arriving in separate batches no longer let it be decided on those that came first.
-- A THEME row now exists from the application on (PENDING), not from the first decision.
-- WITHDRAWN is an outcome: a withdrawn member withdraws the theme's one issuance.
-- THEME_CODE is null for a theme taken in before schema 10, whose list was never recorded: its list
-- becomes the matters of the members present at the upgrade; a member of another matter arriving
-- later extends it (audited), and taking its application in later replaces it.
ALTER TABLE THEME ADD COLUMN THEME_CODE VARCHAR(64);
ALTER TABLE THEME ADD COLUMN EXPECTED INT NOT NULL DEFAULT 0;
ALTER TABLE THEME ADD COLUMN WITHDRAWN INT NOT NULL DEFAULT 0;
CREATE TABLE THEME_MATTER (THEME_NO VARCHAR(40) NOT NULL, MATTER_CODE VARCHAR(64) NOT NULL, POSITION INT NOT NULL, PRIMARY KEY (THEME_NO, MATTER_CODE));
-- existing stores: every theme gets its row and its list (from the members present)
INSERT INTO THEME (THEME_NO, OUTCOME, MEMBERS, APPROVED, REJECTED, CHANGED_MS) SELECT THEME_NO, 'PENDING', COUNT(*), 0, 0, 0 FROM DOSSIER WHERE THEME_NO IS NOT NULL AND THEME_NO NOT IN (SELECT THEME_NO FROM THEME) GROUP BY THEME_NO;
INSERT INTO THEME_MATTER (THEME_NO, MATTER_CODE, POSITION) SELECT DISTINCT THEME_NO, MATTER_CODE, 0 FROM DOSSIER WHERE THEME_NO IS NOT NULL;
UPDATE THEME SET EXPECTED = (SELECT COUNT(*) FROM THEME_MATTER M WHERE M.THEME_NO = THEME.THEME_NO), WITHDRAWN = (SELECT COUNT(*) FROM DOSSIER D WHERE D.THEME_NO = THEME.THEME_NO AND D.STATUS = 'WITHDRAWN');
-- a theme left PENDING forever by a withdrawn member is withdrawn (the upgrade appends no audit event)
UPDATE THEME SET OUTCOME = 'WITHDRAWN' WHERE OUTCOME = 'PENDING' AND WITHDRAWN > 0;
