package org.miaopi.sync.ui;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.miaopi.sync.DeskSync;
import org.miaopi.sync.SyncStatus;
import org.miaopi.ui.api.Topics;

/**
 * The status bar's sync field: online or offline, when the last sync ended, how many changes wait
 * ("Offline since 10:42 · 17 waiting"). The status is read off the UI thread (the waiting count
 * is a store query) and shown when a round ends, a dossier changes, or every half minute.
 */
public class SyncStatusControl {

	static final int REFRESH_MS = 30_000;

	@Inject
	@Optional
	private DeskSync sync;
	@Inject
	private UISynchronize ui;

	private Composite box;
	private Label label;
	private Consumer<SyncStatus> listener;
	private final Runnable tick = this::tick;

	@PostConstruct
	public void createControls(Composite parent) {
		box = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginHeight = 2;
		layout.marginWidth = 6;
		box.setLayout(layout);
		label = new Label(box, SWT.NONE);
		if (sync == null) {
			label.setText(Messages.Sync_alone);
			return;
		}
		listener = s -> ui.asyncExec(() -> show(s));
		sync.addListener(listener);
		refresh();
		box.getDisplay().timerExec(REFRESH_MS, tick);
	}

	@Inject
	@Optional
	void dossierChanged(@UIEventTopic(Topics.DOSSIER_CHANGED) Object changed) {
		refresh(); // a decision adds to what waits
	}

	private void tick() {
		if (box == null || box.isDisposed()) {
			return;
		}
		refresh();
		box.getDisplay().timerExec(REFRESH_MS, tick);
	}

	/** Reads the status in a job and shows it on the UI thread. */
	public void refresh() {
		DeskSync s = sync;
		if (s == null || box == null) {
			return;
		}
		Job read = Job.create(Messages.Sync_job, m -> {
			SyncStatus status = s.status();
			ui.asyncExec(() -> show(status));
			return Status.OK_STATUS;
		});
		read.setSystem(true);
		read.schedule();
	}

	void show(SyncStatus s) {
		if (label == null || label.isDisposed()) {
			return;
		}
		label.setText(SyncLine.text(s));
		label.setToolTipText(SyncLine.tip(s, sync.nextDelay().toMinutes()));
		label.setForeground(s.enrolled() && !s.online() && s.offlineSince() != null
				? label.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW) : null);
		box.getParent().layout(true, true);
	}

	public String getText() {
		return label.getText();
	}

	@PreDestroy
	void dispose() {
		if (sync != null && listener != null) {
			sync.removeListener(listener);
		}
		if (box != null && !box.isDisposed()) {
			box.getDisplay().timerExec(-1, tick);
		}
	}
}
