#ifndef ELO_ICU_H
#define ELO_ICU_H
/* Plain-C interface to the ICU functions elo needs. No ICU header is included here on purpose:
   Foundation bundles its own ICU, and importing the system headers next to it clashes. */
#include <stdint.h>
#include <stddef.h>

/* NFC-normalise UTF-8 `input` into `output` (capacity bytes). Returns the number of bytes written, or
   the needed capacity as a negative number when `output` is too small, or INT32_MIN on error. */
int32_t elo_nfc_utf8(const char *input, int32_t length, char *output, int32_t capacity);

#endif
