package org.miaopi.supervisor.ui;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.miaopi.core.audit.SignatureVerifier;
import org.miaopi.core.audit.Verification;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Role;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.supervision.SupervisionService;

/**
 * The supervisor's workbench (电子监察): the decision search, the cards with their evidence, sampling
 * reviews, and "Verify the record", which runs the audit ledger's full check as a job with progress.
 * It shows nothing to anyone but a supervisor; the record refuses them anyway.
 */
public class SupervisionPart {

	public static final String ID = "org.miaopi.ui.part.supervision"; //$NON-NLS-1$
	/** The family of the part's jobs, for tests to wait on. */
	public static final Object JOBS = Background.FAMILY;

	@Inject
	@Optional
	private SupervisionService service;

	@Inject
	@Optional
	private StoreAdmin store;

	@Inject
	@Optional
	private SignatureVerifier verifier;

	@Inject
	@Optional
	private org.miaopi.core.service.DossierService dossiers;

	@Inject
	@Optional
	private org.eclipse.e4.core.services.events.IEventBroker broker;

	@Inject
	@Optional
	private org.miaopi.ui.api.MatterCatalog matters;

	private Officer officer;
	private Composite parent;
	private StackLayout stack;
	private Label signedOut;
	private Composite content;
	private Label title;
	private Label verifyResult;
	private Button verify;
	private CTabFolder tabs;
	DecisionSearch search;
	CardList cards;
	Sampling sampling;

	@PostConstruct
	public void createControls(Composite parent) {
		this.parent = parent;
		stack = new StackLayout();
		parent.setLayout(stack);
		signedOut = new Label(parent, SWT.WRAP);
		signedOut.setText(Messages.Part_signedOut);
		content = new Composite(parent, SWT.NONE);
		content.setLayout(new GridLayout(3, false));
		title = new Label(content, SWT.NONE);
		title.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		verify = new Button(content, SWT.PUSH);
		verify.setText(Messages.Verify_button);
		verify.addListener(SWT.Selection, e -> verifyRecord());
		verifyResult = new Label(content, SWT.NONE);
		verifyResult.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		tabs = new CTabFolder(content, SWT.BORDER | SWT.TOP);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		search = new DecisionSearch(tabs);
		search.onOpen(this::open);
		cards = new CardList(tabs);
		sampling = new Sampling(tabs);
		tab(Messages.Tab_decisions, search.control());
		tab(Messages.Tab_cards, cards.control());
		tab(Messages.Tab_sampling, sampling.control());
		// screenshots of a tab other than the first: -Dmiaopi.supervision.tab=cards|sampling (like -Dmiaopi.open)
		String tab = System.getProperty("miaopi.supervision.tab", ""); //$NON-NLS-1$
		tabs.setSelection("cards".equals(tab) ? 1 : "sampling".equals(tab) ? 2 : 0); //$NON-NLS-1$ //$NON-NLS-2$
		show();
	}

	private void tab(String text, Composite control) {
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(text);
		item.setControl(control);
	}

	@Inject
	void session(@Optional Officer signedIn) {
		officer = signedIn;
		if (parent != null && !parent.isDisposed()) {
			show();
		}
	}

	private void show() {
		boolean supervisor = officer != null && officer.hasRole(Role.SUPERVISOR) && service != null;
		stack.topControl = supervisor ? content : signedOut;
		parent.layout(true, true);
		if (!supervisor) {
			// a part left open across a sign-out acts for nobody: no search, export or review as the one before
			search.viewer(null, null, null);
			cards.viewer(null, null, null);
			sampling.viewer(null, null);
			return;
		}
		title.setText(NLS.bind(Messages.Part_title, officer.hasRole(Role.CITY_SUPERVISOR) ? Messages.Part_allDepartments
				: officer.departmentCode()));
		verifyResult.setText(""); //$NON-NLS-1$
		content.layout();
		search.viewer(service, officer, matters);
		cards.viewer(service, officer, matters);
		sampling.viewer(service, officer);
		search.search();
		cards.load();
		sampling.load();
	}

	/**
	 * Shows a decision's dossier in the perspective's other parts (audit trail, dossier, comparison), as
	 * the queue does: read in the background with the supervisor's own rights.
	 */
	void open(String dossierNo) {
		if (dossiers == null || broker == null || officer == null) {
			return;
		}
		org.miaopi.core.service.DossierService d = dossiers;
		Officer v = officer;
		Background.run("open dossier", tabs, () -> d.find(v, dossierNo).orElse(null), found -> { //$NON-NLS-1$
			if (found != null) {
				broker.send(org.miaopi.ui.api.Topics.DOSSIER_OPENED, found);
			}
		}, why -> verifyResult.setText(NLS.bind(Messages.Failed, why)));
	}

	/** Runs the ledger check (chain, records, signatures) as a job with progress; the result in words. */
	public Job verifyRecord() {
		if (store == null) {
			return null;
		}
		verify.setEnabled(false);
		StoreAdmin s = store;
		SignatureVerifier v = verifier;
		Job job = new Job(Messages.Verify_button) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(Messages.Verify_button, IProgressMonitor.UNKNOWN);
				String words;
				try {
					long[] shown = { 0 };
					Verification r = s.verifyLedger(v, n -> {
						monitor.worked(1);
						if (n - shown[0] >= 10_000) {
							shown[0] = n;
							Background.ui(verify, () -> verifyResult.setText(NLS.bind(Messages.Verify_running, n)));
						}
					});
					words = r instanceof Verification.Intact ok
							? NLS.bind(Messages.Verify_intact, ok.eventsChecked(),
									ok.headHash() == null ? "-" : ok.headHash().hex().substring(0, 16)) //$NON-NLS-1$
							: r instanceof Verification.Broken b ? NLS.bind(Messages.Verify_broken, b.sequence(), b.message())
									: ""; //$NON-NLS-1$
				} catch (RuntimeException e) {
					words = NLS.bind(Messages.Verify_failed, e.getMessage());
				}
				String result = words;
				Background.ui(verify, () -> {
					verifyResult.setText(result);
					verify.setEnabled(true);
					content.layout();
				});
				monitor.done();
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOBS;
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}

	/**
	 * Exports the cards shown as a report to {@code target} in a job with progress: a sealed PDF when the
	 * name ends in .pdf, else CSV (the buttons ask where with a file dialog, then call this).
	 */
	public Job exportCards(java.nio.file.Path target) {
		return cards.export(target);
	}

	/** What the cards tab's status line says (tests). */
	public String cardsStatus() {
		return cards.status();
	}

	/** What the record check said last (tests). */
	String verifyResult() {
		return verifyResult.getText();
	}
}
