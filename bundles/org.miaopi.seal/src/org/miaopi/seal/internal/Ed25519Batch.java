package org.miaopi.seal.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Checks many Ed25519 signatures at once (RFC 8032 signatures, the equation of Bernstein et al.,
 * "High-speed high-security signatures", §4): with a random 128-bit z per signature,
 * [Σ z·S]B = Σ z·R + Σ (z·h)·A. The R points are summed by Pippenger's bucket method and the
 * signers' keys (a few hundred officers for hundreds of thousands of decisions) grouped, so a
 * signature costs about one point decompression instead of a full double scalar multiplication.
 * <p>
 * A batch that holds proves every signature valid, except with probability 2^-128 for a forged
 * one; a batch that fails says only that some signature is bad: the caller then checks each
 * alone, so its answers (and messages) are those of single verification. Signatures this class
 * cannot take (not 64 bytes, a non-canonical R or S, a key or R that does not decode) are left to
 * single verification too, which refuses them. The field arithmetic is BouncyCastle's.
 */
public final class Ed25519Batch {

	/** One signature: the signer's 32-byte key, the message and the 64-byte signature. */
	public record Item(byte[] publicKey, byte[] message, byte[] signature) {
	}

	private static final BigInteger L = BigInteger.ONE.shiftLeft(252)
			.add(new BigInteger("27742317777372353535851937790883648493"));
	private static final int[] D = d();
	private static final int[] D2 = twice(D);
	private static final Point BASE = decode(hex("5866666666666666666666666666666666666666666666666666666666666666"), 0);

	private final SecureRandom random = new SecureRandom();
	private final MessageDigest sha512;

	public Ed25519Batch() {
		try {
			sha512 = MessageDigest.getInstance("SHA-512");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-512", e);
		}
	}

	/** Whether this class can take the signature into a batch (else: single verification). */
	public static boolean accepts(byte[] publicKey, byte[] signature) {
		return publicKey.length == 32 && signature.length == 64 && canonical(signature, 0) && scalarBelowL(signature);
	}

	/**
	 * True if every signature holds. All items must be {@link #accepts accepted}. Not thread-safe:
	 * one instance per thread.
	 */
	public boolean verify(List<Item> items) {
		int n = items.size();
		Point[] points = new Point[n + 1 + Math.min(n, 1024)];
		byte[][] scalars = new byte[points.length][];
		byte[] zs = new byte[16 * n];
		random.nextBytes(zs);
		BigInteger sumS = BigInteger.ZERO;
		Map<Key, BigInteger> perKey = new HashMap<>();
		Map<Key, Point> keys = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Item it = items.get(i);
			Point r = decode(it.signature(), 0);
			if (r == null) {
				return false;
			}
			Key key = new Key(it.publicKey());
			Point a = keys.get(key);
			if (a == null) {
				if (keys.size() == 1024) {
					return false; // too many signers for one batch: the caller checks one by one
				}
				a = decode(it.publicKey(), 0);
				if (a == null) {
					return false;
				}
				keys.put(key, a);
			}
			byte[] zBytes = new byte[32];
			System.arraycopy(zs, 16 * i, zBytes, 0, 16);
			zBytes[0] |= 1; // never zero
			BigInteger z = littleEndian(zBytes, 32);
			sha512.update(it.signature(), 0, 32);
			sha512.update(it.publicKey());
			sha512.update(it.message());
			BigInteger h = littleEndian(sha512.digest(), 64).mod(L);
			BigInteger s = littleEndian(java.util.Arrays.copyOfRange(it.signature(), 32, 64), 32);
			sumS = sumS.add(z.multiply(s));
			perKey.merge(key, z.multiply(h), BigInteger::add);
			points[i] = r.negate();
			scalars[i] = zBytes;
		}
		int m = n;
		points[m] = BASE;
		scalars[m++] = toBytes(sumS.mod(L));
		for (Map.Entry<Key, BigInteger> e : perKey.entrySet()) {
			points[m] = keys.get(e.getKey()).negate();
			scalars[m++] = toBytes(e.getValue().mod(L));
		}
		// the R points have 128-bit scalars, the base and the keys full ones: two sums, each with its own window
		Point sum = multiScalar(points, scalars, 0, n, 128);
		sum.add(multiScalar(points, scalars, n, m, 256));
		return sum.isIdentity();
	}

	// ---------------------------------------------------------------- multi-scalar multiplication

	/** Σ scalars[j]·points[j] for j in [from, to) by Pippenger's buckets; scalars are 32 bytes, little-endian, below 2^bits. */
	private static Point multiScalar(Point[] points, byte[][] scalars, int from, int to, int bits) {
		int count = to - from;
		int c = count < 64 ? 4 : Math.min(12, 31 - Integer.numberOfLeadingZeros(count) - 2);
		int windows = (bits + c - 1) / c;
		Point result = Point.identity();
		Point[] buckets = new Point[1 << c];
		for (int w = windows - 1; w >= 0; w--) {
			for (int i = 0; i < c; i++) {
				result.doubleInPlace();
			}
			java.util.Arrays.fill(buckets, null);
			boolean any = false;
			for (int j = from; j < to; j++) {
				int digit = bits(scalars[j], w * c, c);
				if (digit != 0) {
					any = true;
					if (buckets[digit] == null) {
						buckets[digit] = points[j].copy();
					} else {
						buckets[digit].add(points[j]);
					}
				}
			}
			if (!any) {
				continue;
			}
			Point running = null;
			Point sum = null;
			for (int b = buckets.length - 1; b >= 1; b--) {
				if (buckets[b] != null) {
					if (running == null) {
						running = buckets[b];
					} else {
						running.add(buckets[b]);
					}
				}
				if (running != null) {
					if (sum == null) {
						sum = running.copy();
					} else {
						sum.add(running);
					}
				}
			}
			if (sum != null) {
				result.add(sum);
			}
		}
		return result;
	}

	private static int bits(byte[] scalar, int from, int count) {
		int value = 0;
		for (int i = 0; i < count; i++) {
			int bit = from + i;
			if (bit >= 256) {
				break;
			}
			value |= ((scalar[bit >>> 3] >>> (bit & 7)) & 1) << i;
		}
		return value;
	}

	// ---------------------------------------------------------------- points (extended coordinates, a = -1)

	/** A point in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z. Mutable. */
	private static final class Point {
		final int[] x = X25519Field.create();
		final int[] y = X25519Field.create();
		final int[] z = X25519Field.create();
		final int[] t = X25519Field.create();

		static Point identity() {
			Point p = new Point();
			X25519Field.one(p.y);
			X25519Field.one(p.z);
			return p;
		}

		Point copy() {
			Point p = new Point();
			System.arraycopy(x, 0, p.x, 0, x.length);
			System.arraycopy(y, 0, p.y, 0, y.length);
			System.arraycopy(z, 0, p.z, 0, z.length);
			System.arraycopy(t, 0, p.t, 0, t.length);
			return p;
		}

		Point negate() {
			Point p = copy();
			X25519Field.negate(p.x, p.x);
			X25519Field.negate(p.t, p.t);
			X25519Field.normalize(p.x);
			X25519Field.normalize(p.t);
			return p;
		}

		/** this += q (RFC 8032 §5.1.4). */
		void add(Point q) {
			int[] a = X25519Field.create();
			int[] b = X25519Field.create();
			int[] c = X25519Field.create();
			int[] d = X25519Field.create();
			int[] e = X25519Field.create();
			int[] f = X25519Field.create();
			int[] g = X25519Field.create();
			int[] h = X25519Field.create();
			sub(y, x, a);
			sub(q.y, q.x, e);
			X25519Field.mul(a, e, a);
			add(y, x, b);
			add(q.y, q.x, e);
			X25519Field.mul(b, e, b);
			X25519Field.mul(t, q.t, c);
			X25519Field.mul(c, D2, c);
			X25519Field.mul(z, q.z, d);
			add(d, d, d);
			sub(b, a, e);
			sub(d, c, f);
			add(d, c, g);
			add(b, a, h);
			X25519Field.mul(e, f, x);
			X25519Field.mul(g, h, y);
			X25519Field.mul(e, h, t);
			X25519Field.mul(f, g, z);
		}

		/** this = 2·this (RFC 8032 §5.1.4). */
		void doubleInPlace() {
			int[] a = X25519Field.create();
			int[] b = X25519Field.create();
			int[] c = X25519Field.create();
			int[] e = X25519Field.create();
			int[] f = X25519Field.create();
			int[] g = X25519Field.create();
			int[] h = X25519Field.create();
			X25519Field.sqr(x, a);
			X25519Field.sqr(y, b);
			X25519Field.sqr(z, c);
			add(c, c, c);
			add(a, b, h);
			add(x, y, e);
			X25519Field.sqr(e, e);
			sub(h, e, e);
			sub(a, b, g);
			add(c, g, f);
			X25519Field.mul(e, f, x);
			X25519Field.mul(g, h, y);
			X25519Field.mul(e, h, t);
			X25519Field.mul(f, g, z);
		}

		boolean isIdentity() {
			int[] u = X25519Field.create();
			System.arraycopy(x, 0, u, 0, u.length);
			X25519Field.normalize(u);
			if (!X25519Field.isZeroVar(u)) {
				return false;
			}
			sub(y, z, u);
			X25519Field.normalize(u);
			return X25519Field.isZeroVar(u);
		}

		private static void add(int[] p, int[] q, int[] r) {
			X25519Field.add(p, q, r);
			X25519Field.carry(r);
		}

		private static void sub(int[] p, int[] q, int[] r) {
			X25519Field.sub(p, q, r);
			X25519Field.carry(r);
		}
	}

	/** The point of a 32-byte encoding, or null if it is not canonical or not on the curve (as RFC 8032 decodes). */
	private static Point decode(byte[] encoded, int off) {
		if (!canonical(encoded, off)) {
			return null;
		}
		int sign = (encoded[off + 31] & 0x80) >>> 7;
		Point p = new Point();
		X25519Field.decode(encoded, off, p.y);
		int[] u = X25519Field.create();
		int[] v = X25519Field.create();
		X25519Field.sqr(p.y, u);
		X25519Field.mul(D, u, v);
		X25519Field.subOne(u);
		X25519Field.addOne(v);
		if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
			return null;
		}
		X25519Field.normalize(p.x);
		if (sign == 1 && X25519Field.isZeroVar(p.x)) {
			return null;
		}
		if (sign != (p.x[0] & 1)) {
			X25519Field.negate(p.x, p.x);
			X25519Field.normalize(p.x);
		}
		X25519Field.one(p.z);
		X25519Field.mul(p.x, p.y, p.t);
		return p;
	}

	/** Whether y (the low 255 bits) is below p = 2^255 - 19. */
	private static boolean canonical(byte[] e, int off) {
		if ((e[off + 31] & 0x7F) != 0x7F) {
			return true;
		}
		for (int i = 30; i >= 1; i--) {
			if ((e[off + i] & 0xFF) != 0xFF) {
				return true;
			}
		}
		return (e[off] & 0xFF) < 0xED;
	}

	private static boolean scalarBelowL(byte[] signature) {
		return littleEndian(java.util.Arrays.copyOfRange(signature, 32, 64), 32).compareTo(L) < 0;
	}

	// ---------------------------------------------------------------- numbers

	private static BigInteger littleEndian(byte[] bytes, int length) {
		byte[] big = new byte[length + 1];
		for (int i = 0; i < length; i++) {
			big[length - i] = bytes[i];
		}
		return new BigInteger(big);
	}

	private static byte[] toBytes(BigInteger value) {
		byte[] big = value.toByteArray();
		byte[] little = new byte[32];
		for (int i = 0; i < Math.min(32, big.length); i++) {
			little[i] = big[big.length - 1 - i];
		}
		return little;
	}

	private static int[] d() {
		int[] n = X25519Field.create();
		int[] m = X25519Field.create();
		n[0] = 121665;
		m[0] = 121666;
		X25519Field.inv(m, m);
		X25519Field.mul(n, m, n);
		X25519Field.negate(n, n);
		X25519Field.normalize(n);
		return n;
	}

	private static int[] twice(int[] v) {
		int[] r = X25519Field.create();
		X25519Field.add(v, v, r);
		X25519Field.normalize(r);
		return r;
	}

	private static byte[] hex(String s) {
		return java.util.HexFormat.of().parseHex(s);
	}

	/** A public key as a map key. */
	private record Key(byte[] bytes) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
		}

		@Override
		public int hashCode() {
			return java.util.Arrays.hashCode(bytes);
		}
	}
}
