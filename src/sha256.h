/* sha256.h — SHA-256 (FIPS 180-4), for the catalog fingerprint in every memo. */
#ifndef OW_SHA256_H
#define OW_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t used;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* The block function: -1 the CPU's SHA extensions when it has them (the default),
 * 0 the portable C, 1 the extensions if present. For the tests and benchmarks. */
void sha256_select(int accel);
/* Whether the SHA extensions are in use. */
bool sha256_accelerated(void);
/* 64 lower-case hex digits and a NUL into hex[65]. */
void sha256_final_hex(struct sha256 *s, char hex[65]);

#endif
