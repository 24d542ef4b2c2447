package org.miaopi.queue.ui;

import org.miaopi.core.model.Dossier;
import org.miaopi.ui.api.Deadline;

/**
 * One line of the queue: the dossier and what the officer must see at a glance.
 *
 * @param attention comparison results that are not a match; -1 when no comparison was made yet
 * @param instant   every comparison matched: 秒批 could decide it
 * @param missingMaterial accepted with a required material still missing (容缺)
 */
public record QueueRow(Dossier dossier, Deadline deadline, int attention, boolean instant, boolean missingMaterial) {
}
