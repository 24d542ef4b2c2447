-- Schema 7: DOSSIER_SEARCH is kept by the store's own writers (SearchKeys) in the same
-- transaction as the dossier rows, as JDBC batches. Derby fetched a row trigger's statement
-- from its dictionary for every row, which made bulk loads and 秒批 batches several times slower.
DROP TRIGGER DOSSIER_SEARCH_INSERT;
DROP TRIGGER DOSSIER_SEARCH_UPDATE;
