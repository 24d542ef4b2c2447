package org.miaopi.materials;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Runs the reading of one untrusted file on a worker thread and waits for it no longer than the
 * time budget, nor once the caller no longer wants it. The work checks {@link #check()} as it goes
 * (every content operator, every chunk of data inflated) and stops when told; a parser that does not
 * check is left to finish on its daemon thread, its result dropped. Failures become reasons: never
 * an exception's class or text for a user. Workers are reused (intake counts the pages of every
 * file; a new thread each time cost as much as reading a small PDF); one left behind by a stuck
 * parser does not hold up the next file, which gets a new worker.
 */
final class Guard {

	/** Thrown inside the work to stop it; unchecked, so the PDF library does not swallow it as a broken operator. */
	static final class Stop extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final transient CannotDisplay why;

		Stop(CannotDisplay why) {
			super(why.getMessage(), null, false, false);
			this.why = why;
		}
	}

	interface Work<T> {
		T run(Guard guard) throws IOException, CannotDisplay;
	}

	/** A deep stack for parsers that recurse, so nesting ends in a refusal and not in the caller's overflow. */
	private static final long STACK_BYTES = 8L << 20;
	private static final long POLL_MS = 10;
	private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(null, r, "miaopi-material-reader", STACK_BYTES); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});

	private final RenderBudget budget;
	private volatile CannotDisplay stopped;

	private Guard(RenderBudget budget) {
		this.budget = budget;
	}

	/** Throws {@link Stop} once the time budget is spent or the caller gave up. */
	void check() {
		CannotDisplay s = stopped;
		if (s != null) {
			throw new Stop(s);
		}
	}

	RenderBudget budget() {
		return budget;
	}

	static <T> T call(RenderBudget budget, BooleanSupplier cancelled, Work<T> work) throws CannotDisplay {
		Guard guard = new Guard(budget);
		AtomicReference<Object> outcome = new AtomicReference<>();
		long deadline = System.nanoTime() + budget.time().toNanos();
		Future<?> worker = WORKERS.submit(() -> outcome.set(guard.attempt(work)));
		try {
			while (true) {
				try {
					worker.get(POLL_MS, TimeUnit.MILLISECONDS);
					break;
				} catch (TimeoutException notYet) {
					// still reading: ask again below
				}
				if (cancelled.getAsBoolean()) {
					throw guard.stop(worker, new CannotDisplay(CannotDisplay.Reason.CANCELLED, null));
				}
				if (System.nanoTime() - deadline > 0) {
					throw guard.stop(worker, new CannotDisplay(CannotDisplay.Reason.TOO_SLOW, budget.time().toMillis(), null));
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw guard.stop(worker, new CannotDisplay(CannotDisplay.Reason.CANCELLED, null));
		} catch (ExecutionException e) {
			// attempt() turns every failure into a reason; an Error it does not name ends here
			return fail(new CannotDisplay(CannotDisplay.Reason.DAMAGED, String.valueOf(e.getCause())));
		}
		Object o = outcome.get();
		if (o instanceof CannotDisplay c) {
			throw c;
		}
		@SuppressWarnings("unchecked")
		T t = (T) o;
		return t;
	}

	private CannotDisplay stop(Future<?> worker, CannotDisplay why) {
		stopped = why;
		worker.cancel(true);
		return why;
	}

	private static <T> T fail(CannotDisplay why) throws CannotDisplay {
		throw why;
	}

	private Object attempt(Work<?> work) {
		try {
			return work.run(this);
		} catch (Stop s) {
			return s.why;
		} catch (CannotDisplay c) {
			return c;
		} catch (InvalidPasswordException e) {
			return new CannotDisplay(CannotDisplay.Reason.ENCRYPTED, e.getMessage());
		} catch (IOException | RuntimeException e) {
			Stop s = cause(e);
			return s != null ? s.why : new CannotDisplay(CannotDisplay.Reason.DAMAGED, e.toString());
		} catch (OutOfMemoryError e) {
			// only this thread's allocation failed; what it held is garbage now
			return new CannotDisplay(CannotDisplay.Reason.TOO_MUCH_DATA, budget.memoryBytes(), "out of memory");
		} catch (StackOverflowError e) {
			return new CannotDisplay(CannotDisplay.Reason.TOO_COMPLEX, "nested too deeply");
		}
	}

	/** A {@link Stop} the library wrapped in one of its own exceptions. */
	private static Stop cause(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof Stop s) {
				return s;
			}
		}
		return null;
	}
}
