package org.miaopi.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.certificate.internal.Digests;
import org.miaopi.core.lifecycle.DossierStatus;
import org.miaopi.seal.FileSealService;
import org.miaopi.seal.KeyAlgorithm;

/** Batch issuance: sealing while earlier certificates are written, with every single issuance's guarantees. */
class CertificateBatchTest {

	@TempDir
	static Path home;
	static FileSealService seals;

	@BeforeAll
	static void setUp() {
		seals = new FileSealService(home.resolve("seals"), null, KeyAlgorithm.EC_P256, Clock.systemUTC());
	}

	static DefaultCertificateService service(String name) {
		return new DefaultCertificateService(seals, new FileCertificateRegistry(home.resolve(name), Clock.systemUTC()), Clock.systemUTC());
	}

	static List<Path> files(Path dir) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	@Test
	void twoThreadsIssueDurableUniqueVerifiedCertificates() throws Exception {
		DefaultCertificateService service = service("two-threads");
		Path out = Files.createDirectories(home.resolve("two-threads-out"));
		List<CompletableFuture<IssuedCertificate>> issuing = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (CertificateBatch batch = service.batch(out)) {
			List<Future<?>> handed = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				handed.add(pool.submit(() -> issuing.add(batch.issue(CertificateServiceTest.request("MKT")))));
			}
			for (Future<?> f : handed) {
				f.get();
			}
		} finally {
			pool.shutdown();
		}
		Set<String> numbers = new HashSet<>();
		for (CompletableFuture<IssuedCertificate> f : issuing) {
			assertTrue(f.isDone(), "close() waits for every certificate");
			IssuedCertificate c = f.join();
			assertTrue(numbers.add(c.content().number()), "number handed out twice: " + c.content().number());
			assertEquals(c.sha256(), Digests.sha256(Files.readAllBytes(c.file())), "the register's digest is the file's");
			CertificateRegistry.Entry e = service.registry().lookup(c.content().number()).orElseThrow();
			assertEquals(CertificateRegistry.Status.ISSUED, e.status());
			assertEquals(c.sha256(), e.sha256());
			Verdict v = service.verify(c.file());
			assertTrue(v.ok(), v.summary());
		}
		assertEquals(40, numbers.size());
		assertEquals(40, files(out).size(), "the certificates and nothing else (no .part file): " + files(out));
	}

	@Test
	void aFailedWriteVoidsThatCertificateAlone() throws Exception {
		DefaultCertificateService service = service("one-fails");
		AtomicInteger writes = new AtomicInteger();
		service.beforeRename = () -> {
			if (writes.incrementAndGet() == 3) {
				throw new IllegalStateException("disk full (simulated)");
			}
		};
		Path out = Files.createDirectories(home.resolve("one-fails-out"));
		List<CompletableFuture<IssuedCertificate>> issuing = new ArrayList<>();
		try (CertificateBatch batch = service.batch(out)) {
			for (int i = 0; i < 6; i++) {
				issuing.add(batch.issue(CertificateServiceTest.request("MKT")));
			}
		}
		List<String> failed = new ArrayList<>();
		int issued = 0;
		for (CompletableFuture<IssuedCertificate> f : issuing) {
			try {
				IssuedCertificate c = f.join();
				assertTrue(Files.isRegularFile(c.file()));
				issued++;
			} catch (CompletionException e) {
				CertificateException why = assertInstanceOf(CertificateException.class, e.getCause());
				assertEquals(CertificateException.Code.ISSUANCE_FAILED, why.code());
				assertTrue(why.getMessage().contains("disk full"), why.getMessage());
				failed.add(why.getMessage().split(" ")[1]);
			}
		}
		assertEquals(5, issued);
		assertEquals(1, failed.size());
		assertEquals(CertificateRegistry.Status.VOID, service.registry().lookup(failed.get(0)).orElseThrow().status());
		assertFalse(Files.exists(out.resolve(failed.get(0) + ".pdf")));
		assertEquals(5, files(out).size(), "no partial file: " + files(out));
	}

	@Test
	void aClosedBatchRefusesBeforeUsingANumber() throws Exception {
		DefaultCertificateService service = service("closed");
		Path out = Files.createDirectories(home.resolve("closed-out"));
		CertificateBatch batch = service.batch(out);
		batch.issue(CertificateServiceTest.request("MKT")).join();
		batch.close();
		int before = service.registry().entries().size();
		assertThrows(IllegalStateException.class, () -> batch.issue(CertificateServiceTest.request("MKT")));
		assertEquals(before, service.registry().entries().size());
		batch.close(); // twice is harmless
	}

	@Test
	void dossiersInABatchAreRecordedAndVerifiedAndTheChecksStillHold() throws Exception {
		DefaultCertificateService service = service("dossiers");
		DossierIssuanceTest.MemoryLog log = new DossierIssuanceTest.MemoryLog();
		service.setCertificateLog(log);
		Path out = Files.createDirectories(home.resolve("dossiers-out"));
		List<CompletableFuture<DossierCertificate>> issuing = new ArrayList<>();
		try (CertificateBatch batch = service.batch(out)) {
			for (int i = 1; i <= 3; i++) {
				issuing.add(batch.issue(DossierIssuanceTest.OFFICER, DossierIssuanceTest.dossier("SZ-2026-00090" + i, DossierStatus.APPROVED),
						"食品经营许可证", "Food Business Licence"));
			}
			CertificateException refused = assertThrows(CertificateException.class, () -> batch.issue(DossierIssuanceTest.OFFICER,
					DossierIssuanceTest.dossier("SZ-2026-000909", DossierStatus.RECEIVED), "食品经营许可证", "Food Business Licence"));
			assertEquals(CertificateException.Code.NOT_APPROVED, refused.code());
		}
		for (CompletableFuture<DossierCertificate> f : issuing) {
			DossierCertificate c = f.join();
			assertTrue(c.verdict().ok(), c.verdict().summary());
			assertTrue(log.records.containsKey(c.number()), "recorded in the desk's store: " + c.number());
		}
		assertEquals(3, log.records.size());
		assertEquals(3, service.registry().entries().size(), "the refused dossier used no number");
	}
}
