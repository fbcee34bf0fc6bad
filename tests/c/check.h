/* What the C API tests share: CHECK counts a failed condition in `failures`
 * and says where; CHECK_STATUS wants a call to return `status` and the last
 * error to say the same. Each test's main returns failures != 0. */
#ifndef JADWAL_TESTS_C_CHECK_H
#define JADWAL_TESTS_C_CHECK_H

#include <jadwal/jadwal.h>

#include <stdio.h>

static int failures = 0;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                               \
        }                                                                             \
    } while (0)

#define CHECK_STATUS(status, call)                                                                              \
    do {                                                                                                        \
        const int got_ = (call);                                                                                \
        const jadwal_error* e_ = jadwal_last_error();                                                           \
        if (got_ != (status) || e_->code != (status)) {                                                         \
            fprintf(stderr, "%s:%d: %s returned %d (last error %d: '%s'), wanted %d\n", __FILE__, __LINE__, #call, \
                    got_, e_->code, e_->message, (int)(status));                                                \
            ++failures;                                                                                         \
        }                                                                                                       \
    } while (0)

#endif
