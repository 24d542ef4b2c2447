package org.miaopi.certificate;

/**
 * Progress of a certificate issuance, for a workbench Job's monitor. Called on the issuing thread;
 * an implementation that touches widgets must hand over to the display thread itself.
 */
@FunctionalInterface
public interface Progress {

	Progress NONE = (step, of, en, zh) -> {
	};

	/**
	 * @param step the step now starting, 1-based
	 * @param of   how many steps there are
	 */
	void step(int step, int of, String en, String zh);
}
