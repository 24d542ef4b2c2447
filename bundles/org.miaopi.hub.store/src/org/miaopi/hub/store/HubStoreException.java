package org.miaopi.hub.store;

/** The hub's database could not be opened, read or written; the message says why in plain words. */
public class HubStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public HubStoreException(String message, Throwable cause) {
		super(message, cause);
	}

	public HubStoreException(String message) {
		super(message);
	}
}
