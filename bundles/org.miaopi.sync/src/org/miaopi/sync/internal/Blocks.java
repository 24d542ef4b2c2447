package org.miaopi.sync.internal;

import java.io.IOException;
import java.util.List;

import org.miaopi.core.sync.NumberBlocks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps the desk supplied with certificate numbers (docs/hub.md, "Certificate number blocks"): at
 * each sync it tells the hub which numbers of its blocks went void, and reserves a new block when
 * fewer than {@link #LOW} numbers are left, so the desk can go on issuing offline.
 */
public final class Blocks {

	/** Reserve the next block when fewer numbers than this are left. */
	public static final long LOW = 200;

	private final HubTransport hub;
	private final NumberBlocks blocks;

	public Blocks(HubTransport hub, NumberBlocks blocks) {
		this.hub = hub;
		this.blocks = blocks;
	}

	/** @return the numbers left for the department after this round */
	public long run(String department) throws IOException, InterruptedException, HubRefused {
		List<String> voids = blocks.unreportedVoids(department);
		for (int i = 0; i < voids.size(); i += 1000) {
			List<String> part = voids.subList(i, Math.min(voids.size(), i + 1000));
			ObjectNode body = HubTransport.JSON.createObjectNode();
			ArrayNode list = body.putArray("numbers"); //$NON-NLS-1$
			part.forEach(list::add);
			HubTransport.Reply r = hub.post("/v1/desks/me/number-voids", body); //$NON-NLS-1$
			if (!r.ok()) {
				throw new HubRefused("the report of void certificate numbers", r); //$NON-NLS-1$
			}
			blocks.reported(part);
		}
		if (blocks.remaining(department) < LOW) {
			HubTransport.Reply r = hub.post("/v1/desks/me/number-blocks", //$NON-NLS-1$
					HubTransport.JSON.createObjectNode().put("after", blocks.lastReserved(department))); //$NON-NLS-1$
			if (!r.ok()) {
				throw new HubRefused("the reservation of certificate numbers", r); //$NON-NLS-1$
			}
			var b = r.json();
			if (!department.equals(b.path("department").asText())) { //$NON-NLS-1$
				throw new IOException("the hub answered a block of " + b.path("department").asText() + " to a desk of " + department); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
			blocks.add(new NumberBlocks.Block(department, b.path("first").asLong(), b.path("last").asLong())); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return blocks.remaining(department);
	}
}
