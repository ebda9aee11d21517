/* sha256.c — SHA-256 after FIPS 180-4 §6.2, rounds unrolled by eight. */
#include "sha256.h"

#include <stdbool.h>
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

static void block_portable(struct sha256 *s, const unsigned char *p)
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

/* ---- the SHA extensions (x86: Intel since Goldmont and Ice Lake, AMD since Zen) ---- */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define OW_SHA_NI 1

static bool cpu_has_sha(void)
{
	unsigned a, b, c, d;

	/* CPUID leaf 7: EBX bit 29 is SHA; SSSE3 (leaf 1 ECX bit 9) and SSE4.1 (bit 19) too. */
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & 1u << 9) || !(c & 1u << 19))
		return false;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & 1u << 29);
}

/* Four rounds; the message schedule's next group is made alongside (Intel's SHA
 * extensions reference: sha256rnds2 does two rounds, msg1/msg2 the schedule). */
__attribute__((target("sha,sse4.1,ssse3")))
static void block_sha_ni(struct sha256 *st, const unsigned char *p)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i s0, s1, msg, tmp, w[4], abef, cdgh;

	tmp = _mm_loadu_si128((const __m128i *)&st->h[0]);
	s1 = _mm_loadu_si128((const __m128i *)&st->h[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xB1);          /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);            /* EFGH */
	s0 = _mm_alignr_epi8(tmp, s1, 8);            /* ABEF */
	s1 = _mm_blend_epi16(s1, tmp, 0xF0);         /* CDGH */
	abef = s0;
	cdgh = s1;
	for (int i = 0; i < 4; i++)
		w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), swap);
	for (int i = 0; i < 16; i++) {
		__m128i cur = w[i & 3];
		msg = _mm_add_epi32(cur, _mm_loadu_si128((const __m128i *)&K[4 * i]));
		s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
		if (i >= 3 && i <= 14) {   /* group i + 1 = msg2(msg1'd group i - 3 + (groups i, i - 1 >> 32), group i) */
			tmp = _mm_alignr_epi8(cur, w[(i - 1) & 3], 4);
			w[(i + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(w[(i + 1) & 3], tmp), cur);
		}
		msg = _mm_shuffle_epi32(msg, 0x0E);
		s0 = _mm_sha256rnds2_epu32(s0, s1, msg);
		if (i >= 1 && i <= 12)     /* group i - 1's half of group i + 3 */
			w[(i - 1) & 3] = _mm_sha256msg1_epu32(w[(i - 1) & 3], cur);
	}
	s0 = _mm_add_epi32(s0, abef);
	s1 = _mm_add_epi32(s1, cdgh);
	tmp = _mm_shuffle_epi32(s0, 0x1B);           /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);            /* DCHG */
	s0 = _mm_blend_epi16(tmp, s1, 0xF0);         /* DCBA */
	s1 = _mm_alignr_epi8(s1, tmp, 8);            /* HGFE */
	_mm_storeu_si128((__m128i *)&st->h[0], s0);
	_mm_storeu_si128((__m128i *)&st->h[4], s1);
}
#endif

static int use_accel = -1;   /* -1: not yet asked */

void sha256_select(int accel)
{
#ifdef OW_SHA_NI
	use_accel = accel < 0 ? cpu_has_sha() : accel > 0 && cpu_has_sha();
#else
	(void)accel;
	use_accel = 0;
#endif
}

bool sha256_accelerated(void)
{
	if (use_accel < 0)
		sha256_select(-1);
	return use_accel == 1;
}

static void block(struct sha256 *s, const unsigned char *p)
{
#ifdef OW_SHA_NI
	if (sha256_accelerated()) {
		block_sha_ni(s, p);
		return;
	}
#endif
	block_portable(s, p);
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
