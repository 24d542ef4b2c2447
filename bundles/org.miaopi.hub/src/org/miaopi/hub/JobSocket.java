package org.miaopi.hub;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hub jobs ({@code ./miaopi hub enrol-code …}) while the hub serves on embedded Derby: Derby lets one
 * process open the database, and that is the serving hub, so a job asks the hub to run it. The
 * socket is a Unix domain socket in an owner-only directory of the hub's home: whoever may open it
 * could open the database files anyway. One job a connection: the arguments in, the job's output
 * and error streams and its exit code out, in frames.
 */
final class JobSocket implements AutoCloseable {

	/** Runs one job, as the command line would, and answers its exit code. */
	@FunctionalInterface
	interface Runner {
		int run(List<String> args, PrintStream out, PrintStream err);
	}

	private static final int OUT = 1;
	private static final int ERR = 2;
	private static final int EXIT = 0;

	private final ServerSocketChannel server;
	private final Path path;
	private final Thread acceptor;

	private JobSocket(ServerSocketChannel server, Path path, Runner runner) {
		this.server = server;
		this.path = path;
		this.acceptor = Thread.ofPlatform().daemon().name("hub-jobs").start(() -> accept(runner)); //$NON-NLS-1$
	}

	static Path path(Path hubDir) {
		return hubDir.resolve("run").resolve("jobs.sock"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Listens for jobs; a socket file left by a hub that was killed is replaced. */
	static JobSocket open(Path hubDir, Runner runner) throws IOException {
		Path path = path(hubDir);
		Files.createDirectories(path.getParent());
		Files.setPosixFilePermissions(path.getParent(), PosixFilePermissions.fromString("rwx------")); //$NON-NLS-1$
		if (Files.exists(path)) {
			if (listening(path)) {
				throw new IOException("another hub already serves " + hubDir + " (its job socket " + path + " answers)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			Files.delete(path);
		}
		ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		server.bind(UnixDomainSocketAddress.of(path));
		return new JobSocket(server, path, runner);
	}

	private static boolean listening(Path path) {
		try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private void accept(Runner runner) {
		while (server.isOpen()) {
			try {
				SocketChannel c = server.accept();
				// a job may take minutes (hub demo): the next one need not wait for it
				Thread.ofPlatform().daemon().name("hub-job").start(() -> serve(c, runner)); //$NON-NLS-1$
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	private static void serve(SocketChannel c, Runner runner) {
		try (c; DataInputStream in = new DataInputStream(Channels.newInputStream(c));
				DataOutputStream frames = new DataOutputStream(Channels.newOutputStream(c))) {
			int n = in.readInt();
			if (n < 1 || n > 1000) {
				return;
			}
			List<String> args = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				args.add(in.readUTF());
			}
			int exit;
			try (PrintStream out = new PrintStream(new FrameStream(frames, OUT), true, StandardCharsets.UTF_8);
					PrintStream err = new PrintStream(new FrameStream(frames, ERR), true, StandardCharsets.UTF_8)) {
				try {
					exit = runner.run(args, out, err);
				} catch (RuntimeException e) {
					err.println("miaopi hub: the job failed in the serving hub: " + e.getMessage()); //$NON-NLS-1$
					exit = 1;
				}
			}
			synchronized (frames) {
				frames.writeByte(EXIT);
				frames.writeInt(exit);
				frames.flush();
			}
		} catch (IOException e) {
			// the job's caller went away: nothing to answer
		}
	}

	/**
	 * Runs the job in the hub that serves {@code hubDir}, relaying its output.
	 *
	 * @return the job's exit code, or null when no hub serves there (run the job here)
	 */
	static Integer forward(Path hubDir, List<String> args, PrintStream out, PrintStream err) throws IOException {
		Path path = path(hubDir);
		if (!Files.exists(path)) {
			return null;
		}
		SocketChannel c;
		try {
			c = SocketChannel.open(UnixDomainSocketAddress.of(path));
		} catch (IOException e) {
			return null; // left by a hub that was killed
		}
		try (c; DataOutputStream request = new DataOutputStream(Channels.newOutputStream(c));
				DataInputStream frames = new DataInputStream(Channels.newInputStream(c))) {
			request.writeInt(args.size());
			for (String a : args) {
				request.writeUTF(a);
			}
			request.flush();
			while (true) {
				int kind = frames.readByte();
				if (kind == EXIT) {
					return frames.readInt();
				}
				byte[] data = new byte[frames.readInt()];
				frames.readFully(data);
				(kind == ERR ? err : out).write(data);
				(kind == ERR ? err : out).flush();
			}
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		Files.deleteIfExists(path);
		try {
			acceptor.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A job's output stream as frames of its kind on the shared connection. */
	private static final class FrameStream extends OutputStream {
		private final DataOutputStream frames;
		private final int kind;

		FrameStream(DataOutputStream frames, int kind) {
			this.frames = frames;
			this.kind = kind;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			synchronized (frames) {
				frames.writeByte(kind);
				frames.writeInt(len);
				frames.write(b, off, len);
			}
		}

		@Override
		public void flush() throws IOException {
			synchronized (frames) {
				frames.flush();
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
