-- Schema 11 — SIGNED DECISIONS, A LEDGER THAT COVERS ITS RECORDS (Steps, LedgerCheck).
-- An officer's decision carries the officer's detached signature over its canonical record
-- (LedgerRecords.decision): algorithm, signature (base64) and the signer's certificate, kept once in
-- SIGNER_CERTIFICATE under its SHA-256 and referenced by each signature. 秒批 decisions stay unsigned
-- (policy id, version and inputs digest name what decided them).
-- Events written from schema 11 on carry the digest of the decision row they write
-- (decisionDigest) and of the dossier's declared data at intake (declaredDigest); audit verify
-- compares them with the rows. Events written before schema 11 cover kind and reasons only: the
-- upgrade appends no event and invents no digest for them (audit verify counts them apart).
ALTER TABLE DECISION ADD COLUMN SIG_ALGORITHM VARCHAR(32);
ALTER TABLE DECISION ADD COLUMN SIGNATURE VARCHAR(200);
ALTER TABLE DECISION ADD COLUMN SIGNER_CERT CHAR(64);
CREATE TABLE SIGNER_CERTIFICATE (FINGERPRINT CHAR(64) NOT NULL PRIMARY KEY, DER VARCHAR(8000) NOT NULL)
