package org.miaopi.ui.api;

/**
 * Event topics the parts talk through (IEventBroker); no part holds another. The data of the
 * dossier topics is the {@link org.miaopi.core.model.Dossier} as the store returned it.
 */
public final class Topics {

	/** A dossier was opened (Enter in the queue): every part shows it. */
	public static final String DOSSIER_OPENED = "miaopi/dossier/opened"; //$NON-NLS-1$
	/** A dossier changed in the store (a decision, a certificate): parts and the queue refresh. */
	public static final String DOSSIER_CHANGED = "miaopi/dossier/changed"; //$NON-NLS-1$
	/** Dossiers arrived from the hub and went through 秒批; the data is how many (an Integer): the queue reads again. */
	public static final String DOSSIERS_ARRIVED = "miaopi/dossiers/arrived"; //$NON-NLS-1$
	/** Someone signed in or out; the data is the {@link org.miaopi.core.model.Officer} or none. */
	public static final String SESSION = "miaopi/session"; //$NON-NLS-1$
	/** A deadline alert count changed; the data is an {@link DeadlineAlerts}. */
	public static final String ALERTS = "miaopi/alerts"; //$NON-NLS-1$
	/** A decision command (approve, reject, supplement) was invoked; the data is the DecisionKind. */
	public static final String DECIDE = "miaopi/decision/start"; //$NON-NLS-1$
	/** {@code ./miaopi bench ui}: the queue part measures its pages and scrolling (data: the signed-in Officer). */
	public static final String BENCH_QUEUE = "miaopi/bench/queue"; //$NON-NLS-1$
	/** {@code ./miaopi bench dashboard}: the supervisor's bundle opens the dashboard and times it (data: the signed-in Officer). */
	public static final String BENCH_DASHBOARD = "miaopi/bench/dashboard"; //$NON-NLS-1$

	/** Part ids, shared by the shell's handlers and the area bundles' model fragments. */
	public static final String PART_QUEUE = "org.miaopi.ui.part.queue"; //$NON-NLS-1$
	public static final String PART_DOSSIER = "org.miaopi.ui.part.dossier"; //$NON-NLS-1$
	public static final String PART_COMPARISON = "org.miaopi.ui.part.comparison"; //$NON-NLS-1$
	public static final String PART_DECISION = "org.miaopi.ui.part.decision"; //$NON-NLS-1$
	public static final String PART_AUDIT = "org.miaopi.ui.part.audit"; //$NON-NLS-1$

	private Topics() {
	}
}
