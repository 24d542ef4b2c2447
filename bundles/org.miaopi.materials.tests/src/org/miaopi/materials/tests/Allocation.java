package org.miaopi.materials.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Bytes allocated on the heap by every thread of this JVM so far (HotSpot's own count), to check
 * that refusing a hostile file did not first allocate what it claims.
 */
final class Allocation {

	private Allocation() {
	}

	static long total() {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		try {
			// com.sun.management.ThreadMXBean, reached through the platform class loader: no package import needed
			Class<?> hotspot = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
			return (long) hotspot.getMethod("getTotalThreadAllocatedBytes").invoke(bean);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("this JVM does not count allocated bytes", e);
		}
	}
}
