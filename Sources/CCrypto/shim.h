// OpenSSL's libcrypto: SHA-256 for document identity (uses the CPU's SHA instructions where present).
#include <openssl/evp.h>
