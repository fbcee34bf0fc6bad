// Typed, checked access to a parsed YAML document. The loader only ever walks
// the keys it knows, through this class: every node it touches costs one unit
// of a budget (so aliases cannot make a small file expand into an endless
// walk), every map's keys are checked against the allowed ones (unknown keys
// with a did-you-mean, duplicate keys), and every value is read with its type
// and range checked. Problems are reported at the node's position with its path.
#pragma once

#include "reporter.hpp"

#include <jadwal/time/civil.hpp>

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load::detail {

/// A node path such as `units[3].max_absent`, built on the stack as the walk
/// descends and only formatted when a diagnostic needs it. A ypath refers to its
/// parent: keep every level in a named variable while its children are in use.
class ypath {
public:
    ypath() = default;
    [[nodiscard]] ypath key(std::string_view k) const { return ypath{this, k, npos}; }
    [[nodiscard]] ypath at(std::size_t i) const { return ypath{this, {}, i}; }
    [[nodiscard]] std::string str() const;

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    ypath(const ypath* parent, std::string_view k, std::size_t i) : parent_(parent), key_(k), index_(i) {}
    const ypath* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = npos;
};

/// One key: value pair of a map.
struct yentry {
    std::string_view key;
    YAML::Node key_node;
    YAML::Node value;
};

/// A value to read: its node, the key it stands under (for positions of empty
/// values, which yaml-cpp places after the key) and its path.
struct yval {
    YAML::Node node;
    const YAML::Node* key = nullptr;
    const ypath* path = nullptr;
    yval(const YAML::Node& n, const ypath& p) : node(n), path(&p) {}
    yval(const yentry& e, const ypath& p) : node(e.value), key(&e.key_node), path(&p) {}
};

class ymap {
public:
    YAML::Node node;
    std::vector<yentry> entries;
    [[nodiscard]] const yentry* find(std::string_view k) const {
        for (const auto& e : entries)
            if (e.key == k) return &e;
        return nullptr;
    }
};

class yreader {
public:
    yreader(reporter& rep, std::uint32_t file, std::size_t budget) : rep_(rep), file_(file), budget_(budget) {}

    [[nodiscard]] reporter& rep() { return rep_; }
    [[nodiscard]] std::uint32_t file() const { return file_; }
    /// The 1-based position of a node (yaml-cpp marks are 0-based).
    [[nodiscard]] loc where(const YAML::Node& n) const;
    [[nodiscard]] loc where(const yval& v) const;
    [[nodiscard]] loc where(const yentry& e) const { return where(e.key_node); }

    /// Pays for visiting `v`; false once the budget is spent, after one E-LIMIT
    /// at the value that crossed it (its position and the path it was reached by).
    bool spend(const yval& v);
    [[nodiscard]] bool exhausted() const { return exhausted_; }

    void error(std::string_view code, phrase message, const yval& v);
    void warning(std::string_view code, phrase message, const yval& v);
    void error_at(std::string_view code, phrase message, const YAML::Node& n, const ypath& p);
    void warning_at(std::string_view code, phrase message, const YAML::Node& n, const ypath& p);

    /// A map whose keys must be among `allowed` (unknown ones are reported with
    /// a did-you-mean and skipped). Duplicate keys are reported; the first wins.
    std::optional<ymap> map(const yval& v, const phrase& what, std::span<const std::string_view> allowed);
    /// A map whose keys are ids chosen by the user (checked only for duplicates).
    std::optional<ymap> free_map(const yval& v, const phrase& what);
    /// A list of at most `max_items` entries.
    std::optional<std::vector<YAML::Node>> list(const yval& v, const phrase& what, std::size_t max_items = 100000);
    /// A list, or a single scalar taken as a list of one.
    std::optional<std::vector<YAML::Node>> scalar_or_list(const yval& v, const phrase& what,
                                                          std::size_t max_items = 100000);
    /// A required key: reports E-KEY-MISSING at the map when absent.
    const yentry* need(const ymap& m, const ypath& p, std::string_view key, const phrase& what);

    [[nodiscard]] bool is_null(const yval& v) const;
    std::optional<std::string> text(const yval& v, const phrase& what);
    /// An id: text that passes id_problem().
    std::optional<std::string> id(const yval& v, const phrase& what);
    std::optional<std::int64_t> integer(const yval& v, const phrase& what, std::int64_t min, std::int64_t max);
    std::optional<int> small_int(const yval& v, const phrase& what, int min, int max) {
        const auto r = integer(v, what, min, max);
        return r ? std::optional<int>{static_cast<int>(*r)} : std::nullopt;
    }
    std::optional<double> real(const yval& v, const phrase& what, double min, double max);
    std::optional<bool> boolean(const yval& v, const phrase& what);
    std::optional<calendar::local_date> date(const yval& v, const phrase& what);
    std::optional<calendar::clock_range> clock_range(const yval& v, const phrase& what);
    /// One of `options`; returns its index. Reports E-ENUM with a did-you-mean.
    std::optional<std::size_t> choice(const yval& v, const phrase& what, std::span<const std::string_view> options);

private:
    bool scalar_check(const yval& v, const phrase& what);
    reporter& rep_;
    std::uint32_t file_;
    std::size_t budget_;
    bool exhausted_ = false;
};

/// "a map", "a list", "text", "nothing", for type messages.
[[nodiscard]] phrase describe(const YAML::Node& n);

}  // namespace jadwal::load::detail
