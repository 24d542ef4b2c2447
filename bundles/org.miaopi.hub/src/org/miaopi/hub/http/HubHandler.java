package org.miaopi.hub.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.miaopi.hub.Enrolment;
import org.miaopi.hub.intake.ImportReport;
import org.miaopi.hub.intake.Intake;
import org.miaopi.hub.store.Desk;
import org.miaopi.hub.store.Desks.EnrolRefused;
import org.miaopi.hub.store.HubStore;
import org.miaopi.hub.store.Push;
import org.miaopi.hub.push.BatchReader;
import org.miaopi.hub.push.HubWitness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hub's endpoints (docs/hub.md). Every refusal is a 4xx with {"error", "reason"} and stores
 * nothing: the body is read whole (within its limit) and checked before anything is written.
 */
public final class HubHandler extends Handler.Abstract {

	private static final Logger LOG = Logger.getLogger(HubHandler.class.getName());
	private static final Set<String> JSON_LINES = Set.of("application/x-ndjson", "application/jsonl", "application/json-lines"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final HubStore store;
	private final Intake intake;
	private final Enrolment enrolment;
	private final HubWitness witness;
	private final Limits limits;

	/** Request size limits. */
	public record Limits(long intakeBytes, long enrolBytes, int pageSize, long batchBytes) {
		public static final Limits DEFAULT = new Limits(64L * 1024 * 1024, 64 * 1024, 1000, 16L * 1024 * 1024);

		public Limits(long intakeBytes, long enrolBytes, int pageSize) {
			this(intakeBytes, enrolBytes, pageSize, DEFAULT_BATCH_BYTES);
		}
	}

	/** A desk's batch of outbox rows at most (5,000 rows of a few KB each). */
	static final long DEFAULT_BATCH_BYTES = 16L * 1024 * 1024;

	public HubHandler(HubStore store, Intake intake, Enrolment enrolment, HubWitness witness, Limits limits) {
		this.store = store;
		this.intake = intake;
		this.enrolment = enrolment;
		this.witness = witness;
		this.limits = limits;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		try {
			JsonNode body = route(request);
			reply(response, callback, 200, body);
		} catch (HttpError e) {
			if (e.status == 401 || e.status == 403 || e.status == 404 || e.status == 405) {
				// refused before its body was read: read and drop it as a 415 does, so the connection stays usable
				drainQuietly(request);
			}
			com.fasterxml.jackson.databind.node.ObjectNode error = JsonViews.error(e.code, e.getMessage());
			e.extra.forEach(error::put);
			reply(response, callback, e.status, error);
		} catch (RawReply r) {
			response.setStatus(200);
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.mimeType);
			response.write(true, ByteBuffer.wrap(r.bytes), callback);
		} catch (RuntimeException | IOException e) {
			LOG.log(Level.WARNING, "request " + request.getMethod() + " " + request.getHttpURI().getPath() + " failed", e); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			reply(response, callback, 500, JsonViews.error("server-error", "the hub could not do this; its log says why")); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return true;
	}

	private JsonNode route(Request request) throws HttpError, IOException, RawReply {
		String method = request.getMethod();
		String path = request.getHttpURI().getPath();
		String[] p = path.split("/"); //$NON-NLS-1$
		if (p.length < 3 || !p[1].equals("v1")) { //$NON-NLS-1$
			throw HttpError.notFound("no such endpoint: " + path + " (the API is under /v1/, see docs/hub.md)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		switch (p[2]) {
		case "enrol" -> { //$NON-NLS-1$
			expect(method, "POST", p.length == 3); //$NON-NLS-1$
			return enrol(request);
		}
		case "intake" -> { //$NON-NLS-1$
			expect(method, "POST", p.length == 4 && (p[3].equals("dossiers") || p[3].equals("records"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			client(request, Desk.Role.INTAKE, null);
			String text = jsonLines(request);
			BufferedReader in = new BufferedReader(new java.io.StringReader(text));
			ImportReport r = p[3].equals("dossiers") ? intake.dossiers(in, null) : intake.records(in); //$NON-NLS-1$
			return JsonViews.report(r);
		}
		case "progress" -> { //$NON-NLS-1$
			expect(method, "GET", p.length <= 4); //$NON-NLS-1$
			client(request, Desk.Role.INTAKE, null);
			if (p.length == 4) {
				return JsonViews.progress(store.progress(p[3])
						.orElseThrow(() -> HttpError.notFound("no dossier with submission id " + p[3] + " at the hub"))); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Fields q = Request.extractQueryParameters(request);
			return JsonViews.progressPage(store.progressFeed(number(q, "after", 0), pageSize(q))); //$NON-NLS-1$
		}
		case "departments" -> { //$NON-NLS-1$
			expect(method, "GET", p.length == 5 && (p[4].equals("dossiers") || p[4].equals("records") || p[4].equals("officers"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			client(request, Desk.Role.DESK, p[3]);
			Fields q = Request.extractQueryParameters(request);
			if (p[4].equals("officers")) { //$NON-NLS-1$
				// verifiers go only to a desk of the users' own department: client() checked it
				return DeskViews.officerPage(store.users().departmentUsers(p[3], number(q, "after", 0), pageSize(q))); //$NON-NLS-1$
			}
			var dossiers = store.departmentDossiers(p[3], number(q, "after", 0), pageSize(q)); //$NON-NLS-1$
			if (p[4].equals("records")) { //$NON-NLS-1$
				// the records of the applicants of the same page of dossiers: one cursor, which never skips
				return JsonViews.recordPage(store.records(dossiers.items().stream().map(d -> d.subjectId()).toList()), dossiers);
			}
			return JsonViews.dossierPage(dossiers);
		}
		case "contents" -> { //$NON-NLS-1$
			if (p.length == 3) {
				// many files at once, for a desk's pull (docs/hub.md, "POST /v1/contents")
				expect(method, "POST", true); //$NON-NLS-1$
				Desk desk = client(request, Desk.Role.DESK, null);
				requireType(request, Set.of("application/json"), DocumentEndpoints.MAX_QUESTION_BYTES); //$NON-NLS-1$
				throw new RawReply(ContentBatchEndpoint.TYPE, new ContentBatchEndpoint(store).answer(desk.departmentCode(),
						json(body(request, DocumentEndpoints.MAX_QUESTION_BYTES))));
			}
			expect(method, "GET", p.length == 4); //$NON-NLS-1$
			Desk desk = client(request, Desk.Role.DESK, null);
			if (!p[3].matches("[0-9a-f]{64}") || !store.departmentHasContent(desk.departmentCode(), p[3])) { //$NON-NLS-1$
				throw HttpError.notFound("no file " + p[3] + " in a dossier of department " + desk.departmentCode()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			byte[] bytes = store.content(p[3]).orElseThrow(() -> HttpError.notFound("the hub does not hold file " + p[3])); //$NON-NLS-1$
			throw new RawReply("application/octet-stream", bytes); //$NON-NLS-1$
		}
		case "sources" -> { //$NON-NLS-1$
			expect(method, "GET", p.length == 3); //$NON-NLS-1$
			client(request, Desk.Role.DESK, null);
			Fields q = Request.extractQueryParameters(request);
			return DeskViews.sourcePage(store.sources().changes(number(q, "after", 0), pageSize(q))); //$NON-NLS-1$
		}
		case "crl" -> { //$NON-NLS-1$
			// the Miaopi CA's CRL; a desk that names the number it holds gets only {"unchanged": true}
			expect(method, "GET", p.length == 3); //$NON-NLS-1$
			client(request, null, null);
			java.security.cert.X509CRL crl = witness.crl();
			java.math.BigInteger n = org.miaopi.core.sync.CrlNumber.of(crl);
			String have = Request.extractQueryParameters(request).getValue("have"); //$NON-NLS-1$
			if (n.toString().equals(have)) {
				return JsonViews.JSON.createObjectNode().put("unchanged", true).put("number", n.toString()) //$NON-NLS-1$ //$NON-NLS-2$
						.put("thisUpdate", crl.getThisUpdate().toInstant().toString()); //$NON-NLS-1$
			}
			try {
				throw new RawReply("application/pkix-crl", crl.getEncoded()); //$NON-NLS-1$
			} catch (java.security.cert.CRLException e) {
				throw new IllegalStateException("the CA's CRL cannot be encoded", e); //$NON-NLS-1$
			}
		}
		case "matter-versions" -> { //$NON-NLS-1$
			expect(method, "GET", p.length == 3); //$NON-NLS-1$
			client(request, Desk.Role.DESK, null);
			Fields q = Request.extractQueryParameters(request);
			return DeskViews.matterVersionPage(store.matterVersions().changes(number(q, "after", 0), pageSize(q))); //$NON-NLS-1$
		}
		case "me" -> { //$NON-NLS-1$
			expect(method, "GET", p.length == 3); //$NON-NLS-1$
			Desk desk = client(request, null, null);
			com.fasterxml.jackson.databind.node.ObjectNode me = JsonViews.JSON.createObjectNode().put("name", desk.name()) //$NON-NLS-1$
					.put("role", desk.role().name()).put("department", desk.departmentCode()) //$NON-NLS-1$ //$NON-NLS-2$
					.put("highWater", store.desks().highWater(desk.name())); //$NON-NLS-1$
			// the desk checks it still holds this ledger before it sends more of it
			me.put("headHash", store.desks().headHash(desk.name()).orElse(null)); //$NON-NLS-1$
			if (desk.role() == Desk.Role.DESK) {
				// every feed's mark in the same answer: a desk at all of them has nothing to pull (one request a round)
				var marks = store.feedMarks().of(desk.departmentCode());
				me.putObject("feeds").put("dossiers", marks.dossiers()).put("officers", marks.officers()).put("sources", marks.sources()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						.put("matterVersions", marks.matterVersions()) //$NON-NLS-1$
						.put("crl", org.miaopi.core.sync.CrlNumber.of(witness.crl()).longValueExact()); //$NON-NLS-1$
			}
			return me;
		}
		case "certificates" -> { //$NON-NLS-1$
			expect(method, "GET", p.length == 4 || (p.length == 5 && p[4].equals("document"))); //$NON-NLS-1$ //$NON-NLS-2$
			client(request, Desk.Role.INTAKE, null);
			var c = new DocumentEndpoints(store).certificate(p[3]);
			if (p.length == 4) {
				return DocumentEndpoints.view(c);
			}
			throw new RawReply("application/pdf", store.content(c.documentSha256()) //$NON-NLS-1$
					.orElseThrow(() -> HttpError.notFound("the issuing desk has not sent certificate " + p[3] + "'s document yet"))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		case "desks" -> { //$NON-NLS-1$
			if (p.length >= 5 && p[3].equals("me") && p[4].equals("documents")) { //$NON-NLS-1$ //$NON-NLS-2$
				expect(method, "POST", p.length == 5 || (p.length == 6 && p[5].equals("missing"))); //$NON-NLS-1$ //$NON-NLS-2$
				client(request, Desk.Role.DESK, null);
				DocumentEndpoints documents = new DocumentEndpoints(store);
				if (p.length == 6) {
					requireType(request, Set.of("application/json"), DocumentEndpoints.MAX_QUESTION_BYTES); //$NON-NLS-1$
					return documents.missing(json(body(request, DocumentEndpoints.MAX_QUESTION_BYTES)));
				}
				requireType(request, Set.of("application/pdf"), DocumentEndpoints.MAX_BYTES); //$NON-NLS-1$
				return documents.upload(body(request, DocumentEndpoints.MAX_BYTES));
			}
			expect(method, "POST", p.length == 5 && p[3].equals("me") && (p[4].equals("batches") || NumberEndpoints.PATHS.contains(p[4]))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			Desk desk = client(request, Desk.Role.DESK, null);
			if (NumberEndpoints.PATHS.contains(p[4])) {
				requireType(request, Set.of("application/json"), limits.enrolBytes()); //$NON-NLS-1$
				return new NumberEndpoints(store).answer(p[4], desk, json(body(request, limits.enrolBytes())));
			}
			return push(request, desk);
		}
		default -> throw HttpError.notFound("no such endpoint: " + path + " (see docs/hub.md)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** {@code POST /v1/desks/me/batches}: a desk's outbox rows, applied exactly once (docs/hub.md, "Sync protocol"). */
	private JsonNode push(Request request, Desk desk) throws HttpError, IOException {
		requireType(request, Set.of("application/json"), limits.batchBytes()); //$NON-NLS-1$
		JsonNode body;
		try {
			body = JsonViews.JSON.readTree(utf8(body(request, limits.batchBytes())));
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw HttpError.badRequest("the body is not JSON: " + e.getOriginalMessage()); //$NON-NLS-1$
		}
		if (body != null && body.isObject() && body.path("desk").isTextual() && !body.get("desk").asText().equals(desk.name())) { //$NON-NLS-1$ //$NON-NLS-2$
			throw HttpError.forbidden("this certificate is desk " + desk.name() + "'s; it cannot push for " + body.get("desk").asText()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		Push.Batch batch;
		try {
			batch = BatchReader.read(body, desk.departmentCode());
		} catch (BatchReader.Refused e) {
			throw e.chain ? conflict("chain-broken", e.getMessage(), store.desks().highWater(desk.name())) //$NON-NLS-1$
					: HttpError.badRequest(e.getMessage());
		}
		Push.Result r;
		try {
			r = store.pushes().apply(batch, witness, witness);
		} catch (IllegalArgumentException e) {
			throw HttpError.badRequest(e.getMessage());
		}
		return switch (r.status()) {
		case APPLIED, ALREADY_APPLIED -> JsonViews.pushed(r);
		case OUT_OF_STEP -> throw conflict("out-of-step", r.reason(), r.highWater()); //$NON-NLS-1$
		case CHAIN_BROKEN -> throw conflict("chain-broken", r.reason(), r.highWater()); //$NON-NLS-1$
		case FORBIDDEN -> throw HttpError.forbidden(r.reason());
		};
	}

	private static JsonNode json(byte[] bytes) throws HttpError {
		try {
			JsonNode n = JsonViews.JSON.readTree(utf8(bytes));
			if (n == null || !n.isObject()) {
				throw HttpError.badRequest("the body must be a JSON object"); //$NON-NLS-1$
			}
			return n;
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw HttpError.badRequest("the body is not JSON: " + e.getOriginalMessage()); //$NON-NLS-1$
		}
	}

	private static HttpError conflict(String code, String reason, long highWater) {
		return new HttpError(409, code, reason).with("highWater", highWater); //$NON-NLS-1$
	}

	private JsonNode enrol(Request request) throws HttpError, IOException {
		requireType(request, Set.of("application/json"), limits.enrolBytes()); //$NON-NLS-1$
		JsonNode body;
		try {
			body = JsonViews.JSON.readTree(utf8(body(request, limits.enrolBytes())));
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw HttpError.badRequest("the body is not JSON: " + e.getOriginalMessage()); //$NON-NLS-1$
		}
		if (body == null || !body.isObject() || !body.path("code").isTextual() || !body.path("desk").isTextual() //$NON-NLS-1$ //$NON-NLS-2$
				|| !body.path("csr").isTextual()) { //$NON-NLS-1$
			throw HttpError.badRequest("enrolment needs a JSON object with 'code', 'desk' and 'csr' (Base64 DER PKCS#10)"); //$NON-NLS-1$
		}
		byte[] csr;
		try {
			csr = Base64.getDecoder().decode(body.get("csr").asText()); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw HttpError.badRequest("'csr' is not Base64"); //$NON-NLS-1$
		}
		try {
			Enrolment.Issued issued = enrolment.enrol(body.get("code").asText(), body.get("desk").asText(), csr); //$NON-NLS-1$ //$NON-NLS-2$
			return JsonViews.JSON.createObjectNode().put("desk", issued.desk().name()).put("role", issued.desk().role().name()) //$NON-NLS-1$ //$NON-NLS-2$
					.put("department", issued.desk().departmentCode()).put("certificate", Pem.of(issued.certificate())) //$NON-NLS-1$ //$NON-NLS-2$
					.put("root", Pem.of(issued.root())); //$NON-NLS-1$
		} catch (EnrolRefused e) {
			throw HttpError.forbidden(e.getMessage());
		}
	}

	/** The enrolled client behind the request's certificate, of the role (and department) asked for. */
	private Desk client(Request request, Desk.Role role, String department) throws HttpError {
		EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
		X509Certificate[] chain = ssl == null ? null : ssl.peerCertificates();
		if (chain == null || chain.length == 0) {
			throw new HttpError(401, "unauthenticated", //$NON-NLS-1$
					"this endpoint needs the client certificate the hub issued at enrolment (./miaopi enrol)"); //$NON-NLS-1$
		}
		String serial = chain[0].getSerialNumber().toString(16);
		Desk desk = store.desks().bySerial(serial)
				.orElseThrow(() -> HttpError.forbidden("this certificate (serial " + serial + ") is not enrolled at the hub")); //$NON-NLS-1$ //$NON-NLS-2$
		if (desk.revoked()) {
			throw HttpError.forbidden("the certificate of " + desk.name() + " was revoked at " + desk.revokedAt()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (role != null && desk.role() != role) {
			throw HttpError.forbidden(desk.name() + " is enrolled as " + desk.role() + "; this endpoint is for " + role); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (department != null && !department.equals(desk.departmentCode())) {
			throw HttpError.forbidden(desk.name() + " is a desk of " + desk.departmentCode() + ", not of " + department); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return desk;
	}

	private String jsonLines(Request request) throws HttpError, IOException {
		requireType(request, JSON_LINES, limits.intakeBytes());
		return utf8(body(request, limits.intakeBytes()));
	}

	/** Refuses (415) a body of another type than {@code accepted}, after reading and dropping it as a too large one ({@link #discard}). */
	private static void requireType(Request request, Set<String> accepted, long max) throws HttpError, IOException {
		String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
		String bare = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$
		if (!accepted.contains(bare)) {
			discard(request, max);
			throw new HttpError(415, "unsupported-media-type", "Content-Type must be one of " + accepted + ", not '" + bare + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
	}

	/**
	 * The whole body, refused (413) past {@code max} bytes before anything is done with it. The rest
	 * of a refused body is read and dropped ({@link #drain}) unless the client waits for
	 * {@code 100 Continue}, which a refusal answers instead, so the body is never sent.
	 */
	private static byte[] body(Request request, long max) throws HttpError, IOException {
		if (request.getLength() > max) {
			discard(request, max);
			throw tooLarge(max);
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (bytes.length > max) {
				drain(in, max);
				throw tooLarge(max);
			}
			return bytes;
		}
	}

	/**
	 * Reads and drops a body refused before it was read (too large, of the wrong type), so that the
	 * client sees the refusal and its reason: up to twice the endpoint's {@code max}, and nothing
	 * when the client waits for {@code 100 Continue} (the refusal answers it, so the body is never
	 * sent) or declares a body larger than that.
	 */
	private static void discard(Request request, long max) throws IOException {
		long declared = request.getLength();
		if (request.getHeaders().contains(HttpHeader.EXPECT, "100-continue") || declared > 2 * max) { //$NON-NLS-1$
			return;
		}
		try (InputStream in = Content.Source.asInputStream(request)) {
			drain(in, declared >= 0 ? declared : 2 * max);
		}
	}

	/** {@link #discard} within a desk's batch limit (the largest body a desk sends); a failure to read is the client's. */
	private void drainQuietly(Request request) {
		try {
			discard(request, limits.batchBytes());
		} catch (IOException | RuntimeException e) {
			// the client went away: nothing to keep the connection for
		}
	}

	/**
	 * Reads and drops up to {@code limit} more bytes of a refused body. A client that sends its whole
	 * body before it reads the answer (java.net.http does, unless it asks for 100 Continue) otherwise
	 * has the connection closed under it while it still sends: whether it then saw the 413 and its
	 * reason or a reset depended on how far it had got, i.e. on the machine's load. Past the limit
	 * (a body over twice the endpoint's) the hub answers and closes without reading.
	 */
	private static void drain(InputStream in, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long read = 0;
		int n;
		while (read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) >= 0) {
			read += n;
		}
	}

	private static HttpError tooLarge(long max) {
		return new HttpError(413, "too-large", "the body is larger than this endpoint's limit of " + max + " bytes; send it in parts"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String utf8(byte[] bytes) throws HttpError {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw HttpError.badRequest("the body is not UTF-8 text"); //$NON-NLS-1$
		}
	}

	private static void expect(String method, String wanted, boolean pathFits) throws HttpError {
		if (!pathFits) {
			throw HttpError.notFound("no such endpoint (see docs/hub.md)"); //$NON-NLS-1$
		}
		if (!method.equals(wanted)) {
			throw new HttpError(405, "method-not-allowed", "this endpoint takes " + wanted + ", not " + method); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private static long number(Fields q, String name, long fallback) throws HttpError {
		String v = q.getValue(name);
		if (v == null) {
			return fallback;
		}
		try {
			long n = Long.parseLong(v);
			if (n < 0) {
				throw new NumberFormatException();
			}
			return n;
		} catch (NumberFormatException e) {
			throw HttpError.badRequest("'" + name + "' must be a whole number from 0, not '" + v + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private int pageSize(Fields q) throws HttpError {
		long n = number(q, "limit", 200); //$NON-NLS-1$
		if (n < 1 || n > limits.pageSize()) {
			throw HttpError.badRequest("'limit' must be from 1 to " + limits.pageSize()); //$NON-NLS-1$
		}
		return (int) n;
	}

	private static void reply(Response response, Callback callback, int status, JsonNode body) {
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"); //$NON-NLS-1$
		try {
			response.write(true, ByteBuffer.wrap(JsonViews.JSON.writeValueAsBytes(body)), callback);
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			callback.failed(e);
		}
	}

	/** A reply that is not JSON (a material's bytes). */
	private static final class RawReply extends Exception {
		private static final long serialVersionUID = 1L;
		final String mimeType;
		final transient byte[] bytes;

		RawReply(String mimeType, byte[] bytes) {
			super(null, null, false, false);
			this.mimeType = mimeType;
			this.bytes = bytes;
		}
	}

}
