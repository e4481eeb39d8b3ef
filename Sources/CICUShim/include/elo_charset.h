#ifndef ELO_CHARSET_H
#define ELO_CHARSET_H
/* Plain-C interface to ICU charset detection (ucsdet). No ICU header is included here on purpose:
   Foundation bundles its own ICU, and importing the system headers next to it clashes. */
#include <stdint.h>

/* Guesses the character set of `length` bytes at `input` with ICU's detector. On success writes the
   NUL-terminated canonical name (e.g. "windows-1252", "UTF-16LE") into `name` (capacity bytes), stores
   ICU's confidence (0-100) in `*confidence` and returns 0. Returns -1 when ICU gives no answer or the
   name does not fit. */
int32_t elo_detect_charset(const char *input, int32_t length, char *name, int32_t capacity,
                           int32_t *confidence);

#endif
