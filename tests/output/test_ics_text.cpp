// The lexical layer of the calendar writer: folding, TEXT and parameter
// escaping, encoded ids, URIs and file names.
#include "../../src/output/ics_text.hpp"

#include "ics_support.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace jadwal;
using namespace jadwal::output::detail;

namespace {

std::string folded(std::string_view line) {
    std::string out;
    append_folded(out, line);
    return out;
}

std::string ics_text_of(std::string_view v) {
    std::string out;
    append_text(out, v);
    return out;
}

std::string param(std::string_view v) {
    std::string out;
    append_param_value(out, v);
    return out;
}

/// True when every byte sequence of `s` is well-formed UTF-8 on its own.
bool whole_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("A line of 75 octets is not folded; one of 76 is, at exactly 75", "[output][ics][fold]") {
    const std::string l75 = "SUMMARY:" + std::string(67, 'a');
    REQUIRE(l75.size() == 75);
    CHECK(folded(l75) == l75 + "\r\n");

    const std::string l76 = l75 + "b";
    CHECK(folded(l76) == l75 + "\r\n b\r\n");

    // Continuation lines hold 74 octets after their leading space.
    const std::string long_line = "DESCRIPTION:" + std::string(200, 'x');
    const std::string out = folded(long_line);
    const auto lines = test_ics::physical_lines(out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[1][0] == ' ');
    CHECK(lines[2].size() == 1 + (long_line.size() - 75 - 74));
}

TEST_CASE("Folding never splits a UTF-8 character, whatever its length and position", "[output][ics][fold]") {
    const std::string character = GENERATE(as<std::string>{}, "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x8E\x93");
    const std::size_t prefix = GENERATE(range<std::size_t>(60, 80));
    std::string line = "SUMMARY:" + std::string(prefix, 'a');
    for (int i = 0; i < 60; ++i) line += character;
    INFO("character of " << character.size() << " bytes after " << prefix << " ASCII bytes");
    const std::string out = folded(line);
    const auto lines = test_ics::physical_lines(out);  // checks 75 octets and CRLF
    std::string unfolded;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(whole_utf8(lines[i]));
        // A line is cut short only by as much as the character needs.
        if (i + 1 < lines.size()) CHECK(lines[i].size() > 75 - character.size());
        if (i > 0) REQUIRE(lines[i][0] == ' ');
        unfolded += lines[i].substr(i > 0 ? 1 : 0);
    }
    CHECK(unfolded == line);
}

TEST_CASE("A long Indonesian title with non-ASCII letters folds at character boundaries", "[output][ics][fold]") {
    const std::string title =
        "Pelatihan Kepemimpinan Pengawas — Étika, integritas & akuntabilitas; budaya kerja ASN BerAKHLAK "
        "di lingkungan Pemerintah Kabupaten Batanghari, Provinsi Jambi (angkatan Ⅻ) 🎓";
    std::string line = "SUMMARY:";
    append_text(line, title);
    const std::string out = folded(line);
    const auto lines = test_ics::content_lines(out);
    REQUIRE(lines.size() == 1);
    CHECK(test_ics::unescape_text(lines[0].substr(8)) == title);
    for (const auto l : test_ics::physical_lines(out)) CHECK(whole_utf8(l));
}

TEST_CASE("TEXT values escape backslash, semicolon, comma and line breaks", "[output][ics][escape]") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"plain text", "plain text"},
        {"a,b", "a\\,b"},
        {"a;b", "a\\;b"},
        {"back\\slash", "back\\\\slash"},
        {"line\nbreak", "line\\nbreak"},
        {"dos\r\nbreak", "dos\\nbreak"},
        {"mac\rbreak", "mac\\nbreak"},
        {"colon: and \"quotes\"", "colon: and \"quotes\""},
        {"tab\tkept", "tab\tkept"},
        {"bell\x07 and del\x7f and nul" + std::string(1, '\0'), "bell  and del  and nul "},
        {"\\n is not a line break", "\\\\n is not a line break"},
    }));
    INFO(in);
    CHECK(ics_text_of(in) == out);
}

TEST_CASE("Malformed UTF-8 in TEXT becomes U+FFFD, well-formed text is kept", "[output][ics][escape]") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(ics_text_of("Ñoño Đặng 🎓") == "Ñoño Đặng 🎓");
    CHECK(ics_text_of("a\xFF" "b") == "a" + fffd + "b");
    CHECK(ics_text_of("\xC0\xAF") == fffd + fffd);          // overlong '/'
    CHECK(ics_text_of("\xED\xA0\x80") == fffd + fffd + fffd);  // a surrogate
    CHECK(ics_text_of("\xE2\x82") == fffd + fffd);          // cut short
    CHECK(ics_text_of("\xF4\x90\x80\x80").find(fffd) == 0);  // above U+10FFFF
}

TEST_CASE("Parameter values are quoted when needed and can never close the quote", "[output][ics][escape]") {
    CHECK(param("Siti Rahmawati") == "Siti Rahmawati");
    CHECK(param("Ahmad Fauzi, S.E.") == "\"Ahmad Fauzi, S.E.\"");
    CHECK(param("a;b") == "\"a;b\"");
    CHECK(param("mailto:x") == "\"mailto:x\"");
    CHECK(param("Zulkarnain \"Zul\"") == "Zulkarnain 'Zul'");
    CHECK(param("\"x\":evil") == "\"'x':evil\"");
    CHECK(param("Evil\nATTENDEE:mailto:evil") == "\"Evil ATTENDEE:mailto:evil\"");
    CHECK(param("Ñoño") == "Ñoño");
}

TEST_CASE("Ids are percent-encoded outside letters, digits, '-' and '_'", "[output][ics][escape]") {
    auto id = [](std::string_view v) {
        std::string out;
        append_id_component(out, v);
        return out;
    };
    CHECK(id("keuda-01") == "keuda-01");
    CHECK(id("aula_bkpsdmd") == "aula_bkpsdmd");
    CHECK(id("198203142006041002") == "198203142006041002");
    CHECK(id("a.b/c") == "a%2Eb%2Fc");
    CHECK(id("100%") == "100%25");
    CHECK(id("é @") == "%C3%A9%20%40");
    // Injective: ids that differ stay different once joined with '.'.
    CHECK(id("a.b") + "." + id("c") != id("a") + "." + id("b.c"));
}

TEST_CASE("URIs keep what RFC 3986 allows and encode the rest", "[output][ics][escape]") {
    auto uri = [](std::string_view v) {
        std::string out;
        append_uri(out, v);
        return out;
    };
    CHECK(uri("https://zoom.us/j/123?pwd=abc") == "https://zoom.us/j/123?pwd=abc");
    CHECK(uri("https://x.go.id/a b") == "https://x.go.id/a%20b");
    CHECK(uri("https://x.go.id/%20ok") == "https://x.go.id/%20ok");
    CHECK(uri("https://x.go.id/100%") == "https://x.go.id/100%25");
    CHECK(uri("https://x.go.id/\"><\r\n") == "https://x.go.id/%22%3E%3C%0D%0A");
    CHECK(uri("https://x.go.id/ü") == "https://x.go.id/%C3%BC");

    auto mailto = [](std::string_view v) {
        std::string out;
        append_mailto(out, v);
        return out;
    };
    CHECK(mailto("siti.rahma@bkpsdmd.go.id") == "mailto:siti.rahma@bkpsdmd.go.id");
    CHECK(mailto("hasan+wi@x.go.id") == "mailto:hasan+wi@x.go.id");
    // A comma or '?' would add a recipient or a header field.
    CHECK(mailto("a@x.go.id,b@y.go.id") == "mailto:a@x.go.id%2Cb@y.go.id");
    CHECK(mailto("a@x.go.id?cc=b@y") == "mailto:a@x.go.id%3Fcc%3Db@y");
}

TEST_CASE("File stems never leave their directory and stay distinct", "[output][ics][files]") {
    const auto [id, stem] = GENERATE(table<std::string, std::string>({
        {"198203142006041002", "198203142006041002"},
        {"keuda-01", "keuda-01"},
        {".", "%2E"},
        {"..", "%2E%2E"},
        {"../../etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"},
        {"a/b\\c", "a%2Fb%5Cc"},
        {"x.cancel", "x%2Ecancel"},
        {"CON", "%43ON"},
        {"nul", "%6Eul"},
        {"com1", "%63om1"},
        {"console", "console"},
        {"", "%"},
        {"tab\there", "tab%09here"},
    }));
    INFO(id);
    CHECK(file_stem(id) == stem);
}

TEST_CASE("A very long id gets a stem cut short and told apart by a hash", "[output][ics][files]") {
    const std::string a = std::string(100, 'a') + "/" + std::string(100, 'b');
    const std::string b = std::string(100, 'a') + "/" + std::string(100, 'c');
    const std::string ua = file_stem(a);
    const std::string ub = file_stem(b);
    CHECK(ua.size() <= 120);
    CHECK(ua != ub);
    CHECK(ua.find('~') == 100);
    CHECK(ua == file_stem(a));  // stable
    // A cut never splits a %XX escape.
    const std::string escapes(60, '/');
    const std::string ue = file_stem(escapes);
    CHECK(ue.substr(0, ue.find('~')).size() % 3 == 0);
}

TEST_CASE("Date-times and UTC offsets have the RFC 5545 forms", "[output][ics]") {
    std::string out;
    append_utc(out, test_ics::at(2026, 3, 16, 1, 5));
    CHECK(out == "20260316T010500Z");
    out.clear();
    append_local(out, date::local_seconds{date::local_days{date::year{2026} / 12 / 31}} + std::chrono::hours{23} +
                          std::chrono::minutes{59} + std::chrono::seconds{7});
    CHECK(out == "20261231T235907");
    auto offset = [](std::chrono::seconds s) {
        std::string o;
        append_utc_offset(o, s);
        return o;
    };
    CHECK(offset(std::chrono::hours{7}) == "+0700");
    CHECK(offset(-std::chrono::minutes{3 * 60 + 30}) == "-0330");
    CHECK(offset(std::chrono::seconds{0}) == "+0000");
    CHECK(offset(std::chrono::seconds{7 * 3600 + 7 * 60 + 12}) == "+070712");
}
