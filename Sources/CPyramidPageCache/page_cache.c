// sync_file_range and fallocate are GNU extensions of Linux; the macro must come before the first system header.
#define _GNU_SOURCE
#include "pyramid_page_cache.h"

#include <fcntl.h>

int pyramid_start_writeback(int fd, int64_t offset, int64_t length) {
#if defined(__linux__)
    return sync_file_range(fd, offset, length, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd, (void)offset, (void)length;
    return 0;
#endif
}

int pyramid_punch_hole(int fd, int64_t offset, int64_t length) {
#if defined(__linux__)
    return fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length);
#else
    (void)fd, (void)offset, (void)length;
    return -1;
#endif
}
