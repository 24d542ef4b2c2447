package org.miaopi.supervisor.ui;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.model.Officer;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.core.supervision.Sample;
import org.miaopi.supervision.Sampler;
import org.miaopi.supervision.SupervisionService;

/**
 * 抽查: draws a seeded sample of this month's and last month's decisions (each officer's share), and
 * records the supervisor's finding on each sampled dossier.
 */
final class Sampling {

	private final Composite root;
	final Spinner percent;
	final Text seed;
	private final Label drawn;
	final Table table;
	final Text note;
	private SupervisionService service;
	private Officer viewer;
	private Sample sample;

	Sampling(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(6, false));
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText(Messages.Sampling_percent);
		percent = new Spinner(bar, SWT.BORDER);
		percent.setValues(10, 1, 100, 0, 1, 10);
		new Label(bar, SWT.NONE).setText(Messages.Sampling_seed);
		seed = new Text(bar, SWT.BORDER | SWT.SINGLE);
		seed.setLayoutData(new GridData(140, SWT.DEFAULT));
		seed.setText(Long.toString(new SecureRandom().nextLong() >>> 1));
		Button draw = new Button(bar, SWT.PUSH);
		draw.setText(Messages.Sampling_draw);
		draw.addListener(SWT.Selection, e -> draw());
		drawn = new Label(bar, SWT.NONE);
		drawn.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = Tables.create(root, SWT.NONE, new String[] { Messages.Col_dossier, Messages.Col_finding, Messages.Col_reviewer,
				Messages.Col_note }, new int[] { 170, 110, 120, 400 });
		Composite review = new Composite(root, SWT.NONE);
		review.setLayout(new GridLayout(4, false));
		review.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
		new Label(review, SWT.NONE).setText(Messages.Sampling_note);
		note = new Text(review, SWT.BORDER | SWT.SINGLE);
		note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button agree = new Button(review, SWT.PUSH);
		agree.setText(Messages.Sampling_agree);
		agree.addListener(SWT.Selection, e -> review(ReviewOutcome.AGREE));
		Button disagree = new Button(review, SWT.PUSH);
		disagree.setText(Messages.Sampling_disagree);
		disagree.addListener(SWT.Selection, e -> review(ReviewOutcome.DISAGREE));
	}

	Composite control() {
		return root;
	}

	void viewer(SupervisionService service, Officer viewer) {
		this.service = service;
		this.viewer = viewer;
	}

	/** Shows the newest sample the supervisor may see. */
	void load() {
		if (service == null || viewer == null) {
			return;
		}
		SupervisionService s = service;
		Officer v = viewer;
		Background.run("samples", table, () -> s.samples(v), list -> { //$NON-NLS-1$
			sample = list.isEmpty() ? null : list.get(0);
			reviews();
		}, this::failed);
	}

	void draw() {
		if (service == null || viewer == null) {
			return;
		}
		long s;
		try {
			s = Long.parseLong(seed.getText().strip());
		} catch (NumberFormatException e) {
			seed.setFocus();
			return;
		}
		SupervisionService svc = service;
		Officer v = viewer;
		int pct = percent.getSelection();
		LocalDate today = ChinaTime.today();
		Background.run("sample", table, () -> svc.sample(v, null, today.minusMonths(1).withDayOfMonth(1), today, pct, //$NON-NLS-1$
				Sampler.BY_OFFICER, s), drawnSample -> {
					sample = drawnSample;
					reviews();
				}, this::failed);
	}

	void review(ReviewOutcome outcome) {
		int i = table.getSelectionIndex();
		if (service == null || sample == null || i < 0) {
			return;
		}
		String dossier = ((Review) table.getItem(i).getData()).dossierNo();
		SupervisionService svc = service;
		Officer v = viewer;
		long id = sample.id();
		String text = note.getText();
		Background.run("review", table, () -> svc.review(v, id, dossier, outcome, text), r -> { //$NON-NLS-1$
			note.setText(""); //$NON-NLS-1$
			reviews();
		}, this::failed);
	}

	private void reviews() {
		if (sample == null) {
			drawn.setText(Messages.Sampling_none);
			table.removeAll();
			drawn.getParent().layout();
			return;
		}
		drawn.setText(NLS.bind(Messages.Sampling_drawn, new Object[] { sample.id(), sample.dossierNos().size(), sample.seed() }));
		drawn.getParent().layout();
		SupervisionService svc = service;
		Officer v = viewer;
		long id = sample.id();
		int selected = table.getSelectionIndex();
		Background.run("reviews", table, () -> { //$NON-NLS-1$
			KnownNames.read(svc);
			return svc.reviews(v, id);
		}, list -> show(list, selected), this::failed);
	}

	private void show(List<Review> list, int selected) {
		table.setRedraw(false);
		table.removeAll();
		for (Review r : list) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { r.dossierNo(), r.outcome() == null ? Messages.Sampling_notReviewed
					: r.outcome() == ReviewOutcome.AGREE ? Messages.Sampling_agreed : Messages.Sampling_disagreed,
					KnownNames.officer(r.reviewerId()), Tables.text(r.note()) });
			item.setData(r);
		}
		table.setRedraw(true);
		if (selected >= 0 && selected < table.getItemCount()) {
			table.select(selected);
		}
	}

	private void failed(String why) {
		drawn.setText(NLS.bind(Messages.Failed, why));
		drawn.getParent().layout();
	}

	/** The sample shown (tests). */
	Sample sample() {
		return sample;
	}
}
