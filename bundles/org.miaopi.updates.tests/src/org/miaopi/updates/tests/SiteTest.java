package org.miaopi.updates.tests;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.miaopi.core.model.Department;
import org.miaopi.core.service.StoreAdmin;
import org.miaopi.updates.internal.P2Desk;
import org.miaopi.updates.tests.TestSite.Signer;

/**
 * What the updates tests share: Miaopi's code-signing key (made once: an RSA key takes a while),
 * a fresh {@link TestSite} in a temporary folder for each test, closed after it, and the desk that
 * trusts only that key.
 */
abstract class SiteTest {

	static Signer miaopi;

	@TempDir
	Path dir;

	TestSite site;

	@BeforeAll
	static void miaopiKey() throws Exception {
		if (miaopi == null) {
			miaopi = new Signer("Miaopi code signing (test)");
		}
	}

	@BeforeEach
	void openSite() throws Exception {
		site = new TestSite(dir);
	}

	@AfterEach
	void closeSite() throws Exception {
		site.close();
	}

	/** The desk's p2 side on the site's profile, trusting Miaopi's key only. */
	P2Desk p2Desk() {
		return new P2Desk(site.agent, TestSite.PROFILE, dir.resolve("kept"), miaopi.publicKeys());
	}

	/** A desk store that knows these departments and is asked nothing else. */
	static StoreAdmin knowing(Department... departments) {
		return (StoreAdmin) Proxy.newProxyInstance(StoreAdmin.class.getClassLoader(), new Class<?>[] { StoreAdmin.class },
				(proxy, method, args) -> switch (method.getName()) {
				case "departments" -> List.of(departments);
				default -> throw new UnsupportedOperationException(method.getName());
				});
	}
}
