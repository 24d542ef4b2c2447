package org.miaopi.ui.api;

/** Open dossiers of the signed-in officer's department near (at risk) or past their deadline. */
public record DeadlineAlerts(int atRisk, int overdue, boolean more) {
}
