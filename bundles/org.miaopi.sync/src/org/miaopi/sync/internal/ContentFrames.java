package org.miaopi.sync.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hub's answer to {@code POST /v1/contents} (docs/hub.md): for each file a line
 * {@code <sha256> <size>\n} and exactly that many bytes, then {@code end\n}. A body cut short (the
 * hub or the connection gone midway) yields the files that came whole and says it was cut: the
 * file it was cut in is never handed out, so nothing partial is stored.
 */
final class ContentFrames {

	static final String TYPE = "application/x-miaopi-contents"; //$NON-NLS-1$

	/** One file as the hub named it; its bytes are not checked against the name here. */
	record Frame(String sha256, byte[] bytes) {
	}

	/** The whole files, and whether the body ended with its {@code end} line. */
	record Read(List<Frame> frames, boolean whole) {
	}

	private ContentFrames() {
	}

	static Read read(byte[] body) {
		List<Frame> frames = new ArrayList<>();
		int at = 0;
		while (at < body.length) {
			int eol = indexOf(body, (byte) '\n', at, 100);
			if (eol < 0) {
				return new Read(frames, false);
			}
			String line = new String(body, at, eol - at, StandardCharsets.US_ASCII);
			if (line.equals("end")) { //$NON-NLS-1$
				return new Read(frames, eol + 1 == body.length);
			}
			String[] f = line.split(" "); //$NON-NLS-1$
			long size;
			try {
				size = f.length == 2 && f[0].matches("[0-9a-f]{64}") ? Long.parseLong(f[1]) : -1; //$NON-NLS-1$
			} catch (NumberFormatException e) {
				size = -1;
			}
			if (size < 0 || eol + 1 + size > body.length) {
				return new Read(frames, false); // not a frame's line, or its bytes cut short
			}
			int from = eol + 1;
			frames.add(new Frame(f[0], java.util.Arrays.copyOfRange(body, from, from + (int) size)));
			at = from + (int) size;
		}
		return new Read(frames, false);
	}

	private static int indexOf(byte[] b, byte wanted, int from, int within) {
		for (int i = from; i < Math.min(b.length, from + within); i++) {
			if (b[i] == wanted) {
				return i;
			}
		}
		return -1;
	}
}
