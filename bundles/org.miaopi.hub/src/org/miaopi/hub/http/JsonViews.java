package org.miaopi.hub.http;

import java.util.List;

import org.miaopi.hub.intake.ImportReport;
import org.miaopi.hub.intake.Refusal;
import org.miaopi.hub.store.HubDossier;
import org.miaopi.hub.store.HubMaterial;
import org.miaopi.hub.store.HubRecord;
import org.miaopi.hub.store.Page;
import org.miaopi.hub.store.Progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON the hub answers with, field by field as docs/hub.md documents it. */
final class JsonViews {

	static final ObjectMapper JSON = new ObjectMapper();

	private JsonViews() {
	}

	static ObjectNode error(String code, String reason) {
		return JSON.createObjectNode().put("error", code).put("reason", reason); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode report(ImportReport r) {
		ObjectNode o = JSON.createObjectNode();
		o.put("lines", r.lines()).put("imported", r.imported()).put("duplicateCount", r.duplicateCount()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("refusedCount", r.refusedCount()); //$NON-NLS-1$
		ArrayNode dup = o.putArray("duplicates"); //$NON-NLS-1$
		r.duplicates().forEach(dup::add);
		ArrayNode refused = o.putArray("refused"); //$NON-NLS-1$
		for (Refusal f : r.refused()) {
			ObjectNode x = refused.addObject().put("line", f.line()); //$NON-NLS-1$
			if (f.submissionId() != null) {
				x.put("submissionId", f.submissionId()); //$NON-NLS-1$
			}
			x.put("reason", f.reason()); //$NON-NLS-1$
		}
		return o;
	}

	static ObjectNode progress(Progress p) {
		ObjectNode o = JSON.createObjectNode();
		o.put("submissionId", p.submissionId()).put("department", p.departmentCode()).put("stage", p.stage()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("workingDaysUsed", p.workingDaysUsed()).put("workingDaysLeft", p.workingDaysLeft()) //$NON-NLS-1$ //$NON-NLS-2$
				.put("outcome", p.outcome()).put("certificateNo", p.certificateNo()) //$NON-NLS-1$ //$NON-NLS-2$
				.put("updatedAt", p.updatedAt().toString()).put("cursor", p.feedSeq()); //$NON-NLS-1$ //$NON-NLS-2$
		ArrayNode reasons = o.putArray("reasons"); //$NON-NLS-1$
		p.reasons().forEach(reasons::add);
		return o;
	}

	static ObjectNode progressPage(Page<Progress> page) {
		ObjectNode o = JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		page.items().forEach(p -> items.add(progress(p)));
		return o.put("next", page.next()).put("more", page.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode dossierPage(Page<HubDossier> page) {
		ObjectNode o = JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		page.items().forEach(d -> items.add(dossier(d)));
		return o.put("next", page.next()).put("more", page.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Shared records, a page of them per page of the department's dossiers (their applicants'), under its cursor. */
	static ObjectNode recordPage(List<HubRecord> records, Page<HubDossier> dossiers) {
		ObjectNode o = JSON.createObjectNode();
		ArrayNode items = o.putArray("items"); //$NON-NLS-1$
		for (HubRecord r : records) {
			ObjectNode x = items.addObject().put("source", r.source()).put("subjectId", r.subjectId()) //$NON-NLS-1$ //$NON-NLS-2$
					.put("asOf", r.asOf().toString()); //$NON-NLS-1$
			ObjectNode fields = x.putObject("fields"); //$NON-NLS-1$
			r.fields().forEach(fields::put);
		}
		return o.put("next", dossiers.next()).put("more", dossiers.more()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static ObjectNode dossier(HubDossier d) {
		ObjectNode o = JSON.createObjectNode();
		o.put("id", d.id()).put("submissionId", d.submissionId()).put("department", d.departmentCode()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.put("matter", d.matterCode()).put("theme", d.themeCode()).put("themeSubmissionId", d.themeSubmissionId()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ObjectNode a = o.putObject("applicant"); //$NON-NLS-1$
		a.put("kind", d.applicantKind() == 'L' ? "LEGAL" : "NATURAL").put(d.applicantKind() == 'L' ? "creditCode" : "residentId", d.subjectId()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				.put("name", d.applicantName()); //$NON-NLS-1$
		if (d.legalRepresentative() != null) {
			a.put("legalRepresentative", d.legalRepresentative()); //$NON-NLS-1$
		}
		ObjectNode declared = o.putObject("declared"); //$NON-NLS-1$
		d.declared().forEach(declared::put);
		ArrayNode materials = o.putArray("materials"); //$NON-NLS-1$
		for (HubMaterial m : d.materials()) {
			ObjectNode x = materials.addObject().put("requirement", m.requirement()); //$NON-NLS-1$
			if (m.sha256() != null) {
				x.put("sha256", m.sha256()).put("fileName", m.fileName()).put("mimeType", m.mimeType()).put("size", m.size()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			} else {
				List<String> ref = List.of(m.replacedBy().split("\\|", 3)); //$NON-NLS-1$
				x.putObject("replacedBy").put("source", ref.get(0)).put("subjectId", ref.get(1)).put("asOf", ref.get(2)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
		}
		o.put("submittedAt", d.submittedAt().toString()).put("receivedAt", d.receivedAt().toString()); //$NON-NLS-1$ //$NON-NLS-2$
		return o;
	}

	/** A batch's answer: the mark, the signed checkpoint (null when nothing was applied) and the refused rows. */
	static ObjectNode pushed(org.miaopi.hub.store.Push.Result r) {
		ObjectNode o = JSON.createObjectNode().put("highWater", r.highWater()); //$NON-NLS-1$
		if (r.checkpoint() == null) {
			o.putNull("checkpoint"); //$NON-NLS-1$
		} else {
			var c = r.checkpoint();
			java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
			o.putObject("checkpoint").put("desk", c.desk()).put("sequence", c.sequence()).put("headHash", c.headHash()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					.put("signature", b64.encodeToString(c.signature())).put("hubCertificate", b64.encodeToString(c.certificate())) //$NON-NLS-1$ //$NON-NLS-2$
					.put("signedAt", java.time.Instant.ofEpochMilli(c.signedMs()).toString()); //$NON-NLS-1$
		}
		ArrayNode refused = o.putArray("refused"); //$NON-NLS-1$
		for (var f : r.refused()) {
			refused.addObject().put("sequence", f.sequence()).put("dossierNo", f.dossierNo()).put("reason", f.reason()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					.put("hubState", f.hubState()); //$NON-NLS-1$
		}
		return o;
	}
}
