#pragma once

// Shared by the libFuzzer targets: turning the fuzzer's bytes into Qt values, and a check that aborts
// (a finding for libFuzzer) with the message and the input's place in it.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace cio::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The text a user or server would hand us: the bytes as UTF-8 (invalid sequences become U+FFFD, as
// QString::fromUtf8 does wherever we read text).
inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

[[noreturn]] inline void fail(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.constData());
    std::abort();
}

inline void check(bool condition, const char *what, const QByteArray &detail = {})
{
    if (!condition)
        fail(what, detail);
}

} // namespace cio::fuzz
