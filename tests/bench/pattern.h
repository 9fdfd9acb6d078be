#pragma once

/* The bytes bench_sender sends, shared with the receivers that check them (C and C++ alike). */

#include <stddef.h>
#include <stdint.h>

#define BENCH_PATTERN_SIZE (1024 * 1024)

/* Byte i of every transfer. Not periodic within the 1 MiB buffer, so a chunk kept at the wrong
   offset (or twice) shows up as a mismatch. */
static inline unsigned char benchPatternByte(uint64_t offset)
{
    const uint32_t i = (uint32_t)(offset % BENCH_PATTERN_SIZE);
    return (unsigned char)((i * 2654435761u) >> 24);
}

#define BENCH_SPOT_COUNT 8

/* The offsets a receiver checks (k < BENCH_SPOT_COUNT, total > 0): both ends, the first chunk
   boundary of a 64 KiB store, and a few in the middle. */
static inline uint64_t benchSpotOffset(int k, uint64_t total)
{
    const uint64_t spots[BENCH_SPOT_COUNT] = {0, 1, 65535, 65536, total / 3, total / 2, total - 2, total - 1};
    return spots[k] < total ? spots[k] : total - 1;
}
