#include "elo_icu.h"
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Converts UTF-8 to freshly allocated UTF-16; returns NULL on failure. */
static UChar *to_utf16(const char *input, int32_t length, int32_t *utf16Length) {
    UErrorCode status = U_ZERO_ERROR;
    *utf16Length = 0;
    u_strFromUTF8(NULL, 0, utf16Length, input, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
    status = U_ZERO_ERROR;
    UChar *source = malloc(sizeof(UChar) * (size_t)(*utf16Length + 1));
    if (!source) return NULL;
    u_strFromUTF8(source, *utf16Length + 1, NULL, input, length, &status);
    if (U_FAILURE(status)) { free(source); return NULL; }
    return source;
}

/* Writes UTF-16 `text` as UTF-8 into output; the elo_nfc_utf8 return convention. */
static int32_t from_utf16(const UChar *text, int32_t length, char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8(output, capacity, &written, text, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return -written;
    if (U_FAILURE(status)) return INT32_MIN;
    return written;
}

/* The normaliser `instance` gives (ICU's NFC or NFD, owned by ICU: never freed); NULL when ICU has no data for it. */
static const UNormalizer2 *normaliser(const UNormalizer2 *(*instance)(UErrorCode *)) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *found = instance(&status);
    return U_FAILURE(status) ? NULL : found;
}

/* NFC into a new buffer; returns NULL on failure. */
static UChar *nfc16(const char *input, int32_t length, int32_t *outLength) {
    const UNormalizer2 *nfc = normaliser(unorm2_getNFCInstance);
    if (!nfc) return NULL;
    int32_t utf16Length = 0;
    UChar *source = to_utf16(input, length, &utf16Length);
    if (!source) return NULL;
    int32_t targetCapacity = utf16Length * 3 + 16;
    UChar *target = malloc(sizeof(UChar) * (size_t)targetCapacity);
    if (!target) { free(source); return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    *outLength = unorm2_normalize(nfc, source, utf16Length, target, targetCapacity, &status);
    free(source);
    if (U_FAILURE(status)) { free(target); return NULL; }
    return target;
}

int32_t elo_nfc_utf8(const char *input, int32_t length, char *output, int32_t capacity) {
    int32_t normalisedLength = 0;
    UChar *target = nfc16(input, length, &normalisedLength);
    if (!target) return INT32_MIN;
    int32_t written = from_utf16(target, normalisedLength, output, capacity);
    free(target);
    return written;
}

/* Whether the canonical decomposition of `base` already contains the combining mark `mark`. */
static int decomposition_contains(const UNormalizer2 *nfd, UChar32 base, UChar32 mark) {
    UChar buffer[16];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = unorm2_getDecomposition(nfd, base, buffer, 16, &status);
    if (U_FAILURE(status) || length <= 0) return 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U16_NEXT(buffer, i, length, c);
        if (c == mark) return 1;
    }
    return 0;
}

int32_t elo_normalise_text_utf8(const char *input, int32_t length, char *output, int32_t capacity) {
    const UNormalizer2 *nfd = normaliser(unorm2_getNFDInstance);
    if (!nfd) return INT32_MIN;
    int32_t normalisedLength = 0;
    UChar *text = nfc16(input, length, &normalisedLength);
    if (!text) return INT32_MIN;
    int32_t kept = 0;
    UChar32 previous = 0;
    for (int32_t i = 0; i < normalisedLength;) {
        int32_t start = i;
        UChar32 c;
        U16_NEXT(text, i, normalisedLength, c);
        if (u_getCombiningClass(c) > 0 && previous != 0 && decomposition_contains(nfd, previous, c)) {
            continue; /* a stray repeat of a mark the letter already has */
        }
        for (int32_t j = start; j < i; j++) text[kept++] = text[j];
        if (u_getCombiningClass(c) == 0) previous = c;
    }
    int32_t written = from_utf16(text, kept, output, capacity);
    free(text);
    return written;
}

struct elo_sentence_iterator {
    UBreakIterator *breaker;
    UText *text;
};

elo_sentence_iterator *elo_sentence_iterator_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaker = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &status);
    if (U_FAILURE(status) || !breaker) return NULL;
    elo_sentence_iterator *iterator = calloc(1, sizeof(elo_sentence_iterator));
    if (!iterator) { ubrk_close(breaker); return NULL; }
    iterator->breaker = breaker;
    return iterator;
}

void elo_sentence_iterator_close(elo_sentence_iterator *iterator) {
    if (!iterator) return;
    ubrk_close(iterator->breaker);
    if (iterator->text) utext_close(iterator->text);
    free(iterator);
}

int32_t elo_sentence_boundaries_utf8(elo_sentence_iterator *iterator, const char *input, int32_t length,
                                     int32_t *offsets, int32_t capacity) {
    if (!iterator) return -1;
    UErrorCode status = U_ZERO_ERROR;
    /* A UTF-8 UText: break positions come back as UTF-8 byte offsets, no conversion needed. */
    iterator->text = utext_openUTF8(iterator->text, input, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(iterator->breaker, iterator->text, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(iterator->breaker);
    for (int32_t boundary = ubrk_next(iterator->breaker); boundary != UBRK_DONE;
         boundary = ubrk_next(iterator->breaker)) {
        if (count < capacity) offsets[count] = boundary;
        count++;
    }
    return count;
}
