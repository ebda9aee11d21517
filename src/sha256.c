/* sha256.c — SHA-256 after FIPS 180-4 §6.2, rounds unrolled by eight. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* One round; the eight working variables rotate by renaming, not by moving. */
#define S1(x) (ROR(x, 6) ^ ROR(x, 11) ^ ROR(x, 25))
#define S0(x) (ROR(x, 2) ^ ROR(x, 13) ^ ROR(x, 22))
#define s0(x) (ROR(x, 7) ^ ROR(x, 18) ^ ((x) >> 3))
#define s1(x) (ROR(x, 17) ^ ROR(x, 19) ^ ((x) >> 10))
#define ROUND(a, b, c, d, e, f, g, h, k, wv)                                            \
	do {                                                                           \
		uint32_t t1 = h + S1(e) + ((e & f) ^ (~e & g)) + (k) + (wv);          \
		d += t1;                                                               \
		h = t1 + S0(a) + ((a & b) ^ (a & c) ^ (b & c));                        \
	} while (0)
/* The message schedule as a 16-word ring: w[j] becomes w[i] for round i = 16r + j. */
#define NEXT(j) (w[j] += s1(w[((j) + 14) & 15]) + w[((j) + 9) & 15] + s0(w[((j) + 1) & 15]))
/* Sixteen rounds; the eight working variables rotate by renaming, not by moving. */
#define ROUNDS16(r, W)                                                                  \
	do {                                                                           \
		for (int j = 0; j < 16; j += 8) {                                      \
			ROUND(a, b, c, d, e, f, g, h, K[16 * (r) + j], W(j));           \
			ROUND(h, a, b, c, d, e, f, g, K[16 * (r) + j + 1], W(j + 1));   \
			ROUND(g, h, a, b, c, d, e, f, K[16 * (r) + j + 2], W(j + 2));   \
			ROUND(f, g, h, a, b, c, d, e, K[16 * (r) + j + 3], W(j + 3));   \
			ROUND(e, f, g, h, a, b, c, d, K[16 * (r) + j + 4], W(j + 4));   \
			ROUND(d, e, f, g, h, a, b, c, K[16 * (r) + j + 5], W(j + 5));   \
			ROUND(c, d, e, f, g, h, a, b, K[16 * (r) + j + 6], W(j + 6));   \
			ROUND(b, c, d, e, f, g, h, a, K[16 * (r) + j + 7], W(j + 7));   \
		}                                                                      \
	} while (0)
#define FIRST(j) w[j]

static void block(struct sha256 *s, const unsigned char *p)
{
	uint32_t w[16], a, b, c, d, e, f, g, h;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	a = s->h[0]; b = s->h[1]; c = s->h[2]; d = s->h[3];
	e = s->h[4]; f = s->h[5]; g = s->h[6]; h = s->h[7];
	ROUNDS16(0, FIRST);
	ROUNDS16(1, NEXT);
	ROUNDS16(2, NEXT);
	ROUNDS16(3, NEXT);
	s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d;
	s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

void sha256_init(struct sha256 *s)
{
	static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(s->h, iv, sizeof iv);
	s->len = 0;
	s->used = 0;
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;

	s->len += n;
	while (n > 0) {
		if (s->used == 0 && n >= 64) {   /* whole blocks straight from the input */
			block(s, p);
			p += 64;
			n -= 64;
			continue;
		}
		size_t take = 64 - s->used < n ? 64 - s->used : n;
		memcpy(s->buf + s->used, p, take);
		s->used += take;
		p += take;
		n -= take;
		if (s->used == 64) {
			block(s, s->buf);
			s->used = 0;
		}
	}
}

void sha256_final_hex(struct sha256 *s, char hex[65])
{
	uint64_t bits = s->len * 8;
	unsigned char pad = 0x80, zero = 0, len[8];

	sha256_update(s, &pad, 1);
	while (s->used != 56)
		sha256_update(s, &zero, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(s, len, 8);
	for (int i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", s->h[i]);
}
