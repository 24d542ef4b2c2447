package org.miaopi.admin.ui;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.TableItem;
import org.miaopi.admin.SealAdmin;
import org.miaopi.admin.SealStatus;
import org.miaopi.core.model.Officer;
import org.miaopi.ui.api.Texts;

/**
 * The department seals with their certificates' validity; a warning line while any expires within
 * {@value SealAdmin#WARNING_DAYS} days (or is expired or revoked); rotate a key, revoke a seal with a
 * reason; move a key into a PKCS#11 token (a Job: the token makes the key). Each action is the
 * admin's and an audit event; the last column says where each key lives.
 */
public class SealsPart extends AdminPart {

	public static final String ID = "org.miaopi.admin.ui.part.seals"; //$NON-NLS-1$

	@Inject
	@Optional
	private SealAdmin seals;

	@Override
	String title() {
		return Messages.Seals_title;
	}

	@Override
	String[] columns() {
		return new String[] { Messages.Seals_columnDepartment, Messages.Seals_columnName, Messages.Seals_columnAlgorithm,
				Messages.Seals_columnValidFrom, Messages.Seals_columnValidTo, Messages.Seals_columnState, Messages.Seals_columnRetired,
				Messages.Seals_columnWhere };
	}

	@Override
	void addButtons() {
		button(Messages.Seals_rotate, "rotate", this::rotate); //$NON-NLS-1$
		button(Messages.Seals_revoke, "revoke", this::revoke); //$NON-NLS-1$
		button(Messages.Seals_toToken, "token", this::toToken); //$NON-NLS-1$
	}

	@Override
	void reload(Officer admin) {
		if (seals == null) {
			return;
		}
		List<SealStatus> all = seals.seals();
		long attention = all.stream().filter(SealStatus::needsAttention).count();
		for (SealStatus s : all) {
			TableItem item = row(s, s.departmentCode(), s.departmentName(), s.algorithm(), Texts.time(s.notBefore()).substring(0, 10),
					Texts.time(s.notAfter()).substring(0, 10), state(s), String.valueOf(s.retired()), where(s));
			if (s.needsAttention()) {
				item.setForeground(item.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
		}
		say(all.isEmpty() ? Messages.Seals_none + " " + Messages.Seals_noneHint //$NON-NLS-1$
				: attention > 0 ? NLS.bind(Messages.Seals_warning, attention) : Messages.Seals_allValid);
	}

	static String state(SealStatus s) {
		return switch (s.state()) {
		case VALID -> NLS.bind(Messages.Seals_valid, s.daysLeft());
		case EXPIRING -> NLS.bind(Messages.Seals_expiring, s.daysLeft());
		case EXPIRED -> Messages.Seals_expired;
		case REVOKED -> Messages.Seals_revoked;
		};
	}

	/** Where the key lives: the keystore, or the token's module (file name) and slot. */
	static String where(SealStatus s) {
		return s.onToken() ? NLS.bind(Messages.Seals_inToken, java.nio.file.Path.of(s.tokenModule()).getFileName(), s.tokenSlot())
				: Messages.Seals_inKeystore;
	}

	@Override
	String key(Object data) {
		return ((SealStatus) data).departmentCode();
	}

	private void rotate() {
		SealStatus s = (SealStatus) chosen(Messages.Seals_chooseFirst);
		if (s != null && confirm(NLS.bind(Messages.Seals_rotateConfirm, s.departmentName()))) {
			act(() -> {
				seals.rotate(admin(), s.departmentCode());
				return NLS.bind(Messages.Seals_rotated, s.departmentName());
			});
		}
	}

	/** Asks where, then moves the key as a Job: the token may take seconds to make a key. */
	private void toToken() {
		SealStatus s = (SealStatus) chosen(Messages.Seals_chooseFirst);
		if (s == null) {
			return;
		}
		SealTokenDialog d = new SealTokenDialog(getTable().getShell(), s.departmentName());
		if (d.open() != Window.OK) {
			return;
		}
		char[] pin = d.pin();
		actInJob(NLS.bind(Messages.Seals_movingToToken, s.departmentName()), () -> {
			try {
				SealStatus moved = seals.moveToToken(admin(), s.departmentCode(), java.nio.file.Path.of(d.module()), d.slot(), d.alias(), pin);
				return NLS.bind(Messages.Seals_movedToToken, s.departmentName(), where(moved));
			} finally {
				java.util.Arrays.fill(pin, '\0');
			}
		});
	}

	private void revoke() {
		SealStatus s = (SealStatus) chosen(Messages.Seals_chooseFirst);
		String why = s == null ? null : reason(NLS.bind(Messages.Seals_revokePrompt, s.departmentName()), true);
		if (why != null) {
			act(() -> {
				seals.revoke(admin(), s.departmentCode(), why);
				return NLS.bind(Messages.Seals_revokedDone, s.departmentName());
			});
		}
	}
}
