package org.miaopi.core.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Recomputes an event's hash from its stored columns, for checking millions of events: no
 * {@code AuditEvent}, {@code Sha256} or map per event, one buffer and one digest reused. Gives
 * the same answer as {@link AuditChain#hashOf} on the event those columns make. Columns that would
 * not make a valid event (a blank actor, a key twice) are refused by {@link #accepts}, and a hash
 * that does not match (or is not in lowercase hex) is not judged by {@link #matches}: in both
 * cases the caller takes the general way, which names the problem. One per thread: not safe for
 * concurrent use.
 */
public final class ChainHasher {

	private final Encoder out = new Encoder();
	private final MessageDigest sha;
	private long lastMs;
	private String lastTime;

	public ChainHasher() {
		try {
			sha = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}

	/**
	 * Whether these columns make an event this class can check: what {@code AuditEvent} would
	 * accept, with keys sorted and distinct, and both hashes 64 characters long.
	 *
	 * @param pairs alternating keys and values; sorted here in place by key
	 */
	public static boolean accepts(long sequence, String actor, String dossierNo, String type, String[] pairs, int count,
			String prevHex, String hashHex) {
		if (sequence < 1 || blank(actor) || blank(type) || (dossierNo != null && blank(dossierNo)) || prevHex == null
				|| prevHex.length() != 64 || hashHex == null || hashHex.length() != 64) {
			return false;
		}
		sortByKey(pairs, count);
		for (int i = 0; i < count; i++) {
			String key = pairs[2 * i];
			if (blank(key) || pairs[2 * i + 1] == null || (i > 0 && key.equals(pairs[2 * i - 2]))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the event these columns make hashes to {@code hashHex}, written in lowercase hex as the
	 * chain writes it; only for columns it {@link #accepts}. False says only "not proven here": the
	 * caller then takes the general way, which finds what is wrong (or that an upper-case hash was
	 * right after all).
	 */
	public boolean matches(long sequence, long epochMs, String actor, String dossierNo, String type, String[] pairs,
			int count, String prevHex, String hashHex) {
		if (!isLowerHex(prevHex)) {
			return false; // the chain hashes the canonical (lowercase) form: leave others to the general way
		}
		AuditChain.encode(out.reset(), sequence, time(epochMs), actor, dossierNo, type, pairs, count, prevHex)
				.digestInto(sha);
		byte[] d = sha.digest();
		for (int i = 0; i < 32; i++) {
			int hi = HEX[hashHex.charAt(2 * i) & 0x7F];
			int lo = HEX[hashHex.charAt(2 * i + 1) & 0x7F];
			if (hashHex.charAt(2 * i) > 0x7F || hashHex.charAt(2 * i + 1) > 0x7F || hi < 0 || lo < 0
					|| (byte) (hi << 4 | lo) != d[i]) {
				return false;
			}
		}
		return true;
	}

	/** Events of one moment come together (an intake and its pre-check): their time is written once. */
	private String time(long epochMs) {
		if (epochMs != lastMs || lastTime == null) {
			lastTime = Instant.ofEpochMilli(epochMs).toString();
			lastMs = epochMs;
		}
		return lastTime;
	}

	private static boolean isLowerHex(String s) {
		for (int i = 0; i < 64; i++) {
			char c = s.charAt(i);
			if (c > 0x7F || HEX[c] < 0) {
				return false;
			}
		}
		return true;
	}

	/** Blank as {@link String#isBlank}, without scanning a value whose first character is not white space. */
	private static boolean blank(String s) {
		return s == null || s.isEmpty() || Character.isWhitespace(s.charAt(0)) && s.isBlank();
	}

	/** Lowercase hex digits only: an upper-case hash is the general way's to judge. */
	private static final int[] HEX = new int[128];
	static {
		java.util.Arrays.fill(HEX, -1);
		for (int i = 0; i < 10; i++) {
			HEX['0' + i] = i;
		}
		for (int i = 0; i < 6; i++) {
			HEX['a' + i] = 10 + i;
		}
	}

	/** Insertion sort of the pairs by key (a handful per event), in String order as a TreeMap keeps them. */
	private static void sortByKey(String[] pairs, int count) {
		for (int i = 1; i < count; i++) {
			String k = pairs[2 * i];
			String v = pairs[2 * i + 1];
			int j = i - 1;
			while (j >= 0 && k != null && pairs[2 * j] != null && pairs[2 * j].compareTo(k) > 0) {
				pairs[2 * j + 2] = pairs[2 * j];
				pairs[2 * j + 3] = pairs[2 * j + 1];
				j--;
			}
			pairs[2 * j + 2] = k;
			pairs[2 * j + 3] = v;
		}
	}
}
