package org.miaopi.updates.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.p2.repository.AuthenticationFailedException;
import org.eclipse.equinox.internal.p2.repository.Transport;

/**
 * p2's transport for {@code file:} repositories. p2's own (ECF) transport is not on Maven Central;
 * the desk reads the demo's repository and its own kept artifacts from disk, and the hub's
 * repository reaches the desk through the sync, which writes it to disk too.
 */
@SuppressWarnings("restriction")
public final class FileTransport extends Transport {

	static final String ID = "org.miaopi.updates";

	@Override
	public IStatus download(URI toDownload, OutputStream target, IProgressMonitor monitor) {
		try (InputStream in = stream(toDownload, monitor)) {
			in.transferTo(target);
			return Status.OK_STATUS;
		} catch (FileNotFoundException e) {
			return new Status(IStatus.ERROR, ID, 1001 /* ProvisionException.ARTIFACT_NOT_FOUND */, e.getMessage(), e);
		} catch (IOException | CoreException e) {
			return new Status(IStatus.ERROR, ID, "cannot read " + toDownload + ": " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream stream(URI toDownload, IProgressMonitor monitor)
			throws FileNotFoundException, CoreException, AuthenticationFailedException {
		if (monitor != null && monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
		try {
			return Files.newInputStream(path(toDownload));
		} catch (NoSuchFileException e) {
			throw new FileNotFoundException(toDownload.toString());
		} catch (IOException e) {
			throw new CoreException(Status.error("cannot read " + toDownload + ": " + e.getMessage(), e));
		}
	}

	@Override
	public long getLastModified(URI toDownload, IProgressMonitor monitor)
			throws CoreException, FileNotFoundException, AuthenticationFailedException {
		try {
			return Files.getLastModifiedTime(path(toDownload)).toMillis();
		} catch (NoSuchFileException e) {
			throw new FileNotFoundException(toDownload.toString());
		} catch (IOException e) {
			throw new CoreException(Status.error("cannot read " + toDownload + ": " + e.getMessage(), e));
		}
	}

	private static Path path(URI uri) throws FileNotFoundException {
		if (!"file".equalsIgnoreCase(uri.getScheme())) {
			throw new FileNotFoundException("only file: repositories can be read on this desk, not " + uri);
		}
		return Path.of(uri);
	}
}
