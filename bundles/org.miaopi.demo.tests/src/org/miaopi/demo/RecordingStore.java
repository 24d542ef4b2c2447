package org.miaopi.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.Sha256;
import org.miaopi.core.model.CertificateRecord;
import org.miaopi.core.model.ComparisonResult;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;

/** Keeps what the generator writes in memory, so the generator is tested without a database. */
final class RecordingStore implements StoreAdmin {

	final List<Department> departments = new ArrayList<>();
	final List<Officer> officers = new ArrayList<>();
	final Map<String, String> passwordHashes = new LinkedHashMap<>();
	final Map<Sha256, byte[]> contents = new LinkedHashMap<>();
	final List<SharedRecord> records = new ArrayList<>();
	final List<Dossier> dossiers = new ArrayList<>();
	final List<org.miaopi.core.model.ThemeApplication> themes = new ArrayList<>();
	final List<org.miaopi.core.model.Decision> decisions = new ArrayList<>();

	@Override
	public StoreInfo info() {
		throw new UnsupportedOperationException();
	}

	@Override
	public void clear() {
		departments.clear();
		officers.clear();
		contents.clear();
		records.clear();
		dossiers.clear();
		decisions.clear();
	}

	@Override
	public void putDepartments(List<Department> d) {
		departments.addAll(d);
	}

	@Override
	public void putOfficers(List<Officer> o, Map<String, String> hashes) {
		officers.addAll(o);
		passwordHashes.putAll(hashes);
	}

	@Override
	public Sha256 putContent(byte[] content, String mimeType) {
		Sha256 h = ContentHashing.sha256(content);
		contents.putIfAbsent(h, content);
		return h;
	}

	@Override
	public List<Sha256> putContents(List<byte[]> c, String mimeType) {
		return c.stream().map(b -> putContent(b, mimeType)).toList();
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
	public void putDecisions(List<org.miaopi.core.model.Decision> d, String actor) {
		decisions.addAll(d);
	}

	@Override
	public org.miaopi.core.audit.Verification verifyLedger(java.util.function.LongConsumer progress) {
		// keeps no ledger: an empty chain
		return org.miaopi.core.audit.AuditChain.verify(List.of());
	}
}
