package org.miaopi.admin.ui;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.SharedSourceService;
import org.miaopi.core.service.SourceState;
import org.miaopi.ui.api.Texts;

/**
 * The shared data sources: mark one offline (its dossiers go to officers, never approved by 秒批)
 * or online again, with a reason, as the admin; the store checks the role and records the event,
 * as for {@code ./miaopi sources}.
 */
public class SourcesPart extends AdminPart {

	public static final String ID = "org.miaopi.admin.ui.part.sources"; //$NON-NLS-1$

	@Inject
	@Optional
	private SharedSourceService sources;

	@Override
	String title() {
		return Messages.Sources_title;
	}

	@Override
	String[] columns() {
		return new String[] { Messages.Sources_columnSource, Messages.Sources_columnState, Messages.Sources_columnSince,
				Messages.Sources_columnWhy };
	}

	@Override
	void addButtons() {
		button(Messages.Sources_offline, "offline", () -> mark(false)); //$NON-NLS-1$
		button(Messages.Sources_online, "online", () -> mark(true)); //$NON-NLS-1$
	}

	@Override
	void reload(Officer admin) {
		if (sources == null) {
			return;
		}
		for (SourceState s : sources.sources()) {
			String why = s.changedBy() == null ? "" : s.changedBy() + (s.note() == null ? "" : ": " + s.note()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			row(s, Texts.of(s.source()), s.available() ? Messages.Sources_available : Messages.Sources_unavailable,
					Texts.time(s.changed()), why);
		}
	}

	@Override
	String key(Object data) {
		return ((SourceState) data).source().name();
	}

	private void mark(boolean online) {
		SourceState s = (SourceState) chosen(Messages.Sources_chooseFirst);
		if (s == null) {
			return;
		}
		String name = Texts.of(s.source());
		String why = reason(NLS.bind(online ? Messages.Sources_onlinePrompt : Messages.Sources_offlinePrompt, name), !online);
		if (why == null) {
			return;
		}
		act(() -> sources.setAvailable(admin(), s.source(), online, why.isEmpty() ? null : why)
				? NLS.bind(Messages.Sources_changed, name, online ? Messages.Sources_available : Messages.Sources_unavailable)
				: NLS.bind(Messages.Sources_unchanged, name));
	}
}
