package org.miaopi.hub.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.miaopi.hub.store.CertificateNumbers;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.HubStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/desks/me/number-blocks} and {@code /number-voids} (docs/hub.md, "Certificate
 * number blocks"): a desk reserves a block of its department's certificate numbers, and reports
 * the numbers of its blocks that went void. Always the department of the desk's certificate.
 */
final class NumberEndpoints {

	static final Set<String> PATHS = Set.of("number-blocks", "number-voids"); //$NON-NLS-1$ //$NON-NLS-2$
	/** Void numbers reported at once at most. */
	static final int MAX_VOIDS = 1000;

	private final HubStore store;

	NumberEndpoints(HubStore store) {
		this.store = store;
	}

	JsonNode answer(String path, Desk desk, JsonNode body) throws HttpError {
		String dept = desk.departmentCode();
		if (path.equals("number-blocks")) { //$NON-NLS-1$
			JsonNode after = body.path("after"); //$NON-NLS-1$
			if (!after.isIntegralNumber() || after.asLong() < 0) {
				throw HttpError.badRequest("a block request is {\"after\": the last number of the newest block the desk holds, 0 for none}"); //$NON-NLS-1$
			}
			return DeskViews.block(store.numbers().reserve(desk.name(), dept, after.asLong()));
		}
		JsonNode list = body.path("numbers"); //$NON-NLS-1$
		if (!list.isArray() || list.size() > MAX_VOIDS) {
			throw HttpError.badRequest("a void report is {\"numbers\": [up to " + MAX_VOIDS + " certificate numbers]}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<CertificateNumbers.VoidNumber> voids = new ArrayList<>();
		for (JsonNode n : list) {
			voids.add(new CertificateNumbers.VoidNumber(n.asText(), sequence(n.asText(), dept)));
		}
		try {
			return JsonViews.JSON.createObjectNode().put("recorded", store.numbers().recordVoid(desk.name(), dept, voids)); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw HttpError.forbidden(e.getMessage());
		}
	}

	/** The sequence of {@code DEPT-YEAR-HSEQ} (a number drawn from a hub block), refused unless DEPT is the desk's department. */
	private static long sequence(String number, String dept) throws HttpError {
		String[] p = number.split("-"); //$NON-NLS-1$
		if (p.length != 3 || !p[0].equals(dept) || !p[1].matches("[0-9]{4}") || !p[2].matches("H[0-9]{1,18}")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw HttpError.badRequest("'" + number + "' is not a certificate number of " + dept + " drawn from a hub block (" + dept + "-YEAR-H00000001)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		return Long.parseLong(p[2].substring(1));
	}
}
