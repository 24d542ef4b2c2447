package org.miaopi.ui.status;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.time.LocalDate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.calendar.WorkingDayCalendar;
import org.miaopi.core.model.Department;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.Timeliness;
import org.miaopi.core.service.DossierService;
import org.miaopi.core.service.QueuePage;
import org.miaopi.core.service.QueueQuery;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.service.StoreInfo;
import org.miaopi.ui.Messages;
import org.miaopi.ui.MiaopiVersion;
import org.miaopi.ui.api.DeadlineAlerts;
import org.miaopi.ui.api.Texts;
import org.miaopi.ui.api.Topics;

/**
 * Bottom line of the window: who is signed in and their department, the state of the local
 * store, deadline alerts of the department's open dossiers, the version.
 */
public class StatusBar {

	/** The queue is ordered by deadline, so alerts need only its first pages; beyond this, "more". */
	private static final int ALERT_PAGES = 40;
	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();

	@Inject
	@Optional
	private DossierService dossiers;
	@Inject
	@Optional
	private StoreAdmin store;
	@Inject
	private UISynchronize sync;

	private Label user;
	private Label storeLabel;
	private Label alerts;
	private Label version;
	private Composite bar;
	private Officer officer;
	private Job alertJob;

	@PostConstruct
	public void createControls(Composite parent) {
		bar = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(7, false);
		layout.marginHeight = 2;
		layout.marginWidth = 6;
		layout.horizontalSpacing = 10;
		bar.setLayout(layout);
		user = new Label(bar, SWT.NONE);
		separator(bar);
		storeLabel = new Label(bar, SWT.NONE);
		separator(bar);
		alerts = new Label(bar, SWT.NONE);
		separator(bar);
		version = new Label(bar, SWT.NONE);
		version.setText(NLS.bind(Messages.Status_version, MiaopiVersion.display()));
		show(officer, null);
	}

	@Inject
	void session(@Optional Officer signedIn, @Optional Department department) {
		officer = signedIn;
		if (bar != null && !bar.isDisposed()) {
			show(signedIn, department);
		}
	}

	@Inject
	@Optional
	void dossierChanged(@UIEventTopic(Topics.DOSSIER_CHANGED) Dossier changed) {
		refreshAlerts();
	}

	private void show(Officer o, Department department) {
		if (o == null) {
			user.setText(Messages.Status_notSignedIn);
			storeLabel.setText(Messages.Status_storeNotOpened);
			alerts.setText(""); //$NON-NLS-1$
		} else {
			Department d = department != null ? department : departmentOf(o);
			String dept = d == null ? o.departmentCode() : Texts.of(d);
			user.setText(NLS.bind(Messages.Status_signedIn, new Object[] { o.name(), o.id(), dept, Texts.of(o.roles()) }));
			storeLabel.setText(storeText());
			if (o.hasRole(org.miaopi.core.model.Role.OFFICER) || o.hasRole(org.miaopi.core.model.Role.SUPERVISOR)) {
				alerts.setText(Messages.Status_alertsCounting);
				refreshAlerts();
			} else {
				alerts.setText(""); // an admin has no queue, so no deadlines to watch //$NON-NLS-1$
			}
		}
		bar.getParent().layout(true, true);
	}

	/** The officer's department from the store, when the session could not name it. */
	private Department departmentOf(Officer o) {
		try {
			return store == null ? null
					: store.departments().stream().filter(x -> x.code().equals(o.departmentCode())).findFirst().orElse(null);
		} catch (RuntimeException e) {
			return null;
		}
	}

	private String storeText() {
		if (store == null) {
			return Messages.Status_storeNotOpened;
		}
		try {
			StoreInfo.Schema schema = store.schema();
			return NLS.bind(schema.encrypted() ? Messages.Status_storeEncrypted : Messages.Status_storePlain, schema.version());
		} catch (RuntimeException e) {
			return NLS.bind(Messages.Status_storeFailed, org.miaopi.ui.api.StoreProblems.brief(e));
		}
	}

	private void refreshAlerts() {
		Officer o = officer;
		if (o == null || dossiers == null || bar == null) {
			return;
		}
		if (alertJob != null) {
			alertJob.cancel();
		}
		alertJob = Job.create(Messages.Status_alertsJob, (IProgressMonitor monitor) -> {
			DeadlineAlerts a;
			try {
				a = count(o, monitor);
			} catch (RuntimeException e) {
				return Status.OK_STATUS; // the queue shows the store's problem; alerts stay as they were
			}
			if (!monitor.isCanceled()) {
				sync.asyncExec(() -> showAlerts(a));
			}
			return Status.OK_STATUS;
		});
		alertJob.setSystem(true);
		alertJob.schedule();
	}

	/** Counts from the front of the deadline-ordered queue until deadlines are no longer at risk. */
	DeadlineAlerts count(Officer o, IProgressMonitor monitor) {
		return count(dossiers, o, ChinaTime.today(), monitor);
	}

	/**
	 * The alerts as of {@code today}, by the core's one rule ({@link Timeliness}), which also marks
	 * the queue's rows: the bar never counts a dossier the queue does not mark, nor the reverse.
	 */
	public static DeadlineAlerts count(DossierService dossiers, Officer o, LocalDate today, IProgressMonitor monitor) {
		int atRisk = 0;
		int overdue = 0;
		for (int page = 0; page < ALERT_PAGES && !monitor.isCanceled(); page++) {
			QueuePage p = dossiers.queue(o, new QueueQuery(null, null, null, page));
			for (Dossier d : p.rows()) {
				Timeliness t = Timeliness.of(CALENDAR, d, null, today);
				if (t.overdue()) {
					overdue++;
				} else if (t.atRisk()) {
					atRisk++;
				} else if (t.kind() == Timeliness.Kind.OPEN) {
					return new DeadlineAlerts(atRisk, overdue, false); // nearest deadline first: none after this one
				}
			}
			if (!p.hasMore()) {
				return new DeadlineAlerts(atRisk, overdue, false);
			}
		}
		return new DeadlineAlerts(atRisk, overdue, true);
	}

	private void showAlerts(DeadlineAlerts a) {
		if (alerts.isDisposed() || officer == null) {
			return;
		}
		alerts.setText(NLS.bind(Messages.Status_alerts, new Object[] { a.overdue() + (a.more() ? "+" : ""), //$NON-NLS-1$ //$NON-NLS-2$
				a.atRisk() + (a.more() ? "+" : "") })); //$NON-NLS-1$ //$NON-NLS-2$
		alerts.setForeground(a.overdue() > 0 ? alerts.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		bar.getParent().layout(true, true);
	}

	@PreDestroy
	void dispose() {
		if (alertJob != null) {
			alertJob.cancel();
		}
	}

	private static void separator(Composite bar) {
		Label separator = new Label(bar, SWT.SEPARATOR | SWT.VERTICAL);
		GridData data = new GridData(SWT.CENTER, SWT.FILL, false, true);
		data.heightHint = 16;
		separator.setLayoutData(data);
	}

	public Composite getControl() {
		return bar;
	}

	public String getUserText() {
		return user.getText();
	}

	public String getStoreText() {
		return storeLabel.getText();
	}

	public String getAlertsText() {
		return alerts.getText();
	}

	public String getVersionText() {
		return version.getText();
	}
}
