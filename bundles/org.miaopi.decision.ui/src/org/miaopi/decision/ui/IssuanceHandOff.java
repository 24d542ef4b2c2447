package org.miaopi.decision.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Control;
import org.miaopi.certificate.CertificateService;
import org.miaopi.certificate.Verdict;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.DossierService;
import org.miaopi.ui.api.MatterCatalog;
import org.miaopi.ui.api.PartStack;
import org.miaopi.dossier.ui.MaterialViewer;
import org.miaopi.dossier.ui.PdfWindow;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * From the decision to the certificate: after an approval the certificate is issued in a user job
 * with progress; a dossier that already has one shows it, read and verified off the UI thread.
 * Either way the certificate view takes the part's place of the form.
 */
final class IssuanceHandOff {

	private final PartStack stack;
	private final Control form;
	private final CertificateView certificate;
	private final UISynchronize sync;
	private final IEventBroker broker;
	private Job lastJob;

	IssuanceHandOff(PartStack stack, Control form, CertificateView certificate, UISynchronize sync, IEventBroker broker) {
		this.stack = stack;
		this.form = form;
		this.certificate = certificate;
		this.sync = sync;
		this.broker = broker;
	}

	/** Issues, seals and verifies the approved dossier's certificate in a background job. */
	Job issue(CertificateService certificates, DossierService service, MatterCatalog matters, Officer actor,
			Dossier approved) {
		showCertificate(approved);
		Job job = Job.create(NLS.bind(Messages.Issue_job, approved.number()), monitor -> {
			try {
				CertificateIssuance.Result r = CertificateIssuance.issue(certificates, service, matters, actor,
						approved, monitor);
				sync.asyncExec(() -> {
					certificate.show(r);
					broker.send(Topics.DOSSIER_CHANGED, r.dossier());
				});
			} catch (RuntimeException e) {
				sync.asyncExec(() -> certificate.failed(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		lastJob = job;
		return job;
	}

	/**
	 * Shows the certificate {@code issued} has; {@code current} tells, when the answer comes, whether
	 * that dossier is still the one open (else the answer is dropped). No certificate: the form again.
	 */
	void showExisting(CertificateService certificates, DossierService service, Officer viewer, Dossier issued,
			Supplier<Dossier> current) {
		showCertificate(issued);
		Job job = Job.create(NLS.bind(Messages.Certificate_for, issued.number(), issued.applicant().name()), monitor -> {
			try {
				Optional<CertificateIssuance.Result> r = CertificateIssuance.existing(certificates, service, viewer, issued);
				sync.asyncExec(() -> {
					if (issued != current.get() || certificate.isDisposed()) {
						return; // another dossier was opened meanwhile
					}
					if (r.isPresent()) {
						certificate.show(r.get());
					} else {
						stack.show(form);
						stack.parent().layout(true, true);
					}
				});
			} catch (RuntimeException e) {
				sync.asyncExec(() -> certificate.failed(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
		lastJob = job;
	}

	private void showCertificate(Dossier d) {
		certificate.issuing(NLS.bind(Messages.Certificate_for, d.number(), d.applicant().name()));
		stack.show(certificate);
		stack.parent().layout(true, true);
	}

	/** The shown certificate's pages in the large page window (read from its file). */
	MaterialViewer view() {
		CertificateIssuance.Result r = certificate.getResult();
		if (r == null) {
			return null;
		}
		try {
			return PdfWindow.open(certificate.getShell(), r.file().getFileName().toString(), Files.readAllBytes(r.file()));
		} catch (IOException e) {
			certificate.note(NLS.bind(Messages.Certificate_unreadable, r.file()), true);
			return null;
		}
	}

	/** The shown certificate in the system's PDF viewer; where there is none, says so and where the file is. */
	void openExternally() {
		CertificateIssuance.Result r = certificate.getResult();
		if (r != null && !Program.launch(r.file().toString())) {
			certificate.note(NLS.bind(Messages.Certificate_noViewer, r.file()), false);
		}
	}

	/**
	 * Verifies the shown certificate's file again, as {@code ./miaopi verify} does (the same
	 * certificate service), in a job; the checks are then shown again with the time of this run.
	 */
	Job verifyAgain(CertificateService certificates) {
		CertificateIssuance.Result r = certificate.getResult();
		if (r == null || certificates == null) {
			return null;
		}
		certificate.note(Messages.Certificate_verifying, false);
		Job job = Job.create(NLS.bind(Messages.Certificate_verifyJob, r.number()), monitor -> {
			try {
				Verdict v = certificates.verify(r.file());
				String when = Texts.time(java.time.Instant.now());
				sync.asyncExec(() -> {
					if (certificate.getResult() != r) {
						return; // another certificate is shown meanwhile
					}
					certificate.show(new CertificateIssuance.Result(r.number(), r.file(), r.sha256(), r.dossier(), v, r.page()));
					certificate.note(NLS.bind(v.ok() ? Messages.Certificate_verifiedAgain : Messages.Certificate_failedAgain, when),
							!v.ok());
				});
			} catch (RuntimeException e) {
				sync.asyncExec(() -> certificate.note(NLS.bind(Messages.Certificate_verifyFailed, e.getMessage()), true));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		lastJob = job;
		return job;
	}

	/** The last certificate job, for tests and the benchmark to wait on. */
	Job lastJob() {
		return lastJob;
	}
}
