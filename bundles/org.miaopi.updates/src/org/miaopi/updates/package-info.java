/** Matter plugins installed, updated and rolled back through p2, trusting only Miaopi's signer. */
package org.miaopi.updates;
