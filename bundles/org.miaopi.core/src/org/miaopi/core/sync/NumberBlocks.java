package org.miaopi.core.sync;

import java.util.Collection;
import java.util.List;

/**
 * The blocks of certificate numbers a desk holds, reserved for it at the hub (docs/hub.md,
 * "Certificate number blocks"). Once a department has taken a block, the desk draws that
 * department's numbers only from its blocks, so desks of one department never hand out the same
 * number while offline; a desk that never took one numbers on its own, as before it was enrolled.
 * Sequence numbers are the department's, across years: a number is {@code DEPT-YEAR-SEQ}.
 */
public interface NumberBlocks {

	/** A block of sequence numbers {@code first..last} of a department, reserved at the hub. */
	record Block(String departmentCode, long first, long last) {

		public Block {
			if (departmentCode == null || departmentCode.isBlank() || first < 1 || last < first) {
				throw new IllegalArgumentException("not a block of certificate numbers: " + departmentCode + " " + first + ".." + last);
			}
		}

		public long size() {
			return last - first + 1;
		}
	}

	/** Numbers not yet handed out in the department's blocks (0 when it holds none). */
	long remaining(String departmentCode);

	/** The last sequence number of the newest block held for the department, 0 when none. */
	long lastReserved(String departmentCode);

	/** Keeps a block reserved at the hub; a block held already (or below the newest) changes nothing. */
	void add(Block block);

	/** Numbers drawn from the department's blocks that went void and the hub has not been told of. */
	List<String> unreportedVoids(String departmentCode);

	/** The hub has recorded these numbers void. */
	void reported(Collection<String> numbers);
}
