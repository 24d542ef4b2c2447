-- Schema 6: the members of a theme (一件事) dossier, by number (DossierService.themeMembers).
CREATE INDEX DOSSIER_THEME ON DOSSIER (THEME_NO, NUMBER);
