// One UTF-8 sequence, decoded strictly (RFC 3629): no overlong forms, no
// UTF-16 surrogates, nothing above U+10FFFF. The loader's text check and the
// terminal escaping of diagnostics both read text with it.
#pragma once

#include <cstddef>
#include <string_view>

namespace jadwal::load::detail {

struct utf8_sequence {
    std::size_t length = 0;  ///< bytes of the sequence; 0 when they are not valid UTF-8
    char32_t code_point = 0;
    /// When not valid: the offset of the byte that breaks it (0: the lead byte;
    /// the text's size: the sequence is cut off at its end).
    std::size_t bad_byte = 0;
};

/// Decodes the multi-byte sequence at the start of `s` (its first byte is 0x80 or above).
inline utf8_sequence decode_utf8(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = b(0);
    utf8_sequence out;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        out.code_point = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        out.code_point = c & 0x0Fu;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        out.code_point = c & 0x07u;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return out;
    }
    if (s.size() < len) {
        out.bad_byte = s.size();
        return out;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char cc = b(k);
        if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF)) {
            out.bad_byte = k;
            return out;
        }
        out.code_point = (out.code_point << 6) | (cc & 0x3Fu);
    }
    out.length = len;
    return out;
}

}  // namespace jadwal::load::detail
