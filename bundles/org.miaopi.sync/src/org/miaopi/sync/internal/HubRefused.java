package org.miaopi.sync.internal;

/**
 * The hub answered, and refused (a 4xx or 5xx): retrying the same request will not help, unlike an
 * unreachable hub. The message is the hub's reason.
 */
public final class HubRefused extends Exception {

	private static final long serialVersionUID = 1L;
	private final int status;

	public HubRefused(String doing, HubTransport.Reply reply) {
		super("the hub refused " + doing + " (" + reply.status() + "): " + reply.reason()); //$NON-NLS-1$ //$NON-NLS-2$
		this.status = reply.status();
	}

	/** A refusal the desk makes itself before sending, for the hub's answer {@code status}. */
	public HubRefused(String reason, int status) {
		super(reason);
		this.status = status;
	}

	public int status() {
		return status;
	}
}
