package org.miaopi.core.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;

/**
 * One dossier as supervision sees it: where it stands, its committed deadline, its steps (audit
 * events, oldest first) and its decisions.
 */
public record CaseRecord(String number, String matterCode, String departmentCode, String officerId,
		DossierStatus status, Instant received, LocalDate deadline, List<Mark> marks, List<DecisionRecord> decisions,
		int mismatches) {

	public CaseRecord {
		Objects.requireNonNull(number, "number");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(received, "received");
		Objects.requireNonNull(deadline, "deadline");
		marks = marks == null ? List.of() : inOrder(marks) ? List.copyOf(marks)
				: marks.stream().sorted(Comparator.comparing(Mark::time)).toList();
		decisions = decisions == null ? List.of() : List.copyOf(decisions);
	}

	/** Not decided, not withdrawn: the clock still runs. */
	public boolean isOpen() {
		return !status.isDecided() && !status.isFinal();
	}

	/** The first step of one of these types. */
	public Optional<Mark> first(String... types) {
		// a loop by index, not a stream or an iterator: the clocks ask this seven times a case, for 100,000
		// open cases at a reading
		for (int i = 0; i < marks.size(); i++) {
			Mark m = marks.get(i);
			for (String t : types) {
				if (t.equals(m.type())) {
					return Optional.of(m);
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the steps are oldest first already (as the store reads them): then they are not sorted again. */
	private static boolean inOrder(List<Mark> marks) {
		for (int i = 1; i < marks.size(); i++) {
			if (marks.get(i - 1).time().isAfter(marks.get(i).time())) {
				return false;
			}
		}
		return true;
	}

	/** The last approving or rejecting decision (a supplement request does not decide). */
	public Optional<DecisionRecord> finalDecision() {
		// a loop, not a stream: asked several times a case, for 100,000 cases at a reading
		DecisionRecord last = null;
		for (int i = 0; i < decisions.size(); i++) {
			DecisionRecord d = decisions.get(i);
			if (d.kind() != DecisionKind.REQUEST_SUPPLEMENT && (last == null || d.time().isAfter(last.time()))) {
				last = d;
			}
		}
		return Optional.ofNullable(last);
	}
}
