package org.miaopi.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.miaopi.core.matter.MatterDefinition;
import org.miaopi.core.matter.MatterRegistry;
import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * Evaluates a batch of dossiers, on one thread or split over a pool. Each dossier is evaluated on
 * its own: a theme's sub-dossiers go to their own matters (and departments) side by side, and a
 * dossier whose matter has no plugin is reported, not evaluated, while the batch goes on.
 */
public final class BatchEvaluator {

	/** One dossier's result; {@code evaluation} null exactly when {@code unknownMatter} says why. */
	public record Item(Dossier dossier, Evaluation evaluation, String unknownMatter) {
	}

	private final MatterRegistry registry;
	private final Evaluator evaluator;

	public BatchEvaluator(MatterRegistry registry, Evaluator evaluator) {
		this.registry = registry;
		this.evaluator = evaluator;
	}

	/**
	 * @param records shared records by subject id
	 * @param pool    null to work on the calling thread
	 * @return the items in the order of {@code dossiers}
	 */
	public List<Item> evaluate(List<Dossier> dossiers, Map<String, ? extends Collection<SharedRecord>> records,
			Set<SharedSource> unavailable, Instant now, ExecutorService pool, int parts) {
		if (pool == null || parts <= 1 || dossiers.size() < 2) {
			return slice(dossiers, records, unavailable, now);
		}
		int n = Math.min(parts, dossiers.size());
		List<Callable<List<Item>>> tasks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			List<Dossier> part = dossiers.subList(i * dossiers.size() / n, (i + 1) * dossiers.size() / n);
			tasks.add(() -> slice(part, records, unavailable, now));
		}
		List<Item> out = new ArrayList<>(dossiers.size());
		try {
			for (Future<List<Item>> f : pool.invokeAll(tasks)) {
				out.addAll(f.get());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while evaluating", e);
		} catch (ExecutionException e) {
			// the evaluator catches plugin failures itself; anything here is a bug of ours
			throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
		}
		return out;
	}

	private List<Item> slice(List<Dossier> dossiers, Map<String, ? extends Collection<SharedRecord>> records,
			Set<SharedSource> unavailable, Instant now) {
		List<Item> out = new ArrayList<>(dossiers.size());
		for (Dossier d : dossiers) {
			MatterDefinition m = registry.find(d.matterCode()).orElse(null);
			if (m == null) {
				out.add(new Item(d, null, "no installed matter plugin defines matter '" + d.matterCode() + "'"));
				continue;
			}
			Collection<SharedRecord> rs = records.get(d.applicant().subjectId());
			out.add(new Item(d, evaluator.evaluate(m, d, rs == null ? List.of() : rs, unavailable, now), null));
		}
		return out;
	}
}
