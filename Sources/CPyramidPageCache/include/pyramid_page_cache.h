#ifndef PYRAMID_PAGE_CACHE_H
#define PYRAMID_PAGE_CACHE_H

#include <stdint.h>

/// Asks the OS to start writing the bytes of `fd` from `offset` on (`length` of them, 0 for all) to the disk,
/// without waiting for it (Linux's sync_file_range with SYNC_FILE_RANGE_WRITE). No promise of durability: that is
/// still fsync's. Returns 0, or -1 with errno set; a no-op returning 0 where the OS has no such call.
int pyramid_start_writeback(int fd, int64_t offset, int64_t length);

/// Gives the OS back the bytes of `fd` from `offset` on (`length` of them), which then read as zeros: their pages
/// leave memory and the disk at once (Linux's fallocate with FALLOC_FL_PUNCH_HOLE, the file's size kept). Returns 0,
/// or -1 with errno set, as where the OS or the file system has no such call.
int pyramid_punch_hole(int fd, int64_t offset, int64_t length);

/// Asks the processor to fetch the cache line at `address` into its cache, to be written, without waiting for it
/// (a hint: it may do nothing). For a structure far larger than the cache, touched at places known a few steps
/// ahead (see KeySieve).
static inline void pyramid_prefetch(const void *address) { __builtin_prefetch(address, 1); }

#endif
