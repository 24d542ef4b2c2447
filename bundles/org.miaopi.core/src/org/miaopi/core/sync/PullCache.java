package org.miaopi.core.sync;

import java.util.Collection;
import java.util.Set;

import org.miaopi.core.content.Sha256;

/**
 * The desk's side of a pull from the hub: each page of a feed is taken in together with the
 * feed's cursor, in one desk transaction, so a pull killed midway resumes from the last page kept
 * and a page read twice changes nothing (dossiers are keyed by their number, the hub's submission
 * id). Transport stays out: the sync client reads the hub and hands pages in here.
 */
public interface PullCache {

	/** The last cursor kept for {@code feed} (e.g. {@code dossiers/SZPSB}), 0 when never pulled. */
	long cursor(String feed);

	/**
	 * Takes in a page and moves {@code feed}'s cursor to {@code next}, in one transaction. Dossiers
	 * already held (by number) and records already held are left as they are; each new dossier gets
	 * its {@code dossier.imported} audit event, as any intake.
	 *
	 * @param actor who takes the page in, for the audit events (the desk's sync)
	 */
	PageTaken takeIn(String feed, long next, PulledPage page, String actor);

	/** Those of {@code hashes} whose bytes the desk does not hold. */
	Set<Sha256> lacking(Collection<Sha256> hashes);
}
