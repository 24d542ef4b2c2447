package org.miaopi.cli.supervise;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.miaopi.cli.Options;
import org.miaopi.cli.Subcommand;
import org.miaopi.cli.UsageException;
import org.miaopi.core.model.Officer;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.core.supervision.Review;
import org.miaopi.core.supervision.ReviewOutcome;
import org.miaopi.supervision.SupervisionService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./miaopi supervise review SAMPLE [DOSSIER agree|disagree [--note TEXT]]}: lists a sample's
 * dossiers with their findings, or records one finding (an audit event).
 */
@Component(service = Subcommand.class)
public class SuperviseReviewCommand implements Subcommand {

	@Reference
	private SupervisionService supervision;

	@Reference
	private StoreAdmin store;

	@Override
	public String name() {
		return "supervise review";
	}

	@Override
	public String summary() {
		return "list a sample's dossiers and findings, or record a finding (agree or disagree, with a note)";
	}

	@Override
	public String usage() {
		return "SAMPLE [DOSSIER agree|disagree [--note TEXT]] --as SUPERVISOR_ID";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options o = Options.parse(args).allow("--as", "--note");
		if (o.words.size() != 1 && o.words.size() != 3) {
			throw new UsageException("name a sample, and to record a finding the dossier and agree or disagree");
		}
		Officer actor = Supervisors.actor(store, o);
		long sample;
		try {
			sample = Long.parseLong(o.words.get(0));
		} catch (NumberFormatException e) {
			throw new UsageException("a sample is named by its number, got '" + o.words.get(0) + "'");
		}
		try {
			if (o.words.size() == 3) {
				ReviewOutcome outcome = switch (o.words.get(2).toLowerCase(Locale.ROOT)) {
				case "agree" -> ReviewOutcome.AGREE;
				case "disagree" -> ReviewOutcome.DISAGREE;
				default -> throw new UsageException("a finding is agree or disagree, got '" + o.words.get(2) + "'");
				};
				supervision.review(actor, sample, o.words.get(1), outcome, o.values.get("--note"));
			}
			org.miaopi.supervision.Names names = supervision.names(Locale.ENGLISH); // the reviewer as "林监察 (city.supervisor)"
			for (Review r : supervision.reviews(actor, sample)) {
				out.println(r.dossierNo() + "  " + (r.outcome() == null ? "not reviewed" : r.outcome().name().toLowerCase(Locale.ROOT)
						+ " by " + org.miaopi.supervision.Names.withCode(names.officer(r.reviewerId()), r.reviewerId())
						+ (r.note() == null ? "" : ": " + r.note())));
			}
		} catch (IllegalArgumentException e) {
			err.println("miaopi supervise review: " + e.getMessage());
			return FAILED;
		}
		return OK;
	}
}
