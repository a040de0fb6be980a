// C shim over the system zlib: zlib's init functions are macros, which Swift
// cannot call, so they are wrapped here as plain functions.
#ifndef CSQUALL_ZLIB_H
#define CSQUALL_ZLIB_H
#include <zlib.h>

/// deflateInit2 with the given window bits (negative = raw deflate, 16+ = gzip).
int czlib_deflate_init(z_stream *stream, int level, int windowBits, int memLevel);
/// inflateInit2 with the given window bits (negative = raw deflate, 16+ = gzip).
int czlib_inflate_init(z_stream *stream, int windowBits);

#endif
