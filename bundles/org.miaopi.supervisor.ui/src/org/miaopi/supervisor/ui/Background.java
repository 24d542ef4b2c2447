package org.miaopi.supervisor.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;

/**
 * Reads and writes of the supervision part run as jobs of one family ({@link #FAMILY}), never on the
 * UI thread; their result is shown on it, unless the part is gone by then. Tests wait for the family.
 */
final class Background {

	/** The job family of every supervision job. */
	static final Object FAMILY = Background.class;

	private Background() {
	}

	static <T> Job run(String name, Control owner, Supplier<T> work, Consumer<T> show, Consumer<String> failed) {
		return run(name, owner, 0, work, show, failed);
	}

	/** The same, started after {@code delayMs} unless woken earlier ({@link Job#wakeUp()}); waiting, it counts as running. */
	static <T> Job run(String name, Control owner, long delayMs, Supplier<T> work, Consumer<T> show, Consumer<String> failed) {
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				T result;
				try {
					result = work.get();
				} catch (RuntimeException e) {
					String why = e.getMessage() == null ? "\u2014" : e.getMessage(); //$NON-NLS-1$ never a class name
					ui(owner, () -> failed.accept(why));
					return Status.OK_STATUS; // said in the part, in words; not an error dialog
				}
				ui(owner, () -> show.accept(result));
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule(delayMs);
		return job;
	}

	static void ui(Control owner, Runnable r) {
		if (!owner.isDisposed()) {
			owner.getDisplay().asyncExec(() -> {
				if (!owner.isDisposed()) {
					r.run();
				}
			});
		}
	}
}
