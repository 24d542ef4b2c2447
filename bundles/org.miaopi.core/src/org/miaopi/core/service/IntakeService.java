package org.miaopi.core.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;
import org.miaopi.core.model.SharedRecord;
import org.miaopi.core.model.SharedSource;

/**
 * What the 秒批 engine reads and writes, in bulk: the dossiers waiting in RECEIVED across all
 * departments, the shared records of many subjects at once, and batches of settlements. Only
 * the system actor ({@link Officer#SYSTEM}) may use it.
 */
public interface IntakeService {

	/**
	 * Up to {@code limit} dossiers in status RECEIVED, of every department, ordered by number and
	 * starting after {@code afterNumber} (null: from the first), so a caller pages by the last
	 * number it got.
	 *
	 * @throws AccessDeniedException unless {@code actor} has the SYSTEM role
	 * @throws IllegalArgumentException if {@code limit} is not positive
	 */
	List<Dossier> received(Officer actor, int limit, String afterNumber);

	/**
	 * The shared records of each subject, newest first; every requested subject is a key, with an
	 * empty list if nothing is recorded about it.
	 *
	 * @throws AccessDeniedException unless {@code actor} has the SYSTEM role
	 */
	Map<String, List<SharedRecord>> sharedRecords(Officer actor, Collection<String> subjectIds);

	/**
	 * The shared sources that cannot be asked now (see {@link SharedSourceService}): read with each
	 * page's records, so the engine routes (never approves) a dossier that needs one of them.
	 */
	Set<SharedSource> unavailableSources();

	/**
	 * Applies the settlements in ONE transaction: per dossier, its comparison results replace the
	 * stored ones and its steps go through the lifecycle, each step with its audit event (and its
	 * decision, if any). A dossier no longer RECEIVED is left alone and reported
	 * {@link SettleResult.Outcome#SKIPPED} (a re-run batch never decides twice); a dossier whose
	 * steps are illegal or not allowed is left alone and reported {@link SettleResult.Outcome#FAILED};
	 * the others are still committed.
	 *
	 * @return one result per settlement, in the same order
	 * @throws AccessDeniedException unless {@code actor} has the SYSTEM role
	 * @throws StoreException if the store fails; then nothing of the batch is committed
	 */
	List<SettleResult> settle(Officer actor, List<Settlement> settlements);
}
