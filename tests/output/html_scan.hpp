// A small tag scanner for the report tests. It treats every '<' outside the
// <style> element as the start of a tag, so a scenario string that reached
// the page unescaped shows up as a tag (or an attribute) the report never
// writes itself; the tests compare what it finds with allow-lists.
#pragma once

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jadwal::test {

struct html_tag {
    std::string name;  ///< lower case; "/name" for an end tag
    std::vector<std::pair<std::string, std::string>> attributes;
};

inline std::string lower(std::string_view s) {
    std::string out{s};
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

inline std::vector<html_tag> scan_tags(std::string_view doc) {
    std::vector<html_tag> out;
    std::size_t k = 0;
    auto fail = [&](const std::string& what) { throw std::runtime_error(what + " at byte " + std::to_string(k)); };
    while ((k = doc.find('<', k)) != std::string_view::npos) {
        ++k;
        if (doc.substr(k, 8) == "!DOCTYPE") {
            k = doc.find('>', k);
            if (k == std::string_view::npos) fail("unterminated doctype");
            continue;
        }
        html_tag tag;
        const std::size_t name_start = k;
        if (k < doc.size() && doc[k] == '/') ++k;
        while (k < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[k])) || doc[k] == '-')) ++k;
        tag.name = lower(doc.substr(name_start, k - name_start));
        if (tag.name.empty() || tag.name == "/") fail("a '<' that starts no tag");
        for (;;) {
            while (k < doc.size() && std::isspace(static_cast<unsigned char>(doc[k]))) ++k;
            if (k >= doc.size()) fail("unterminated tag " + tag.name);
            if (doc[k] == '>') break;
            if (doc.substr(k, 2) == "/>") {
                ++k;
                break;
            }
            const std::size_t a = k;
            while (k < doc.size() && doc[k] != '=' && doc[k] != '>' &&
                   !std::isspace(static_cast<unsigned char>(doc[k])))
                ++k;
            std::string name = lower(doc.substr(a, k - a)), value;
            if (k < doc.size() && doc[k] == '=') {
                ++k;
                if (k >= doc.size() || doc[k] != '"') fail("attribute " + name + " is not double-quoted");
                const std::size_t close = doc.find('"', k + 1);
                if (close == std::string_view::npos) fail("unterminated attribute " + name);
                value = std::string{doc.substr(k + 1, close - k - 1)};
                k = close + 1;
            }
            tag.attributes.emplace_back(std::move(name), std::move(value));
        }
        ++k;
        if (tag.name == "style") {  // CSS is written by the report alone: skip to its end
            k = doc.find("</style>", k);
            if (k == std::string_view::npos) fail("unterminated style");
        }
        out.push_back(std::move(tag));
    }
    return out;
}

/// Every piece of `doc` from an `open` to the next `close`, both included.
inline std::vector<std::string_view> segments(std::string_view doc, std::string_view open, std::string_view close) {
    std::vector<std::string_view> out;
    std::size_t k = 0;
    while ((k = doc.find(open, k)) != std::string_view::npos) {
        const std::size_t e = doc.find(close, k);
        if (e == std::string_view::npos) break;
        out.push_back(doc.substr(k, e + close.size() - k));
        k = e + close.size();
    }
    return out;
}

}  // namespace jadwal::test
