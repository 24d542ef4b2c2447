package org.miaopi.queue.ui;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Timeliness;

/**
 * One line of the queue: the dossier and what the officer must see at a glance.
 *
 * @param timeliness the countdown of an open dossier, or how a decided one kept its time limit
 * @param attention comparison results that are not a match; -1 when no comparison was made yet
 * @param instant   every comparison matched: 秒批 could decide it
 * @param missingMaterial accepted with a required material still missing (容缺)
 */
public record QueueRow(Dossier dossier, Timeliness timeliness, int attention, boolean instant, boolean missingMaterial) {
}
