#ifndef ELO_ICU_H
#define ELO_ICU_H
/* Plain-C interface to the ICU functions elo needs. No ICU header is included here on purpose:
   Foundation bundles its own ICU, and importing the system headers next to it clashes. */
#include <stdint.h>
#include <stddef.h>

/* NFC-normalise UTF-8 `input` into `output` (capacity bytes). Returns the number of bytes written, or
   the needed capacity as a negative number when `output` is too small, or INT32_MIN on error. */
int32_t elo_nfc_utf8(const char *input, int32_t length, char *output, int32_t capacity);

/* Like elo_nfc_utf8, and afterwards drops a combining mark that repeats a mark already carried by the
   preceding precomposed letter (PDF text layers give "å" followed by an extra U+030A). Same returns. */
int32_t elo_normalise_text_utf8(const char *input, int32_t length, char *output, int32_t capacity);

/* An ICU sentence break iterator for one locale ("fi", "sv", "" for root). Not thread-safe: one per
   thread. Returns NULL when ICU cannot open one. */
typedef struct elo_sentence_iterator elo_sentence_iterator;
elo_sentence_iterator *elo_sentence_iterator_open(const char *locale);
void elo_sentence_iterator_close(elo_sentence_iterator *iterator);

/* Writes the UTF-8 byte offsets where sentences end in `input` (each boundary after the first
   position, the last one being `length`) into `offsets`. Returns how many boundaries there are (which
   may exceed `capacity`: call again with more room), or -1 on error. */
int32_t elo_sentence_boundaries_utf8(elo_sentence_iterator *iterator, const char *input, int32_t length,
                                     int32_t *offsets, int32_t capacity);

#endif
