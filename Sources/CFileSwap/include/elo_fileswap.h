#ifndef ELO_FILESWAP_H
#define ELO_FILESWAP_H

/// Swaps two paths (files or folders) in one atomic step: Linux renameat2(RENAME_EXCHANGE). Returns 0, or -1
/// with errno set (ENOSYS or EINVAL where the kernel or file system cannot: the caller falls back to renames).
int elo_exchange_paths(const char *first, const char *second);

#endif
