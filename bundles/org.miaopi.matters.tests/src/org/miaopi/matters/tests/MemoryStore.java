package org.miaopi.matters.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Decision;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;

/** Keeps what the demo generator writes, in memory. */
final class MemoryStore implements StoreAdmin {

	final List<SharedRecord> records = new ArrayList<>();
	final List<Dossier> dossiers = new ArrayList<>();
	final List<org.miaopi.core.model.ThemeApplication> themes = new ArrayList<>();

	@Override
	public StoreInfo info() {
		throw new UnsupportedOperationException();
	}

	@Override
	public void clear() {
		records.clear();
		dossiers.clear();
	}

	@Override
	public void putDepartments(List<Department> departments) {
	}

	@Override
	public void putOfficers(List<Officer> officers, Map<String, String> passwordHashes) {
	}

	@Override
	public Sha256 putContent(byte[] content, String mimeType) {
		return ContentHashing.sha256(content);
	}

	@Override
	public List<Sha256> putContents(List<byte[]> contents, String mimeType) {
		return contents.stream().map(ContentHashing::sha256).toList();
	}

	@Override
	public void putSharedRecords(List<SharedRecord> r) {
		records.addAll(r);
	}

	@Override
	public void putComparisons(String dossierNo, List<ComparisonResult> results) {
	}

	@Override
	public void putCertificates(List<CertificateRecord> certificates) {
	}

	@Override
	public void putThemeApplications(List<org.miaopi.core.model.ThemeApplication> t, String actor) {
		themes.addAll(t);
	}

	@Override
	public void putDossiers(List<Dossier> d, String actor) {
		dossiers.addAll(d);
	}

	@Override
	public void putDecisions(List<Decision> decisions, String actor) {
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(java.util.function.LongConsumer progress) {
		// keeps no ledger: an empty chain
		return org.miaopi.core.audit.AuditChain.verify(List.of());
	}
}
