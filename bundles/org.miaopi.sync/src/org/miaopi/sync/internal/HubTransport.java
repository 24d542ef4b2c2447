package org.miaopi.sync.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the sync client asks of the hub: a GET and a JSON POST on a path under its base URL. An
 * {@link IOException} means the hub could not be reached (retried later, with back-off); any
 * answer, refusals included, comes back as a {@link Reply}.
 */
public interface HubTransport {

	ObjectMapper JSON = new ObjectMapper();

	Reply get(String path) throws IOException, InterruptedException;

	Reply post(String path, JsonNode body) throws IOException, InterruptedException;

	/** Sends bytes of a type (a certificate's PDF); a transport that carries only JSON cannot. */
	default Reply post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
		throw new IOException("this transport sends no files"); //$NON-NLS-1$
	}

	/** The hub's answer: its status, and the body as it came. */
	record Reply(int status, String contentType, byte[] body) {

		public boolean ok() {
			return status == 200;
		}

		public JsonNode json() throws IOException {
			return JSON.readTree(body);
		}

		/** The hub's {"reason"} of a refusal, or the first words of the body. */
		public String reason() {
			try {
				JsonNode n = json();
				if (n != null && n.hasNonNull("reason")) {
					return n.get("reason").asText();
				}
			} catch (IOException notJson) {
				// fall through to the raw text
			}
			String text = new String(body, StandardCharsets.UTF_8).strip();
			return text.length() > 200 ? text.substring(0, 200) + "…" : text; //$NON-NLS-1$
		}
	}
}
