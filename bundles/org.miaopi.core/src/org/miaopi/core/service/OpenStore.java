package org.miaopi.core.service;

import java.nio.file.Path;

/** A store opened by {@link StoreFactory}; close it to release its lock. */
public interface OpenStore extends DossierService, StoreAdmin, IntakeService, CertificateLog, ThemeService,
		SharedSourceService, org.miaopi.core.sync.PullCache, org.miaopi.core.sync.Outbox, AutoCloseable {

	Path location();

	@Override
	void close();
}
