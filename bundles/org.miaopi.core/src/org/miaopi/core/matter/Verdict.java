package org.miaopi.core.matter;

/**
 * What a {@link Condition} found.
 *
 * @param state      HOLDS, FAILS (the data say no: the policy rejects or routes with {@code reasonCode})
 *                   or UNKNOWN (the data cannot say: routed to an officer)
 * @param reasonCode the matter's reason code when it does not hold
 * @param detail     the fact behind it, in plain words, e.g. "age 79"
 */
public record Verdict(State state, String reasonCode, String detail) {

	public enum State {
		HOLDS, FAILS, UNKNOWN
	}

	public Verdict {
		if (state == null) {
			throw new IllegalArgumentException("state is null");
		}
		if (state != State.HOLDS) {
			ComparisonRule.requireText(reasonCode, "reasonCode");
		}
	}

	public static Verdict holds(String detail) {
		return new Verdict(State.HOLDS, null, detail);
	}

	public static Verdict fails(String reasonCode, String detail) {
		return new Verdict(State.FAILS, reasonCode, detail);
	}

	public static Verdict unknown(String reasonCode, String detail) {
		return new Verdict(State.UNKNOWN, reasonCode, detail);
	}

	public boolean holds() {
		return state == State.HOLDS;
	}
}
