#include "elo_charset.h"
#include <string.h>
#include <unicode/ucsdet.h>

int32_t elo_detect_charset(const char *input, int32_t length, char *name, int32_t capacity,
                           int32_t *confidence) {
    if (input == NULL || length <= 0 || name == NULL || capacity <= 0 || confidence == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    int32_t result = -1;
    ucsdet_setText(detector, input, length, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : NULL;
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        int32_t score = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && (int32_t)strlen(found) < capacity) {
            strcpy(name, found);
            *confidence = score;
            result = 0;
        }
    }
    ucsdet_close(detector);
    return result;
}
