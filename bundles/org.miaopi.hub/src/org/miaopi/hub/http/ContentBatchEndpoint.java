package org.miaopi.hub.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.miaopi.hub.store.ContentBatches;
import org.miaopi.hub.store.HubStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/contents} (docs/hub.md): many of the department's files in one answer, so a desk's
 * first pull makes a request per few hundred files instead of one per file. The answer is
 * {@value #TYPE}: for each file a line {@code <sha256> <size>\n} and then exactly that many bytes,
 * in the order asked, and a last line {@code end\n}, so a reader knows a body cut short from a whole
 * one. Files past {@link #MAX_ANSWER_BYTES} are left for the next request (at least one is sent).
 */
final class ContentBatchEndpoint {

	static final String TYPE = "application/x-miaopi-contents"; //$NON-NLS-1$
	/** Hashes asked for at once at most. */
	static final int MAX_HASHES = 1000;
	/** The bytes of files one answer carries at most (one larger file is sent alone). */
	static final long MAX_ANSWER_BYTES = 8L * 1024 * 1024;

	private final HubStore store;

	ContentBatchEndpoint(HubStore store) {
		this.store = store;
	}

	byte[] answer(String department, JsonNode body) throws HttpError {
		JsonNode list = body.path("sha256"); //$NON-NLS-1$
		if (!list.isArray() || list.isEmpty()) {
			throw HttpError.badRequest("ask with {\"sha256\": [1 to " + MAX_HASHES + " SHA-256s in 64 lower-case hex digits]}"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (list.size() > MAX_HASHES) {
			throw HttpError.badRequest("too many files in one request: " + list.size() + ", at most " + MAX_HASHES); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Set<String> asked = new LinkedHashSet<>();
		for (JsonNode h : list) {
			if (!h.isTextual() || !h.asText().matches("[0-9a-f]{64}")) { //$NON-NLS-1$
				throw HttpError.badRequest("'" + h.asText() + "' is not a SHA-256 in 64 lower-case hex digits"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			asked.add(h.asText());
		}
		ContentBatches.Batch batch;
		try {
			batch = store.contentBatches().read(department, new ArrayList<>(asked), MAX_ANSWER_BYTES);
		} catch (ContentBatches.Refused e) {
			// as GET /v1/contents/{sha256} refuses the one file: 404, and no file of the batch is sent
			throw HttpError.notFound(e.getMessage());
		}
		return frames(batch.files());
	}

	static byte[] frames(List<ContentBatches.File> files) {
		long size = files.stream().mapToLong(f -> f.bytes().length + 80L).sum() + 4;
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size));
		for (ContentBatches.File f : files) {
			out.writeBytes((f.sha256() + ' ' + f.bytes().length + '\n').getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(f.bytes());
		}
		out.writeBytes("end\n".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		return out.toByteArray();
	}
}
