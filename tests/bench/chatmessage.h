#pragma once

/* The messages bench_pusher writes, shared with the receivers that check them (C and C++ alike).
   Message k of `size` bytes (size >= 12): k in ten decimal digits, a space, letters that shift with
   k, and a newline: a line of a chat protocol, and no two neighbouring messages alike, so a message
   kept at the wrong offset (or twice) shows up as a mismatch. */

#include <stddef.h>
#include <stdint.h>

#define BENCH_MESSAGE_DIGITS 10

static inline void benchMessage(uint64_t k, unsigned char *out, size_t size)
{
    uint64_t rest = k;
    for (int i = BENCH_MESSAGE_DIGITS - 1; i >= 0; --i) {
        out[i] = (unsigned char)('0' + rest % 10);
        rest /= 10;
    }
    out[BENCH_MESSAGE_DIGITS] = ' ';
    for (size_t i = BENCH_MESSAGE_DIGITS + 1; i + 1 < size; ++i)
        out[i] = (unsigned char)('a' + (k + i) % 26);
    out[size - 1] = '\n';
}
