package org.miaopi.core.tests.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.content.ContentHashing;
import org.miaopi.core.content.MimeTypes;
import org.miaopi.core.content.Sha256;

class ContentTest {

	// FIPS 180-2 test vectors
	private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void hashesMatchPublishedVectors() {
		assertEquals(Sha256.parse(EMPTY), ContentHashing.sha256(new byte[0]));
		assertEquals(ABC, ContentHashing.sha256("abc".getBytes(StandardCharsets.US_ASCII)).hex());
	}

	@Test
	void streamDigestCountsBytesAcrossBufferBoundaries() throws IOException {
		byte[] content = new byte[200_003];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 31);
		}
		ContentHashing.Digest digest = ContentHashing.digest(new ByteArrayInputStream(content));
		assertEquals(200_003, digest.size());
		assertEquals(ContentHashing.sha256(content), digest.sha256());
	}

	@Test
	void fileDigest(@TempDir Path dir) throws IOException {
		Path file = Files.write(dir.resolve("a.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
		assertEquals(new ContentHashing.Digest(Sha256.parse(ABC), 3), ContentHashing.digest(file));
	}

	@Test
	void sha256IsCaseInsensitiveAndPrintsLowercaseHex() {
		Sha256 upper = Sha256.parse(ABC.toUpperCase());
		assertEquals(Sha256.parse(ABC), upper);
		assertEquals(ABC, upper.toString());
		assertArrayEquals(upper.bytes(), Sha256.of(upper.bytes()).bytes());
		assertNotEquals(Sha256.ZERO, upper);
	}

	@Test
	void sha256RefusesMalformedHex() {
		assertThrows(IllegalArgumentException.class, () -> Sha256.parse(ABC.substring(1)));
		assertThrows(IllegalArgumentException.class, () -> Sha256.parse("g" + ABC.substring(1)));
		assertThrows(IllegalArgumentException.class, () -> Sha256.parse(null));
		assertThrows(IllegalArgumentException.class, () -> Sha256.of(new byte[31]));
	}

	@Test
	void sniffsAcceptedFormatsByMagicBytes() throws IOException {
		assertEquals(Optional.of(MimeTypes.PDF), MimeTypes.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
		assertEquals(Optional.of(MimeTypes.PNG),
				MimeTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}));
		assertEquals(Optional.of(MimeTypes.JPEG), MimeTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
		InputStream in = new ByteArrayInputStream("%PDF-1.4 rest".getBytes(StandardCharsets.US_ASCII));
		assertEquals(Optional.of(MimeTypes.PDF), MimeTypes.sniff(in));
	}

	@Test
	void refusesLookalikesAndShortContent() {
		assertEquals(Optional.empty(), MimeTypes.sniff(new byte[0]));
		assertEquals(Optional.empty(), MimeTypes.sniff("%PD".getBytes(StandardCharsets.US_ASCII)));
		assertEquals(Optional.empty(), MimeTypes.sniff(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
		// PNG header damaged by a text-mode transfer (CRLF turned into LF)
		assertEquals(Optional.empty(), MimeTypes.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 0x1A, '\n', 0}));
		assertEquals(Optional.empty(), MimeTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
		assertEquals(Optional.empty(), MimeTypes.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII)));
	}
}
