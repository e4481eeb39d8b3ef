#include "elo_icu.h"
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <limits.h>
#include <stdlib.h>

int32_t elo_nfc_utf8(const char *input, int32_t length, char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return INT32_MIN;
    int32_t utf16Length = 0;
    u_strFromUTF8(NULL, 0, &utf16Length, input, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return INT32_MIN;
    status = U_ZERO_ERROR;
    UChar *source = malloc(sizeof(UChar) * (size_t)(utf16Length + 1));
    UChar *target = malloc(sizeof(UChar) * (size_t)(utf16Length * 3 + 16));
    if (!source || !target) { free(source); free(target); return INT32_MIN; }
    u_strFromUTF8(source, utf16Length + 1, NULL, input, length, &status);
    int32_t normalisedLength = unorm2_normalize(nfc, source, utf16Length, target, utf16Length * 3 + 16, &status);
    int32_t written = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8(output, capacity, &written, target, normalisedLength, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) written = -written;
        else if (U_FAILURE(status)) written = INT32_MIN;
    } else {
        written = INT32_MIN;
    }
    free(source);
    free(target);
    return written;
}
