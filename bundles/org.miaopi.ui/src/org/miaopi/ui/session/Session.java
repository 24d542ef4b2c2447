package org.miaopi.ui.session;

import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.miaopi.core.model.Department;
import org.miaopi.core.audit.DecisionSigner;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SignInService;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.ui.api.Topics;

/**
 * Who is signed in. The officer (and their department) is put into the application context, so
 * every part receives it by injection; parts then ask the core services as that officer, and the
 * core applies the access rules. Signed in, the perspective of one's role is shown ({@link Perspectives});
 * signed out, the context holds no officer and parts stay empty.
 */
public final class Session {

	private final IEclipseContext context;

	public Session(IEclipseContext context) {
		this.context = context;
	}

	public Optional<Officer> officer() {
		return Optional.ofNullable(context.get(Officer.class));
	}

	public void signIn(Officer officer) {
		signIn(officer, null);
	}

	/**
	 * Signs {@code officer} in with the signing key unlocked by the password just checked (null when
	 * there is none: the officer then cannot decide, and the decision part says why).
	 */
	public void signIn(Officer officer, DecisionSigner signer) {
		if (signer == null) {
			context.remove(DecisionSigner.class);
		} else {
			context.set(DecisionSigner.class, signer);
		}
		StoreAdmin store = context.get(StoreAdmin.class);
		Department department = store == null ? null
				: store.departments().stream().filter(d -> d.code().equals(officer.departmentCode())).findFirst()
						.orElse(null);
		context.set(Department.class, department);
		context.set(Officer.class, officer);
		Perspectives.showHome(context, officer);
		post(officer);
	}

	/** Signs the officer out; the core records it in the audit ledger (a failing store does not keep anyone signed in). */
	public void signOut() {
		Officer leaving = context.get(Officer.class);
		SignInService signIns = context.get(SignInService.class);
		if (leaving != null && signIns != null) {
			try {
				signIns.signOut(leaving);
			} catch (RuntimeException e) {
				ILog.of(Session.class).warn("The sign-out of " + leaving.id() + " could not be recorded: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		context.remove(Officer.class);
		context.remove(Department.class);
		context.remove(DecisionSigner.class);
		Perspectives.showHome(context, null);
		post(null);
	}

	private void post(Officer officer) {
		IEventBroker broker = context.get(IEventBroker.class);
		if (broker != null) {
			broker.post(Topics.SESSION, officer == null ? "" : officer); //$NON-NLS-1$
		}
	}
}
