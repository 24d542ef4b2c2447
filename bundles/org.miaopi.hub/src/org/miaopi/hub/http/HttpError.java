package org.miaopi.hub.http;

/** A request the hub refuses: the HTTP status, a short code and the reason in plain words. */
final class HttpError extends Exception {

	private static final long serialVersionUID = 1L;

	final int status;
	final String code;
	/** Further numeric members of the error's JSON (a 409's {@code highWater}). */
	final java.util.Map<String, Long> extra = new java.util.LinkedHashMap<>();

	HttpError(int status, String code, String reason) {
		super(reason, null, false, false);
		this.status = status;
		this.code = code;
	}

	HttpError with(String name, long value) {
		extra.put(name, value);
		return this;
	}

	static HttpError badRequest(String reason) {
		return new HttpError(400, "bad-request", reason); //$NON-NLS-1$
	}

	static HttpError forbidden(String reason) {
		return new HttpError(403, "forbidden", reason); //$NON-NLS-1$
	}

	static HttpError notFound(String reason) {
		return new HttpError(404, "not-found", reason); //$NON-NLS-1$
	}
}
