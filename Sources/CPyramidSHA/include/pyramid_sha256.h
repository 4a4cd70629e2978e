#ifndef PYRAMID_SHA256_H
#define PYRAMID_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Compresses `blocks` consecutive 64-byte blocks at `data` into the SHA-256 `state` (eight words, as in
/// FIPS 180-4), on any processor.
void pyramid_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Whether this processor has the SHA extensions (Intel SHA-NI, also on AMD Zen) that
/// `pyramid_sha256_blocks` uses, asked of CPUID (callers keep the answer); always 0 on other architectures.
int pyramid_sha256_hardware_available(void);

/// `pyramid_sha256_blocks_portable` through the SHA instructions. Only call when
/// `pyramid_sha256_hardware_available()` returned 1.
void pyramid_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
