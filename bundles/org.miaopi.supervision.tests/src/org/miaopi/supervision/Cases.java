package org.miaopi.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.miaopi.core.calendar.ChinaTime;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.core.model.DecisionKind;
import org.miaopi.core.supervision.CaseRecord;
import org.miaopi.core.supervision.DecisionRecord;
import org.miaopi.core.supervision.Mark;

/** Hand-built cases for the rules, on Beijing dates around the 2026 National Day holiday. */
final class Cases {

	static final String MATTER = "GRAD-HUKOU";
	static final String OFFICER = "li.na";

	private final String number;
	private DossierStatus status = DossierStatus.IN_REVIEW;
	private LocalDate received = LocalDate.of(2026, 9, 23);
	private LocalDate deadline;
	private String officer = OFFICER;
	private final List<Mark> marks = new ArrayList<>();
	private final List<DecisionRecord> decisions = new ArrayList<>();

	private Cases(String number) {
		this.number = number;
	}

	static Cases of(String number) {
		return new Cases(number);
	}

	/** 10:00 in Beijing on that day. */
	static Instant at(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant();
	}

	Cases status(DossierStatus s) {
		status = s;
		return this;
	}

	Cases received(LocalDate day) {
		received = day;
		return this;
	}

	Cases deadline(LocalDate day) {
		deadline = day;
		return this;
	}

	Cases heldBy(String id) {
		officer = id;
		return this;
	}

	Cases step(String type, LocalDate day) {
		marks.add(new Mark(type, at(day)));
		return this;
	}

	Cases decided(DecisionKind kind, LocalDate day, List<String> reasons, String legalBasis) {
		decisions.add(new DecisionRecord(number, "PSB", MATTER, kind, reasons, legalBasis, officer, at(day), false, null,
				null, null, null, 0));
		return this;
	}

	CaseRecord build() {
		return new CaseRecord(number, MATTER, "PSB", officer, status, at(received),
				deadline == null ? received.plusMonths(2) : deadline, marks, decisions, 0);
	}
}
