package org.miaopi.certificate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.miaopi.core.model.Dossier;
import org.miaopi.core.model.Officer;

/**
 * The issuance service's own batch: many certificates into one directory. The calling
 * threads lay out and seal; one writer thread puts the sealed files on disk in groups: each file
 * fsynced and renamed, then one directory sync and one register sync for the whole group. So a
 * caller seals its next certificate while the disk works on the last ones, and the register's
 * syncs are shared, instead of every certificate waiting for three syncs of its own.
 * <p>
 * Each certificate keeps the guarantees of {@link CertificateService#issue(CertificateRequest, Path)}:
 * it is complete when its future completes (file durable, register line durable), and on failure
 * no file is left and its number is VOID. {@link #close()} waits for every certificate issued
 * through the batch. Sealing runs at most {@value #AHEAD} certificates ahead of the disk.
 */
final class PipelinedBatch implements CertificateBatch {

	/** Most certificates in one group commit. */
	static final int GROUP = 16;
	/** Sealed certificates waiting for the writer before callers wait too. */
	static final int AHEAD = 2 * GROUP;

	private record Pending(Sealed sealed, CompletableFuture<IssuedCertificate> done) {
	}

	private static final Pending END = new Pending(null, null);

	private final DefaultCertificateService service;
	private final Path directory;
	private final DurableWrite write;
	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(AHEAD);
	/** Issuers hold it shared while handing over, {@link #close()} exclusively: nothing is handed over after the end. */
	private final ReentrantReadWriteLock handing = new ReentrantReadWriteLock();
	private volatile boolean closed;
	private final Thread writer;
	/** The dossiers' last steps (store, verification), started on first use. */
	private ExecutorService finishing;

	PipelinedBatch(DefaultCertificateService service, Path directory) {
		this.service = service;
		this.directory = directory;
		this.write = service.durableWrite();
		this.writer = new Thread(this::writeGroups, "miaopi-certificate-writer"); //$NON-NLS-1$
		writer.setDaemon(true);
		writer.start();
	}

	/** Seals the certificate on the calling thread and hands it to the writer. */
	@Override
	public CompletableFuture<IssuedCertificate> issue(CertificateRequest request) {
		requireOpen();
		return handOver(service.seal(request, directory, null));
	}

	/**
	 * The checks and sealing on the calling thread; once the file is durable, the desk's store and
	 * the verification on one of the batch's finishing threads.
	 */
	@Override
	public CompletableFuture<DossierCertificate> issue(Officer actor, Dossier dossier, String matterZh, String matterEn) {
		requireOpen();
		CertificateRequest request = DossierIssuance.check(service.log(), service.clock(), actor, dossier, matterZh, matterEn);
		service.reconcileOnce();
		long stamp = service.inFlight.readLock();
		CompletableFuture<IssuedCertificate> durable;
		try {
			durable = handOver(service.seal(request, directory, dossier.number()));
		} catch (RuntimeException e) {
			service.inFlight.unlockRead(stamp);
			throw e;
		}
		return durable.thenApplyAsync(issued -> DossierIssuance.record(service, service.log(), service.clock(), actor, dossier, request, issued, Progress.NONE),
				finishing()).whenComplete((done, failed) -> service.inFlight.unlockRead(stamp));
	}

	private void requireOpen() {
		if (closed) {
			throw new IllegalStateException("the certificate batch for " + directory + " is closed"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private synchronized ExecutorService finishing() {
		if (finishing == null) {
			int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
			finishing = Executors.newFixedThreadPool(threads, r -> {
				Thread t = new Thread(r, "miaopi-certificate-finishing"); //$NON-NLS-1$
				t.setDaemon(true);
				return t;
			});
		}
		return finishing;
	}

	private CompletableFuture<IssuedCertificate> handOver(Sealed sealed) {
		Pending p = new Pending(sealed, new CompletableFuture<>());
		handing.readLock().lock();
		try {
			if (closed) {
				throw write.voided(sealed, new IllegalStateException("the certificate batch was closed while sealing")); //$NON-NLS-1$
			}
			queue.put(p); // waits while the writer is AHEAD behind: sealing never runs far ahead of the disk
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw write.voided(sealed, e);
		} finally {
			handing.readLock().unlock();
		}
		return p.done();
	}

	private void writeGroups() {
		List<Pending> group = new ArrayList<>(GROUP);
		boolean end = false;
		while (!end) {
			group.clear();
			try {
				group.add(queue.take());
			} catch (InterruptedException e) {
				continue; // only close() ends the writer, after the last certificate handed over
			}
			queue.drainTo(group, GROUP - 1);
			end = group.remove(END);
			if (group.isEmpty()) {
				break;
			}
			List<Object> outcomes;
			try {
				outcomes = write.group(group.stream().map(Pending::sealed).toList());
			} catch (RuntimeException | Error e) {
				// not expected (every failure is one certificate's), but no caller may wait for ever
				outcomes = group.stream().map(p -> (Object) write.voided(p.sealed(), e instanceof Exception x ? x : new RuntimeException(e))).toList();
			}
			for (int i = 0; i < group.size(); i++) {
				if (outcomes.get(i) instanceof IssuedCertificate issued) {
					group.get(i).done().complete(issued);
				} else {
					group.get(i).done().completeExceptionally((Throwable) outcomes.get(i));
				}
			}
		}
	}

	@Override
	public void close() {
		handing.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			queue.put(END);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while closing the certificate batch", e); //$NON-NLS-1$
		} finally {
			handing.writeLock().unlock();
		}
		boolean interrupted = false;
		while (writer.isAlive()) {
			try {
				writer.join();
			} catch (InterruptedException e) {
				interrupted = true; // the certificates handed over are finished whatever happens
			}
		}
		ExecutorService f;
		synchronized (this) {
			f = finishing;
		}
		if (f != null) {
			f.shutdown();
			while (!f.isTerminated()) {
				try {
					f.awaitTermination(1, TimeUnit.MINUTES);
				} catch (InterruptedException e) {
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
